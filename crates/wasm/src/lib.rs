//! The WebAssembly boundary: moves inputs in from JavaScript and the generated guide back out.

use ecs_guide::{generate as generate_guide, InputKey, RawInputs};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** An input key: the form control's `name` and the embed's attribute. */
export type InputKey =
  | "aws-account-id" | "shippable-aws-account-id" | "external-id" | "role-name"
  | "policy-name" | "user-name" | "user-policy-name" | "partition"
  | "existing-trust-policy" | "existing-permissions-policy" | "hardened";

/** A generated document's id: the page's `data-output` value. */
export type OutputId =
  | "cross-account-permissions-policy" | "cross-account-trust-statement"
  | "cross-account-trust-policy" | "cross-account-role-arn"
  | "account-keys-user-policy" | "account-keys-role-trust-policy"
  | "merged-trust-policy" | "permissions-check"
  | "cross-account-aws-cli" | "cross-account-cloudformation" | "cross-account-terraform"
  | "cross-account-verification"
  | "account-keys-aws-cli" | "account-keys-cloudformation" | "account-keys-terraform"
  | "account-keys-verification";

/**
 * What the reader typed; a missing key counts as empty (names and partition then take the guide's
 * default). `existing-trust-policy` and `existing-permissions-policy` take pasted JSON;
 * `hardened` takes "true" or "false".
 */
export type GuideInputs = Partial<Record<InputKey, string | null>>;

/** The rule an input broke. */
export interface InputError {
  code: "missing" | "account-id-not-digit" | "account-id-length" | "character-not-allowed"
      | "too-short" | "too-long" | "unknown-partition"
      | "invalid-json" | "not-a-policy" | "wrong-document" | "not-a-switch"
      | "paste-too-large" | "paste-too-deep";
  /** Names the field, the rule and what was wrong. */
  message: string;
}

export interface InputState {
  /** The normalised value (`1234-5678-9012` becomes `123456789012`), or null when not valid. */
  value: string | null;
  /** What the guide's prose shows: the value, or the guide's placeholder. */
  shown: string;
  error: InputError | null;
}

/** A finding of the project's rules on a document, in plain words. */
export interface Finding {
  rule: "passrole-any-resource" | "redundant-action" | "missing-version" | "deprecated-ecs-service-role"
      | "same-account" | "cross-partition-trust" | "size-over-quota" | "size-near-quota"
      | "trusts-anyone" | "no-external-id" | "deny-blocks-guide" | "other-partition-principal";
  severity: "note" | "warning" | "error";
  message: string;
}

/** A document's size against its IAM quota, whitespace not counted. */
export interface Size {
  used: number;
  limit: number;
  quota: string;
}

/**
 * The permissions check's verdict on one of the guide's actions, as IAM evaluates the pasted
 * policy: every real AWS action it stands for (`ec2:Describe*`: every ec2 Describe action), on every
 * resource of the reader's account in the chosen partition, under any request context.
 * `granted`: all allowed; `partial`: only on some resources; `conditional`: only under a condition;
 * `denied`: an explicit Deny blocks it (adding an Allow cannot help); `missing`: nothing allows it.
 */
export interface ActionVerdict {
  action: string;
  state: "granted" | "partial" | "conditional" | "denied" | "missing";
  /** The statements that decide it (index from 0, and `Sid`): allowing, denying or limiting. */
  statements: { index: number; sid: string | null }[];
  /** Why, in words; pasted text quoted and escaped. */
  detail: string;
}

/** The check's data: a verdict per guide action, and the statements to add (pretty-printed JSON). */
export interface PermissionsCheck {
  verdicts: ActionVerdict[];
  /** Exactly what turns the `missing` actions into `granted` ones; empty when none is missing. */
  add: string[];
}

export interface OutputState {
  /** Exactly what to paste; holds the guide's placeholders while incomplete. */
  text: string;
  /** True when every input the output depends on is valid. */
  complete: boolean;
  /** A sentence for the reader: "Ready to paste." or which values it still needs. */
  status: string;
  /** The inputs still missing or invalid. */
  waitingFor: InputKey[];
  /** What the project's rules say about it, most serious first (the full build's; empty in the small one). */
  findings: Finding[];
  /** Its size against its IAM quota, for the documents IAM limits; otherwise null. */
  size: Size | null;
  /** `permissions-check` only, once a policy is pasted and read: its verdicts. */
  check?: PermissionsCheck;
}

/**
 * The guide. `ecs_guide.js` (the small build, loaded first) has the six documents and reports no
 * state for the pasted policies; `ecs_guide_full.js` has every output and input. A `LiveGuide`
 * update holds only the outputs that changed since its last update.
 */
export interface Guide {
  /** True when every output is complete. */
  complete: boolean;
  outputs: Partial<Record<OutputId, OutputState>>;
  inputs: Partial<Record<InputKey, InputState>>;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The inputs object (TypeScript `GuideInputs`).
    #[wasm_bindgen(typescript_type = "GuideInputs")]
    pub type GuideInputs;

