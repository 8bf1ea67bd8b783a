//! The reader's inputs: the guide's keys, normalised and checked by AWS's own rules, plus the
//! policies the reader pastes to merge or check and the "hardened" switch.

use crate::errors::InputError;
pub use crate::input_key::InputKey;
pub use crate::rules::{Rule, EXTERNAL_ID_PUNCTUATION, NAME_PUNCTUATION};

/// An AWS partition: the second field of every ARN.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Partition {
    Aws,
    AwsCn,
    AwsUsGov,
}

impl Partition {
    /// Every partition, as AWS names it.
    pub const ALL: [Partition; 3] = [Partition::Aws, Partition::AwsCn, Partition::AwsUsGov];

    /// The partition as it appears in an ARN.
    pub const fn as_str(self) -> &'static str {
        match self {
            Partition::Aws => "aws",
            Partition::AwsCn => "aws-cn",
            Partition::AwsUsGov => "aws-us-gov",
        }
    }
}

/// What the reader typed, one raw string per key; missing keys count as empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawInputs {
    values: [String; InputKey::ALL.len()],
}

impl RawInputs {
    /// No values typed yet.
    pub fn new() -> RawInputs {
        RawInputs::default()
    }

    /// Sets one input's raw text.
    pub fn set(&mut self, key: InputKey, value: impl Into<String>) -> &mut RawInputs {
        self.values[key.index()] = value.into();
        self
    }

    /// Builder form of [`RawInputs::set`].
    pub fn with(mut self, key: InputKey, value: impl Into<String>) -> RawInputs {
        self.set(key, value);
        self
    }

    /// The raw text of one input.
    pub fn get(&self, key: InputKey) -> &str {
        &self.values[key.index()]
    }
}

/// One input after normalisation: its value when valid, else why not.
pub type Checked = Result<String, InputError>;

/// Normalises and checks one input by AWS's rule for it.
///
/// Surrounding whitespace is dropped everywhere; account IDs also lose the dashes and spaces of
/// the console's `1234-5678-9012` form. An empty field takes its default, when it has one. A
/// pasted policy is kept as text: the full build reads it once per update (`full::Pasted::read`;
/// `guide::check_input` checks one input as `generate` does).
pub fn check(key: InputKey, raw: &str) -> Checked {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return match key.default_value() {
            Some(default) => Ok(default.to_owned()),
            None => Err(InputError::Missing { key }),
        };
    }
    match key.rule() {
        Rule::AccountId => check_account_id(key, trimmed),
        Rule::Characters {
            punctuation,
            min,
            max,
        } => check_charset(key, trimmed, punctuation, min, max),
        Rule::Partition => check_partition(trimmed),
        Rule::PastedPolicy => Ok(trimmed.to_owned()),
        Rule::Switch => check_switch(trimmed),
    }
}

fn check_switch(value: &str) -> Checked {
    match value.to_ascii_lowercase().as_str() {
        "true" | "on" | "yes" | "1" => Ok("true".to_owned()),
        "false" | "off" | "no" | "0" => Ok("false".to_owned()),
        _ => Err(InputError::NotASwitch {
            found: value.to_owned(),
        }),
    }
}

fn check_account_id(key: InputKey, value: &str) -> Checked {
    if let Some((position, found)) = value
        .chars()
        .enumerate()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '-' || *c == ' '))
    {
        return Err(InputError::AccountIdNotDigit {
            key,
            found,
            position: position + 1,
        });
    }
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 12 {
        return Err(InputError::AccountIdLength {
            key,
            digits: digits.len(),
        });
    }
    Ok(digits)
}

fn check_charset(key: InputKey, value: &str, punctuation: &str, min: usize, max: usize) -> Checked {
    if let Some((position, found)) = value
        .chars()
        .enumerate()
        // Compared as bytes (the punctuation is ASCII): `str::contains` would bring str slicing's
        // panic messages, kilobytes of formatting code, into the small Wasm.
        .find(|(_, c)| {
            !(c.is_ascii_alphanumeric()
                || (c.is_ascii() && punctuation.as_bytes().contains(&(*c as u8))))
        })
    {
        return Err(InputError::CharacterNotAllowed {
            key,
            found,
            position: position + 1,
        });
    }
    // Every character is ASCII here, so bytes are characters.
    let length = value.len();
    if length < min {
        return Err(InputError::TooShort { key, min, length });
    }
    if length > max {
        return Err(InputError::TooLong { key, max, length });
    }
    Ok(value.to_owned())
}

fn check_partition(value: &str) -> Checked {
    let lower = value.to_ascii_lowercase();
    match Partition::ALL.into_iter().find(|p| p.as_str() == lower) {
        Some(partition) => Ok(partition.as_str().to_owned()),
        None => Err(InputError::UnknownPartition {
            found: value.to_owned(),
        }),
    }
}

/// Every input checked: each key's normalised value or its error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedInputs {
    checked: [Checked; InputKey::ALL.len()],
}

impl CheckedInputs {
    /// Checks every input of `raw`.
    pub fn from_raw(raw: &RawInputs) -> CheckedInputs {
        CheckedInputs {
            checked: InputKey::ALL.map(|key| check(key, raw.get(key))),
        }
    }

    /// Records why an input is not valid after all (a pasted policy that cannot be read).
    pub fn reject(&mut self, key: InputKey, error: InputError) {
        self.checked[key.index()] = Err(error);
    }

    /// One input's outcome.
    pub fn get(&self, key: InputKey) -> &Checked {
        &self.checked[key.index()]
    }

    /// The valid value of `key`, if it is valid.
    pub fn valid(&self, key: InputKey) -> Option<&str> {
        self.get(key).as_ref().ok().map(String::as_str)
    }

    /// True when the reader asked for the hardened (least-privilege) variant.
    pub fn hardened(&self) -> bool {
        self.valid(InputKey::Hardened) == Some("true")
    }

    /// The value to show for `key`: the valid value, or the guide's placeholder.
    pub fn shown(&self, key: InputKey) -> &str {
        self.valid(key).unwrap_or(key.placeholder())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for key in InputKey::ALL {
            assert_eq!(InputKey::from_key(key.key()), Some(key));
        }
        assert_eq!(InputKey::from_key("nope"), None);
    }

    #[test]
    fn account_ids_are_normalised() {
        let ok = |raw: &str| check(InputKey::AwsAccountId, raw);
        assert_eq!(ok("123456789012"), Ok("123456789012".into()));
        assert_eq!(ok("  1234-5678-9012 \n"), Ok("123456789012".into()));
        assert_eq!(ok("1234 5678 9012"), Ok("123456789012".into()));
    }

    #[test]
    fn empty_names_take_the_guide_default() {
        assert_eq!(
            check(InputKey::RoleName, "  "),
            Ok("shippable-role-to-allow-ecs-access".into())
        );
        assert_eq!(check(InputKey::Partition, ""), Ok("aws".into()));
        assert_eq!(
            check(InputKey::ExternalId, ""),
            Err(InputError::Missing {
                key: InputKey::ExternalId
            })
        );
    }

    #[test]
    fn partition_is_case_insensitive() {
        assert_eq!(check(InputKey::Partition, " AWS-CN "), Ok("aws-cn".into()));
    }
}
