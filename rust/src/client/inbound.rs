//! The bytes one connection has received, and the replies they complete.
//!
//! Small replies accumulate in one read buffer and are parsed from it. A large
//! bulk string at the top level (a GET of a big value) is different: as soon as
//! its header shows its size, the rest of it is received straight into an
//! allocation of exactly that size, which then becomes the reply as it is. That
//! saves copying every large value from the read buffer into its own vector,
//! and keeps the read buffer small.

use std::mem::MaybeUninit;

use smallvec::SmallVec;

use crate::resp::{self, ParseError};

/// Bulk strings at least this large are received into their own allocation.
const LARGE_BULK: usize = 64 * 1024;
/// The read buffer grows by at least this much at a time.
const READ_CHUNK: usize = 16 * 1024;
/// A read buffer that grew beyond this (for a large reply) is freed as soon as
/// it is empty; smaller ones stay while the connection is in use.
const KEEP_WHILE_IN_USE: usize = 4 * READ_CHUNK;
/// While reads of bulk strings keep filling all the room they are offered (the
/// socket holds more: values of many threads queue on one connection), the read
/// buffer doubles, up to this. Measured at 10 threads on one connection
/// (`benchmarks/results/before-after-2026-12-06`): GETs of 16 KiB 1.2x the
/// throughput, with less CPU per GET on both sides (fewer `recv`s, and the
/// server's socket drained in fewer, larger steps). MGETs of 100 keys (arrays)
/// went the other way, 0.8x with more client CPU per MGET, so arrays keep the
/// usual buffer: growth is only for a read that ended inside a bulk string.
const READ_BUFFER_MAX: usize = 64 * 1024;

/// A large bulk string being received: `bytes` has capacity for the payload
/// and its CRLF, and fills up to `total`.
struct LargeBulk {
    bytes: Vec<u8>,
    total: usize,
}

/// One complete reply.
#[derive(Debug, PartialEq)]
pub(crate) enum Reply<'a> {
    /// Its RESP bytes, still in the read buffer.
    Resp(&'a [u8]),
    /// A large bulk string, received into its own allocation.
    Bulk(Vec<u8>),
}

/// The replies one read completed: a blocking caller's read brings one, ten threads'
/// a few; held inline so that handing them over allocates nothing.
pub(crate) type Replies<'a> = SmallVec<[Reply<'a>; 4]>;
/// The push frames one read completed (pub/sub messages), in arrival order.
pub(crate) type Pushes<'a> = SmallVec<[&'a [u8]; 4]>;

impl Reply<'_> {
    /// Whether the reply is a server error (simple or blob).
    pub(crate) fn is_error(&self) -> bool {
        matches!(self, Reply::Resp([b'-' | b'!', ..]))
    }
}

pub(crate) struct Inbound {
    buffer: Vec<u8>,
    large: Option<LargeBulk>,
    /// Bytes arrived since the last [`Inbound::take_used`].
    used: bool,
    /// The room the last [`Inbound::spare`] offered in `buffer`, and whether the read
    /// that followed filled all of it.
    offered: usize,
    filled_all: bool,
    /// The bytes left in `buffer` after the last replies were taken begin a bulk string.
    cut_bulk: bool,
}

impl Inbound {
    /// Starts with bytes that arrived during the handshake.
    pub(crate) fn new(leftover: Vec<u8>) -> Inbound {
        Inbound { buffer: leftover, large: None, used: false, offered: 0, filled_all: false, cut_bulk: false }
    }

    /// Where the next read should land; never empty.
    pub(crate) fn spare(&mut self) -> &mut [MaybeUninit<u8>] {
        match &mut self.large {
            Some(large) => {
                let missing = large.total - large.bytes.len();
                &mut large.bytes.spare_capacity_mut()[..missing]
            }
            None => {
                let buffer = &mut self.buffer;
                if buffer.capacity() - buffer.len() < READ_CHUNK / 2 {
                    // Double for replies that keep growing (a long array), so
                    // their reads stay big and the copies few.
                    buffer.reserve(READ_CHUNK.max(buffer.len()));
                } else if self.filled_all && self.cut_bulk && buffer.capacity() < READ_BUFFER_MAX {
                    buffer.reserve(2 * buffer.capacity() - buffer.len()); // the capacity doubles
                }
                let spare = buffer.spare_capacity_mut();
                self.offered = spare.len();
                spare
            }
        }
    }

    /// Records that the first `n` bytes of the last [`Inbound::spare`] were written.
    ///
    /// # Safety
    /// Those `n` bytes must have been initialised, and no other method may have
    /// been called since `spare`.
    pub(crate) unsafe fn filled(&mut self, n: usize) {
        self.filled_all = self.large.is_none() && n == self.offered;
        let target = match &mut self.large {
            Some(large) => &mut large.bytes,
            None => &mut self.buffer,
        };
        debug_assert!(target.len() + n <= target.capacity());
        // SAFETY: the caller wrote `n` bytes into the spare capacity of `target`
        // (the slice `spare` returned), so they are initialised and in bounds.
        unsafe { target.set_len(target.len() + n) };
    }

