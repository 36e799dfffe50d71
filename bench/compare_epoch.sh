#!/usr/bin/env bash
# One full training epoch of the shipped MLP cGAN (60 000 Fashion-MNIST images, batch 64: 937 steps) in DJL and
# in PyTorch, on the same machine and thread count, alternating the two. Not part of the build.
#
#   bench/compare_epoch.sh [threads (default 1)] [rounds (default 2)]
#
# DJL: `augment train --epochs 2 --validation-share 0` (all 60 000 images, so 937 steps an epoch), timed by train's own line for epoch 2 (epoch 1 holds the warm-up; its line is
# printed too). PyTorch: bench/pytorch_mlp_cgan.py, 937 steps after 50 warm-up steps. Same requirements as
# bench/compare_training.sh (python3-torch, libopenblas0-pthread, dataset-fashion-mnist).
set -euo pipefail
threads="${1:-1}"
rounds="${2:-2}"
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/common.sh"

djl() {
  local options="-Xmx2560m -XX:MaxDirectMemorySize=1g -Dai.djl.pytorch.num_threads=$threads"
  AUGMENT_JAVA_OPTS="$options" "$home/augment" train --data "$data" --out "$scratch/m.onnx" --arch mlp --epochs 2 \
      --aux-weight 0 --minibatch-std --check-samples 0 --validation-share 0 --force 2>/dev/null | grep -E '^epoch [12]:' \
    | sed -E "s/^(epoch [12]): .*, ([0-9.]+) s, .*/djl (libtorch 2.7.1, $threads threads): \1 (937 steps) in \2 s/"
  echo "  load $(cut -d' ' -f1 /proc/loadavg)"
}

pytorch() {
  echo "$(LD_LIBRARY_PATH="$openblas" OPENBLAS_NUM_THREADS="$threads" /usr/bin/python3 "$home/bench/pytorch_mlp_cgan.py" \
      --data "$data" --threads "$threads" --steps 937 --warm-up 50), load $(cut -d' ' -f1 /proc/loadavg)"
}

for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then djl; pytorch; else pytorch; djl; fi
done
