"""The verification scripts of every golden case, run against a local stand-in for STS and IAM Access
Analyzer: they send exactly the case's documents and values, exit 0 only when the call without the
external ID is denied with AccessDenied, and exit 1 with a clear message on any other failure."""

from __future__ import annotations

import json
import socket
import subprocess

import pytest

from iac_env import SECRET_FILE, SECRET_TEXT, ALL_CASES, run, script_env
from iac_support import CROSS, KEYS


VERIFICATIONS = (f"{CROSS}-verification", f"{KEYS}-verification")
GENERATED_VERIFICATION = {s: f"{s}.sh" for s in VERIFICATIONS}
STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/"


class StandIn:
    """A local stand-in for STS (AssumeRole) and IAM Access Analyzer (ValidatePolicy) on
    127.0.0.1: it records every call's parameters and answers as `mode` says:
    - "deny": AssumeRole with an ExternalId succeeds, without one is AccessDenied (as IAM does);
    - "allow": both succeed (a trust policy without the condition);
    - "bad-credentials": every AssumeRole is InvalidClientTokenId (403, like AccessDenied)."""

    def __init__(self):
        import http.server
        import threading
        from urllib.parse import parse_qs

        self.mode = "deny"
        self.calls = []
        stand_in = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                if self.path.startswith("/policy/validation"):
                    stand_in.calls.append(("ValidatePolicy", json.loads(body)))
                    return self.answer(200, "application/json", json.dumps({"findings": []}))
                form = {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}
                stand_in.calls.append((form.get("Action"), form))
                if form.get("Action") != "AssumeRole":
                    return self.error(400, "InvalidAction", f"not a call the script makes: {form.get('Action')}")
                if stand_in.mode == "bad-credentials":
                    return self.error(403, "InvalidClientTokenId", "The security token included in the request is invalid.")
                if stand_in.mode == "deny" and "ExternalId" not in form:
                    return self.error(
                        403,
                        "AccessDenied",
                        f"User: arn:aws:iam::210987654321:user/shippable is not authorized to perform: "
                        f"sts:AssumeRole on resource: {form.get('RoleArn')}",
                    )
                self.answer(
                    200,
                    "text/xml",
                    f'<AssumeRoleResponse xmlns="{STS_NS}"><AssumeRoleResult><Credentials>'
                    "<AccessKeyId>ASIATESTTESTTESTTEST</AccessKeyId><SecretAccessKey>s</SecretAccessKey>"
                    "<SessionToken>t</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>"
                    "<AssumedRoleUser><AssumedRoleId>AROATEST:shippable-check</AssumedRoleId>"
                    "<Arn>arn:aws:sts::123456789012:assumed-role/r/shippable-check</Arn></AssumedRoleUser>"
                    "</AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>",
                )

            def error(self, status, code, message):
                self.answer(
                    status,
                    "text/xml",
                    f'<ErrorResponse xmlns="{STS_NS}"><Error><Type>Sender</Type><Code>{code}</Code>'
                    f"<Message>{message}</Message></Error><RequestId>1</RequestId></ErrorResponse>",
                )

            def answer(self, status, content_type, text):
                data = text.encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def stand_in():
    server = StandIn()
    yield server
    server.close()


def verification_params():
    return [
        pytest.param(c, s, id=f"{c.name}/{s}")
        for c in ALL_CASES
        for s in VERIFICATIONS
        if (c.path / GENERATED_VERIFICATION[s]).is_file() and c.complete(s)
    ]


def run_verification(case, stem, endpoint, tmp_path):
    env = script_env(tmp_path, case.region, endpoint)
    env["AWS_MAX_ATTEMPTS"] = "1"
    (tmp_path / SECRET_FILE).write_text(SECRET_TEXT)
    return run(["bash", case.path / GENERATED_VERIFICATION[stem]], env=env, cwd=tmp_path, stdin=subprocess.DEVNULL, timeout=120)


def shown(r):
    return f"exit {r.returncode}\n--- stdout\n{r.stdout}\n--- stderr\n{r.stderr}"


