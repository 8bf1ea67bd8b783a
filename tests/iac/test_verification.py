"""The verification scripts of every golden case, run as the page presents them (`bash <file>`) with
the real AWS CLI: IAM's reads go to moto (through aws_stub.py, which adds the case's account), and
what moto does not serve (Access Analyzer's ValidatePolicy, IAM's SimulatePrincipalPolicy, which
moto answers with a 500, and STS as Shippable's account sees it) to the stub, in AWS's documented
shapes. Each failure the script must catch has a test; so does the pass."""

from __future__ import annotations

import fnmatch
import json
import socket
import subprocess

import pytest

from aws_stub import AwsStub, PASS_ROLE_LINK, finding
from iac_env import REPO, SECRET_FILE, SECRET_TEXT, ALL_CASES, run, script_env
from iac_support import CROSS, KEYS, ecs_managed_policy_arn


VERIFICATIONS = (f"{CROSS}-verification", f"{KEYS}-verification")
KNOWN = "PASS_ROLE_WITH_STAR_IN_RESOURCE"


@pytest.fixture(scope="session")
def stub(moto):
    server = AwsStub(moto)
    yield server
    server.close()


def params(stems=VERIFICATIONS):
    return [
        pytest.param(c, s, id=f"{c.name}/{s}")
        for c in ALL_CASES
        for s in stems
        if (c.path / f"{s}.sh").is_file() and c.complete(s)
    ]


def real_actions():
    """AWS's actions from src/iam-actions.txt (the Service Authorization Reference), read here
    on their own: the expected simulator input does not come from the code under test."""
    out, service = [], None
    for line in (REPO / "src/iam-actions.txt").read_text().splitlines():
        if not line or line.startswith(("#", "arn:")):
            continue  # comments, and the resource types' lines
        if line.startswith("["):
            service = line.strip("[]")
        else:
            out.append(f"{service}:{line.split(chr(9))[0]}")
    return out


def expected_actions(case, method):
    """The guide's actions of the case's (unhardened) policy: wildcards as the real actions they
    stand for, each once, iam:PassRole apart."""
    guide = json.loads((REPO / "tests/golden/aws" / f"{inline_stem(method)}.json").read_text())["Statement"][0]["Action"]
    out = []
    for action in guide:
        if action == "iam:PassRole":
            continue
        names = [a for a in real_actions() if fnmatch.fnmatchcase(a.lower(), action.lower())] if "*" in action else [action]
        out += [n for n in names if n not in out]
    return out


def inline_stem(method):
    return f"{CROSS}-permissions-policy" if method == CROSS else f"{KEYS}-user-policy"


def trust_stem(method):
    return f"{CROSS}-trust-policy" if method == CROSS else f"{KEYS}-role-trust-policy"


def account_of(case):
    try:
        return case.value("aws-account-id")
    except (AssertionError, KeyError):
        return "123456789012"


def iam(stub, case):
    import boto3
    from botocore.config import Config

    return boto3.session.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing", region_name=case.region
    ).client("iam", endpoint_url=stub.url, config=Config(retries={"max_attempts": 1}))


def set_up(stub, moto, case, method, *, inline=None, trust=None, managed=True, role=True):
    """The case's set-up in moto (in the case's account), exactly the page's documents unless given."""
    from iac_env import post

    post(f"{moto}/moto-api/reset")
    stub.reset(account_of(case))
    client = iam(stub, case)
    trust_text = trust if trust is not None else (case.path / f"{trust_stem(method)}.json").read_text()
    inline_text = inline if inline is not None else (case.path / f"{inline_stem(method)}.json").read_text()
    name = case.value("role-name")
    if role:
        client.create_role(RoleName=name, AssumeRolePolicyDocument=trust_text)
    if method == CROSS:
        if role:
            client.put_role_policy(RoleName=name, PolicyName=case.value("policy-name"), PolicyDocument=inline_text)
    else:
        user, policy = case.value("user-name"), case.value("user-policy-name")
        client.create_user(UserName=user)
        document = json.loads(inline_text)
        if "Version" not in document:
            # IAM accepts the guide's user policy without Version; moto refuses it. Moto holds one with
            # it, and the stub answers GetUserPolicy with the text itself, URL-encoded as IAM does.
            client.put_user_policy(UserName=user, PolicyName=policy, PolicyDocument=json.dumps({"Version": "2012-10-17", **document}))
            stub.documents["GetUserPolicy"] = inline_text
        else:
            client.put_user_policy(UserName=user, PolicyName=policy, PolicyDocument=inline_text)
        if managed and role:
            client.attach_role_policy(RoleName=name, PolicyArn=ecs_managed_policy_arn(case.partition))
    stub.calls[:] = []


