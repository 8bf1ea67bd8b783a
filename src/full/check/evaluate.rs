//! How IAM decides one real action of the guide against the pasted statements: the resources
//! each reaches, the conditions each holds under, and what an explicit Deny takes away.
//!
//! One check decides some two hundred real actions against the same statements: a [`Memo`]
//! reads each statement's patterns once and keeps every answer that depends on an action's
//! resource templates rather than its name, so the matching is done once per paste.

use super::Scope;
use crate::full::actions::RealAction;
use crate::full::conditions::{Condition, Truth};
use crate::full::policy::strings;
use crate::full::wildcards::{Pattern, Question, Text};
use serde_json::{Map, Value};
use std::collections::HashMap;

mod resources;

use resources::{fill, resource_reach, ArnPattern, Reach, Target};

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

/// What the test of one condition entry needs to know of it, from its name (see [`implied`]).
struct Fact {
    /// Its key, lowercase.
    key: Option<String>,
    /// It asks only that its key be present (`Null` false).
    present: bool,
    /// It needs its key's value (not `Null`, negated, `…IfExists` or `ForAllValues`).
    valued: bool,
}

impl Fact {
    fn new(name: &str) -> Fact {
        let operator = name.split('|').next().unwrap_or_default();
        Fact {
            key: name.split('|').nth(1).map(str::to_owned),
            present: name.starts_with("null|") && name.ends_with("|false"),
            valued: !operator.starts_with("null")
                && !operator.contains("not")
                && !operator.ends_with("ifexists")
                && !operator.starts_with("forallvalues"),
        }
    }
}

/// True when a condition entry holds whenever all of `when` (sorted) hold: it is one of them, or
/// it asks only that a key be present (`Null` false) and one of them needs that key's value.
fn implied(facts: &[Fact], entry: u32, when: &[u32]) -> bool {
    let fact = &facts[entry as usize];
    when.binary_search(&entry).is_ok()
        || (fact.present
            && when.iter().any(|w| {
                let other = &facts[*w as usize];
                other.key == fact.key && other.valued
            }))
}

/// One pasted statement, read once per check.
struct Read<'a> {
    deny: bool,
    /// Its action patterns.
    actions: (bool, Vec<Pattern>),
    /// Whether it applies to every action, when one of its patterns is nothing but `*` (it
    /// names every action).
    every: Option<bool>,
    not_resource: bool,
    /// Its `Resource` patterns.
    resources: Vec<&'a str>,
    /// Its `NotResource` patterns if it has them, else its `Resource` patterns: as written, and read.
    reach_text: Vec<&'a str>,
    reach: Vec<ArnPattern>,
    condition: Condition,
    /// Its condition's reading (the numbers of the entries it depends on, sorted) when it is the
    /// same for every action.
    fixed: Option<(Truth, Vec<u32>)>,
    /// By position in the condition: the number of the entry's name (see [`Memo::facts`]).
    entries: Vec<u32>,
}

/// What one check keeps between the real actions it decides (see the module's comment).
pub(super) struct Memo<'a> {
    statements: &'a [&'a Map<String, Value>],
    scope: Scope<'a>,
    /// Each statement, read.
    read: Vec<Read<'a>>,
    /// By number, each distinct condition entry's name, read.
    facts: Vec<Fact>,
    /// The distinct lists of resource templates met so far, each with its number.
    templates: HashMap<Vec<&'static str>, usize>,
    /// By templates' number, then statement: the statement's reach.
    reach: Vec<Vec<Option<Reach>>>,
    /// By templates' number: the templates, filled in and read.
    targets: Vec<Vec<Target>>,
    /// By (allow, templates' number): which of the Allow's resource patterns reach them.
    reaches: HashMap<(usize, usize), Vec<bool>>,
    /// By (allow, deny): which of the Allow's resource patterns the Deny's cover (each decided
    /// when first asked).
    covered: HashMap<(usize, usize), Vec<Option<bool>>>,
    /// By templates' number and what each statement does for an action: its outcome.
    decided: HashMap<(usize, Vec<Held>), Outcome>,
}

/// What one statement does for one action: its hold, whether a Deny, and what its condition
/// depends on (the numbers of its entries, sorted).
type Held = (Hold, bool, Vec<u32>);

impl<'a> Memo<'a> {
    pub(super) fn new(statements: &'a [&'a Map<String, Value>], scope: Scope<'a>) -> Memo<'a> {
        let mut names: HashMap<String, u32> = HashMap::new();
        let mut facts = Vec::new();
        let read = statements
            .iter()
            .map(|statement| {
                let condition = Condition::parse(statement.get("Condition"));
                let entries = condition
                    .entries()
                    .iter()
                    .map(|e| {
                        *names.entry(e.name.clone()).or_insert_with(|| {
                            facts.push(Fact::new(&e.name));
                            facts.len() as u32 - 1
                        })
                    })
                    .collect::<Vec<u32>>();
                let fixed = condition
                    .fixed()
                    .map(|(truth, depends)| (truth, numbers(&entries, depends)));
                let reach_text = match statement.get("NotResource") {
                    Some(value) => strings(Some(value)),
                    None => strings(statement.get("Resource")),
                };
                let every = match statement.get("NotAction") {
                    Some(value) => (true, strings(Some(value))),
                    None => (false, strings(statement.get("Action"))),
                };
                let every = every
                    .1
                    .iter()
                    .any(|p| !p.is_empty() && p.chars().all(|c| c == '*'))
                    .then_some(!every.0);
                Read {
                    every,
                    reach: reach_text.iter().map(|p| ArnPattern::new(p)).collect(),
                    reach_text,
                    deny: statement.get("Effect").and_then(Value::as_str) == Some("Deny"),
                    actions: action_patterns(statement),
                    not_resource: statement.contains_key("NotResource"),
                    resources: strings(statement.get("Resource")),
                    condition,
                    fixed,
                    entries,
                }
            })
            .collect();
        Memo {
            statements,
            scope,
            read,
            facts,
            templates: HashMap::new(),
            reach: Vec::new(),
            targets: Vec::new(),
            reaches: HashMap::new(),
            covered: HashMap::new(),
            decided: HashMap::new(),
        }
    }
}

