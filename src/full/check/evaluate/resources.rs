//! Which of an action's resources a statement's `Resource` or `NotResource` reaches, as IAM
//! compares ARNs: each pasted pattern read once per paste, each of the action's resource
//! templates filled in and read once per check.

use super::{Memo, Read};
use crate::full::actions::{covers, glob_matches, intersects};
use crate::full::check::Scope;
use crate::full::wildcards::{Pattern, Question, Text};

/// How much of an action's resources a statement's `Resource` or `NotResource` reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Reach {
    All,
    Some,
    None,
}

/// An ARN template of the reference with the partition and account filled in; every other part
/// (region, names) stands for any value (`*`).
pub(super) fn fill(template: &str, scope: Scope<'_>) -> String {
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

/// A pasted ARN pattern, read once: its segments as [`arn_match`] splits it.
pub(super) struct ArnPattern {
    /// Nothing but `*`: it matches every resource.
    any: bool,
    parts: Vec<Part>,
}

/// One segment of a pasted ARN pattern.
enum Part {
    /// Nothing but `*`: every segment.
    Any,
    /// No wildcard: the segment with no wildcard that is equal to it, or any other as read.
    Plain(String, Pattern),
    Glob(Pattern),
}

impl ArnPattern {
    pub(super) fn new(pattern: &str) -> ArnPattern {
        ArnPattern {
            any: !pattern.is_empty() && pattern.chars().all(|c| c == '*'),
            parts: pattern
                .splitn(6, ':')
                .map(|part| {
                    if !part.is_empty() && part.chars().all(|c| c == '*') {
                        Part::Any
                    } else if part.contains(['*', '?']) {
                        Part::Glob(Pattern::new(part, false))
                    } else {
                        Part::Plain(part.to_owned(), Pattern::new(part, false))
                    }
                })
                .collect(),
        }
    }
}

/// A filled resource template, its segments read (for covering, for intersecting) for each number
/// of segments a pattern has (`None` when it has fewer `:`), each when first asked.
pub(super) struct Target {
    filled: String,
    splits: [Option<Option<Vec<Segment>>>; 6],
}

impl Target {
    pub(super) fn new(filled: String) -> Target {
        Target {
            filled,
            splits: Default::default(),
        }
    }

    fn split(&mut self, parts: usize) -> Option<&[Segment]> {
        let filled = &self.filled;
        self.splits[parts - 1]
            .get_or_insert_with(|| {
                let mut rest = filled.as_str();
                let mut out = Vec::with_capacity(parts);
                for n in 0..parts {
                    let segment = if n + 1 == parts {
                        std::mem::take(&mut rest)
                    } else {
                        let (segment, after) = rest.split_once(':')?;
                        rest = after;
                        segment
                    };
                    out.push(Segment {
                        plain: (!segment.contains(['*', '?'])).then(|| segment.to_owned()),
                        covering: Text::new(segment, Question::Covers, false),
                        meeting: Text::new(segment, Question::Intersects, false),
                    });
                }
                Some(out)
            })
            .as_deref()
    }
}

/// One segment of a filled template: as written when it holds no wildcard, and read for each
/// question.
struct Segment {
    plain: Option<String>,
    covering: Text,
    meeting: Text,
}

/// [`arn_match`] for a pattern and a template read once.
fn arn_matches(pattern: &ArnPattern, target: &mut Target, all: bool) -> bool {
    if pattern.any {
        return true;
    }
    let Some(segments) = target.split(pattern.parts.len()) else {
        return false;
    };
    pattern.parts.iter().zip(segments).all(|(part, segment)| {
        let pattern = match (part, &segment.plain) {
            (Part::Any, _) => return true,
            // Two texts without wildcards: each question asks whether they are equal.
            (Part::Plain(text, _), Some(plain)) => return text == plain,
            (Part::Plain(_, pattern) | Part::Glob(pattern), _) => pattern,
        };
        if all {
            segment.covering.answer(pattern)
        } else {
            segment.meeting.answer(pattern)
        }
    })
}

/// How much of the resources of an action (its templates, `targets`; none when its resource is
/// `*`) the statement `read` reaches.
pub(super) fn resource_reach(read: &Read<'_>, targets: &mut [Target]) -> Reach {
    let (not, patterns) = (read.not_resource, &read.reach);
    // Per resource a request names: (every one of them matched, some of them matched).
    let per_target: Vec<(bool, bool)> = if targets.is_empty() {
        // The request's resource is "*" itself: a pattern matches it or not.
        let hit = read.reach_text.iter().any(|p| glob_matches(p, "*", false));
        vec![(hit, hit)]
    } else {
        targets
            .iter_mut()
            .map(|target| {
                let all = patterns.iter().any(|p| arn_matches(p, target, true));
                let some = all || patterns.iter().any(|p| arn_matches(p, target, false));
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

impl Memo<'_> {
    /// True when every resource of `action` that the Allow `allow`'s `Resource` reaches is one
    /// the Deny `deny`'s `Resource` names (each pattern of the one within a pattern of the
    /// other). Which of the Allow's patterns reach is kept per templates, which the Deny covers
    /// per pair of statements: each is decided once per paste.
    pub(super) fn within(&mut self, allow: usize, deny: usize, class: usize) -> bool {
        let (a, d) = (&self.read[allow], &self.read[deny]);
        if a.not_resource || d.not_resource {
            return false;
        }
        let targets = &mut self.targets[class];
        let reaches = self.reaches.entry((allow, class)).or_insert_with(|| {
            a.resources
                .iter()
                .zip(&a.reach)
                .map(|(text, p)| {
                    if targets.is_empty() {
                        glob_matches(text, "*", false)
                    } else {
                        targets.iter_mut().any(|t| arn_matches(p, t, false))
                    }
                })
                .collect()
        });
        let covered = self
            .covered
            .entry((allow, deny))
            .or_insert_with(|| vec![None; a.resources.len()]);
        reaches
            .iter()
            .zip(covered.iter_mut())
            .zip(&a.resources)
            .all(|((reached, covered), p)| {
                !reached
                    || *covered
                        .get_or_insert_with(|| d.resources.iter().any(|x| arn_match(x, p, true)))
            })
    }
}
