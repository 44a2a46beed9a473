//! See `glide_jni_fuzz::reply_shape` (src/reply_shape.rs) for what this target checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| glide_jni_fuzz::reply_shape::check(data));
