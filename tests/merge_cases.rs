//! The trust merge on every shape of issue 19 that lets anyone but this customer's Shippable
//! integration assume the role, and on the attacker's variations of them: for each, the whole
//! merged document, the whole findings list and the status, as IAM's documented evaluation reads
//! the pasted policy.

use ecs_guide::findings::Severity::{self, Error, Warning};
use ecs_guide::{generate, InputKey, OutputId, RawInputs};
use serde_json::{json, Value};

const SHIPPABLE: &str = "210987654321";
const ROOT: &str = "arn:aws:iam::210987654321:root";
const EXTERNAL_ID: &str = "57b3a1c2d4e5f60718293a4b";

const NOT_READY: &str = "Not ready to paste: first fix what the findings below say.";
const READ_WARNINGS: &str = "Ready to paste once you have read the warnings below.";
const READY: &str = "Ready to paste.";

/// The tail of every finding on Shippable's account without exactly your External ID.
const CUSTOMERS: &str =
    "any Shippable customer could have Shippable assume it and act with its permissions";
const EXACTLY: &str =
    "Require exactly yours with \"StringEquals\", as the guide\u{2019}s statement does.";

/// The merged trust policy of `statements`, its findings (rule, severity, message) and status.
fn merge(statements: Value) -> (String, Vec<(String, Severity, String)>, String) {
    let trust = json!({"Version": "2012-10-17", "Statement": statements});
    let guide = generate(
        &RawInputs::new()
            .with(InputKey::ShippableAwsAccountId, SHIPPABLE)
            .with(InputKey::ExternalId, EXTERNAL_ID)
            .with(InputKey::ExistingTrustPolicy, trust.to_string()),
    );
    assert_eq!(guide.input(InputKey::ExistingTrustPolicy).error, None);
    let output = guide.output(OutputId::MergedTrustPolicy);
    assert!(output.complete);
    let findings = output
        .findings
        .iter()
        .map(|f| (f.rule.to_owned(), f.severity, f.message.clone()))
        .collect();
    (output.text.clone(), findings, output.status())
}

/// The guide's own two statements, from its own trust policy: Shippable's, then ECS's.
fn guide_statements() -> Vec<Value> {
    let guide = generate(
        &RawInputs::new()
            .with(InputKey::ShippableAwsAccountId, SHIPPABLE)
            .with(InputKey::ExternalId, EXTERNAL_ID),
    );
    let policy: Value =
        serde_json::from_str(&guide.output(OutputId::CrossAccountTrustPolicy).text).unwrap();
    policy["Statement"].as_array().unwrap().clone()
}

/// The merged document: `pasted` with the guide's two statements added after it.
fn with_guides(pasted: &[Value]) -> String {
    let mut statements = pasted.to_vec();
    statements.extend(guide_statements());
    serde_json::to_string_pretty(&json!({"Version": "2012-10-17", "Statement": statements}))
        .unwrap()
}

fn finding(rule: &str, severity: Severity, message: &str) -> (String, Severity, String) {
    (rule.to_owned(), severity, message.to_owned())
}

fn allow(principal: Value, condition: Option<Value>) -> Value {
    let mut statement =
        json!({"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"});
    if let Some(condition) = condition {
        statement["Condition"] = condition;
    }
    statement
}

fn shippable_with(condition: Value) -> Value {
    allow(json!({"AWS": ROOT}), Some(condition))
}

/// One case: the pasted statement, and the findings and status expected beside the merged
/// document (which is always the pasted statement followed by the guide's two).
fn assert_case(statement: Value, expected: &[(String, Severity, String)], status: &str) {
    let (text, findings, got_status) = merge(json!([statement.clone()]));
    assert_eq!(
        text,
        with_guides(std::slice::from_ref(&statement)),
        "{statement}"
    );
    assert_eq!(findings, expected, "{statement}");
    assert_eq!(got_status, status, "{statement}");
}

fn not_exact(why: &str) -> Vec<(String, Severity, String)> {
    vec![finding(
        "external-id-not-exact",
        Error,
        &format!(
            "statement 1 lets \"{ROOT}\", of Shippable\u{2019}s account, assume this role with an External ID \
             condition that does not hold it to yours: {why}. So {CUSTOMERS}. {EXACTLY}"
        ),
    )]
}

