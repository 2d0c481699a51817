#!/usr/bin/env python3
"""Sanity checks for data/interests/ (standard library only).

Checks: row and canonical counts, 4-7 rows per canonical, allowed domains and
labels, duplicate evidence, reserved words from data/notes/unseen_interests.txt
in any file under data/interests/, topical-word overlap between
unseen_words.csv and labelled.csv, and copying from the benchmark sentences.

Usage: python3 data/interests/check_interests.py   (exit code 1 on failure)
"""
import collections
import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
RESERVED_FILE = DATA / "notes" / "unseen_interests.txt"
BENCH_FILE = DATA.parents[1] / "shared" / "benchmarks" / "personas" / "valid.jsonl"

LABELS = ["article", "recipe", "book", "association", "website", "magazine"]
DOMAINS = set("hobby craft sport outdoor food drink music travel history games pets "
              "cause reading arts science tech family wellness".split())
COLUMNS = ["interest", "canonical", "domain", "evidence", "labels"]

# Function words.
STOPWORDS = set("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours s t re ll ve d m don didn doesn isn
wasn let lets one two three four five six seven ten twenty fifty hundred thousand er um
""".split())

# Non-topical scaffolding of interview notes: reporting verbs, generic verbs,
# time words, people, places in an office, quantity and opinion words.
GENERIC = set("""
mentioned mention mentions talked talk talks talking said say says told tell tells asked ask
asks noted notes note showed show shows shown brought bring joked laughed smiled called calls
loves love loved loving likes like liked enjoys enjoy enjoyed enjoying prefers favorite
favourite fan fans huge big really obsessed passion passionate hobby hobbies interest
interests thing things stuff whole kind sort way ways
does do did done doing goes go going gone went gets get got getting has have had keeps keep
kept uses use used owns own takes take took taking tries try tried trying learned learning
learn learns started start starts teaching teaches taught wants want wanted wish wishes
plans plan planning someday dream dreams bucket list spends spend spent sees see saw
seen watches watch watched reads read hosts host hosted joined join visits visit visited
visiting trip trips back home house away around ever still always never often usually
sometimes every each since ago year years month months week weeks day days weekend weekends
morning mornings evening evenings night nights tonight today yesterday summer winter spring
fall autumn holiday holidays sunday sundays saturday saturdays tuesday tuesdays wednesday
wednesdays thursday thursdays friday fridays monday mondays lunch break time times
first last next new old best better good great fun little lot lots bit many much several
whole entire every almost nearly least
office desk wall walls shelf bookshelf corner door drawer photo photos picture pictures poster
mug sticker screen phone laptop background framed hanging behind near next room
interview interviewer manager mgr hm panel team boss coworkers colleague colleagues
grandmother grandfather grandma grandpa mom mother dad father wife husband son sons daughter
daughters kid kids children child family families sister brother parents friend friends
partner aunt uncle cousin cousins grandson granddaughter grandkids neighbors
something someone anyone everyone nothing
clearly apparently honestly literally basically lol haha
play plays played playing player players practice practices practiced practicing perform
performs performed performing lesson lessons class classes course club clubs group groups
league leagues tournament tournaments competition competitions contest contests compete
competes competing competitive convention conventions festival festivals event events party
parties meetups meetings online local regional annual amateur adult certified champion
build builds building built project projects kit kits gift gifts gives give named name
across age came comfort display drives drove easy especially everything everywhere full
hand hands hard harder helps high highlight hours inherited knows leaning legendary life
lined live living looks major mostly occasion ones packed piece place problems quick raises
school college second seeing short small special stacked stayed story straight stress
studied study style teacher together tradition twice type unforgettable vacation wears work
works working world writes writing written calm relaxes think proud exciting underrated
january february march april may june july august september october november december
christmas eve birthday wedding weddings honeymoon anniversary follows follow following
fascinated crazy hooked reason right picked people part minute half outside neighborhood
bad weather decent thirty forty 40th grew met look watching moving keeping
dozen twelve point stop end far strong opinions pride bought buy unwind unwinds cares care
pieces piece even sells sell relatives winds dads moms original championships
""".split())

TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def say(*parts):
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")


def tokens(text):
    out = []
    for t in TOKEN.findall(text.lower()):
        t = re.sub(r"'s$", "", t).replace("'", "")
        out.append(t)
    return out


def stem(w):
    for suf, rep in (("ies", "y"), ("sses", "ss"), ("shes", "sh"), ("ches", "ch"),
                     ("xes", "x"), ("ing", ""), ("ers", ""), ("er", ""), ("ed", ""),
                     ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3 and not w.endswith("ss"):
            return w[: len(w) - len(suf)] + rep
    return w


def load(path):
    with open(path, newline="", encoding="utf-8") as fh:
        rd = csv.DictReader(fh)
        assert rd.fieldnames == COLUMNS, f"{path.name}: columns {rd.fieldnames}"
        return list(rd)


def reserved_words():
    words, phrases = set(), []
    for line in RESERVED_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip().lower()
        if not line or line.startswith("#"):
            continue
        phrases.append(line)
        words.update(tokens(line))
    return words, phrases


def main():
    ok = True
    lab = load(HERE / "labelled.csv")
    uns = load(HERE / "unseen_words.csv")
    for name, rows, min_rows, min_canon in (("labelled.csv", lab, 1800, 330),
                                             ("unseen_words.csv", uns, 250, 60)):
        per = collections.Counter(r["canonical"] for r in rows)
        bad_n = {c: n for c, n in per.items() if not 4 <= n <= 7}
        bad_dom = [r for r in rows if r["domain"] not in DOMAINS]
        bad_lab = [r for r in rows if not r["labels"]
                   or any(l not in LABELS for l in r["labels"].split("|"))
                   or len(set(r["labels"].split("|"))) != len(r["labels"].split("|"))]
        empty = [r for r in rows if not all(r[c].strip() for c in COLUMNS)]
        ev = collections.Counter(r["evidence"].strip().lower() for r in rows)
        dups = [e for e, n in ev.items() if n > 1]
        dom_per_canon = collections.defaultdict(set)
        for r in rows:
            dom_per_canon[r["canonical"]].add(r["domain"])
        mixed = [c for c, d in dom_per_canon.items() if len(d) > 1]
        say(f"{name}: rows={len(rows)} canonicals={len(per)} "
              f"rows/canonical min={min(per.values())} max={max(per.values())}")
        say(f"  domains: {dict(sorted(collections.Counter(r['domain'] for r in rows).items()))}")
        freq = collections.Counter(l for r in rows for l in r["labels"].split("|"))
        first = collections.Counter(r["labels"].split("|")[0] for r in rows)
        say(f"  label frequency: {dict((l, freq[l]) for l in LABELS)}")
        say(f"  first label:     {dict((l, first[l]) for l in LABELS if first[l])}")
        for cond, msg in ((len(rows) >= min_rows, f"fewer than {min_rows} rows"),
                          (len(per) >= min_canon, f"fewer than {min_canon} canonicals"),
                          (not bad_n, f"canonicals outside 4-7 rows: {bad_n}"),
                          (not bad_dom, f"bad domains: {len(bad_dom)}"),
                          (not bad_lab, f"bad labels: {[r['labels'] for r in bad_lab][:5]}"),
                          (not empty, f"empty cells: {len(empty)}"),
                          (not dups, f"duplicate evidence: {dups[:5]}"),
                          (not mixed, f"canonicals with several domains: {mixed[:5]}")):
            if not cond:
                ok = False
                say("  FAIL:", msg)

    cross = {r["evidence"].strip().lower() for r in lab} & {r["evidence"].strip().lower() for r in uns}
    say(f"evidence shared between the two files: {len(cross)}")
    ok &= not cross
    shared_canon = {r["canonical"].lower() for r in lab} & {r["canonical"].lower() for r in uns}
    say(f"canonicals shared between the two files: {len(shared_canon)}")
    ok &= not shared_canon

    # Reserved words: every token of every file in data/interests/, plus plural
    # and -ing/-ed/-er variants, and the reserved phrases as substrings.
    words, phrases = reserved_words()
    hits = []
    for path in sorted(HERE.rglob("*")):
        if not path.is_file() or path.suffix == ".pyc":
            continue
        text = path.read_text(encoding="utf-8", errors="replace").lower()
        toks = set(tokens(text))
        for w in sorted(words):
            variants = {w, w + "s", w + "es"}
            if w.endswith("ing"):
                variants |= {w[:-3], w[:-3] + "e", w[:-3] + "s", w[:-3] + "es", w[:-3] + "ed"}
            bad = variants & toks
            if bad:
                hits.append((path.name, sorted(bad)))
        for p in phrases:
            if p in text:
                hits.append((path.name, p))
    say(f"reserved-word hits in data/interests/: {len(hits)} {hits[:10]}")
    ok &= not hits

    # Topical overlap: content words of unseen_words.csv (after stopwords and
    # generic note words) that occur anywhere in labelled.csv (exact or stem).
    lab_tok = set()
    for r in lab:
        for c in ("interest", "canonical", "evidence"):
            lab_tok.update(tokens(r[c]))
    lab_stems = {stem(t) for t in lab_tok} | lab_tok
    overlap = collections.Counter()
    topical = set()
    for r in uns:
        for c in ("interest", "canonical", "evidence"):
            for t in tokens(r[c]):
                if t in STOPWORDS or t in GENERIC or t.isdigit() or len(t) < 3:
                    continue
                topical.add(t)
                if t in lab_tok or stem(t) in lab_stems:
                    overlap[t] += 1
    say(f"unseen topical word types: {len(topical)}; overlapping with labelled.csv: "
          f"{len(overlap)} types / {sum(overlap.values())} tokens {dict(overlap.most_common(30))}")
    ok &= not overlap
    # For transparency: the same count with only function words removed.
    loose = collections.Counter()
    for r in uns:
        for c in ("interest", "canonical", "evidence"):
            for t in tokens(r[c]):
                if t in STOPWORDS or t.isdigit() or len(t) < 3:
                    continue
                if t in lab_tok or stem(t) in lab_stems:
                    loose[t] += 1
    say(f"  (info) overlap if GENERIC words were counted too: {len(loose)} types / "
        f"{sum(loose.values())} tokens (generic note words such as plays, club, weekend)")

    # Benchmark copying: no evidence contains a benchmark sentence, and no
    # 6-token window is shared with one.
    if BENCH_FILE.exists():
        grams = set()
        sents = []
        for line in BENCH_FILE.read_text(encoding="utf-8").splitlines():
            if line.strip():
                s = json.loads(line)["sentence"]
                sents.append(" ".join(tokens(s)))
                t = tokens(s)
                grams.update(tuple(t[i:i + 6]) for i in range(len(t) - 5))
        copied = 0
        for r in lab + uns:
            t = tokens(r["evidence"])
            joined = " ".join(t)
            if any(s and s in joined for s in sents if len(s.split()) >= 4) or \
               any(tuple(t[i:i + 6]) in grams for i in range(len(t) - 5)):
                copied += 1
        say(f"rows sharing text with the benchmark sentences: {copied}")
        ok &= copied == 0
    else:
        say("benchmark file not found; copy check skipped")

    say("ALL CHECKS PASSED" if ok else "SOME CHECKS FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
