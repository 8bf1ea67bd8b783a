"""The set of generated files of every golden case (tests/golden/<case>/): all there, each named in
status.txt, some complete. Run by ./build.sh test, as every module of tests/iac."""

from __future__ import annotations

import warnings

import pytest

from iac_env import GOLDEN, ALL_CASES, _has, params
from iac_support import CROSS, GENERATED, KEYS


def test_generated_files_are_there():
    assert ALL_CASES, f"no golden cases in {GOLDEN}"
    full = [c.name for c in ALL_CASES if all(_has(c, s) for s in GENERATED)]
    assert full, f"no case in {GOLDEN} has the six generated files {sorted(GENERATED.values())}"
    partial = {
        c.name: sorted(GENERATED[s] for s in GENERATED if not _has(c, s))
        for c in ALL_CASES
        if c.name not in full and any(_has(c, s) for s in GENERATED)
    }
    assert not partial, f"cases missing some generated files: {partial}"
    skipped = [c.name for c in ALL_CASES if c.name not in full]
    if skipped:
        warnings.warn(f"cases without generated files, not tested: {skipped}")


def test_some_scripts_are_complete():
    """The moto runs happen for at least one case of each script: they cannot all skip."""
    for stem in (f"{CROSS}-aws-cli", f"{KEYS}-aws-cli"):
        assert any(_has(c, stem) and c.complete(stem) for c in ALL_CASES), f"no case has a complete {stem}"


@pytest.mark.parametrize("case,stem", params(*GENERATED))
def test_status_names_the_file(case, stem):
    state = case.outputs.get(stem)
    assert state is not None, f"{case.path}/status.txt has no line '{stem}: ...'"
    assert state == "complete" or state.startswith("incomplete, waiting for "), state