    /// The generated guide (TypeScript `Guide`).
    #[wasm_bindgen(typescript_type = "Guide")]
    pub type GeneratedGuide;

    /// `Object.keys`, its exception caught: a Proxy's `ownKeys` trap may throw. An exception that
    /// crossed the Wasm instead would skip the code that frees what the call holds (its slots in
    /// wasm-bindgen's table of JS values, `LiveGuide`'s borrow) and break every later call.
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn object_keys(object: &JsValue) -> Result<js_sys::Array, JsValue>;
}

/// Generates every IAM document and ARN of the guide, and every input's error, from `inputs`.
///
/// Nothing leaves the page: this is pure computation. Throws only when `inputs` is not an object
/// of strings keyed by the input keys (an unknown key or a non-string value names itself).
#[wasm_bindgen]
pub fn generate(inputs: &GuideInputs) -> Result<GeneratedGuide, JsError> {
    let raw = read_inputs(inputs, "generate(inputs)")?;
    to_js(&generate_guide(&raw), "generate(inputs)")
}

/// The page's incremental `generate`: each `update(inputs)` returns a `Guide` holding only the
/// outputs that changed since this object's last update (all of them the first time), with every
/// input's state. One per page or element; a keystroke then moves kilobytes less.
/// (The full build's: the small build's six documents cross the boundary whole, in less time than
/// this object's own code would cost in bytes.)
#[cfg(feature = "full")]
#[wasm_bindgen]
pub struct LiveGuide(ecs_guide::guide::LiveGuide);

#[cfg(feature = "full")]
#[wasm_bindgen]
impl LiveGuide {
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> LiveGuide {
        LiveGuide(ecs_guide::guide::LiveGuide::new())
    }

    /// What changed since the last update, from `inputs` (as `generate` takes them).
    pub fn update(&mut self, inputs: &GuideInputs) -> Result<GeneratedGuide, JsError> {
        let raw = read_inputs(inputs, "update(inputs)")?;
        to_js(&self.0.update(&raw), "update(inputs)")
    }
}

/// The guide as a JavaScript object: JSON text parsed by the engine's own parser, which is faster
/// than building the object field by field across the boundary.
fn to_js<T: serde::Serialize>(value: &T, call: &str) -> Result<GeneratedGuide, JsError> {
    let mut json = Vec::with_capacity(8192);
    // Serialising the guide into memory cannot fail; its error is not formatted (that alone would
    // add kilobytes of message tables to the Wasm).
    value
        .serialize(&mut serde_json::Serializer::new(&mut json))
        .map_err(|_| JsError::new(&format!("{call}: the guide could not be written as JSON")))?;
    let json = String::from_utf8(json)
        .map_err(|_| JsError::new(&format!("{call}: the guide's JSON is not UTF-8")))?;
    let guide = js_sys::JSON::parse(&json)
        .map_err(|_| JsError::new(&format!("{call}: the guide did not parse as JSON")))?;
    Ok(guide.unchecked_into())
}

/// Reads the inputs object: string values by input key; null and undefined count as empty.
/// Every call into JavaScript here catches what it throws (a hostile object's getters and Proxy
/// traps), so that a failed read is a `JsError` and leaves nothing behind.
fn read_inputs(inputs: &GuideInputs, call: &str) -> Result<RawInputs, JsError> {
    let object: &JsValue = inputs.as_ref();
    if !object.is_object() {
        return Err(JsError::new(&format!("{call}: inputs must be an object")));
    }
    let keys = object_keys(object)
        .map_err(|_| JsError::new(&format!("{call}: cannot list the inputs' keys")))?;
    let mut raw = RawInputs::new();
    for name in keys.iter() {
        let name = name.as_string().unwrap_or_default();
        let Some(key) = InputKey::from_key(&name) else {
            let mut message = format!("{call}: unknown input \"{name}\"; the inputs are");
            for (i, known) in InputKey::ALL.iter().enumerate() {
                message.push_str(if i == 0 { " " } else { ", " });
                message.push_str(known.key());
            }
            return Err(JsError::new(&message));
        };
        let value = js_sys::Reflect::get(object, &JsValue::from_str(&name))
            .map_err(|_| JsError::new(&format!("{call}: cannot read \"{name}\"")))?;
        if value.is_null() || value.is_undefined() {
            continue;
        }
        let Some(text) = value.as_string() else {
            return Err(JsError::new(&format!(
                "{call}: \"{name}\" must be a string (an account ID typed as a number loses its leading zeros)"
            )));
        };
        raw.set(key, text);
    }
    Ok(raw)
}

/// Talc instead of Rust's default dlmalloc: the same job in kilobytes less Wasm, and faster.
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
