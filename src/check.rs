//! Checking a policy the reader already has against the guide's actions: granted, denied, missing.

use crate::documents::{to_pretty_json, Action, PolicyDocument};
use crate::policy::{covers, overlaps, strings, PastedPolicy};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt::Write as _;

/// One action the guide needs, on the resource it needs it on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needed<'a> {
    pub action: &'a str,
    pub resource: String,
}

/// The actions (and resources) every `Allow` statement of `document` grants, in order.
pub fn needed<'a>(document: &PolicyDocument<'a>) -> Vec<Needed<'a>> {
    let mut list = Vec::new();
    for statement in &document.statement {
        if statement.effect != "Allow" {
            continue;
        }
        let resource = statement.resource.as_deref().unwrap_or("*").to_owned();
        let actions: &[&str] = match &statement.action {
            Action::One(one) => std::slice::from_ref(one),
            Action::Many(many) => many,
        };
        for action in actions {
            list.push(Needed {
                action,
                resource: resource.clone(),
            });
        }
    }
    list
}

/// What the pasted policy does for one needed action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Allowed by the statement at this index (0-based); `conditional` when it has a `Condition`.
    Granted { statement: usize, conditional: bool },
    /// Denied by the statement at this index; an `Allow` cannot override it.
    Denied { statement: usize },
    /// No statement allows it.
    Missing,
}

/// The verdict on each needed action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check<'a> {
    pub verdicts: Vec<(Needed<'a>, Verdict)>,
}

fn action_applies(statement: &Map<String, Value>, action: &str, deny: bool) -> bool {
    if let Some(not) = statement.get("NotAction") {
        // NotAction applies to every action it does not name.
        return !strings(Some(not)).iter().any(|p| {
            if deny {
                covers(p, action, true)
            } else {
                overlaps(p, action, true)
            }
        });
    }
    strings(statement.get("Action")).iter().any(|p| {
        if deny {
            overlaps(p, action, true)
        } else {
            covers(p, action, true)
        }
    })
}

fn resource_applies(statement: &Map<String, Value>, resource: &str, deny: bool) -> bool {
    if let Some(not) = statement.get("NotResource") {
        return !strings(Some(not)).iter().any(|p| {
            if deny {
                covers(p, resource, false)
            } else {
                overlaps(p, resource, false)
            }
        });
    }
    strings(statement.get("Resource")).iter().any(|p| {
        if deny {
            overlaps(p, resource, false)
        } else {
            covers(p, resource, false)
        }
    })
}

fn effect(statement: &Map<String, Value>) -> Option<&str> {
    statement.get("Effect").and_then(Value::as_str)
}

/// Judges every needed action against the pasted policy: an explicit `Deny` wins over any
/// `Allow`, as in IAM; wildcards, `NotAction` and `NotResource` count.
pub fn check_permissions<'a>(policy: &PastedPolicy, needed: Vec<Needed<'a>>) -> Check<'a> {
    let statements: Vec<&Map<String, Value>> = policy.statements().collect();
    let verdicts = needed
        .into_iter()
        .map(|need| {
            let denied = statements.iter().position(|s| {
                effect(s) == Some("Deny")
                    && action_applies(s, need.action, true)
                    && resource_applies(s, &need.resource, true)
            });
            let verdict = if let Some(statement) = denied {
                Verdict::Denied { statement }
            } else if let Some(statement) = statements.iter().position(|s| {
                effect(s) == Some("Allow")
                    && action_applies(s, need.action, false)
                    && resource_applies(s, &need.resource, false)
            }) {
                Verdict::Granted {
                    statement,
                    conditional: statements[statement].contains_key("Condition"),
                }
            } else {
                Verdict::Missing
            };
            (need, verdict)
        })
        .collect();
    Check { verdicts }
}

fn statement_name(policy: &PastedPolicy, index: usize) -> String {
    let sid = policy
        .statements()
        .nth(index)
        .and_then(|s| s.get("Sid"))
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty());
    match sid {
        Some(sid) => format!("statement {} (\"Sid\": \"{sid}\")", index + 1),
        None => format!("statement {}", index + 1),
    }
}

impl Check<'_> {
    /// The needed actions no statement allows and no statement denies.
    pub fn missing(&self) -> impl Iterator<Item = &Needed<'_>> {
        self.verdicts
            .iter()
            .filter(|(_, v)| *v == Verdict::Missing)
            .map(|(n, _)| n)
    }

    /// The report the page shows: a summary, what is denied or missing, the exact statement to
    /// add, then what is granted and by which statement.
    pub fn report(&self, policy: &PastedPolicy, guide: &PolicyDocument<'_>) -> String {
        let total = self.verdicts.len();
        let granted: Vec<_> = self
            .verdicts
            .iter()
            .filter(|(_, v)| matches!(v, Verdict::Granted { .. }))
            .collect();
        let denied: Vec<_> = self
            .verdicts
            .iter()
            .filter(|(_, v)| matches!(v, Verdict::Denied { .. }))
            .collect();
        let missing: Vec<&Needed> = self.missing().collect();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Grants {} of the guide's {total} actions; {} denied, {} missing.",
            granted.len(),
            denied.len(),
            missing.len()
        );
        if !denied.is_empty() {
            let _ = writeln!(
                out,
                "\nDenied ({}). An Allow cannot override a Deny: remove or narrow these statements.",
                denied.len()
            );
            for (need, verdict) in &denied {
                if let Verdict::Denied { statement } = verdict {
                    let _ = writeln!(
                        out,
                        "- {} \u{2014} denied by {}",
                        need.action,
                        statement_name(policy, *statement)
                    );
                }
            }
        }
        if !missing.is_empty() {
            let _ = writeln!(out, "\nMissing ({}):", missing.len());
            for need in &missing {
                let _ = writeln!(out, "- {}", need.action);
            }
            let _ = writeln!(
                out,
                "\nAdd this to the policy's \"Statement\" array (with a comma after the statement before it):"
            );
            for statement in statements_to_add(&missing, guide) {
                let _ = writeln!(out, "{statement}");
            }
        }
        if !granted.is_empty() {
            let _ = writeln!(out, "\nGranted ({}):", granted.len());
            for (need, verdict) in &granted {
                if let Verdict::Granted {
                    statement,
                    conditional,
                } = verdict
                {
                    let condition = if *conditional {
                        ", only when its Condition holds"
                    } else {
                        ""
                    };
                    let _ = writeln!(
                        out,
                        "- {} \u{2014} by {}{condition}",
                        need.action,
                        statement_name(policy, *statement)
                    );
                }
            }
        }
        out.truncate(out.trim_end().len());
        out
    }
}

/// The guide's statements cut down to the missing actions, each pretty-printed.
fn statements_to_add(missing: &[&Needed<'_>], guide: &PolicyDocument<'_>) -> Vec<String> {
    guide
        .statement
        .iter()
        .filter_map(|statement| {
            let actions: &[&str] = match &statement.action {
                Action::One(one) => std::slice::from_ref(one),
                Action::Many(many) => many,
            };
            let kept: Vec<&str> = actions
                .iter()
                .copied()
                .filter(|a| missing.iter().any(|m| m.action == *a))
                .collect();
            if kept.is_empty() {
                return None;
            }
            let mut statement = statement.clone();
            statement.action = match &statement.action {
                Action::One(one) => Action::One(one),
                Action::Many(_) => Action::Many(Cow::Owned(kept)),
            };
            Some(to_pretty_json(&statement, 4))
        })
        .collect()
}
