//! Why a pasted policy cannot be read: not JSON, a key given twice, not a policy, the other kind
//! of document, too large or too deep (each message naming the field, the rule and what was wrong).

use crate::full::grammar::quoted;
use crate::input_key::InputKey;
use std::fmt;

/// What kind of IAM document a statement list is: who may assume a role, or what may be done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PolicyKind {
    /// A role's trust relationship: its statements name a `Principal`.
    Trust,
    /// An identity (permissions) policy: its statements have a `Resource` and no `Principal`.
    Permissions,
}

/// A pasted policy that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteError {
    /// A pasted policy that is not JSON: where the parser stopped and what it expected there.
    InvalidJson {
        key: InputKey,
        line: usize,
        column: usize,
        problem: String,
    },
    /// An object that gives a key twice (a condition block, a key twice whatever its case), which
    /// IAM refuses: `name` as written the second time, at `line` and `column`; `earlier` as written
    /// the first time, when that differs.
    DuplicateKey {
        key: InputKey,
        name: String,
        earlier: Option<String>,
        line: usize,
        column: usize,
    },
    /// Pasted JSON that is not an IAM policy (no `Statement`, a statement without `Effect`, …).
    NotAPolicy { key: InputKey, problem: String },
    /// A trust policy pasted where a permissions policy belongs, or the reverse.
    WrongDocument { key: InputKey, found: PolicyKind },
    /// A pasted policy longer than any policy IAM accepts, with headroom.
    PasteTooLarge {
        key: InputKey,
        max: usize,
        length: usize,
    },
    /// A pasted policy nesting arrays and objects deeper than any IAM policy does, with headroom.
    PasteTooDeep {
        key: InputKey,
        max: usize,
        line: usize,
    },
}

impl PasteError {
    /// The field the policy was pasted in.
    pub fn key(&self) -> InputKey {
        match self {
            PasteError::InvalidJson { key, .. }
            | PasteError::DuplicateKey { key, .. }
            | PasteError::NotAPolicy { key, .. }
            | PasteError::WrongDocument { key, .. }
            | PasteError::PasteTooLarge { key, .. }
            | PasteError::PasteTooDeep { key, .. } => *key,
        }
    }

    /// A stable machine-readable name of the rule that failed.
    pub fn code(&self) -> &'static str {
        match self {
            PasteError::InvalidJson { .. } => "invalid-json",
            PasteError::DuplicateKey { .. } => "duplicate-key",
            PasteError::NotAPolicy { .. } => "not-a-policy",
            PasteError::WrongDocument { .. } => "wrong-document",
            PasteError::PasteTooLarge { .. } => "paste-too-large",
            PasteError::PasteTooDeep { .. } => "paste-too-deep",
        }
    }
}

/// A count with thousands separated, as IAM's quotas are written ("10,240").
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for PasteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PasteError::InvalidJson {
                key,
                line,
                column,
                problem,
            } => write!(
                f,
                "{} is not valid JSON: at line {line}, column {column}, {problem}.",
                key.label()
            ),
            PasteError::DuplicateKey {
                key,
                name,
                earlier: None,
                line,
                column,
            } => write!(
                f,
                "{}: {} is given twice in one object (again at line {line}, column {column}); IAM \
                 refuses a policy that gives a key more than once. Keep one of them.",
                key.label(),
                quoted(name)
            ),
            PasteError::DuplicateKey {
                key,
                name,
                earlier: Some(earlier),
                line,
                column,
            } => write!(
                f,
                "{}: the condition key {} at line {line}, column {column} repeats {} in the same \
                 condition block; IAM reads condition key names without regard to case and refuses \
                 a key given twice. Keep one of them.",
                key.label(),
                quoted(name),
                quoted(earlier)
            ),
            PasteError::NotAPolicy { key, problem } => {
                write!(f, "{} is not an IAM policy: {problem}.", key.label())
            }
            PasteError::WrongDocument { key, found } => match found {
                PolicyKind::Trust => write!(
                    f,
                    "{}: this is a trust policy (its statements name a Principal), not a permissions policy. \
                     Paste it into \u{201c}{}\u{201d}; here paste a policy from the Permissions tab.",
                    key.label(),
                    InputKey::ExistingTrustPolicy.label()
                ),
                PolicyKind::Permissions => write!(
                    f,
                    "{}: this is a permissions policy (its statements have a Resource and no Principal), not a trust relationship. \
                     Here paste the role\u{2019}s Trust relationships tab; check permissions in \u{201c}{}\u{201d}.",
                    key.label(),
                    InputKey::ExistingPermissionsPolicy.label()
                ),
            },
            PasteError::PasteTooLarge { key, max, length } => write!(
                f,
                "{}: a pasted policy may be at most {} characters (IAM\u{2019}s largest policy \
                 quota is 10,240); this has {}.",
                key.label(),
                thousands(*max),
                thousands(*length)
            ),
            PasteError::PasteTooDeep { key, max, line } => write!(
                f,
                "{}: a pasted policy may nest arrays and objects at most {max} deep (an IAM policy \
                 nests 6: Statement, statement, Condition, operator, key, values); line {line} \
                 goes deeper.",
                key.label()
            ),
        }
    }
}
