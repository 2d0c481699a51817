#!/usr/bin/env python3
"""Sanity checks for the lexicon files in this folder.

    python data/lexicons/check_lexicons.py            # from the repo root

Checks: every JSONL line parses and has the required keys; string patterns are
lowercase; token patterns use only keys spaCy's Matcher accepts; no duplicate
(pattern, id) pairs; no word of a reserved (unseen-split) interest appears in
any file here; title_heads.txt is "word<TAB>role_hint". If spaCy is importable,
every pattern is also compiled into a Matcher / PhraseMatcher(attr="LOWER")
built from spacy.blank("en").  Exit code 1 on any error.
"""
import json, os, re, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
RESERVED = os.path.join(HERE, "..", "notes", "unseen_interests.txt")
DOMAINS = {"hobby", "craft", "sport", "outdoor", "food", "drink", "music", "travel", "history", "games",
           "pets", "cause", "reading", "arts", "science", "wellness"}
FILES = {
    "interests.jsonl": ("INTEREST", {"domain": DOMAINS}),
    "titles.jsonl": ("TITLE", {"role_hint": {"support", "interviewer"}}),
    "cues.jsonl": ("CUE", {}),
}
CUE_IDS = {"said", "office", "shared", "aspiration"}
TOKEN_KEYS = {"ORTH", "TEXT", "LOWER", "LEMMA", "POS", "TAG", "DEP", "OP"}
VALUE_KEYS = {"IN", "NOT_IN", "REGEX"}
OPS = {"?", "*", "+", "!"}
errors, warnings = [], []


def token_key_ok(k):
    return k in TOKEN_KEYS or k.startswith("IS_") or k.startswith("LIKE_")


def check_token_pattern(where, pat):
    if not isinstance(pat, list) or not pat:
        errors.append(f"{where}: token pattern must be a non-empty list"); return
    if all(t.get("OP") in ("?", "*") for t in pat if isinstance(t, dict)):
        errors.append(f"{where}: every token is optional (pattern can match nothing)")
    for t in pat:
        if not isinstance(t, dict):
            errors.append(f"{where}: token spec is not a dict: {t!r}"); continue
        for k, v in t.items():
            if not token_key_ok(k):
                errors.append(f"{where}: key {k!r} not accepted by Matcher")
            if k == "OP" and v not in OPS:
                errors.append(f"{where}: bad OP {v!r}")
            if isinstance(v, dict):
                for vk, vv in v.items():
                    if vk not in VALUE_KEYS:
                        errors.append(f"{where}: value key {vk!r} not allowed")
                    if vk in ("IN", "NOT_IN") and not (isinstance(vv, list) and vv):
                        errors.append(f"{where}: {vk} needs a non-empty list")
                    if vk in ("IN", "NOT_IN") and k in ("LOWER",) and any(x != x.lower() for x in vv):
                        errors.append(f"{where}: LOWER list has uppercase: {vv}")
            elif k in ("LOWER",) and isinstance(v, str) and v != v.lower():
                errors.append(f"{where}: LOWER value has uppercase: {v!r}")


def reserved_words():
    phrases, words = [], set()
    for line in open(RESERVED, encoding="utf-8"):
        line = line.strip().lower()
        if not line or line.startswith("#"):
            continue
        phrases.append(line)
        words.update(re.findall(r"[a-z0-9]+", line))
    return phrases, words


def all_words(obj):
    """Every lowercase word in a JSON value (keys and values)."""
    out = []
    if isinstance(obj, str):
        out += re.findall(r"[a-z0-9]+", obj.lower())
    elif isinstance(obj, dict):
        for k, v in obj.items():
            out += all_words(k) + all_words(v)
    elif isinstance(obj, list):
        for v in obj:
            out += all_words(v)
    return out


