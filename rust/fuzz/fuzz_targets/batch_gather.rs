//! See `glide_jni_fuzz::batch_gather` (src/batch_gather.rs) for what this target checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| glide_jni_fuzz::batch_gather::check(data));
