//! IAM's grammar for pasted policies: what IAM itself rejects, said with the statement and the rule.

use crate::full::conditions::parse_operator;
use serde_json::{Map, Value};

/// Pasted or typed text as it may appear in a message: in double quotes, with quotes, backslashes,
/// line breaks and every control or invisible formatting character escaped (`\n`, `\u{202e}`), and
/// cut at 80 characters, so that no text can start a line of its own or pass for the message's words.
pub fn quoted(text: &str) -> String {
    const LONGEST: usize = 80;
    let mut out = String::from("\"");
    for (n, c) in text.chars().enumerate() {
        if n == LONGEST {
            out.push('\u{2026}');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control()
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}') =>
            {
                // Written by hand: a formatter for hex would add to the first-visit build.
                out.push_str("\\u{");
                let code = c as u32;
                for shift in (0..6).rev().map(|n| n * 4) {
                    if code >> shift != 0 || shift < 16 {
                        out.push(char::from(
                            b"0123456789abcdef"[(code >> shift & 15) as usize],
                        ));
                    }
                }
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// "statement 2" or `statement 2 ("Sid": "NoDeletes")`: a statement as messages and reports name
/// it, numbered from 1, its `Sid` quoted (pasted text never reaches a message raw).
pub fn statement_name(index: usize, statement: &Map<String, Value>) -> String {
    match statement.get("Sid").and_then(Value::as_str) {
        Some(sid) if !sid.is_empty() => {
            format!("statement {} (\"Sid\": {})", index + 1, quoted(sid))
        }
        _ => format!("statement {}", index + 1),
    }
}

/// The `Effect` rule, for every kind of policy: present, and exactly `Allow` or `Deny`.
pub fn effect_problem(index: usize, statement: &Map<String, Value>) -> Option<String> {
    let name = statement_name(index, statement);
    match statement.get("Effect") {
        Some(Value::String(e)) if e == "Allow" || e == "Deny" => None,
        Some(Value::String(other)) => Some(format!(
            "{name} has \"Effect\": {}; IAM accepts only \"Allow\" or \"Deny\", with that case",
            quoted(other)
        )),
        Some(_) => Some(format!(
            "{name} has an \"Effect\" that is not a string; IAM accepts only \"Allow\" or \"Deny\""
        )),
        None => Some(format!("{name} has no \"Effect\" (\"Allow\" or \"Deny\")")),
    }
}

/// The strings of an element that must be one string or an array of strings; `None` otherwise.
fn string_list(value: &Value) -> Option<Vec<&str>> {
    match value {
        Value::String(s) => Some(vec![s.as_str()]),
        Value::Array(items) => items.iter().map(Value::as_str).collect(),
        _ => None,
    }
}

/// An element and its `Not` form: exactly one of them, holding strings.
fn one_of<'a>(
    statement: &'a Map<String, Value>,
    name: &str,
    element: &str,
) -> Result<(&'static str, Vec<&'a str>), String> {
    let not = format!("Not{element}");
    match (statement.get(element), statement.get(&not)) {
        (Some(_), Some(_)) => Err(format!(
            "{name} has both \"{element}\" and \"{not}\"; IAM accepts one of them"
        )),
        (None, None) => Err(format!(
            "{name} has neither \"{element}\" nor \"{not}\"; IAM requires one of them"
        )),
        (Some(value), None) | (None, Some(value)) => {
            let which = if statement.contains_key(element) {
                ""
            } else {
                "Not"
            };
            string_list(value).map(|list| (which, list)).ok_or_else(|| {
                format!("{name}'s \"{which}{element}\" must be a string or an array of strings")
            })
        }
    }
}

/// The first thing IAM rejects in an identity (permissions) policy, in words; `None` when IAM
/// accepts its statements.
pub fn identity_policy_problem<'a>(
    statements: impl Iterator<Item = &'a Map<String, Value>>,
) -> Option<String> {
    for (index, statement) in statements.enumerate() {
        if let Some(problem) = effect_problem(index, statement) {
            return Some(problem);
        }
        let name = statement_name(index, statement);
        for principal in ["Principal", "NotPrincipal"] {
            if statement.contains_key(principal) {
                return Some(format!(
                    "{name} has a \"{principal}\"; a permissions policy applies to whoever holds it and names no principal, so IAM rejects it"
                ));
            }
        }
        let actions = match one_of(statement, &name, "Action") {
            Ok((_, actions)) => actions,
            Err(problem) => return Some(problem),
        };
        if let Some(action) = actions.iter().find(|a| {
            **a != "*"
                && !a.split_once(':').is_some_and(|(service, rest)| {
                    !service.is_empty()
                        && !rest.is_empty()
                        && service
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                })
        }) {
            return Some(format!(
                "{name} has the action {}, without a service prefix (as in \"ecs:ListTasks\"); IAM rejects it",
                quoted(action)
            ));
        }
        let resources = match one_of(statement, &name, "Resource") {
            Ok((_, resources)) => resources,
            Err(problem) => return Some(problem),
        };
        if let Some(resource) = resources
            .iter()
            .find(|r| **r != "*" && !r.starts_with("arn:"))
        {
            return Some(format!(
                "{name} has the resource {}; IAM accepts only an ARN (arn:\u{2026}) or \"*\"",
                quoted(resource)
            ));
        }
        if let Some(problem) = condition_problem(&name, statement.get("Condition")) {
            return Some(problem);
        }
    }
    None
}

/// A `Condition` is an object of operators, each an object of keys.
fn condition_problem(name: &str, condition: Option<&Value>) -> Option<String> {
    let operators = match condition? {
        Value::Object(operators) => operators,
        _ => {
            return Some(format!(
                "{name}'s \"Condition\" must be an object of operators"
            ))
        }
    };
    for (operator, keys) in operators {
        if parse_operator(operator).is_none() {
            return Some(format!(
                "{name}'s \"Condition\" uses the operator {}, which IAM does not have",
                quoted(operator)
            ));
        }
        if !keys.is_object() {
            return Some(format!(
                "{name}'s condition operator {} must hold an object of condition keys",
                quoted(operator)
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_text_cannot_start_a_line() {
        assert_eq!(quoted("Read"), "\"Read\"");
        assert_eq!(
            quoted("x\"\nAll clear: \u{202e}\u{7}\\"),
            "\"x\\\"\\nAll clear: \\u{202e}\\u{0007}\\\\\""
        );
        assert_eq!(quoted(&"a".repeat(100)).chars().count(), 83);
    }
}
