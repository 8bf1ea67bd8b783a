//! The guide's IAM documents as data: serialised by serde, so they are valid JSON whatever is typed.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// The IAM policy language version every guide document declares (all but the user policy).
pub const POLICY_VERSION: &str = "2012-10-17";
/// The ECS service principal; it is the same in every partition.
pub const ECS_SERVICE_PRINCIPAL: &str = "ecs.amazonaws.com";

/// The actions of the cross-account role's inline policy, in the guide's order.
pub const CROSS_ACCOUNT_ACTIONS: &[&str] = &[
    "elasticloadbalancing:DeregisterInstancesFromLoadBalancer",
    "elasticloadbalancing:Describe*",
    "elasticloadbalancing:RegisterInstancesWithLoadBalancer",
    "elasticloadbalancing:ConfigureHealthCheck",
    "elasticloadbalancing:DescribeLoadBalancers",
    "elasticloadbalancing:DeleteLoadBalancerListeners",
    "elasticloadbalancing:CreateLoadBalancerListeners",
    "iam:ListServerCertificates",
    "iam:ListRoles",
    "iam:PassRole",
    "ec2:AuthorizeSecurityGroupIngress",
    "ec2:Describe*",
    "ec2:DescribeRegions",
    "ec2:DescribeInstances",
    "ecs:DescribeClusters",
    "ecs:DescribeTasks",
    "ecs:ListClusters",
    "ecs:RegisterTaskDefinition",
    "ecs:DeregisterTaskDefinition",
    "ecs:ListTaskDefinitions",
    "ecs:DescribeServices",
    "ecs:UpdateService",
    "ecs:DeleteService",
    "ecs:CreateService",
    "ecs:ListTasks",
    "ecs:ListContainerInstances",
    "ecs:DescribeContainerInstances",
];

/// The actions of the account-keys user's inline policy, in the guide's order.
pub const ACCOUNT_KEYS_ACTIONS: &[&str] = &[
    "elasticloadbalancing:ConfigureHealthCheck",
    "elasticloadbalancing:DescribeLoadBalancers",
    "elasticloadbalancing:DeleteLoadBalancerListeners",
    "elasticloadbalancing:CreateLoadBalancerListeners",
    "iam:ListServerCertificates",
    "iam:ListRoles",
    "iam:PassRole",
    "ec2:DescribeRegions",
    "ec2:DescribeInstances",
    "ecs:DescribeClusters",
    "ecs:DescribeTasks",
    "ecs:ListClusters",
    "ecs:ListTaskDefinitions",
    "ecs:RegisterTaskDefinition",
    "ecs:DeregisterTaskDefinition",
    "ecs:DescribeServices",
    "ecs:UpdateService",
    "ecs:DeleteService",
    "ecs:CreateService",
    "ecs:ListTasks",
    "ecs:ListContainerInstances",
    "ecs:DescribeContainerInstances",
];

/// The actions of [`CROSS_ACCOUNT_ACTIONS`] another of its actions already grants, each with the
/// action that grants it (what `actions::redundant_actions` finds; a test keeps them equal).
pub const CROSS_ACCOUNT_REDUNDANT: &[(&str, &str)] = &[
    (
        "elasticloadbalancing:DescribeLoadBalancers",
        "elasticloadbalancing:Describe*",
    ),
    ("ec2:DescribeRegions", "ec2:Describe*"),
    ("ec2:DescribeInstances", "ec2:Describe*"),
];

/// The same for [`ACCOUNT_KEYS_ACTIONS`]: none (it has no wildcards).
pub const ACCOUNT_KEYS_REDUNDANT: &[(&str, &str)] = &[];

/// An IAM policy document: `Version` (absent where the guide omits it) and `Statement`.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "PascalCase")]
pub struct PolicyDocument<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<&'a str>,
    pub statement: Vec<Statement<'a>>,
}

/// One statement, its keys in the order the guide writes them.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "PascalCase")]
pub struct Statement<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sid: Option<&'a str>,
    pub effect: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal: Option<Principal<'a>>,
    pub action: Action<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition<'a>>,
}

/// Who a trust statement trusts: an AWS account (by ARN) or an AWS service.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub enum Principal<'a> {
    #[serde(rename = "AWS")]
    Aws(String),
    Service(&'a str),
}

/// A statement's `Action`: one action or a list.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(untagged)]
pub enum Action<'a> {
    One(&'a str),
    Many(Cow<'a, [&'a str]>),
}

/// A statement's `Condition`: `StringEquals` on one key (`sts:ExternalId`, `iam:PassedToService`).
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Condition<'a> {
    #[serde(rename = "StringEquals")]
    pub string_equals: Equals<'a>,
}

/// `{"<condition key>": "<value>"}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Equals<'a> {
    pub key: &'a str,
    pub value: &'a str,
}

impl Serialize for Equals<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.key, self.value)?;
        map.end()
    }
}

/// The account whose roles the hardened variant lets `iam:PassRole` pass, and its partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hardening<'a> {
    pub partition: &'a str,
    pub account_id: &'a str,
}

/// An account's root principal ARN, `arn:<partition>:iam::<account>:root`.
pub fn account_root_arn(partition: &str, account_id: &str) -> String {
    format!("arn:{partition}:iam::{account_id}:root")
}

/// A role's ARN, `arn:<partition>:iam::<account>:role/<name>`.
pub fn role_arn(partition: &str, account_id: &str, role_name: &str) -> String {
    format!("arn:{partition}:iam::{account_id}:role/{role_name}")
}