    /// Hands every complete reply, in order, to `deliver`, then drops their
    /// bytes. Out-of-band data (RESP3 push frames: pub/sub messages and
    /// confirmations) answers no request: it goes to `deliver` apart, in order.
    pub(crate) fn take_replies<R>(&mut self, deliver: impl FnOnce(Replies<'_>, Pushes<'_>) -> R) -> Result<R, ParseError> {
        let mut replies = Replies::new();
        let mut pushes = Pushes::new();
        if let Some(large) = &self.large {
            if large.bytes.len() < large.total {
                return Ok(deliver(replies, pushes)); // still arriving; the buffer is empty meanwhile
            }
            let mut bytes = self.large.take().expect("checked above").bytes;
            let payload = bytes.len() - 2;
            if &bytes[payload..] != b"\r\n" {
                return Err(ParseError("bulk string not terminated by CRLF".into()));
            }
            bytes.truncate(payload);
            replies.push(Reply::Bulk(bytes));
        }
        let mut start = 0;
        while let Some(len) = resp::complete_len(&self.buffer[start..])? {
            let bytes = &self.buffer[start..start + len];
            start += len;
            // A push may come after attributes (metadata, skipped): what follows them decides.
            let described = if bytes[0] == b'|' { resp::skip_attributes(bytes)? } else { 0 };
            if bytes[described] == b'>' {
                pushes.push(&bytes[described..]);
            } else {
                replies.push(Reply::Resp(bytes));
            }
        }
        let delivered = deliver(replies, pushes);
        if let Some((header, size)) = large_bulk_header(&self.buffer[start..]) {
            let total = size + 2;
            let mut bytes = Vec::new();
            bytes
                .try_reserve_exact(total)
                .map_err(|_| ParseError(format!("cannot allocate {size} bytes for a bulk string")))?;
            bytes.extend_from_slice(&self.buffer[start + header..]);
            start = self.buffer.len();
            self.large = Some(LargeBulk { bytes, total });
        }
        self.buffer.drain(..start);
        self.cut_bulk = self.buffer.first() == Some(&b'$');
        Ok(delivered)
    }

    /// The bytes a large bulk string being received still misses (0: none is arriving).
    pub(crate) fn large_missing(&self) -> usize {
        self.large.as_ref().map_or(0, |large| large.total - large.bytes.len())
    }

    /// Nothing received that is not yet a reply.
    pub(crate) fn is_empty(&self) -> bool {
        self.buffer.is_empty() && self.large.is_none()
    }

    /// Frees the read buffer (an idle connection keeps none). Only when empty.
    pub(crate) fn release(&mut self) {
        if self.is_empty() {
            self.buffer = Vec::new();
        }
    }

    /// Frees the read buffer if it is empty and grew beyond the usual size.
    pub(crate) fn release_if_grown(&mut self) {
        if self.buffer.capacity() > KEEP_WHILE_IN_USE {
            self.release();
        }
    }

    /// Records that bytes arrived.
    pub(crate) fn mark_used(&mut self) {
        self.used = true;
    }

    /// Whether bytes arrived since the last call.
    pub(crate) fn take_used(&mut self) -> bool {
        std::mem::take(&mut self.used)
    }
}

