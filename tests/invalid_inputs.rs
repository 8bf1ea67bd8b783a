//! Every input rule and its boundaries, with the exact message a reader sees.

use ecs_guide::inputs::check;
use ecs_guide::InputKey::{self, *};

fn n(c: char, count: usize) -> String {
    std::iter::repeat_n(c, count).collect()
}

/// (field, typed text, expected code, expected message)
fn cases() -> Vec<(InputKey, String, &'static str, String)> {
    let names = "letters A–Z and a–z, digits and + = , . @ _ -";
    let ext = "letters A–Z and a–z, digits and + = , . @ : / _ -";
    vec![
        (AwsAccountId, "".into(), "missing", "Your AWS account ID is required: enter its 12 digits.".into()),
        (AwsAccountId, "   ".into(), "missing", "Your AWS account ID is required: enter its 12 digits.".into()),
        (AwsAccountId, n('1', 11), "account-id-length", "Your AWS account ID: an AWS account ID has 12 digits; this has 11.".into()),
        (AwsAccountId, n('1', 13), "account-id-length", "Your AWS account ID: an AWS account ID has 12 digits; this has 13.".into()),
        (AwsAccountId, "1234-5678-901".into(), "account-id-length", "Your AWS account ID: an AWS account ID has 12 digits; this has 11.".into()),
        (AwsAccountId, "12345678901a".into(), "account-id-not-digit", "Your AWS account ID: an AWS account ID has only digits (dashes and spaces are ignored); character 12 is “a”.".into()),
        (AwsAccountId, "1234_5678_9012".into(), "account-id-not-digit", "Your AWS account ID: an AWS account ID has only digits (dashes and spaces are ignored); character 5 is “_”.".into()),
        (AwsAccountId, "١٢٣٤٥٦٧٨٩٠١٢".into(), "account-id-not-digit", "Your AWS account ID: an AWS account ID has only digits (dashes and spaces are ignored); character 1 is “١” (U+0661, not ASCII).".into()),
        (AwsAccountId, "123456\t789012".into(), "account-id-not-digit", "Your AWS account ID: an AWS account ID has only digits (dashes and spaces are ignored); character 7 is a tab.".into()),
        (ShippableAwsAccountId, "12345678901".into(), "account-id-length", "Shippable's AWS account ID: an AWS account ID has 12 digits; this has 11.".into()),
        (ShippableAwsAccountId, "\"123456789012\"".into(), "account-id-not-digit", "Shippable's AWS account ID: an AWS account ID has only digits (dashes and spaces are ignored); character 1 is “\"”.".into()),
        (ExternalId, "".into(), "missing", "External ID is required: enter your Shippable account ID (2 to 1224 characters).".into()),
        (ExternalId, "a".into(), "too-short", "External ID must be at least 2 characters; this has 1.".into()),
        (ExternalId, n('a', 1225), "too-long", "External ID must be at most 1224 characters; this has 1225.".into()),
        (ExternalId, "abc def".into(), "character-not-allowed", format!("External ID may contain only {ext}; character 4 is a space.")),
        (ExternalId, "abc\"}".into(), "character-not-allowed", format!("External ID may contain only {ext}; character 4 is “\"”.")),
        (ExternalId, "a\\b".into(), "character-not-allowed", format!("External ID may contain only {ext}; character 2 is “\\”.")),
        (ExternalId, "<b>".into(), "character-not-allowed", format!("External ID may contain only {ext}; character 1 is “<”.")),
        (ExternalId, "ab>".into(), "character-not-allowed", format!("External ID may contain only {ext}; character 3 is “>”.")),
        (ExternalId, "café".into(), "character-not-allowed", format!("External ID may contain only {ext}; character 4 is “é” (U+00E9, not ASCII).")),
        (ExternalId, "ab\u{0}".into(), "character-not-allowed", format!("External ID may contain only {ext}; character 3 is the invisible character U+0000.")),
        (ExternalId, "a\u{a0}b".into(), "character-not-allowed", format!("External ID may contain only {ext}; character 2 is the invisible character U+00A0.")),
        (RoleName, n('r', 65), "too-long", "Role name must be at most 64 characters; this has 65.".into()),
        (RoleName, "role/path".into(), "character-not-allowed", format!("Role name may contain only {names}; character 5 is “/”.")),
        (RoleName, "role:x".into(), "character-not-allowed", format!("Role name may contain only {names}; character 5 is “:”.")),
        (RoleName, "my role".into(), "character-not-allowed", format!("Role name may contain only {names}; character 3 is a space.")),
        (RoleName, "rôle".into(), "character-not-allowed", format!("Role name may contain only {names}; character 2 is “ô” (U+00F4, not ASCII).")),
        (RoleName, "x'y".into(), "character-not-allowed", format!("Role name may contain only {names}; character 2 is “'”.")),
        (UserName, n('u', 65), "too-long", "User name must be at most 64 characters; this has 65.".into()),
        (UserName, "a\nb".into(), "character-not-allowed", format!("User name may contain only {names}; character 2 is a line break.")),
        (PolicyName, n('p', 129), "too-long", "Policy name must be at most 128 characters; this has 129.".into()),
        (PolicyName, "{\"a\":1}".into(), "character-not-allowed", format!("Policy name may contain only {names}; character 1 is “{{”.")),
        (UserPolicyName, n('p', 129), "too-long", "User policy name must be at most 128 characters; this has 129.".into()),
        (UserPolicyName, "p*".into(), "character-not-allowed", format!("User policy name may contain only {names}; character 2 is “*”.")),
        (Partition, "aws-eu".into(), "unknown-partition", "Partition must be aws, aws-cn or aws-us-gov; “aws-eu” is none of them.".into()),
        (Partition, "aws cn".into(), "unknown-partition", "Partition must be aws, aws-cn or aws-us-gov; “aws cn” is none of them.".into()),
    ]
}

