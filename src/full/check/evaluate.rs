//! How IAM decides one real action of the guide against the pasted statements: the resources
//! each reaches, the conditions each holds under, and what an explicit Deny takes away.
//!
//! One check decides some two hundred real actions against the same statements: a [`Memo`]
//! reads each statement's patterns once and keeps every answer that depends on an action's
//! resource templates rather than its name, so the matching is done once per paste.

use super::Scope;
use crate::full::actions::{covers, glob_matches, intersects, RealAction};
use crate::full::conditions::{reading, Truth};
use crate::full::policy::strings;
use crate::full::wildcards::{Pattern, Question, Text};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// How much of an action's resources a statement's `Resource` or `NotResource` reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

/// A statement's `Action` (false) or `NotAction` (true) patterns, read once.
fn action_patterns(statement: &Map<String, Value>) -> (bool, Vec<Pattern>) {
    let (not, value) = match statement.get("NotAction") {
        Some(not) => (true, Some(not)),
        None => (false, statement.get("Action")),
    };
    let mut patterns: Vec<&str> = strings(value);
    patterns.sort_unstable();
    patterns.dedup();
    (
        not,
        patterns.iter().map(|p| Pattern::new(p, true)).collect(),
    )
}

/// True when the statement's `Action` names the action (`NotAction`: does not name it).
fn action_applies((not, patterns): &(bool, Vec<Pattern>), name: &Text) -> bool {
    patterns.iter().any(|p| name.answer(p)) != *not
}

/// One statement's hold on one real action: it applies to all of the action's requests (`full`),
/// or to some (on some resources, or under its condition).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) struct Hold {
    pub index: usize,
    pub full: bool,
    /// Limited by its `Resource` (not only by its condition).
    pub on_resources: bool,
}

/// How IAM decides one real action for the guide's requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Outcome {
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

impl Memo<'_> {
    /// True when every resource of `action` that the Allow `allow`'s `Resource` reaches is one
    /// the Deny `deny`'s `Resource` names (each pattern of the one within a pattern of the
    /// other). Which of the Allow's patterns reach is kept per templates, which the Deny covers
    /// per pair of statements: each is decided once per paste.
    fn within(&mut self, allow: usize, deny: usize, class: usize, action: &RealAction) -> bool {
        let (a, d) = (self.statements[allow], self.statements[deny]);
        if a.contains_key("NotResource") || d.contains_key("NotResource") {
            return false;
        }
        let scope = self.scope;
        let reaches = self.reaches.entry((allow, class)).or_insert_with(|| {
            let targets: Vec<String> = action
                .resource_templates()
                .map(|t| fill(t, scope))
                .collect();
            strings(a.get("Resource"))
                .iter()
                .map(|p| {
                    if targets.is_empty() {
                        glob_matches(p, "*", false)
                    } else {
                        targets.iter().any(|t| arn_match(p, t, false))
                    }
                })
                .collect()
        });
        let reaches = reaches.clone();
        let allowed = strings(a.get("Resource"));
        let covered = self
            .covered
            .entry((allow, deny))
            .or_insert_with(|| vec![None; allowed.len()]);
        reaches
            .iter()
            .zip(covered.iter_mut())
            .zip(&allowed)
            .all(|((reached, covered), p)| {
                !reached
                    || *covered.get_or_insert_with(|| {
                        strings(d.get("Resource"))
                            .iter()
                            .any(|x| arn_match(x, p, true))
                    })
            })
    }
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

/// What one check keeps between the real actions it decides (see the module's comment).
pub(super) struct Memo<'a> {
    statements: &'a [&'a Map<String, Value>],
    scope: Scope<'a>,
    /// Each statement's action patterns.
    actions: Vec<(bool, Vec<Pattern>)>,
    /// The distinct lists of resource templates met so far, each with its number.
    templates: HashMap<Vec<&'static str>, usize>,
    /// By templates' number, then statement: the statement's reach.
    reach: Vec<Vec<Option<Reach>>>,
    /// By (allow, templates' number): which of the Allow's resource patterns reach them.
    reaches: HashMap<(usize, usize), Vec<bool>>,
    /// By (allow, deny): which of the Allow's resource patterns the Deny's cover (each decided
    /// when first asked).
    covered: HashMap<(usize, usize), Vec<Option<bool>>>,
    /// By templates' number and what each statement does for an action: its outcome.
    decided: HashMap<(usize, Vec<Held>), Outcome>,
}

/// What one statement does for one action: its hold, whether a Deny, and what its condition
/// depends on.
type Held = (Hold, bool, Vec<String>);

impl<'a> Memo<'a> {
    pub(super) fn new(statements: &'a [&'a Map<String, Value>], scope: Scope<'a>) -> Memo<'a> {
        Memo {
            statements,
            scope,
            actions: statements.iter().map(|s| action_patterns(s)).collect(),
            templates: HashMap::new(),
            reach: Vec::new(),
            reaches: HashMap::new(),
            covered: HashMap::new(),
            decided: HashMap::new(),
        }
    }
}

pub(super) fn decide(memo: &mut Memo<'_>, action: &RealAction) -> Outcome {
    let (statements, scope) = (memo.statements, memo.scope);
    let templates: Vec<&'static str> = action.resource_templates().collect();
    let known = memo.templates.len();
    let class = *memo.templates.entry(templates).or_insert(known);
    if class == memo.reach.len() {
        memo.reach.push(vec![None; statements.len()]);
    }
    let name = Text::new(&action.name, Question::Matches, true);
    // Each statement that reaches some of the action's requests, with what its condition
    // depends on.
    let mut held: Vec<Held> = Vec::new();
    for (index, statement) in statements.iter().enumerate() {
        if !action_applies(&memo.actions[index], &name) {
            continue;
        }
        let reach = *memo.reach[class][index]
            .get_or_insert_with(|| resource_reach(statement, action, scope));
        if reach == Reach::None {
            continue;
        }
        let (condition, depends) = reading(statement.get("Condition"), action);
        if condition == Truth::Never {
            continue;
        }
        let hold = Hold {
            index,
            full: reach == Reach::All && condition == Truth::Holds,
            on_resources: reach == Reach::Some,
        };
        let deny = statement.get("Effect").and_then(Value::as_str) == Some("Deny");
        if deny && hold.full {
            // An explicit Deny wins over every Allow, whatever the order.
            return Outcome::Denied(hold);
        }
        held.push((hold, deny, depends));
    }
    let key = (class, held);
    if let Some(outcome) = memo.decided.get(&key) {
        return *outcome;
    }
    let outcome = weigh(memo, &key.1, class, action);
    memo.decided.insert(key, outcome);
    outcome
}

/// The outcome of the statements that hold for an action (none of them a Deny of all of it).
fn weigh(memo: &mut Memo<'_>, held: &[Held], class: usize, action: &RealAction) -> Outcome {
    let (mut allows, mut denies) = (Vec::new(), Vec::new());
    for (hold, deny, depends) in held {
        if *deny {
            denies.push((*hold, depends));
        } else {
            allows.push((*hold, depends));
        }
    }
    // An Allow is void where a Deny on all the resources holds whenever the Allow's condition
    // does (the Deny's condition entries are among the Allow's).
    allows.retain(|(allow, when)| {
        allow.full
            || !denies.iter().any(|(deny, deny_when)| {
                deny_when.iter().all(|e| implied(e, when))
                    && (!deny.on_resources || memo.within(allow.index, deny.index, class, action))
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
