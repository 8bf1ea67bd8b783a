//! The guide's IAM documents as data: serialised by serde, so they are valid JSON whatever is typed.

use serde::Serialize;

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
    pub resource: Option<&'a str>,
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
    Many(&'a [&'a str]),
}

/// The trust statement's `Condition`: `StringEquals` on `sts:ExternalId`.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Condition<'a> {
    #[serde(rename = "StringEquals")]
    pub string_equals: ExternalIdEquals<'a>,
}

/// `{"sts:ExternalId": "<external id>"}`.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ExternalIdEquals<'a> {
    #[serde(rename = "sts:ExternalId")]
    pub external_id: &'a str,
}

/// An account's root principal ARN, `arn:<partition>:iam::<account>:root`.
pub fn account_root_arn(partition: &str, account_id: &str) -> String {
    format!("arn:{partition}:iam::{account_id}:root")
}

/// A role's ARN, `arn:<partition>:iam::<account>:role/<name>`.
pub fn role_arn(partition: &str, account_id: &str, role_name: &str) -> String {
    format!("arn:{partition}:iam::{account_id}:role/{role_name}")
}

/// Step 2: the cross-account role's inline policy.
pub fn cross_account_permissions_policy() -> PolicyDocument<'static> {
    PolicyDocument {
        version: Some(POLICY_VERSION),
        statement: vec![allow_actions(CROSS_ACCOUNT_ACTIONS)],
    }
}

/// Step 3: the statement that lets ECS assume the role.
pub fn ecs_service_trust_statement() -> Statement<'static> {
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
            string_equals: ExternalIdEquals { external_id },
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

/// Account keys, step 1: the user's inline policy (the guide gives it no `Version`).
pub fn account_keys_user_policy() -> PolicyDocument<'static> {
    PolicyDocument {
        version: None,
        statement: vec![allow_actions(ACCOUNT_KEYS_ACTIONS)],
    }
}

/// Account keys, step 3: the ECS service role's trust policy.
pub fn account_keys_role_trust_policy() -> PolicyDocument<'static> {
    PolicyDocument {
        version: Some(POLICY_VERSION),
        statement: vec![ecs_service_trust_statement()],
    }
}

fn allow_actions(actions: &'static [&'static str]) -> Statement<'static> {
    Statement {
        sid: None,
        effect: "Allow",
        principal: None,
        action: Action::Many(actions),
        resource: Some("*"),
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
    value
        .serialize(&mut serializer)
        .expect("IAM documents serialise to JSON");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}
