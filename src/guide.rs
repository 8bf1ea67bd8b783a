//! One call from inputs to everything the page shows: every output's text and completeness, every input's error.

use crate::check::{check_permissions, needed};
use crate::documents::{self, to_pretty_json, Hardening, CROSS_ACCOUNT_ACTIONS};
use crate::errors::InputError;
use crate::findings::{findings, size, Finding, Size};
use crate::iac::{self, Method};
use crate::inputs::{Checked, CheckedInputs, InputKey, RawInputs};
use crate::merge::merge_trust_policy;
use crate::policy::PastedPolicy;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};
use std::cell::RefCell;

/// One generated document of the guide, named by its public output id (`data-output="<id>"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutputId {
    CrossAccountPermissionsPolicy,
    CrossAccountTrustStatement,
    CrossAccountTrustPolicy,
    CrossAccountRoleArn,
    AccountKeysUserPolicy,
    AccountKeysRoleTrustPolicy,
    MergedTrustPolicy,
    PermissionsCheck,
    CrossAccountAwsCli,
    CrossAccountCloudformation,
    CrossAccountTerraform,
    CrossAccountVerification,
    AccountKeysAwsCli,
    AccountKeysCloudformation,
    AccountKeysTerraform,
    AccountKeysVerification,
}

impl OutputId {
    /// Every output, in the guide's order.
    pub const ALL: [OutputId; 16] = [
        OutputId::CrossAccountPermissionsPolicy,
        OutputId::CrossAccountTrustStatement,
        OutputId::CrossAccountTrustPolicy,
        OutputId::CrossAccountRoleArn,
        OutputId::AccountKeysUserPolicy,
        OutputId::AccountKeysRoleTrustPolicy,
        OutputId::MergedTrustPolicy,
        OutputId::PermissionsCheck,
        OutputId::CrossAccountAwsCli,
        OutputId::CrossAccountCloudformation,
        OutputId::CrossAccountTerraform,
        OutputId::CrossAccountVerification,
        OutputId::AccountKeysAwsCli,
        OutputId::AccountKeysCloudformation,
        OutputId::AccountKeysTerraform,
        OutputId::AccountKeysVerification,
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
            OutputId::MergedTrustPolicy => "merged-trust-policy",
            OutputId::PermissionsCheck => "permissions-check",
            OutputId::CrossAccountAwsCli => "cross-account-aws-cli",
            OutputId::CrossAccountCloudformation => "cross-account-cloudformation",
            OutputId::CrossAccountTerraform => "cross-account-terraform",
            OutputId::CrossAccountVerification => "cross-account-verification",
            OutputId::AccountKeysAwsCli => "account-keys-aws-cli",
            OutputId::AccountKeysCloudformation => "account-keys-cloudformation",
            OutputId::AccountKeysTerraform => "account-keys-terraform",
            OutputId::AccountKeysVerification => "account-keys-verification",
        }
    }

    /// Looks an output up by its public id.
    pub fn from_id(id: &str) -> Option<OutputId> {
        OutputId::ALL.into_iter().find(|o| o.id() == id)
    }

    /// The file name extension a download of this output gets.
    pub const fn extension(self) -> &'static str {
        match self {
            OutputId::CrossAccountRoleArn | OutputId::PermissionsCheck => "txt",
            OutputId::CrossAccountAwsCli
            | OutputId::AccountKeysAwsCli
            | OutputId::CrossAccountVerification
            | OutputId::AccountKeysVerification => "sh",
            OutputId::CrossAccountCloudformation | OutputId::AccountKeysCloudformation => "yaml",
            OutputId::CrossAccountTerraform | OutputId::AccountKeysTerraform => "tf",
            _ => "json",
        }
    }

    /// The inputs this output is made from; it is complete only when all of them are valid.
    /// The hardened variant of the permissions policies also needs the account and partition.
    pub fn depends_on(self, hardened: bool) -> &'static [InputKey] {
        use InputKey::*;
        match self {
            OutputId::CrossAccountTrustPolicy => &[ShippableAwsAccountId, ExternalId, Partition],
            OutputId::CrossAccountRoleArn => &[AwsAccountId, RoleName, Partition],
            OutputId::MergedTrustPolicy => &[
                ShippableAwsAccountId,
                ExternalId,
                Partition,
                ExistingTrustPolicy,
            ],
            OutputId::CrossAccountPermissionsPolicy | OutputId::AccountKeysUserPolicy
                if hardened =>
            {
                &[AwsAccountId, Partition]
            }
            OutputId::AccountKeysVerification if hardened => &[AwsAccountId, Partition],
            OutputId::PermissionsCheck if hardened => {
                &[ExistingPermissionsPolicy, AwsAccountId, Partition]
            }
            OutputId::PermissionsCheck => &[ExistingPermissionsPolicy],
            OutputId::CrossAccountAwsCli
            | OutputId::CrossAccountCloudformation
            | OutputId::CrossAccountTerraform => iac::depends_on(Method::CrossAccount, hardened),
            OutputId::AccountKeysAwsCli
            | OutputId::AccountKeysCloudformation
            | OutputId::AccountKeysTerraform => iac::depends_on(Method::AccountKeys, hardened),
            OutputId::CrossAccountVerification => &[
                AwsAccountId,
                ShippableAwsAccountId,
                ExternalId,
                RoleName,
                Partition,
            ],
            OutputId::CrossAccountPermissionsPolicy
            | OutputId::CrossAccountTrustStatement
            | OutputId::AccountKeysUserPolicy
            | OutputId::AccountKeysRoleTrustPolicy
            | OutputId::AccountKeysVerification => &[],
        }
    }

    /// The output's text from checked inputs, with placeholders where inputs are not valid.
    pub fn render(self, inputs: &CheckedInputs) -> String {
        self.rendered(inputs).0
    }

    /// The text and its size against its quota. Each output keeps its last result with the
    /// inputs it was made from, so a keystroke re-renders only the outputs of the field typed in.
    fn rendered(self, inputs: &CheckedInputs) -> (String, Option<Size>) {
        type Last = Option<(Vec<Checked>, String, Option<Size>)>;
        thread_local! {
            static LAST: RefCell<[Last; OutputId::ALL.len()]> =
                const { RefCell::new([const { None }; OutputId::ALL.len()]) };
        }
        let hardened = inputs.hardened();
        let mut made_from: Vec<Checked> = self
            .depends_on(hardened)
            .iter()
            .map(|key| inputs.get(*key).clone())
            .collect();
        made_from.push(Ok(hardened.to_string()));
        let cached = LAST.with_borrow(|last| match &last[self as usize] {
            Some((from, text, size)) if *from == made_from => Some((text.clone(), *size)),
            _ => None,
        });
        if let Some(hit) = cached {
            return hit;
        }
        let text = self.serialise(inputs);
        let size = size(self, &text);
        LAST.with_borrow_mut(|last| {
            last[self as usize] = Some((made_from, text.clone(), size));
        });
        (text, size)
    }

    fn serialise(self, inputs: &CheckedInputs) -> String {
        let mut text = self.text(inputs);
        // Scripts and templates are written line by line; like the documents, the text that is
        // copied ends with its last line, not a line break.
        text.truncate(text.trim_end().len());
        text
    }

    fn text(self, inputs: &CheckedInputs) -> String {
        let hardening = inputs.hardened().then(|| Hardening {
            partition: inputs.shown(InputKey::Partition),
            account_id: inputs.shown(InputKey::AwsAccountId),
        });
        match self {
            OutputId::CrossAccountPermissionsPolicy => to_pretty_json(
                &documents::cross_account_permissions_policy(hardening.as_ref()),
                4,
            ),
            OutputId::CrossAccountTrustStatement => {
                to_pretty_json(&documents::ecs_service_trust_statement(), 4)
            }
            OutputId::CrossAccountTrustPolicy => {
                to_pretty_json(&cross_account_trust_policy(inputs), 2)
            }
            OutputId::CrossAccountRoleArn => documents::role_arn(
                inputs.shown(InputKey::Partition),
                inputs.shown(InputKey::AwsAccountId),
                inputs.shown(InputKey::RoleName),
            ),
            OutputId::AccountKeysUserPolicy => {
                to_pretty_json(&documents::account_keys_user_policy(hardening.as_ref()), 4)
            }
            OutputId::AccountKeysRoleTrustPolicy => {
                to_pretty_json(&documents::account_keys_role_trust_policy(), 2)
            }
            OutputId::MergedTrustPolicy => match pasted(inputs, InputKey::ExistingTrustPolicy) {
                Pasted::Empty => OutputId::CrossAccountTrustPolicy.render(inputs),
                Pasted::Invalid => UNREADABLE.to_owned(),
                Pasted::Policy(existing) => {
                    merge_trust_policy(&existing, &cross_account_trust_policy(inputs)).text
                }
            },
            OutputId::PermissionsCheck => {
                match pasted(inputs, InputKey::ExistingPermissionsPolicy) {
                    Pasted::Empty => format!(
                        "Paste a policy above to check it against the guide's {} actions.",
                        CROSS_ACCOUNT_ACTIONS.len()
                    ),
                    Pasted::Invalid => UNREADABLE.to_owned(),
                    Pasted::Policy(existing) => {
                        let guide = documents::cross_account_permissions_policy(hardening.as_ref());
                        check_permissions(&existing, needed(&guide)).report(&existing, &guide)
                    }
                }
            }
            OutputId::CrossAccountAwsCli => iac::aws_cli(
                Method::CrossAccount,
                inputs,
                &OutputId::CrossAccountTrustPolicy.render(inputs),
                &OutputId::CrossAccountPermissionsPolicy.render(inputs),
            ),
            OutputId::AccountKeysAwsCli => iac::aws_cli(
                Method::AccountKeys,
                inputs,
                &OutputId::AccountKeysRoleTrustPolicy.render(inputs),
                &OutputId::AccountKeysUserPolicy.render(inputs),
            ),
            OutputId::CrossAccountVerification => iac::verification(
                Method::CrossAccount,
                inputs,
                &OutputId::CrossAccountTrustPolicy.render(inputs),
                &OutputId::CrossAccountPermissionsPolicy.render(inputs),
            ),
            OutputId::AccountKeysVerification => iac::verification(
                Method::AccountKeys,
                inputs,
                &OutputId::AccountKeysRoleTrustPolicy.render(inputs),
                &OutputId::AccountKeysUserPolicy.render(inputs),
            ),
            OutputId::CrossAccountCloudformation => {
                iac::cloudformation(Method::CrossAccount, inputs)
            }
            OutputId::AccountKeysCloudformation => iac::cloudformation(Method::AccountKeys, inputs),
            OutputId::CrossAccountTerraform => iac::terraform(Method::CrossAccount, inputs),
            OutputId::AccountKeysTerraform => iac::terraform(Method::AccountKeys, inputs),
        }
    }
}

