//! One call from inputs to everything the page shows: every output's text and completeness, every input's error.

#[cfg(feature = "full")]
use crate::check::{check_permissions, needed, Check, Scope};
use crate::documents::{self, to_pretty_json, Hardening};
use crate::errors::InputError;
#[cfg(feature = "full")]
use crate::findings::findings;
use crate::findings::{size, Finding, Severity, Size};
#[cfg(feature = "full")]
use crate::iac::{self, Method};
#[cfg(feature = "full")]
use crate::inputs::Checked;
use crate::inputs::{CheckedInputs, InputKey, RawInputs};
#[cfg(feature = "full")]
use crate::merge::merge_trust_policy;
#[cfg(feature = "full")]
use crate::policy::PastedPolicy;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};
#[cfg(feature = "full")]
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

    /// True for the outputs this build generates: the small build (without the `full` feature)
    /// makes the guide's six documents; the full build also merges, checks and writes the code.
    pub const fn generated_by_this_build(self) -> bool {
        cfg!(feature = "full") || self.in_the_small_build()
    }

    /// True for the guide's six documents, the outputs of the small build (loaded first).
    pub const fn in_the_small_build(self) -> bool {
        matches!(
            self,
            OutputId::CrossAccountPermissionsPolicy
                | OutputId::CrossAccountTrustStatement
                | OutputId::CrossAccountTrustPolicy
                | OutputId::CrossAccountRoleArn
                | OutputId::AccountKeysUserPolicy
                | OutputId::AccountKeysRoleTrustPolicy
        )
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

    /// What a complete output is ready for: pasting, reading, running or deploying.
    pub fn ready(self) -> &'static str {
        match self {
            OutputId::PermissionsCheck => "Ready to read.",
            OutputId::CrossAccountAwsCli
            | OutputId::AccountKeysAwsCli
            | OutputId::CrossAccountVerification
            | OutputId::AccountKeysVerification => "Ready to run.",
            OutputId::CrossAccountCloudformation
            | OutputId::AccountKeysCloudformation
            | OutputId::CrossAccountTerraform
            | OutputId::AccountKeysTerraform => "Ready to save and deploy.",
            _ => "Ready to paste.",
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
            #[cfg(feature = "full")]
            OutputId::CrossAccountAwsCli
            | OutputId::CrossAccountCloudformation
            | OutputId::CrossAccountTerraform => iac::depends_on(Method::CrossAccount, hardened),
            #[cfg(feature = "full")]
            OutputId::AccountKeysAwsCli
            | OutputId::AccountKeysCloudformation
            | OutputId::AccountKeysTerraform => iac::depends_on(Method::AccountKeys, hardened),
            #[cfg(not(feature = "full"))]
            OutputId::CrossAccountAwsCli
            | OutputId::CrossAccountCloudformation
            | OutputId::CrossAccountTerraform
            | OutputId::AccountKeysAwsCli
            | OutputId::AccountKeysCloudformation
            | OutputId::AccountKeysTerraform => &[],
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

    /// The inputs the output is made from: what it depends on, and for the check the account and
    /// partition its resources are in (which it reads without waiting for them).
    #[cfg(feature = "full")]
    fn made_from(self, hardened: bool) -> Vec<InputKey> {
        let mut keys = self.depends_on(hardened).to_vec();
        if self == OutputId::PermissionsCheck {
            for key in [InputKey::AwsAccountId, InputKey::Partition] {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        keys
    }

    /// The text and its size against its quota. Each output keeps its last result with the
    /// inputs it was made from, so a keystroke re-renders only the outputs of the field typed in.
    #[cfg(feature = "full")]
    fn rendered(self, inputs: &CheckedInputs) -> (String, Option<Size>, Analysis) {
        type Last = Option<(Vec<Checked>, String, Option<Size>, Analysis)>;
        thread_local! {
            static LAST: RefCell<[Last; OutputId::ALL.len()]> =
                const { RefCell::new([const { None }; OutputId::ALL.len()]) };
        }
        let hardened = inputs.hardened();
        let mut made_from: Vec<Checked> = self
            .made_from(hardened)
            .iter()
            .map(|key| inputs.get(*key).clone())
            .collect();
        made_from.push(Ok(hardened.to_string()));
        let cached = LAST.with_borrow(|last| match &last[self as usize] {
            Some((from, text, size, analysis)) if *from == made_from => {
                Some((text.clone(), *size, analysis.clone()))
            }
            _ => None,
        });
        if let Some(hit) = cached {
            return hit;
        }
        let (text, analysis) = self.serialise(inputs);
        let size = size(self, &text);
        LAST.with_borrow_mut(|last| {
            last[self as usize] = Some((made_from, text.clone(), size, analysis.clone()));
        });
        (text, size, analysis)
    }

    /// The small build's six documents take microseconds: it keeps no memo.
    #[cfg(not(feature = "full"))]
    fn rendered(self, inputs: &CheckedInputs) -> (String, Option<Size>, Analysis) {
        let (text, analysis) = self.serialise(inputs);
        let size = size(self, &text);
        (text, size, analysis)
    }

    fn serialise(self, inputs: &CheckedInputs) -> (String, Analysis) {
        #[cfg(feature = "full")]
        let (mut text, analysis) = match self {
            OutputId::MergedTrustPolicy | OutputId::PermissionsCheck => self.analysed(inputs),
            _ => (self.text(inputs), Analysis::default()),
        };
        #[cfg(not(feature = "full"))]
        let (mut text, analysis) = (self.text(inputs), Analysis::default());
        // Scripts and templates are written line by line; like the documents, the text that is
        // copied ends with its last line, not a line break.
        text.truncate(text.trim_end().len());
        (text, analysis)
    }

    /// The merge and the check: their text, and what they found in the pasted policy.
    #[cfg(feature = "full")]
    fn analysed(self, inputs: &CheckedInputs) -> (String, Analysis) {
        let partition = inputs.shown(InputKey::Partition);
        if self == OutputId::MergedTrustPolicy {
            return match pasted(inputs, InputKey::ExistingTrustPolicy) {
                Pasted::Empty => (
                    "Paste the role's current trust relationship above to get it back with the guide's statements merged in.".to_owned(),
                    Analysis::default(),
                ),
                Pasted::Invalid => (UNREADABLE.to_owned(), Analysis::default()),
                Pasted::Policy(existing) => {
                    let merged = merge_trust_policy(
                        &existing,
                        &cross_account_trust_policy(inputs),
                        partition,
                    );
                    let analysis = Analysis {
                        findings: merged.findings,
                        check: None,
                    };
                    (merged.text, analysis)
                }
            };
        }
        match pasted(inputs, InputKey::ExistingPermissionsPolicy) {
            Pasted::Empty => (
                format!(
                    "Paste a policy above to check it against the guide's {} actions.",
                    documents::CROSS_ACCOUNT_ACTIONS.len()
                ),
                Analysis::default(),
            ),
            Pasted::Invalid => (UNREADABLE.to_owned(), Analysis::default()),
            Pasted::Policy(existing) => {
                let hardening = inputs.hardened().then(|| Hardening {
                    partition,
                    account_id: inputs.shown(InputKey::AwsAccountId),
                });
                let guide = documents::cross_account_permissions_policy(hardening.as_ref());
                let scope = Scope {
                    partition,
                    account: inputs.valid(InputKey::AwsAccountId),
                };
                let check = check_permissions(&existing, &needed(&guide), &guide, scope);
                let analysis = Analysis {
                    findings: Vec::new(),
                    check: Some(check),
                };
                let text = analysis
                    .check
                    .as_ref()
                    .map(Check::report)
                    .unwrap_or_default();
                (text, analysis)
            }
        }
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
            #[cfg(feature = "full")]
            _ => self.made_by_the_full_build(inputs),
            #[cfg(not(feature = "full"))]
            _ => NOT_IN_THIS_BUILD.to_owned(),
        }
    }

    /// The outputs that read a pasted policy or write code: the full build's.
    #[cfg(feature = "full")]
    fn made_by_the_full_build(self, inputs: &CheckedInputs) -> String {
        match self {
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
            _ => unreachable!(
                "the six documents are made by text(), the merge and check by analysed()"
            ),
        }
    }
}

/// What an output's making found beside its text: findings on the pasted policy (the merge's), and
/// the check's data.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Analysis {
    #[cfg(feature = "full")]
    findings: Vec<Finding>,
    #[cfg(feature = "full")]
    check: Option<Check>,
}

/// What an output of the full build holds in the small build (which never reports it).
#[cfg(not(feature = "full"))]
const NOT_IN_THIS_BUILD: &str =
    "Made by the guide's full build, which loads when you reach this section.";

/// What an output shows while the policy pasted for it cannot be read.
#[cfg(feature = "full")]
const UNREADABLE: &str = "The pasted policy could not be read: see the message under its field.";

fn cross_account_trust_policy(inputs: &CheckedInputs) -> documents::PolicyDocument<'_> {
    documents::cross_account_trust_policy(
        inputs.shown(InputKey::Partition),
        inputs.shown(InputKey::ShippableAwsAccountId),
        inputs.shown(InputKey::ExternalId),
    )
}

