//! The full build's outputs: the merge and the check (from the pasted policies, read once) and the scripts and templates.

use super::check::{check_permissions, needed, Check, Scope};
use super::iac::{self, Method};
use super::merge::merge_trust_policy;
use super::policy::PastedPolicy;
use crate::documents::{self, Hardening};
use crate::errors::InputError;
use crate::findings::{findings as rules_findings, Finding, Severity, Size};
use crate::input_key::InputKey;
use crate::inputs::CheckedInputs;
use crate::output_id::OutputId;

/// The policies the reader pasted, each read once per update: a field's error goes to its input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pasted {
    trust: Option<PastedPolicy>,
    permissions: Option<PastedPolicy>,
}

impl Pasted {
    /// Checks that a pasted policy can be read (for `inputs::check`, which keeps only the text).
    pub fn check(key: InputKey, text: &str) -> Result<(), InputError> {
        PastedPolicy::parse(key, text)
            .map(|_| ())
            .map_err(InputError::Pasted)
    }

    /// Reads the pasted policies of `inputs`, recording a policy that cannot be read as its field's error.
    pub fn read(inputs: &mut CheckedInputs) -> Pasted {
        let mut read = |key: InputKey| match inputs.valid(key) {
            None | Some("") => None,
            Some(text) => match PastedPolicy::parse(key, text) {
                Ok(policy) => Some(policy),
                Err(error) => {
                    inputs.reject(key, InputError::Pasted(error));
                    None
                }
            },
        };
        Pasted {
            trust: read(InputKey::ExistingTrustPolicy),
            permissions: read(InputKey::ExistingPermissionsPolicy),
        }
    }
}

/// What making an output found beside its text: findings on the pasted policy (the merge's), and
/// the check's data.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Made {
    findings: Vec<Finding>,
    check: Option<Check>,
}

/// What an output shows while the policy pasted for it cannot be read.
const UNREADABLE: &str = "The pasted policy could not be read: see the message under its field.";

/// The text of an output of the full build (not one of the guide's six documents), and what its
/// making found.
pub fn make(id: OutputId, inputs: &CheckedInputs, pasted: &Pasted) -> (String, Made) {
    match id {
        OutputId::MergedTrustPolicy | OutputId::PermissionsCheck => analysed(id, inputs, pasted),
        _ => (code(id, inputs), Made::default()),
    }
}

/// The project's findings on an output, most serious first, and the check's data (that output only).
pub fn findings(
    id: OutputId,
    inputs: &CheckedInputs,
    size: Option<&Size>,
    made: Made,
) -> (Vec<Finding>, Option<Check>) {
    let mut found = rules_findings(id, inputs, size);
    found.extend(made.findings);
    (most_severe_first(found), made.check)
}

/// The findings, errors then warnings then notes, each kind in the order the rules found them.
/// (A sort would do the same, with kilobytes more of Wasm for a list of at most four.)
fn most_severe_first(found: Vec<Finding>) -> Vec<Finding> {
    let mut sorted = Vec::with_capacity(found.len());
    for severity in [Severity::Error, Severity::Warning, Severity::Note] {
        sorted.extend(found.iter().filter(|f| f.severity == severity).cloned());
    }
    sorted
}

/// The merge and the check: their text, and what they found in the pasted policy.
fn analysed(id: OutputId, inputs: &CheckedInputs, pasted: &Pasted) -> (String, Made) {
    let partition = inputs.shown(InputKey::Partition);
    if id == OutputId::MergedTrustPolicy {
        return match (inputs.valid(InputKey::ExistingTrustPolicy), &pasted.trust) {
            (Some(""), _) => (
                "Paste the role's current trust relationship above to get it back with the guide's statements merged in.".to_owned(),
                Made::default(),
            ),
            (_, None) => (UNREADABLE.to_owned(), Made::default()),
            (_, Some(existing)) => {
                let guide = documents::cross_account_trust_policy(
                    partition,
                    inputs.shown(InputKey::ShippableAwsAccountId),
                    inputs.shown(InputKey::ExternalId),
                );
                let merged = merge_trust_policy(existing, &guide, partition);
                let made = Made {
                    findings: merged.findings,
                    check: None,
                };
                (merged.text, made)
            }
        };
    }
    match (
        inputs.valid(InputKey::ExistingPermissionsPolicy),
        &pasted.permissions,
    ) {
        (Some(""), _) => (
            format!(
                "Paste a policy above to check it against the guide's {} actions.",
                documents::CROSS_ACCOUNT_ACTIONS.len()
            ),
            Made::default(),
        ),
        (_, None) => (UNREADABLE.to_owned(), Made::default()),
        (_, Some(existing)) => {
            let hardening = inputs.hardened().then(|| Hardening {
                partition,
                account_id: inputs.shown(InputKey::AwsAccountId),
            });
            let guide = documents::cross_account_permissions_policy(hardening.as_ref());
            let scope = Scope {
                partition,
                account: inputs.valid(InputKey::AwsAccountId),
            };
            let check = check_permissions(existing, &needed(&guide), &guide, scope);
            (
                check.report(),
                Made {
                    findings: Vec::new(),
                    check: Some(check),
                },
            )
        }
    }
}

/// One of the guide's six documents, as the scripts embed it.
fn document(id: OutputId, inputs: &CheckedInputs) -> String {
    id.document(inputs).unwrap_or_default()
}

/// The scripts and templates.
fn code(id: OutputId, inputs: &CheckedInputs) -> String {
    use OutputId::*;
    match id {
        CrossAccountAwsCli => iac::aws_cli(
            Method::CrossAccount,
            inputs,
            &document(CrossAccountTrustPolicy, inputs),
            &document(CrossAccountPermissionsPolicy, inputs),
        ),
        AccountKeysAwsCli => iac::aws_cli(
            Method::AccountKeys,
            inputs,
            &document(AccountKeysRoleTrustPolicy, inputs),
            &document(AccountKeysUserPolicy, inputs),
        ),
        CrossAccountVerification => iac::verification(
            Method::CrossAccount,
            inputs,
            &document(CrossAccountTrustPolicy, inputs),
            &document(CrossAccountPermissionsPolicy, inputs),
        ),
        AccountKeysVerification => iac::verification(
            Method::AccountKeys,
            inputs,
            &document(AccountKeysRoleTrustPolicy, inputs),
            &document(AccountKeysUserPolicy, inputs),
        ),
        CrossAccountCloudformation => iac::cloudformation(Method::CrossAccount, inputs),
        AccountKeysCloudformation => iac::cloudformation(Method::AccountKeys, inputs),
        CrossAccountTerraform => iac::terraform(Method::CrossAccount, inputs),
        AccountKeysTerraform => iac::terraform(Method::AccountKeys, inputs),
        // The six documents are made by `OutputId::document`, the merge and check by `analysed`.
        _ => String::new(),
    }
}
