#!/usr/bin/env python3
"""Sanity checks for data/gifts/catalog.csv.

Run from the repository root:  python3 data/gifts/check_catalog.py
Exits non-zero if any check fails.

Checks:
  * header and allowed categories
  * at least 160 distinct interests, each with 3 to 5 rows
  * no empty interest/title/why, lowercase interest and aliases
  * no duplicate rows, no duplicate (interest, category, title)
  * no alias shared by two interests, no alias equal to another interest's name
  * website rows: detail starts with a plain domain; article rows: detail is "search: ... site:<domain>"
  * no word (or simple inflection) of any interest in data/notes/unseen_interests.txt
    appears anywhere in the files of this folder (those interests are reserved for evaluation)
"""
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CATALOG = HERE / "catalog.csv"
UNSEEN = REPO / "data" / "notes" / "unseen_interests.txt"

HEADER = ["interest", "aliases", "category", "title", "creator", "detail", "why"]
CATEGORIES = {"book", "association", "magazine", "website", "recipe", "article"}
MIN_INTERESTS = 160
MIN_ROWS, MAX_ROWS = 3, 5
DOMAIN_RE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+(/[A-Za-z0-9_/.-]*)?$")
ARTICLE_RE = re.compile(r"^search: .+ site:([a-z0-9-]+(\.[a-z0-9-]+)+)(/[A-Za-z0-9_/.-]*)?$")

def say(*parts):
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")


def unseen_words():
    words = set()
    phrases = []
    for line in UNSEEN.read_text(encoding="utf-8").splitlines():
        line = line.strip().lower()
        if not line or line.startswith("#"):
            continue
        phrases.append(line)
        words.update(re.findall(r"[a-z]+", line))
    return phrases, words


def forbidden_forms(word):
    """The word plus simple inflections, derived by rule (no word list is hard-coded here)."""
    w = word
    forms = {w, w + "s", w + "es", w + "er", w + "ers", w + "ed", w + "ing", w + "y"}
    if w.endswith("y"):
        forms |= {w[:-1] + "ies", w[:-1] + "ied", w[:-1] + "ier"}
    if w.endswith("e"):
        forms |= {w[:-1] + "ing", w[:-1] + "y"}
    if len(w) <= 4 and re.fullmatch(r"[a-z]*[^aeiou][aeiou][^aeiouwxy]", w):
        forms |= {w + w[-1] + "ing", w + w[-1] + "ed", w + w[-1] + "er"}
    if w.endswith("ry") and len(w) > 5:
        base = w[:-2]
        forms |= {base, base + "s", base + "er", base + "ers"}
    if w.endswith("ying"):
        base = w[:-4]
        forms |= {base + "ie", base + "ies", base + "ied"}
    if w.endswith("ing") and len(w) > 5:
        base = w[:-3]
        forms |= {base, base + "e", base + "es", base + "er", base + "ers", base + "s", base + "ed"}
    return forms


def main():
    errors = []
    with CATALOG.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [r for r in reader]
    if header != HEADER:
        errors.append(f"bad header: {header}")

    per_interest = defaultdict(list)
    aliases_of = {}
    seen_rows = Counter()
    seen_keys = Counter()
    for i, r in enumerate(rows, start=2):
        if len(r) != len(HEADER):
            errors.append(f"line {i}: expected {len(HEADER)} fields, got {len(r)}")
            continue
        d = dict(zip(HEADER, r))
        interest = d["interest"]
        per_interest[interest].append(d)
        if not interest.strip() or not d["title"].strip() or not d["why"].strip():
            errors.append(f"line {i}: empty interest/title/why")
        if interest != interest.lower() or d["aliases"] != d["aliases"].lower():
            errors.append(f"line {i}: interest/aliases must be lowercase")
        if d["category"] not in CATEGORIES:
            errors.append(f"line {i}: bad category {d['category']!r}")
        if interest in aliases_of and aliases_of[interest] != d["aliases"]:
            errors.append(f"line {i}: aliases differ between rows of {interest!r}")
        aliases_of[interest] = d["aliases"]
        seen_rows[tuple(r)] += 1
        seen_keys[(interest, d["category"], d["title"])] += 1
        if d["category"] == "website":
            first = d["detail"].split(";")[0].strip()
            if not DOMAIN_RE.match(first):
                errors.append(f"line {i}: website detail should start with a plain domain: {d['detail']!r}")
        if d["category"] == "article":
            if not ARTICLE_RE.match(d["detail"]):
                errors.append(f"line {i}: article detail should be 'search: ... site:domain': {d['detail']!r}")
            if not d["title"].startswith("an article on "):
                errors.append(f"line {i}: article title should be a search suggestion, not an invented title")

    for key, n in seen_rows.items():
        if n > 1:
            errors.append(f"duplicate row x{n}: {key[:4]}")
    for key, n in seen_keys.items():
        if n > 1:
            errors.append(f"duplicate (interest, category, title) x{n}: {key}")

    n_interests = len(per_interest)
    if n_interests < MIN_INTERESTS:
        errors.append(f"only {n_interests} interests (< {MIN_INTERESTS})")
    for interest, rs in per_interest.items():
        if not (MIN_ROWS <= len(rs) <= MAX_ROWS):
            errors.append(f"{interest!r}: {len(rs)} rows (want {MIN_ROWS}-{MAX_ROWS})")

    # alias collisions
    owner = {}
    for interest, al in aliases_of.items():
        for a in [x.strip() for x in al.split("|") if x.strip()]:
            if a in per_interest and a != interest:
                errors.append(f"alias {a!r} of {interest!r} is another interest's name")
            if a in owner and owner[a] != interest:
                errors.append(f"alias {a!r} shared by {owner[a]!r} and {interest!r}")
            owner[a] = interest

    # unseen-interest words
    phrases, words = unseen_words()
    forbidden = {}
    for w in words:
        for form in forbidden_forms(w):
            forbidden[form] = w
    for path in sorted(HERE.iterdir()):
        if not path.is_file() or path.suffix not in {".csv", ".md", ".py", ".txt", ".json", ".jsonl"}:
            continue
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            text = line.lower()
            where = f"{path.name}:{i}"
            tokens = set(re.findall(r"[a-z0-9]+", text))
            hits = sorted(t for t in tokens if t in forbidden)
            if hits:
                errors.append(f"{where}: unseen-interest word(s) {hits}")
            for w in words:
                if len(w) >= 5 and w in text:
                    errors.append(f"{where}: unseen-interest word {w!r} appears inside a word")
            for p in phrases:
                if p in text:
                    errors.append(f"{where}: unseen interest {p!r}")

    cats = Counter(d["category"] for rs in per_interest.values() for d in rs)
    say(f"rows: {len(rows)}")
    say(f"interests: {n_interests}")
    say("rows per interest: min %d, max %d" % (min(map(len, per_interest.values())), max(map(len, per_interest.values()))))
    say("categories: " + ", ".join(f"{c}={cats[c]}" for c in sorted(cats)))
    say(f"aliases: {len(owner)}")
    say(f"unseen-interest words checked: {len(words)} ({len(forbidden)} forms)")
    if errors:
        say(f"\n{len(errors)} problem(s):")
        for e in errors:
            say("  - " + e)
        return 1
    say("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
