# Shared set-up of the DJL-against-PyTorch benchmarks (compare_training.sh, compare_epoch.sh); sourced, not run.
# Sets: home (the checkout), data (Fashion-MNIST's IDX folder), scratch (a temporary folder removed on exit) and
# openblas (Debian's pthread OpenBLAS, loaded through LD_LIBRARY_PATH by the PyTorch side).
home="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[1]}")")/.." && pwd)"
data=/usr/share/datasets/fashion-mnist
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
openblas=/usr/lib/x86_64-linux-gnu/openblas-pthread