@pytest.mark.parametrize("case,stem", verification_params())
def test_verification_passes_when_denied_as_it_must_be(case, stem, stand_in, trap, tmp_path):
    """Every value and document reaches the API exactly as generated (the hostile cases' external
    IDs too: no file read, no URL fetched), and a denial without the external ID passes."""
    stand_in.mode, stand_in.calls[:] = "deny", []
    del trap[:]
    r = run_verification(case, stem, stand_in.url, tmp_path)
    assert trap == [], "the script fetched a typed value as a URL"
    method = CROSS if stem.startswith(CROSS) else KEYS
    trust = f"{CROSS}-trust-policy" if method == CROSS else f"{KEYS}-role-trust-policy"
    inline = f"{CROSS}-permissions-policy" if method == CROSS else f"{KEYS}-user-policy"
    validations = [body for action, body in stand_in.calls if action == "ValidatePolicy"]
    assert [
        {k: (json.loads(v) if k == "policyDocument" else v) for k, v in body.items()} for body in validations
    ] == [
        {"policyType": "IDENTITY_POLICY", "policyDocument": case.document(inline)},
        {
            "policyType": "RESOURCE_POLICY",
            "validatePolicyResourceType": "AWS::IAM::AssumeRolePolicyDocument",
            "policyDocument": case.document(trust),
        },
    ]
    # The texts themselves, not only their meaning: exactly the page's documents.
    assert [b["policyDocument"] for b in validations] == [
        (case.path / f"{inline}.json").read_text().rstrip("\n"),
        (case.path / f"{trust}.json").read_text().rstrip("\n"),
    ]
    assumed = [form for action, form in stand_in.calls if action == "AssumeRole"]
    if method == KEYS:
        assert assumed == []
    else:
        arn = (case.path / f"{CROSS}-role-arn.txt").read_text().strip()
        common = {"Action": "AssumeRole", "Version": "2011-06-15", "RoleArn": arn, "RoleSessionName": "shippable-check"}
        assert assumed == [{**common, "ExternalId": case.value("external-id")}, common], shown(r)
        assert "Denied without the external ID, as it must be." in r.stdout, shown(r)
    assert r.returncode == 0, shown(r)
    assert r.stdout.endswith("All checks passed.\n"), shown(r)


CHECKED = [p for p in verification_params() if p.values[1] == f"{CROSS}-verification"]


@pytest.mark.parametrize("case,stem", CHECKED[:1])
def test_verification_fails_when_assumed_without_the_external_id(case, stem, stand_in, tmp_path):
    stand_in.mode, stand_in.calls[:] = "allow", []
    r = run_verification(case, stem, stand_in.url, tmp_path)
    assert r.returncode == 1, shown(r)
    assert "WRONG: the role can be assumed without the external ID" in r.stderr, shown(r)
    assert "All checks passed." not in r.stdout


@pytest.mark.parametrize("case,stem", CHECKED[:1])
def test_verification_fails_on_another_error(case, stem, stand_in, tmp_path):
    """Bad credentials are a 403 too, but not AccessDenied: they prove nothing."""
    stand_in.mode, stand_in.calls[:] = "bad-credentials", []
    r = run_verification(case, stem, stand_in.url, tmp_path)
    assert r.returncode == 1, shown(r)
    assert "(InvalidClientTokenId)" in r.stderr, shown(r)
    assert "failed for another reason than AccessDenied" in r.stderr, shown(r)
    assert "as it must be" not in r.stdout and "All checks passed." not in r.stdout, shown(r)


@pytest.mark.parametrize("case,stem", [p for p in verification_params()][:2])
def test_verification_fails_without_network(case, stem, tmp_path):
    """Nothing listens at the endpoint: every call fails, and the script says so."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}"
    r = run_verification(case, stem, closed, tmp_path)
    assert r.returncode == 1, shown(r)
    assert "Could not connect to the endpoint URL" in r.stderr, shown(r)
    assert "FAILED: a check above failed" in r.stderr, shown(r)
    assert "as it must be" not in r.stdout and "All checks passed." not in r.stdout, shown(r)
