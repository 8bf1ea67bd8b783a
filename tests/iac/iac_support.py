"""Helpers for tests/iac: golden cases, and evaluating the documents that a CloudFormation
template or a Terraform file would create, so that they can be compared with the JSON files.

The evaluators know only what the generated files use (Ref, Fn::Sub, Fn::Join; HCL literals,
jsonencode, var.*, data.aws_partition.*, references to the file's own IAM resources) and fail
with a clear message on anything else, never guess."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

CROSS = "cross-account"
KEYS = "account-keys"


def _facts(name: str):
    """A constant of www/generated/facts.js, the module the site crate writes from the core's own
    lists (output ids, file extensions): read here rather than copied."""
    text = (Path(__file__).resolve().parents[2] / "www/generated/facts.js").read_text()
    found = re.search(rf"^export const {name} = (.*);$", text, re.M)
    assert found, f"www/generated/facts.js has no {name}"
    return json.loads(found[1])


EXTENSIONS: dict[str, str] = _facts("EXTENSIONS")
# The as-code outputs run through the real tools: stem (the output id, also the status.txt key) ->
# file name (the id and the core's extension for it).
GENERATED = {
    stem: f"{stem}.{EXTENSIONS[stem]}"
    for method in (CROSS, KEYS)
    for stem in (f"{method}-aws-cli", f"{method}-cloudformation", f"{method}-terraform")
}
REGION_OF_PARTITION = {"aws": "us-east-1", "aws-cn": "cn-north-1", "aws-us-gov": "us-gov-west-1"}
ECS_MANAGED_POLICY = "iam::aws:policy/service-role/AmazonEC2ContainerServiceRole"


def ecs_managed_policy_arn(partition: str) -> str:
    return f"arn:{partition}:{ECS_MANAGED_POLICY}"


@dataclass
class Case:
    path: Path
    outputs: dict[str, str] = field(default_factory=dict)  # output id -> "complete" | "incomplete, ..."
    inputs: dict[str, str] = field(default_factory=dict)  # input key -> shown value or "[code] message"

    @property
    def name(self) -> str:
        return self.path.name

    def file(self, stem: str) -> Path:
        return self.path / GENERATED[stem]

    def complete(self, stem: str) -> bool:
        return self.outputs.get(stem) == "complete"

    def value(self, key: str) -> str:
        """A valid input's normalised value (as status.txt shows it)."""
        v = self.inputs[key]
        assert not v.startswith("["), f"{self.name}: input {key} is not valid: {v}"
        return v

    @property
    def partition(self) -> str:
        v = self.inputs.get("partition", "aws")
        return v if v in REGION_OF_PARTITION else "aws"

    @property
    def region(self) -> str:
        return REGION_OF_PARTITION[self.partition]

    def document(self, stem: str):
        return json.loads((self.path / f"{stem}.json").read_text())


def read_case(path: Path) -> Case:
    case = Case(path)
    section = None
    for line in (path / "status.txt").read_text().splitlines():
        if line.startswith("#"):
            section = {"# outputs": case.outputs, "# inputs": case.inputs}.get(line.strip())
        elif line.strip() and section is not None:
            key, sep, value = line.partition(":")
            assert sep, f"{path}/status.txt: no ':' in {line!r}"
            section[key] = value[1:] if value.startswith(" ") else value
    return case


def as_document(value):
    """A policy document as IAM/boto3 returns it: a dict, a JSON string or a URL-encoded one."""
    if isinstance(value, (dict, list)):
        return value
    from urllib.parse import unquote

    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return json.loads(unquote(value))


class Unsupported(AssertionError):
    pass


# --- CloudFormation ------------------------------------------------------------------------------

_SUB_VAR = re.compile(r"\$\{(!?)([^}]*)\}")


def cfn_parameter_defaults(template) -> dict[str, str]:
    out = {}
    for name, p in (template.get("Parameters") or {}).items():
        if "Default" in p:
            d = p["Default"]
            # Unquoted YAML digits become numbers (000000000042 is octal 34 in YAML 1.1).
            assert isinstance(d, str), f"parameter {name}: Default {d!r} is a {type(d).__name__}; quote it"
            out[name] = str(d)
    return out


def cfn_resolve(node, params: dict[str, str], partition: str, account_id: str | None = None):
    """The value of a template fragment with parameters at their defaults in `partition`, deployed
    in `account_id` (the hardened variant names the account's roles)."""
    pseudo = {"AWS::Partition": partition}
    if account_id:
        pseudo["AWS::AccountId"] = account_id

    def name(ref):
        if ref in pseudo:
            return pseudo[ref]
        if ref in params:
            return params[ref]
        raise Unsupported(f"cannot resolve {ref!r} (a parameter without Default, or not a parameter)")

    def walk(n):
        if isinstance(n, dict):
            if len(n) == 1:
                (k, v), = n.items()
                if k == "Ref":
                    return name(v)
                if k == "Fn::Sub":
                    text, local = (v, {}) if isinstance(v, str) else (v[0], {a: walk(b) for a, b in v[1].items()})

                    def sub(m):
                        if m.group(1):
                            return "${" + m.group(2)
                        return local[m.group(2)] if m.group(2) in local else name(m.group(2))

                    return _SUB_VAR.sub(sub, text)
                if k == "Fn::Join":
                    return v[0].join(walk(x) for x in v[1])
                if k.startswith("Fn::") or k == "Condition":
                    raise Unsupported(f"{k} is not evaluated by the test")
            return {str(k): walk(x) for k, x in n.items()}
        if isinstance(n, list):
            return [walk(x) for x in n]
        return str(n) if isinstance(n, str) else n

    return walk(node)


