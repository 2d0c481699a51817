"""Reading a note: bytes to text (with a clear error for what is not a note) and front matter."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from followup_nlp.errors import FollowupError

# A page of interview notes is a few kilobytes; a megabyte is several hundred pages. Past this we
# refuse with a clear message instead of spending minutes and gigabytes on it.
MAX_NOTE_BYTES = 1_000_000

FRONT_MATTER_KEYS = ("sender", "company", "position", "date")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_KEY_VALUE = re.compile(r"^\s*(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*?)\s*$")


@dataclass(frozen=True)
class Note:
    """A note's text (front matter removed) and its front matter values."""

    text: str
    front_matter: dict[str, str] = field(default_factory=dict)
    source: str = "<stdin>"
    offset: int = 0  # characters removed from the start (front matter), for mapping spans back


def decode_note(raw: bytes, source: str = "<stdin>") -> str:
    """Decode note bytes: UTF-8 (with or without BOM) or UTF-16 with BOM; reject binary data."""
    if len(raw) > MAX_NOTE_BYTES:
        raise FollowupError(
            f"{source}: note is {len(raw) / 1e6:.1f} MB; notes are limited to "
            f"{MAX_NOTE_BYTES // 1_000_000} MB. Split it into one file per interview."
        )
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise FollowupError(f"{source}: starts like UTF-16 but is not valid UTF-16") from exc
    if b"\x00" in raw[:4096]:
        raise FollowupError(f"{source}: looks like a binary file, not a text note")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Word processors on older systems save cp1252/Latin-1. Accept it only when it decodes to
    # printable text, otherwise it is more likely a binary file.
    text = raw.decode("cp1252", errors="replace")
    bad = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\r\n\f"))
    if bad > max(2, len(text) // 100):
        raise FollowupError(f"{source}: not readable as text (not UTF-8, UTF-16 or Latin-1)")
    return text


def split_front_matter(text: str) -> tuple[dict[str, str], str, int]:
    """Split an optional `---` block of `key: value` lines off the top of a note."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0
    values: dict[str, str] = {}
    for line in match.group("body").splitlines():
        kv = _KEY_VALUE.match(line)
        if kv and kv.group("key").lower() in FRONT_MATTER_KEYS and kv.group("value"):
            values[kv.group("key").lower()] = kv.group("value").strip("\"'")
    return values, text[match.end() :], match.end()


# A message to a friend or a coach ends with the writer's name under a closing line:
# "Thanks again for the contact!\nPetra", "Talk soon,\nCiarán", "Ingat po,\nMae".
_SIGNATURE = re.compile(r"^[-–—~ ]*(?P<name>[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2})\s*\Z")
_CLOSING = re.compile(r"(?:,|!)\s*\Z|^\s*(?:thanks|thank you|cheers|best|regards|love|take care|"
                      r"talk soon|xx?o?|warmly|sincerely)\b", re.I)


def signed_by(text: str) -> str | None:
    """The name a note is signed with on its last line, below a closing ("Thanks again!"),
    when the note names it nowhere else: the writer, never someone they met."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if len(lines) < 3:
        return None
    match = _SIGNATURE.match(lines[-1])
    if match is None or len(match.group("name")) > 40 or not _CLOSING.search(lines[-2]):
        return None
    name = match.group("name").rstrip(".")
    elsewhere = "\n".join(lines[:-1]).lower()
    first = re.escape(name.split()[0].lower())
    return None if re.search(rf"(?<!\w){first}(?!\w)", elsewhere) else name


_FROM = re.compile(r"^\s*from\s*:\s*(?P<name>[^<@\n]+?)\s*(?:<[^>\n]*>)?\s*$", re.I)
_THANKS_SUBJECT = re.compile(r"^\s*subject\s*:\s*(?!(?:re|aw|sv)\s*:)[^\n]*\bthank", re.I)


def _from_lines(lines: list[str]) -> list[tuple[int, str | None]]:
    """(index, sender) of each pasted email's "From:" line; the sender is None when what follows
    "From:" reads as no name (empty, over 40 characters, or holding digits)."""
    found = []
    for i, line in enumerate(lines):
        if (match := _FROM.match(line)) is not None:
            name = match.group("name").strip(" \"'")
            found.append((i, name if 0 < len(name) <= 40 and not any(c.isdigit() for c in name)
                          else None))
    return found


def thanks_sent_by(text: str) -> str | None:
    """The sender of a pasted thank-you email ("From: Jordan Reyes" over "Subject: Thank you -
    Project Coordinator interview"): the writer, never someone they met. A reply ("Subject: RE:
    Thank you") comes from the interviewer."""
    lines = text.splitlines()
    return next((name for i, name in _from_lines(lines) if name is not None
                 and any(_THANKS_SUBJECT.match(other) for other in lines[i + 1 : i + 5])), None)


# A message that sets up the writer's interview: "You're confirmed for a second-round video
# interview", "You'll be meeting with:", "your interview is scheduled for".
_ARRANGES = re.compile(
    r"\byou(?:'re|’re| are)\s+(?:all\s+)?(?:confirmed|scheduled|booked|set)\b"
    r"|\byou(?:'ll|’ll| will)\s+(?:be\s+)?meet(?:ing)?\b"
    r"|\byour\s+(?:\w+[- ]round\s+|phone\s+|video\s+|on-?site\s+)?interview\s+"
    r"(?:is|has been)\s+(?:confirmed|scheduled|booked|set)\b"
    r"|(?:^|[.!?:,–—-])\s*confirming\b", re.I | re.M)  # "Hi Tamsin - confirming Wed 8/12 ..."
_WITH_ME = re.compile(r"\b(?:with|meet)\s+me\b|\bme\s+and\b", re.I)


def scheduled_by(text: str) -> set[str]:
    """The senders of pasted emails that set up the interview ("From: Amara Nwosu" over "You're
    confirmed for ... You'll be meeting with: ..."): whoever arranged it, not an interviewer,
    unless they meet the writer themselves ("you'll be meeting with me and Dana")."""
    lines = [re.sub(r"^\s*(?:>\s*)+", "", line) for line in text.splitlines()]  # "> From: ..."
    froms = _from_lines(lines)
    senders = set()
    # each message runs from its "From:" line to the next one (the last to the end; with no
    # "From:" line there is nothing to pair)
    ends = [j for j, _ in froms[1:]] + [len(lines)]
    for (i, name), end in zip(froms, ends, strict=False):
        body = "\n".join(lines[i + 1 : end])
        if name is not None and _ARRANGES.search(body) and not _WITH_ME.search(body):
            senders.add(name)
    return senders


def parse_note(text: str, source: str = "<stdin>") -> Note:
    """Turn decoded text into a Note; an empty note is a user error."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front, body, offset = split_front_matter(text)
    if not body.strip():
        raise FollowupError(f"{source}: the note is empty; paste or pass the notes you took")
    return Note(text=body, front_matter=front, source=source, offset=offset)


def read_note(path: Path) -> Note:
    """Read a note file with a clear error for folders, missing or unreadable files."""
    if path.is_dir():
        raise FollowupError(f"{path}: is a folder; pass a note file (or use `followup batch`)")
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise FollowupError(f"{path}: no such file") from exc
    except OSError as exc:
        raise FollowupError(f"{path}: cannot read ({exc.strerror})") from exc
    return parse_note(decode_note(raw, str(path)), str(path))