/// A policy field: empty, not readable (its error is on the field), or a parsed policy.
#[cfg(feature = "full")]
enum Pasted {
    Empty,
    Invalid,
    Policy(PastedPolicy),
}

#[cfg(feature = "full")]
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
    /// The permissions check's data (that output only): a verdict per guide action.
    #[cfg(feature = "full")]
    pub check: Option<Check>,
}

impl Output {
    /// A sentence for the reader: ready to paste, or which values it still needs.
    pub fn status(&self) -> String {
        if self.complete && self.findings.iter().any(|f| f.severity == Severity::Error) {
            return "Not ready to paste: first fix what the findings below say.".to_owned();
        }
        if self.complete {
            return self.id.ready().to_owned();
        }
        if self.waiting_for.iter().any(|key| key.is_pasted()) {
            return "Waiting for a policy pasted above.".to_owned();
        }
        let mut sentence = String::from("Not ready yet: needs ");
        for (i, key) in self.waiting_for.iter().enumerate() {
            if i > 0 {
                sentence.push_str(", ");
            }
            sentence.push_str(key.label());
        }
        sentence.push_str(" (placeholders in <angle brackets> show where).");
        sentence
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

/// Computes every output and every input's error from what the reader typed (in the small
/// build, the outputs and inputs it has: see [`OutputId::generated_by_this_build`]).
pub fn generate(raw: &RawInputs) -> Guide {
    let checked = CheckedInputs::from_raw(raw);
    let hardened = checked.hardened();
    let outputs = OutputId::ALL
        .into_iter()
        .filter(|id| id.generated_by_this_build())
        .map(|id| {
            let waiting_for: Vec<InputKey> = id
                .depends_on(hardened)
                .iter()
                .copied()
                .filter(|key| match checked.valid(*key) {
                    None => true,
                    // A check needs a policy to check, a merge a policy to merge into.
                    Some("") => key.is_pasted(),
                    Some(_) => false,
                })
                .collect();
            // The small build reads no pasted policy and leaves findings to the full one.
            #[cfg_attr(not(feature = "full"), allow(unused_mut))]
            let (text, size, mut analysis) = id.rendered(&checked);
            let findings = findings_of(id, &checked, size.as_ref(), &mut analysis);
            Output {
                id,
                text,
                complete: waiting_for.is_empty(),
                waiting_for,
                findings,
                size,
                #[cfg(feature = "full")]
                check: analysis.check,
            }
        })
        .collect();
    let inputs = InputKey::ALL
        .into_iter()
        .filter(|key| key.read_by_this_build())
        .map(|key| InputState {
            key,
            value: checked.valid(key).map(str::to_owned),
            shown: checked.shown(key).to_owned(),
            error: checked.get(key).as_ref().err().cloned(),
        })
        .collect();
    Guide { outputs, inputs }
}

/// The project's findings on an output, most serious first. The small build (loaded first) leaves
/// them to the full one: they are collapsed under each document, and its messages and rules are
/// 1.6 KB of the first visit's compressed Wasm.
#[cfg(feature = "full")]
fn findings_of(
    id: OutputId,
    checked: &CheckedInputs,
    size: Option<&Size>,
    analysis: &mut Analysis,
) -> Vec<Finding> {
    let mut found = findings(id, checked, size);
    found.append(&mut analysis.findings);
    most_severe_first(found)
}

#[cfg(not(feature = "full"))]
fn findings_of(_: OutputId, _: &CheckedInputs, _: Option<&Size>, _: &mut Analysis) -> Vec<Finding> {
    Vec::new()
}

/// The findings, errors then warnings then notes, each kind in the order the rules found them.
/// (A sort would do the same, with kilobytes more of Wasm for a list of at most four.)
#[cfg(feature = "full")]
fn most_severe_first(found: Vec<Finding>) -> Vec<Finding> {
    let mut sorted = Vec::with_capacity(found.len());
    for severity in [Severity::Error, Severity::Warning, Severity::Note] {
        sorted.extend(found.iter().filter(|f| f.severity == severity).cloned());
    }
    sorted
}

/// Serialises as `{"complete", "outputs": {id: {text, complete, status, waitingFor, findings,
/// size}}, "inputs": {key: {value, shown, error}}}`.
impl Serialize for Guide {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let complete = self.outputs.iter().all(|o| o.complete);
        serialize_guide(complete, &self.outputs, &self.inputs, serializer)
    }
}

/// What changed since a [`LiveGuide`]'s last update: the outputs that differ, every input's state,
/// and whether the whole guide is complete. It serialises as a [`Guide`] holding only those outputs.
#[cfg(feature = "full")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changes {
    /// True when every output of the guide (changed or not) is complete.
    pub complete: bool,
    /// The outputs whose text, completeness, findings or size differ from the last update.
    pub outputs: Vec<Output>,
    pub inputs: Vec<InputState>,
}

