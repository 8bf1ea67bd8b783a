//! One call from inputs to everything the page shows: every output's text and completeness, every input's error.

use crate::documents::{self, to_pretty_json};
use crate::errors::InputError;
use crate::inputs::{CheckedInputs, InputKey, RawInputs};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};
use std::sync::OnceLock;

/// One generated document of the guide, named by its public output id (`data-output="<id>"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutputId {
    CrossAccountPermissionsPolicy,
    CrossAccountTrustStatement,
    CrossAccountTrustPolicy,
    CrossAccountRoleArn,
    AccountKeysUserPolicy,
    AccountKeysRoleTrustPolicy,
}

impl OutputId {
    /// Every output, in the guide's order.
    pub const ALL: [OutputId; 6] = [
        OutputId::CrossAccountPermissionsPolicy,
        OutputId::CrossAccountTrustStatement,
        OutputId::CrossAccountTrustPolicy,
        OutputId::CrossAccountRoleArn,
        OutputId::AccountKeysUserPolicy,
        OutputId::AccountKeysRoleTrustPolicy,
    ];

    /// The public id: the page's `data-output` value.
    pub const fn id(self) -> &'static str {
        match self {
            OutputId::CrossAccountPermissionsPolicy => "cross-account-permissions-policy",
            OutputId::CrossAccountTrustStatement => "cross-account-trust-statement",
            OutputId::CrossAccountTrustPolicy => "cross-account-trust-policy",
            OutputId::CrossAccountRoleArn => "cross-account-role-arn",
            OutputId::AccountKeysUserPolicy => "account-keys-user-policy",
            OutputId::AccountKeysRoleTrustPolicy => "account-keys-role-trust-policy",
        }
    }

    /// Looks an output up by its public id.
    pub fn from_id(id: &str) -> Option<OutputId> {
        OutputId::ALL.into_iter().find(|o| o.id() == id)
    }

    /// The inputs this output is made from; it is complete only when all of them are valid.
    pub const fn depends_on(self) -> &'static [InputKey] {
        match self {
            OutputId::CrossAccountTrustPolicy => &[
                InputKey::ShippableAwsAccountId,
                InputKey::ExternalId,
                InputKey::Partition,
            ],
            OutputId::CrossAccountRoleArn => &[
                InputKey::AwsAccountId,
                InputKey::RoleName,
                InputKey::Partition,
            ],
            OutputId::CrossAccountPermissionsPolicy
            | OutputId::CrossAccountTrustStatement
            | OutputId::AccountKeysUserPolicy
            | OutputId::AccountKeysRoleTrustPolicy => &[],
        }
    }

    /// The output's text from checked inputs, with placeholders where inputs are not valid.
    pub fn render(self, inputs: &CheckedInputs) -> String {
        if self.depends_on().is_empty() {
            // A document that depends on nothing typed is serialised once, not per keystroke.
            static FIXED: [OnceLock<String>; 6] = [const { OnceLock::new() }; 6];
            return FIXED[self as usize]
                .get_or_init(|| self.serialise(inputs))
                .clone();
        }
        self.serialise(inputs)
    }

    fn serialise(self, inputs: &CheckedInputs) -> String {
        match self {
            OutputId::CrossAccountPermissionsPolicy => {
                to_pretty_json(&documents::cross_account_permissions_policy(), 4)
            }
            OutputId::CrossAccountTrustStatement => {
                to_pretty_json(&documents::ecs_service_trust_statement(), 4)
            }
            OutputId::CrossAccountTrustPolicy => to_pretty_json(
                &documents::cross_account_trust_policy(
                    inputs.shown(InputKey::Partition),
                    inputs.shown(InputKey::ShippableAwsAccountId),
                    inputs.shown(InputKey::ExternalId),
                ),
                2,
            ),
            OutputId::CrossAccountRoleArn => documents::role_arn(
                inputs.shown(InputKey::Partition),
                inputs.shown(InputKey::AwsAccountId),
                inputs.shown(InputKey::RoleName),
            ),
            OutputId::AccountKeysUserPolicy => {
                to_pretty_json(&documents::account_keys_user_policy(), 4)
            }
            OutputId::AccountKeysRoleTrustPolicy => {
                to_pretty_json(&documents::account_keys_role_trust_policy(), 2)
            }
        }
    }
}

/// One generated output: what to paste and whether it is ready to paste.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub id: OutputId,
    /// Exactly what to paste (placeholders included while incomplete).
    pub text: String,
    /// True when every input the output depends on is valid.
    pub complete: bool,
    /// The inputs still missing or invalid, in the guide's order.
    pub waiting_for: Vec<InputKey>,
}

impl Output {
    /// A sentence for the reader: ready to paste, or which values it still needs.
    pub fn status(&self) -> String {
        if self.complete {
            return "Ready to paste.".to_owned();
        }
        let labels: Vec<&str> = self.waiting_for.iter().map(|k| k.label()).collect();
        format!(
            "Not ready yet: needs {} (placeholders in <angle brackets> show where).",
            labels.join(", ")
        )
    }
}

