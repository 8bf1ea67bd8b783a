//! The JSON handed to JavaScript: derived serde structs over the core's guide, in the shape
//! `live.js` and `tests/wasm` read (`{complete, outputs: {id: …}, inputs: {key: …}}`).

use ecs_guide::findings::{Finding, Size};
use ecs_guide::full::Check;
use ecs_guide::{Changes, Guide, InputError, InputKey, InputState, Output};
use serde::{Serialize, Serializer};

/// The guide, or a `LiveGuide` update: `complete` is true when every output (changed or not) is.
#[derive(Serialize)]
pub struct GuideJson<'a> {
    complete: bool,
    #[serde(serialize_with = "outputs_by_id")]
    outputs: &'a [Output],
    #[serde(serialize_with = "inputs_by_key")]
    inputs: &'a [InputState],
}

impl<'a> GuideJson<'a> {
    /// The whole guide, as `generate` hands it out.
    pub fn guide(guide: &'a Guide) -> GuideJson<'a> {
        GuideJson {
            complete: guide.outputs.iter().all(|o| o.complete),
            outputs: &guide.outputs,
            inputs: &guide.inputs,
        }
    }

    /// What changed, as `LiveGuide.update` hands it out.
    pub fn changes(changes: &'a Changes) -> GuideJson<'a> {
        GuideJson {
            complete: changes.complete,
            outputs: &changes.outputs,
            inputs: &changes.inputs,
        }
    }
}

/// One output (TypeScript `OutputState`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OutputJson<'a> {
    text: &'a str,
    complete: bool,
    status: String,
    #[serde(serialize_with = "keys")]
    waiting_for: &'a [InputKey],
    findings: &'a [Finding],
    size: &'a Option<Size>,
    #[serde(skip_serializing_if = "Option::is_none")]
    check: Option<&'a Check>,
}

/// One input (TypeScript `InputState`).
#[derive(Serialize)]
struct InputJson<'a> {
    value: &'a Option<String>,
    shown: &'a str,
    error: Option<ErrorJson>,
}

/// The rule an input broke (TypeScript `InputError`).
#[derive(Serialize)]
struct ErrorJson {
    code: &'static str,
    message: String,
}

impl ErrorJson {
    fn of(error: &InputError) -> ErrorJson {
        ErrorJson {
            code: error.code(),
            message: error.to_string(),
        }
    }
}

fn outputs_by_id<S: Serializer>(outputs: &&[Output], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(outputs.iter().map(|o| {
        let json = OutputJson {
            text: &o.text,
            complete: o.complete,
            status: o.status(),
            waiting_for: &o.waiting_for,
            findings: &o.findings,
            size: &o.size,
            check: o.check.as_ref(),
        };
        (o.id.id(), json)
    }))
}

fn inputs_by_key<S: Serializer>(inputs: &&[InputState], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(inputs.iter().map(|i| {
        let json = InputJson {
            value: &i.value,
            shown: &i.shown,
            error: i.error.as_ref().map(ErrorJson::of),
        };
        (i.key.key(), json)
    }))
}

fn keys<S: Serializer>(keys: &&[InputKey], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(keys.iter().map(|k| k.key()))
}
