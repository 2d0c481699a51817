"""The data folders' own validation scripts pass (formats, counts, reserved words, overlaps)."""

import subprocess
import sys

import pytest

from followup_nlp.resources import data_path


@pytest.mark.parametrize("script", [("interests", "check_interests.py"),
                                    ("lexicons", "check_lexicons.py"),
                                    ("gifts", "check_catalog.py")])
def test_data_validation_script_passes(script):
    path = data_path(*script)
    result = subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
