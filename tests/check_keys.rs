//! The permissions check on conditions over the keys of the resources an action names (issue 19):
//! the Service Authorization Reference lists `ecs:ResourceTag/${TagKey}` on ECS's clusters,
//! services, tasks, task definitions and container instances, `iam:ResourceTag/${TagKey}` on a
//! role and `elasticloadbalancing:ResourceTag/${TagKey}` on a load balancer. A request that names
//! such a resource can hold the key; one that names none (its resource is `*`) cannot, and IAM
//! decides the condition as it decides one on an absent key. Each case's whole verdict list.

use ecs_guide::full::check::State::{self, *};
use ecs_guide::{generate, InputKey, OutputId, RawInputs};
use serde_json::{json, Value};

const ACCOUNT: &str = "123456789012";

fn report_and_verdicts(statements: Value) -> (String, Vec<(String, State)>) {
    let policy = json!({"Version": "2012-10-17", "Statement": statements});
    let raw = RawInputs::new()
        .with(InputKey::AwsAccountId, ACCOUNT)
        .with(InputKey::ExistingPermissionsPolicy, policy.to_string());
    let guide = generate(&raw);
    assert_eq!(
        guide.input(InputKey::ExistingPermissionsPolicy).error,
        None,
        "{policy}"
    );
    let output = guide.output(OutputId::PermissionsCheck);
    let check = output.check.clone().expect("a pasted policy gets verdicts");
    let verdicts = check
        .verdicts
        .into_iter()
        .map(|v| (v.action, v.state))
        .collect();
    (output.text.clone(), verdicts)
}

fn verdicts(statements: Value) -> Vec<(String, State)> {
    report_and_verdicts(statements).1
}

/// The guide's 27 actions, each `otherwise` except those named.
fn expected(otherwise: State, except: &[(&str, State)]) -> Vec<(String, State)> {
    ecs_guide::documents::CROSS_ACCOUNT_ACTIONS
        .iter()
        .map(|a| {
            let state = except
                .iter()
                .find(|(name, _)| name == a)
                .map_or(otherwise, |(_, s)| *s);
            (a.to_string(), state)
        })
        .collect()
}

/// The guide's ECS actions whose requests name a cluster, service, task, task definition or
/// container instance (the others, ListClusters, ListTaskDefinitions and DeregisterTaskDefinition,
/// act on `*`).
const ECS_ON_RESOURCES: [&str; 10] = [
    "ecs:DescribeClusters",
    "ecs:DescribeTasks",
    "ecs:RegisterTaskDefinition",
    "ecs:DescribeServices",
    "ecs:UpdateService",
    "ecs:DeleteService",
    "ecs:CreateService",
    "ecs:ListTasks",
    "ecs:ListContainerInstances",
    "ecs:DescribeContainerInstances",
];
const ECS_ON_NOTHING: [&str; 3] = [
    "ecs:ListClusters",
    "ecs:DeregisterTaskDefinition",
    "ecs:ListTaskDefinitions",
];

/// The ECS actions on resources in `on_resources`, those on `*` in `on_nothing`, the rest `rest`.
fn ecs(on_resources: State, on_nothing: State, rest: State) -> Vec<(String, State)> {
    let mut except: Vec<(&str, State)> = ECS_ON_RESOURCES
        .iter()
        .map(|a| (*a, on_resources))
        .collect();
    except.extend(ECS_ON_NOTHING.iter().map(|a| (*a, on_nothing)));
    expected(rest, &except)
}

fn allow_all() -> Value {
    json!({"Effect": "Allow", "Action": "*", "Resource": "*"})
}

fn on(effect: &str, action: &str, operator: &str, key: &str, value: &str) -> Value {
    json!({"Effect": effect, "Action": action, "Resource": "*",
        "Condition": {operator: {key: value}}})
}

#[test]
fn a_deny_on_tagged_ecs_resources_leaves_their_actions_granted_only_in_part() {
    let (report, got) = report_and_verdicts(json!([
        allow_all(),
        on(
            "Deny",
            "ecs:*",
            "StringEquals",
            "ecs:ResourceTag/protected",
            "true"
        )
    ]));
    assert_eq!(got, ecs(Conditional, Granted, Granted));
    let limited: String = ECS_ON_RESOURCES
        .iter()
        .map(|a| {
            format!("- {a} \u{2014} allowed, but statement 2, a Deny, denies it when its Condition holds\n")
        })
        .collect();
    let granted: String = ecs_guide::documents::CROSS_ACCOUNT_ACTIONS
        .iter()
        .filter(|a| !ECS_ON_RESOURCES.contains(a))
        .map(|a| format!("- {a} \u{2014} by statement 1\n"))
        .collect();
    assert_eq!(
        report,
        format!(
            "Grants 17 of the guide's 27 actions; 10 only in part, 0 denied, 0 missing.\n\n\
             Granted only in part (10):\n{limited}\nGranted (17):\n{granted}\n\
             Granted means: every AWS action the guide's action stands for (ec2:Describe* stands \
             for every ec2 Describe action) is allowed on every resource of your account it acts \
             on, in your partition, under any condition, and no Deny applies. An action that acts \
             on no particular resource needs \"Resource\": \"*\"."
        )
    );
}

