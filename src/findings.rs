//! Findings shown beside each document: the project's own rules, in plain words, and the size
//! of each document against its IAM quota.

use crate::documents::{
    ACCOUNT_KEYS_REDUNDANT, CROSS_ACCOUNT_REDUNDANT, ECS_SERVICE_PRINCIPAL, PASS_ROLE,
};
use crate::inputs::{CheckedInputs, InputKey};
use crate::output_id::OutputId;
use serde::Serialize;

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

/// The project's rules on a document, by their public names (TypeScript `Finding["rule"]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindingRule {
    PassroleAnyResource,
    RedundantAction,
    MissingVersion,
    DeprecatedEcsServiceRole,
    SameAccount,
    CrossPartitionTrust,
    SizeOverQuota,
    SizeNearQuota,
    TrustsAnyone,
    NoExternalId,
    DenyBlocksGuide,
    OtherPartitionPrincipal,
    ExternalIdNotExact,
    OtherExternalId,
    TrustsOtherPrincipal,
    PrincipalWildcard,
}

impl FindingRule {
    /// Every rule.
    pub const ALL: [FindingRule; 16] = [
        FindingRule::PassroleAnyResource,
        FindingRule::RedundantAction,
        FindingRule::MissingVersion,
        FindingRule::DeprecatedEcsServiceRole,
        FindingRule::SameAccount,
        FindingRule::CrossPartitionTrust,
        FindingRule::SizeOverQuota,
        FindingRule::SizeNearQuota,
        FindingRule::TrustsAnyone,
        FindingRule::NoExternalId,
        FindingRule::DenyBlocksGuide,
        FindingRule::OtherPartitionPrincipal,
        FindingRule::ExternalIdNotExact,
        FindingRule::OtherExternalId,
        FindingRule::TrustsOtherPrincipal,
        FindingRule::PrincipalWildcard,
    ];

    /// The rule's public name: what JavaScript reads in `finding.rule`.
    pub const fn id(self) -> &'static str {
        match self {
            FindingRule::PassroleAnyResource => "passrole-any-resource",
            FindingRule::RedundantAction => "redundant-action",
            FindingRule::MissingVersion => "missing-version",
            FindingRule::DeprecatedEcsServiceRole => "deprecated-ecs-service-role",
            FindingRule::SameAccount => "same-account",
            FindingRule::CrossPartitionTrust => "cross-partition-trust",
            FindingRule::SizeOverQuota => "size-over-quota",
            FindingRule::SizeNearQuota => "size-near-quota",
            FindingRule::TrustsAnyone => "trusts-anyone",
            FindingRule::NoExternalId => "no-external-id",
            FindingRule::DenyBlocksGuide => "deny-blocks-guide",
            FindingRule::OtherPartitionPrincipal => "other-partition-principal",
            FindingRule::ExternalIdNotExact => "external-id-not-exact",
            FindingRule::OtherExternalId => "other-external-id",
            FindingRule::TrustsOtherPrincipal => "trusts-other-principal",
            FindingRule::PrincipalWildcard => "principal-wildcard",
        }
    }
}

/// One finding: which rule, how much it matters, and what it means for the reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's public name ([`FindingRule::id`]): a string, so that the small build, which
    /// finds nothing, carries none of the names.
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

/// The size of a JSON document as IAM counts it; `None` when the text is not a document (a message).
pub fn size(id: OutputId, text: &str) -> Option<Size> {
    let (limit, quota) = quota(id)?;
    if !text.starts_with('{') {
        return None;
    }
    Some(Size {
        used: characters_without_whitespace(text),
        limit,
        quota,
    })
}

/// Characters of a JSON text not counting whitespace outside strings: its compact form's length.
/// (The text is serde_json's own output, so its strings are already in their shortest escaping.)
fn characters_without_whitespace(json: &str) -> usize {
    let (mut in_string, mut escaped, mut used) = (false, false, 0);
    for c in json.chars() {
        if in_string {
            used += 1;
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if !c.is_ascii_whitespace() {
            used += 1;
            in_string = c == '"';
        }
    }
    used
}

fn finding(rule: FindingRule, severity: Severity, message: impl Into<String>) -> Finding {
    Finding {
        rule: rule.id(),
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
                    FindingRule::PassroleAnyResource,
                    Severity::Warning,
                    format!(
                        "{PASS_ROLE} is allowed on \"*\": whoever holds these permissions can hand any role of the account, \
                         an administrator role included, to a service they control. Turn on \u{201c}Hardened\u{201d} to allow \
                         only your account's roles, and only when passed to {ECS_SERVICE_PRINCIPAL}."
                    ),
                ));
                let redundant = if id == OutputId::AccountKeysUserPolicy {
                    ACCOUNT_KEYS_REDUNDANT
                } else {
                    CROSS_ACCOUNT_REDUNDANT
                };
                if !redundant.is_empty() {
                    let mut pairs = String::new();
                    for (action, by) in redundant {
                        if !pairs.is_empty() {
                            pairs.push_str(", ");
                        }
                        pairs.push_str(&format!("{action} (granted by {by})"));
                    }
                    list.push(finding(
                        FindingRule::RedundantAction,
                        Severity::Note,
                        format!(
                            "Listed although another action already grants it: {}. Harmless; \u{201c}Hardened\u{201d} leaves them out.",
                            pairs
                        ),
                    ));
                }
                if id == OutputId::AccountKeysUserPolicy {
                    list.push(finding(
                        FindingRule::MissingVersion,
                        Severity::Note,
                        "The guide's user policy has no \"Version\", so IAM reads it with the 2008-10-17 policy language, \
                         in which policy variables such as ${aws:username} are plain text. It works as written; \
                         \u{201c}Hardened\u{201d} adds \"Version\": \"2012-10-17\".",
                    ));
                }
        }
        OutputId::AccountKeysRoleTrustPolicy => list.push(finding(
            FindingRule::DeprecatedEcsServiceRole,
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
                    FindingRule::SameAccount,
                    Severity::Error,
                    "Your AWS account ID equals Shippable's AWS account ID. The trusted account must be Shippable's, \
                     not yours: as it is, Shippable cannot assume the role. Check both IDs.",
                ));
            }
            if let Some(partition @ ("aws-cn" | "aws-us-gov")) = inputs.valid(InputKey::Partition)
            {
                list.push(finding(
                    FindingRule::CrossPartitionTrust,
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
                FindingRule::SizeOverQuota,
                Severity::Error,
                format!(
                    "{} of {} characters ({percent}%, whitespace not counted): over the {}. IAM will refuse it.",
                    size.used, size.limit, size.quota
                ),
            ));
        } else if percent >= 90 {
            list.push(finding(
                FindingRule::SizeNearQuota,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_the_compact_length_whitespace_in_strings_counted() {
        let text = "{\n    \"Sid\": \"a \\\" b\",\n    \"Action\": [\n        \"x:Y\"\n    ]\n}";
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(characters_without_whitespace(text), compact.chars().count());
        assert_eq!(
            size(OutputId::CrossAccountTrustPolicy, "Paste a policy"),
            None
        );
    }
}