def main():
    rows = {}
    for fname, (label, extra) in FILES.items():
        path = os.path.join(HERE, fname)
        seen = collections.Counter()
        rows[fname] = []
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            where = f"{fname}:{n}"
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: invalid JSON ({e})"); continue
            for k in ("label", "pattern", "id"):
                if k not in r:
                    errors.append(f"{where}: missing key {k!r}")
            if r.get("label") != label:
                errors.append(f"{where}: label {r.get('label')!r} != {label!r}")
            for k, allowed in extra.items():
                if r.get(k) not in allowed:
                    errors.append(f"{where}: {k}={r.get(k)!r} not in allowed set")
            if fname == "cues.jsonl" and r.get("id") not in CUE_IDS:
                errors.append(f"{where}: cue id {r.get('id')!r} not in {sorted(CUE_IDS)}")
            if not isinstance(r.get("id"), str) or r.get("id") != r.get("id", "").strip().lower() or not r.get("id"):
                errors.append(f"{where}: id must be a non-empty lowercase string")
            p = r.get("pattern")
            if isinstance(p, str):
                if p != p.lower() or p != p.strip() or not p or "  " in p:
                    errors.append(f"{where}: string pattern must be lowercase, trimmed, single-spaced: {p!r}")
            else:
                check_token_pattern(where, p)
            key = (json.dumps(p, sort_keys=True), r.get("id"))
            seen[key] += 1
            if seen[key] == 2:
                errors.append(f"{where}: duplicate (pattern, id) {key}")
            rows[fname].append(r)
    # same surface string mapped to two different interests
    by_pat = collections.defaultdict(set)
    for r in rows["interests.jsonl"]:
        if isinstance(r["pattern"], str):
            by_pat[r["pattern"]].add(r["id"])
    for p, ids in by_pat.items():
        if len(ids) > 1:
            warnings.append(f"interests: {p!r} maps to several ids {sorted(ids)}")
    # one domain per interest id, one role_hint per title id (the loader maps id -> value)
    for fname, key in (("interests.jsonl", "domain"), ("titles.jsonl", "role_hint")):
        vals = collections.defaultdict(set)
        for r in rows[fname]:
            vals[r.get("id")].add(r.get(key))
        for i, v in vals.items():
            if len(v) > 1:
                errors.append(f"{fname}: id {i!r} has several {key} values {sorted(map(str, v))}")
    # title_heads.txt
    heads = 0
    for n, line in enumerate(open(os.path.join(HERE, "title_heads.txt"), encoding="utf-8"), 1):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 2 or parts[1] not in ("support", "interviewer") or parts[0] != parts[0].lower() or " " in parts[0]:
            errors.append(f"title_heads.txt:{n}: expected 'word<TAB>support|interviewer': {line!r}")
        heads += 1
    # reserved (unseen-split) interests: no word of theirs in any file here
    phrases, words = reserved_words()
    for fname in sorted(os.listdir(HERE)):
        path = os.path.join(HERE, fname)
        if not os.path.isfile(path) or fname.startswith("."):
            continue
        text = open(path, encoding="utf-8").read().lower()
        toks = collections.Counter(re.findall(r"[a-z0-9]+", text))
        hit = sorted(w for w in words if toks.get(w))
        if hit:
            errors.append(f"{fname}: contains reserved word(s) {hit}")
        for ph in phrases:
            if re.search(r"\b" + re.escape(ph) + r"\b", text):
                errors.append(f"{fname}: contains reserved interest {ph!r}")
        # softer: inflected/compounded forms of a reserved word (e.g. plural)
        near = sorted({t for t in toks for w in words if len(w) >= 4 and t != w and t.startswith(w)})
        if near:
            warnings.append(f"{fname}: words starting with a reserved word (check by eye): {near}")
    # optional: compile everything with spaCy
    try:
        import spacy
        from spacy.matcher import Matcher, PhraseMatcher
    except ImportError:
        print("spaCy not importable: compile step skipped")
    else:
        nlp = spacy.blank("en")
        for fname, rs in rows.items():
            m, pm = Matcher(nlp.vocab, validate=True), PhraseMatcher(nlp.vocab, attr="LOWER")
            for n, r in enumerate(rs, 1):
                try:
                    if isinstance(r["pattern"], str):
                        pm.add(r["id"], [nlp.make_doc(r["pattern"])])
                    else:
                        m.add(r["id"], [r["pattern"]])
                except Exception as e:  # noqa: BLE001
                    errors.append(f"{fname}:{n}: spaCy rejected pattern: {e}")
        print(f"spaCy {spacy.__version__}: all patterns compiled" if not errors else "spaCy compile step finished")
    # report
    for fname, rs in rows.items():
        ids = {r["id"] for r in rs}
        n_tok = sum(1 for r in rs if not isinstance(r["pattern"], str))
        print(f"{fname}: {len(rs)} lines ({len(rs) - n_tok} phrase, {n_tok} token), {len(ids)} ids")
    dom = collections.defaultdict(set)
    for r in rows["interests.jsonl"]:
        dom[r["domain"]].add(r["id"])
    print("interests per domain:", {d: len(v) for d, v in sorted(dom.items())})
    print(f"title_heads.txt: {heads} heads")
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
