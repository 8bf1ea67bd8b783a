//! Why an input is not valid: one variant per rule, each naming the field, the rule and what was wrong.

use crate::full::paste_error::PasteError;
use crate::input_key::InputKey;
use crate::rules::Rule;
use std::fmt;

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
    /// The hardened switch set to something other than true or false.
    NotASwitch { found: String },
    /// A pasted policy that cannot be read (the full build's: the small one reads no paste).
    Pasted(PasteError),
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
            | InputError::TooLong { key, .. } => *key,
            InputError::Pasted(error) => error.key(),
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
            InputError::NotASwitch { .. } => "not-a-switch",
            InputError::Pasted(error) => error.code(),
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
            InputError::AccountIdNotDigit {
                key,
                found,
                position,
            } => write!(
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
            InputError::CharacterNotAllowed {
                key,
                found,
                position,
            } => write!(
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
            InputError::NotASwitch { found } => write!(
                f,
                "{} must be true or false; {} is neither.",
                InputKey::Hardened.label(),
                shown_value(found)
            ),
            InputError::Pasted(error) => fmt::Display::fmt(error, f),
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