/// Step 2: the cross-account role's inline policy; hardened, `iam:PassRole` is limited to the
/// account's roles passed to ECS and actions another one already grants are dropped.
pub fn cross_account_permissions_policy<'a>(
    hardening: Option<&Hardening<'a>>,
) -> PolicyDocument<'a> {
    permissions_policy(
        CROSS_ACCOUNT_ACTIONS,
        CROSS_ACCOUNT_REDUNDANT,
        Some(POLICY_VERSION),
        hardening,
    )
}

fn permissions_policy<'a>(
    actions: &'static [&'static str],
    redundant: &[(&str, &str)],
    version: Option<&'static str>,
    hardening: Option<&Hardening<'a>>,
) -> PolicyDocument<'a> {
    let Some(hardening) = hardening else {
        return PolicyDocument {
            version,
            statement: vec![allow_actions(Cow::Borrowed(actions))],
        };
    };
    let kept: Vec<&'static str> = actions
        .iter()
        .copied()
        .filter(|a| *a != PASS_ROLE && !redundant.iter().any(|(r, _)| r == a))
        .collect();
    PolicyDocument {
        version: Some(POLICY_VERSION),
        statement: vec![allow_actions(Cow::Owned(kept)), pass_role_to_ecs(hardening)],
    }
}

/// The action that hands a role to a service; the guide allows it on every role.
pub const PASS_ROLE: &str = "iam:PassRole";

/// The hardened `iam:PassRole` statement: the account's roles, passed to ECS only.
pub fn pass_role_to_ecs<'a>(hardening: &Hardening<'a>) -> Statement<'a> {
    Statement {
        sid: None,
        effect: "Allow",
        principal: None,
        action: Action::One(PASS_ROLE),
        resource: Some(Cow::Owned(roles_arn(hardening))),
        condition: Some(Condition {
            string_equals: Equals {
                key: "iam:PassedToService",
                value: ECS_SERVICE_PRINCIPAL,
            },
        }),
    }
}

/// Every role of the account, `arn:<partition>:iam::<account>:role/*`.
pub fn roles_arn(hardening: &Hardening<'_>) -> String {
    role_arn(hardening.partition, hardening.account_id, "*")
}

/// Step 3: the statement that lets ECS assume the role.
pub fn ecs_service_trust_statement<'a>() -> Statement<'a> {
    Statement {
        sid: Some(""),
        effect: "Allow",
        principal: Some(Principal::Service(ECS_SERVICE_PRINCIPAL)),
        action: Action::One("sts:AssumeRole"),
        resource: None,
        condition: None,
    }
}

/// Step 3: the statement that lets Shippable's account assume the role with the external ID.
pub fn shippable_trust_statement<'a>(
    partition: &str,
    shippable_account_id: &str,
    external_id: &'a str,
) -> Statement<'a> {
    Statement {
        sid: None,
        effect: "Allow",
        principal: Some(Principal::Aws(account_root_arn(
            partition,
            shippable_account_id,
        ))),
        action: Action::One("sts:AssumeRole"),
        resource: None,
        condition: Some(Condition {
            string_equals: Equals {
                key: "sts:ExternalId",
                value: external_id,
            },
        }),
    }
}

/// Step 3: the cross-account role's complete trust policy.
pub fn cross_account_trust_policy<'a>(
    partition: &str,
    shippable_account_id: &str,
    external_id: &'a str,
) -> PolicyDocument<'a> {
    PolicyDocument {
        version: Some(POLICY_VERSION),
        statement: vec![
            shippable_trust_statement(partition, shippable_account_id, external_id),
            ecs_service_trust_statement(),
        ],
    }
}

/// Account keys, step 1: the user's inline policy (the guide gives it no `Version`; the hardened
/// variant adds one and limits `iam:PassRole` as for the role).
pub fn account_keys_user_policy<'a>(hardening: Option<&Hardening<'a>>) -> PolicyDocument<'a> {
    permissions_policy(
        ACCOUNT_KEYS_ACTIONS,
        ACCOUNT_KEYS_REDUNDANT,
        None,
        hardening,
    )
}

/// Account keys, step 3: the ECS service role's trust policy.
pub fn account_keys_role_trust_policy<'a>() -> PolicyDocument<'a> {
    PolicyDocument {
        version: Some(POLICY_VERSION),
        statement: vec![ecs_service_trust_statement()],
    }
}

/// `{"Effect": "Allow", "Action": [...], "Resource": "*"}`.
pub fn allow_actions<'a>(actions: Cow<'a, [&'a str]>) -> Statement<'a> {
    Statement {
        sid: None,
        effect: "Allow",
        principal: None,
        action: Action::Many(actions),
        resource: Some(Cow::Borrowed("*")),
        condition: None,
    }
}

/// Pretty-prints a document as JSON with `indent` spaces, the guide's layout.
pub fn to_pretty_json<T: Serialize>(value: &T, indent: usize) -> String {
    let indent = " ".repeat(indent);
    let formatter = serde_json::ser::PrettyFormatter::with_indent(indent.as_bytes());
    let mut out = Vec::with_capacity(2048);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    // Serialising these plain structs into memory cannot fail: no maps with non-string keys,
    // no I/O. A failure would be a programming error caught by every test.
    // (The error is not formatted: that alone would add kilobytes of message tables to the Wasm.)
    if value.serialize(&mut serializer).is_err() {
        unreachable!("IAM documents serialise to JSON");
    }
    String::from_utf8(out).unwrap_or_else(|_| unreachable!("serde_json writes UTF-8"))
}
