//! The AWS CLI scripts: `aws iam` calls with the guide's documents (the verification is `verify`).
//!
//! Every call takes its parameters as one JSON object in `--cli-input-json`, the AWS CLI's own
//! documented way to pass a command's input ("AWS CLI skeletons and input files"), and nothing
//! typed is ever a command-line argument of its own. Two reasons, both checked with the real CLI
//! by tests/iac:
//! - the CLI reads an argument that starts with `file://`, `fileb://` or (CLI v1, by default)
//!   `http://`/`https://` as a file or URL to load ("Loading a parameter from a file"), and an
//!   external ID may be exactly such a text; the members of `--cli-input-json` are handed to the
//!   API as they are, never loaded;
//! - an argument that starts with `-` (a name such as `-x` or `--debug`, valid by AWS's rule) is
//!   parsed as an option; inside the JSON it is only a string.

use super::parts::{Method, ECS_SERVICE_ROLE_POLICY};
use crate::inputs::{CheckedInputs, InputKey};
use serde_json::{Map, Value};
use std::fmt::Write as _;

/// A shell word: single-quoted, with any `'` closed, escaped and reopened. Safe for any text.
pub fn shell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// One `aws` call: `command`, then its `parameters` (API member name, value) as the JSON of
/// `--cli-input-json`, one member a line, then `options` (fixed words such as `--query`).
fn call(command: &str, parameters: &[(&str, &str)], options: &str) -> String {
    let input: Map<String, Value> = parameters
        .iter()
        .map(|(name, value)| ((*name).to_owned(), Value::String((*value).to_owned())))
        .collect();
    // Serialising a map of strings cannot fail.
    let json = serde_json::to_string_pretty(&input).expect("strings serialise");
    format!(
        "aws {command} --cli-input-json {}{options}\n",
        shell_quoted(&json)
    )
}

/// The bash script that creates the method's IAM user or role with exactly `trust_policy` and
/// `inline_policy` (the texts the page shows).
pub fn aws_cli(
    method: Method,
    inputs: &CheckedInputs,
    trust_policy: &str,
    inline_policy: &str,
) -> String {
    let shown = |key: InputKey| inputs.shown(key);
    let role = shown(InputKey::RoleName);
    let partition = shown(InputKey::Partition);
    let mut out = String::from("#!/usr/bin/env bash\n");
    match method {
        Method::CrossAccount => {
            let policy = shown(InputKey::PolicyName);
            let _ = write!(
                out,
                "# Shippable ECS integration, cross-account role: creates the role {role}, its trust\n\
# relationship and its inline policy {policy}, with exactly the guide's documents.\n\
# Run it with AWS CLI credentials of your account in the {partition} partition; it prints\n\
# the role ARN to enter in Shippable.\n\
# Each call takes its values as JSON (--cli-input-json): the CLI passes them on as they are.\n\
set -euo pipefail\n\
\n\
{create_role}\
\n\
{put_role_policy}\
\n\
{get_role}",
                create_role = call(
                    "iam create-role",
                    &[("RoleName", role), ("AssumeRolePolicyDocument", trust_policy)],
                    ""
                ),
                put_role_policy = call(
                    "iam put-role-policy",
                    &[
                        ("RoleName", role),
                        ("PolicyName", policy),
                        ("PolicyDocument", inline_policy)
                    ],
                    ""
                ),
                get_role = call(
                    "iam get-role",
                    &[("RoleName", role)],
                    " --query Role.Arn --output text"
                ),
            );
        }
        Method::AccountKeys => {
            let user = shown(InputKey::UserName);
            let policy = shown(InputKey::UserPolicyName);
            let managed = format!("arn:{partition}:iam::aws:policy/{ECS_SERVICE_ROLE_POLICY}");
            let _ = write!(
                out,
                "# Shippable ECS integration, account keys: creates the user {user} with its inline\n\
# policy {policy}, the role {role} for the ECS service, and the user's access key.\n\
# Run it with AWS CLI credentials of your account in the {partition} partition.\n\
# Each call takes its values as JSON (--cli-input-json): the CLI passes them on as they are.\n\
set -euo pipefail\n\
\n\
{create_user}\
\n\
{put_user_policy}\
\n\
{create_role}\
\n\
{attach_role_policy}\
\n\
# The access key for Shippable's Add Integration form. Its secret is shown only this once:\n\
# enter both values in Shippable, then clear your terminal.\n\
{create_access_key}",
                create_user = call("iam create-user", &[("UserName", user)], ""),
                put_user_policy = call(
                    "iam put-user-policy",
                    &[
                        ("UserName", user),
                        ("PolicyName", policy),
                        ("PolicyDocument", inline_policy)
                    ],
                    ""
                ),
                create_role = call(
                    "iam create-role",
                    &[("RoleName", role), ("AssumeRolePolicyDocument", trust_policy)],
                    ""
                ),
                attach_role_policy = call(
                    "iam attach-role-policy",
                    &[("RoleName", role), ("PolicyArn", &managed)],
                    ""
                ),
                create_access_key = call(
                    "iam create-access-key",
                    &[("UserName", user)],
                    " \\\n  --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text"
                ),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_survive_any_text() {
        assert_eq!(shell_quoted("a'b"), r"'a'\''b'");
        assert_eq!(shell_quoted("$(x) `y`"), "'$(x) `y`'");
    }

    #[test]
    fn values_are_json_members_never_arguments() {
        let text = call(
            "iam get-role",
            &[("RoleName", "--debug"), ("X", "file:///etc/passwd")],
            "",
        );
        assert_eq!(
            text,
            "aws iam get-role --cli-input-json '{\n  \"RoleName\": \"--debug\",\n  \"X\": \"file:///etc/passwd\"\n}'\n"
        );
    }
}
