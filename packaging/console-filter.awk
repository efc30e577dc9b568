# What `make run` (packaging/run.sh) shows of the appliance's output: the banner with the keys, Reelforge's own
# lines, and every warning or error; the whole output, Payara's INFO records included, goes to the log file that
# run.sh names. Reads Payara's ODL records ("[time] [] [LEVEL] ... [levelValue: N] message", multi-line ones
# between "[[" and "]]") and, once the application has started, its key=value lines ("ts=... level=...").

# Payara warnings seen on every start of a single node that say nothing about this appliance:
function benign(line) {
    return line ~ /Runtime directory is located in a temporary file location/ \
        || line ~ /Some of the ports seem occupied/ \
        || line ~ /registered the JDBC driver .* but failed to unregister it/ \
        || line ~ /persistent EJB Timer Service requires Full/ \
        || line ~ /Class Not loaded yet com\.sun\.ejb\.containers\.interceptors/ \
        || line ~ /Exception while dispatching an event|An error occured when the system was coming down/ \
        || line ~ /created a ThreadLocal with key of type .* but failed to remove it when the web application was stopped/ \
        || line ~ /^JdbcRuntimeExtension, +getAllSystemRAResourcesAndPools/
}
# (the last three come at every Ctrl-C: Payara stops its data grid before the application, so unloading it fails
# with a HazelcastInstanceNotActiveException; its leak check then reports the pooled threads' Derby and Liquibase
# contexts, which end with the JVM; and a configuration dump goes to standard output)

{ gsub(/\033\[[0-9;]*m/, "") }

/^\[[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T/ {
    level = 0
    if (match($0, /levelValue: [0-9]+/)) level = substr($0, RSTART + 12, RLENGTH - 12) + 0
    in_record = ($0 ~ /\[\[[[:space:]]*$/)
    label = level >= 1000 ? "SEVERE: " : "WARNING: "
    msg = $0
    sub(/^.*\[levelValue: [0-9]+\][[:space:]]*(\[\[)?[[:space:]]*/, "", msg)
    # a multi-line record's message starts on its next line: decide there
    pending = in_record && level >= 900 && !benign($0)
    show = !in_record && level >= 900 && !benign($0)
    if (show) print label msg
    fflush()
    next
}
in_record {
    if (pending) {
        pending = 0
        show = !benign($0)
        first = $0
        sub(/^[[:space:]]+/, "", first)
        if (show) print label first
    } else if (show) {
        print "  " $0
    }
    if ($0 ~ /\]\][[:space:]]*$/) in_record = 0
    fflush()
    next
}
# java.util.logging's plain two-line records (the last ones at shutdown): "Dec 05, 2026 3:40:00 AM class method",
# then "LEVEL: message"; INFO ones stay in the log
/^[A-Z][a-z][a-z] [0-9]+, [0-9][0-9][0-9][0-9] [0-9]+:[0-9][0-9]:[0-9][0-9] [AP]M / { held = $0; next }
held != "" {
    if ($0 !~ /^INFO: /) print held "\n" $0
    held = ""
    fflush()
    next
}
# Hazelcast's threads die with a RejectedExecutionException when Ctrl-C stops its executors under them; their stack
# traces go to standard error
/^Exception in thread "hz\./ { in_trace = 1; next }
in_trace && /^(\tat |\t\.\.\. [0-9]+ more|Caused by: )/ { next }
{ in_trace = 0 }
/^ts=/ {
    if ($0 ~ / level=(warn|error|fatal) / || $0 ~ / logger=io\.reelforge\./) print
    fflush()
    next
}
# Liquibase's summary of the migrations it ran, printed straight to standard output
/^UPDATE SUMMARY$/ { in_summary = 1; next }
in_summary { if ($0 ~ /^Total change sets:/) in_summary = 0; next }
/^[[:space:]]*$/ || benign($0) { next }
# a banner (its rule of "=" opens and closes it) keeps a blank line before it
/^=+$/ { if (!in_banner) print ""; in_banner = !in_banner; print; fflush(); next }
{ print; fflush() }