#[test]
fn a_pattern_on_the_external_id_lets_other_customers_in() {
    for pattern in ["*", "57b3a1c2d4*", "57b3a1c2d4e5f60718293a4?"] {
        assert_case(
            shippable_with(json!({"StringLike": {"sts:ExternalId": pattern}})),
            &not_exact(&format!(
                "\"StringLike\" matches it against the pattern \"{pattern}\", which other External IDs match too"
            )),
            NOT_READY,
        );
    }
}

#[test]
fn an_external_id_condition_that_holds_without_one_lets_shippable_in_without_it() {
    let absent = "also holds when the request has no External ID at all";
    assert_case(
        shippable_with(json!({"ForAllValues:StringEquals": {"sts:ExternalId": EXTERNAL_ID}})),
        &not_exact(&format!(
            "\"ForAllValues:StringEquals\" {absent} (IAM Access Analyzer reports it as \
             \u{201c}ForAllValues with single valued key\u{201d})"
        )),
        NOT_READY,
    );
    assert_case(
        shippable_with(json!({"StringEqualsIfExists": {"sts:ExternalId": EXTERNAL_ID}})),
        &not_exact(&format!("\"StringEqualsIfExists\" {absent}")),
        NOT_READY,
    );
    assert_case(
        shippable_with(json!({"StringNotEquals": {"sts:ExternalId": "someone-else"}})),
        &not_exact(
            "\"StringNotEquals\" holds for every External ID it does not name, and when there is none",
        ),
        NOT_READY,
    );
    assert_case(
        shippable_with(json!({"Null": {"sts:ExternalId": "false"}})),
        &not_exact("\"Null\" with \"false\" only requires some External ID, whatever its value"),
        NOT_READY,
    );
    assert_case(
        shippable_with(json!({"StringEqualsIgnoreCase": {"STS:EXTERNALID": EXTERNAL_ID}})),
        &not_exact(
            "\"StringEqualsIgnoreCase\" ignores case, so an External ID that differs from yours only in \
             case matches too",
        ),
        NOT_READY,
    );
    assert_case(
        shippable_with(json!({"StringEquals": {"sts:ExternalId": "${aws:username}"}})),
        &not_exact(
            "\"StringEquals\" compares it with \"${aws:username}\", a policy variable that the request fills in",
        ),
        NOT_READY,
    );
    assert_case(
        shippable_with(json!({"NumericEquals": {"sts:ExternalId": 57}})),
        &not_exact(
            "\"NumericEquals\" is not a string operator; IAM compares \"sts:ExternalId\" with string operators",
        ),
        NOT_READY,
    );
}

#[test]
fn any_principal_of_shippables_account_without_the_external_id_is_named() {
    let principals = [
        "arn:aws:iam::210987654321:role/shippable-worker",
        "arn:aws:iam::210987654321:user/deploy",
        "arn:aws:sts::210987654321:assumed-role/shippable-worker/session",
    ];
    assert_case(
        allow(json!({"AWS": principals}), None),
        &[finding(
            "no-external-id",
            Error,
            &format!(
                "statement 1 lets \"{}\", \"{}\", \"{}\", of Shippable\u{2019}s account, assume this role without \
                 requiring \"sts:ExternalId\": {CUSTOMERS}. Remove it; the guide\u{2019}s statement requires your \
                 External ID.",
                principals[0], principals[1], principals[2]
            ),
        )],
        NOT_READY,
    );
    let every_role = "arn:aws:iam::210987654321:role/*";
    assert_case(
        allow(json!({"AWS": every_role}), None),
        &[
            finding(
                "principal-wildcard",
                Error,
                &format!(
                    "statement 1 names \"{every_role}\": IAM accepts no wildcard (* or ?) inside a principal\u{2019}s \
                     ARN, and refuses this trust policy. Name the role, the user or the account."
                ),
            ),
            finding(
                "no-external-id",
                Error,
                &format!(
                    "statement 1 lets \"{every_role}\", of Shippable\u{2019}s account, assume this role without \
                     requiring \"sts:ExternalId\": {CUSTOMERS}. Remove it; the guide\u{2019}s statement requires \
                     your External ID."
                ),
            ),
        ],
        NOT_READY,
    );
    // "Null": "true" lets it in only without one; sts:* and * and a NotAction take in sts:AssumeRole.
    let without = |how: &str| {
        vec![finding(
            "no-external-id",
            Error,
            &format!(
                "statement 1 lets \"{ROOT}\", of Shippable\u{2019}s account, assume this role {how}: {CUSTOMERS}. \
                 Remove it; the guide\u{2019}s statement requires your External ID."
            ),
        )]
    };
    assert_case(
        shippable_with(json!({"Null": {"sts:ExternalId": "true"}})),
        &without("only when the request has no External ID (\"Null\": \"true\")"),
        NOT_READY,
    );
    for actions in [
        json!({"Action": "sts:*"}),
        json!({"Action": ["*"]}),
        json!({"NotAction": "iam:*"}),
    ] {
        let mut statement = json!({"Effect": "Allow", "Principal": {"AWS": SHIPPABLE}});
        for (key, value) in actions.as_object().unwrap() {
            statement[key] = value.clone();
        }
        assert_case(
            statement,
            &[finding(
                "no-external-id",
                Error,
                &format!(
                    "statement 1 lets \"{SHIPPABLE}\", of Shippable\u{2019}s account, assume this role without \
                     requiring \"sts:ExternalId\": {CUSTOMERS}. Remove it; the guide\u{2019}s statement requires \
                     your External ID."
                ),
            )],
            NOT_READY,
        );
    }
}

