//! How much memory the code under test asks for at once, measured by the
//! library's own global allocator (`glide_jni::stats`; the `fuzzing` feature
//! makes it remember its largest allocation), so that a target can assert that
//! `n` input bytes never make it reserve an absurd amount: a length or count
//! taken from the input and trusted before the bytes behind it arrived.

use glide_jni::fuzzing;

/// Starts a new measurement.
pub fn reset() {
    fuzzing::reset_largest_allocation();
}

/// The largest single allocation (or reallocation) since [`reset`].
pub fn largest() -> usize {
    fuzzing::largest_allocation()
}

/// What converting `input_len` bytes of RESP may allocate at once: every item
/// costs at least 3 input bytes and at most a pair of `Value`s (2 x 32 bytes),
/// frames and error messages are a small multiple of their input; anything far
/// above means a declared length or count was trusted before its bytes arrived.
pub fn budget(input_len: usize) -> usize {
    64 * input_len + 4096
}
