//! The verification scripts: the reader's set-up read back from their account and checked, and apart, Shippable's own check.
//!
//! What the reader runs, with their own credentials, changes nothing and decides pass or fail:
//! - IAM's documents as the account has them (`get-role`, `get-role-policy`, `get-user`,
//!   `get-user-policy`), compared with the page's as JSON data by the AWS CLI's own `--query`
//!   (JMESPath `==` compares objects by keys and values, in any key order; IAM may return another
//!   layout, URL-encoded, which the CLI decodes), and what differs is shown statement by statement;
//! - IAM Access Analyzer's `validate-policy` on the documents read back (not the page's): each
//!   ERROR and SECURITY_WARNING finding fails, named. The guide's own `iam:PassRole` on `*` always
//!   gets PASS_ROLE_WITH_STAR_IN_RESOURCE ("Pass role with star in resource",
//!   <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>):
//!   named as the guide's known finding, it does not fail only when the account's document is
//!   exactly the guide's unhardened one (the Hardened option removes it);
//! - the IAM policy simulator (`simulate-principal-policy`, the role's or user's ARN as IAM has it)
//!   on each of the guide's actions; it takes no wildcards in action names (IAM API Reference,
//!   SimulateCustomPolicy, ActionNames), so `ec2:Describe*` is asked as the real actions it stands
//!   for (the Service Authorization Reference list of `actions`); `iam:PassRole` on the role passed
//!   to ECS, with `iam:PassedToService` (the simulator matches a `*` resource only as text).
//!
//! `sts assume-role` works only with Shippable's credentials (the trust lets only its account in),
//! so it is a separate function, run only as `bash <file> shippable`: never part of the reader's
//! result, still parsed by `bash -n` and run by the tests.
//!
//! Typed values stay in `--cli-input-json` (see `cli`); in `--query` they are inside a JMESPath
//! literal, never at an argument's start, and the literal's backticks are escaped.

use super::checks::{input, shippable_checks, statements_of_p, HELPERS};
use super::cli::shell_quoted;
use super::parts::{Method, ECS_SERVICE_ROLE_POLICY};
use crate::documents::{self, role_arn, ECS_SERVICE_PRINCIPAL, PASS_ROLE};
use crate::full::actions::expand;
use crate::inputs::{CheckedInputs, InputKey};
use serde_json::{json, Value};
use std::fmt::Write as _;

/// The finding Access Analyzer always reports for the guide's own (unhardened) policies.
pub const KNOWN_FINDING: &str = "PASS_ROLE_WITH_STAR_IN_RESOURCE";

/// A document the page shows, as data (the page's text is always JSON; a placeholder is text).
fn data(document: &str) -> Value {
    serde_json::from_str(document).unwrap_or(Value::Null)
}

