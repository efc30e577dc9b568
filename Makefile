# Reelforge: the two commands are `make run` and `make test` (see README.md).
MVN  ?= mvn -B
PORT ?= 8080
DATA ?= $(CURDIR)/data
JAR  := packaging/target/reelforge.jar

SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

# A JDK 21+ for Maven and the scripts (Temurin 25 where it is installed; Debian's default java is 17): see
# scripts/java-home.sh. Exported, so mvn, packaging/run.sh and the test scripts all run on it.
JAVA_HOME := $(shell scripts/java-home.sh)
ifeq ($(JAVA_HOME),)
$(error no JDK 21 or newer found (see the line above): install one or set JAVA_HOME)
endif
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)

.PHONY: run test build dist test-dist sdk-test bench clean

## Build the bundle and start it on the embedded default (Derby, local disk, sandbox engine).
run: build
	PORT=$(PORT) DATA=$(DATA) packaging/run.sh

## Install what the tests need (ffmpeg/ffprobe, curl, jq) and run every test: unit, then end-to-end, then the
## SDK contract suite beside the distributions' test (install, upgrade, rollback, uninstall of the tarball and the .deb on
## this machine, as root).
## -T 2: the modules that do not need each other build at once; the service tests' two Payara Micro runs (about half of
## the two cores busy) go beside the console's build and the packaging, instead of after the end-to-end tests.
test:
	scripts/test-deps.sh
	installer/tests/console-filter-test.sh
	installer/tests/cli-start-test.sh
	$(MVN) -T 2 verify
	installer/tests/libtorch-test.sh
	scripts/test-distributions-and-sdks.sh

## The two distributions: packaging/target/reelforge-<version>-linux-x86_64.tar.gz and reelforge_<version>_amd64.deb
## (each with a .sha256). -Pcuda for the CUDA libtorch (docs/install.md).
dist:
	$(MVN) -pl packaging -am package -DskipTests

## The distribution test alone, on distributions already built (make dist).
test-dist:
	$(SUDO) installer/tests/dist-test.sh

## The SDK contract suite on a bundle already built (packaging/target: its launcher root, else reelforge.jar): one appliance, every SDK under
## sdks/ built into its installable artefact, installed from it and run over sdks/contract/SCENARIOS.md.
## `make sdk-test SDKS="python node"` runs some of them.
sdk-test:
	sdks/contract/run.sh $(SDKS)

## The bundle alone (make run needs no SBOM, runtime, tarball or .deb: dist.skip saves their minutes).
build:
	$(MVN) -q -DskipTests -Ddist.skip=true install

## Benchmarks: each prints ratios against a baseline measured in the same run. RenderBench (sandbox render +
## MP4 encode vs a bare encode), then LedgerBench (one account's admission at 1M ledger entries vs at 1, beside the
## old SUM's ratio, on embedded Derby), then ExportBench (the console's CSV export of 100,000 generations vs one scan of
## the table, beside the old keyset export, on Derby and on the PostgreSQL at 127.0.0.1:5432 unless
## -Dbench.postgresql.url=none), then SamplerBench (the DJL engine's Java sampler vs bare TorchScript forwards
## on the tiny Wan package, which the bench module generates with python3-torch), then the cluster's throughput
## (2 nodes / 1 node on one PostgreSQL: needs make build and a PostgreSQL server). A reactor build: no install.
bench:
	$(MVN) -pl model-manager,bench -am verify -DskipTests -DskipBench=false
	bench/dist-boot.sh
	bench/cluster-throughput.sh

clean:
	$(MVN) -q clean