/// One input after checking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputState {
    pub key: InputKey,
    /// The normalised value, when valid.
    pub value: Option<String>,
    /// What the guide's prose shows for it: the value, or the guide's placeholder.
    pub shown: String,
    /// Why it is not valid.
    pub error: Option<InputError>,
}

/// Everything computed from one set of inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guide {
    pub outputs: Vec<Output>,
    pub inputs: Vec<InputState>,
}

impl Guide {
    /// One output by id.
    pub fn output(&self, id: OutputId) -> &Output {
        self.outputs
            .iter()
            .find(|o| o.id == id)
            .expect("generate() produces every output")
    }

    /// One input by key.
    pub fn input(&self, key: InputKey) -> &InputState {
        self.inputs
            .iter()
            .find(|i| i.key == key)
            .expect("generate() reports every input")
    }

    /// The error of every invalid input, in the guide's order.
    pub fn errors(&self) -> impl Iterator<Item = &InputError> {
        self.inputs.iter().filter_map(|i| i.error.as_ref())
    }
}

/// Computes every output and every input's error from what the reader typed.
pub fn generate(raw: &RawInputs) -> Guide {
    let checked = CheckedInputs::from_raw(raw);
    let outputs = OutputId::ALL
        .into_iter()
        .map(|id| {
            let waiting_for: Vec<InputKey> = id
                .depends_on()
                .iter()
                .copied()
                .filter(|key| checked.valid(*key).is_none())
                .collect();
            Output {
                id,
                text: id.render(&checked),
                complete: waiting_for.is_empty(),
                waiting_for,
            }
        })
        .collect();
    let inputs = InputKey::ALL
        .into_iter()
        .map(|key| InputState {
            key,
            value: checked.valid(key).map(str::to_owned),
            shown: checked.shown(key).to_owned(),
            error: checked.get(key).as_ref().err().cloned(),
        })
        .collect();
    Guide { outputs, inputs }
}

/// Serialises as `{"complete", "outputs": {id: {text, complete, status, waitingFor}}, "inputs": {key: {value, shown, error}}}`.
impl Serialize for Guide {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Outputs<'a>(&'a [Output]);
        struct Inputs<'a>(&'a [InputState]);
        struct Keys<'a>(&'a [InputKey]);
        struct Error<'a>(&'a InputError);

        impl Serialize for Keys<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(|k| k.key()))
            }
        }
        impl Serialize for Error<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut e = s.serialize_struct("Error", 2)?;
                e.serialize_field("code", self.0.code())?;
                e.serialize_field("message", &self.0.to_string())?;
                e.end()
            }
        }
        impl Serialize for Outputs<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(self.0.len()))?;
                for output in self.0 {
                    struct One<'a>(&'a Output);
                    impl Serialize for One<'_> {
                        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                            let mut o = s.serialize_struct("Output", 4)?;
                            o.serialize_field("text", &self.0.text)?;
                            o.serialize_field("complete", &self.0.complete)?;
                            o.serialize_field("status", &self.0.status())?;
                            o.serialize_field("waitingFor", &Keys(&self.0.waiting_for))?;
                            o.end()
                        }
                    }
                    map.serialize_entry(output.id.id(), &One(output))?;
                }
                map.end()
            }
        }
        impl Serialize for Inputs<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(self.0.len()))?;
                for input in self.0 {
                    struct One<'a>(&'a InputState);
                    impl Serialize for One<'_> {
                        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                            let mut o = s.serialize_struct("Input", 3)?;
                            o.serialize_field("value", &self.0.value)?;
                            o.serialize_field("shown", &self.0.shown)?;
                            o.serialize_field("error", &self.0.error.as_ref().map(Error))?;
                            o.end()
                        }
                    }
                    map.serialize_entry(input.key.key(), &One(input))?;
                }
                map.end()
            }
        }

        let mut guide = serializer.serialize_struct("Guide", 3)?;
        guide.serialize_field("complete", &self.outputs.iter().all(|o| o.complete))?;
        guide.serialize_field("outputs", &Outputs(&self.outputs))?;
        guide.serialize_field("inputs", &Inputs(&self.inputs))?;
        guide.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_typed_leaves_only_the_typed_documents_incomplete() {
        let guide = generate(&RawInputs::new());
        let incomplete: Vec<&str> = guide
            .outputs
            .iter()
            .filter(|o| !o.complete)
            .map(|o| o.id.id())
            .collect();
        assert_eq!(
            incomplete,
            ["cross-account-trust-policy", "cross-account-role-arn"]
        );
        assert_eq!(
            guide.output(OutputId::CrossAccountRoleArn).text,
            "arn:aws:iam::<12 digit AWS account id>:role/shippable-role-to-allow-ecs-access"
        );
    }

    #[test]
    fn output_ids_round_trip() {
        for id in OutputId::ALL {
            assert_eq!(OutputId::from_id(id.id()), Some(id));
        }
    }
}
