#!/usr/bin/env python3
"""Makes datasets/cifar10-sample/ from the extracted CIFAR-10 JPEG image folders.

The source is ../shared/datasets/cifar10/cifar10-jpeg.tar.gz extracted to a folder, which then holds
train/<class>/0000.jpg ... 4999.jpg and test/<class>/0000.jpg ... 0999.jpg. For each split and class
this picks PER_CLASS[split] files with random.Random(SEED), from the class folder's sorted file list,
and copies them byte for byte under the same names, so running it again gives the same files.
Python 3 standard library only.

Usage: python3 datasets/make-cifar10-sample.py SOURCE_DIR [OUTPUT_DIR]
SOURCE_DIR is the folder the archive was extracted into (it holds train/ and test/); OUTPUT_DIR
defaults to cifar10-sample/ next to this script and is replaced.
"""
import os
import random
import shutil
import sys

SEED = 20260
PER_CLASS = {"train": 20, "test": 10}
CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]


def sample(src, dst, split, per_class, rng):
    for name in CLASSES:
        folder = os.path.join(src, split, name)
        files = sorted(f for f in os.listdir(folder) if f.endswith(".jpg"))
        if len(files) < per_class:
            sys.exit(f"{folder}: only {len(files)} images, need {per_class}")
        chosen = sorted(rng.sample(files, per_class))
        out = os.path.join(dst, split, name)
        os.makedirs(out)
        for f in chosen:
            shutil.copyfile(os.path.join(folder, f), os.path.join(out, f))
    print(f"{split}: kept {per_class} per class ({per_class * len(CLASSES)} images)")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    here = os.path.dirname(os.path.abspath(__file__))
    src = sys.argv[1]
    dst = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "cifar10-sample")
    if os.path.exists(dst):
        shutil.rmtree(dst)
    rng = random.Random(SEED)
    for split in ("train", "test"):
        sample(src, dst, split, PER_CLASS[split], rng)


if __name__ == "__main__":
    main()
