//! Merging the guide's trust statements into the trust relationship a role already has.

use crate::documents::{to_pretty_json, PolicyDocument, Principal, ECS_SERVICE_PRINCIPAL};
use crate::findings::{Finding, FindingRule, Severity};
use crate::full::actions::glob_matches;
use crate::full::conditions::parse_operator;
use crate::full::grammar::{quoted, statement_name};
use crate::full::policy::{principal_entries, same_statement, strings, PastedPolicy};
use serde_json::{Map, Value};

/// The result of a merge: the complete document, and what the merge did.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The complete trust policy to paste, 2-space indented as the console shows it.
    pub text: String,
    /// How many of the guide's statements were added (the rest were already there).
    pub added: usize,
    /// What stops the merged document from doing the guide's job safely.
    pub findings: Vec<Finding>,
}

/// Adds each statement of `guide` that `existing` does not already have (by meaning), after the
/// existing ones. Everything else of `existing` is kept, in order, with its keys in order; a
/// single-object `Statement` becomes an array only when something is added. Merging the result
/// again adds nothing and gives the same text. Principals compare within the role's `partition`.
pub fn merge_trust_policy(
    existing: &PastedPolicy,
    guide: &PolicyDocument<'_>,
    partition: &str,
) -> Merged {
    let guide_statements: Vec<Map<String, Value>> = guide
        .statement
        .iter()
        .filter_map(|s| match serde_json::to_value(s) {
            Ok(Value::Object(map)) => Some(map),
            _ => None,
        })
        .collect();
    let missing: Vec<Map<String, Value>> = guide_statements
        .into_iter()
        .filter(|g| {
            !existing
                .statements()
                .any(|e| same_statement(e, g, partition))
        })
        .collect();
    let mut document = existing.document.clone();
    let added = missing.len();
    if added > 0 {
        let statement = document
            .entry("Statement")
            .or_insert_with(|| Value::Array(Vec::new()));
        if statement.is_object() {
            let one = statement.take();
            *statement = Value::Array(vec![one]);
        }
        if let Value::Array(items) = statement {
            items.extend(missing.into_iter().map(Value::Object));
        }
    }
    let findings = merged_findings(&document, guide, partition);
    Merged {
        text: to_pretty_json(&document, 2),
        added,
        findings,
    }
}

/// True when a statement's `Action` (or `NotAction`) takes in `sts:AssumeRole`.
fn assumes_role(statement: &Map<String, Value>) -> bool {
    let named = |key| {
        strings(statement.get(key))
            .iter()
            .any(|p| glob_matches(p, "sts:AssumeRole", true))
    };
    if statement.contains_key("NotAction") {
        !named("NotAction")
    } else {
        named("Action")
    }
}

/// True when the statement's condition requires the request's `sts:ExternalId` to be a value.
fn requires_external_id(statement: &Map<String, Value>) -> bool {
    let Some(Value::Object(operators)) = statement.get("Condition") else {
        return false;
    };
    operators.iter().any(|(operator, keys)| {
        let required = matches!(parse_operator(operator),
            Some((_, base, false)) if base.starts_with("string") && !base.contains("not"));
        required
            && keys.as_object().is_some_and(|keys| {
                keys.keys()
                    .any(|k| k.eq_ignore_ascii_case("sts:ExternalId"))
            })
    })
}

/// The findings on a merged trust policy: who it lets in without the External ID, or at all, and
/// which Deny keeps out the principals the guide trusts.
fn merged_findings(
    document: &Map<String, Value>,
    guide: &PolicyDocument<'_>,
    partition: &str,
) -> Vec<Finding> {
    let mut shippable = Vec::new();
    for statement in &guide.statement {
        if let Some(Principal::Aws(arn)) = &statement.principal {
            shippable.push(format!("AWS={arn}"));
        }
    }
    let ecs = format!("Service={ECS_SERVICE_PRINCIPAL}");
    let statements: Vec<&Map<String, Value>> = match document.get("Statement") {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        Some(Value::Object(one)) => vec![one],
        _ => Vec::new(),
    };
    let mut found = Vec::new();
    for (index, statement) in statements.into_iter().enumerate() {
        if !assumes_role(statement) {
            continue;
        }
        let name = statement_name(index, statement);
        let principals = principal_entries(statement.get("Principal"), partition);
        let anyone = statement.contains_key("NotPrincipal")
            || principals.iter().any(|p| p == "*=*" || p == "AWS=*");
        let trusts = |entry: &String| principals.iter().any(|p| p.eq_ignore_ascii_case(entry));
        if let Some(other) = principals.iter().find_map(|p| {
            let arn = p.strip_prefix("AWS=arn:")?;
            let other = arn.split(':').next()?;
            (other != partition).then_some(other)
        }) {
            found.push(Finding {
                rule: FindingRule::OtherPartitionPrincipal.id(),
                severity: Severity::Warning,
                message: format!(
                    "{name} names a principal in the {} partition; this role is in {partition}, and IAM does \
                     not trust across partitions: that principal cannot assume the role.",
                    quoted(other)
                ),
            });
        }
        match statement.get("Effect").and_then(Value::as_str) {
            Some("Allow") if anyone => found.push(Finding {
                rule: FindingRule::TrustsAnyone.id(),
                severity: Severity::Error,
                message: format!(
                    "{name} lets any AWS principal assume this role (\"AWS\": \"*\", \"*\" or NotPrincipal): \
                     anyone who learns its ARN can act with its permissions. Remove it or name the principals."
                ),
            }),
            Some("Allow") if shippable.iter().any(trusts) && !requires_external_id(statement) => {
                found.push(Finding {
                    rule: FindingRule::NoExternalId.id(),
                    severity: Severity::Error,
                    message: format!(
                        "{name} trusts Shippable's account without requiring \"sts:ExternalId\": any Shippable \
                         customer could have Shippable assume this role. Remove it; the guide's statement requires \
                         your External ID."
                    ),
                })
            }
            Some("Deny") if anyone || trusts(&ecs) || shippable.iter().any(trusts) => {
                let conditional = statement.contains_key("Condition");
                found.push(Finding {
                    rule: FindingRule::DenyBlocksGuide.id(),
                    severity: if conditional {
                        Severity::Warning
                    } else {
                        Severity::Error
                    },
                    message: format!(
                        "{name} denies sts:AssumeRole to a principal the guide trusts (Shippable or {ECS_SERVICE_PRINCIPAL}){}: \
                         an explicit Deny wins over the guide's Allow.",
                        if conditional { " when its Condition holds" } else { "" }
                    ),
                });
            }
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::cross_account_trust_policy;
    use crate::inputs::InputKey;

    fn pasted(text: &str) -> PastedPolicy {
        PastedPolicy::parse(InputKey::ExistingTrustPolicy, text).unwrap()
    }

    #[test]
    fn merging_twice_changes_nothing() {
        let guide = cross_account_trust_policy("aws", "210987654321", "abc");
        let once = merge_trust_policy(
            &pasted(
                r#"{"Statement": {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}, "Version": "2012-10-17"}"#,
            ),
            &guide,
            "aws",
        );
        assert_eq!(once.added, 2);
        assert_eq!(once.findings, []);
        let twice = merge_trust_policy(&pasted(&once.text), &guide, "aws");
        assert_eq!(twice.added, 0);
        assert_eq!(twice.text, once.text);
    }
}
