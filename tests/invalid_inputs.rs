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
