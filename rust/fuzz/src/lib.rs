//! The checks behind glide-jni's fuzz targets (`fuzz_targets/*.rs` are one line
//! each). Every `check` takes the fuzzer's bytes, runs the code under test and
//! panics (libFuzzer reports a crash) when a property stated in its module
//! fails. See README.md for the targets and how to run them.

pub mod alloc;
pub mod batch_gather;
pub mod reply_shape;
pub mod resp_parse;
pub mod resp_stream;
pub mod values;
