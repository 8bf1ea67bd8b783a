//! What the full build adds: reading pasted policies (merge, check) and the infrastructure as code.
//!
//! The core reaches it only through [`Pasted::read`], [`make`] and [`findings`]; the small build
//! puts `small.rs` in its place, which reads nothing, makes nothing and finds nothing.

pub mod actions;
pub mod check;
pub mod conditions;
pub mod external_id;
pub mod grammar;
pub mod iac;
pub mod merge;
mod outputs;
pub mod paste_error;
pub mod pasted_json;
pub mod policy;
pub mod trust;
pub mod wildcards;

pub use check::Check;
pub use outputs::{findings, make, Made, Pasted};
