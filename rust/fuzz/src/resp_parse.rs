//! Target `resp_parse`: the RESP parser (`glide_jni::resp`) on arbitrary bytes,
//! read as a stream of values one after another.
//!
//! Properties, for every value in the stream:
//! - nothing panics, and `complete_len` allocates nothing when it succeeds;
//! - `complete_len(buf) == Some(len)` implies `0 < len <= buf.len()`, the same
//!   answer for `buf[..len]` alone (a value's length does not depend on what
//!   follows it), and `build_complete(&buf[..len])` returns without panicking;
//! - the value's tokens (`token`) end exactly at `len`, and `build_complete`
//!   succeeds exactly when every token is well formed;
//! - `parse` is `complete_len` then `build_complete`;
//! - every strict prefix of a complete value gives `Ok(None)` or `Err`, never
//!   `Some` (a reader that has part of a value must wait for the rest);
//! - a value that builds is valid RESP: no bare CR in a line, no negative
//!   length but -1;
//! - `bulk_header` agrees with `complete_len` on a bulk string's length;
//! - building a value allocates at most [`crate::alloc::budget`] at once.

use glide_jni::resp::{self, Value};

use crate::alloc;
use crate::values::{self, Walk};

/// Prefixes checked per input, so that a long input stays fast.
const PREFIX_CHECKS: usize = 512;

pub fn check(data: &[u8]) {
    check_bulk_header(data);
    let mut prefix_checks = PREFIX_CHECKS;
    let mut pos = 0;
    loop {
        let rest = &data[pos..];
        alloc::reset();
        let scanned = resp::complete_len(rest);
        let parsed = match &scanned {
            Ok(_) => {
                assert_eq!(alloc::largest(), 0, "complete_len allocated");
                None
            }
            Err(_) => Some(resp::parse(rest)),
        };
        match scanned {
            Err(e) => {
                assert_eq!(parsed.expect("set above").err(), Some(e), "parse must fail as complete_len does");
                return;
            }
            Ok(None) => {
                assert!(matches!(resp::parse(rest), Ok(None)), "parse must wait as complete_len does");
                return;
            }
            Ok(Some(len)) => {
                assert!(len > 0 && len <= rest.len(), "complete_len gave {len} for {} bytes", rest.len());
                let value = &rest[..len];
                assert_eq!(resp::complete_len(value), Ok(Some(len)), "the value's length changed without what follows it");
                check_prefixes(value, &mut prefix_checks);
                check_value(value, rest);
                pos += len;
            }
        }
    }
}

/// `value` is complete (by `complete_len`); `rest` is it and what follows.
fn check_value(value: &[u8], rest: &[u8]) {
    let walk = values::walk_tokens(value);
    match walk {
        Walk::End(end) => assert_eq!(end, value.len(), "complete_len and the tokens disagree on where the value ends"),
        Walk::Invalid(_) => {}
        Walk::Short => {
            // Show what build_complete does with it (a panic names the place).
            let _ = resp::build_complete(value);
            panic!("complete_len says {} bytes are one value, but its tokens need more", value.len());
        }
    }
    alloc::reset();
    let built = resp::build_complete(value);
    let largest = alloc::largest();
    assert!(largest <= alloc::budget(value.len()), "building {} bytes allocated {largest} bytes at once", value.len());
    assert_eq!(built.is_ok(), matches!(walk, Walk::End(_)), "build_complete and the tokens disagree: {built:?} / {walk:?}");
    if built.is_ok() {
        if let Some(what) = values::accepted_invalid(value) {
            panic!("the parser accepted invalid RESP ({what}): {:?}", String::from_utf8_lossy(value));
        }
    }
    match (resp::parse(rest), &built) {
        (Ok(Some((v, used))), Ok(b)) => {
            assert_eq!(used, value.len(), "parse used a different length");
            assert!(values::same(&v, b), "parse built {v:?}, build_complete {b:?}");
        }
        (Err(e), Err(b)) => assert_eq!(&e, b),
        (parsed, built) => panic!("parse gave {parsed:?}, build_complete {built:?}"),
    }
}

/// No strict prefix of `value` is a complete value.
fn check_prefixes(value: &[u8], budget: &mut usize) {
    let len = value.len();
    let mut cuts: Vec<usize> = if len <= 64 {
        (0..len).collect()
    } else {
        // Where tokens start, and either side of those places (a cut between CR
        // and LF, or just after a header), then evenly spaced cuts.
        let mut cuts = vec![0, 1, len - 2, len - 1];
        let mut pos = 0;
        while pos < len && cuts.len() < 192 {
            let before = pos;
            if resp::token(value, &mut pos).is_err() || pos <= before {
                break;
            }
            cuts.extend([before + 1, pos.saturating_sub(2), pos - 1, pos].into_iter().filter(|&c| c < len));
        }
        cuts.extend((1..32).map(|i| i * len / 32));
        cuts
    };
    cuts.sort_unstable();
    cuts.dedup();
    for cut in cuts {
        if *budget == 0 {
            return;
        }
        *budget -= 1;
        if let Ok(Some(got)) = resp::complete_len(&value[..cut]) {
            panic!("the {cut}-byte prefix of a {len}-byte value is a complete {got}-byte value");
        }
    }
}

/// `bulk_header` (used to receive large bulk strings in place) against `complete_len`.
fn check_bulk_header(data: &[u8]) {
    let complete = match resp::complete_len(data) {
        Ok(Some(len)) => Some(len),
        _ => None,
    };
    match resp::bulk_header(data) {
        Some((header, size)) => {
            assert_eq!(data[0], b'$');
            assert!(header >= 4 && header <= data.len(), "header of {header} bytes in {}", data.len());
            if let Some(len) = complete {
                assert_eq!(Some(len), header.checked_add(size).and_then(|n| n.checked_add(2)), "bulk_header's size");
            }
        }
        None => {
            // A complete bulk string whose header bulk_header does not see would
            // never take the large-value path; only a nil may be missed.
            if let (Some(len), Some(b'$')) = (complete, data.first()) {
                if let Ok(Value::BulkString(b)) = resp::build_complete(&data[..len]) {
                    panic!("bulk_header missed a complete {}-byte bulk string", b.len());
                }
            }
        }
    }
}
