//! Properties over any typed text: no panic, every document valid JSON, and a document marked
//! complete holds only valid values.

use ecs_guide::guide::check_input as check;
use ecs_guide::{generate, InputKey, OutputId, RawInputs};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Typed text: anything at all, or text close to valid (so that valid values occur often).
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9 -]{0,16}",
        "[A-Za-z0-9+=,.@:/_\\- \"\\\\<>{}é]{0,70}",
        Just(String::new()),
        "(aws|aws-cn|aws-us-gov|AWS|aws-eu)",
    ]
}

/// One statement of a pasted policy, in any of the forms IAM accepts (and some it does not).
fn statement() -> impl Strategy<Value = Value> {
    let principal = prop_oneof![
        Just(json!({"Service": "ecs.amazonaws.com"})),
        Just(json!({"AWS": "210987654321"})),
        Just(json!({"AWS": ["arn:aws:iam::210987654321:root", "arn:aws:iam::123456789012:root"]})),
        Just(json!("*")),
    ];
    let action = prop_oneof![
        Just(json!("sts:AssumeRole")),
        Just(json!(["STS:assumerole"])),
        Just(json!("sts:TagSession")),
    ];
    (
        prop_oneof![Just("Allow"), Just("Deny")],
        principal,
        action,
        proptest::option::of("[a-z]{0,4}"),
        proptest::bool::ANY,
    )
        .prop_map(|(effect, principal, action, sid, condition)| {
            let mut s = serde_json::Map::new();
            if let Some(sid) = sid {
                s.insert("Sid".into(), json!(sid));
            }
            s.insert("Effect".into(), json!(effect));
            s.insert("Principal".into(), principal);
            s.insert("Action".into(), action);
            if condition {
                s.insert(
                    "Condition".into(),
                    json!({"StringEquals": {"sts:ExternalId": "abc"}}),
                );
            }
            Value::Object(s)
        })
}

/// A trust policy as the console shows it: `Statement` an array or one object, keys in any order.
fn trust_policy() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(statement(), 0..4),
        proptest::bool::ANY,
        proptest::bool::ANY,
    )
        .prop_map(|(statements, single, version_last)| {
            let statement = match (single, statements.first()) {
                (true, Some(one)) => one.clone(),
                _ => Value::Array(statements),
            };
            let document = if version_last {
                json!({"Statement": statement, "Version": "2012-10-17"})
            } else {
                json!({"Version": "2012-10-17", "Statement": statement})
            };
            serde_json::to_string_pretty(&document).unwrap()
        })
}

