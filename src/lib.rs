//! The Shippable ECS integration guide's core: the reader's inputs, checked by AWS's rules, and
//! every IAM document and ARN of the guide generated exactly from them.
//!
//! The core has no browser dependency. [`generate`] makes the whole guide from the inputs (pure);
//! [`LiveGuide`] is the page's per-keystroke call, which keeps every cache and hands out only
//! what changed. The `ecs-guide-wasm` crate (`crates/wasm`) exposes both to JavaScript.
//!
//! Without the `full` feature (the browser's first, small build) it generates the guide's six
//! documents and their sizes; `full` (a default) adds the [`full`] module: what reads a pasted
//! policy (merge, check), the infrastructure as code, and the findings.

pub mod documents;
pub mod errors;
pub mod findings;
/// The full build's outputs: merge, check and the infrastructure as code.
#[cfg(feature = "full")]
pub mod full;
/// The small build's stand-in for the full module (see `small.rs`).
#[cfg(not(feature = "full"))]
#[path = "small.rs"]
pub mod full;
pub mod guide;
pub mod input_key;
pub mod inputs;
pub mod live;
pub mod output_id;
mod render;
pub mod rules;

pub use errors::InputError;
pub use guide::{generate, Guide, InputState, Output};
pub use input_key::InputKey;
pub use inputs::{Partition, RawInputs};
pub use live::{Changes, LiveGuide};
pub use output_id::OutputId;
pub use rules::Rule;
