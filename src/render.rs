//! An output's text and size: the guide's six documents filled in here, the other outputs made by the `full` module.

use crate::documents::{self, to_pretty_json, Hardening};
use crate::findings::{size, Size};
use crate::full::{self, Made, Pasted};
use crate::input_key::InputKey;
use crate::inputs::CheckedInputs;
use crate::output_id::OutputId;

/// An output made from one set of inputs: its text, its size against its quota, and what the
/// full build found making it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Rendered {
    pub text: String,
    pub size: Option<Size>,
    pub made: Made,
}

impl OutputId {
    /// The output's text and size, placeholders where inputs are not valid.
    pub(crate) fn rendered(self, inputs: &CheckedInputs, pasted: &Pasted) -> Rendered {
        let (mut text, made) = match self.document(inputs) {
            Some(text) => (text, Made::default()),
            None => full::make(self, inputs, pasted),
        };
        // Scripts and templates are written line by line; like the documents, the text that is
        // copied ends with its last line, not a line break.
        text.truncate(text.trim_end().len());
        let size = size(self, &text);
        Rendered { text, size, made }
    }

    /// The text of one of the guide's six documents, placeholders where inputs are not valid;
    /// `None` for the outputs the full build makes.
    pub fn document(self, inputs: &CheckedInputs) -> Option<String> {
        let hardening = inputs.hardened().then(|| Hardening {
            partition: inputs.shown(InputKey::Partition),
            account_id: inputs.shown(InputKey::AwsAccountId),
        });
        let text = match self {
            OutputId::CrossAccountPermissionsPolicy => to_pretty_json(
                &documents::cross_account_permissions_policy(hardening.as_ref()),
                4,
            ),
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
                to_pretty_json(&documents::account_keys_user_policy(hardening.as_ref()), 4)
            }
            OutputId::AccountKeysRoleTrustPolicy => {
                to_pretty_json(&documents::account_keys_role_trust_policy(), 2)
            }
            _ => return None,
        };
        Some(text)
    }
}
