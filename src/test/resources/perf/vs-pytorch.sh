#!/usr/bin/env bash
# The studio beside PyTorch in one sitting: runs the peer programs (PyTorch 2.7.1 through DJL, the same
# networks, batch 64, 2 intra-op threads; ../shared/peer-bench, which needs Maven Central once and Debian's
# dataset-fashion-mnist), then `bench --against` on their output, which measures the studio's same
# networks and prints images/s side by side with the ratio.
#
#   bash src/test/resources/perf/vs-pytorch.sh [PEER_BENCH_DIR]     (from the project's folder)
#
# Run it on an otherwise idle machine: the ratio holds within one sitting, absolute figures drift.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
peer=${1:-../shared/peer-bench}
out=$(mktemp --suffix=.peer.txt)
for net in lenet dcgan gan; do
  echo "peer: $net" >&2
  "$peer/run" "$net" | tee -a "$out" | grep -E '^(TIMED|RESULT)' >&2
done
mvn -B -q compile exec:exec -Dargs="bench --against $out"
