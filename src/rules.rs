//! The one table of input rules (what AWS accepts in each field): the checks, the messages, the form hints and the IaC patterns read it.

use crate::input_key::InputKey;

/// The characters AWS allows in role, user and policy names, besides ASCII letters and digits.
pub const NAME_PUNCTUATION: &str = "+=,.@_-";
/// The characters AWS allows in an `sts:ExternalId`, besides ASCII letters and digits.
pub const EXTERNAL_ID_PUNCTUATION: &str = "+=,.@:/_-";

/// What AWS accepts in one input (after surrounding whitespace is dropped).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// An AWS account ID: 12 digits (the console's dashes and spaces are dropped).
    AccountId,
    /// ASCII letters, digits and `punctuation`, from `min` to `max` characters.
    Characters {
        punctuation: &'static str,
        min: usize,
        max: usize,
    },
    /// One of the partitions, in any case.
    Partition,
    /// A pasted IAM policy (read by the full build).
    PastedPolicy,
    /// The switch: true or false (also on/off, yes/no, 1/0).
    Switch,
}

impl InputKey {
    /// AWS's rule for this input.
    #[inline(always)]
    pub const fn rule(self) -> Rule {
        const NAME: Rule = Rule::Characters {
            punctuation: NAME_PUNCTUATION,
            min: 1,
            max: 64,
        };
        const POLICY_NAME: Rule = Rule::Characters {
            punctuation: NAME_PUNCTUATION,
            min: 1,
            max: 128,
        };
        match self {
            InputKey::AwsAccountId | InputKey::ShippableAwsAccountId => Rule::AccountId,
            InputKey::ExternalId => Rule::Characters {
                punctuation: EXTERNAL_ID_PUNCTUATION,
                min: 2,
                max: 1224,
            },
            InputKey::RoleName | InputKey::UserName => NAME,
            InputKey::PolicyName | InputKey::UserPolicyName => POLICY_NAME,
            InputKey::Partition => Rule::Partition,
            InputKey::ExistingTrustPolicy | InputKey::ExistingPermissionsPolicy => {
                Rule::PastedPolicy
            }
            InputKey::Hardened => Rule::Switch,
        }
    }
}

impl Rule {
    /// The rule as a regular expression of the normalised value, as CloudFormation's
    /// `AllowedPattern` and Terraform's `validation` take it (for the typed rules; others match anything).
    pub fn pattern(self) -> String {
        match self {
            Rule::AccountId => "^[0-9]{12}$".to_owned(),
            Rule::Characters {
                punctuation,
                min,
                max,
            } => format!("^[A-Za-z0-9{punctuation}]{{{min},{max}}}$"),
            Rule::Partition => "^(aws|aws-cn|aws-us-gov)$".to_owned(),
            Rule::PastedPolicy => "^[\\s\\S]*$".to_owned(),
            Rule::Switch => "^(true|false)$".to_owned(),
        }
    }

    /// The most characters a name or external ID may have.
    pub fn max_length(self) -> Option<usize> {
        match self {
            Rule::Characters { max, .. } => Some(max),
            _ => None,
        }
    }

    /// The punctuation allowed besides letters and digits, spaced out for reading ("+ = , . @ _ -").
    pub fn punctuation_in_words(self) -> String {
        let Rule::Characters { punctuation, .. } = self else {
            return String::new();
        };
        let mut spaced = String::new();
        for c in punctuation.chars() {
            if !spaced.is_empty() {
                spaced.push(' ');
            }
            spaced.push(c);
        }
        spaced
    }
}
