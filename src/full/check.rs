//! Checking a policy the reader already has against the guide's actions as IAM evaluates it: every
//! real action each guide action stands for, on the reader's own resources, under each condition.

use crate::documents::{to_pretty_json, Action, PolicyDocument};
use crate::full::actions::{covers, expand, glob_matches, intersects, RealAction};
use crate::full::conditions::{reading, Truth};
use crate::full::grammar::statement_name;
use crate::full::policy::{strings, PastedPolicy};
use serde::Serialize;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt::Write as _;

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

/// How much of an action's resources a statement's `Resource` or `NotResource` reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reach {
    All,
    Some,
    None,
}

/// An ARN template of the reference with the partition and account filled in; every other part
/// (region, names) stands for any value (`*`).
fn fill(template: &str, scope: Scope<'_>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find('}')
            .map_or(rest.len(), |e| start + e + 1);
        out.push_str(match &rest[start..end] {
            "${Partition}" => scope.partition,
            "${Account}" => scope.account.unwrap_or("*"),
            _ => "*",
        });
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// An ARN pattern compared with a resource's filled template segment by segment, as IAM compares
/// ARNs (a wildcard does not reach past a `:` into the next segment; the last segment of the
/// pattern takes in the rest). `all`: every ARN of the template matches; otherwise `some`.
fn arn_match(pattern: &str, target: &str, all: bool) -> bool {
    if pattern.chars().all(|c| c == '*') && !pattern.is_empty() {
        return true;
    }
    let parts: Vec<&str> = pattern.splitn(6, ':').collect();
    let mut rest = target;
    for (n, part) in parts.iter().enumerate() {
        let segment = if n + 1 == parts.len() {
            std::mem::take(&mut rest)
        } else {
            match rest.split_once(':') {
                Some((segment, after)) => {
                    rest = after;
                    segment
                }
                None => return false,
            }
        };
        let ok = if all {
            covers(part, segment, false)
        } else {
            intersects(part, segment)
        };
        if !ok {
            return false;
        }
    }
    true
}

fn resource_reach(statement: &Map<String, Value>, action: &RealAction, scope: Scope<'_>) -> Reach {
    let (not, patterns) = match statement.get("NotResource") {
        Some(value) => (true, strings(Some(value))),
        None => (false, strings(statement.get("Resource"))),
    };
    // Per resource a request names: (every one of them matched, some of them matched).
    let per_target: Vec<(bool, bool)> = if action.resource_templates().next().is_none() {
        // The request's resource is "*" itself: a pattern matches it or not.
        let hit = patterns.iter().any(|p| glob_matches(p, "*", false));
        vec![(hit, hit)]
    } else {
        action
            .resource_templates()
            .map(|t| {
                let target = fill(t, scope);
                let all = patterns.iter().any(|p| arn_match(p, &target, true));
                let some = all || patterns.iter().any(|p| arn_match(p, &target, false));
                (all, some)
            })
            .collect()
    };
    // NotResource reaches what no pattern matches.
    let per_target = per_target
        .into_iter()
        .map(|(all, some)| if not { (!some, !all) } else { (all, some) });
    let (mut every, mut any) = (true, false);
    for (all, some) in per_target {
        every &= all;
        any |= some;
    }
    match (every, any) {
        (true, _) => Reach::All,
        (false, true) => Reach::Some,
        (false, false) => Reach::None,
    }
}

fn action_applies(statement: &Map<String, Value>, action: &RealAction) -> bool {
    match statement.get("NotAction") {
        Some(not) => !strings(Some(not)).iter().any(|p| action.matched_by(p)),
        None => strings(statement.get("Action"))
            .iter()
            .any(|p| action.matched_by(p)),
    }
}

/// One statement's hold on one real action: it applies to all of the action's requests (`full`),
/// or to some (on some resources, or under its condition).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Hold {
    index: usize,
    full: bool,
    /// Limited by its `Resource` (not only by its condition).
    on_resources: bool,
}

/// How IAM decides one real action for the guide's requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    /// Every request allowed, by this statement.
    Granted(usize),
    /// Some requests allowed: `by` the allow that reaches only some, or the Deny that takes some
    /// away; `on_resources` when which requests depends on the resource.
    Limited {
        by: Hold,
        deny: bool,
        on_resources: bool,
    },
    /// No request allowed, and a Deny (`by`) explicitly denies all or some of them.
    Denied(Hold),
    /// No statement reaches it.
    Missing,
}

