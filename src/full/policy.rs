//! Policies the reader pastes: parsed with their key order kept, checked for shape, and compared by
//! meaning (wildcards, case-insensitive actions, account IDs equal to their `:root` ARNs).

use super::paste_error::PasteError;
pub use super::paste_error::PolicyKind;
use super::pasted_json;
pub use super::pasted_json::{MAX_PASTED_CHARACTERS, MAX_PASTED_NESTING};
pub use crate::full::actions::{covers, overlaps};
use crate::full::grammar::{effect_problem, identity_policy_problem};
use crate::input_key::InputKey;
use serde_json::{Map, Value};

/// A pasted IAM policy: the whole document, its key order kept, with a well-formed `Statement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedPolicy {
    /// The document as pasted.
    pub document: Map<String, Value>,
}

impl PastedPolicy {
    /// Parses the text pasted into `key`'s field and checks that it is the kind of policy that
    /// field takes. Errors give the line and column of invalid JSON or of a key given twice, or what
    /// is wrong in words.
    pub fn parse(key: InputKey, text: &str) -> Result<PastedPolicy, PasteError> {
        let value = pasted_json::read(key, text)?;
        let not_a_policy = |problem: String| PasteError::NotAPolicy { key, problem };
        let Value::Object(document) = value else {
            return Err(not_a_policy(format!(
                "a policy is a JSON object ({{ \u{2026} }}); this is {}",
                kind_of(&value)
            )));
        };
        let policy = PastedPolicy { document };
        match policy.document.get("Statement") {
            None => {
                return Err(not_a_policy(
                    "it has no \"Statement\"; a policy holds its statements in \"Statement\""
                        .into(),
                ))
            }
            Some(Value::Object(_)) => {}
            Some(Value::Array(items)) => {
                if let Some((n, item)) = items.iter().enumerate().find(|(_, s)| !s.is_object()) {
                    return Err(not_a_policy(format!(
                        "statement {} is {}, not an object",
                        n + 1,
                        kind_of(item)
                    )));
                }
            }
            Some(other) => {
                return Err(not_a_policy(format!(
                    "\"Statement\" is {}; it must be a statement object or an array of them",
                    kind_of(other)
                )))
            }
        }
        if let Some(problem) = policy
            .statements()
            .enumerate()
            .find_map(|(n, statement)| effect_problem(n, statement))
        {
            return Err(not_a_policy(problem));
        }
        let expected = match key {
            InputKey::ExistingTrustPolicy => PolicyKind::Trust,
            _ => PolicyKind::Permissions,
        };
        if let Some(found) = policy.kind() {
            // A permissions policy with one statement naming a Principal: that statement's error.
            let mixed = expected == PolicyKind::Permissions
                && policy
                    .statements()
                    .any(|s| s.contains_key("Resource") || s.contains_key("NotResource"));
            if found != expected && !mixed {
                return Err(PasteError::WrongDocument { key, found });
            }
        }
        if expected == PolicyKind::Permissions {
            if let Some(problem) = identity_policy_problem(policy.statements()) {
                return Err(not_a_policy(problem));
            }
        }
        Ok(policy)
    }

    /// The statements, whether `Statement` is one object or an array.
    pub fn statements(&self) -> impl Iterator<Item = &Map<String, Value>> {
        let list: &[Value] = match self.document.get("Statement") {
            Some(Value::Array(items)) => items,
            Some(one @ Value::Object(_)) => std::slice::from_ref(one),
            _ => &[],
        };
        list.iter().filter_map(Value::as_object)
    }

    /// The kind of policy, judged by its statements; `None` when it has none to judge by.
    pub fn kind(&self) -> Option<PolicyKind> {
        let mut kind = None;
        for statement in self.statements() {
            if statement.contains_key("Principal") || statement.contains_key("NotPrincipal") {
                return Some(PolicyKind::Trust);
            }
            if statement.contains_key("Resource") || statement.contains_key("NotResource") {
                kind = Some(PolicyKind::Permissions);
            }
        }
        kind
    }
}