/// The numbers (sorted, once each) of the entries at `positions` of a condition numbered `entries`.
fn numbers(entries: &[u32], positions: Vec<usize>) -> Vec<u32> {
    let mut numbers: Vec<u32> = positions.into_iter().map(|n| entries[n]).collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

pub(super) fn decide(memo: &mut Memo<'_>, action: &RealAction) -> Outcome {
    let (statements, scope) = (memo.statements, memo.scope);
    let templates: Vec<&'static str> = action.resource_templates().collect();
    let known = memo.templates.len();
    let class = *memo.templates.entry(templates).or_insert(known);
    if class == memo.reach.len() {
        memo.reach.push(vec![None; statements.len()]);
        memo.targets.push(
            action
                .resource_templates()
                .map(|t| Target::new(fill(t, scope)))
                .collect(),
        );
    }
    let name = Text::new(&action.name, Question::Matches, true);
    // Each statement that reaches some of the action's requests, with what its condition
    // depends on.
    let mut held: Vec<Held> = Vec::new();
    for index in 0..statements.len() {
        let read = &memo.read[index];
        if !read
            .every
            .unwrap_or_else(|| action_applies(&read.actions, &name))
        {
            continue;
        }
        let targets = &mut memo.targets[class];
        let reach = *memo.reach[class][index].get_or_insert_with(|| resource_reach(read, targets));
        if reach == Reach::None {
            continue;
        }
        let read = &memo.read[index];
        let (condition, depends) = match &read.fixed {
            Some((truth, depends)) => (*truth, depends.clone()),
            None => {
                let (truth, depends) = read.condition.reading(action);
                (truth, numbers(&read.entries, depends))
            }
        };
        if condition == Truth::Never {
            continue;
        }
        let hold = Hold {
            index,
            full: reach == Reach::All && condition == Truth::Holds,
            on_resources: reach == Reach::Some,
        };
        let deny = read.deny;
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
    let outcome = weigh(memo, &key.1, class);
    memo.decided.insert(key, outcome);
    outcome
}

/// True when a Deny voids the Allow `allow` (of condition `when`): a Deny on all the resources
/// the Allow reaches that holds whenever the Allow's condition does (the Deny's condition entries
/// are among the Allow's). An Allow of all of an action's requests is never void.
fn voided(
    memo: &mut Memo<'_>,
    denies: &[(Hold, &Vec<u32>)],
    (allow, when): (Hold, &[u32]),
    class: usize,
) -> bool {
    !allow.full
        && denies.iter().any(|(deny, deny_when)| {
            deny_when.iter().all(|e| implied(&memo.facts, *e, when))
                && (!deny.on_resources || memo.within(allow.index, deny.index, class))
        })
}

/// The outcome of the statements that hold for an action (none of them a Deny of all of it).
/// Which Allows a Deny voids is decided only as far as the outcome needs it.
fn weigh(memo: &mut Memo<'_>, held: &[Held], class: usize) -> Outcome {
    let (mut allows, mut denies) = (Vec::new(), Vec::new());
    for (hold, deny, depends) in held {
        if *deny {
            denies.push((*hold, depends));
        } else {
            allows.push((*hold, depends));
        }
    }
    let deny = denies.first().map(|(hold, _)| *hold);
    // An Allow of all the requests is never void: the first of them decides.
    if let Some((allow, _)) = allows.iter().find(|(hold, _)| hold.full) {
        return match deny {
            Some(deny) => Outcome::Limited {
                by: deny,
                deny: true,
                on_resources: deny.on_resources,
            },
            None => Outcome::Granted(allow.index),
        };
    }
    let mut first = None;
    for (n, (allow, when)) in allows.iter().enumerate() {
        if !voided(memo, &denies, (*allow, when), class) {
            first = Some(n);
            break;
        }
    }
    let Some(first) = first else {
        return match deny {
            // Nothing allows it and a Deny takes some of it: an Allow added cannot grant it.
            Some(deny) => Outcome::Denied(deny),
            None => Outcome::Missing,
        };
    };
    let by = allows[first].0;
    // Which requests are allowed depends on the resource when an Allow reaches only some
    // resources under a condition that no Allow of every resource is sure to hold with.
    let on_resources = deny.is_some_and(|d| d.on_resources) || {
        let mut kept = vec![allows[first]];
        for (allow, when) in &allows[first + 1..] {
            if !voided(memo, &denies, (*allow, when), class) {
                kept.push((*allow, when));
            }
        }
        let facts = &memo.facts;
        kept.iter().any(|(some, some_when)| {
            some.on_resources
                && !kept.iter().any(|(every, every_when)| {
                    !every.on_resources && every_when.iter().all(|e| implied(facts, *e, some_when))
                })
        })
    };
    Outcome::Limited {
        by,
        deny: false,
        on_resources,
    }
}
