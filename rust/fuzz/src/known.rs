//! Bugs these targets found in code this work may not change (the parser and
//! the reply conversion were being changed by someone else when the targets were
//! written). Each is recognised narrowly and tolerated, so the fuzz step stays
//! green while its fix is under way; its minimised input stays in the corpus.
//!
//! With `GLIDE_FUZZ_STRICT=1` nothing is tolerated: the targets call the code as
//! if the bug were fixed, so a run over the corpus shows whether it is.

use std::sync::OnceLock;

/// A known bug, named by what it breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// KNOWN BUG K1 (`rust/src/resp/parse.rs`): an attribute with a negative
    /// count (`|-1\r\n`). `complete_len` takes it for a header alone (as it does
    /// `*-1`), but `token` reads it as `Attribute(0)`, which a value must follow;
    /// `build_complete` then indexes past the end of the value: panic "index out
    /// of bounds" in `token` (`let kind = buf[*pos]`). Reached from
    /// `resp::parse`, `Outcome::from_resp`, and the connection's reply
    /// conversion. Corpus: `corpus/*/known-k1-negative-attribute`.
    NegativeAttributeCount,
    /// KNOWN BUG K2 (`rust/src/resp/parse.rs`, `line`): a bare CR inside a line
    /// is accepted. The line ends at the CR and the byte after it is skipped as
    /// if it were the LF: `+a\rX+b\r\n` is two replies, `a` and `b`, and
    /// `:1\r2` the integer 1. RESP forbids CR in a line, so this is bytes a
    /// server should never send taken as a reply, not a protocol error.
    /// Corpus: `corpus/resp_parse/known-k2-bare-cr-*`.
    BareCarriageReturn,
    /// KNOWN BUG K3 (`rust/src/resp/parse.rs`, `count`): a negative length or
    /// count other than -1 (`*-5\r\n`, `$-2\r\n`) is taken for a nil instead
    /// of an impossible length (DESIGN.md: a protocol error).
    /// Corpus: `corpus/resp_parse/known-k3-negative-count-not-minus-one`.
    NegativeLengthNotMinusOne,
}

/// Whether known bugs are tolerated (the default) or treated as failures.
pub fn tolerated() -> bool {
    static STRICT: OnceLock<bool> = OnceLock::new();
    !*STRICT.get_or_init(|| std::env::var_os("GLIDE_FUZZ_STRICT").is_some_and(|v| v != "0" && !v.is_empty()))
}