#[test]
fn other_external_ids_are_named_and_the_guides_statement_is_still_added() {
    let other = "0123456789abcdef01234567";
    let also = |values: &str| {
        vec![finding(
            "other-external-id",
            Warning,
            &format!(
                "statement 1 lets \"{ROOT}\", of Shippable\u{2019}s account, assume this role with the External ID \
                 {values} as well as yours: that is another Shippable account\u{2019}s, and that account could \
                 have Shippable assume this role. Keep only yours unless that account is yours too."
            ),
        )]
    };
    assert_case(
        shippable_with(json!({"StringEquals": {"sts:ExternalId": [EXTERNAL_ID, other]}})),
        &also(&format!("\"{other}\"")),
        READ_WARNINGS,
    );
    // A number among the values is another External ID too, and not the guide's one string value.
    assert_case(
        shippable_with(json!({"StringEquals": {"sts:ExternalId": [EXTERNAL_ID, 1234]}})),
        &also("1234"),
        READ_WARNINGS,
    );
    assert_case(
        shippable_with(json!({"StringEquals": {"sts:ExternalId": other}})),
        &[finding(
            "other-external-id",
            Warning,
            &format!(
                "statement 1 lets \"{ROOT}\", of Shippable\u{2019}s account, assume this role with the External ID \
                 \"{other}\" and not yours: that is another Shippable account\u{2019}s, and that account could have \
                 Shippable assume this role. Remove it unless that account is yours too."
            ),
        )],
        READ_WARNINGS,
    );
}

#[test]
fn anyone_and_every_other_principal_are_named() {
    let anyone = |how: &str| {
        vec![finding(
            "trusts-anyone",
            Error,
            &format!(
                "statement 1 lets any principal assume this role ({how}): anyone who learns its ARN can act \
                 with its permissions. Remove it or name the principals."
            ),
        )]
    };
    assert_case(
        allow(json!("*"), None),
        &anyone("\"Principal\": \"*\""),
        NOT_READY,
    );
    // With your External ID too: it is not a secret.
    assert_case(
        allow(
            json!({"AWS": "*"}),
            Some(json!({"StringEquals": {"sts:ExternalId": EXTERNAL_ID}})),
        ),
        &anyone("\"AWS\": \"*\""),
        NOT_READY,
    );
    assert_case(
        json!({"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::999988887777:root"}, "Action": "sts:AssumeRole"}),
        &[finding(
            "trusts-anyone",
            Error,
            "statement 1 uses \"NotPrincipal\" with \"Allow\": it lets every principal but the ones named assume \
             this role, and IAM does not accept \"NotPrincipal\" in a role\u{2019}s trust policy. Name the \
             principals in \"Principal\" instead.",
        )],
        NOT_READY,
    );
    let others = |who: &str, when: &str| {
        vec![finding(
            "trusts-other-principal",
            Warning,
            &format!(
                "statement 1 lets {who} assume this role{when}: neither Shippable nor the guide\u{2019}s \
                 ecs.amazonaws.com. Whoever that is can act with this role\u{2019}s permissions; keep it only \
                 if you mean to."
            ),
        )]
    };
    assert_case(
        allow(
            json!({"AWS": ["999988887777", "arn:aws:iam::123456789012:role/ci"]}),
            Some(json!({"StringEquals": {"sts:ExternalId": EXTERNAL_ID}})),
        ),
        &others(
            "\"999988887777\" (\"AWS\"), \"arn:aws:iam::123456789012:role/ci\" (\"AWS\")",
            " when its Condition holds",
        ),
        READ_WARNINGS,
    );
    assert_case(
        json!({"Effect": "Allow", "Principal": {"Federated": "accounts.google.com"}, "Action": "sts:AssumeRoleWithWebIdentity"}),
        &others("\"accounts.google.com\" (\"Federated\")", ""),
        READ_WARNINGS,
    );
    assert_case(
        allow(json!({"Service": ["ecs-tasks.amazonaws.com"]}), None),
        &others("\"ecs-tasks.amazonaws.com\" (\"Service\")", ""),
        READ_WARNINGS,
    );
}

