//! The Shippable ECS integration guide's core: the reader's inputs, checked by AWS's rules, and
//! every IAM document and ARN of the guide generated exactly from them.
//!
//! The core has no browser dependency. [`generate`] is the one call the page makes per keystroke;
//! the `ecs-guide-wasm` crate (`crates/wasm`) exposes it to JavaScript.
//!
//! Without the `full` feature (the browser's first, small build) it generates the guide's six
//! documents with their findings and sizes; `full` (a default) adds what reads a pasted policy
//! (merge, check) and the infrastructure as code.

#[cfg(feature = "full")]
pub mod actions;
#[cfg(feature = "full")]
pub mod check;
#[cfg(feature = "full")]
pub mod conditions;
pub mod documents;
pub mod errors;
pub mod findings;
#[cfg(feature = "full")]
pub mod grammar;
pub mod guide;
#[cfg(feature = "full")]
pub mod iac;
pub mod inputs;
#[cfg(feature = "full")]
pub mod merge;
#[cfg(feature = "full")]
pub mod policy;

pub use errors::InputError;
pub use guide::{generate, Guide, InputState, Output, OutputId};
pub use inputs::{InputKey, Partition, RawInputs};
