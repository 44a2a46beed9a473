//! Thin wrappers that let the fuzz targets in `rust/fuzz/` reach crate-private
//! items. Compiled only with the `fuzzing` feature; not an API.
//!
//! The wrappers add no behaviour: each forwards to the item it wraps, and copies
//! borrowed results out so that a target can keep them after the next call.

use crate::client::inbound;
use crate::resp::ParseError;
use crate::stats;

/// Starts a new measurement for [`largest_allocation`].
pub fn reset_largest_allocation() {
    stats::reset_largest_allocation()
}

/// The largest single allocation (or reallocation) the library's global
/// allocator served since [`reset_largest_allocation`], in bytes.
pub fn largest_allocation() -> usize {
    stats::largest_allocation()
}

/// The connection's incremental reader ([`inbound::Inbound`]), fed from byte
/// slices instead of a socket.
pub struct Inbound(inbound::Inbound);

/// One complete reply the reader cut from the stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// The reply's RESP bytes.
    Resp(Vec<u8>),
    /// A large top-level bulk string, received into its own allocation: the
    /// payload without its header and CRLF.
    Bulk(Vec<u8>),
}

/// What one [`Inbound::take_replies`] delivered: the replies, and apart from
/// them the RESP3 push frames, each in arrival order.
#[derive(Debug, Default)]
pub struct Taken {
    pub replies: Vec<Reply>,
    pub pushes: Vec<Vec<u8>>,
}

impl Inbound {
    /// A reader holding `leftover`, the bytes that arrived during the handshake.
    pub fn new(leftover: Vec<u8>) -> Inbound {
        Inbound(inbound::Inbound::new(leftover))
    }

    /// One read: copies as much of `bytes` as the reader's next read would
    /// take (its spare room) and returns how many bytes that was. The reader
    /// promises spare room is never empty, so a non-empty `bytes` always makes
    /// progress; a 0 here for non-empty `bytes` is a broken promise.
    pub fn receive(&mut self, bytes: &[u8]) -> usize {
        let spare = self.0.spare();
        let n = spare.len().min(bytes.len());
        for (slot, byte) in spare[..n].iter_mut().zip(bytes) {
            slot.write(*byte);
        }
        // SAFETY: `filled` needs its `n` bytes initialised and no other call on
        // the reader since `spare`: the loop above wrote the first `n` bytes of
        // exactly the slice `spare` returned, and nothing else touched `self.0`.
        unsafe { self.0.filled(n) };
        n
    }

    /// Every reply completed so far ([`inbound::Inbound::take_replies`]), copied out.
    pub fn take_replies(&mut self) -> Result<Taken, ParseError> {
        self.0.take_replies(|replies, pushes| Taken {
            replies: replies
                .into_iter()
                .map(|reply| match reply {
                    inbound::Reply::Resp(bytes) => Reply::Resp(bytes.to_vec()),
                    inbound::Reply::Bulk(bytes) => Reply::Bulk(bytes),
                })
                .collect(),
            pushes: pushes.into_iter().map(<[u8]>::to_vec).collect(),
        })
    }

    /// Nothing received that is not yet a reply.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Frees the read buffer when nothing is pending, as an idle connection does.
    pub fn release(&mut self) {
        self.0.release()
    }
}