def run_verification(case, stem, endpoint, tmp_path, *args):
    env = script_env(tmp_path, case.region, endpoint)
    env["AWS_MAX_ATTEMPTS"] = "1"
    (tmp_path / SECRET_FILE).write_text(SECRET_TEXT)
    return run(["bash", case.path / f"{stem}.sh", *args], env=env, cwd=tmp_path, stdin=subprocess.DEVNULL, timeout=300)


def shown(r):
    return f"exit {r.returncode}\n--- stdout\n{r.stdout}\n--- stderr\n{r.stderr}"


def failed(r):
    """The FAILED lines, without the last summary."""
    return [ln for ln in r.stderr.splitlines() if ln.startswith("FAILED: ") and "a check above failed" not in ln]


@pytest.mark.parametrize("case,stem", params())
def test_verification_passes_on_the_page_set_up(case, stem, stub, moto, trap, tmp_path):
    """The set-up exactly as the page's documents make it (every partition, every hostile value):
    the script reads it back, sends what the account has to Access Analyzer and the role's or user's
    ARN to the simulator, and passes; the guide's PassRole finding is named as known, not a failure."""
    method = CROSS if stem.startswith(CROSS) else KEYS
    set_up(stub, moto, case, method)
    del trap[:]
    r = run_verification(case, stem, stub.url, tmp_path)
    assert trap == [], "the script fetched a typed value as a URL"
    assert r.returncode == 0, shown(r)
    assert r.stdout.endswith("All checks passed.\n"), shown(r)
    assert r.stderr == "", shown(r)
    assert stub.of("AssumeRole") == [], "Shippable's check ran in the reader's"
    validations = stub.of("ValidatePolicy")
    assert [{k: json.loads(v) if k == "policyDocument" else v for k, v in b.items()} for b in validations] == [
        {
            "policyType": "RESOURCE_POLICY",
            "validatePolicyResourceType": "AWS::IAM::AssumeRolePolicyDocument",
            "policyDocument": case.document(trust_stem(method)),
        },
        {"policyType": "IDENTITY_POLICY", "policyDocument": case.document(inline_stem(method))},
    ]
    account, p, role = account_of(case), case.partition, case.value("role-name")
    role_arn = f"arn:{p}:iam::{account}:role/{role}"
    source = role_arn if method == CROSS else f"arn:{p}:iam::{account}:user/{case.value('user-name')}"
    simulations = stub.of("SimulatePrincipalPolicy")
    actions = expected_actions(case, method)
    common = {"Action": "SimulatePrincipalPolicy", "Version": "2010-05-08", "PolicySourceArn": source}
    assert simulations == [
        {**common, **{f"ActionNames.member.{i}": a for i, a in enumerate(actions, 1)}},
        {
            **common,
            "ActionNames.member.1": "iam:PassRole",
            "ResourceArns.member.1": role_arn,
            "ContextEntries.member.1.ContextKeyName": "iam:PassedToService",
            "ContextEntries.member.1.ContextKeyValues.member.1": "ecs.amazonaws.com",
            "ContextEntries.member.1.ContextKeyType": "string",
        },
    ]
    hardened = case.inputs.get("hardened") == "true"
    known = [ln for ln in r.stdout.splitlines() if KNOWN in ln]
    if hardened:
        assert known == [], shown(r)
    else:
        assert len(known) == 1 and "the guide's own iam:PassRole" in known[0] and PASS_ROLE_LINK in known[0], shown(r)


def one(stem):
    return [p for p in params((stem,)) if p.values[0].name == "aws"]


@pytest.mark.parametrize("case,stem", one(f"{CROSS}-verification") + one(f"{KEYS}-verification"))
def test_verification_fails_without_the_role(case, stem, stub, moto, tmp_path):
    set_up(stub, moto, case, CROSS if stem.startswith(CROSS) else KEYS, role=False)
    r = run_verification(case, stem, stub.url, tmp_path)
    assert r.returncode == 1, shown(r)
    assert "(NoSuchEntity)" in r.stderr, shown(r)
    assert failed(r) == ["FAILED: could not read the role shippable-role-to-allow-ecs-access (the AWS CLI's message is above)"], shown(r)
    assert "All checks passed." not in r.stdout


def difference(r):
    """The JSON the script prints after a document that differs."""
    text = r.stderr
    start = text.index("\n{\n") + 1
    end = text.index("\n}\n", start) + 2
    return json.loads(text[start:end])


