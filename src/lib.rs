//! The Shippable ECS integration guide's core: the reader's inputs, checked by AWS's rules, and
//! every IAM document and ARN of the guide generated exactly from them.
//!
//! The core has no browser dependency. [`generate`] is the one call the page makes per keystroke;
//! the `wasm` module (WebAssembly builds only) exposes it to JavaScript.

pub mod check;
pub mod documents;
pub mod errors;
pub mod findings;
pub mod guide;
pub mod iac;
pub mod inputs;
pub mod merge;
pub mod policy;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use errors::InputError;
pub use guide::{generate, Guide, InputState, Output, OutputId};
pub use inputs::{InputKey, Partition, RawInputs};

#[cfg(not(target_arch = "wasm32"))]
pub mod site;