/// What an output shows while the policy pasted for it cannot be read.
const UNREADABLE: &str = "The pasted policy could not be read: see the message under its field.";

fn cross_account_trust_policy(inputs: &CheckedInputs) -> documents::PolicyDocument<'_> {
    documents::cross_account_trust_policy(
        inputs.shown(InputKey::Partition),
        inputs.shown(InputKey::ShippableAwsAccountId),
        inputs.shown(InputKey::ExternalId),
    )
}

/// A policy field: empty, not readable (its error is on the field), or a parsed policy.
enum Pasted {
    Empty,
    Invalid,
    Policy(PastedPolicy),
}

fn pasted(inputs: &CheckedInputs, key: InputKey) -> Pasted {
    match inputs.valid(key) {
        Some("") => Pasted::Empty,
        None => Pasted::Invalid,
        Some(text) => match PastedPolicy::parse(key, text) {
            Ok(policy) => Pasted::Policy(policy),
            Err(_) => Pasted::Invalid,
        },
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
    /// What the project's rules say about it, most serious first.
    pub findings: Vec<Finding>,
    /// Its size against its IAM quota, for the documents IAM limits.
    pub size: Option<Size>,
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
    let hardened = checked.hardened();
    let outputs = OutputId::ALL
        .into_iter()
        .map(|id| {
            let waiting_for: Vec<InputKey> = id
                .depends_on(hardened)
                .iter()
                .copied()
                .filter(|key| match checked.valid(*key) {
                    None => true,
                    // A check needs a policy to check; a merge into nothing is the guide's own.
                    Some("") => *key == InputKey::ExistingPermissionsPolicy,
                    Some(_) => false,
                })
                .collect();
            let (text, size) = id.rendered(&checked);
            let mut findings = findings(id, &checked, size.as_ref());
            findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
            Output {
                id,
                text,
                complete: waiting_for.is_empty(),
                waiting_for,
                findings,
                size,
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
                            let mut o = s.serialize_struct("Output", 6)?;
                            o.serialize_field("text", &self.0.text)?;
                            o.serialize_field("complete", &self.0.complete)?;
                            o.serialize_field("status", &self.0.status())?;
                            o.serialize_field("waitingFor", &Keys(&self.0.waiting_for))?;
                            o.serialize_field("findings", &self.0.findings)?;
                            o.serialize_field("size", &self.0.size)?;
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
            [
                "cross-account-trust-policy",
                "cross-account-role-arn",
                "merged-trust-policy",
                "permissions-check",
                "cross-account-aws-cli",
                "cross-account-cloudformation",
                "cross-account-terraform",
                "cross-account-verification"
            ]
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
