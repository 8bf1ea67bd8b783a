//! The AWS CLI scripts: `aws iam` calls with the guide's documents, and the verification commands.

use super::{Method, ECS_SERVICE_ROLE_POLICY};
use crate::documents::{account_root_arn, role_arn};
use crate::inputs::{CheckedInputs, InputKey};
use std::fmt::Write as _;

/// A shell word: single-quoted, with any `'` closed, escaped and reopened. Safe for any text.
pub fn shell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The bash script that creates the method's IAM user or role with exactly `trust_policy` and
/// `inline_policy` (the texts the page shows).
pub fn aws_cli(
    method: Method,
    inputs: &CheckedInputs,
    trust_policy: &str,
    inline_policy: &str,
) -> String {
    let q = |key: InputKey| shell_quoted(inputs.shown(key));
    let role = q(InputKey::RoleName);
    let mut out = String::from("#!/usr/bin/env bash\n");
    match method {
        Method::CrossAccount => {
            let _ = write!(
                out,
                "# Shippable ECS integration, cross-account role: creates the role {role}, its trust\n\
# relationship and its inline policy {policy}, with exactly the guide's documents.\n\
# Run it with AWS CLI credentials of your account in the {partition} partition; it prints\n\
# the role ARN to enter in Shippable.\n\
set -euo pipefail\n\
\n\
aws iam create-role \\\n  --role-name {role} \\\n  --assume-role-policy-document {trust}\n\
\n\
aws iam put-role-policy \\\n  --role-name {role} \\\n  --policy-name {policy} \\\n  --policy-document {inline}\n\
\n\
aws iam get-role --role-name {role} --query Role.Arn --output text\n",
                policy = q(InputKey::PolicyName),
                partition = inputs.shown(InputKey::Partition),
                trust = shell_quoted(trust_policy),
                inline = shell_quoted(inline_policy),
            );
        }
        Method::AccountKeys => {
            let user = q(InputKey::UserName);
            let managed = format!(
                "arn:{}:iam::aws:policy/{ECS_SERVICE_ROLE_POLICY}",
                inputs.shown(InputKey::Partition)
            );
            let _ = write!(
                out,
                "# Shippable ECS integration, account keys: creates the user {user} with its inline\n\
# policy {policy}, the role {role} for the ECS service, and the user's access key.\n\
# Run it with AWS CLI credentials of your account in the {partition} partition.\n\
set -euo pipefail\n\
\n\
aws iam create-user --user-name {user}\n\
\n\
aws iam put-user-policy \\\n  --user-name {user} \\\n  --policy-name {policy} \\\n  --policy-document {inline}\n\
\n\
aws iam create-role \\\n  --role-name {role} \\\n  --assume-role-policy-document {trust}\n\
\n\
aws iam attach-role-policy \\\n  --role-name {role} \\\n  --policy-arn {managed}\n\
\n\
# The access key for Shippable's Add Integration form. Its secret is shown only this once:\n\
# enter both values in Shippable, then clear your terminal.\n\
aws iam create-access-key --user-name {user} \\\n  --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text\n",
                policy = q(InputKey::UserPolicyName),
                partition = inputs.shown(InputKey::Partition),
                trust = shell_quoted(trust_policy),
                inline = shell_quoted(inline_policy),
                managed = shell_quoted(&managed),
            );
        }
    }
    out
}

/// Commands that check the set-up without changing anything: IAM Access Analyzer's
/// `validate-policy` for each document and, for the cross-account role, `sts assume-role` with
/// and without the external ID.
pub fn verification(
    method: Method,
    inputs: &CheckedInputs,
    trust_policy: &str,
    inline_policy: &str,
) -> String {
    let mut out = String::from("#!/usr/bin/env bash\n");
    let _ = write!(
        out,
        "# Checks the {} set-up; nothing here changes anything.\n\
set -uo pipefail\n\
\n\
# 1. IAM Access Analyzer checks each document. Each should answer with \"findings\": []\n\
#    (suggestions are fine; an ERROR or SECURITY_WARNING is not).\n\
aws accessanalyzer validate-policy --policy-type IDENTITY_POLICY \\\n  --policy-document {inline}\n\
\n\
aws accessanalyzer validate-policy --policy-type RESOURCE_POLICY \\\n  --validate-policy-resource-type AWS::IAM::AssumeRolePolicyDocument \\\n  --policy-document {trust}\n",
        match method {
            Method::CrossAccount => "cross-account role",
            Method::AccountKeys => "account keys",
        },
        inline = shell_quoted(inline_policy),
        trust = shell_quoted(trust_policy),
    );
    if method == Method::CrossAccount {
        let partition = inputs.shown(InputKey::Partition);
        let arn = shell_quoted(&role_arn(
            partition,
            inputs.shown(InputKey::AwsAccountId),
            inputs.shown(InputKey::RoleName),
        ));
        let _ = write!(
            out,
            "\n\
# 2. Only Shippable's account ({shippable}) may assume the role, so run these\n\
#    with credentials of that account (Shippable does the first when you save the integration).\n\
#    From any other account, yours included, both are denied.\n\
\n\
# With the external ID: answers with the expiry time of temporary credentials.\n\
aws sts assume-role --role-arn {arn} --role-session-name shippable-check \\\n  --external-id {external_id} --query Credentials.Expiration --output text\n\
\n\
# Without it: must be denied (\"AccessDenied ... is not authorized to perform: sts:AssumeRole\").\n\
if aws sts assume-role --role-arn {arn} --role-session-name shippable-check >/dev/null; then\n\
  echo 'WRONG: the role can be assumed without the external ID; check its trust relationship' >&2\n\
  exit 1\n\
fi\n\
echo 'Denied without the external ID, as it must be.'\n",
            shippable = account_root_arn(partition, inputs.shown(InputKey::ShippableAwsAccountId)),
            external_id = shell_quoted(inputs.shown(InputKey::ExternalId)),
        );
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
}
