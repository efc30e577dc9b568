module github.com/reelforge/reelforge-go/tools/modzip

go 1.19
