"""The built wheel carries data, model and templates, and the CLI works from it."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(out), str(ROOT)], check=True, capture_output=True)
    (built,) = out.glob("followup_nlp-*.whl")
    return built


def test_wheel_ships_data_model_and_templates(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("followup_nlp/_bundled/data/samples/sample_note.txt",
                   "followup_nlp/_bundled/data/lexicons/interests.jsonl",
                   "followup_nlp/_bundled/models/gift_categories.skops",
                   "followup_nlp/_bundled/templates/thank_you.txt.j2"):
        assert needed in names


def test_cli_runs_from_the_installed_wheel(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(site), str(wheel)], check=True, capture_output=True)
    code = (
        "import followup_nlp, followup_nlp.resources as r, sys;"
        "assert followup_nlp.__file__.startswith(sys.argv[1]), followup_nlp.__file__;"
        "assert str(r.templates_dir()).startswith(sys.argv[1]);"
        "from followup_nlp.cli import main; sys.argv = ['followup', 'letters',"
        " str(r.data_path('samples', 'sample_note.txt'))]; main()"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run([sys.executable, "-c", code, str(site)], capture_output=True,
                            text=True, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Dear Marcus," in result.stdout and "Dear Priya," in result.stdout