#[test]
fn every_invalid_input_gets_its_exact_message() {
    let mut failures = Vec::new();
    for (key, raw, code, message) in cases() {
        match check(key, &raw) {
            Ok(value) => failures.push(format!("{} {raw:?} was accepted as {value:?}", key.key())),
            Err(e) => {
                assert_eq!(e.key(), key);
                if e.code() != code || e.to_string() != message {
                    failures.push(format!(
                        "{} {raw:?}\n  expected [{code}] {message}\n  got      [{}] {e}",
                        key.key(),
                        e.code()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn boundaries_that_are_valid() {
    let valid: Vec<(InputKey, String, &str)> = vec![
        (AwsAccountId, "000000000000".into(), "000000000000"),
        (AwsAccountId, " 1234-5678-9012\n".into(), "123456789012"),
        (
            ShippableAwsAccountId,
            "1234 5678 9012".into(),
            "123456789012",
        ),
        (ExternalId, "ab".into(), "ab"),
        (ExternalId, n('a', 1224), ""),
        (
            ExternalId,
            "A-Za-z0-9+=,.@:/_-".into(),
            "A-Za-z0-9+=,.@:/_-",
        ),
        (RoleName, "r".into(), "r"),
        (RoleName, n('r', 64), ""),
        (RoleName, "+=,.@_-".into(), "+=,.@_-"),
        (UserName, n('u', 64), ""),
        (PolicyName, n('p', 128), ""),
        (UserPolicyName, n('p', 128), ""),
        (Partition, "aws-us-gov".into(), "aws-us-gov"),
    ];
    for (key, raw, expected) in valid {
        let value = check(key, &raw).unwrap_or_else(|e| panic!("{} {raw:?}: {e}", key.key()));
        let expected = if expected.is_empty() {
            raw.trim()
        } else {
            expected
        };
        assert_eq!(value, expected, "{}", key.key());
    }
}

/// A pasted policy that gives a key twice is refused, naming the key and where it is given again:
/// a JSON reader keeps one of the two silently, and IAM refuses such a policy (issue 19). Both
/// pasted fields, at any depth, condition blocks included (there whatever the key's case).
#[cfg(feature = "full")]
#[test]
fn a_key_given_twice_is_refused_naming_it_and_its_line() {
    use ecs_guide::{generate, OutputId, RawInputs};
    let twice = "is given twice in one object";
    let rule = "IAM refuses a policy that gives a key more than once. Keep one of them.";
    let trust = "Current trust relationship";
    let permissions = "Your existing permissions policy";
    let cases = [
        (
            ExistingPermissionsPolicy,
            r#"{"Statement": [{"Effect": "Deny", "Action": "ecs:*", "Resource": "*", "Effect": "Allow"}]}"#,
            format!("{permissions}: \"Effect\" {twice} (again at line 1, column 78); {rule}"),
        ),
        (
            ExistingTrustPolicy,
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ecs.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}],\n  \"Statement\": [{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"sts:AssumeRole\"}]\n}",
            format!("{trust}: \"Statement\" {twice} (again at line 4, column 13); {rule}"),
        ),
        (
            ExistingTrustPolicy,
            "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"210987654321\"}, \"Action\": \"sts:AssumeRole\",\n  \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"57b3a1c2d4e5f60718293a4b\", \"sts:ExternalId\": \"*\"}}}}",
            format!("{trust}: \"sts:ExternalId\" {twice} (again at line 2, column 95); {rule}"),
        ),
        (
            ExistingTrustPolicy,
            "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"210987654321\"}, \"Action\": \"sts:AssumeRole\",\n  \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"57b3a1c2d4e5f60718293a4b\"},\n    \"StringEquals\": {\"aws:SourceIp\": \"*\"}}}}",
            format!("{trust}: \"StringEquals\" {twice} (again at line 3, column 18); {rule}"),
        ),
        (
            ExistingTrustPolicy,
            r#"{"Statement": {"Effect": "Allow", "Principal": {"AWS": "210987654321", "AWS": "*"}, "Action": "sts:AssumeRole"}}"#,
            format!("{trust}: \"AWS\" {twice} (again at line 1, column 76); {rule}"),
        ),
        (
            ExistingPermissionsPolicy,
            r#"{"Statement": [{"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "a", "AWS:resourcetag/Team": "b"}}}]}"#,
            format!("{permissions}: the condition key \"AWS:resourcetag/Team\" at line 1, column 153 repeats \"aws:ResourceTag/team\" in the same condition block; IAM reads condition key names without regard to case and refuses a key given twice. Keep one of them."),
        ),
        (
            ExistingTrustPolicy,
            "{\"Version\": \"2012-10-17\", \"Statement\": [], \"Version\": \"2008-10-17\"}",
            format!("{trust}: \"Version\" {twice} (again at line 1, column 52); {rule}"),
        ),
    ];
    for (key, text, message) in cases {
        let guide = generate(
            &RawInputs::new()
                .with(ShippableAwsAccountId, "210987654321")
                .with(ExternalId, "57b3a1c2d4e5f60718293a4b")
                .with(key, text),
        );
        let error = guide.input(key).error.clone();
        let error = error.unwrap_or_else(|| panic!("{text} was accepted"));
        assert_eq!(
            (error.code(), error.to_string()),
            ("duplicate-key", message)
        );
        let output = match key {
            ExistingTrustPolicy => OutputId::MergedTrustPolicy,
            _ => OutputId::PermissionsCheck,
        };
        let output = guide.output(output);
        assert_eq!(
            (output.complete, output.text.as_str(), output.findings.len()),
            (
                false,
                "The pasted policy could not be read: see the message under its field.",
                0
            )
        );
    }
    // The same key in two objects, and two condition keys that differ by more than case, are fine.
    let fine = r#"{"Statement": [{"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "a", "aws:ResourceTag/teams": "b"}}}, {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}"#;
    let guide = generate(&RawInputs::new().with(ExistingPermissionsPolicy, fine));
    assert_eq!(guide.input(ExistingPermissionsPolicy).error, None);
}
