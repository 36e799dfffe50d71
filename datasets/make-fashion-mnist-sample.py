#!/usr/bin/env python3
"""Makes datasets/fashion-mnist-sample/ from the full Fashion-MNIST IDX files.

Keeps the first PER_CLASS_TRAIN images of each class from the training set and the
first PER_CLASS_TEST of each class from the test set, in their original order, and
writes them as standard IDX files compressed with gzip (mtime 0, so the output is
byte-for-byte reproducible). Python 3 standard library only.

Usage: python3 datasets/make-fashion-mnist-sample.py [SOURCE_DIR] [OUTPUT_DIR]
Defaults: /usr/share/datasets/fashion-mnist (Debian package dataset-fashion-mnist)
and fashion-mnist-sample/ next to this script.
"""
import gzip
import os
import struct
import sys

PER_CLASS_TRAIN = 100
PER_CLASS_TEST = 50
CLASSES = 10


def read_idx(path):
    """Returns (dims, payload bytes) of an IDX ubyte file, gzip or raw."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    zero, dtype, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or dtype != 0x08:
        sys.exit(f"{path}: not an unsigned-byte IDX file")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return list(dims), data[4 + 4 * ndim:]


def write_idx(path, dims, payload):
    header = struct.pack(">HBB", 0, 0x08, len(dims)) + struct.pack(">" + "I" * len(dims), *dims)
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(header + payload)


def sample(src, dst, prefix, per_class):
    image_dims, images = read_idx(os.path.join(src, f"{prefix}-images-idx3-ubyte.gz"))
    label_dims, labels = read_idx(os.path.join(src, f"{prefix}-labels-idx1-ubyte.gz"))
    if image_dims[0] != label_dims[0]:
        sys.exit(f"{prefix}: {image_dims[0]} images but {label_dims[0]} labels")
    size = image_dims[1] * image_dims[2]
    counts = [0] * CLASSES
    kept = []
    for i, label in enumerate(labels):
        if counts[label] < per_class:
            counts[label] += 1
            kept.append(i)
        if len(kept) == per_class * CLASSES:
            break
    if min(counts) < per_class:
        sys.exit(f"{prefix}: too few images of some class: {counts}")
    write_idx(os.path.join(dst, f"{prefix}-images-idx3-ubyte.gz"), [len(kept)] + image_dims[1:],
              b"".join(images[i * size:(i + 1) * size] for i in kept))
    write_idx(os.path.join(dst, f"{prefix}-labels-idx1-ubyte.gz"), [len(kept)],
              bytes(labels[i] for i in kept))
    print(f"{prefix}: kept {len(kept)} of {label_dims[0]} ({per_class} per class)")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    dst = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "fashion-mnist-sample")
    os.makedirs(dst, exist_ok=True)
    sample(src, dst, "train", PER_CLASS_TRAIN)
    sample(src, dst, "t10k", PER_CLASS_TEST)


if __name__ == "__main__":
    main()
