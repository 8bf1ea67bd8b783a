//! The guide's inputs by name: their public keys, labels, defaults and placeholders.

/// One input of the guide, named by its public key (`name="<key>"` on the page).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InputKey {
    AwsAccountId,
    ShippableAwsAccountId,
    ExternalId,
    RoleName,
    PolicyName,
    UserName,
    UserPolicyName,
    Partition,
    /// The role's current trust relationship, pasted to merge the guide's statements into.
    ExistingTrustPolicy,
    /// A permissions policy the reader already has, pasted to check against the guide's actions.
    ExistingPermissionsPolicy,
    /// The least-privilege switch: `true` or `false` (empty is `false`).
    Hardened,
}

impl InputKey {
    /// Every input, in the order the guide asks for them.
    pub const ALL: [InputKey; 11] = [
        InputKey::AwsAccountId,
        InputKey::ShippableAwsAccountId,
        InputKey::ExternalId,
        InputKey::RoleName,
        InputKey::PolicyName,
        InputKey::UserName,
        InputKey::UserPolicyName,
        InputKey::Partition,
        InputKey::ExistingTrustPolicy,
        InputKey::ExistingPermissionsPolicy,
        InputKey::Hardened,
    ];

    /// The public key: the form control's `name` and the embed's attribute.
    pub const fn key(self) -> &'static str {
        match self {
            InputKey::AwsAccountId => "aws-account-id",
            InputKey::ShippableAwsAccountId => "shippable-aws-account-id",
            InputKey::ExternalId => "external-id",
            InputKey::RoleName => "role-name",
            InputKey::PolicyName => "policy-name",
            InputKey::UserName => "user-name",
            InputKey::UserPolicyName => "user-policy-name",
            InputKey::Partition => "partition",
            InputKey::ExistingTrustPolicy => "existing-trust-policy",
            InputKey::ExistingPermissionsPolicy => "existing-permissions-policy",
            InputKey::Hardened => "hardened",
        }
    }

    /// True for the policies the reader pastes (to merge or check), not types.
    pub const fn is_pasted(self) -> bool {
        matches!(
            self,
            InputKey::ExistingTrustPolicy | InputKey::ExistingPermissionsPolicy
        )
    }

    /// Looks a key up by its public name.
    pub fn from_key(key: &str) -> Option<InputKey> {
        InputKey::ALL.into_iter().find(|k| k.key() == key)
    }

    /// What the field is called in messages and labels, in the guide's words.
    pub const fn label(self) -> &'static str {
        match self {
            InputKey::AwsAccountId => "Your AWS account ID",
            InputKey::ShippableAwsAccountId => "Shippable's AWS account ID",
            InputKey::ExternalId => "External ID",
            InputKey::RoleName => "Role name",
            InputKey::PolicyName => "Policy name",
            InputKey::UserName => "User name",
            InputKey::UserPolicyName => "User policy name",
            InputKey::Partition => "Partition",
            InputKey::ExistingTrustPolicy => "Current trust relationship",
            InputKey::ExistingPermissionsPolicy => "Your existing permissions policy",
            InputKey::Hardened => "Hardened (least privilege)",
        }
    }

    /// The value used when the field is left empty; `None` when the reader must type one.
    pub const fn default_value(self) -> Option<&'static str> {
        match self {
            InputKey::RoleName => Some("shippable-role-to-allow-ecs-access"),
            InputKey::PolicyName => Some("shippable-policy-to-access-ecs"),
            InputKey::UserName => Some("shippable-user-to-allow-ecs-access"),
            InputKey::UserPolicyName => Some("shippable-user-policy-for-ecs-access"),
            InputKey::Partition => Some("aws"),
            InputKey::ExistingTrustPolicy | InputKey::ExistingPermissionsPolicy => Some(""),
            InputKey::Hardened => Some("false"),
            InputKey::AwsAccountId | InputKey::ShippableAwsAccountId | InputKey::ExternalId => None,
        }
    }

    /// The guide's placeholder, shown in documents until the value is valid.
    pub const fn placeholder(self) -> &'static str {
        match self {
            InputKey::AwsAccountId => "<12 digit AWS account id>",
            InputKey::ShippableAwsAccountId => "<shippable aws account id>",
            InputKey::ExternalId => "<users shippable account id>",
            InputKey::RoleName => "<role name>",
            InputKey::PolicyName => "<policy name>",
            InputKey::UserName => "<user name>",
            InputKey::UserPolicyName => "<user policy name>",
            InputKey::Partition => "<partition>",
            InputKey::ExistingTrustPolicy => "<current trust relationship>",
            InputKey::ExistingPermissionsPolicy => "<existing permissions policy>",
            InputKey::Hardened => "false",
        }
    }

    /// True for the inputs this build reads. The small build (without the `full` feature) leaves
    /// the pasted policies to the full build: it makes nothing from them and reports no state.
    pub const fn read_by_this_build(self) -> bool {
        cfg!(feature = "full")
            || !matches!(
                self,
                InputKey::ExistingTrustPolicy | InputKey::ExistingPermissionsPolicy
            )
    }

    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}