fn inputs() -> impl Strategy<Value = RawInputs> {
    (
        proptest::collection::vec(typed(), 8),
        prop_oneof![trust_policy(), typed()],
        prop_oneof![
            typed(),
            Just(
                r#"{"Statement": {"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}}"#
                    .to_owned()
            )
        ],
        prop_oneof![Just("true"), Just("false"), Just(""), Just("maybe")],
    )
        .prop_map(|(values, trust, permissions, hardened)| {
            let mut raw = RawInputs::new();
            for (key, value) in InputKey::ALL.into_iter().zip(values) {
                raw.set(key, value);
            }
            raw.set(InputKey::ExistingTrustPolicy, trust);
            raw.set(InputKey::ExistingPermissionsPolicy, permissions);
            raw.set(InputKey::Hardened, hardened);
            raw
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_document_is_valid_json(raw in inputs()) {
        let guide = generate(&raw);
        for output in &guide.outputs {
            let unreadable = output.waiting_for.contains(&InputKey::ExistingTrustPolicy);
            if output.id.extension() == "json" && !unreadable {
                prop_assert!(serde_json::from_str::<Value>(&output.text).is_ok(), "{}", output.text);
            }
        }
    }

    #[test]
    fn complete_documents_hold_only_valid_values(raw in inputs()) {
        let guide = generate(&raw);
        for output in &guide.outputs {
            let hardened = check(InputKey::Hardened, raw.get(InputKey::Hardened)) == Ok("true".into());
            let all_valid = output.id.depends_on(hardened).iter().all(|k| match check(*k, raw.get(*k)) {
                Ok(value) => !(value.is_empty() && *k == InputKey::ExistingPermissionsPolicy),
                Err(_) => false,
            });
            prop_assert_eq!(output.complete, all_valid);
        }
        // Each typed value lands in its place only when valid; otherwise the placeholder does.
        let shown = |key: InputKey| check(key, raw.get(key)).unwrap_or_else(|_| key.placeholder().to_owned());
        let trust: Value = serde_json::from_str(&guide.output(OutputId::CrossAccountTrustPolicy).text).unwrap();
        prop_assert_eq!(
            trust["Statement"][0]["Principal"]["AWS"].as_str().unwrap(),
            format!("arn:{}:iam::{}:root", shown(InputKey::Partition), shown(InputKey::ShippableAwsAccountId))
        );
        prop_assert_eq!(
            trust["Statement"][0]["Condition"]["StringEquals"]["sts:ExternalId"].as_str().unwrap(),
            shown(InputKey::ExternalId)
        );
        prop_assert_eq!(
            &guide.output(OutputId::CrossAccountRoleArn).text,
            &format!("arn:{}:iam::{}:role/{}", shown(InputKey::Partition), shown(InputKey::AwsAccountId), shown(InputKey::RoleName))
        );
    }

    #[test]
    fn every_error_names_its_field(raw in inputs()) {
        let guide = generate(&raw);
        for input in &guide.inputs {
            if let Some(error) = &input.error {
                prop_assert_eq!(error.key(), input.key);
                prop_assert!(error.to_string().starts_with(input.key.label()), "{}", error);
                prop_assert!(input.value.is_none());
            }
        }
    }

    /// Merging keeps every pasted statement, in order, and merging the result again changes nothing.
    #[test]
    fn merging_keeps_what_was_there_and_is_idempotent(trust in trust_policy()) {
        let raw = RawInputs::new()
            .with(InputKey::ShippableAwsAccountId, "210987654321")
            .with(InputKey::ExternalId, "abc")
            .with(InputKey::ExistingTrustPolicy, trust.clone());
        let merged = generate(&raw).output(OutputId::MergedTrustPolicy).text.clone();
        let before: Value = serde_json::from_str(&trust).unwrap();
        let after: Value = serde_json::from_str(&merged).unwrap();
        let list = |v: &Value| match &v["Statement"] {
            Value::Array(items) => items.clone(),
            one => vec![one.clone()],
        };
        let (before, after_list) = (list(&before), list(&after));
        prop_assert!(after_list.len() >= before.len() && after_list.len() <= before.len() + 2);
        // Compared as compact text, so each statement keeps its keys in order.
        for (b, a) in before.iter().zip(&after_list) {
            prop_assert_eq!(serde_json::to_string(b).unwrap(), serde_json::to_string(a).unwrap());
        }
        let again = generate(&raw.clone().with(InputKey::ExistingTrustPolicy, merged.clone()));
        prop_assert_eq!(&again.output(OutputId::MergedTrustPolicy).text, &merged);
    }

    /// No output grows more than linearly with what was pasted: however the paste nests its
    /// arrays and objects, every output is at most a fixed multiple of the inputs' length (the
    /// pretty-printed merge indents a line by its depth, which the nesting limit bounds).
    #[test]
    fn outputs_grow_linearly_with_the_paste(values in nested(), wide in 0usize..3000) {
        let trust = format!(
            "{{\"Statement\": [{{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"sts:AssumeRole\", \"Condition\": {{\"StringEquals\": {{\"k\": {values}}}}}}}],{}\"Version\": \"2012-10-17\"}}",
            " ".repeat(wide)
        );
        let permissions = format!(
            "{{\"Statement\": {{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {{\"StringEquals\": {{\"k\": {values}}}}}}}}}"
        );
        let raw = RawInputs::new()
            .with(InputKey::ShippableAwsAccountId, "210987654321")
            .with(InputKey::ExternalId, "abc")
            .with(InputKey::ExistingTrustPolicy, trust.clone())
            .with(InputKey::ExistingPermissionsPolicy, permissions.clone());
        let guide = generate(&raw);
        let pasted = trust.len() + permissions.len();
        for id in OutputId::ALL {
            let text = &guide.output(id).text;
            // The guide's own documents are at most some 10 KB; each pasted character becomes at
            // most one line indented by 2 per level, 16 levels deep.
            prop_assert!(text.len() <= 20_000 + 40 * pasted, "{:?}: {} characters from {} pasted", id, text.len(), pasted);
        }
    }
}

/// Nested JSON arrays and objects of any shape, as text: up to 24 levels deep, or up to 12 chains
/// of arrays up to 130 deep (past the nesting limit, and past serde_json's own of 128: a paste
/// beyond the limit must be refused with an error rather than grow an output).
fn nested() -> impl Strategy<Value = String> {
    let chains = (0usize..130, 1usize..12).prop_map(|(depth, count)| {
        let chain = format!("{}\"v\"{}", "[".repeat(depth), "]".repeat(depth));
        format!("[{}]", vec![chain; count].join(","))
    });
    prop_oneof![shapes(), chains]
}

/// Arrays and objects of any shape, up to 24 levels deep.
fn shapes() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("\"v\"".to_owned()),
        Just("[]".to_owned()),
        Just("{}".to_owned())
    ];
    leaf.prop_recursive(24, 256, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4)
                .prop_map(|items| format!("[{}]", items.join(","))),
            proptest::collection::vec(inner, 0..4).prop_map(|items| {
                let members: Vec<String> = items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| format!("\"k{i}\":{v}"))
                    .collect();
                format!("{{{}}}", members.join(","))
            }),
        ]
    })
}
