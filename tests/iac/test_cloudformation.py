"""The CloudFormation templates of every golden case: both pass cfn-lint (errors and warnings fail),
and a complete one's documents, with parameters at their defaults, equal the JSON documents."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from iac_env import BIN, ALL_CASES, _has, params, run
from iac_support import (
    CROSS,
    KEYS,
    as_document,
    cfn_parameter_defaults,
    cfn_resolve,
    ecs_managed_policy_arn,
)


TEMPLATES = (f"{CROSS}-cloudformation", f"{KEYS}-cloudformation")


@pytest.fixture(scope="session")
def cfn_lint_findings():
    """cfn-lint over every template at once (one run per partition's region): {path: [finding]}."""
    by_region = {}
    for case in ALL_CASES:
        for stem in TEMPLATES:
            if _has(case, stem):
                by_region.setdefault(case.region, []).append(str(case.file(stem)))
    findings = {}
    for region, files in by_region.items():
        r = run([BIN / "cfn-lint", "--format", "json", "--include-checks", "I", "--regions", region, "--", *files])
        try:
            matches = json.loads(r.stdout)
        except json.JSONDecodeError:
            pytest.fail(f"cfn-lint failed (exit {r.returncode}):\n{r.stdout}\n{r.stderr}")
        # cfn-lint's exit code is a bit mask: 2 errors, 4 warnings, 8 informational; 1 is a crash.
        assert r.returncode & 1 == 0, r.stderr
        for m in matches:
            findings.setdefault(str(Path(m["Filename"]).resolve()), []).append(m)
    return findings


@pytest.mark.parametrize("case,stem", params(*TEMPLATES))
def test_cfn_lint(case, stem, cfn_lint_findings):
    found = cfn_lint_findings.get(str(case.file(stem).resolve()), [])

    def show(m):
        loc = m["Location"]["Start"]
        return f"{m['Level']} {m['Rule']['Id']} line {loc['LineNumber']}: {m['Message']}"

    for m in found:
        if m["Level"] == "Informational":
            warnings.warn(f"{case.name}/{stem}: cfn-lint {show(m)}")
    bad = [show(m) for m in found if m["Level"] != "Informational"]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("case,stem", params(*TEMPLATES))
def test_cfn_documents(case, stem):
    from cfnlint.decode import cfn_yaml

    template = cfn_yaml.loads(case.file(stem).read_text())
    resources = template["Resources"]
    types = sorted(r["Type"] for r in resources.values())
    if stem.startswith(CROSS):
        assert types == ["AWS::IAM::Role"], types
    else:
        assert [t for t in types if t != "AWS::IAM::AccessKey"] == ["AWS::IAM::Role", "AWS::IAM::User"], types
        assert types.count("AWS::IAM::AccessKey") <= 1, types
    if not case.complete(stem):
        return

    p = case.partition
    defaults = cfn_parameter_defaults(template)

    def props(type_):
        (r,) = [r for r in resources.values() if r["Type"] == type_]
        return cfn_resolve(r.get("Properties", {}), defaults, p, case.inputs.get("aws-account-id"))

    role = props("AWS::IAM::Role")
    assert role["RoleName"] == case.value("role-name")
    if stem.startswith(CROSS):
        assert role["AssumeRolePolicyDocument"] == case.document(f"{CROSS}-trust-policy")
        [policy] = role["Policies"]
        assert policy["PolicyName"] == case.value("policy-name")
        assert as_document(policy["PolicyDocument"]) == case.document(f"{CROSS}-permissions-policy")
        assert not role.get("ManagedPolicyArns")
    else:
        assert as_document(role["AssumeRolePolicyDocument"]) == case.document(f"{KEYS}-role-trust-policy")
        assert role["ManagedPolicyArns"] == [ecs_managed_policy_arn(p)]
        assert not role.get("Policies")
        user = props("AWS::IAM::User")
        assert user["UserName"] == case.value("user-name")
        [policy] = user["Policies"]
        assert policy["PolicyName"] == case.value("user-policy-name")
        assert as_document(policy["PolicyDocument"]) == case.document(f"{KEYS}-user-policy")
        assert not user.get("ManagedPolicyArns")
