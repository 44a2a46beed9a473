//! Target `resp_stream`: the connection's incremental reader (`Inbound`, in
//! `rust/src/client/inbound.rs`) against a one-shot parse of the same bytes.
//!
//! The input is the byte stream a server sent. It is fed to the reader in reads
//! whose sizes come from the input (a generator seeded by its hash), the first
//! read possibly as the handshake's leftover; after each read the reader hands
//! over the replies it completed. Properties:
//! - nothing panics, and the reader always has room for the next read;
//! - the replies and, apart, the push frames are those a one-shot
//!   `complete_len` walk over the whole input finds, in the same order (a large
//!   bulk string received in place counts as the same bulk string; a push
//!   behind RESP3 attributes is a push, delivered without them);
//! - when the one-shot walk meets bytes that are not RESP, the reader fails too
//!   (after delivering a prefix of the same replies); a reader that fails where
//!   the one-shot walk did not must have met a large bulk string whose CRLF is
//!   missing, which the one-shot walk finds as a bulk string that does not build;
//! - when the input ends, the reader holds bytes exactly when the one-shot walk
//!   left an incomplete tail.
//!
//! Inputs that declare a bulk string over [`MAX_DECLARED`] bytes are skipped:
//! the reader reserves a large bulk string's declared size before its bytes
//! arrive (a known design choice, `try_reserve_exact`), and on a machine that
//! overcommits memory a 2^40-byte reservation succeeds, so the fuzzer would
//! report it as an out-of-memory crash. `resp_parse` still covers such inputs.

use glide_jni::fuzzing::{Inbound, Reply};
use glide_jni::resp::{self, Value};

use crate::values::{self, End};

/// The largest declared bulk string size this target feeds to the reader.
pub const MAX_DECLARED: u64 = 64 << 20;

/// One reply, as both sides can describe it.
#[derive(Debug, PartialEq, Eq)]
enum Item {
    /// A bulk string (however it was received): its payload.
    Bulk(Vec<u8>),
    /// Any other reply: its RESP bytes.
    Resp(Vec<u8>),
}

impl Item {
    fn of_resp(bytes: &[u8]) -> Item {
        // Only bulk strings are built: they are what the reader may deliver in
        // place. (Building anything else could run into known bug K1.)
        if bytes.first() == Some(&b'$') {
            if let Ok(Value::BulkString(payload)) = resp::build_complete(bytes) {
                return Item::Bulk(payload);
            }
        }
        Item::Resp(bytes.to_vec())
    }

    /// A `$` reply that does not build: what the reader's large-value path
    /// reports as a protocol error instead.
    fn is_broken_bulk(&self) -> bool {
        matches!(self, Item::Resp(bytes) if bytes.first() == Some(&b'$'))
    }
}

/// How the reader's run ended.
#[derive(Debug, PartialEq, Eq)]
enum StreamEnd {
    /// All input read; whether the reader holds nothing.
    Read { empty: bool },
    /// `take_replies` failed.
    Failed,
}

pub fn check(data: &[u8]) {
    if declares_more_than(data, MAX_DECLARED) {
        return;
    }
    let (values, mut end) = values::cut(data);
    let mut expected = Vec::new();
    let mut expected_pushes = Vec::new();
    for value in values {
        // Attributes are metadata about the value after them: a push behind
        // attributes is still a push, and is delivered without them.
        let described = match resp::skip_attributes(value) {
            Ok(at) => at,
            Err(_) => {
                end = End::Invalid;
                break;
            }
        };
        if value[described] == b'>' {
            expected_pushes.push(value[described..].to_vec());
        } else {
            expected.push(Item::of_resp(value));
        }
    }
    let seed = fnv1a(data);
    for (leftover, max_read) in [(false, usize::MAX), (seed & 1 == 1, 0)] {
        let (got, pushes, stream_end) = stream(data, seed, leftover, max_read);
        match stream_end {
            StreamEnd::Read { empty } => {
                assert_eq!(got, expected, "replies differ (reads seeded {seed:#x}, leftover {leftover})");
                assert_eq!(pushes, expected_pushes, "pushes differ (reads seeded {seed:#x})");
                match end {
                    End::Incomplete { rest } => assert_eq!(empty, rest == 0, "{rest} bytes left, reader empty: {empty}"),
                    End::Invalid => panic!("the reader accepted all the input, which is not RESP"),
                }
            }
            StreamEnd::Failed => {
                assert!(got.len() <= expected.len() && got[..] == expected[..got.len()], "replies before the failure differ");
                assert!(pushes.len() <= expected_pushes.len() && pushes[..] == expected_pushes[..pushes.len()]);
                let explained = end == End::Invalid || expected[got.len()..].iter().any(Item::is_broken_bulk);
                assert!(explained, "the reader failed on input the one-shot parse accepts");
            }
        }
    }
}

/// Feeds `data` to a reader, in reads of at most `max_read` bytes (0: sizes
/// drawn from `seed`), and collects what it delivers.
fn stream(data: &[u8], seed: u64, leftover: bool, max_read: usize) -> (Vec<Item>, Vec<Vec<u8>>, StreamEnd) {
    let mut rng = seed;
    let mut pos = 0;
    let mut inbound = if leftover {
        pos = (next(&mut rng) as usize % 64).min(data.len());
        Inbound::new(data[..pos].to_vec())
    } else {
        Inbound::new(Vec::new())
    };
    let mut items = Vec::new();
    let mut pushes = Vec::new();
    let mut first = true;
    while pos < data.len() || first {
        first = false;
        let want = if max_read == 0 { read_size(&mut rng) } else { max_read };
        let chunk = &data[pos..data.len().min(pos.saturating_add(want))];
        let n = inbound.receive(chunk);
        assert!(n > 0 || chunk.is_empty(), "the reader had no room for a read");
        pos += n;
        match inbound.take_replies() {
            Ok(taken) => {
                items.extend(taken.replies.into_iter().map(|reply| match reply {
                    Reply::Resp(bytes) => Item::of_resp(&bytes),
                    Reply::Bulk(payload) => Item::Bulk(payload),
                }));
                pushes.extend(taken.pushes);
            }
            Err(_) => return (items, pushes, StreamEnd::Failed),
        }
        // As an idle connection does between reads.
        inbound.release();
    }
    let empty = inbound.is_empty();
    (items, pushes, StreamEnd::Read { empty })
}

/// Mostly small reads (they split headers and CRLFs), some medium, a few large.
fn read_size(rng: &mut u64) -> usize {
    let r = next(rng);
    match r % 10 {
        0..=4 => 1 + (r >> 8) as usize % 16,
        5..=7 => 17 + (r >> 8) as usize % 1024,
        _ => 1 + (r >> 8) as usize % 200_000,
    }
}

/// Whether some `$` in `data` is followed by a number (as the parser reads
/// one: optional sign, digits) above `limit`. Conservative: any `$` counts.
fn declares_more_than(data: &[u8], limit: u64) -> bool {
    data.iter().enumerate().filter(|&(_, &b)| b == b'$').any(|(i, _)| {
        let digits = data[i + 1..].strip_prefix(b"+").unwrap_or(&data[i + 1..]);
        let mut n: u64 = 0;
        for &d in digits.iter().take_while(|d| d.is_ascii_digit()) {
            n = n.saturating_mul(10).saturating_add(u64::from(d - b'0'));
        }
        n > limit
    })
}

fn fnv1a(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// splitmix64.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