#[cfg(feature = "full")]
impl Serialize for Changes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_guide(self.complete, &self.outputs, &self.inputs, serializer)
    }
}

/// The page's side of [`generate`]: it remembers what it last handed out, so that each keystroke
/// moves only what changed to the page (a script is kilobytes; most keystrokes change a few).
#[cfg(feature = "full")]
#[derive(Debug, Default)]
pub struct LiveGuide {
    last: Vec<Output>,
}

#[cfg(feature = "full")]
impl LiveGuide {
    pub fn new() -> LiveGuide {
        LiveGuide::default()
    }

    /// Generates the guide and returns what differs from this guide's last update (everything,
    /// the first time).
    pub fn update(&mut self, raw: &RawInputs) -> Changes {
        let guide = generate(raw);
        let complete = guide.outputs.iter().all(|o| o.complete);
        // generate() lists the outputs in the same order every time: each is compared with its own.
        let outputs = guide
            .outputs
            .iter()
            .enumerate()
            .filter(|(i, output)| self.last.get(*i) != Some(*output))
            .map(|(_, output)| output.clone())
            .collect();
        self.last = guide.outputs;
        Changes {
            complete,
            outputs,
            inputs: guide.inputs,
        }
    }
}

fn serialize_guide<S: Serializer>(
    complete: bool,
    outputs: &[Output],
    inputs: &[InputState],
    serializer: S,
) -> Result<S::Ok, S::Error> {
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
                        #[cfg(feature = "full")]
                        if let Some(check) = &self.0.check {
                            o.serialize_field("check", check)?;
                        }
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
    guide.serialize_field("complete", &complete)?;
    guide.serialize_field("outputs", &Outputs(outputs))?;
    guide.serialize_field("inputs", &Inputs(inputs))?;
    guide.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_documents_to_paste_say_ready_to_paste() {
        assert_eq!(OutputId::CrossAccountTrustPolicy.ready(), "Ready to paste.");
        assert_eq!(OutputId::PermissionsCheck.ready(), "Ready to read.");
        assert_eq!(OutputId::CrossAccountAwsCli.ready(), "Ready to run.");
        assert_eq!(
            OutputId::CrossAccountTerraform.ready(),
            "Ready to save and deploy."
        );
    }

    #[cfg(feature = "full")]
    #[test]
    fn a_merge_with_nothing_pasted_is_one_line_waiting_for_the_paste() {
        let guide = generate(&RawInputs::new());
        let merged = guide.output(OutputId::MergedTrustPolicy);
        assert!(!merged.text.contains('\n'), "{}", merged.text);
        assert!(!merged.complete);
        assert!(merged.waiting_for.contains(&InputKey::ExistingTrustPolicy));
        assert_eq!(merged.status(), "Waiting for a policy pasted above.");
    }

    #[test]
    fn nothing_typed_leaves_only_the_typed_documents_incomplete() {
        let guide = generate(&RawInputs::new());
        let incomplete: Vec<&str> = guide
            .outputs
            .iter()
            .filter(|o| !o.complete)
            .map(|o| o.id.id())
            .collect();
        let expected = [
            "cross-account-trust-policy",
            "cross-account-role-arn",
            "merged-trust-policy",
            "permissions-check",
            "cross-account-aws-cli",
            "cross-account-cloudformation",
            "cross-account-terraform",
            "cross-account-verification",
        ];
        // The small build has only the six documents.
        let generated = if cfg!(feature = "full") { 8 } else { 2 };
        assert_eq!(incomplete, expected[..generated]);
        assert_eq!(
            guide.output(OutputId::CrossAccountRoleArn).text,
            "arn:aws:iam::<12 digit AWS account id>:role/shippable-role-to-allow-ecs-access"
        );
    }

    #[cfg(feature = "full")]
    #[test]
    fn a_live_guide_hands_out_only_what_changed() {
        let mut live = LiveGuide::new();
        let mut raw = RawInputs::new().with(InputKey::ShippableAwsAccountId, "210987654321");
        let first = live.update(&raw);
        assert_eq!(first.outputs, generate(&raw).outputs);
        assert_eq!(live.update(&raw).outputs, []);
        raw.set(InputKey::AwsAccountId, "123456789012");
        let changed: Vec<&str> = live
            .update(&raw)
            .outputs
            .iter()
            .map(|o| o.id.id())
            .collect();
        let expected: &[&str] = if cfg!(feature = "full") {
            &["cross-account-role-arn", "cross-account-verification"]
        } else {
            &["cross-account-role-arn"]
        };
        assert_eq!(changed, expected);
        raw.set(InputKey::ExternalId, "x");
        let changes = live.update(&raw);
        assert!(!changes.complete);
        assert_eq!(changes.inputs, generate(&raw).inputs);
    }

    #[test]
    fn output_ids_round_trip() {
        for id in OutputId::ALL {
            assert_eq!(OutputId::from_id(id.id()), Some(id));
        }
    }
}
