"""The Terraform files of every golden case: both parse with python-hcl2, hold the expected
resources, and a complete one's jsonencode(...) documents, with variables at their defaults, equal
the JSON documents."""

from __future__ import annotations

import re

import pytest

from iac_env import params
from iac_support import CROSS, KEYS, HclEval, ecs_managed_policy_arn, tf_blocks


TERRAFORM = (f"{CROSS}-terraform", f"{KEYS}-terraform")


@pytest.mark.parametrize("case,stem", params(*TERRAFORM))
def test_terraform(case, stem):
    import hcl2

    parsed = hcl2.loads(case.file(stem).read_text())
    resources = tf_blocks(parsed, "resource")
    types = sorted(t for t, _ in resources)
    if stem.startswith(CROSS):
        assert types == ["aws_iam_role", "aws_iam_role_policy"], types
    else:
        want = ["aws_iam_role", "aws_iam_role_policy_attachment", "aws_iam_user", "aws_iam_user_policy"]
        assert [t for t in types if t != "aws_iam_access_key"] == want, types
        assert types.count("aws_iam_access_key") <= 1, types
    if not case.complete(stem):
        return

    p = case.partition
    literal = HclEval({}, {}, p, set())
    variables = {
        name: literal.attribute(body["default"])
        for (name,), body in tf_blocks(parsed, "variable").items()
        if "default" in body
    }
    data_partitions = {labels[1] for labels in tf_blocks(parsed, "data") if labels[0] == "aws_partition"}
    # The hardened variant names the deploying account's roles, read by aws_caller_identity.
    account = {"data.aws_caller_identity.current.account_id": case.inputs.get("aws-account-id")}
    ev = HclEval(variables, account, p, data_partitions)
    for (type_, label), body in resources.items():
        if type_ in ("aws_iam_role", "aws_iam_user"):
            name = ev.attribute(body["name"])
            ev.references[f"{type_}.{label}.name"] = ev.references[f"{type_}.{label}.id"] = name

    def one(type_):
        (body,) = [b for (t, _), b in resources.items() if t == type_]
        return body

    role = one("aws_iam_role")
    assert ev.attribute(role["name"]) == case.value("role-name")
    if stem.startswith(CROSS):
        assert ev.attribute(role["assume_role_policy"]) == case.document(f"{CROSS}-trust-policy")
        policy = one("aws_iam_role_policy")
        assert ev.attribute(policy["name"]) == case.value("policy-name")
        assert ev.attribute(policy["role"]) == case.value("role-name")
        assert ev.attribute(policy["policy"]) == case.document(f"{CROSS}-permissions-policy")
    else:
        assert ev.attribute(role["assume_role_policy"]) == case.document(f"{KEYS}-role-trust-policy")
        attachment = one("aws_iam_role_policy_attachment")
        assert ev.attribute(attachment["role"]) == case.value("role-name")
        assert ev.attribute(attachment["policy_arn"]) == ecs_managed_policy_arn(p)
        user = one("aws_iam_user")
        assert ev.attribute(user["name"]) == case.value("user-name")
        policy = one("aws_iam_user_policy")
        assert ev.attribute(policy["name"]) == case.value("user-policy-name")
        assert ev.attribute(policy["user"]) == case.value("user-name")
        assert ev.attribute(policy["policy"]) == case.document(f"{KEYS}-user-policy")
    for (type_, _), body in resources.items():
        for key in ("role", "user"):
            if key in body and type_ not in ("aws_iam_role", "aws_iam_user"):
                assert re.fullmatch(r"\$\{aws_iam_(role|user)\.\w+\.(name|id)\}", body[key]), (
                    f"{type_}.{key} should refer to the resource, so that Terraform orders them: {body[key]}"
                )