/// True when every resource of `action` that `allow`'s `Resource` reaches is one `deny`'s
/// `Resource` names (each pattern of the one within a pattern of the other).
fn within(
    allow: &Map<String, Value>,
    deny: &Map<String, Value>,
    action: &RealAction,
    scope: Scope<'_>,
) -> bool {
    if allow.contains_key("NotResource") || deny.contains_key("NotResource") {
        return false;
    }
    let denied = strings(deny.get("Resource"));
    let targets: Vec<String> = action
        .resource_templates()
        .map(|t| fill(t, scope))
        .collect();
    strings(allow.get("Resource")).iter().all(|p| {
        let reaches = if targets.is_empty() {
            glob_matches(p, "*", false)
        } else {
            targets.iter().any(|t| arn_match(p, t, false))
        };
        !reaches || denied.iter().any(|d| arn_match(d, p, true))
    })
}

/// True when a condition entry holds whenever all of `when` hold: it is one of them, or it asks
/// only that a key be present (`Null` false) and one of them needs that key's value.
fn implied(entry: &str, when: &[String]) -> bool {
    let key_of = |e: &str| e.split('|').nth(1).map(str::to_owned);
    when.iter().any(|w| w == entry)
        || (entry.starts_with("null|")
            && entry.ends_with("|false")
            && when.iter().any(|w| {
                let operator = w.split('|').next().unwrap_or_default();
                key_of(w) == key_of(entry)
                    && !operator.starts_with("null")
                    && !operator.contains("not")
                    && !operator.ends_with("ifexists")
                    && !operator.starts_with("forallvalues")
            }))
}

fn decide(statements: &[&Map<String, Value>], action: &RealAction, scope: Scope<'_>) -> Outcome {
    // Each statement that reaches some of the action's requests, with what its condition
    // depends on.
    let (mut allows, mut denies) = (Vec::new(), Vec::new());
    for (index, statement) in statements.iter().enumerate() {
        if !action_applies(statement, action) {
            continue;
        }
        let reach = resource_reach(statement, action, scope);
        let (condition, depends) = reading(statement.get("Condition"), action);
        if reach == Reach::None || condition == Truth::Never {
            continue;
        }
        let hold = Hold {
            index,
            full: reach == Reach::All && condition == Truth::Holds,
            on_resources: reach == Reach::Some,
        };
        if statement.get("Effect").and_then(Value::as_str) == Some("Deny") {
            if hold.full {
                // An explicit Deny wins over every Allow, whatever the order.
                return Outcome::Denied(hold);
            }
            denies.push((hold, depends));
        } else {
            allows.push((hold, depends));
        }
    }
    // An Allow is void where a Deny on all the resources holds whenever the Allow's condition
    // does (the Deny's condition entries are among the Allow's).
    allows.retain(|(allow, when)| {
        !denies
            .iter()
            .any(|(deny, deny_when): &(Hold, Vec<String>)| {
                !allow.full
                    && (!deny.on_resources
                        || within(
                            statements[allow.index],
                            statements[deny.index],
                            action,
                            scope,
                        ))
                    && deny_when.iter().all(|e| implied(e, when))
            })
    });
    let deny = denies.first().map(|(hold, _)| *hold);
    let full = allows
        .iter()
        .find(|(hold, _)| hold.full)
        .map(|(hold, _)| *hold);
    match (full, allows.first(), deny) {
        (Some(_), _, Some(deny)) => Outcome::Limited {
            by: deny,
            deny: true,
            on_resources: deny.on_resources,
        },
        (Some(allow), _, None) => Outcome::Granted(allow.index),
        (None, Some((by, _)), deny) => Outcome::Limited {
            by: *by,
            deny: false,
            // Which requests are allowed depends on the resource when an Allow reaches only some
            // resources under a condition that no Allow of every resource is sure to hold with.
            on_resources: deny.is_some_and(|d| d.on_resources)
                || allows.iter().any(|(some, some_when)| {
                    some.on_resources
                        && !allows.iter().any(|(every, every_when)| {
                            !every.on_resources && every_when.iter().all(|e| implied(e, some_when))
                        })
                }),
        },
        // Nothing allows it and a Deny takes some of it: an Allow added cannot grant it.
        (None, None, Some(deny)) => Outcome::Denied(deny),
        (None, None, None) => Outcome::Missing,
    }
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
    let statements: Vec<&Map<String, Value>> = policy.statements().collect();
    let name = |index: usize| statement_name(index, statements[index]);
    let reference = |index: usize| StatementRef {
        index,
        sid: statements[index]
            .get("Sid")
            .and_then(Value::as_str)
            .map(str::to_owned),
    };
    let verdicts: Vec<Verdict> = needed
        .iter()
        .map(|need| {
            let real = expand(need.action);
            let outcomes: Vec<(&str, Outcome)> = real
                .iter()
                .map(|a| (a.name.as_str(), decide(&statements, a, scope)))
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