#[test]
fn only_the_guides_exact_statement_is_the_guides_and_narrower_ones_are_fine() {
    // Exactly yours, ANDed with a looser clause, or with ForAnyValue (false when absent): only your
    // External ID gets in, so no finding, though the guide's statement is still added.
    for condition in [
        json!({"StringEquals": {"sts:ExternalId": EXTERNAL_ID}, "StringLike": {"sts:ExternalId": "*"}}),
        json!({"ForAnyValue:StringEquals": {"sts:ExternalId": EXTERNAL_ID}}),
        json!({"StringLike": {"sts:ExternalId": EXTERNAL_ID}}),
    ] {
        assert_case(shippable_with(condition), &[], READY);
    }
    // The guide's own statements (one value as a one-element array, the account as its bare ID)
    // are recognised: nothing is added, nothing found.
    let own = [
        allow(
            json!({"AWS": SHIPPABLE}),
            Some(json!({"StringEquals": {"sts:ExternalId": [EXTERNAL_ID]}})),
        ),
        allow(json!({"Service": "ecs.amazonaws.com"}), None),
    ];
    let (text, findings, status) = merge(json!(own));
    let expected = json!({"Version": "2012-10-17", "Statement": own});
    assert_eq!(text, serde_json::to_string_pretty(&expected).unwrap());
    assert_eq!((findings, status.as_str()), (vec![], READY));
}

#[test]
fn long_lists_name_five_and_count_the_rest_and_a_paste_at_the_cap_stays_quick() {
    let accounts: Vec<String> = (0..7).map(|n| format!("99998888777{n}")).collect();
    assert_case(
        allow(json!({"AWS": accounts}), None),
        &[finding(
            "trusts-other-principal",
            Warning,
            "statement 1 lets \"999988887770\" (\"AWS\"), \"999988887771\" (\"AWS\"), \"999988887772\" (\"AWS\"), \
             \"999988887773\" (\"AWS\"), \"999988887774\" (\"AWS\") and 2 more assume this role: neither \
             Shippable nor the guide\u{2019}s ecs.amazonaws.com. Whoever that is can act with this role\u{2019}s \
             permissions; keep it only if you mean to.",
        )],
        READ_WARNINGS,
    );
    // Nearly 64 KB: thousands of External IDs in two ANDed clauses and thousands of principals.
    let mut ids = vec![EXTERNAL_ID.to_owned()];
    ids.extend((0..2_200).map(|n| format!("{n:08}")));
    let mut principals = vec![ROOT.to_owned()];
    principals.extend((0..1_000).map(|n| format!("{n:012}")));
    let statement = allow(
        json!({"AWS": principals}),
        Some(
            json!({"StringEquals": {"sts:ExternalId": ids}, "StringLike": {"sts:ExternalId": ids}}),
        ),
    );
    let text = json!({"Statement": [statement]}).to_string();
    assert!(text.len() > 50_000 && text.len() < 65_536, "{}", text.len());
    let started = std::time::Instant::now();
    let (_, findings, status) = merge(json!([statement]));
    let took = started.elapsed();
    let rules: Vec<&str> = findings.iter().map(|f| f.0.as_str()).collect();
    // Far over IAM's 2,048 characters for a trust policy, too.
    assert_eq!(
        rules,
        [
            "size-over-quota",
            "other-external-id",
            "trusts-other-principal"
        ]
    );
    assert!(
        findings[1].2.contains(
            "\"00000004\" and 2195 more as well as yours: each is another Shippable account\u{2019}s, \
             and each of those accounts could have Shippable assume this role. Keep only yours unless \
             those accounts are yours too."
        ),
        "{}",
        findings[1].2
    );
    assert_eq!(status, NOT_READY);
    // Generous (an unoptimised test build on a shared machine): what it guards is quadratic work.
    assert!(took.as_millis() < 1_000, "{took:?}");
}
