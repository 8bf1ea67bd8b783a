//! Why an input is not valid: one variant per rule, each naming the field, the rule and what was wrong.

use crate::input_key::InputKey;
use crate::rules::Rule;
use std::fmt;

/// What kind of IAM document a statement list is: who may assume a role, or what may be done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PolicyKind {
    /// A role's trust relationship: its statements name a `Principal`.
    Trust,
    /// An identity (permissions) policy: its statements have a `Resource` and no `Principal`.
    Permissions,
}

/// A failed input rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// A value the guide cannot do without was left empty.
    Missing { key: InputKey },
    /// An account ID holds something other than digits (after the console's dashes are removed).
    AccountIdNotDigit {
        key: InputKey,
        found: char,
        position: usize,
    },
    /// An account ID without exactly 12 digits.
    AccountIdLength { key: InputKey, digits: usize },
    /// A name or external ID holds a character AWS does not allow there.
    CharacterNotAllowed {
        key: InputKey,
        found: char,
        position: usize,
    },
    /// Fewer characters than AWS's minimum.
    TooShort {
        key: InputKey,
        min: usize,
        length: usize,
    },
    /// More characters than AWS's maximum.
    TooLong {
        key: InputKey,
        max: usize,
        length: usize,
    },
    /// A partition other than `aws`, `aws-cn` or `aws-us-gov`.
    UnknownPartition { found: String },
    /// A pasted policy that is not JSON: where the parser stopped and what it expected there.
    InvalidJson {
        key: InputKey,
        line: usize,
        column: usize,
        problem: String,
    },
    /// Pasted JSON that is not an IAM policy (no `Statement`, a statement without `Effect`, …).
    NotAPolicy { key: InputKey, problem: String },
    /// A trust policy pasted where a permissions policy belongs, or the reverse.
    WrongDocument { key: InputKey, found: PolicyKind },
    /// The hardened switch set to something other than true or false.
    NotASwitch { found: String },
    /// A pasted policy longer than any policy IAM accepts, with headroom (full build only: the
    /// small one reads no paste).
    #[cfg(feature = "full")]
    PasteTooLarge {
        key: InputKey,
        max: usize,
        length: usize,
    },
    /// A pasted policy nesting arrays and objects deeper than any IAM policy does, with headroom.
    #[cfg(feature = "full")]
    PasteTooDeep {
        key: InputKey,
        max: usize,
        line: usize,
    },
}

impl InputError {
    /// The input the error is about.
    pub fn key(&self) -> InputKey {
        match self {
            InputError::Missing { key }
            | InputError::AccountIdNotDigit { key, .. }
            | InputError::AccountIdLength { key, .. }
            | InputError::CharacterNotAllowed { key, .. }
            | InputError::TooShort { key, .. }
            | InputError::TooLong { key, .. }
            | InputError::InvalidJson { key, .. }
            | InputError::NotAPolicy { key, .. }
            | InputError::WrongDocument { key, .. } => *key,
            #[cfg(feature = "full")]
            InputError::PasteTooLarge { key, .. } | InputError::PasteTooDeep { key, .. } => *key,
            InputError::UnknownPartition { .. } => InputKey::Partition,
            InputError::NotASwitch { .. } => InputKey::Hardened,
        }
    }

    /// A stable machine-readable name of the rule that failed.
    pub fn code(&self) -> &'static str {
        match self {
            InputError::Missing { .. } => "missing",
            InputError::AccountIdNotDigit { .. } => "account-id-not-digit",
            InputError::AccountIdLength { .. } => "account-id-length",
            InputError::CharacterNotAllowed { .. } => "character-not-allowed",
            InputError::TooShort { .. } => "too-short",
            InputError::TooLong { .. } => "too-long",
            InputError::UnknownPartition { .. } => "unknown-partition",
            InputError::InvalidJson { .. } => "invalid-json",
            InputError::NotAPolicy { .. } => "not-a-policy",
            InputError::WrongDocument { .. } => "wrong-document",
            InputError::NotASwitch { .. } => "not-a-switch",
            #[cfg(feature = "full")]
            InputError::PasteTooLarge { .. } => "paste-too-large",
            #[cfg(feature = "full")]
            InputError::PasteTooDeep { .. } => "paste-too-deep",
        }
    }
}

