//! Properties over any typed text: no panic, every document valid JSON, and a document marked
//! complete holds only valid values.

use ecs_guide::inputs::check;
use ecs_guide::{generate, InputKey, OutputId, RawInputs};
use proptest::prelude::*;
use serde_json::Value;

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

fn inputs() -> impl Strategy<Value = RawInputs> {
    proptest::collection::vec(typed(), 8).prop_map(|values| {
        let mut raw = RawInputs::new();
        for (key, value) in InputKey::ALL.into_iter().zip(values) {
            raw.set(key, value);
        }
        raw
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_document_is_valid_json(raw in inputs()) {
        let guide = generate(&raw);
        for output in &guide.outputs {
            if output.id != OutputId::CrossAccountRoleArn {
                prop_assert!(serde_json::from_str::<Value>(&output.text).is_ok(), "{}", output.text);
            }
        }
    }

    #[test]
    fn complete_documents_hold_only_valid_values(raw in inputs()) {
        let guide = generate(&raw);
        for output in &guide.outputs {
            let all_valid = output.id.depends_on().iter().all(|k| check(*k, raw.get(*k)).is_ok());
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

    #[test]
    fn the_result_serialises_to_json(raw in inputs()) {
        let json = serde_json::to_string(&generate(&raw)).unwrap();
        let value: Value = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(value["outputs"].as_object().unwrap().len(), 6);
        prop_assert_eq!(value["inputs"].as_object().unwrap().len(), 8);
    }
}
