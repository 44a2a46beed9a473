//! See `glide_jni_fuzz::resp_stream` (src/resp_stream.rs) for what this target checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| glide_jni_fuzz::resp_stream::check(data));
