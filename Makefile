# Reelforge: the two commands are `make run` and `make test` (see README.md).
MVN  ?= mvn -B
PORT ?= 8080
DATA ?= $(CURDIR)/data
JAR  := packaging/target/reelforge.jar

.PHONY: run test build bench clean

## Build the bundle and start it on the embedded default (Derby, local disk, sandbox engine).
run: build
	PORT=$(PORT) DATA=$(DATA) packaging/run.sh

## Install what the tests need (ffmpeg/ffprobe, curl, jq) and run every test: unit, then end-to-end.
test:
	scripts/test-deps.sh
	$(MVN) verify

build:
	$(MVN) -q -DskipTests install

## Benchmarks: each prints ratios against a baseline measured in the same run. RenderBench (sandbox render +
## MP4 encode vs a bare encode), then SamplerBench (the DJL engine's Java sampler vs bare TorchScript forwards
## on the tiny Wan package, which the bench module generates with python3-torch). A reactor build: no install.
bench:
	$(MVN) -pl model-manager,bench -am verify -DskipTests -DskipBench=false

clean:
	$(MVN) -q clean
