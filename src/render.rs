//! The guide's six documents filled in from the inputs (the `full` module makes the other outputs).

use crate::documents::{self, to_pretty_json, Hardening};
use crate::input_key::InputKey;
use crate::inputs::CheckedInputs;
use crate::output_id::OutputId;

impl OutputId {
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
