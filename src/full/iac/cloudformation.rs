//! The CloudFormation templates: YAML written from JSON data, partition-neutral through
//! `${AWS::Partition}`, with the typed values as parameter defaults.

use super::parts::ECS_SERVICE_ROLE_POLICY;
use super::parts::{
    documents_with, made_once, map_references, parameters, quoted, Method, References, Template,
};
use crate::inputs::{CheckedInputs, InputKey};
use serde_json::{json, Map, Value};

const REFERENCES: References = References {
    partition: "${AWS::Partition}",
    account_id: "${AWS::AccountId}",
    shippable_aws_account_id: "${ShippableAwsAccountId}",
    external_id: "${ExternalId}",
};

/// A parameter's logical name: the input key in PascalCase (`role-name` becomes `RoleName`).
fn parameter_name(key: InputKey) -> String {
    key.key()
        .split('-')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// `${Name}` alone becomes `Ref: Name`; any other string with references becomes `Fn::Sub`.
fn reference(text: &str) -> Value {
    let inner = text
        .strip_prefix("${")
        .and_then(|t| t.strip_suffix('}'))
        .filter(|name| !name.contains("${") && !name.contains("::"));
    match inner {
        Some(name) => json!({ "Ref": name }),
        None => json!({ "Fn::Sub": text }),
    }
}

/// The method's template.
pub fn cloudformation(method: Method, inputs: &CheckedInputs) -> String {
    let mut parameter_map = Map::new();
    for parameter in parameters(method) {
        let mut p = json!({
            "Type": "String",
            "Description": parameter.description,
            "AllowedPattern": parameter.pattern(),
        });
        // A value not (yet) valid is left out: the stack then asks for it.
        if let Some(value) = inputs.valid(parameter.key) {
            p["Default"] = json!(value);
        }
        parameter_map.insert(parameter_name(parameter.key), p);
    }
    let description = match method {
        Method::CrossAccount => "Shippable ECS integration, cross-account role: the role Shippable assumes, its trust relationship and its inline policy",
        Method::AccountKeys => "Shippable ECS integration, account keys: the user whose keys Shippable uses, its inline policy, and the role for the ECS service",
    };
    let head = object([
        ("AWSTemplateFormatVersion", json!("2010-09-09")),
        ("Description", json!(description)),
        ("Parameters", Value::Object(parameter_map)),
    ]);
    let mut out = String::from(
        "# Deploy: aws cloudformation deploy --template-file <this file> --stack-name <a name> --capabilities CAPABILITY_NAMED_IAM\n",
    );
    write_value_map(&mut out, &head);
    out.push_str(&made_once(
        Template::CloudFormation,
        method,
        inputs.hardened(),
        resources_and_outputs,
    ));
    out
}

/// The template's `Resources` and `Outputs`: the documents, with references to the parameters.
fn resources_and_outputs(method: Method, hardened: bool) -> String {
    let (mut trust, mut inline) = documents_with(method, &REFERENCES, hardened);
    map_references(&mut trust, &reference);
    map_references(&mut inline, &reference);
    let r = |key: InputKey| object([("Ref", Value::String(parameter_name(key)))]);
    let policies = |name: InputKey, document: Value| {
        Value::Array(vec![object([
            ("PolicyName", r(name)),
            ("PolicyDocument", document),
        ])])
    };
    let resource = |kind: &str, properties: Vec<(&str, Value)>| {
        object([("Type", json!(kind)), ("Properties", object(properties))])
    };
    let output = |description: &str, value: Value| {
        object([("Description", json!(description)), ("Value", value)])
    };
    // The documents are moved into the template, not copied (`json!` would serialise them again).
    let (resources, outputs) = match method {
        Method::CrossAccount => (
            object([(
                "ShippableRole",
                resource(
                    "AWS::IAM::Role",
                    vec![
                        ("RoleName", r(InputKey::RoleName)),
                        ("AssumeRolePolicyDocument", trust),
                        ("Policies", policies(InputKey::PolicyName, inline)),
                    ],
                ),
            )]),
            object([(
                "RoleArn",
                output(
                    "The role ARN to enter in Shippable's Add Integration form",
                    json!({ "Fn::GetAtt": ["ShippableRole", "Arn"] }),
                ),
            )]),
        ),
        Method::AccountKeys => (
            object([
                (
                    "ShippableUser",
                    resource(
                        "AWS::IAM::User",
                        vec![
                            ("UserName", r(InputKey::UserName)),
                            ("Policies", policies(InputKey::UserPolicyName, inline)),
                        ],
                    ),
                ),
                (
                    "EcsServiceRole",
                    resource(
                        "AWS::IAM::Role",
                        vec![
                            ("RoleName", r(InputKey::RoleName)),
                            ("AssumeRolePolicyDocument", trust),
                            (
                                "ManagedPolicyArns",
                                json!([{ "Fn::Sub": format!("arn:${{AWS::Partition}}:iam::aws:policy/{ECS_SERVICE_ROLE_POLICY}") }]),
                            ),
                        ],
                    ),
                ),
            ]),
            object([(
                "UserName",
                output(
                    "The user to create the access key for (IAM console or aws iam create-access-key); a key made by the stack would show its secret in the stack",
                    r(InputKey::UserName),
                ),
            )]),
        ),
    };
    let mut out = String::new();
    write_value_map(
        &mut out,
        &object([("Resources", resources), ("Outputs", outputs)]),
    );
    out
}

/// Writes the entries of an object made by [`object`], at the top level.
fn write_value_map(out: &mut String, value: &Value) {
    if let Value::Object(map) = value {
        write_map(out, map, 0);
    }
}

/// A JSON object from its entries, in order.
fn object<'a>(entries: impl IntoIterator<Item = (&'a str, Value)>) -> Value {
    Value::Object(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

/// A YAML mapping key: plain when it is a simple word, else double-quoted.
fn key(text: &str) -> String {
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        text.to_owned()
    } else {
        quoted(text)
    }
}

/// A scalar or an empty collection on one line; `None` for a collection that needs lines.
fn inline(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(quoted(s)),
        Value::Array(items) if items.is_empty() => Some("[]".into()),
        Value::Object(map) if map.is_empty() => Some("{}".into()),
        Value::Array(_) | Value::Object(_) => None,
        other => Some(other.to_string()),
    }
}

