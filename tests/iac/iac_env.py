"""What every test module of tests/iac shares: the golden cases (IAC_GOLDEN_DIR=/some/dir runs
them on another directory of cases), where the tools are, no network but 127.0.0.1, running a
command, and the environment a generated script runs in."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from iac_support import read_case


REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(os.environ.get("IAC_GOLDEN_DIR") or REPO / "tests/golden").resolve()
BIN = Path(sys.prefix) / "bin"  # the venv that runs pytest holds cfn-lint, aws and moto_server
MOTO_ACCOUNT = "123456789012"  # moto's default account

# Nothing but 127.0.0.1 is contacted: a proxy that refuses every connection takes all else.
NO_NETWORK = {
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "NO_PROXY": "127.0.0.1",
    "no_proxy": "127.0.0.1",
    "AWS_EC2_METADATA_DISABLED": "true",
}
os.environ.update(NO_NETWORK)  # for boto3 in this process
for _key in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_CA_BUNDLE"):
    os.environ.pop(_key, None)

# What a value of the hostile-* cases would make the AWS CLI read if it loaded it as a parameter
# file (`file://secret.txt`, `fileb://secret.txt`, relative to the script's directory) or fetched
# it (`http://127.35.81.9:8080/x`): the tests put a file there and listen at that address.
SECRET_FILE = "secret.txt"
SECRET_TEXT = "read-from-a-file-not-the-typed-value"
TRAP_ADDRESS = ("127.35.81.9", 8080)
NO_NETWORK_BUT_TRAP = {**NO_NETWORK, "NO_PROXY": f"127.0.0.1,{TRAP_ADDRESS[0]}", "no_proxy": f"127.0.0.1,{TRAP_ADDRESS[0]}"}

ALL_CASES = sorted(
    (read_case(p) for p in GOLDEN.iterdir() if (p / "status.txt").is_file()) if GOLDEN.is_dir() else [],
    key=lambda c: c.path,
)


def _has(case, stem):
    return case.file(stem).is_file()


def params(*stems):
    """(case, stem) for every case that has the file; ids like aws/cross-account-aws-cli."""
    return [
        pytest.param(c, s, id=f"{c.name}/{s}")
        for c in ALL_CASES
        for s in stems
        if _has(c, s)
    ]


def run(cmd, **kw):
    kw.setdefault("timeout", 300)
    return subprocess.run([str(x) for x in cmd], capture_output=True, text=True, **kw)


# --- the set of files ----------------------------------------------------------------------------


def post(url):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(urllib.request.Request(url, data=b"", method="POST"), timeout=30) as r:
        r.read()


def script_env(tmp_path, region, endpoint):
    """The environment a generated script runs in: the local endpoint, dummy credentials, no
    configuration, no network but 127.0.0.1 (and the trap, so that a fetch would reach it)."""
    return {
        "PATH": f"{BIN}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": region,
        "AWS_CONFIG_FILE": str(tmp_path / "no-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "no-credentials"),
        "AWS_RETRY_MODE": "standard",
        "AWS_MAX_ATTEMPTS": "2",
        **NO_NETWORK_BUT_TRAP,
    }
