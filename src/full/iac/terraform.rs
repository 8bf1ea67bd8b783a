//! The Terraform configurations: HCL with `jsonencode` documents, variables holding the typed
//! values, and the partition read from the provider.

use super::parts::{
    documents_with, made_once, parameters, quoted, Method, References, Template,
    ECS_SERVICE_ROLE_POLICY,
};
use crate::inputs::{CheckedInputs, InputKey};
use serde_json::Value;
use std::fmt::Write as _;

const REFERENCES: References = References {
    partition: "${data.aws_partition.current.partition}",
    account_id: "${data.aws_caller_identity.current.account_id}",
    shippable_aws_account_id: "${var.shippable_aws_account_id}",
    external_id: "${var.external_id}",
};

/// A variable's name: the input key in snake_case.
fn variable(key: InputKey) -> String {
    key.key().replace('-', "_")
}

/// An HCL expression for a string: `"${var.x}"` alone becomes `var.x`, anything else a quoted
/// template (only the generator's own references hold `${`; typed values cannot).
fn string(text: &str) -> String {
    match text.strip_prefix("${").and_then(|t| t.strip_suffix('}')) {
        Some(expression) if !expression.contains('{') => expression.to_owned(),
        _ => quoted(text),
    }
}

/// An object key: bare when it is an identifier, else quoted (`"sts:ExternalId"`).
fn key(text: &str) -> String {
    let identifier = text.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if identifier {
        text.to_owned()
    } else {
        quoted(text)
    }
}

/// Writes a JSON value as an HCL expression, objects and lists one item per line.
fn expression(out: &mut String, value: &Value, indent: usize) {
    let pad = " ".repeat(indent + 2);
    match value {
        Value::String(s) => out.push_str(&string(s)),
        Value::Array(items) if !items.is_empty() => {
            out.push_str("[\n");
            for item in items {
                out.push_str(&pad);
                expression(out, item, indent + 2);
                out.push_str(",\n");
            }
            out.push_str(&" ".repeat(indent));
            out.push(']');
        }
        Value::Object(map) if !map.is_empty() => {
            out.push_str("{\n");
            for (name, item) in map {
                let _ = write!(out, "{pad}{} = ", key(name));
                expression(out, item, indent + 2);
                out.push('\n');
            }
            out.push_str(&" ".repeat(indent));
            out.push('}');
        }
        Value::Array(_) => out.push_str("[]"),
        Value::Object(_) => out.push_str("{}"),
        other => out.push_str(&other.to_string()),
    }
}

fn jsonencode(document: &Value) -> String {
    let mut out = String::from("jsonencode(");
    expression(&mut out, document, 2);
    out.push(')');
    out
}

/// The method's configuration.
pub fn terraform(method: Method, inputs: &CheckedInputs) -> String {
    let mut out = String::from(
        "# Apply: terraform init && terraform apply\n\
terraform {\n  required_providers {\n    aws = {\n      source = \"hashicorp/aws\"\n    }\n  }\n}\n",
    );
    for parameter in parameters(method) {
        let name = variable(parameter.key);
        let _ = write!(
            out,
            "\nvariable \"{name}\" {{\n  description = {}\n  type        = string\n",
            quoted(parameter.description)
        );
        // A value not (yet) valid is left out: `terraform apply` then asks for it.
        if let Some(value) = inputs.valid(parameter.key) {
            let _ = writeln!(out, "  default     = {}", quoted(value));
        }
        let _ = write!(
            out,
            "  validation {{\n    condition     = can(regex({}, var.{name}))\n    error_message = {}\n  }}\n}}\n",
            quoted(&parameter.pattern()),
            quoted(&format!(
                "{} must match {}.",
                parameter.key.label(),
                parameter.pattern()
            )),
        );
    }
    out.push_str(&made_once(
        Template::Terraform,
        method,
        inputs.hardened(),
        resources,
    ));
    out
}

/// The data sources, resources and outputs: the documents, with references to the variables.
fn resources(method: Method, hardened: bool) -> String {
    let (trust, inline) = documents_with(method, &REFERENCES, hardened);
    let mut out = String::from("\ndata \"aws_partition\" \"current\" {}\n");
    if hardened {
        out.push_str("\ndata \"aws_caller_identity\" \"current\" {}\n");
    }
    let var = |key: InputKey| format!("var.{}", variable(key));
    match method {
        Method::CrossAccount => {
            let _ = write!(
                out,
                "\nresource \"aws_iam_role\" \"shippable\" {{\n  name               = {role}\n  assume_role_policy = {trust}\n}}\n\
\nresource \"aws_iam_role_policy\" \"shippable\" {{\n  name   = {policy}\n  role   = aws_iam_role.shippable.id\n  policy = {inline}\n}}\n\
\noutput \"role_arn\" {{\n  description = \"The role ARN to enter in Shippable's Add Integration form\"\n  value       = aws_iam_role.shippable.arn\n}}\n",
                role = var(InputKey::RoleName),
                policy = var(InputKey::PolicyName),
                trust = jsonencode(&trust),
                inline = jsonencode(&inline),
            );
        }
        Method::AccountKeys => {
            let _ = write!(
                out,
                "\nresource \"aws_iam_user\" \"shippable\" {{\n  name = {user}\n}}\n\
\nresource \"aws_iam_user_policy\" \"shippable\" {{\n  name   = {policy}\n  user   = aws_iam_user.shippable.name\n  policy = {inline}\n}}\n\
\n# Create the user's access key in the IAM console or with aws iam create-access-key:\n\
# an aws_iam_access_key here would keep its secret in the Terraform state.\n\
\nresource \"aws_iam_role\" \"ecs_service\" {{\n  name               = {role}\n  assume_role_policy = {trust}\n}}\n\
\nresource \"aws_iam_role_policy_attachment\" \"ecs_service\" {{\n  role       = aws_iam_role.ecs_service.name\n  policy_arn = \"arn:${{data.aws_partition.current.partition}}:iam::aws:policy/{ECS_SERVICE_ROLE_POLICY}\"\n}}\n",
                user = var(InputKey::UserName),
                policy = var(InputKey::UserPolicyName),
                role = var(InputKey::RoleName),
                trust = jsonencode(&trust),
                inline = jsonencode(&inline),
            );
        }
    }
    out
}