/// Writes `key: value` lines at `indent` spaces.
fn write_map(out: &mut String, map: &Map<String, Value>, indent: usize) {
    for (name, value) in map {
        out.push_str(&" ".repeat(indent));
        write_entry(out, name, value, indent);
    }
}

fn write_entry(out: &mut String, name: &str, value: &Value, indent: usize) {
    out.push_str(&key(name));
    out.push(':');
    match (inline(value), value) {
        (Some(text), _) => {
            out.push(' ');
            out.push_str(&text);
            out.push('\n');
        }
        (None, Value::Object(map)) => {
            out.push('\n');
            write_map(out, map, indent + 2);
        }
        (None, Value::Array(items)) => {
            out.push('\n');
            write_items(out, items, indent + 2);
        }
        (None, _) => {}
    }
}

/// Writes `- item` lines at `indent` spaces; a mapping item starts on the dash's line.
fn write_items(out: &mut String, items: &[Value], indent: usize) {
    for item in items {
        out.push_str(&" ".repeat(indent));
        out.push_str("- ");
        match (inline(item), item) {
            (Some(text), _) => {
                out.push_str(&text);
                out.push('\n');
            }
            (None, Value::Object(map)) => {
                for (n, (name, value)) in map.iter().enumerate() {
                    if n > 0 {
                        out.push_str(&" ".repeat(indent + 2));
                    }
                    write_entry(out, name, value, indent + 2);
                }
            }
            (None, Value::Array(inner)) => {
                out.push('\n');
                write_items(out, inner, indent + 2);
            }
            (None, _) => {}
        }
    }
}
