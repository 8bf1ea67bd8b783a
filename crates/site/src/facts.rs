//! The facts the JavaScript shares with Rust, written as one generated ES module (`www/generated/facts.js`).
//!
//! Each fact has its one source here or in the core; the module is checked in (the page's scripts,
//! the embed, `tools/serve.mjs` and the JS tests import it) and `crates/site/tests/generated.rs`
//! fails when it differs from what [`module`] writes now (`UPDATE_GENERATED=1` rewrites it).

use crate::template::{CONTENT_SECURITY_POLICY, HEADER_ONLY_CONTENT_SECURITY_POLICY};
use crate::widgets::FIELD_GROUPS;
use ecs_guide::findings::Severity;
use ecs_guide::{InputKey, OutputId, Partition};
use serde_json::{json, Value};

/// Where the module is checked in, from the workspace root.
pub const PATH: &str = "www/generated/facts.js";

/// The reader's word for a finding's severity (its list item's label).
pub const fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Problem",
        Severity::Warning => "Warning",
        Severity::Note => "Note",
    }
}

/// Where a size meter turns from good to worrying (`low`) and to bad (`high`): fractions of the
/// quota as `[numerator, denominator]`, so that integer sizes give integer bounds.
pub const METER_LOW: [u32; 2] = [3, 4];
/// See [`METER_LOW`]; the core's `size-near-quota` finding starts at the same 90%.
pub const METER_HIGH: [u32; 2] = [9, 10];

/// The sentence under a size meter; `{used}`, `{limit}` (thousands separated), `{percent}` and
/// `{quota}` are filled in by the script.
pub const SIZE_SENTENCE: &str =
    "Size: {used} of {limit} characters ({percent}%) of the {quota}, whitespace not counted.";

/// The readiness line under the form's three IDs, while some are missing or wrong; `{set}` and
/// `{total}` are filled in.
pub const READINESS_WAITING: &str =
    "{set} of {total} values set: the documents show placeholders where the others go.";
/// The readiness line once the three IDs are set.
pub const READINESS_READY: &str = "{set} of {total} values set: every document is ready.";

/// The readiness line while values from a link wait for the reader's confirmation (links.js holds
/// the documents made with Shippable's AWS account ID or the external ID until then).
pub const READINESS_HELD: &str = "{set} of {total} values set, but Shippable's AWS account ID or the external ID came from a link: the trust policy and the scripts and templates made with it wait until you check those values at the top of “Your values” and confirm them.";

/// The readiness line as the page first shows it: none of the IDs set.
pub fn readiness_at_first() -> String {
    READINESS_WAITING
        .replace("{set}", "0")
        .replace("{total}", &ID_KEYS.len().to_string())
}

/// The IDs the cross-account documents need: the form's first group, counted by the readiness line.
pub const ID_KEYS: &[InputKey] = FIELD_GROUPS[0].2;

/// The inputs an output is made from, with Hardened on or off ([`OutputId::depends_on`]), in
/// the guide's order: what a value from a link holds (links.js).
fn made_from(id: OutputId) -> Vec<&'static str> {
    InputKey::ALL
        .into_iter()
        .filter(|key| {
            [false, true]
                .into_iter()
                .any(|hardened| id.depends_on(hardened).contains(key))
        })
        .map(InputKey::key)
        .collect()
}

/// A severity's name as the core hands it to JavaScript.
fn severity_name(severity: Severity) -> String {
    match serde_json::to_value(severity) {
        Ok(Value::String(name)) => name,
        other => panic!("a severity serialises as a string, not {other:?}"),
    }
}

/// The module's text: one `export const` per fact, each a JSON literal, with its doc comment.
pub fn module() -> String {
    let facts: [(&str, &str, Value); 14] = [
        (
            "Every input key, in the guide's order (InputKey::ALL): form names and the embed's attributes.",
            "INPUT_KEYS",
            json!(InputKey::ALL.map(InputKey::key)),
        ),
        (
            "The inputs that are pasted policies, not typed values.",
            "PASTED_INPUT_KEYS",
            json!(InputKey::ALL
                .into_iter()
                .filter(|key| key.is_pasted())
                .map(InputKey::key)
                .collect::<Vec<_>>()),
        ),
        (
            "Each input's name in messages, in the guide's words (InputKey::label).",
            "INPUT_LABELS",
            Value::Object(
                InputKey::ALL
                    .into_iter()
                    .map(|key| (key.key().to_owned(), json!(key.label())))
                    .collect(),
            ),
        ),
        (
            "The partitions an input may name.",
            "PARTITIONS",
            json!(Partition::ALL.map(Partition::as_str)),
        ),
        (
            "Every output id, in the guide's order (OutputId::ALL): the page's data-output values.",
            "OUTPUT_IDS",
            json!(OutputId::ALL.map(OutputId::id)),
        ),
        (
            "The outputs the small build makes (the rest need the full build).",
            "SMALL_BUILD_OUTPUT_IDS",
            json!(OutputId::ALL
                .into_iter()
                .filter(|id| id.in_the_small_build())
                .map(OutputId::id)
                .collect::<Vec<_>>()),
        ),
        (
            "The inputs each output is made from, Hardened on or off (OutputId::depends_on), in the guide's order.",
            "OUTPUT_INPUTS",
            Value::Object(
                OutputId::ALL
                    .into_iter()
                    .map(|id| (id.id().to_owned(), json!(made_from(id))))
                    .collect(),
            ),
        ),
        (
            "Each output's file extension (its download and its golden file).",
            "EXTENSIONS",
            Value::Object(
                OutputId::ALL
                    .into_iter()
                    .map(|id| (id.id().to_owned(), json!(id.extension())))
                    .collect(),
            ),
        ),
        (
            "The site's Content-Security-Policy, as its pages' <meta> carries it.",
            "CONTENT_SECURITY_POLICY",
            json!(CONTENT_SECURITY_POLICY),
        ),
        (
            "What only a response header can add to it (a <meta> cannot).",
            "HEADER_ONLY_CONTENT_SECURITY_POLICY",
            json!(HEADER_ONLY_CONTENT_SECURITY_POLICY),
        ),
        (
            "The reader's word for each severity of a finding.",
            "SEVERITY_LABELS",
            Value::Object(
                [Severity::Error, Severity::Warning, Severity::Note]
                    .into_iter()
                    .map(|s| (severity_name(s), json!(severity_label(s))))
                    .collect(),
            ),
        ),
        (
            "A size meter: its low and high bounds as fractions of the quota, and its sentence.",
            "SIZE_METER",
            json!({ "low": METER_LOW, "high": METER_HIGH, "sentence": SIZE_SENTENCE }),
        ),
        (
            "The IDs the cross-account documents need, counted by the readiness line.",
            "ID_KEYS",
            json!(ID_KEYS.iter().map(|key| key.key()).collect::<Vec<_>>()),
        ),
        (
            "The readiness line, while IDs are missing, once all are set, and while values from a link are held.",
            "READINESS",
            json!({ "waiting": READINESS_WAITING, "ready": READINESS_READY, "held": READINESS_HELD }),
        ),
    ];
    let mut out = String::from(
        "// The facts the page's scripts share with Rust, one source each. Written by the site crate\n\
// (crates/site/src/facts.rs): do not edit; `UPDATE_GENERATED=1 cargo test -p ecs-guide-site --test generated`\n\
// rewrites it, and that test fails while it differs.\n",
    );
    for (doc, name, value) in facts {
        out.push_str(&format!(
            "\n/** {doc} */\nexport const {name} = {};\n",
            serde_json::to_string(&value).expect("JSON serialises")
        ));
    }
    out
}
