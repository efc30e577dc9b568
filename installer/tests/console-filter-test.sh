#!/usr/bin/env bash
# What `make run` shows of the appliance's output (packaging/console-filter.awk), on records as Payara Micro 7,
# Liquibase, java.util.logging and the appliance write them: INFO noise is hidden, the banner, Reelforge's lines and
# every real warning or error are shown. Runs with each awk this machine has (Debian's default is mawk).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
filter=$here/../../packaging/console-filter.awk
esc=$'\033'
input=$(cat <<IN
Reelforge: starting on http://localhost:8080 (data in ./data) ...
[2026-12-05T03:23:09.403+0000] [] [${esc}[1;93mWARNING${esc}[0m] [] [${esc}[1;94mPayaraMicro${esc}[0m] [tid: _ThreadID=3 _ThreadName=main] [timeMillis: 1] [levelValue: 900] Payara Micro Runtime directory is located in a temporary file location which can be cleaned by system processes.

[2026-12-05T03:23:09.620+0000] [] [${esc}[1;92mINFO${esc}[0m] [] [${esc}[1;94mPayaraMicro${esc}[0m] [tid: _ThreadID=3 _ThreadName=main] [timeMillis: 1] [levelValue: 800] Pre-boot Commands

[2026-12-05T03:23:17.167+0000] [] [${esc}[1;92mINFO${esc}[0m] [] [${esc}[1;94mfish.payara.boot.runtime.BootCommand${esc}[0m] [tid: _ThreadID=3 _ThreadName=main] [timeMillis: 1] [levelValue: 800] [[
  Boot Command set returned with result SUCCESS
    configs.config.server-config.network-config.network-listeners.network-listener.http-listener.port=8080
]]

[2026-12-05T03:24:07.753+0000] [] [${esc}[1;93mWARNING${esc}[0m] [] [${esc}[1;94mjakarta.enterprise.web${esc}[0m] [tid: _ThreadID=3 _ThreadName=main] [timeMillis: 1] [levelValue: 900] [[
  Something an operator should read
  second line]]

[2026-12-05T03:24:08.000+0000] [] [${esc}[1;91mSEVERE${esc}[0m] [] [${esc}[1;94mjakarta.enterprise.system.core${esc}[0m] [tid: _ThreadID=3 _ThreadName=main] [timeMillis: 1] [levelValue: 1000] Exception while loading the app

UPDATE SUMMARY
Run:                         37
Total change sets:           37
ts=2026-12-05T03:25:13.097Z level=info logger=org.quartz.core.QuartzScheduler thread=main msg="Scheduler meta-data"
ts=2026-12-05T03:25:13.629Z level=info logger=io.reelforge.infrastructure.jobs.JobScheduler thread=main msg="job runner started"
ts=2026-12-05T03:25:13.700Z level=warn logger=org.atmosphere.cpr.AtmosphereFramework thread=main msg="a warning"

==================================================================================
 Reelforge first start: a demo account was created (shown once, keep the keys)
==================================================================================
Dec 05, 2026 3:40:00 AM fish.payara.micro.impl.PayaraMicroImpl\$1 run
INFO: Payara Micro STOPPED.
Dec 05, 2026 3:40:01 AM some.Class method
SEVERE: a plain record that matters
Exception in thread "hz.stupefied_easley.cached.thread-2" java.util.concurrent.RejectedExecutionException: Task
	at java.base/java.util.concurrent.ThreadPoolExecutor.reject(ThreadPoolExecutor.java:787)
	... 7 more
Reelforge stopped
IN
)
expected=$(cat <<OUT
Reelforge: starting on http://localhost:8080 (data in ./data) ...
WARNING: Something an operator should read
    second line]]
SEVERE: Exception while loading the app
ts=2026-12-05T03:25:13.629Z level=info logger=io.reelforge.infrastructure.jobs.JobScheduler thread=main msg="job runner started"
ts=2026-12-05T03:25:13.700Z level=warn logger=org.atmosphere.cpr.AtmosphereFramework thread=main msg="a warning"

==================================================================================
 Reelforge first start: a demo account was created (shown once, keep the keys)
==================================================================================
Dec 05, 2026 3:40:01 AM some.Class method
SEVERE: a plain record that matters
Reelforge stopped
OUT
)
ran=0
for awk in mawk gawk original-awk busybox-awk; do
  command -v "$awk" >/dev/null || continue
  got=$(printf '%s\n' "$input" | "$awk" -f "$filter")
  if [ "$got" != "$expected" ]; then
    echo "console-filter-test: $awk shows something else:" >&2
    diff <(printf '%s\n' "$expected") <(printf '%s\n' "$got") >&2 || true
    exit 1
  fi
  ran=$((ran + 1))
done
[ "$ran" -gt 0 ] || { echo "console-filter-test: no awk on this machine" >&2; exit 1; }
echo "console-filter-test: passed with $ran awk(s)"
