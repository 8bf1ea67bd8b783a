//! The verification scripts' shell parts: the helpers (`compare`, `analyze`, `simulate`) and Shippable's own check.

use super::cli::shell_quoted;
use crate::documents::{account_root_arn, role_arn};
use crate::inputs::{CheckedInputs, InputKey};
use serde_json::Value;

/// A call's `--cli-input-json` members, shell-quoted (one member a line, as `cli` writes them).
pub fn input(members: &[(&str, &str)]) -> String {
    let map: serde_json::Map<String, Value> = members
        .iter()
        .map(|(k, v)| ((*k).to_owned(), Value::String((*v).to_owned())))
        .collect();
    shell_quoted(&serde_json::to_string_pretty(&map).expect("strings serialise"))
}

/// The helpers every script shares: `fail`, `finish`, `compare`, `analyze`, `simulate`.
pub const HELPERS: &str = r#"fail() { printf 'FAILED: %s\n' "$1" >&2; failed=1; }
finish() {
  if [ "$failed" -ne 0 ]; then
    echo 'FAILED: a check above failed; see its message.' >&2
    exit 1
  fi
  echo 'All checks passed.'
  exit 0
}

# compare WHAT WHERE PAGE CALL...: CALL reads a document from your account; --query compares the
# document at WHERE in its answer with PAGE, this page's, as JSON data. If they differ, it shows the
# statements only one of them has, then both documents whole. True when they are the same.
compare() {
  local what=$1 where=$2 page=$3 same
  shift 3
  if ! same=$("$@" --output text --query "$where == $page"); then
    fail "could not read $what (the AWS CLI's message is above)"
    return 1
  fi
  if [ "$same" = True ]; then
    echo "Same as this page: $what."
    return 0
  fi
  fail "$what differs from this page's; as JSON data, statement by statement, then whole:"
  "$@" --output json --query "{a: to_array($where.Statement), d: $where, p: $page} | {\"Only in your account\": a[?!contains(to_array($page.Statement), @)], \"Only on this page\": [STATEMENTS_OF_P][?@], \"Your account's\": d, \"This page's\": p}" >&2
  return 1
}

# analyze WHAT KNOWN CALL...: CALL reads a document from your account as the input of IAM Access
# Analyzer's validate-policy. Each ERROR or SECURITY_WARNING finding fails, named, except KNOWN
# (the guide's own finding, when the document is exactly the guide's; empty for none).
analyze() {
  local what=$1 known=$2 input findings type code link named=0
  shift 2
  if ! input=$("$@" --output json) ||
    ! findings=$(aws accessanalyzer validate-policy --cli-input-json "$input" --output text \
      --query 'findings[?findingType == `"ERROR"` || findingType == `"SECURITY_WARNING"`].[findingType, issueCode, learnMoreLink]'); then
    fail "IAM Access Analyzer could not validate $what (the AWS CLI's message is above)"
    return
  fi
  while IFS=$'\t' read -r type code link; do
    if [ -z "$type" ]; then
      continue
    elif [ "$code" = "$known" ]; then
      echo "IAM Access Analyzer, $type $code in $what: the guide's own iam:PassRole on \"*\", known and not a failure while $what is exactly the guide's; the Hardened option limits it to your account's roles passed to ECS ($link)"
    else
      fail "IAM Access Analyzer, $type $code in $what ($link)"
      named=1
    fi
  done <<<"$findings"
  if [ "$named" -eq 0 ]; then
    echo "IAM Access Analyzer finds no error and no security warning in $what."
  fi
}

