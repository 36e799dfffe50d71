#!/usr/bin/env python3
"""Makes datasets/tabular-sample/ from the shared tables in ../shared/datasets/tabular/.

For each table keeps ROWS rows, stratified by the label (the last column): each class gets its share of
ROWS by largest remainder, but at least MIN_PER_CLASS rows (all of them when it has fewer), chosen by a
seeded random choice and written in their original order. The lines are copied byte for byte (header
included, CRLF line ends kept), so the sample reads exactly as the full table does. Running the script
again gives the same files. Python 3 standard library only.

Usage: python3 datasets/make-tabular-sample.py [SOURCE_DIR] [OUTPUT_DIR]
Defaults: ../shared/datasets/tabular (from the project root) and tabular-sample/ next to this script.
"""
import csv
import io
import os
import random
import sys

TABLES = ["credit-g", "diabetes", "glass", "soybean", "unbalanced"]
ROWS = 150
MIN_PER_CLASS = 3
SEED = 10


def allocate(counts, total):
    """Rows per class: proportional shares of total by largest remainder, each at least MIN_PER_CLASS."""
    floor = {c: min(n, MIN_PER_CLASS) for c, n in counts.items()}
    rest = total - sum(floor.values())
    size = sum(counts.values())
    shares = {c: max(0.0, counts[c] * total / size - floor[c]) for c in counts}
    scale = rest / sum(shares.values()) if sum(shares.values()) > 0 else 0
    exact = {c: shares[c] * scale for c in counts}
    taken = {c: min(counts[c] - floor[c], int(exact[c])) for c in counts}
    left = rest - sum(taken.values())
    for c in sorted(counts, key=lambda c: (-(exact[c] - int(exact[c])), c)):
        if left == 0:
            break
        if floor[c] + taken[c] < counts[c]:
            taken[c] += 1
            left -= 1
    return {c: floor[c] + taken[c] for c in counts}


def sample(src, dst):
    with open(src, "rb") as f:
        raw = f.read()
    if b'"' in raw:
        sys.exit(f"{src}: quoted fields are not copied line by line; this script expects none")
    lines = raw.splitlines(keepends=True)
    header, rows = lines[0], [l for l in lines[1:] if l.strip()]
    labels = [next(csv.reader(io.StringIO(l.decode("utf-8"))))[-1].strip() for l in rows]
    by_class = {}
    for i, label in enumerate(labels):
        by_class.setdefault(label, []).append(i)
    want = allocate({c: len(v) for c, v in by_class.items()}, ROWS)
    rng = random.Random(SEED)
    kept = []
    for c in sorted(by_class):
        kept.extend(rng.sample(by_class[c], want[c]))
    with open(dst, "wb") as f:
        f.write(header)
        for i in sorted(kept):
            f.write(rows[i])
    return {c: want[c] for c in sorted(want)}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "datasets", "tabular")
    dst = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "tabular-sample")
    os.makedirs(dst, exist_ok=True)
    for name in TABLES:
        counts = sample(os.path.join(src, name + ".csv"), os.path.join(dst, name + ".csv"))
        print(f"{name}: {sum(counts.values())} rows, {counts}")


if __name__ == "__main__":
    main()