/// The guide's actions to simulate, in the guide's order: each wildcard as the real actions it
/// stands for, each once; `iam:PassRole` apart (asked on the role it passes).
pub fn simulated_actions(method: Method) -> Vec<String> {
    let guide = match method {
        Method::CrossAccount => documents::CROSS_ACCOUNT_ACTIONS,
        Method::AccountKeys => documents::ACCOUNT_KEYS_ACTIONS,
    };
    let mut out: Vec<String> = Vec::new();
    for action in guide.iter().filter(|a| **a != PASS_ROLE) {
        let names: Vec<String> = if action.contains(['*', '?']) {
            expand(action).into_iter().map(|a| a.name.clone()).collect()
        } else {
            vec![(*action).to_owned()]
        };
        for name in names {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// How many statements a document of the page has (one where it has no list).
fn statement_count(document: &Value) -> usize {
    document
        .get("Statement")
        .and_then(Value::as_array)
        .map_or(1, Vec::len)
}

/// The verification script of `method`, with the page's `trust_policy` and `inline_policy`.
pub fn verification(
    method: Method,
    inputs: &CheckedInputs,
    trust_policy: &str,
    inline_policy: &str,
) -> String {
    let shown = |key: InputKey| inputs.shown(key);
    let partition = shown(InputKey::Partition);
    let role = shown(InputKey::RoleName);
    let (trust, inline) = (data(trust_policy), data(inline_policy));
    let most = statement_count(&trust).max(statement_count(&inline));
    let actions = serde_json::to_string(&simulated_actions(method)).expect("strings serialise");
    let (what, needs, principal, step, name, policy) = match method {
        Method::CrossAccount => (
            "cross-account role",
            "iam:GetRole, iam:GetRolePolicy",
            "role",
            "step 2",
            role,
            shown(InputKey::PolicyName),
        ),
        Method::AccountKeys => (
            "account keys",
            "iam:GetUser, iam:GetUserPolicy, iam:GetRole, iam:ListAttachedRolePolicies",
            "user",
            "step 1",
            shown(InputKey::UserName),
            shown(InputKey::UserPolicyName),
        ),
    };
    let upper = match method {
        Method::CrossAccount => "Role",
        Method::AccountKeys => "User",
    };
    let inline_what = format!("the inline policy {policy} of the {principal} {name} ({step})");
    let trust_what = format!("the trust relationship of the role {role} (step 3)");
    let mut out = String::from("#!/usr/bin/env bash\n");
    let _ = write!(
        out,
        "# Checks the {what} set-up in your AWS account, with your own AWS CLI credentials (they need\n\
# {needs}, iam:SimulatePrincipalPolicy and access-analyzer:ValidatePolicy);\n\
# nothing here changes anything. Run it as: bash <this file>\n\
# It reads back what IAM has, compares it with this page's documents, has IAM Access Analyzer\n\
# validate what it read, and asks the IAM policy simulator about each of the guide's actions.\n\
# It ends with \"All checks passed.\" and exit status 0, or names each check that failed and exits with 1.\n\
# Each call takes its values as JSON (--cli-input-json): the CLI passes them on as they are.\n\
# --query compares IAM's answers with this page's documents as JSON data (JMESPath literals `...`).\n\
set -uo pipefail\n\
failed=0\n\
\n\
{helpers}",
        helpers = HELPERS.replace("STATEMENTS_OF_P", &statements_of_p(most)),
    );
    if method == Method::CrossAccount {
        out.push('\n');
        out.push_str(&shippable_checks(inputs));
    }
    let _ = write!(
        out,
        "\n# What this page made: the calls' input, its documents as JMESPath literals, and the guide's\n\
# actions (each wildcard as the real actions it stands for: the simulator takes no wildcards).\n\
role={role_input}\n\
{principal_input}\
{principal}_policy={policy_input}\n\
trust_policy={trust}\n\
{principal}_permissions={inline}\n\
actions={actions}\n",
        role_input = input(&[("RoleName", role)]),
        principal_input = match method {
            Method::CrossAccount => String::new(),
            Method::AccountKeys => format!("user={}\n", input(&[("UserName", name)])),
        },
        policy_input = input(&[(&format!("{upper}Name"), name), ("PolicyName", policy)]),
        trust = literal(&trust),
        inline = literal(&inline),
        actions = shell_quoted(&actions),
    );
    // 1. The role (and the user) are there; the cross-account role's ARN is the page's.
    let _ = write!(
        out,
        "\n# 1. IAM has the role{and_user} (their ARNs, as JSON strings); nothing else can be checked without.\n\
if ! role_arn=$(aws iam get-role --cli-input-json \"$role\" --output json --query Role.Arn); then\n\
\x20 fail {missing}\n\
\x20 finish\n\
fi\n",
        and_user = if method == Method::AccountKeys {
            " and the user"
        } else {
            ""
        },
        missing = shell_quoted(&format!(
            "could not read the role {role} (the AWS CLI's message is above)"
        )),
    );
    match method {
        Method::CrossAccount => {
            let arn = role_arn(partition, shown(InputKey::AwsAccountId), role);
            let arn_json = serde_json::to_string(&arn).expect("strings serialise");
            let _ = write!(
                out,
                "if [ \"$role_arn\" != {page_arn} ]; then\n\
\x20 fail \"the role's ARN in this account is $role_arn, not the one to enter in Shippable (step 4): \"{arn}\n\
fi\n",
                page_arn = shell_quoted(&arn_json),
                arn = shell_quoted(&arn),
            );
        }
        Method::AccountKeys => {
            let _ = write!(
                out,
                "if ! user_arn=$(aws iam get-user --cli-input-json \"$user\" --output json --query User.Arn); then\n\
\x20 fail {missing}\n\
\x20 finish\n\
fi\n",
                missing = shell_quoted(&format!(
                    "could not read the user {name} (the AWS CLI's message is above)"
                )),
            );
        }
    }
    // 2. The documents, compared.
    let read_inline =
        format!("aws iam get-{principal}-policy --cli-input-json \"${principal}_policy\"");
    let compare_inline = format!(
        "compare {} PolicyDocument \"${principal}_permissions\" \\\n  {read_inline}",
        shell_quoted(&inline_what)
    );
    let _ = write!(
        out,
        "\n# 2. The documents in your account are this page's, compared as JSON data.\n\
compare {trust_what} Role.AssumeRolePolicyDocument \"$trust_policy\" \\\n\
\x20 aws iam get-role --cli-input-json \"$role\"\n{inline}\n",
        trust_what = shell_quoted(&trust_what),
        inline = if inputs.hardened() {
            compare_inline
        } else {
            format!(
                "# The guide's own policy gets {KNOWN_FINDING} from IAM Access Analyzer (below):\n\
# known, and not a failure, only while your policy is exactly the guide's.\n\
known=''\n\
if {compare_inline}; then\n\
\x20 known={KNOWN_FINDING}\n\
fi"
            )
        },
    );
    if method == Method::AccountKeys {
        let managed = format!("arn:{partition}:iam::aws:policy/{ECS_SERVICE_ROLE_POLICY}");
        let _ = write!(
            out,
            "attached=$(aws iam list-attached-role-policies --cli-input-json \"$role\" --output text \\\n\
\x20 --query {query})\n\
if [[ $attached == *True* ]]; then\n\
\x20 echo {present}\n\
else\n\
\x20 fail {missing}\n\
fi\n",
            query = shell_quoted(&format!(
                "contains(AttachedPolicies[].PolicyArn, {})",
                literal_text(&Value::String(managed.clone()))
            )),
            present = shell_quoted(&format!(
                "The role {role} has the AWS managed policy {managed} (step 2)."
            )),
            missing = shell_quoted(&format!(
                "the role {role} does not have the AWS managed policy {managed} attached (step 2)"
            )),
        );
    }
    // 3. Access Analyzer on what the account has.
    let _ = write!(
        out,
        "\n# 3. IAM Access Analyzer validates the documents as your account has them.\n\
analyze {trust_what} '' aws iam get-role --cli-input-json \"$role\" \\\n\
\x20 --query '{{policyType: `\"RESOURCE_POLICY\"`, validatePolicyResourceType: `\"AWS::IAM::AssumeRolePolicyDocument\"`, policyDocument: to_string(Role.AssumeRolePolicyDocument)}}'\n\
analyze {inline_what} {known} {read_inline} \\\n\
\x20 --query '{{policyType: `\"IDENTITY_POLICY\"`, policyDocument: to_string(PolicyDocument)}}'\n",
        trust_what = shell_quoted(&trust_what),
        inline_what = shell_quoted(&inline_what),
        known = if inputs.hardened() { "''" } else { "\"$known\"" },
    );
    // 4. The simulator.
    let context = serde_json::to_string(&json!([{
        "ContextKeyName": "iam:PassedToService",
        "ContextKeyValues": [ECS_SERVICE_PRINCIPAL],
        "ContextKeyType": "string",
    }]))
    .expect("JSON values serialise");
    let _ = write!(
        out,
        "\n# 4. The IAM policy simulator decides each of the guide's actions for the {principal}, with all its\n\
#    policies: the actions on any resource (\"*\"), and {PASS_ROLE} on the role passed to ECS.\n\
simulate {actions_what} \"$(printf '{{\"PolicySourceArn\": %s, \"ActionNames\": %s}}' \"${principal}_arn\" \"$actions\")\"\n\
simulate {pass_what} \"$(printf '{{\"PolicySourceArn\": %s, \"ActionNames\": [\"{PASS_ROLE}\"], \"ResourceArns\": [%s], \"ContextEntries\": {context}}}' \"${principal}_arn\" \"$role_arn\")\"\n\
\n\
finish\n",
        actions_what = shell_quoted(&format!("the guide's actions of the {principal} {name}")),
        pass_what = shell_quoted(&format!(
            "{PASS_ROLE} of the role {role} to ECS by the {principal} {name}"
        )),
    );
    out
}

/// A JSON value as a JMESPath literal (`` `…` ``, backticks inside escaped).
fn literal_text(value: &Value) -> String {
    let json = serde_json::to_string(value).expect("JSON values serialise");
    format!("`{}`", json.replace('`', "\\`"))
}

/// The same, shell-quoted.
fn literal(value: &Value) -> String {
    shell_quoted(&literal_text(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_literal_escapes_backticks_and_survives_the_shell() {
        let value = json!({"a": "x`y'z"});
        assert_eq!(literal_text(&value), r#"`{"a":"x\`y'z"}`"#);
        assert_eq!(literal(&value), r#"'`{"a":"x\`y'\''z"}`'"#);
    }

    #[test]
    fn the_simulator_gets_real_actions_only_each_once_and_pass_role_apart() {
        for method in [Method::CrossAccount, Method::AccountKeys] {
            let actions = simulated_actions(method);
            assert!(actions
                .iter()
                .all(|a| !a.contains(['*', '?']) && a != PASS_ROLE));
            let mut unique = actions.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), actions.len());
        }
        let cross = simulated_actions(Method::CrossAccount);
        assert_eq!(
            cross[0],
            "elasticloadbalancing:DeregisterInstancesFromLoadBalancer"
        );
        assert!(cross.contains(&"ec2:DescribeRegions".to_owned()));
        assert_eq!(
            simulated_actions(Method::AccountKeys).len(),
            documents::ACCOUNT_KEYS_ACTIONS.len() - 1
        );
    }
}
