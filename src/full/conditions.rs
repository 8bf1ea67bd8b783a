//! A statement's `Condition` read for one real action, as IAM reads it: it holds, it never holds
//! (a key the action's requests never carry), or it depends on the request.

use crate::documents::{ECS_SERVICE_PRINCIPAL, PASS_ROLE};
use crate::full::actions::{glob_matches, RealAction};
use serde_json::Value;

/// What a condition does for every request the guide makes with one action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Truth {
    /// True for every such request (or there is no condition).
    Holds,
    /// False for every such request: the statement never applies to this action.
    Never,
    /// True for some requests only.
    Depends,
}

/// IAM's condition operators (without `IfExists`, `ForAnyValue:` or `ForAllValues:`), lowercase.
pub const OPERATORS: &[&str] = &[
    "stringequals",
    "stringnotequals",
    "stringequalsignorecase",
    "stringnotequalsignorecase",
    "stringlike",
    "stringnotlike",
    "numericequals",
    "numericnotequals",
    "numericlessthan",
    "numericlessthanequals",
    "numericgreaterthan",
    "numericgreaterthanequals",
    "dateequals",
    "datenotequals",
    "datelessthan",
    "datelessthanequals",
    "dategreaterthan",
    "dategreaterthanequals",
    "bool",
    "binaryequals",
    "ipaddress",
    "notipaddress",
    "arnequals",
    "arnlike",
    "arnnotequals",
    "arnnotlike",
    "null",
];

/// An operator's name split into its set qualifier, base operator and `IfExists`; `None` when
/// IAM has no such operator.
pub fn parse_operator(name: &str) -> Option<(Option<&'static str>, String, bool)> {
    let lower = name.to_ascii_lowercase();
    let (set, rest) = if let Some(rest) = lower.strip_prefix("foranyvalue:") {
        (Some("any"), rest)
    } else if let Some(rest) = lower.strip_prefix("forallvalues:") {
        (Some("all"), rest)
    } else {
        (None, lower.as_str())
    };
    let (base, if_exists) = match rest.strip_suffix("ifexists") {
        Some(base) if base != "null" => (base, true),
        _ => (rest, false),
    };
    OPERATORS
        .contains(&base)
        .then(|| (set, base.to_owned(), if_exists))
}

/// The value a condition key has on every request the guide makes with `action`, when the guide
/// fixes it: the guide passes roles to ECS only.
fn known_value(action: &RealAction, key: &str) -> Option<&'static str> {
    (action.name == PASS_ROLE && key.eq_ignore_ascii_case("iam:PassedToService"))
        .then_some(ECS_SERVICE_PRINCIPAL)
}

fn texts(value: &Value) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    match value {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    }
}

/// One entry of a `Condition` (an operator on a key, with its values), read once per paste.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The operator split as [`parse_operator`] does; `None` when IAM has no such operator.
    operator: Option<(Option<&'static str>, String, bool)>,
    key: String,
    values: Vec<String>,
    /// `operator|key|values` (lowercase operator and key, values sorted): equal for entries
    /// that ask the same of a request.
    pub name: String,
}

/// A statement's `Condition`, read once per paste and decided per action from that.
#[derive(Clone, Debug)]
pub enum Condition {
    /// No condition (or not an object): it holds.
    Absent,
    /// An operator whose keys are not an object: it never holds.
    Malformed,
    /// Every entry, in order.
    Entries(Vec<Entry>),
}

/// True when every request of every action can hold `key` and the guide fixes no value of it: a
/// global `aws:` key ([`RealAction::may_hold_key`]).
fn global(key: &str) -> bool {
    key.len() >= 4 && key.as_bytes()[..4].eq_ignore_ascii_case(b"aws:")
}

impl Condition {
    /// Reads a statement's `Condition` value.
    pub fn parse(condition: Option<&Value>) -> Condition {
        let Some(Value::Object(operators)) = condition else {
            return Condition::Absent;
        };
        let mut entries = Vec::new();
        for (operator, keys) in operators {
            let Value::Object(keys) = keys else {
                return Condition::Malformed;
            };
            for (key, values) in keys {
                let values = texts(values);
                let mut sorted = values.clone();
                sorted.sort();
                entries.push(Entry {
                    operator: parse_operator(operator),
                    key: key.clone(),
                    values,
                    name: format!(
                        "{}|{}|{}",
                        operator.to_ascii_lowercase(),
                        key.to_ascii_lowercase(),
                        sorted.join("\u{0}")
                    ),
                });
            }
        }
        Condition::Entries(entries)
    }