/// Names a character so that it can be read in a message, even when it is invisible.
struct Shown(char);

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            ' ' => f.write_str("a space"),
            '\t' => f.write_str("a tab"),
            '\n' | '\r' => f.write_str("a line break"),
            c if c.is_control() || c.is_whitespace() => {
                write!(f, "the invisible character U+{:04X}", c as u32)
            }
            c if c.is_ascii() => write!(f, "\u{201c}{c}\u{201d}"),
            c => write!(f, "\u{201c}{c}\u{201d} (U+{:04X}, not ASCII)", c as u32),
        }
    }
}

/// A typed value as a message shows it: in quotes when it is short, printable ASCII (a partition,
/// a switch); otherwise not repeated, so that no value can start a line of its own. (Pasted
/// policies, in the full build, are quoted with escapes by `grammar::quoted`.)
fn shown_value(value: &str) -> String {
    if value.len() <= 40 && value.bytes().all(|b| b == b' ' || b.is_ascii_graphic()) {
        format!("\u{201c}{value}\u{201d}")
    } else {
        "the value given".to_owned()
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A count with thousands separated, as IAM's quotas are written ("10,240").
#[cfg(feature = "full")]
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

fn allowed(key: InputKey) -> String {
    let mut list = String::from("letters A\u{2013}Z and a\u{2013}z, digits and");
    if let Rule::Characters { punctuation, .. } = key.rule() {
        for c in punctuation.chars() {
            list.push(' ');
            list.push(c);
        }
    }
    list
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Missing { key } => match key.rule() {
                Rule::Characters { min, max, .. } => write!(
                    f,
                    "{} is required: enter your Shippable account ID ({min} to {max} characters).",
                    key.label()
                ),
                _ => write!(f, "{} is required: enter its 12 digits.", key.label()),
            },
            InputError::AccountIdNotDigit { key, found, position } => write!(
                f,
                "{}: an AWS account ID has only digits (dashes and spaces are ignored); \
                 character {position} is {}.",
                key.label(),
                Shown(*found)
            ),
            InputError::AccountIdLength { key, digits } => write!(
                f,
                "{}: an AWS account ID has 12 digits; this has {}.",
                key.label(),
                digits
            ),
            InputError::CharacterNotAllowed { key, found, position } => write!(
                f,
                "{} may contain only {}; character {position} is {}.",
                key.label(),
                allowed(*key),
                Shown(*found)
            ),
            InputError::TooShort { key, min, length } => write!(
                f,
                "{} must be at least {}; this has {}.",
                key.label(),
                plural(*min, "character", "characters"),
                length
            ),
            InputError::TooLong { key, max, length } => write!(
                f,
                "{} must be at most {}; this has {}.",
                key.label(),
                plural(*max, "character", "characters"),
                length
            ),
            InputError::UnknownPartition { found } => write!(
                f,
                "Partition must be aws, aws-cn or aws-us-gov; {} is none of them.",
                shown_value(found)
            ),
            InputError::InvalidJson {
                key,
                line,
                column,
                problem,
            } => write!(
                f,
                "{} is not valid JSON: at line {line}, column {column}, {problem}.",
                key.label()
            ),
            InputError::NotAPolicy { key, problem } => {
                write!(f, "{} is not an IAM policy: {problem}.", key.label())
            }
            InputError::WrongDocument { key, found } => match found {
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
            InputError::NotASwitch { found } => write!(
                f,
                "{} must be true or false; {} is neither.",
                InputKey::Hardened.label(),
                shown_value(found)
            ),
            #[cfg(feature = "full")]
            InputError::PasteTooLarge { key, max, length } => write!(
                f,
                "{}: a pasted policy may be at most {} characters (IAM\u{2019}s largest policy \
                 quota is 10,240); this has {}.",
                key.label(),
                thousands(*max),
                thousands(*length)
            ),
            #[cfg(feature = "full")]
            InputError::PasteTooDeep { key, max, line } => write!(
                f,
                "{}: a pasted policy may nest arrays and objects at most {max} deep (an IAM policy \
                 nests 6: Statement, statement, Condition, operator, key, values); line {line} \
                 goes deeper.",
                key.label()
            ),
        }
    }
}

impl std::error::Error for InputError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_value_cannot_start_a_line() {
        let message = InputError::UnknownPartition {
            found: "mars\nAll clear".into(),
        }
        .to_string();
        assert_eq!(
            message,
            "Partition must be aws, aws-cn or aws-us-gov; the value given is none of them."
        );
    }
}
