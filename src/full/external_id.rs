//! What a trust statement's `Condition` asks of `sts:ExternalId`, as IAM reads it: exactly your
//! External ID, others too, any or none.
//!
//! IAM User Guide: condition operators
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html>:
//! `StringEquals` exact and case-sensitive, `…IgnoreCase` ignoring case, `StringLike` with `*` and
//! `?`; a negated operator, and `…IfExists`, hold when the key is absent; `Null` tests only whether
//! it is there); multiple keys or values
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html>:
//! operators and keys ANDed, a key's values ORed, `ForAllValues` true when the key is absent);
//! `sts:ExternalId` works with string operators
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html>);
//! policy variables (`${…}`) are filled in from the request only in the 2012-10-17 language
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html>).

use crate::full::conditions::parse_operator;
use crate::full::grammar::quoted;
use crate::full::policy::text;
use serde_json::{Map, Value};

/// What a statement's `Condition` asks of `sts:ExternalId`.
pub enum Requirement {
    /// Only your External ID (or none at all) lets the request in.
    Yours,
    /// Exactly these values let it in, other than yours; and whether yours does too.
    Others(Vec<String>, bool),
    /// Values other than listed ones let it in, or none: why, in words.
    Loose(String),
    /// Nothing requires an External ID: how the statement says so.
    Missing(&'static str),
}

/// The values of one condition key, each as IAM compares it (strings; numbers and true/false as
/// their text) and as a message shows it (strings quoted); `None` when one is an array or object.
fn values(value: &Value) -> Option<Vec<(String, String)>> {
    let one = |v: &Value| {
        let compared = text(v)?;
        let shown = if v.is_string() {
            quoted(&compared)
        } else {
            compared.clone()
        };
        Some((compared, shown))
    };
    match value {
        Value::Array(items) => items.iter().map(one).collect(),
        single => one(single).map(|v| vec![v]),
    }
}

/// Reads what `condition` asks of `sts:ExternalId`, against `yours`. `variables` is true when the
/// document's policy language (`"Version": "2012-10-17"`) replaces `${…}` from the request.
pub fn requirement(condition: Option<&Value>, yours: &str, variables: bool) -> Requirement {
    let Some(Value::Object(operators)) = condition else {
        return Requirement::Missing("without requiring \"sts:ExternalId\"");
    };
    // Every operator and key must hold: the exact clauses' values intersect.
    let mut exact: Option<Vec<(String, String)>> = None;
    let (mut loose, mut absent) = (None, false);
    for (operator, keys) in operators {
        let Value::Object(keys) = keys else { continue };
        for (key, given) in keys {
            if !key.eq_ignore_ascii_case("sts:ExternalId") {
                continue;
            }
            let op = quoted(operator);
            let list = values(given);
            let reason = match (parse_operator(operator), &list) {
                (None, _) => Some(format!("{op} is not an IAM condition operator")),
                (Some((_, base, _)), Some(list)) if base == "null" => {
                    if list.iter().all(|(v, _)| v == "true") {
                        absent = true;
                        None
                    } else {
                        Some(format!(
                            "{op} with \"false\" only requires some External ID, whatever its value"
                        ))
                    }
                }
                (Some((_, _, true)), _) => Some(format!(
                    "{op} also holds when the request has no External ID at all"
                )),
                (Some((Some("all"), _, _)), _) => Some(format!(
                    "{op} also holds when the request has no External ID at all (IAM Access \
                     Analyzer reports it as \u{201c}ForAllValues with single valued key\u{201d})"
                )),
                (Some((_, base, _)), _) if base.contains("not") => Some(format!(
                    "{op} holds for every External ID it does not name, and when there is none"
                )),
                (Some((_, base, _)), _) if base == "stringequalsignorecase" => Some(format!(
                    "{op} ignores case, so an External ID that differs from yours only in case \
                     matches too"
                )),
                (Some((_, base, _)), _) if base != "stringequals" && base != "stringlike" => {
                    Some(format!(
                        "{op} is not a string operator; IAM compares \"sts:ExternalId\" with string \
                         operators"
                    ))
                }
                (_, None) => Some(format!("{op} gives it values that are not strings")),
                (Some((_, base, _)), Some(list)) => {
                    let like = base == "stringlike";
                    if let Some((v, _)) = list.iter().find(|(v, _)| variables && v.contains("${")) {
                        Some(format!(
                            "{op} compares it with {}, a policy variable that the request fills in",
                            quoted(v)
                        ))
                    } else if let Some((v, _)) =
                        list.iter().find(|(v, _)| like && v.contains(['*', '?']))
                    {
                        Some(format!(
                            "{op} matches it against the pattern {}, which other External IDs \
                             match too",
                            quoted(v)
                        ))
                    } else {
                        exact = Some(match exact.take() {
                            None => list.clone(),
                            Some(before) => {
                                // A JSON map as a set: no other set's code in the Wasm.
                                let these: Map<String, Value> =
                                    list.iter().map(|(v, _)| (v.clone(), Value::Null)).collect();
                                before
                                    .into_iter()
                                    .filter(|(v, _)| these.contains_key(v))
                                    .collect()
                            }
                        });
                        None
                    }
                }
            };
            if loose.is_none() {
                loose = reason;
            }
        }
    }
    match (exact, loose) {
        (Some(admitted), _) => {
            let yours_too = admitted.iter().any(|(v, _)| v == yours);
            let mut seen = Map::new();
            let mut others = Vec::new();
            for (v, shown) in admitted {
                if v != yours && seen.insert(v, Value::Null).is_none() {
                    others.push(shown);
                }
            }
            if others.is_empty() {
                Requirement::Yours
            } else {
                Requirement::Others(others, yours_too)
            }
        }
        (None, Some(reason)) => Requirement::Loose(reason),
        (None, None) if absent => {
            Requirement::Missing("only when the request has no External ID (\"Null\": \"true\")")
        }
        (None, None) => Requirement::Missing("without requiring \"sts:ExternalId\""),
    }
}
