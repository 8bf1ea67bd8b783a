//! Checking a policy the reader already has against the guide's actions as IAM evaluates it: every
//! real action each guide action stands for, on the reader's own resources, under each condition.

use crate::documents::{to_pretty_json, Action, PolicyDocument};
use crate::full::actions::expand;
use crate::full::grammar::statement_name;
use crate::full::policy::PastedPolicy;
use serde::Serialize;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt::Write as _;

mod evaluate;

use evaluate::{decide, Memo, Outcome};

/// One action the guide needs (a name or a pattern such as `ec2:Describe*`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needed<'a> {
    pub action: &'a str,
}

/// The actions every `Allow` statement of `document` grants, in order.
pub fn needed<'a>(document: &PolicyDocument<'a>) -> Vec<Needed<'a>> {
    let mut list = Vec::new();
    for statement in &document.statement {
        if statement.effect != "Allow" {
            continue;
        }
        let actions: &[&str] = match &statement.action {
            Action::One(one) => std::slice::from_ref(one),
            Action::Many(many) => many,
        };
        list.extend(actions.iter().map(|action| Needed { action }));
    }
    list
}

/// Where the guide's requests go: resources of the reader's account (any account while it is not
/// typed) in the chosen partition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scope<'a> {
    pub partition: &'a str,
    pub account: Option<&'a str>,
}

/// What the pasted policy does for one guide action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Every real action it stands for is allowed on all of the account's resources, always.
    Granted,
    /// Allowed on only some of the account's resources.
    Partial,
    /// Allowed only under a condition.
    Conditional,
    /// An explicit `Deny` blocks it (or some of the real actions it stands for).
    Denied,
    /// No statement allows it (or some of the real actions it stands for).
    Missing,
}

/// A statement of the pasted policy: its index (from 0) and its `Sid`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatementRef {
    pub index: usize,
    pub sid: Option<String>,
}

/// The verdict on one guide action: `{ action, state, statements, detail }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub action: String,
    pub state: State,
    /// The statements that decide it: the allowing ones, or the denying or limiting ones.
    pub statements: Vec<StatementRef>,
    /// Why, in words (pasted text quoted).
    pub detail: String,
}

/// The check's data: a verdict per guide action, and the statements to add (pretty-printed) that
/// turn the missing actions into granted ones.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Check {
    pub verdicts: Vec<Verdict>,
    pub add: Vec<String>,
}

