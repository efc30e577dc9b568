module github.com/reelforge/reelforge-go

go 1.19