# --- Terraform (HCL as python-hcl2 serialises it) ------------------------------------------------


def unlabel(s: str) -> str:
    return s[1:-1] if len(s) >= 2 and s[0] == s[-1] == '"' else s


def tf_blocks(parsed: dict, kind: str) -> dict[tuple[str, ...], dict]:
    """{(label, ...): body} of every top-level `kind` block (resource, variable, data, ...)."""
    out = {}

    def walk(node, labels):
        if isinstance(node, dict) and node.get("__is_block__"):
            out[labels] = node
            return
        assert isinstance(node, dict), f"{kind} {labels}: unexpected {node!r}"
        for k, v in node.items():
            walk(v, labels + (unlabel(k),))

    for item in parsed.get(kind, []):
        walk(item, ())
    return out


class HclEval:
    """Evaluates the expression text python-hcl2 gives for an attribute (a quoted string
    literal, or ${expression}) to a Python value."""

    def __init__(self, variables: dict, references: dict[str, object], partition: str, data_partitions: set[str]):
        self.variables = variables
        self.references = references  # e.g. "aws_iam_role.shippable.name" -> "the-role"
        self.partition = partition
        self.data_partitions = data_partitions

    def attribute(self, value):
        if not isinstance(value, str):
            return value
        if value.startswith("${") and value.endswith("}"):
            return self.expression(value[2:-1])
        return self.expression(value)

    def expression(self, text: str):
        self.s, self.i = text, 0
        v = self._value()
        self._ws()
        if self.i != len(self.s):
            raise Unsupported(f"cannot evaluate the HCL expression (stopped at {self.s[self.i:self.i + 40]!r}): {text[:200]}")
        return v

    def _ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \t\r\n,":
            self.i += 1

    def _peek(self):
        self._ws()
        return self.s[self.i] if self.i < len(self.s) else ""

    def _expect(self, c):
        if self._peek() != c:
            raise Unsupported(f"expected {c!r} at {self.s[self.i:self.i + 40]!r}")
        self.i += 1

    def _value(self):
        c = self._peek()
        if c == "{":
            return self._object()
        if c == "[":
            return self._tuple()
        if c == '"':
            return self._string()
        if c == "(":
            self.i += 1
            v = self._value()
            self._expect(")")
            return v
        m = re.compile(r"-?\d+(\.\d+)?").match(self.s, self.i)
        if m:
            self.i = m.end()
            return json.loads(m.group())
        m = re.compile(r"[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*").match(self.s, self.i)
        if not m:
            raise Unsupported(f"cannot evaluate {self.s[self.i:self.i + 40]!r}")
        self.i = m.end()
        word = m.group()
        if word in ("true", "false", "null"):
            return json.loads(word)
        if self._peek() == "(":
            self.i += 1
            args = []
            while self._peek() != ")":
                args.append(self._value())
            self.i += 1
            if word == "jsonencode" and len(args) == 1:
                return args[0]
            raise Unsupported(f"function {word}() is not evaluated by the test")
        return self._reference(word)

    def _reference(self, word):
        parts = word.split(".")
        if parts[0] == "var" and len(parts) == 2:
            if parts[1] not in self.variables:
                raise Unsupported(f"var.{parts[1]} has no default (or no variable block)")
            return self.variables[parts[1]]
        if parts[:2] == ["data", "aws_partition"] and len(parts) == 4 and parts[3] == "partition":
            if parts[2] not in self.data_partitions:
                raise Unsupported(f'{word}: no data "aws_partition" "{parts[2]}" block')
            return self.partition
        if word in self.references:
            return self.references[word]
        raise Unsupported(f"reference {word} is not evaluated by the test")

    def _object(self):
        self._expect("{")
        out = {}
        while self._peek() != "}":
            if self._peek() == '"':
                key = self._string()
            else:
                m = re.compile(r"[A-Za-z_][\w-]*").match(self.s, self.i)
                if not m:
                    raise Unsupported(f"bad object key at {self.s[self.i:self.i + 40]!r}")
                key, self.i = m.group(), m.end()
            if self._peek() not in ("=", ":"):
                raise Unsupported(f"expected = after object key {key!r}")
            self.i += 1
            out[key] = self._value()
        self.i += 1
        return out

    def _tuple(self):
        self._expect("[")
        out = []
        while self._peek() != "]":
            out.append(self._value())
        self.i += 1
        return out

    def _string(self):
        self._expect('"')
        out = []
        esc = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
        while True:
            if self.i >= len(self.s):
                raise Unsupported("unterminated string")
            c = self.s[self.i]
            if c == '"':
                self.i += 1
                return "".join(out)
            if c == "\\":
                n = self.s[self.i + 1]
                if n in esc:
                    out.append(esc[n])
                    self.i += 2
                elif n == "u":
                    out.append(chr(int(self.s[self.i + 2:self.i + 6], 16)))
                    self.i += 6
                else:
                    raise Unsupported(f"escape \\{n}")
            elif self.s.startswith("$${", self.i) or self.s.startswith("%%{", self.i):
                out.append(self.s[self.i + 1:self.i + 3])
                self.i += 3
            elif self.s.startswith("${", self.i):
                self.i += 2
                v = self._value()
                self._expect("}")
                if not isinstance(v, str):
                    raise Unsupported(f"interpolation of a {type(v).__name__}")
                out.append(v)
            elif self.s.startswith("%{", self.i):
                raise Unsupported("template directives %{...}")
            else:
                out.append(c)
                self.i += 1
