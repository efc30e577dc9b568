module example.com/reelforge-contract

go 1.19

require github.com/reelforge/reelforge-go v0.1.0