    /// The condition's reading ([`Condition::reading`]) when it is the same for every action: no
    /// condition, an operator IAM does not have, or only global keys (each entry then depends on
    /// the request).
    pub fn fixed(&self) -> Option<(Truth, Vec<usize>)> {
        match self {
            Condition::Absent => Some((Truth::Holds, Vec::new())),
            Condition::Malformed => Some((Truth::Never, Vec::new())),
            Condition::Entries(entries) if entries.iter().any(|e| e.operator.is_none()) => {
                Some((Truth::Never, Vec::new()))
            }
            Condition::Entries(entries) if entries.iter().all(|e| global(&e.key)) => {
                if entries.is_empty() {
                    Some((Truth::Holds, Vec::new()))
                } else {
                    Some((Truth::Depends, (0..entries.len()).collect()))
                }
            }
            Condition::Entries(_) => None,
        }
    }

    /// The entries, in order (none when absent or malformed).
    pub fn entries(&self) -> &[Entry] {
        match self {
            Condition::Entries(entries) => entries,
            _ => &[],
        }
    }

    /// The condition's truth for `action`, with the positions (in [`Condition::entries`]) of the
    /// entries it depends on when it depends on the request: a condition whose entries are among
    /// another's holds whenever that other one holds.
    pub fn reading(&self, action: &RealAction) -> (Truth, Vec<usize>) {
        let entries = match self {
            Condition::Absent => return (Truth::Holds, Vec::new()),
            Condition::Malformed => return (Truth::Never, Vec::new()),
            Condition::Entries(entries) => entries,
        };
        let mut depends = Vec::new();
        for (n, e) in entries.iter().enumerate() {
            match entry(e, action) {
                Truth::Never => return (Truth::Never, Vec::new()),
                Truth::Depends => depends.push(n),
                Truth::Holds => {}
            }
        }
        if depends.is_empty() {
            (Truth::Holds, depends)
        } else {
            (Truth::Depends, depends)
        }
    }
}

/// One operator on one key, for `action`'s requests.
fn entry(entry: &Entry, action: &RealAction) -> Truth {
    let Some((set, base, if_exists)) = &entry.operator else {
        return Truth::Never;
    };
    let (set, if_exists, key, values) = (*set, *if_exists, entry.key.as_str(), &entry.values);
    let negated = base.contains("not");
    let truth = |b: bool| if b { Truth::Holds } else { Truth::Never };
    if !action.may_hold_key(key) {
        // The key is absent from every request for this action (neither the action nor a resource
        // type it names carries it): decided as IAM decides a condition on a missing key, by the
        // IAM User Guide's "IAM JSON policy elements: Condition operators"
        // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html,
        // the sections named below) and "Single-valued vs. multivalued context keys".
        return truth(if base == "null" {
            // "Condition operator to check existence of condition keys" (#Conditions_Null): `true`
            // (the key doesn't exist — it is null) or `false` (the key exists). Values are ORed.
            values.iter().any(|v| v.eq_ignore_ascii_case("true"))
        } else if if_exists {
            // "...IfExists condition operators" (#Conditions_IfExists): "If the key is not
            // present, evaluate the condition element as true."
            true
        } else if let Some(set) = set {
            // "Single-valued vs. multivalued context keys"
            // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html):
            // ForAllValues also returns true when the request has no such key; ForAnyValue
            // returns false for no matching key, negated operator or not.
            set == "all"
        } else {
            // The operators page's opening "Important" note: a key not present in the request
            // context does not match, so the condition is false; for a negated operator
            // (StringNotLike, ArnNotLike, …) it is true.
            negated
        });
    }
    let Some(known) = known_value(action, key) else {
        return Truth::Depends;
    };
    let any = |f: &dyn Fn(&str) -> bool| values.iter().any(|v| f(v));
    match base.as_str() {
        "null" => truth(values.iter().any(|v| v.eq_ignore_ascii_case("false"))),
        "stringequals" => truth(any(&|v| v == known)),
        "stringnotequals" => truth(!any(&|v| v == known)),
        "stringequalsignorecase" => truth(any(&|v| v.eq_ignore_ascii_case(known))),
        "stringnotequalsignorecase" => truth(!any(&|v| v.eq_ignore_ascii_case(known))),
        "stringlike" => truth(any(&|v| glob_matches(v, known, false))),
        "stringnotlike" => truth(!any(&|v| glob_matches(v, known, false))),
        _ => Truth::Depends,
    }
}