thread_local! {
    /// How many checks this thread has run: a keystroke that changes none of the check's inputs
    /// must not run it again (the live guide's tests count).
    static RUNS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Up to three names, then how many more.
fn some_names(names: &[&str]) -> String {
    let mut out = names.iter().take(3).copied().collect::<Vec<_>>().join(", ");
    if names.len() > 3 {
        let _ = write!(out, " and {} more", names.len() - 3);
    }
    out
}

/// Judges every needed action against the pasted policy as IAM does: each real action it stands
/// for, on `scope`'s resources; an explicit `Deny` wins over any `Allow`.
pub fn check_permissions(
    policy: &PastedPolicy,
    needed: &[Needed<'_>],
    guide: &PolicyDocument<'_>,
    scope: Scope<'_>,
) -> Check {
    RUNS.with(|runs| runs.set(runs.get() + 1));
    let statements: Vec<&Map<String, Value>> = policy.statements().collect();
    let name = |index: usize| statement_name(index, statements[index]);
    let reference = |index: usize| StatementRef {
        index,
        sid: statements[index]
            .get("Sid")
            .and_then(Value::as_str)
            .map(str::to_owned),
    };
    let mut memo = Memo::new(&statements, scope);
    let verdicts: Vec<Verdict> = needed
        .iter()
        .map(|need| {
            let real = expand(need.action);
            let outcomes: Vec<(&str, Outcome)> = real
                .iter()
                .map(|a| (a.name.as_str(), decide(&mut memo, a)))
                .collect();
            let of_them = |names: &[&str]| {
                if real.len() > 1 && names.len() < real.len() {
                    format!(
                        " for {} of the {} actions it stands for ({})",
                        names.len(),
                        real.len(),
                        some_names(names)
                    )
                } else {
                    String::new()
                }
            };
            let mut indexes: Vec<usize> = Vec::new();
            let mut note = |index: usize| {
                if !indexes.contains(&index) {
                    indexes.push(index);
                }
            };
            let denied: Vec<&str> = outcomes
                .iter()
                .filter_map(|(n, o)| matches!(o, Outcome::Denied(_)).then_some(*n))
                .collect();
            let missing: Vec<&str> = outcomes
                .iter()
                .filter_map(|(n, o)| matches!(o, Outcome::Missing).then_some(*n))
                .collect();
            let (state, detail) = if real.is_empty() {
                (
                    State::Missing,
                    "AWS has no action of this name in its Service Authorization Reference"
                        .to_owned(),
                )
            } else if !denied.is_empty() {
                let mut only = None;
                for (_, o) in &outcomes {
                    if let Outcome::Denied(hold) = o {
                        note(hold.index);
                        if !hold.full {
                            only.get_or_insert(if hold.on_resources {
                                ", on the resources it names (nothing else allows it)"
                            } else {
                                ", when its Condition holds (nothing else allows it)"
                            });
                        }
                    }
                }
                let by: Vec<String> = indexes.iter().map(|i| name(*i)).collect();
                (
                    State::Denied,
                    format!(
                        "denied by {}{}{}",
                        by.join(" and "),
                        only.unwrap_or_default(),
                        of_them(&denied)
                    ),
                )
            } else if !missing.is_empty() {
                let mut detail = String::new();
                if real.len() > 1 && missing.len() < real.len() {
                    let _ = write!(
                        detail,
                        "no statement allows {} of the {} actions it stands for ({})",
                        missing.len(),
                        real.len(),
                        some_names(&missing)
                    );
                }
                (State::Missing, detail)
            } else if let Some((by, deny)) = outcomes.iter().find_map(|(_, o)| match o {
                Outcome::Limited { by, deny, .. } => Some((*by, *deny)),
                _ => None,
            }) {
                let limited: Vec<&str> = outcomes
                    .iter()
                    .filter_map(|(n, o)| matches!(o, Outcome::Limited { .. }).then_some(*n))
                    .collect();
                for (_, o) in &outcomes {
                    match o {
                        Outcome::Granted(i) => note(*i),
                        Outcome::Limited { by, .. } => note(by.index),
                        _ => {}
                    }
                }
                let on_resources = outcomes.iter().any(|(_, o)| {
                    matches!(
                        o,
                        Outcome::Limited {
                            on_resources: true,
                            ..
                        }
                    )
                });
                let how = if on_resources {
                    "only on some of your account's resources"
                } else {
                    "only when its Condition holds"
                };
                let detail = if deny {
                    format!(
                        "allowed, but {}, a Deny, denies it {}{}",
                        name(by.index),
                        if by.on_resources {
                            "on some of your account's resources"
                        } else {
                            "when its Condition holds"
                        },
                        of_them(&limited)
                    )
                } else {
                    format!("by {}, {how}{}", name(by.index), of_them(&limited))
                };
                let state = if on_resources {
                    State::Partial
                } else {
                    State::Conditional
                };
                (state, detail)
            } else {
                for (_, o) in &outcomes {
                    if let Outcome::Granted(i) = o {
                        note(*i);
                    }
                }
                let by: Vec<String> = indexes.iter().map(|i| name(*i)).collect();
                (State::Granted, format!("by {}", by.join(" and ")))
            };
            Verdict {
                action: need.action.to_owned(),
                state,
                statements: indexes.into_iter().map(reference).collect(),
                detail,
            }
        })
        .collect();
    let missing: Vec<&str> = verdicts
        .iter()
        .filter(|v| v.state == State::Missing)
        .map(|v| v.action.as_str())
        .collect();
    let add = statements_to_add(&missing, guide);
    Check { verdicts, add }
}

impl Check {
    /// The report the page shows: a summary, what is denied or missing, the exact statement to
    /// add, what is granted only in part, then what is granted and by which statement.
    pub fn report(&self) -> String {
        let total = self.verdicts.len();
        let with = |states: &[State]| -> Vec<&Verdict> {
            self.verdicts
                .iter()
                .filter(|v| states.contains(&v.state))
                .collect()
        };
        let granted = with(&[State::Granted]);
        let limited = with(&[State::Partial, State::Conditional]);
        let denied = with(&[State::Denied]);
        let missing = with(&[State::Missing]);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Grants {} of the guide's {total} actions; {} only in part, {} denied, {} missing.",
            granted.len(),
            limited.len(),
            denied.len(),
            missing.len()
        );
        let line = |out: &mut String, v: &Verdict| {
            if v.detail.is_empty() {
                let _ = writeln!(out, "- {}", v.action);
            } else {
                let _ = writeln!(out, "- {} \u{2014} {}", v.action, v.detail);
            }
        };
        if !denied.is_empty() {
            let _ = writeln!(
                out,
                "\nDenied ({}). An explicit Deny wins: adding an Allow cannot help. Remove or narrow the statement named.",
                denied.len()
            );
            denied.iter().for_each(|v| line(&mut out, v));
        }
        if !missing.is_empty() {
            let _ = writeln!(out, "\nMissing ({}):", missing.len());
            missing.iter().for_each(|v| line(&mut out, v));
            let _ = writeln!(
                out,
                "\nAdd this to the policy's \"Statement\" array (with a comma after the statement before it):"
            );
            for statement in &self.add {
                let _ = writeln!(out, "{statement}");
            }
        }
        if !limited.is_empty() {
            let _ = writeln!(out, "\nGranted only in part ({}):", limited.len());
            limited.iter().for_each(|v| line(&mut out, v));
        }
        if !granted.is_empty() {
            let _ = writeln!(out, "\nGranted ({}):", granted.len());
            granted.iter().for_each(|v| line(&mut out, v));
        }
        let _ = writeln!(
            out,
            "\nGranted means: every AWS action the guide's action stands for (ec2:Describe* stands for \
             every ec2 Describe action) is allowed on every resource of your account it acts on, in \
             your partition, under any condition, and no Deny applies. An action that acts on no \
             particular resource needs \"Resource\": \"*\"."
        );
        out.truncate(out.trim_end().len());
        out
    }
}

/// The guide's statements cut down to the missing actions, each pretty-printed.
fn statements_to_add(missing: &[&str], guide: &PolicyDocument<'_>) -> Vec<String> {
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
                .filter(|a| missing.contains(a))
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

/// How many checks this thread has run (see [`RUNS`]).
#[cfg(test)]
pub(crate) fn runs() -> usize {
    RUNS.with(std::cell::Cell::get)
}