#[test]
fn an_allow_only_under_an_ecs_resource_tag_is_conditional_not_missing() {
    let got = verdicts(json!([on(
        "Allow",
        "ecs:*",
        "StringEquals",
        "ecs:ResourceTag/team",
        "platform"
    )]));
    // The requests on `*` hold no resource tag: the condition never holds for them.
    assert_eq!(got, ecs(Conditional, Missing, Missing));
}

#[test]
fn a_role_s_tags_decide_pass_role() {
    let deny = on(
        "Deny",
        "iam:PassRole",
        "StringEquals",
        "iam:ResourceTag/protected",
        "true",
    );
    assert_eq!(
        verdicts(json!([allow_all(), deny])),
        expected(Granted, &[("iam:PassRole", Conditional)])
    );
    let allow = on(
        "Allow",
        "iam:*",
        "StringEquals",
        "iam:ResourceTag/team",
        "platform",
    );
    assert_eq!(
        verdicts(json!([allow])),
        expected(Missing, &[("iam:PassRole", Conditional)])
    );
}

#[test]
fn a_load_balancer_s_tags_decide_the_actions_on_it() {
    let deny = on(
        "Deny",
        "elasticloadbalancing:*",
        "StringEquals",
        "elasticloadbalancing:ResourceTag/protected",
        "true",
    );
    let on_load_balancers = [
        "elasticloadbalancing:DeregisterInstancesFromLoadBalancer",
        "elasticloadbalancing:RegisterInstancesWithLoadBalancer",
        "elasticloadbalancing:ConfigureHealthCheck",
        "elasticloadbalancing:DeleteLoadBalancerListeners",
        "elasticloadbalancing:CreateLoadBalancerListeners",
    ];
    let limited: Vec<(&str, State)> = on_load_balancers
        .iter()
        .map(|a| (*a, Conditional))
        .collect();
    assert_eq!(
        verdicts(json!([allow_all(), deny])),
        expected(Granted, &limited)
    );
}

// A key the request cannot hold, decided as IAM decides a condition on an absent key: each rule
// on the ECS actions on `*` (the key absent), beside those on resources (the key maybe present).

#[test]
fn if_exists_holds_where_the_key_is_absent() {
    let got = verdicts(json!([on(
        "Allow",
        "ecs:*",
        "StringEqualsIfExists",
        "ecs:ResourceTag/team",
        "platform"
    )]));
    assert_eq!(got, ecs(Conditional, Granted, Missing));
}

#[test]
fn null_true_holds_and_null_false_fails_where_the_key_is_absent() {
    let untagged = on("Deny", "ecs:*", "Null", "ecs:ResourceTag/team", "true");
    assert_eq!(
        verdicts(json!([allow_all(), untagged])),
        ecs(Conditional, Denied, Granted)
    );
    let tagged = on("Allow", "ecs:*", "Null", "ecs:ResourceTag/team", "false");
    assert_eq!(
        verdicts(json!([tagged])),
        ecs(Conditional, Missing, Missing)
    );
}

#[test]
fn a_negated_operator_holds_where_the_key_is_absent() {
    let others = on(
        "Deny",
        "ecs:*",
        "StringNotEquals",
        "ecs:ResourceTag/team",
        "platform",
    );
    assert_eq!(
        verdicts(json!([allow_all(), others])),
        ecs(Conditional, Denied, Granted)
    );
    let not_like = on(
        "Allow",
        "ecs:*",
        "StringNotLike",
        "ecs:ResourceTag/team",
        "ops-*",
    );
    assert_eq!(
        verdicts(json!([not_like])),
        ecs(Conditional, Granted, Missing)
    );
}

#[test]
fn for_all_values_holds_and_for_any_value_fails_where_the_key_is_absent() {
    let all = on(
        "Allow",
        "ecs:*",
        "ForAllValues:StringEquals",
        "ecs:ResourceTag/team",
        "platform",
    );
    assert_eq!(verdicts(json!([all])), ecs(Conditional, Granted, Missing));
    let any = on(
        "Deny",
        "ecs:*",
        "ForAnyValue:StringEquals",
        "ecs:ResourceTag/protected",
        "true",
    );
    assert_eq!(
        verdicts(json!([allow_all(), any])),
        ecs(Conditional, Granted, Granted)
    );
    // Negated under a set operator: ForAnyValue still fails on an absent key, ForAllValues holds.
    let any_not = on(
        "Deny",
        "ecs:*",
        "ForAnyValue:StringNotEquals",
        "ecs:ResourceTag/team",
        "platform",
    );
    assert_eq!(
        verdicts(json!([allow_all(), any_not])),
        ecs(Conditional, Granted, Granted)
    );
    let all_not = on(
        "Deny",
        "ecs:*",
        "ForAllValues:StringNotEquals",
        "ecs:ResourceTag/team",
        "platform",
    );
    assert_eq!(
        verdicts(json!([allow_all(), all_not])),
        ecs(Conditional, Denied, Granted)
    );
}
