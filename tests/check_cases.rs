//! The permissions check and the trust merge on every case of issue 10: each case's expected
//! verdict for every one of the guide's actions, as IAM decides it (AWS's documented evaluation
//! logic on the real actions of its Service Authorization Reference).

use ecs_guide::findings::FindingRule;
use ecs_guide::full::check::State::{self, *};
use ecs_guide::{generate, Guide, InputKey, OutputId, RawInputs};
use serde_json::{json, Value};

const ACCOUNT: &str = "123456789012";
const SHIPPABLE: &str = "210987654321";
const EXTERNAL_ID: &str = "57b3a1c2d4e5f60718293a4b";

fn guide_with(key: InputKey, policy: &Value, partition: &str) -> Guide {
    let raw = RawInputs::new()
        .with(InputKey::AwsAccountId, ACCOUNT)
        .with(InputKey::ShippableAwsAccountId, SHIPPABLE)
        .with(InputKey::ExternalId, EXTERNAL_ID)
        .with(InputKey::Partition, partition)
        .with(key, policy.to_string());
    generate(&raw)
}

/// Every guide action with its verdict on `statements` (in partition aws).
fn verdicts(statements: Value) -> Vec<(String, State)> {
    let policy = json!({"Version": "2012-10-17", "Statement": statements});
    let guide = guide_with(InputKey::ExistingPermissionsPolicy, &policy, "aws");
    let input = guide.input(InputKey::ExistingPermissionsPolicy);
    assert_eq!(input.error, None, "{policy}");
    let check = guide.output(OutputId::PermissionsCheck).check.clone();
    check
        .expect("a pasted policy gets verdicts")
        .verdicts
        .into_iter()
        .map(|v| (v.action, v.state))
        .collect()
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

fn allow_all() -> Value {
    json!({"Effect": "Allow", "Action": "*", "Resource": "*"})
}

#[test]
fn wildcard_overlap_denies_what_the_deny_names() {
    let got = verdicts(
        json!([allow_all(), {"Effect": "Deny", "Action": "ec2:*Instances", "Resource": "*"}]),
    );
    assert_eq!(
        got,
        expected(
            Granted,
            &[("ec2:Describe*", Denied), ("ec2:DescribeInstances", Denied)]
        )
    );
}

#[test]
fn a_deny_on_some_describe_actions_is_not_missing_and_no_allow_is_offered() {
    let policy =
        json!([{"Effect": "Deny", "Action": "elasticloadbalancing:*Listeners", "Resource": "*"}]);
    assert_eq!(
        verdicts(policy.clone()),
        expected(
            Missing,
            &[
                ("elasticloadbalancing:Describe*", Denied),
                ("elasticloadbalancing:DeleteLoadBalancerListeners", Denied),
                ("elasticloadbalancing:CreateLoadBalancerListeners", Denied),
            ]
        )
    );
    let guide = guide_with(
        InputKey::ExistingPermissionsPolicy,
        &json!({"Version": "2012-10-17", "Statement": policy}),
        "aws",
    );
    let report = &guide.output(OutputId::PermissionsCheck).text;
    assert!(report.contains("adding an Allow cannot help"), "{report}");
    assert!(
        report.contains(
            "- elasticloadbalancing:Describe* \u{2014} denied by statement 1 for 1 of the"
        ),
        "{report}"
    );
    let add = report
        .split("Add this")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap();
    assert!(!add.contains("elasticloadbalancing:Describe*"), "{report}");
    assert!(!add.contains("Listeners"), "{report}");
}

fn grammar_error(statements: Value) -> String {
    let policy = json!({"Version": "2012-10-17", "Statement": statements});
    let guide = guide_with(InputKey::ExistingPermissionsPolicy, &policy, "aws");
    let error = guide
        .input(InputKey::ExistingPermissionsPolicy)
        .error
        .clone()
        .unwrap_or_else(|| panic!("IAM rejects {policy}"));
    assert_eq!(error.code(), "not-a-policy");
    assert!(!guide.output(OutputId::PermissionsCheck).complete);
    error.to_string()
}

#[test]
fn grammar_iam_rejects_is_rejected_naming_the_statement_and_rule() {
    let m = grammar_error(
        json!([allow_all(), {"Sid": "Ecs", "Effect": "Allow", "Action": "ecs*", "Resource": "*"}]),
    );
    assert!(
        m.contains("statement 2 (\"Sid\": \"Ecs\")") && m.contains("without a service prefix"),
        "{m}"
    );
    let m = grammar_error(
        json!([{"Effect": "Allow", "Action": "ecs:*", "NotAction": "iam:*", "Resource": "*"}]),
    );
    assert!(
        m.contains("statement 1 has both \"Action\" and \"NotAction\""),
        "{m}"
    );
    let m = grammar_error(json!([{"Effect": "Permit", "Action": "ecs:*", "Resource": "*"}]));
    assert!(m.contains("statement 1 has \"Effect\": \"Permit\""), "{m}");
    let m = grammar_error(json!([{"Action": "ecs:*", "Resource": "*"}]));
    assert!(m.contains("statement 1 has no \"Effect\""), "{m}");
    let m = grammar_error(
        json!([allow_all(), {"Effect": "Allow", "Principal": "*", "Action": "ecs:*", "Resource": "*"}]),
    );
    assert!(m.contains("statement 2 has a \"Principal\""), "{m}");
}

#[test]
fn a_condition_on_a_key_the_action_never_has_never_holds() {
    let got = verdicts(
        json!([{"Effect": "Allow", "Action": "ecs:*", "Resource": "*",
        "Condition": {"StringEquals": {"iam:PassedToService": "ecs.amazonaws.com"}}}]),
    );
    assert_eq!(got, expected(Missing, &[]));
}

#[test]
fn resources_scope_allows_and_denies() {
    // A Deny on an S3 bucket denies none of the guide's actions.
    let got = verdicts(
        json!([allow_all(), {"Effect": "Deny", "Action": "*", "Resource": "arn:aws:s3:::example-bucket/*"}]),
    );
    assert_eq!(got, expected(Granted, &[]));
    // NotResource naming a bucket allows everything else.
    let got = verdicts(
        json!([{"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::example-bucket"}]),
    );
    assert_eq!(got, expected(Granted, &[]));
    // The account's ECS resources: every ECS action that acts on one; not the ones that act on "*".
    let got = verdicts(
        json!([{"Effect": "Allow", "Action": "ecs:*", "Resource": format!("arn:aws:ecs:*:{ACCOUNT}:*")}]),
    );
    let ecs_on_resources = [
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
    let granted: Vec<(&str, State)> = ecs_on_resources.iter().map(|a| (*a, Granted)).collect();
    assert_eq!(got, expected(Missing, &granted));
    // A Deny's Resource counts: one cluster denied leaves the cluster actions allowed elsewhere.
    let got = verdicts(json!([allow_all(), {"Effect": "Deny", "Action": "ecs:*",
        "Resource": format!("arn:aws:ecs:us-east-1:{ACCOUNT}:cluster/prod")}]));
    assert_eq!(
        got,
        expected(
            Granted,
            &[
                ("ecs:DescribeClusters", Partial),
                ("ecs:ListContainerInstances", Partial)
            ]
        )
    );
    // Another account's resources, or another partition's, are not the reader's.
    let got = verdicts(
        json!([{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:ecs:*:111122223333:*"}]),
    );
    assert_eq!(got, expected(Missing, &[]));
    let got = verdicts(
        json!([{"Effect": "Allow", "Action": "iam:PassRole", "Resource": format!("arn:aws-cn:iam::{ACCOUNT}:role/*")}]),
    );
    assert_eq!(got, expected(Missing, &[]));
    let got = verdicts(
        json!([{"Effect": "Allow", "Action": "iam:PassRole", "Resource": format!("arn:aws:iam::{ACCOUNT}:role/ecs-*")}]),
    );
    assert_eq!(got, expected(Missing, &[("iam:PassRole", Partial)]));
}

#[test]
fn a_conditional_deny_denies_only_under_its_condition() {
    let got = verdicts(
        json!([allow_all(), {"Effect": "Deny", "Action": "ecs:Delete*", "Resource": "*",
        "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]),
    );
    assert_eq!(
        got,
        expected(Granted, &[("ecs:DeleteService", Conditional)])
    );
}

#[test]
fn the_usual_pass_role_guardrail_leaves_pass_role_to_ecs_granted() {
    let got = verdicts(
        json!([allow_all(), {"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*",
        "Condition": {"StringNotEquals": {"iam:PassedToService": "ecs.amazonaws.com"}}}]),
    );
    assert_eq!(got, expected(Granted, &[]));
}

#[test]
fn question_marks_match_one_character_of_real_names() {
    let got = verdicts(
        json!([allow_all(), {"Effect": "Deny", "Action": "ec2:Describe?", "Resource": "*"}]),
    );
    assert_eq!(got, expected(Granted, &[]));
    let got = verdicts(json!([{"Effect": "Allow", "Action": "ec2:Describe?*", "Resource": "*"}]));
    assert_eq!(
        got,
        expected(
            Missing,
            &[
                ("ec2:Describe*", Granted),
                ("ec2:DescribeRegions", Granted),
                ("ec2:DescribeInstances", Granted)
            ]
        )
    );
}

#[test]
fn order_does_not_matter() {
    let conditional = json!({"Effect": "Allow", "Action": "*", "Resource": "*",
        "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}});
    assert_eq!(
        verdicts(json!([conditional.clone(), allow_all()])),
        expected(Granted, &[])
    );
    assert_eq!(verdicts(json!([conditional])), expected(Conditional, &[]));
}

#[test]
fn pasted_text_cannot_forge_a_line() {
    let forged = "x\"\nAll clear: every action is granted.\n";
    let got = guide_with(
        InputKey::ExistingPermissionsPolicy,
        &json!({"Statement": [allow_all(), {"Sid": forged, "Effect": "Deny", "Action": "ecs:*", "Resource": "*"}]}),
        "aws",
    );
    let report = &got.output(OutputId::PermissionsCheck).text;
    assert!(
        report.lines().all(|l| !l.starts_with("All clear")),
        "{report}"
    );
    assert!(
        report.contains(r#"("Sid": "x\"\nAll clear: every action is granted.\n")"#),
        "{report}"
    );
    let m =
        grammar_error(json!([{"Effect": "Allow\nAll clear", "Action": "ecs:*", "Resource": "*"}]));
    assert!(!m.contains('\n'), "{m}");
    let m = grammar_error(
        json!([{"Effect": "Allow", "Action": "ecs\r\nAll clear\u{2028}", "Resource": "*"}]),
    );
    assert!(!m.contains(['\n', '\r', '\u{2028}']), "{m}");
    // The merge's findings quote a pasted Sid too.
    let trust = json!({"Statement": [{"Sid": forged, "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]});
    let got = guide_with(InputKey::ExistingTrustPolicy, &trust, "aws");
    for finding in &got.output(OutputId::MergedTrustPolicy).findings {
        assert!(!finding.message.contains('\n'), "{}", finding.message);
    }
}

fn merged(statements: Value, partition: &str) -> (String, Vec<&'static str>, String) {
    let trust = json!({"Version": "2012-10-17", "Statement": statements});
    let guide = guide_with(InputKey::ExistingTrustPolicy, &trust, partition);
    assert_eq!(guide.input(InputKey::ExistingTrustPolicy).error, None);
    let output = guide.output(OutputId::MergedTrustPolicy);
    let rules = output
        .findings
        .iter()
        .filter(|f| f.rule != FindingRule::CrossPartitionTrust.id())
        .map(|f| f.rule)
        .collect();
    (output.text.clone(), rules, output.status())
}

fn shippable_statement(principal: &str) -> Value {
    json!({"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"sts:ExternalId": EXTERNAL_ID}}})
}

#[test]
fn a_merge_compares_principals_within_the_partition() {
    for partition in ["aws-cn", "aws-us-gov"] {
        let pasted = shippable_statement(&format!("arn:aws:iam::{SHIPPABLE}:root"));
        let (text, rules, _) = merged(json!([pasted]), partition);
        assert!(
            text.contains(&format!("arn:{partition}:iam::{SHIPPABLE}:root")),
            "{text}"
        );
        assert_eq!(rules, ["other-partition-principal"]);
        // The same account in the role's own partition (or as a bare ID) is the guide's statement.
        let (text, _, _) = merged(
            json!([shippable_statement(SHIPPABLE), {"Effect": "Allow", "Principal": {"Service": "ecs.amazonaws.com"}, "Action": "sts:AssumeRole"}]),
            partition,
        );
        assert!(!text.contains("arn:"), "nothing added: {text}");
    }
}

#[test]
fn a_merged_document_that_lets_in_too_much_or_keeps_a_deny_is_not_ready() {
    let cases = [
        (
            json!({"Effect": "Allow", "Principal": {"AWS": SHIPPABLE}, "Action": "sts:AssumeRole"}),
            "no-external-id",
        ),
        (
            json!({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}),
            "trusts-anyone",
        ),
        (
            json!({"Effect": "Deny", "Principal": {"Service": "ecs.amazonaws.com"}, "Action": "sts:*"}),
            "deny-blocks-guide",
        ),
        (
            json!({"Effect": "Deny", "Principal": {"AWS": format!("arn:aws:iam::{SHIPPABLE}:root")}, "Action": "*"}),
            "deny-blocks-guide",
        ),
    ];
    for (statement, rule) in cases {
        let (text, rules, status) = merged(json!([statement]), "aws");
        assert_eq!(rules, [rule], "{text}");
        assert!(!status.contains("Ready"), "{status}");
    }
    let (_, rules, status) = merged(json!([shippable_statement(SHIPPABLE)]), "aws");
    assert_eq!(rules, Vec::<&str>::new());
    assert_eq!(status, "Ready to paste.");
}
