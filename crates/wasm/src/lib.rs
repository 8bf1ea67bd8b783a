//! The WebAssembly boundary: moves inputs in from JavaScript and the generated guide back out.

pub mod json;
pub mod types;

use ecs_guide::{generate as generate_guide, InputKey, RawInputs};
use json::GuideJson;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &str = types::TYPES;

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
    to_js(&GuideJson::guide(&generate_guide(&raw)), "generate(inputs)")
}

/// The page's incremental `generate`: each `update(inputs)` returns a `Guide` holding only the
/// outputs that changed since this object's last update (all of them the first time), with every
/// input's state. One per page or element; a keystroke then moves kilobytes less. It keeps the
/// core's caches: the page's one change detection, in both builds.
#[wasm_bindgen]
pub struct LiveGuide(ecs_guide::LiveGuide);

#[wasm_bindgen]
impl LiveGuide {
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> LiveGuide {
        LiveGuide(ecs_guide::LiveGuide::new())
    }

    /// What changed since the last update, from `inputs` (as `generate` takes them).
    pub fn update(&mut self, inputs: &GuideInputs) -> Result<GeneratedGuide, JsError> {
        let raw = read_inputs(inputs, "update(inputs)")?;
        to_js(&GuideJson::changes(&self.0.update(&raw)), "update(inputs)")
    }
}

/// The guide as a JavaScript object: JSON text parsed by the engine's own parser, which is faster
/// than building the object field by field across the boundary.
fn to_js(value: &GuideJson, call: &str) -> Result<GeneratedGuide, JsError> {
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
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
