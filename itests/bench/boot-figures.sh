#!/usr/bin/env bash
# Measures the built distribution: seconds from bin/start to a usable UI (login page served and a
# REST login accepted), and the heap in use after boot (after a full GC).
# Run after `mvn -B install -DskipTests`:   itests/bench/boot-figures.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dist=$(ls distribution/target/meterline-distribution-*.tar.gz | head -1)
work=$(mktemp -d)
trap 'bin_stop; rm -rf "$work"' EXIT
bin_stop() { [ -x "$work/m/bin/stop" ] && "$work/m/bin/stop" >/dev/null 2>&1 || true; sleep 3; }
mkdir -p "$work/m" && tar xzf "$dist" -C "$work/m" --strip-components=1
port=38181
sed -i "s/^org.osgi.service.http.port.*/org.osgi.service.http.port = $port/" "$work/m/etc/org.ops4j.pax.web.cfg"
grep -q "org.osgi.service.http.port" "$work/m/etc/org.ops4j.pax.web.cfg" || echo "org.osgi.service.http.port = $port" >> "$work/m/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort.*/sshPort = 38101/" "$work/m/etc/org.apache.karaf.shell.cfg"
printf 'adminPassword = bench-admin-pw\n' > "$work/m/etc/org.meterline.tenant.cfg"
start=$(date +%s.%N)
"$work/m/bin/start"
until curl -sf -o /dev/null "http://localhost:$port/meterline/" && \
      curl -sf -o /dev/null -u admin:bench-admin-pw "http://localhost:$port/api/v1/service-types"; do sleep 0.2; done
ready=$(date +%s.%N)
printf 'start to usable UI and API: %.1f s\n' "$(echo "$ready - $start" | bc)"
sleep 5
pid=$(cat "$work/m/karaf.pid")
jcmd "$pid" GC.run >/dev/null
jcmd "$pid" GC.heap_info | head -3
printf 'resident set size: %s MB\n' "$(( $(ps -o rss= -p "$pid") / 1024 ))"
