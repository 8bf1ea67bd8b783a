//! The guide's set-up as infrastructure as code: AWS CLI scripts, CloudFormation templates and
//! Terraform, made from the same documents as the page, plus the commands that verify it.

mod checks;
mod cli;
mod cloudformation;
mod parts;
mod terraform;
mod verify;

pub use cli::aws_cli;
pub use cloudformation::cloudformation;
pub use parts::{Method, ECS_SERVICE_ROLE_POLICY};
pub use terraform::terraform;
pub use verify::{simulated_actions, verification, KNOWN_FINDING};
