//! Native core of glide-jni.
//!
//! The Java client (`glide.api.*`) hands commands to this library as byte arrays.
//! [`client`] owns the connections (our own RESP driver, [`resp`], on the shared
//! [`runtime`]); every outcome becomes one entry of the process-wide
//! [`completion`] queue, encoded by [`reply`] after [`shape`] gave the reply its
//! command's type. Java drains the queue on its own threads. Deadlines of all
//! connections are served by one timer task; [`stats`] counts native memory.
//! See `../shared/DESIGN.md` for the architecture.
//!
//! Everything except the `jni` module is plain Rust and is tested without a JVM.

// `unsafe_op_in_unsafe_fn` and `clippy::undocumented_unsafe_blocks` are denied in
// Cargo.toml's `[lints]`, for every target of the crate.
#![cfg_attr(not(test), warn(clippy::print_stdout, clippy::print_stderr))]

pub mod batch;
pub mod client;
pub mod cluster;
pub mod completion;
pub mod contain;
mod eventfd;
mod fast_hash;
mod followers;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
pub mod glob;
pub mod iam;
pub mod logging;
pub mod pubsub;
pub mod pubsub_check;
pub mod reply;
pub mod resp;
pub mod runtime;
pub mod shape;
pub mod stats;
pub mod telemetry;
mod timer;
mod trim;
mod wake_slots;
pub mod wire;

mod jni;
mod large;
