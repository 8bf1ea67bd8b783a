"""A local stand-in, on 127.0.0.1, for what moto does not serve: IAM Access Analyzer's ValidatePolicy,
IAM's SimulatePrincipalPolicy and STS's AssumeRole as Shippable's account sees it. Every other call
(IAM's GetRole, GetRolePolicy, GetUser, ...) goes on to moto unchanged, and its answer comes back.

It answers in AWS's documented shapes (Access Analyzer API Reference, ValidatePolicy and
ValidatePolicyFinding: JSON `findings` of findingType, issueCode, learnMoreLink, findingDetails,
locations; IAM API Reference, SimulatePrincipalPolicy: XML `EvaluationResults` members with
EvalActionName, EvalResourceName, EvalDecision allowed | explicitDeny | implicitDeny), records each
call's input, and answers as the test sets:
- `findings`: the findings of every ValidatePolicy; None stands for Access Analyzer's own answer on
  the guide's documents: PASS_ROLE_WITH_STAR_IN_RESOURCE (SECURITY_WARNING) when an Allow has
  iam:PassRole on "*", as AWS documents its check "Pass role with star in resource";
- `decisions`: action -> decision for SimulatePrincipalPolicy (every other action is allowed);
- `assume`: "deny" (without ExternalId: AccessDenied), "allow", or "bad-credentials";
- `fail_all`: an error code every call answers with (InvalidClientTokenId: bad credentials)."""

from __future__ import annotations

import http.server
import json
import threading
import urllib.error
import urllib.request
from urllib.parse import parse_qs
from xml.sax.saxutils import escape

IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/"
STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/"
PASS_ROLE_LINK = (
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html"
    "#access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-resource"
)


def finding(finding_type, code, link, path=("Statement", 0)):
    """One ValidatePolicyFinding as the API reference describes it."""
    return {
        "findingDetails": f"{code} (a test's finding)",
        "findingType": finding_type,
        "issueCode": code,
        "learnMoreLink": link,
        "locations": [
            {
                "path": [{"value": p} if isinstance(p, str) else {"index": p} for p in path],
                "span": {"start": {"line": 1, "column": 0, "offset": 0}, "end": {"line": 1, "column": 1, "offset": 1}},
            }
        ],
    }


def pass_role_findings(document: dict):
    """Access Analyzer's check "Pass role with star in resource" on an identity policy."""
    out = []
    statements = document.get("Statement")
    for i, s in enumerate(statements if isinstance(statements, list) else [statements]):
        actions = s.get("Action", [])
        actions = [actions] if isinstance(actions, str) else actions
        resources = s.get("Resource", [])
        resources = [resources] if isinstance(resources, str) else resources
        if s.get("Effect") == "Allow" and "iam:PassRole" in actions and "*" in resources:
            out.append(finding("SECURITY_WARNING", "PASS_ROLE_WITH_STAR_IN_RESOURCE", PASS_ROLE_LINK, ("Statement", i, "Resource")))
    return out


class AwsStub:
    def __init__(self, upstream: str):
        self.upstream = upstream
        self.reset()
        stub = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if stub.fail_all:
                    stub.calls.append(("Refused", {}))
                    return self.error(403, stub.fail_all, "The security token included in the request is invalid.", IAM_NS)
                if self.path.startswith("/policy/validation"):
                    request = json.loads(body)
                    stub.calls.append(("ValidatePolicy", request))
                    found = stub.findings
                    if found is None:
                        document = json.loads(request["policyDocument"])
                        found = pass_role_findings(document) if request["policyType"] == "IDENTITY_POLICY" else []
                    return self.answer(200, "application/json", json.dumps({"findings": found}))
                form = {k: v[0] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}
                action = form.get("Action")
                if action == "SimulatePrincipalPolicy":
                    stub.calls.append((action, form))
                    return self.simulate(form)
                if action == "AssumeRole":
                    stub.calls.append((action, form))
                    return self.assume_role(form)
                stub.calls.append((action, form))
                if action in stub.documents:
                    return self.document(action, form)
                self.forward(body)

            def document(self, action, form):
                """A policy document as IAM returns it: URL-encoded JSON, in the operation's XML."""
                from urllib.parse import quote

                owner = "UserName" if "UserName" in form else "RoleName"
                self.answer(
                    200,
                    "text/xml",
                    f'<{action}Response xmlns="{IAM_NS}"><{action}Result><{owner}>{escape(form[owner])}</{owner}>'
                    f"<PolicyName>{escape(form['PolicyName'])}</PolicyName>"
                    f"<PolicyDocument>{quote(stub.documents[action], safe='')}</PolicyDocument></{action}Result>"
                    f"<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></{action}Response>",
                )

            def simulate(self, form):
                names = [v for k, v in sorted(form.items(), key=lambda kv: kv[0]) if k.startswith("ActionNames.member.")]
                names = [form[f"ActionNames.member.{i}"] for i in range(1, len(names) + 1)]
                resource = form.get("ResourceArns.member.1", "*")
                members = "".join(
                    "<member><EvalResourceName>%s</EvalResourceName><EvalActionName>%s</EvalActionName>"
                    "<EvalDecision>%s</EvalDecision><MatchedStatements/><MissingContextValues/></member>"
                    % (escape(resource), escape(n), stub.decisions.get(n, "allowed"))
                    for n in names
                )
                self.answer(
                    200,
                    "text/xml",
                    f'<SimulatePrincipalPolicyResponse xmlns="{IAM_NS}"><SimulatePrincipalPolicyResult>'
                    f"<IsTruncated>false</IsTruncated><EvaluationResults>{members}</EvaluationResults>"
                    "</SimulatePrincipalPolicyResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>"
                    "</SimulatePrincipalPolicyResponse>",
                )

            def assume_role(self, form):
                if stub.assume == "bad-credentials":
                    return self.error(403, "InvalidClientTokenId", "The security token included in the request is invalid.", STS_NS)
                if stub.assume == "deny" and "ExternalId" not in form:
                    return self.error(
                        403,
                        "AccessDenied",
                        "User: arn:aws:iam::210987654321:user/shippable is not authorized to perform: "
                        f"sts:AssumeRole on resource: {form.get('RoleArn')}",
                        STS_NS,
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

            def forward(self, body):
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
                headers["x-moto-account-id"] = stub.account
                request = urllib.request.Request(stub.upstream + self.path, data=body, headers=headers, method="POST")
                opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
                try:
                    with opener.open(request, timeout=60) as r:
                        status, content_type, data = r.status, r.headers.get("Content-Type", "text/xml"), r.read()
                except urllib.error.HTTPError as e:
                    status, content_type, data = e.code, e.headers.get("Content-Type", "text/xml"), e.read()
                self.answer(status, content_type, data)

            def error(self, status, code, message, ns):
                self.answer(
                    status,
                    "text/xml",
                    f'<ErrorResponse xmlns="{ns}"><Error><Type>Sender</Type><Code>{code}</Code>'
                    f"<Message>{escape(message)}</Message></Error><RequestId>1</RequestId></ErrorResponse>",
                )

            def answer(self, status, content_type, text):
                data = text if isinstance(text, bytes) else text.encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def reset(self, account="123456789012"):
        self.account = account
        self.documents = {}  # "GetUserPolicy" -> the document text IAM has (moto refuses some IAM accepts)
        self.calls = []
        self.findings = None
        self.decisions = {}
        self.assume = "deny"
        self.fail_all = None

    def of(self, action):
        return [body for name, body in self.calls if name == action]

    def close(self):
        self.server.shutdown()
        self.server.server_close()
