//! The JSON handed to JavaScript, for any typed text: it parses, with every output and input.

use ecs_guide::{generate, InputKey, LiveGuide, OutputId, RawInputs};
#[path = "../src/json.rs"]
mod json;

use json::GuideJson;
use proptest::prelude::*;
use serde_json::Value;

/// Typed text: anything at all, or text close to valid (so that valid values occur often).
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9 -]{0,16}",
        "[A-Za-z0-9+=,.@:/_\\- \"\\\\<>{}é]{0,70}",
        Just(String::new()),
        Just(r#"{"Statement": {"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}}"#.to_owned()),
        Just(r#"{"Statement": {"Effect": "Allow", "Principal": {"AWS": "210987654321"}, "Action": "sts:AssumeRole"}}"#.to_owned()),
    ]
}

fn inputs() -> impl Strategy<Value = RawInputs> {
    proptest::collection::vec(typed(), InputKey::ALL.len()).prop_map(|values| {
        let mut raw = RawInputs::new();
        for (key, value) in InputKey::ALL.into_iter().zip(values) {
            raw.set(key, value);
        }
        raw
    })
}

proptest! {
    #[test]
    fn the_result_serialises_to_json(raw in inputs()) {
        let json = serde_json::to_string(&GuideJson::guide(&generate(&raw))).unwrap();
        let value: Value = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(value["outputs"].as_object().unwrap().len(), OutputId::ALL.len());
        prop_assert_eq!(value["inputs"].as_object().unwrap().len(), InputKey::ALL.len());
    }

    /// A first update is the whole guide, byte for byte.
    #[test]
    fn a_first_update_is_the_guide(raw in inputs()) {
        let guide = serde_json::to_string(&GuideJson::guide(&generate(&raw))).unwrap();
        let update = serde_json::to_string(&GuideJson::changes(&LiveGuide::new().update(&raw))).unwrap();
        prop_assert_eq!(guide, update);
    }
}

#[test]
fn an_output_is_written_as_the_page_reads_it() {
    let raw = RawInputs::new()
        .with(InputKey::AwsAccountId, "12345678901x")
        .with(InputKey::ShippableAwsAccountId, "210987654321");
    let value: Value = serde_json::to_value(GuideJson::guide(&generate(&raw))).unwrap();
    let arn = &value["outputs"]["cross-account-role-arn"];
    let keys: Vec<&str> = arn
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "text",
            "complete",
            "status",
            "waitingFor",
            "findings",
            "size"
        ]
    );
    assert_eq!(arn["waitingFor"], serde_json::json!(["aws-account-id"]));
    let account = &value["inputs"]["aws-account-id"];
    assert_eq!(account["value"], Value::Null);
    assert_eq!(account["error"]["code"], "account-id-not-digit");
    assert!(account["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("Your AWS account ID"));
    assert_eq!(value["complete"], false);
}
