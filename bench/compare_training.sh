#!/usr/bin/env bash
# DJL against PyTorch on the shipped MLP cGAN's training step (models/fashion-mnist.md: --aux-weight 0
# --minibatch-std, batch 64, balanced batches), on the same machine and thread count, alternating the two
# so that a change in the machine's load hits both. Not part of the build.
#
#   bench/compare_training.sh [threads (default 2)] [rounds (default 2)]
#
# DJL: `augment train --steps 1000`, timed by train's own line for the second round of 500 steps (the
# first round holds the warm-up). PyTorch: bench/pytorch_mlp_cgan.py, 500 steps after 50 warm-up steps,
# with Debian's python3-torch and OpenBLAS (apt-get install -y python3-torch libopenblas0-pthread; the
# script loads OpenBLAS through LD_LIBRARY_PATH, whatever the system's libblas.so.3 alternative is).
# Needs Fashion-MNIST in /usr/share/datasets/fashion-mnist (apt-get install -y dataset-fashion-mnist).
set -euo pipefail
threads="${1:-2}"
rounds="${2:-2}"
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

djl() {
  local options="-Xmx2560m -XX:MaxDirectMemorySize=1g"
  if [ "$threads" != 2 ]; then options="$options -Dai.djl.pytorch.num_threads=$threads"; fi
  local line
  line=$(AUGMENT_JAVA_OPTS="$options" "$home/augment" train --data "$data" --out "$scratch/m.onnx" --arch mlp \
      --steps 1000 --aux-weight 0 --minibatch-std --check-samples 0 --force 2>/dev/null | grep '^round 2 ')
  local seconds
  seconds=$(echo "$line" | sed -E 's/.*, ([0-9.]+) s, .*/\1/')
  echo "djl (libtorch 2.7.1, $threads threads): 500 steps in $seconds s, $(echo "500 / $seconds" | bc -l | xargs printf '%.2f') steps/s, load $(cut -d' ' -f1 /proc/loadavg)"
}

pytorch() {
  echo "$(LD_LIBRARY_PATH="$openblas" OPENBLAS_NUM_THREADS="$threads" /usr/bin/python3 "$home/bench/pytorch_mlp_cgan.py" \
      --data "$data" --threads "$threads" --steps 500 --warm-up 50), load $(cut -d' ' -f1 /proc/loadavg)"
}

for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then djl; pytorch; else pytorch; djl; fi
done