/// The `Condition` of a statement for `action`'s requests: every operator and key must hold.
pub fn truth(condition: Option<&Value>, action: &RealAction) -> Truth {
    Condition::parse(condition).reading(action).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::full::actions::expand;
    use serde_json::json;

    fn on(action: &str, condition: Value) -> Truth {
        truth(Some(&condition), expand(action)[0])
    }

    #[test]
    fn a_key_the_request_never_holds_decides_the_condition() {
        let passed = json!({"StringEquals": {"iam:PassedToService": "ecs.amazonaws.com"}});
        assert_eq!(on("ecs:CreateService", passed.clone()), Truth::Never);
        assert_eq!(on("iam:PassRole", passed), Truth::Holds);
        let guardrail = json!({"StringNotEquals": {"iam:PassedToService": "ecs.amazonaws.com"}});
        assert_eq!(on("iam:PassRole", guardrail.clone()), Truth::Never);
        assert_eq!(on("ecs:CreateService", guardrail), Truth::Holds);
        assert_eq!(
            on(
                "ecs:CreateService",
                json!({"StringEqualsIfExists": {"sts:ExternalId": "x"}})
            ),
            Truth::Holds
        );
        assert_eq!(
            on("ecs:ListTasks", json!({"Null": {"ecs:cluster": "false"}})),
            Truth::Depends
        );
        assert_eq!(
            on(
                "ecs:ListClusters",
                json!({"Null": {"ecs:cluster": "false"}})
            ),
            Truth::Never
        );
        assert_eq!(
            on(
                "ecs:DeleteService",
                json!({"Bool": {"aws:SecureTransport": "false"}})
            ),
            Truth::Depends
        );
    }

    #[test]
    fn a_key_of_the_resource_an_action_names_depends_and_is_absent_elsewhere() {
        // The Service Authorization Reference lists ecs:ResourceTag/${TagKey} on a cluster:
        // DescribeClusters names one, ListClusters names none (its resource is "*").
        let tag =
            |operator: &str, value: &str| json!({ operator: {"ecs:ResourceTag/team": value} });
        let cases = [
            (tag("StringEquals", "a"), Truth::Never),
            (tag("StringEqualsIfExists", "a"), Truth::Holds),
            (tag("Null", "true"), Truth::Holds),
            (tag("Null", "false"), Truth::Never),
            (tag("StringNotEquals", "a"), Truth::Holds),
            (tag("ArnNotLike", "arn:*"), Truth::Holds),
            (tag("ForAllValues:StringEquals", "a"), Truth::Holds),
            (tag("ForAllValues:StringNotEquals", "a"), Truth::Holds),
            (tag("ForAnyValue:StringEquals", "a"), Truth::Never),
            (tag("ForAnyValue:StringNotEquals", "a"), Truth::Never),
            (tag("ForAnyValue:StringEqualsIfExists", "a"), Truth::Holds),
        ];
        for (condition, absent) in cases {
            assert_eq!(
                on("ecs:ListClusters", condition.clone()),
                absent,
                "{condition}"
            );
            assert_eq!(
                on("ecs:DescribeClusters", condition.clone()),
                Truth::Depends,
                "{condition}"
            );
        }
        let role = json!({"StringEquals": {"IAM:resourcetag/Team": "a"}});
        assert_eq!(on("iam:PassRole", role.clone()), Truth::Depends);
        assert_eq!(on("iam:ListRoles", role), Truth::Never);
    }
}
