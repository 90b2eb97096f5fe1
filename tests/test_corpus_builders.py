"""The labelled corpora whose labels are built from anchors (``build_labels.py``: a label names a
file and a string found on exactly one line of it) or whose calls and labels are written from one
source (docketry's ``build.py``) are what their script writes: run on a copy, it reproduces the
committed ``labels.json`` and calls byte for byte, so no label can drift from the line it names."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CORPORA = Path(__file__).parent / "data" / "corpora"
SHARED = ["anchored_labels.py", "call_render.py"]
BUILDERS = {
    "haulwise": "build_labels.py",
    "phenomena": "build_labels.py",
    "kittiwake": "build_labels.py",
    "quillpay": "build_labels.py",
    "gridwell": "build_labels.py",
    "furrowline": "build_labels.py",
    "docketry": "build.py",
    "cobbleway": "build_labels.py",
    "brightmoor": "build_labels.py",
    "ravelin": "build.py",
    "fernhollow": "build_labels.py",
    "saltmarsh": "build_labels.py",
    "wickerby": "_build/render.py",
    "pellucid": "_build/build_labels.py",
    "hearthstead": "build_labels.py",
    "bramblecote": "build_labels.py",
    "cinderwell": "_build/build.py",
    "lanternfield": "_build/build.py",
    "kelpmoor": "build_labels.py",
    "axlewood": "build_labels.py",
    "inkberry": "_build/build.py",
    "hoistley": "_build/build.py",
    "tallowgate": "_build/build.py",
    "mashcroft": "build_labels.py",
    "netherby": "build_labels.py",
    "plottwick": "tools/build_labels.py",
    "quarrywell": "build_labels.py",
    "mothwick": "build_labels.py",
    "yewcombe": "build_labels.py",
    "snowlark": "build_labels.py",
    "lockfern": "build_labels.py",
    "kilnmere": "build_labels.py",
    "brackenford": "build_labels.py",
    "moorquay": "build_labels.py",
    "linnethill": "build_labels.py",
    "corriebank": "build_labels.py",
    "rookhaven": "build_labels.py",
    "saffronleigh": "tools/build_labels.py",
    "thornwick": "build_labels.py",
    "pebblecroft": "build_labels.py",
    "gullrock": "build_labels.py",
    "hazelmere": "build_labels.py",
    "ashcombe": "build_labels.py",
    "brinkwater": "build_labels.py",
    "tidewell": "build_labels.py",
    "copperlane": "_build/build.py",
    "oxlease": "build_labels.py",
    "ferrisdale": "build_labels.py",
    "gavelbury": "build_labels.py",
    "pennock": "build_labels.py",
    "dunmarrow": "build_labels.py",
    "lutecombe": "build_labels.py",
    "hivebury": "build_labels.py",
    "assaymoor": "build_labels.py",
    "apronfield": "build_labels.py",
    "wardenholt": "build_labels.py",
    "cradlewick": "build.py",
    "shaftmere": "build_labels.py",
    "lidwell": "build_labels.py",
    "treadholme": "build_labels.py",
    "sleeperton": "build_labels.py",
    "panelford": "build_labels.py",
}


def _written(folder: Path) -> dict[str, bytes]:
    paths = [folder / "labels.json", *sorted((folder / "kb" / "calls").glob("*"))]
    return {str(p.relative_to(folder)): p.read_bytes() for p in paths if p.is_file()}


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_labels_are_what_the_build_script_writes(name: str, tmp_path: Path) -> None:
    for f in SHARED:
        shutil.copy(CORPORA / f, tmp_path / f)
    copy = tmp_path / name
    shutil.copytree(CORPORA / name, copy, ignore=shutil.ignore_patterns(".canon", "__pycache__"))
    (copy / "labels.json").unlink()
    run = subprocess.run([sys.executable, BUILDERS[name]], cwd=copy, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert _written(copy) == _written(CORPORA / name)
