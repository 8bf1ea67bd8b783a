//! The guide's outputs by name: their public ids, file extensions and the inputs each is made from.

use crate::input_key::InputKey;

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
            OutputId::AccountKeysVerification if hardened => {
                &[AwsAccountId, RoleName, UserName, UserPolicyName, Partition]
            }
            OutputId::AccountKeysVerification => &[RoleName, UserName, UserPolicyName, Partition],
            OutputId::PermissionsCheck if hardened => {
                &[ExistingPermissionsPolicy, AwsAccountId, Partition]
            }
            OutputId::PermissionsCheck => &[ExistingPermissionsPolicy],
            // The scripts and templates of each method.
            OutputId::CrossAccountAwsCli
            | OutputId::CrossAccountCloudformation
            | OutputId::CrossAccountTerraform
                if hardened =>
            {
                &[
                    AwsAccountId,
                    ShippableAwsAccountId,
                    ExternalId,
                    RoleName,
                    PolicyName,
                    Partition,
                ]
            }
            OutputId::CrossAccountAwsCli
            | OutputId::CrossAccountCloudformation
            | OutputId::CrossAccountTerraform => &[
                ShippableAwsAccountId,
                ExternalId,
                RoleName,
                PolicyName,
                Partition,
            ],
            OutputId::AccountKeysAwsCli
            | OutputId::AccountKeysCloudformation
            | OutputId::AccountKeysTerraform
                if hardened =>
            {
                &[AwsAccountId, RoleName, UserName, UserPolicyName, Partition]
            }
            OutputId::AccountKeysAwsCli
            | OutputId::AccountKeysCloudformation
            | OutputId::AccountKeysTerraform => &[RoleName, UserName, UserPolicyName, Partition],
            // The verification reads the role and its policy by name, and holds Shippable's check.
            OutputId::CrossAccountVerification => &[
                AwsAccountId,
                ShippableAwsAccountId,
                ExternalId,
                RoleName,
                PolicyName,
                Partition,
            ],
            OutputId::CrossAccountPermissionsPolicy
            | OutputId::CrossAccountTrustStatement
            | OutputId::AccountKeysUserPolicy
            | OutputId::AccountKeysRoleTrustPolicy => &[],
        }
    }
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

    #[test]
    fn output_ids_round_trip() {
        for id in OutputId::ALL {
            assert_eq!(OutputId::from_id(id.id()), Some(id));
        }
    }
}