/// For bytes starting with the header of a bulk string of at least
/// [`LARGE_BULK`] bytes that has not fully arrived: the header's length and the
/// announced size.
fn large_bulk_header(bytes: &[u8]) -> Option<(usize, usize)> {
    let (header, size) = resp::bulk_header(bytes)?;
    (size >= LARGE_BULK && bytes.len() < header + size + 2).then_some((header, size))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resp::Value;

    fn take_values(inbound: &mut Inbound, values: &mut Vec<Value>) -> Result<(), ParseError> {
        let replies = inbound.take_replies(|replies, _pushes| {
            replies
                .into_iter()
                .map(|reply| match reply {
                    Reply::Resp(bytes) => resp::build_complete(bytes),
                    Reply::Bulk(bytes) => Ok(Value::BulkString(bytes)),
                })
                .collect::<Result<Vec<_>, _>>()
        })?;
        values.extend(replies?);
        Ok(())
    }

    /// Feeds `wire` in reads of at most `chunk` bytes; returns the replies.
    fn receive(wire: &[u8], chunk: usize) -> Vec<Value> {
        let mut inbound = Inbound::new(Vec::new());
        let mut replies = Vec::new();
        let mut pos = 0;
        while pos < wire.len() {
            let spare = inbound.spare();
            assert!(!spare.is_empty());
            let n = spare.len().min(chunk).min(wire.len() - pos);
            for (slot, byte) in spare.iter_mut().zip(&wire[pos..pos + n]) {
                slot.write(*byte);
            }
            // SAFETY: the loop above initialised the first `n` spare bytes.
            unsafe { inbound.filled(n) };
            pos += n;
            take_values(&mut inbound, &mut replies).unwrap();
        }
        assert!(inbound.is_empty(), "all input consumed");
        replies
    }

    fn wire_with_large_value(size: usize) -> (Vec<u8>, Vec<u8>) {
        let value: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
        let mut wire = b"+OK\r\n".to_vec();
        wire.extend_from_slice(format!("${size}\r\n").as_bytes());
        wire.extend_from_slice(&value);
        wire.extend_from_slice(b"\r\n:7\r\n>1\r\n:0\r\n$-1\r\n");
        (wire, value)
    }

    #[test]
    fn a_large_bulk_string_arrives_whole_whatever_the_read_sizes() {
        let (wire, value) = wire_with_large_value(100_000);
        let expected = vec![Value::Okay, Value::BulkString(value), Value::Int(7), Value::Nil];
        for chunk in [1, 3, 4096, 65_536, 1 << 20] {
            assert_eq!(receive(&wire, chunk), expected, "reads of {chunk} bytes");
        }
    }

    #[test]
    fn a_value_just_below_the_threshold_takes_the_ordinary_path() {
        let (wire, value) = wire_with_large_value(LARGE_BULK - 1);
        let replies = receive(&wire, 5000);
        assert_eq!(replies[1], Value::BulkString(value));
    }

    #[test]
    fn the_rest_of_a_large_value_is_received_in_place() {
        // "+OK\r\n" (5 bytes), "$200000\r\n" (9 bytes), then 6 bytes of the value.
        let (wire, _) = wire_with_large_value(200_000);
        let mut inbound = Inbound::new(wire[..20].to_vec());
        let mut replies = Vec::new();
        take_values(&mut inbound, &mut replies).unwrap();
        assert_eq!(replies, vec![Value::Okay]);
        assert!(inbound.large.is_some() && inbound.buffer.is_empty());
        assert_eq!(inbound.spare().len(), 200_000 + 2 - 6, "exactly what is missing");
    }

    #[test]
    fn a_bad_terminator_after_a_large_value_is_a_protocol_error() {
        let mut inbound = Inbound::new(format!("${LARGE_BULK}\r\nab").into_bytes());
        let mut replies = Vec::new();
        take_values(&mut inbound, &mut replies).unwrap();
        let spare = inbound.spare();
        let n = spare.len();
        for slot in spare.iter_mut() {
            slot.write(b'y');
        }
        // SAFETY: every spare byte was initialised above.
        unsafe { inbound.filled(n) };
        assert!(take_values(&mut inbound, &mut replies).is_err());
        assert!(replies.is_empty());
    }

    /// One read of up to `n` bytes of `reply` repeated (continued from byte `*at` of
    /// that stream), after which the complete replies are taken. Returns the room
    /// the read was offered.
    fn read_repeated(inbound: &mut Inbound, reply: &[u8], at: &mut usize, n: usize) -> usize {
        let spare = inbound.spare();
        let offered = spare.len();
        let n = n.min(offered);
        for slot in &mut spare[..n] {
            slot.write(reply[*at % reply.len()]);
            *at += 1;
        }
        // SAFETY: the loop above initialised the first `n` spare bytes.
        unsafe { inbound.filled(n) };
        inbound.take_replies(|_, _| ()).unwrap();
        offered
    }

    #[test]
    fn full_reads_of_bulk_strings_grow_the_buffer_up_to_its_maximum() {
        let (mut inbound, mut at, bulk) = (Inbound::new(Vec::new()), 0, b"$3\r\nabc\r\n");
        // The socket holds more than each read is offered, and reads end inside a value.
        let offered: Vec<usize> = (0..12).map(|_| read_repeated(&mut inbound, bulk, &mut at, usize::MAX)).collect();
        assert!(offered.windows(2).all(|w| w[1] >= w[0]) && offered[3] > 3 * offered[0], "{offered:?}");
        let grown = inbound.buffer.capacity();
        assert!((READ_BUFFER_MAX..2 * READ_BUFFER_MAX).contains(&grown), "stops at its maximum: {grown}");
        // After a read that left room, the next is offered the same buffer, not a bigger one.
        read_repeated(&mut inbound, bulk, &mut at, 400);
        read_repeated(&mut inbound, bulk, &mut at, usize::MAX);
        assert_eq!(inbound.buffer.capacity(), grown);
    }

    #[test]
    fn full_reads_of_arrays_keep_the_usual_buffer() {
        let (mut inbound, mut at, array) = (Inbound::new(Vec::new()), 0, b"*1\r\n:12\r\n");
        let first = read_repeated(&mut inbound, array, &mut at, usize::MAX);
        let capacity = inbound.buffer.capacity();
        for _ in 0..12 {
            assert!(read_repeated(&mut inbound, array, &mut at, usize::MAX) < first + array.len());
        }
        assert_eq!(inbound.buffer.capacity(), capacity);
    }

    #[test]
    fn release_keeps_nothing_when_idle() {
        let mut inbound = Inbound::new(b":1\r\n".to_vec());
        let mut replies = Vec::new();
        take_values(&mut inbound, &mut replies).unwrap();
        inbound.release();
        assert_eq!(inbound.buffer.capacity(), 0);
    }
}
