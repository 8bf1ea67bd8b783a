//! Findings shown beside each document: the project's own rules, in plain words, and the size
//! of each document against its IAM quota.

use crate::documents::{
    ACCOUNT_KEYS_ACTIONS, CROSS_ACCOUNT_ACTIONS, ECS_SERVICE_PRINCIPAL, PASS_ROLE,
};
use crate::guide::OutputId;
use crate::inputs::{CheckedInputs, InputKey};
use crate::policy::redundant_actions;
use serde::Serialize;
use std::sync::OnceLock;

/// How much a finding matters, least first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing to change.
    Note,
    /// Works, but weaker or riskier than it could be.
    Warning,
    /// Will not work as it is.
    Error,
}

/// One finding: which rule, how much it matters, and what it means for the reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
}

/// A document's size against its IAM quota, whitespace not counted (as IAM counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Size {
    /// Characters, not counting whitespace outside strings.
    pub used: usize,
    pub limit: usize,
    /// The quota, in IAM's words.
    pub quota: &'static str,
}

/// The IAM quota a document counts against, if any.
fn quota(id: OutputId) -> Option<(usize, &'static str)> {
    match id {
        OutputId::CrossAccountTrustPolicy
        | OutputId::MergedTrustPolicy
        | OutputId::AccountKeysRoleTrustPolicy => {
            Some((2048, "role trust policy length (default quota)"))
        }
        OutputId::CrossAccountPermissionsPolicy => {
            Some((10240, "role inline policies, all of a role's together"))
        }
        OutputId::AccountKeysUserPolicy => {
            Some((2048, "user inline policies, all of a user's together"))
        }
        _ => None,
    }
}

/// The size of a JSON document as IAM counts it; `None` when the text is not JSON (a message).
pub fn size(id: OutputId, text: &str) -> Option<Size> {
    let (limit, quota) = quota(id)?;
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let used = serde_json::to_string(&value).ok()?.chars().count();
    Some(Size { used, limit, quota })
}

fn finding(rule: &'static str, severity: Severity, message: impl Into<String>) -> Finding {
    Finding {
        rule,
        severity,
        message: message.into(),
    }
}

/// The findings on one output.
pub fn findings(id: OutputId, inputs: &CheckedInputs, size: Option<&Size>) -> Vec<Finding> {
    let mut list = Vec::new();
    let hardened = inputs.hardened();
    match id {
        OutputId::CrossAccountPermissionsPolicy | OutputId::AccountKeysUserPolicy if !hardened => {
                list.push(finding(
                    "passrole-any-resource",
                    Severity::Warning,
                    format!(
                        "{PASS_ROLE} is allowed on \"*\": whoever holds these permissions can hand any role of the account, \
                         an administrator role included, to a service they control. Turn on \u{201c}Hardened\u{201d} to allow \
                         only your account's roles, and only when passed to {ECS_SERVICE_PRINCIPAL}."
                    ),
                ));
                let actions = if id == OutputId::AccountKeysUserPolicy {
                    ACCOUNT_KEYS_ACTIONS
                } else {
                    CROSS_ACCOUNT_ACTIONS
                };
                // The lists are fixed: their redundant actions are found once.
                static FOUND: [OnceLock<Vec<(&str, &str)>>; 2] = [OnceLock::new(), OnceLock::new()];
                let slot = usize::from(id == OutputId::AccountKeysUserPolicy);
                let redundant = FOUND[slot].get_or_init(|| redundant_actions(actions));
                if !redundant.is_empty() {
                    let pairs: Vec<String> = redundant
                        .iter()
                        .map(|(action, by)| format!("{action} (granted by {by})"))
                        .collect();
                    list.push(finding(
                        "redundant-action",
                        Severity::Note,
                        format!(
                            "Listed although another action already grants it: {}. Harmless; \u{201c}Hardened\u{201d} leaves them out.",
                            pairs.join(", ")
                        ),
                    ));
                }
                if id == OutputId::AccountKeysUserPolicy {
                    list.push(finding(
                        "missing-version",
                        Severity::Note,
                        "The guide's user policy has no \"Version\", so IAM reads it with the 2008-10-17 policy language, \
                         in which policy variables such as ${aws:username} are plain text. It works as written; \
                         \u{201c}Hardened\u{201d} adds \"Version\": \"2012-10-17\".",
                    ));
                }
        }
        OutputId::AccountKeysRoleTrustPolicy => list.push(finding(
            "deprecated-ecs-service-role",
            Severity::Warning,
            "The guide attaches AmazonEC2ContainerServiceRole to this role. AWS deprecated that managed policy: \
             ECS now uses its service-linked role AWSServiceRoleForECS, created for you with your first cluster \
             (or with aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com). \
             Create this role only for an old set-up that still needs it.",
        )),
        OutputId::CrossAccountTrustPolicy | OutputId::MergedTrustPolicy => {
            let own = inputs.valid(InputKey::AwsAccountId);
            if own.is_some() && own == inputs.valid(InputKey::ShippableAwsAccountId) {
                list.push(finding(
                    "same-account",
                    Severity::Error,
                    "Your AWS account ID equals Shippable's AWS account ID. The trusted account must be Shippable's, \
                     not yours: as it is, Shippable cannot assume the role. Check both IDs.",
                ));
            }
            if let Some(partition @ ("aws-cn" | "aws-us-gov")) = inputs.valid(InputKey::Partition)
            {
                list.push(finding(
                    "cross-partition-trust",
                    Severity::Warning,
                    format!(
                        "A role in the {partition} partition can trust only accounts in {partition}: IAM does not trust \
                         across partitions. Shippable's account must be one in {partition}; an account in the aws \
                         partition cannot assume this role."
                    ),
                ));
            }
        }
        _ => {}
    }
    if let Some(size) = size {
        let percent = size.used * 100 / size.limit;
        if size.used > size.limit {
            list.push(finding(
                "size-over-quota",
                Severity::Error,
                format!(
                    "{} of {} characters ({percent}%, whitespace not counted): over the {}. IAM will refuse it.",
                    size.used, size.limit, size.quota
                ),
            ));
        } else if percent >= 90 {
            list.push(finding(
                "size-near-quota",
                Severity::Warning,
                format!(
                    "{} of {} characters ({percent}%, whitespace not counted): close to the {}.",
                    size.used, size.limit, size.quota
                ),
            ));
        }
    }
    list
}