@pytest.mark.parametrize("case,stem", one(f"{CROSS}-verification"))
def test_verification_fails_when_the_inline_policy_differs(case, stem, stub, moto, tmp_path):
    page = case.document(inline_stem(CROSS))
    mine = json.loads(json.dumps(page))
    mine["Statement"][0]["Action"].remove("ecs:DeleteService")
    set_up(stub, moto, case, CROSS, inline=json.dumps(mine))
    r = run_verification(case, stem, stub.url, tmp_path)
    assert r.returncode == 1, shown(r)
    assert failed(r)[0] == (
        "FAILED: the inline policy shippable-policy-to-access-ecs of the role shippable-role-to-allow-ecs-access (step 2) "
        "differs from this page's; as JSON data, statement by statement, then whole:"
    ), shown(r)
    assert difference(r) == {
        "Only in your account": mine["Statement"],
        "Only on this page": page["Statement"],
        "Your account's": mine,
        "This page's": page,
    }
    # Not the guide's exact policy: the PassRole finding is not excused, and Access Analyzer got the account's.
    assert any(KNOWN in ln for ln in failed(r)), shown(r)
    assert json.loads(stub.of("ValidatePolicy")[1]["policyDocument"]) == mine
    assert "All checks passed." not in r.stdout


@pytest.mark.parametrize("case,stem", one(f"{CROSS}-verification"))
def test_verification_fails_when_the_trust_relationship_differs(case, stem, stub, moto, tmp_path):
    page = case.document(trust_stem(CROSS))
    mine = {"Version": "2012-10-17", "Statement": [page["Statement"][0]]}
    mine["Statement"][0] = {**mine["Statement"][0], "Condition": {"StringLike": {"sts:ExternalId": "*"}}}
    set_up(stub, moto, case, CROSS, trust=json.dumps(mine))
    r = run_verification(case, stem, stub.url, tmp_path)
    assert r.returncode == 1, shown(r)
    assert failed(r) == [
        "FAILED: the trust relationship of the role shippable-role-to-allow-ecs-access (step 3) differs from this "
        "page's; as JSON data, statement by statement, then whole:"
    ], shown(r)
    assert difference(r) == {
        "Only in your account": mine["Statement"],
        "Only on this page": page["Statement"],
        "Your account's": mine,
        "This page's": page,
    }


@pytest.mark.parametrize("case,stem", one(f"{KEYS}-verification"))
def test_verification_fails_without_the_managed_policy(case, stem, stub, moto, tmp_path):
    set_up(stub, moto, case, KEYS, managed=False)
    r = run_verification(case, stem, stub.url, tmp_path)
    assert r.returncode == 1, shown(r)
    assert failed(r) == [
        "FAILED: the role shippable-role-to-allow-ecs-access does not have the AWS managed policy "
        "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceRole attached (step 2)"
    ], shown(r)


@pytest.mark.parametrize("finding_type", ["ERROR", "SECURITY_WARNING"])
@pytest.mark.parametrize("case,stem", one(f"{CROSS}-verification"))
def test_verification_fails_on_a_finding(case, stem, finding_type, stub, moto, tmp_path):
    """Any ERROR or SECURITY_WARNING finding fails, named; a SUGGESTION or WARNING does not."""
    set_up(stub, moto, case, CROSS)
    link = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#x"
    stub.findings = [finding(finding_type, "SOME_ISSUE", link), finding("SUGGESTION", "EMPTY_SID_VALUE", link)]
    r = run_verification(case, stem, stub.url, tmp_path)
    assert r.returncode == 1, shown(r)
    assert failed(r) == [
        f"FAILED: IAM Access Analyzer, {finding_type} SOME_ISSUE in the trust relationship of the role "
        f"shippable-role-to-allow-ecs-access (step 3) ({link})",
        f"FAILED: IAM Access Analyzer, {finding_type} SOME_ISSUE in the inline policy shippable-policy-to-access-ecs "
        f"of the role shippable-role-to-allow-ecs-access (step 2) ({link})",
    ], shown(r)
    assert "All checks passed." not in r.stdout


@pytest.mark.parametrize("case,stem", [p for p in params((f"{CROSS}-verification",)) if p.values[0].name == "hardened"])
def test_verification_fails_on_the_pass_role_finding_when_hardened(case, stem, stub, moto, tmp_path):
    """The hardened script excuses nothing: the guide's PassRole finding there fails like any other."""
    set_up(stub, moto, case, CROSS)
    stub.findings = [finding("SECURITY_WARNING", KNOWN, PASS_ROLE_LINK)]
    r = run_verification(case, stem, stub.url, tmp_path)
    assert r.returncode == 1, shown(r)
    assert sum(KNOWN in ln for ln in failed(r)) == 2, shown(r)


