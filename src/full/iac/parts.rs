//! What the scripts and templates share: the two methods, their parameters, their documents with references, and the text made once.

use crate::documents::{self, Hardening};
use crate::inputs::InputKey;
use serde_json::Value;
use std::sync::OnceLock;

/// Which of the guide's two methods a script or template sets up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    CrossAccount,
    AccountKeys,
}

/// The AWS managed policy the account-keys method attaches to its role (deprecated by AWS in
/// favour of the ECS service-linked role; the findings say so).
pub const ECS_SERVICE_ROLE_POLICY: &str = "service-role/AmazonEC2ContainerServiceRole";

/// How a template refers to a value it does not know when written: the partition, the deploying
/// account, and the typed values that become parameters or variables.
pub struct References {
    pub partition: &'static str,
    pub account_id: &'static str,
    pub shippable_aws_account_id: &'static str,
    pub external_id: &'static str,
}

/// A document as JSON data, with `${…}` references where the template fills values in.
fn as_value<T: serde::Serialize>(document: &T) -> Value {
    // Serialising the guide's plain document structs into a Value cannot fail.
    serde_json::to_value(document).expect("IAM documents serialise to JSON")
}

/// The method's documents with references in place of values: (trust policy, inline policy).
/// Only the method and the hardened switch decide them: typed values come in through `refs`.
pub fn documents_with(method: Method, refs: &References, hardened: bool) -> (Value, Value) {
    let hardening = hardened.then_some(Hardening {
        partition: refs.partition,
        account_id: refs.account_id,
    });
    match method {
        Method::CrossAccount => (
            as_value(&documents::cross_account_trust_policy(
                refs.partition,
                refs.shippable_aws_account_id,
                refs.external_id,
            )),
            as_value(&documents::cross_account_permissions_policy(
                hardening.as_ref(),
            )),
        ),
        Method::AccountKeys => (
            as_value(&documents::account_keys_role_trust_policy()),
            as_value(&documents::account_keys_user_policy(hardening.as_ref())),
        ),
    }
}

/// A parameter or variable of a template: its input, name, description and AWS's rule.
pub struct Parameter {
    pub key: InputKey,
    pub description: &'static str,
}

impl Parameter {
    /// AWS's rule for the value, as a regular expression (the input rules' own).
    pub fn pattern(&self) -> String {
        self.key.rule().pattern()
    }
}

/// The parameters of each method, in the guide's order.
pub fn parameters(method: Method) -> &'static [Parameter] {
    const SHIPPABLE: Parameter = Parameter {
        key: InputKey::ShippableAwsAccountId,
        description: "Shippable's AWS account ID, the account trusted to assume the role",
    };
    const EXTERNAL_ID: Parameter = Parameter {
        key: InputKey::ExternalId,
        description: "Your Shippable account ID, required as sts:ExternalId",
    };
    const ROLE: Parameter = Parameter {
        key: InputKey::RoleName,
        description: "The name of the role",
    };
    const POLICY: Parameter = Parameter {
        key: InputKey::PolicyName,
        description: "The name of the role's inline policy",
    };
    const USER: Parameter = Parameter {
        key: InputKey::UserName,
        description: "The name of the IAM user whose access keys Shippable uses",
    };
    const USER_POLICY: Parameter = Parameter {
        key: InputKey::UserPolicyName,
        description: "The name of the user's inline policy",
    };
    match method {
        Method::CrossAccount => &[SHIPPABLE, EXTERNAL_ID, ROLE, POLICY],
        Method::AccountKeys => &[USER, USER_POLICY, ROLE],
    }
}

/// Replaces every string of `value` holding a `${…}` reference with what `reference` makes of it.
pub fn map_references(value: &mut Value, reference: &impl Fn(&str) -> Value) {
    match value {
        Value::String(s) if s.contains("${") => *value = reference(s),
        Value::Array(items) => items.iter_mut().for_each(|v| map_references(v, reference)),
        Value::Object(map) => map.values_mut().for_each(|v| map_references(v, reference)),
        _ => {}
    }
}

/// The templates whose documents are written once per method and switch.
#[derive(Clone, Copy)]
pub enum Template {
    CloudFormation,
    Terraform,
}

/// A template's text that only the method and the hardened switch decide (its documents, written
/// with references instead of values), made once per combination and kept as a constant: typing changes only the
/// parameters' defaults, so a keystroke does not write the documents again. `make` receives the
/// method and the switch, and nothing typed, so what it returns cannot depend on a typed value.
pub fn made_once(
    template: Template,
    method: Method,
    hardened: bool,
    make: fn(Method, bool) -> String,
) -> String {
    // A table of constants filled in on first use (like `actions::real_actions`): nothing typed
    // goes in, so it is no cache of the reader's values (those are `LiveGuide`'s).
    static MADE: [OnceLock<String>; 8] = [const { OnceLock::new() }; 8];
    let slot = template as usize * 4 + method as usize * 2 + usize::from(hardened);
    MADE[slot].get_or_init(|| make(method, hardened)).clone()
}

/// A string as a JSON (and YAML and HCL) double-quoted literal.
pub fn quoted(text: &str) -> String {
    // Serialising a string cannot fail.
    serde_json::to_string(text).expect("strings serialise")
}
