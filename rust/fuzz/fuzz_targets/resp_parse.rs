//! See `glide_jni_fuzz::resp_parse` (src/resp_parse.rs) for what this target checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| glide_jni_fuzz::resp_parse::check(data));
