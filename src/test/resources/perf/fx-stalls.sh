#!/usr/bin/env bash
# The window's FX-thread stalls, over several runs of `studio --train --exit-when-done` in a virtual
# display (Xvfb): per run the longest FX-thread wait at start-up (window shown until training starts)
# and while both train, as StallMeter measures them and the studio prints on exit; then the largest
# and the median of each.
#   src/test/resources/perf/fx-stalls.sh [RUNS] [STUDIO OPTIONS...]
#   RUNS defaults to 10; the options default to --data sample --train-limit 3000 --epochs 1
#   SCREEN=1920x1080 ...   another screen size (default 1600x1000)
#   CLASSES=DIR ...        the studio's classes from elsewhere (default target/classes; e.g. a copy of an
#                          older build, to compare the two under the same load)
# Needs `mvn compile` first; each run gets a fresh studio home (no remembered window state). The figures
# are only as quiet as the machine: each line ends with the load average when the run started.
set -eu
cd "$(dirname "$0")/../../../.."
runs=${1:-10}
[ $# -gt 0 ] && shift
opts=("$@")
[ ${#opts[@]} -gt 0 ] || opts=(--data sample --train-limit 3000 --epochs 1)
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
command -v xvfb-run >/dev/null || { echo "needs xvfb-run: sudo apt-get install xvfb libgtk-3-0" >&2; exit 2; }
cp=target/fx-stalls-classpath.txt
[ -s "$cp" ] || mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$cp" >/dev/null
logs=$(mktemp -d)
starts=() trains=()
for i in $(seq 1 "$runs"); do
  home=$logs/home-$i
  load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
  OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS=${OMP_NUM_THREADS:-2} \
    xvfb-run -a -s "-screen 0 ${SCREEN:-1600x1000}x24" \
    "$java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -XX:+ExplicitGCInvokesConcurrent -XX:MaxGCPauseMillis=20 -Xmx6g \
    -Dorg.bytedeco.javacpp.maxbytes=4G -Dorg.bytedeco.javacpp.maxphysicalbytes=10G \
    -Dduet.home="$home" -Dduet.sampleData="$PWD/sample-data" ${EXTRA_JVM:-} \
    -cp "${CLASSES:-target/classes}:$(cat "$cp")" org.duetstudio.app.Launcher \
    studio --train --exit-when-done "${opts[@]}" >"$logs/run-$i.log" 2>&1 || true
  line=$(grep -m1 'longest FX-thread stall' "$logs/run-$i.log" || true)
  if [ -z "$line" ]; then
    echo "run $i: no figures (log: $logs/run-$i.log)" >&2
    continue
  fi
  s=$(sed -E 's/.*at start-up ([0-9]+) ms.*/\1/' <<<"$line")
  t=$(sed -E 's/.*while training ([0-9]+) ms.*/\1/' <<<"$line")
  starts+=("$s") trains+=("$t")
  echo "run $i: start-up $s ms, training $t ms, load $load   ($line)"
done
[ ${#trains[@]} -gt 0 ] || exit 1
summary() { printf '%s\n' "${@:2}" | sort -n | awk -v what="$1" \
  '{v[NR]=$1} END {printf "%s: max %d ms, median %d ms over %d runs\n", what, v[NR], (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2), NR}'; }
summary "start-up stall" "${starts[@]}"
summary "training stall" "${trains[@]}"
echo "logs: $logs"
