//! Legal pasted permissions policies built to cost the check the most, each as long as asked (up
//! to the paste cap): long multi-wildcard patterns, many statements, many condition entries.
//! Shared by `benches/generate.rs` and `tests/check_cost.rs` (tools/bench-wasm.mjs writes the
//! same shapes in JavaScript).

use serde_json::{json, Value};

/// The paste cap (`full::policy::MAX_PASTED_CHARACTERS`).
pub const CAP: usize = 65_536;

/// `arn:*:*:*:*:*` then `unit` again and again, `length` characters in all (about).
fn repeated(head: &str, unit: &str, length: usize) -> String {
    let mut out = head.to_owned();
    while out.len() + unit.len() <= length {
        out.push_str(unit);
    }
    out
}

/// A policy of `statements`, padded with spaces to exactly `length` characters where it is shorter.
fn padded(statements: Vec<Value>, length: usize) -> String {
    let text = json!({"Version": "2012-10-17", "Statement": statements}).to_string();
    let pad = length.saturating_sub(text.len());
    format!("{}{}}}", &text[..text.len() - 1], " ".repeat(pad))
}

/// The shape: one Allow and one Deny, each on every action, each resource a long run of
/// `*a` (`arn:*:*:*:*:*a*a*…`), the Deny's one `?` longer: they intersect, neither covers the other.
pub fn stars(length: usize) -> String {
    let half = length / 2 - 80;
    let allow = repeated("arn:*:*:*:*:", "*a", half);
    let deny = format!("{}?", repeated("arn:*:*:*:*:", "*a", half - 1));
    padded(
        vec![
            json!({"Effect": "Allow", "Action": "*", "Resource": allow}),
            json!({"Effect": "Deny", "Action": "*", "Resource": deny}),
        ],
        length,
    )
}

/// Allow and Deny resources with `?` and `*` mixed (`*a?*a?…`) and a multi-byte letter: the
/// tables of `*` against `?` at their largest.
pub fn marks(length: usize) -> String {
    let half = length / 2 - 80;
    let allow = repeated("arn:*:*:*:*:", "*\u{e9}?", half);
    let deny = repeated("arn:*:*:*:*:", "?*\u{e9}", half);
    padded(
        vec![
            json!({"Effect": "Allow", "Action": ["ec2:*", "ecs:*", "iam:*", "elasticloadbalancing:*"], "Resource": allow}),
            json!({"Effect": "Deny", "Action": "*", "Resource": deny}),
        ],
        length,
    )
}

/// As many short statements as fit, Allows and Denies alternating, every Deny limited by its
/// resource (so that each Allow is compared with each Deny, for every action).
pub fn statements(length: usize) -> String {
    let mut list = Vec::new();
    let mut n = 0;
    loop {
        let statement = if n % 2 == 0 {
            json!({"Effect": "Allow", "Action": "*", "Resource": format!("arn:*:*:*:*:*a*{n}")})
        } else {
            json!({"Effect": "Deny", "Action": "*", "Resource": format!("arn:*:*:*:*:*{n}*a*")})
        };
        list.push(statement);
        if padded(list.clone(), 0).len() > length {
            list.pop();
            return padded(list, length);
        }
        n += 1;
    }
}

/// Statements whose conditions hold many entries on keys every request can hold: each Deny's
/// entries are among each Allow's but one, so that every pair is compared entry by entry.
pub fn conditions(length: usize) -> String {
    let entries = |n: usize| -> serde_json::Map<String, Value> {
        (0..n)
            .map(|k| (format!("aws:PrincipalTag/k{k}"), json!(format!("v*{k}"))))
            .collect()
    };
    let mut list = Vec::new();
    let mut n = 0;
    loop {
        let statement = if n % 2 == 0 {
            json!({"Effect": "Allow", "Action": "*", "Resource": "*",
                   "Condition": {"StringLike": entries(40)}})
        } else {
            let mut denied = entries(39);
            denied.insert(format!("aws:PrincipalTag/x{n}"), json!("v"));
            json!({"Effect": "Deny", "Action": "*", "Resource": "*",
                   "Condition": {"StringLike": denied}})
        };
        list.push(statement);
        if padded(list.clone(), 0).len() > length {
            list.pop();
            return padded(list, length);
        }
        n += 1;
    }
}

/// Every shape, by name, at `length` characters.
pub fn all(length: usize) -> Vec<(&'static str, String)> {
    vec![
        ("long `*a` patterns", stars(length)),
        ("long `*é?` patterns", marks(length)),
        ("many statements", statements(length)),
        ("many condition entries", conditions(length)),
    ]
}
