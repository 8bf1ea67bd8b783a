//! Merging the guide's trust statements into the trust relationship a role already has.

use crate::documents::{to_pretty_json, PolicyDocument};
use crate::findings::Finding;
use crate::full::policy::{same_statement, PastedPolicy};
use crate::full::trust;
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
    let findings = trust::findings(&document, guide, partition);
    Merged {
        text: to_pretty_json(&document, 2),
        added,
        findings,
    }
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
        // EC2 is neither Shippable nor the guide's ECS: named, once each time.
        let ec2 = crate::findings::Finding {
            rule: "trusts-other-principal",
            severity: crate::findings::Severity::Warning,
            message: "statement 1 lets \"ec2.amazonaws.com\" (\"Service\") assume this role: neither \
                      Shippable nor the guide\u{2019}s ecs.amazonaws.com. Whoever that is can act with \
                      this role\u{2019}s permissions; keep it only if you mean to."
                .to_owned(),
        };
        assert_eq!(once.findings, std::slice::from_ref(&ec2));
        let twice = merge_trust_policy(&pasted(&once.text), &guide, "aws");
        assert_eq!(twice.added, 0);
        assert_eq!(twice.text, once.text);
        assert_eq!(twice.findings, [ec2]);
    }
}
