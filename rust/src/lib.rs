//! Native core of glide-jni.
//!
//! The Java client (`glide.api.*`) hands commands to this library as byte arrays;
//! the core performs all socket I/O on one shared Tokio runtime and returns each
//! outcome through the process-wide [`completion`] queue, which Java drains on its
//! own daemon thread. See `../shared/DESIGN.md` for the architecture.
//!
//! Everything except [`jni`] is plain Rust and is unit-tested without a JVM.

#![deny(unsafe_op_in_unsafe_fn)]
#![warn(clippy::undocumented_unsafe_blocks)]
#![cfg_attr(not(test), warn(clippy::print_stdout, clippy::print_stderr))]

pub mod client;
pub mod completion;
pub mod reply;
pub mod resp;
pub mod runtime;
pub mod shape;
pub mod stats;
mod timer;

mod jni;
