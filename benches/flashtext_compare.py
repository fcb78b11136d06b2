#!/usr/bin/env python3
"""makan against FlashText on the same documents, in the same run.

FlashText is the pure-Python keyword matcher a user would reach for first: it finds names
from a list and nothing more (no proclitics, no resolution). Here it gets the Arabic names
and variants of every place of the Who's On First source, as a user would set it up, and runs
over the same documents as `makan tag --jsonl` (which tags *and* resolves).

    python3 -m pip install flashtext
    cargo build --release -p makan-cli
    python3 benches/flashtext_compare.py [--corpus FILE.jsonl] [--mb 20] [--runs 3]

It prints, per tool, the median over the runs of wall time and MB/s of the whole process
(start-up included), and for makan the CPU time over wall time (how many cores it kept busy)
and its peak memory; then the ratio of the medians and the median of each run's ratio (the
two tools run a few seconds apart in each run, so that ratio moves less with the machine's
load). Not a test: the numbers depend on the machine and its load.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def sample(corpus, megabytes, out):
    """Writes the first `megabytes` MB of article text of `corpus` as {doc_id, text} lines."""
    limit = megabytes * 1_000_000
    size = 0
    texts = []
    with open(corpus, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as w:
        for n, line in enumerate(f):
            doc = json.loads(line)
            text = "\n".join(t for t in (doc.get("title"), doc.get("content")) if t)
            if not text:
                continue
            w.write(json.dumps({"doc_id": str(n), "text": text}, ensure_ascii=False) + "\n")
            texts.append(text)
            size += len(text.encode("utf-8"))
            if size >= limit:
                break
    return texts, size


def wof_arabic_names(path):
    names = set()
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {c: i for i, c in enumerate(header)}
        for line in f:
            row = line.rstrip("\n").split("\t")
            for field in ("name_ar", "name_ar_variants"):
                value = row[col[field]] if col[field] < len(row) else ""
                names.update(n.strip() for n in value.split("|") if n.strip())
    return sorted(names)


def run_flashtext(names, texts):
    from flashtext import KeywordProcessor

    started = time.perf_counter()
    kp = KeywordProcessor()
    # FlashText's word characters are ASCII by default, which makes every Arabic letter a word
    # boundary (slow, and names match inside words); a user working on Arabic adds the letters.
    arabic = {chr(c) for c in range(0x0600, 0x0700) if chr(c).isalnum()}
    kp.set_non_word_boundaries(set(kp.non_word_boundaries) | arabic)
    for name in names:
        kp.add_keyword(name)
    found = sum(len(kp.extract_keywords(t, span_info=True)) for t in texts)
    return time.perf_counter() - started, found


def run_makan(binary, docs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with open(os.devnull, "w") as null:
        subprocess.run([binary, "tag", "--jsonl", "--quiet", docs], stdout=null, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", default=os.path.join(ROOT, "../shared/corpus/saudinewsnet/saudinewsnet_all.jsonl"))
    p.add_argument("--wof", default=os.path.join(ROOT, "../shared/sources/places/wof/syria_wof_places.tsv"))
    p.add_argument("--makan", default=os.path.join(ROOT, "target/release/makan"))
    p.add_argument("--mb", type=int, default=20)
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    try:
        import flashtext  # noqa: F401
    except ImportError:
        sys.exit("flashtext is not installed: python3 -m pip install flashtext")
    if not os.path.exists(args.makan):
        sys.exit(f"{args.makan} not found: cargo build --release -p makan-cli")

    with tempfile.TemporaryDirectory() as tmp:
        docs = os.path.join(tmp, "docs.jsonl")
        texts, size = sample(args.corpus, args.mb, docs)
        names = wof_arabic_names(args.wof)
        mb = size / 1e6
        print(f"{len(texts)} documents, {mb:.1f} MB of text; FlashText with {len(names)} Arabic WOF names")
        flash, makan, ratios = [], [], []
        found = 0
        for run in range(args.runs):
            # Alternate the two, so that a change in the machine's load hits both.
            seconds, found = run_flashtext(names, texts)
            flash.append(seconds)
            wall, cpu = run_makan(args.makan, docs)
            makan.append(wall)
            ratios.append(cpu / wall)
            print(f"run {run + 1}: FlashText {mb / seconds:.1f} MB/s, makan {mb / wall:.1f} MB/s "
                  f"(CPU/wall {cpu / wall:.2f})")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        f, m = statistics.median(flash), statistics.median(makan)
        print(f"median FlashText: {f:.2f} s, {mb / f:.1f} MB/s ({found} keywords found)")
        print(f"median makan tag --jsonl: {m:.2f} s, {mb / m:.1f} MB/s, CPU/wall "
              f"{statistics.median(ratios):.2f}, peak memory {peak:.0f} MB")
        print(f"makan / FlashText throughput: {f / m:.1f}x")
        # Each run pairs the two tools a few seconds apart; the median of the pairs' ratios is
        # less moved by a change in the machine's load between runs than the ratio of medians.
        paired = statistics.median(a / b for a, b in zip(flash, makan))
        print(f"median of the runs' ratios: {paired:.1f}x")


if __name__ == "__main__":
    main()