@pytest.mark.parametrize("case,stem", one(f"{CROSS}-verification") + one(f"{KEYS}-verification"))
def test_verification_fails_on_a_simulator_denial(case, stem, stub, moto, tmp_path):
    method = CROSS if stem.startswith(CROSS) else KEYS
    set_up(stub, moto, case, method)
    stub.decisions = {"ecs:UpdateService": "explicitDeny", "iam:PassRole": "implicitDeny"}
    r = run_verification(case, stem, stub.url, tmp_path)
    assert r.returncode == 1, shown(r)
    who = "role shippable-role-to-allow-ecs-access" if method == CROSS else "user shippable-user-to-allow-ecs-access"
    assert failed(r) == [
        f"FAILED: the IAM policy simulator: ecs:UpdateService is explicitDeny for the guide's actions of the {who}",
        f"FAILED: the IAM policy simulator: iam:PassRole is implicitDeny for iam:PassRole of the role "
        f"shippable-role-to-allow-ecs-access to ECS by the {who}",
    ], shown(r)


@pytest.mark.parametrize("case,stem", one(f"{CROSS}-verification") + one(f"{KEYS}-verification"))
def test_verification_fails_with_bad_credentials(case, stem, stub, moto, tmp_path):
    set_up(stub, moto, case, CROSS if stem.startswith(CROSS) else KEYS)
    stub.fail_all = "InvalidClientTokenId"
    r = run_verification(case, stem, stub.url, tmp_path)
    assert r.returncode == 1, shown(r)
    assert "(InvalidClientTokenId)" in r.stderr, shown(r)
    assert "All checks passed." not in r.stdout and "Same as this page" not in r.stdout, shown(r)


@pytest.mark.parametrize("case,stem", one(f"{CROSS}-verification") + one(f"{KEYS}-verification"))
def test_verification_fails_without_network(case, stem, tmp_path):
    """Nothing listens at the endpoint: every call fails, and the script says so."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}"
    r = run_verification(case, stem, closed, tmp_path)
    assert r.returncode == 1, shown(r)
    assert "Could not connect to the endpoint URL" in r.stderr, shown(r)
    assert "FAILED: a check above failed" in r.stderr, shown(r)
    assert "All checks passed." not in r.stdout, shown(r)


# Shippable's own check: `bash <file> shippable`, with Shippable's credentials (the stub's STS).

SHIPPABLE = params((f"{CROSS}-verification",))


@pytest.mark.parametrize("case,stem", SHIPPABLE)
def test_shippable_check_passes_when_denied_without_the_external_id(case, stem, stub, trap, tmp_path):
    stub.reset()
    del trap[:]
    r = run_verification(case, stem, stub.url, tmp_path, "shippable")
    assert trap == [], "the script fetched a typed value as a URL"
    arn = (case.path / f"{CROSS}-role-arn.txt").read_text().strip()
    common = {"Action": "AssumeRole", "Version": "2011-06-15", "RoleArn": arn, "RoleSessionName": "shippable-check"}
    assert stub.calls == [("AssumeRole", {**common, "ExternalId": case.value("external-id")}), ("AssumeRole", common)], shown(r)
    assert r.returncode == 0, shown(r)
    assert r.stdout == "2030-01-01T00:00:00Z\nDenied without the external ID, as it must be.\nAll checks passed.\n", shown(r)


@pytest.mark.parametrize("case,stem", SHIPPABLE[:1])
def test_shippable_check_fails_when_assumed_without_the_external_id(case, stem, stub, tmp_path):
    stub.reset()
    stub.assume = "allow"
    r = run_verification(case, stem, stub.url, tmp_path, "shippable")
    assert r.returncode == 1, shown(r)
    assert "WRONG: the role can be assumed without the external ID" in r.stderr, shown(r)
    assert "All checks passed." not in r.stdout


@pytest.mark.parametrize("case,stem", SHIPPABLE[:1])
def test_shippable_check_fails_on_another_error(case, stem, stub, tmp_path):
    """Bad credentials are a 403 too, but not AccessDenied: they prove nothing."""
    stub.reset()
    stub.assume = "bad-credentials"
    r = run_verification(case, stem, stub.url, tmp_path, "shippable")
    assert r.returncode == 1, shown(r)
    assert "(InvalidClientTokenId)" in r.stderr, shown(r)
    assert "failed for another reason than AccessDenied" in r.stderr, shown(r)
    assert "as it must be" not in r.stdout and "All checks passed." not in r.stdout, shown(r)

