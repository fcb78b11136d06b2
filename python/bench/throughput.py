"""Throughput of ``Tagger.tag_batch`` against the ``makan`` CLI on the same documents, same run.

    python python/bench/throughput.py CORPUS.jsonl [--mb 20] [--makan PATH] [--runs 3]
        [--field content] [--threads N]

Reads the first ``--mb`` MB of lines of CORPUS (JSON Lines; the text in ``--field``, e.g.
``content`` for SaudiNewsNet), writes them as ``{"doc_id", "text"}`` lines to a temporary file
(deleted at the end), and alternates, ``--runs`` times:

- the CLI: ``makan tag --jsonl --quiet FILE > /dev/null`` (wall clock of the process, which
  includes building the tagger);
- Python, in a fresh interpreter each run (the embedded gazetteer is parsed once per process,
  as in the CLI): the texts are read from the same file (not timed), then ``Tagger()`` and
  ``tag_batch(texts)`` are timed; their sum is comparable with the CLI's whole process, the
  ``tag_batch`` part alone is the steady state of a long-lived process.

Prints each run and the medians, and the ratio of throughputs (Python / CLI; 1.0 is the same
speed). A measurement for people, not a test: the figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import makan


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--makan", default=shutil.which("makan"), help="the makan binary")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--field", default="content", help="the field holding the text")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return timed_child(args.corpus, args.threads)
    if not args.makan:
        parser.error("no `makan` on PATH: give --makan PATH (cargo build --release -p makan-cli)")

    limit = int(args.mb * 1_000_000)
    texts, read = [], 0
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            read += len(line.encode("utf-8"))
            texts.append(json.loads(line)[args.field])
            if read >= limit:
                break
    text_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    fd, path = tempfile.mkstemp(suffix=".jsonl")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for i, text in enumerate(texts):
                f.write(json.dumps({"doc_id": i, "text": text}, ensure_ascii=False) + "\n")
        print(f"{len(texts)} documents, {read / 1e6:.1f} MB of corpus lines, {text_mb:.1f} MB of text")
        cli_cmd = [args.makan, "tag", "--jsonl", "--quiet", path]
        if args.threads:
            cli_cmd[4:4] = ["--threads", str(args.threads)]
        cli, cli_cpu, py_total, py_batch, py_cpu = [], [], [], [], []
        for run in range(args.runs):
            start, cpu_start = time.perf_counter(), children_cpu()
            subprocess.run(cli_cmd, stdout=subprocess.DEVNULL, check=True)
            cli.append(time.perf_counter() - start)
            cli_cpu.append(children_cpu() - cpu_start)

            child = [sys.executable, __file__, "--child", path]
            if args.threads:
                child += ["--threads", str(args.threads)]
            out = subprocess.run(child, stdout=subprocess.PIPE, check=True, text=True).stdout
            build, batch, cpu, count = json.loads(out)
            py_total.append(build + batch)
            py_batch.append(batch)
            py_cpu.append(cpu)
            print(
                f"run {run + 1}: CLI {cli[-1]:.2f} s (CPU {cli_cpu[-1]:.2f} s, whole process); "
                f"Python {py_total[-1]:.2f} s (Tagger() {build:.2f} s + tag_batch {batch:.2f} s; "
                f"CPU {cpu:.2f} s), {count} mentions"
            )
    finally:
        os.unlink(path)

    def mbps(seconds: float) -> float:
        return text_mb / seconds

    c, t, b = (statistics.median(x) for x in (cli, py_total, py_batch))
    print(f"median CLI (tag --jsonl, whole process): {c:.2f} s, {mbps(c):.1f} MB/s")
    print(f"median Python Tagger() + tag_batch:      {t:.2f} s, {mbps(t):.1f} MB/s")
    print(f"median Python tag_batch alone:           {b:.2f} s, {mbps(b):.1f} MB/s")
    cc, pc = statistics.median(cli_cpu), statistics.median(py_cpu)
    print(f"median CPU seconds: CLI {cc:.2f}, Python Tagger() + tag_batch {pc:.2f}")
    print(f"ratio Python/CLI, both building their tagger: {c / t:.2f}")
    print(f"ratio Python tag_batch alone / CLI:           {c / b:.2f}")
    return 0


def timed_child(path: str, threads: int | None) -> int:
    """One timed Python run over the ``{"doc_id", "text"}`` lines of ``path``."""
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    start, cpu_start = time.perf_counter(), time.process_time()
    tagger = makan.Tagger()
    built = time.perf_counter()
    mentions = tagger.tag_batch(texts, threads=threads)
    done, cpu = time.perf_counter(), time.process_time() - cpu_start
    print(json.dumps([built - start, done - built, cpu, sum(len(m) for m in mentions)]))
    return 0


def children_cpu() -> float:
    """User and system CPU seconds of the finished child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    sys.exit(main())