# simulate WHAT INPUT: the IAM policy simulator decides each action of INPUT (its input, with an ARN
# read from your account); each action it does not find allowed fails, named with its decision.
simulate() {
  local what=$1 input=$2 decisions action decision denied=0
  if ! decisions=$(aws iam simulate-principal-policy --cli-input-json "$input" --output text \
    --query 'EvaluationResults[?EvalDecision != `"allowed"`].[EvalActionName, EvalDecision]'); then
    fail "the IAM policy simulator could not decide $what (the AWS CLI's message is above)"
    return
  fi
  while IFS=$'\t' read -r action decision; do
    if [ -n "$action" ]; then
      fail "the IAM policy simulator: $action is $decision for $what"
      denied=1
    fi
  done <<<"$decisions"
  if [ "$denied" -eq 0 ]; then
    echo "The IAM policy simulator allows $what."
  fi
}
"#;

/// What the helpers' "only on this page" lists: each statement of `p` the account's `a` lacks
/// (indices past the end are null, and dropped by `[?@]`).
pub fn statements_of_p(count: usize) -> String {
    (0..count.max(1))
        .map(|i| format!("!contains(a, p.Statement[{i}]) && p.Statement[{i}]"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Shippable's check when the integration is saved: `sts assume-role` with and without the
/// external ID. Only Shippable's account can run it, so it runs only as `bash <file> shippable`.
pub fn shippable_checks(inputs: &CheckedInputs) -> String {
    let partition = inputs.shown(InputKey::Partition);
    let arn = role_arn(
        partition,
        inputs.shown(InputKey::AwsAccountId),
        inputs.shown(InputKey::RoleName),
    );
    let shippable = account_root_arn(partition, inputs.shown(InputKey::ShippableAwsAccountId));
    let with_id = input(&[
        ("RoleArn", &arn),
        ("RoleSessionName", "shippable-check"),
        ("ExternalId", inputs.shown(InputKey::ExternalId)),
    ]);
    let without_id = input(&[("RoleArn", &arn), ("RoleSessionName", "shippable-check")]);
    format!(
        "# Shippable's own check, not part of yours: when you save the integration (step 4), Shippable's\n\
# account ({shippable}) assumes the role with your external ID. Only that account may, so from\n\
# yours both calls below are denied whatever your set-up: this part runs only as\n\
# `bash <this file> shippable`, with credentials of Shippable's account (Shippable's support has them).\n\
# If Shippable says it cannot assume the role (AccessDenied ... not authorized to perform\n\
# sts:AssumeRole), the role ARN in Shippable is not this role's, or its trust relationship does not\n\
# let Shippable's account in with your external ID: the checks above say which.\n\
shippable_checks() {{\n\
\x20 # With the external ID: answers with the expiry time of temporary credentials.\n\
\x20 aws sts assume-role --cli-input-json {with_id} \\\n\
\x20   --query Credentials.Expiration --output text || failed=1\n\
\x20 # Without it: must be denied by IAM (\"An error occurred (AccessDenied) ... is not authorized to\n\
\x20 # perform: sts:AssumeRole\"). Any other failure (no network, bad credentials...) proves nothing.\n\
\x20 if error=$(aws sts assume-role --cli-input-json {without_id} 2>&1 >/dev/null); then\n\
\x20   echo 'WRONG: the role can be assumed without the external ID; check its trust relationship' >&2\n\
\x20   failed=1\n\
\x20 elif [[ $error == *'An error occurred (AccessDenied) when calling the AssumeRole operation'* ]]; then\n\
\x20   echo 'Denied without the external ID, as it must be.'\n\
\x20 else\n\
\x20   printf '%s\\n' \"$error\" >&2\n\
\x20   echo 'FAILED: assuming the role without the external ID failed for another reason than AccessDenied (above), so it proves nothing' >&2\n\
\x20   failed=1\n\
\x20 fi\n\
\x20 finish\n\
}}\n\
if [ \"${{1:-}}\" = shippable ]; then\n\
\x20 shippable_checks\n\
fi\n",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_statements_of_the_page_are_asked_for() {
        assert_eq!(
            statements_of_p(2),
            "!contains(a, p.Statement[0]) && p.Statement[0], !contains(a, p.Statement[1]) && p.Statement[1]"
        );
    }
}
