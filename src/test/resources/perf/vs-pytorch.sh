#!/usr/bin/env bash
# The studio beside PyTorch, in one sitting: for each network, the peer program (PyTorch 2.7.1 through
# DJL, the same network, batch 64, 2 intra-op threads; ../shared/peer-bench, which needs Maven Central once
# and Debian's dataset-fashion-mnist) and then `bench --against` on its output, which measures the
# studio's same network and prints both with the ratio; ROUNDS times (default 3), alternating, so that a
# drift of the machine hits both sides alike. Prints each round's line and the median ratio per network.
#
#   bash src/test/resources/perf/vs-pytorch.sh [PEER_BENCH_DIR]     (from the project's folder)
#
# Run it on an otherwise idle machine: ratios hold within a sitting, absolute figures drift by ±15%.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
peer=${1:-../shared/peer-bench}
rounds=${ROUNDS:-3}
work=$(mktemp -d)
mvn -B -q compile  # once, so the rounds start warm
for r in $(seq "$rounds"); do
  for net in lenet dcgan gan; do
    "$peer/run" "$net" > "$work/$net-$r.txt"
    mvn -B -q compile exec:exec -Dargs="bench --against $work/$net-$r.txt" | grep -E 'step|LeNet' | tee -a "$work/lines.txt"
  done
done
echo
echo "median over $rounds rounds (studio/peer):"
for name in CNN DCGAN GAN; do
  ratios=$(awk -v n="$name" '$1 == n { print $(NF-2) }' "$work/lines.txt" | sort -n)
  count=$(echo "$ratios" | wc -l)
  median=$(echo "$ratios" | sed -n "$(( (count + 1) / 2 ))p")
  echo "  $name: $median   (rounds: $(echo $ratios))"
done