/// "an array", "a string", … for messages.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The strings of a value that may be one string or an array of them (`Action`, `Resource`).
pub fn strings(value: Option<&Value>) -> Vec<&str> {
    match value {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// A value as IAM reads it where it takes a string: a string, or a number or true/false written
/// without quotes ("Quotation marks are optional for numeric and Boolean values", IAM's policy
/// grammar); `None` for an array, an object or null.
pub fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A principal as a sorted list of `type=value` entries; an account's bare ID reads as its
/// `arn:<partition>:iam::<ID>:root` in the role's partition (IAM trusts no other partition).
pub fn principal_entries(value: Option<&Value>, partition: &str) -> Vec<String> {
    let mut entries = Vec::new();
    match value {
        Some(Value::String(s)) => entries.push(format!("*={s}")),
        Some(Value::Object(map)) => {
            for (kind, names) in map {
                for name in strings(Some(names)) {
                    entries.push(format!("{kind}={}", normalise_account(name, partition)));
                }
            }
        }
        _ => {}
    }
    entries.sort();
    entries.dedup();
    entries
}

/// The bare 12 digits of an account become its root ARN in `partition`; anything else is kept.
fn normalise_account(name: &str, partition: &str) -> String {
    if name.len() == 12 && name.bytes().all(|b| b.is_ascii_digit()) {
        return crate::documents::account_root_arn(partition, name);
    }
    name.to_owned()
}

/// Condition operators with their keys and values as sorted sets (a one-value array equals the
/// value).
fn condition_entries(value: Option<&Value>) -> Vec<String> {
    let mut entries = Vec::new();
    if let Some(Value::Object(operators)) = value {
        for (operator, keys) in operators {
            if let Value::Object(keys) = keys {
                for (key, values) in keys {
                    let mut values: Vec<&str> = strings(Some(values));
                    values.sort_unstable();
                    entries.push(format!(
                        "{operator}|{}|{}",
                        key.to_ascii_lowercase(),
                        values.join("\u{0}")
                    ));
                }
            }
        }
    }
    entries.sort();
    entries
}

fn lowercase_set(value: Option<&Value>) -> Vec<String> {
    let mut set: Vec<String> = strings(value)
        .into_iter()
        .map(str::to_ascii_lowercase)
        .collect();
    set.sort();
    set.dedup();
    set
}

/// True when every principal, action, resource and condition value of a statement is a string
/// (one, or an array of them), as in every statement of the guide.
fn strings_only(statement: &Map<String, Value>) -> bool {
    fn list(value: &Value) -> bool {
        match value {
            Value::String(_) => true,
            Value::Array(items) => items.iter().all(Value::is_string),
            _ => false,
        }
    }
    fn map_of(value: &Value, each: fn(&Value) -> bool) -> bool {
        value.as_object().is_some_and(|map| map.values().all(each))
    }
    let principal = |p: &Value| p.is_string() || map_of(p, list);
    ["Action", "NotAction", "Resource", "NotResource"]
        .iter()
        .all(|key| statement.get(*key).is_none_or(list))
        && ["Principal", "NotPrincipal"]
            .iter()
            .all(|key| statement.get(*key).is_none_or(principal))
        && statement
            .get("Condition")
            .is_none_or(|c| map_of(c, |block| map_of(block, list)))
}

/// True when two statements of a role's trust policy in `partition` mean the same: same effect,
/// principals (partition included), actions, resources and conditions, whatever their order, case
/// of action names, `Sid` or the form of account IDs. A value that is not a string (`1234` in a
/// list of External IDs) makes a statement the same as none of the guide's, whose values all are.
pub fn same_statement(a: &Map<String, Value>, b: &Map<String, Value>, partition: &str) -> bool {
    let principals = |s: &Map<String, Value>, key| principal_entries(s.get(key), partition);
    strings_only(a)
        && strings_only(b)
        && a.get("Effect") == b.get("Effect")
        && principals(a, "Principal") == principals(b, "Principal")
        && principals(a, "NotPrincipal") == principals(b, "NotPrincipal")
        && lowercase_set(a.get("Action")) == lowercase_set(b.get("Action"))
        && lowercase_set(a.get("NotAction")) == lowercase_set(b.get("NotAction"))
        && strings(a.get("Resource")) == strings(b.get("Resource"))
        && condition_entries(a.get("Condition")) == condition_entries(b.get("Condition"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_id_equals_its_root_arn() {
        let a = serde_json::json!({"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": "sts:AssumeRole"});
        let b = serde_json::json!({"Sid": "x", "Action": ["STS:AssumeRole"], "Principal": {"AWS": ["arn:aws:iam::123456789012:root"]}, "Effect": "Allow"});
        let (a, b) = (a.as_object().unwrap(), b.as_object().unwrap());
        assert!(same_statement(a, b, "aws"));
        assert!(
            !same_statement(a, b, "aws-cn"),
            "IAM trusts no other partition"
        );
    }

    /// A trust policy whose one condition value nests `extra` arrays inside its value array, the
    /// whole `length` characters long (padded with spaces inside the document).
    fn nested_policy(extra: usize, length: usize) -> String {
        let values = format!("{}\"v\"{}", "[".repeat(extra + 1), "]".repeat(extra + 1));
        let body = format!(
            "{{\"Statement\": [{{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"sts:AssumeRole\", \"Condition\": {{\"StringEquals\": {{\"k\": {values}}}}}}}]"
        );
        let padding = length.saturating_sub(body.len() + 1);
        format!("{body}{}}}", " ".repeat(padding))
    }

    #[test]
    fn a_paste_up_to_the_limit_is_read_and_one_character_more_is_refused() {
        let key = InputKey::ExistingTrustPolicy;
        let at_limit = nested_policy(0, MAX_PASTED_CHARACTERS);
        assert_eq!(at_limit.len(), MAX_PASTED_CHARACTERS);
        assert!(PastedPolicy::parse(key, &at_limit).is_ok());
        let over = nested_policy(0, MAX_PASTED_CHARACTERS + 1);
        let error = PastedPolicy::parse(key, &over).unwrap_err();
        assert_eq!(
            error,
            PasteError::PasteTooLarge {
                key,
                max: 65_536,
                length: 65_537
            }
        );
        assert_eq!(
            error.to_string(),
            "Current trust relationship: a pasted policy may be at most 65,536 characters \
             (IAM\u{2019}s largest policy quota is 10,240); this has 65,537."
        );
        // Characters, not bytes: 65,536 two-byte characters in a string are within the limit.
        let wide = format!(
            "{{\"Sid\": \"{}\", \"Statement\": []}}",
            "\u{e9}".repeat(MAX_PASTED_CHARACTERS - 28)
        );
        assert_eq!(wide.chars().count(), MAX_PASTED_CHARACTERS);
        assert!(!matches!(
            PastedPolicy::parse(key, &wide),
            Err(PasteError::PasteTooLarge { .. })
        ));
    }

    #[test]
    fn nesting_is_bounded_and_brackets_in_strings_do_not_count() {
        let key = InputKey::ExistingTrustPolicy;
        // The document, Statement, the statement, Condition, the operator and the values: 6.
        let deepest = nested_policy(MAX_PASTED_NESTING - 6, 0);
        assert!(PastedPolicy::parse(key, &deepest).is_ok());
        let deeper = nested_policy(MAX_PASTED_NESTING - 5, 0);
        let error = PastedPolicy::parse(key, &deeper).unwrap_err();
        assert_eq!(
            error,
            PasteError::PasteTooDeep {
                key,
                max: 16,
                line: 1
            }
        );
        assert_eq!(
            error.to_string(),
            "Current trust relationship: a pasted policy may nest arrays and objects at most 16 \
             deep (an IAM policy nests 6: Statement, statement, Condition, operator, key, values); \
             line 1 goes deeper."
        );
        let in_strings = format!(
            "{{\"Sid\": \"{}\\\"{}\", \"Statement\": []}}",
            "[".repeat(100),
            "{".repeat(100)
        );
        assert!(PastedPolicy::parse(key, &in_strings).is_ok());
    }

    #[test]
    fn megabytes_of_nested_arrays_are_refused_without_parsing() {
        // The attack of issue 12: about 5 MB of nested arrays, which the merge once pretty-printed
        // into some 128 times its size and trapped the module.
        let attack = format!(
            "{{\"Statement\": [{}]}}",
            vec![format!("{}{}", "[".repeat(120), "]".repeat(120)); 21_000].join(",")
        );
        assert!(attack.len() > 5_000_000);
        assert!(matches!(
            PastedPolicy::parse(InputKey::ExistingTrustPolicy, &attack),
            Err(PasteError::PasteTooLarge { .. })
        ));
        let small = format!(
            "{{\"Statement\": [{}{}]}}",
            "[".repeat(120),
            "]".repeat(120)
        );
        assert!(matches!(
            PastedPolicy::parse(InputKey::ExistingTrustPolicy, &small),
            Err(PasteError::PasteTooDeep { line: 1, .. })
        ));
    }
}
