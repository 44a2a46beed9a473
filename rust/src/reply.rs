//! Turning a server reply (or a failure) into what crosses to Java.
//!
//! A scalar reply crosses inline in the completion (`kind`, `payload`); bytes
//! cross as a pointer to a boxed `Vec<u8>` that Java copies into a heap array
//! and frees with one call. Aggregates (arrays, maps, sets) are serialised into
//! one *frame*, so a reply of any shape costs one native allocation and one
//! JNI copy. Java decides from the request whether bytes become `String` or
//! `GlideString`.
//!
//! Frame grammar (big-endian): a tag byte, then
//! `NIL` | `INT i64` | `DOUBLE f64` | `BOOL u8` | `OK` | `BULK u32 bytes` |
//! `SIMPLE u32 bytes` | `ARRAY u32 n, n items` | `MAP u32 n, 2n items` |
//! `SET u32 n, n items` | `ERROR u32 utf8` | `BIGNUM u32 ascii`.


use crate::completion::Completion;
use crate::resp::{self, ParseError, Token, Value};
use crate::shape::{self, Expect};

/// Completion kinds and frame tags: generated, with Java's `glide.internal.Wire`, from
/// `tools/wire/constants.toml` (see [`crate::wire`]).
pub use crate::wire::{kind, tag};

/// What Java makes of the bulk strings in a reply. For `String` results the
/// core checks each one is UTF-8 and marks those that are not (Java keeps them
/// as bytes rather than decode them lossily); for `GlideString` results every
/// bulk string stays bytes, so the check, a pass over every byte, is skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkAs {
    Text,
    Bytes,
}

impl BulkAs {
    fn tag(self, bytes: &[u8]) -> u8 {
        if self == BulkAs::Bytes || std::str::from_utf8(bytes).is_ok() {
            tag::BULK
        } else {
            tag::BULK_BINARY
        }
    }
}

/// Why a request failed, as the Java exception class it becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    Request,
    Timeout,
    Connection,
    Closing,
    ExecAbort,
    Configuration,
}

impl Failure {
    fn kind(self) -> i32 {
        match self {
            Failure::Request => kind::ERR_REQUEST,
            Failure::Timeout => kind::ERR_TIMEOUT,
            Failure::Connection => kind::ERR_CONNECTION,
            Failure::Closing => kind::ERR_CLOSING,
            Failure::ExecAbort => kind::ERR_EXEC_ABORT,
            Failure::Configuration => kind::ERR_CONFIGURATION,
        }
    }
}

/// The result of one request, before it is turned into a [`Completion`].
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Nil,
    Int(i64),
    Double(f64),
    Bool(bool),
    Ok,
    /// A bulk string, UTF-8 or wanted as bytes.
    Bulk(Vec<u8>),
    /// A bulk string wanted as text that is not UTF-8.
    BulkBinary(Vec<u8>),
    Simple(Vec<u8>),
    BigNumber(Vec<u8>),
    Frame(Vec<u8>),
    Failed(Failure, String),
}

impl Outcome {
    /// Converts a server reply to the shape its command expects, and encodes it.
    pub fn from_value(value: Value, expect: Expect, bulk_as: BulkAs) -> Outcome {
        let value = match shape::convert(value, expect) {
            Ok(value) => value,
            Err(message) => return Outcome::Failed(Failure::Request, message),
        };
        match value {
            Value::Nil => Outcome::Nil,
            Value::Int(i) => Outcome::Int(i),
            Value::Double(d) => Outcome::Double(d),
            Value::Boolean(b) => Outcome::Bool(b),
            Value::Okay => Outcome::Ok,
            Value::BulkString(bytes) if bulk_as.tag(&bytes) == tag::BULK => Outcome::Bulk(bytes),
            Value::BulkString(bytes) => Outcome::BulkBinary(bytes),
            Value::SimpleString(s) => Outcome::Simple(s.into_bytes()),
            Value::VerbatimString(text) => Outcome::Simple(text.into_bytes()),
            Value::BigNumber(n) => Outcome::BigNumber(n),
            Value::ServerError(message) => Outcome::Failed(failure_of(&message), message),
            aggregate @ (Value::Array(_) | Value::Map(_) | Value::Set(_) | Value::Push(_)) => {
                let mut frame = Vec::with_capacity(estimate(&aggregate));
                write_frame(&aggregate, &mut frame, bulk_as);
                Outcome::Frame(frame)
            }
        }
    }

    /// Converts a reply still in its RESP bytes (one complete value). Replies
    /// that need no reshaping go straight from RESP to the frame or bytes Java
    /// reads, without building a [`Value`] first: for an aggregate of n items
    /// that saves n allocations and frees.
    pub fn from_resp(bytes: &[u8], expect: Expect, bulk_as: BulkAs) -> Outcome {
        match Outcome::direct(bytes, expect, bulk_as) {
            Ok(Some(outcome)) => outcome,
            Ok(None) => match resp::build_complete(bytes) {
                Ok(value) => Outcome::from_value(value, expect, bulk_as),
                Err(e) => Outcome::Failed(Failure::Request, e.to_string()),
            },
            Err(e) => Outcome::Failed(Failure::Request, e.to_string()),
        }
    }

    /// The direct conversion, or `None` when the reply takes the general path.
    fn direct(bytes: &[u8], expect: Expect, bulk_as: BulkAs) -> Result<Option<Outcome>, ParseError> {
        if expect != Expect::Natural {
            return Ok(None);
        }
        let mut pos = 0;
        let first = resp::token(bytes, &mut pos)?;
        Ok(match first {
            Token::Bulk(b) if bulk_as.tag(b) == tag::BULK => Some(Outcome::Bulk(b.to_vec())),
            Token::Bulk(b) => Some(Outcome::BulkBinary(b.to_vec())),
            Token::Array(_) | Token::Set(_) | Token::Map(_) => {
                let mut frame = Vec::with_capacity(bytes.len() + 16);
                let mut pos = 0;
                copy_to_frame(bytes, &mut pos, &mut frame, bulk_as)?.then_some(Outcome::Frame(frame))
            }
            _ => None,
        })
    }

    /// The completion for request `request_id`; moves owned bytes into a box
    /// whose pointer Java frees exactly once (`takeBytes` or `freeBytes`).
    pub fn into_completion(self, request_id: i64) -> Completion {
        let (kind, payload) = match self {
            Outcome::Nil => (kind::NIL, 0),
            Outcome::Int(i) => (kind::INT, i),
            Outcome::Double(d) => (kind::DOUBLE, d.to_bits() as i64),
            Outcome::Bool(b) => (kind::BOOL, b as i64),
            Outcome::Ok => (kind::OK, 0),
            Outcome::Bulk(b) => (kind::BULK, bytes_into_raw(b)),
            Outcome::BulkBinary(b) => (kind::BULK_BINARY, bytes_into_raw(b)),
            Outcome::Simple(b) => (kind::SIMPLE, bytes_into_raw(b)),
            Outcome::BigNumber(b) => (kind::BIGNUM, bytes_into_raw(b)),
            Outcome::Frame(b) => (kind::FRAME, bytes_into_raw(b)),
            Outcome::Failed(failure, message) => (failure.kind(), bytes_into_raw(message.into_bytes())),
        };
        Completion { request_id, kind, payload }
    }
}

impl Outcome {
    /// Back to a [`Value`], for replies that are combined with others (a
    /// cluster's multi-node requests) before they are delivered. Failures stay failures.
    /// Marks a map reply as one reply per node (see [`tag::NODE_MAP`]).
    pub fn by_node(self) -> Outcome {
        match self {
            Outcome::Frame(mut frame) if frame.first() == Some(&tag::MAP) => {
                frame[0] = tag::NODE_MAP;
                Outcome::Frame(frame)
            }
            other => other,
        }
    }

    pub fn into_value(self) -> Result<Value, (Failure, String)> {
        Ok(match self {
            Outcome::Nil => Value::Nil,
            Outcome::Int(i) => Value::Int(i),
            Outcome::Double(d) => Value::Double(d),
            Outcome::Bool(b) => Value::Boolean(b),
            Outcome::Ok => Value::Okay,
            Outcome::Bulk(b) | Outcome::BulkBinary(b) => Value::BulkString(b),
            Outcome::Simple(b) => Value::SimpleString(String::from_utf8_lossy(&b).into_owned()),
            Outcome::BigNumber(n) => Value::BigNumber(n),
            Outcome::Frame(frame) => {
                let mut pos = 0;
                read_frame(&frame, &mut pos).ok_or_else(|| (Failure::Request, "malformed reply frame".to_string()))?
            }
            Outcome::Failed(failure, message) => return Err((failure, message)),
        })
    }
}

/// Reads back what [`write_frame`] wrote; `None` for bytes it did not write.
fn read_frame(frame: &[u8], pos: &mut usize) -> Option<Value> {
    let tag = *frame.get(*pos)?;
    *pos += 1;
    let mut fixed = |n: usize| -> Option<&[u8]> {
        let bytes = frame.get(*pos..*pos + n)?;
        *pos += n;
        Some(bytes)
    };
    let eight = |b: &[u8]| u64::from_be_bytes(b.try_into().expect("eight bytes"));
    Some(match tag {
        tag::NIL => Value::Nil,
        tag::OK => Value::Okay,
        tag::INT => Value::Int(eight(fixed(8)?) as i64),
        tag::DOUBLE => Value::Double(f64::from_bits(eight(fixed(8)?))),
        tag::BOOL => Value::Boolean(fixed(1)?[0] != 0),
        tag::BULK | tag::BULK_BINARY | tag::SIMPLE | tag::ERROR | tag::BIGNUM => {
            let len = u32::from_be_bytes(fixed(4)?.try_into().ok()?) as usize;
            let bytes = fixed(len)?.to_vec();
            let text = || String::from_utf8_lossy(&bytes).into_owned();
            match tag {
                tag::SIMPLE => Value::SimpleString(text()),
                tag::ERROR => Value::ServerError(text()),
                tag::BIGNUM => Value::BigNumber(bytes),
                _ => Value::BulkString(bytes),
            }
        }
        tag::ARRAY | tag::SET | tag::MAP | tag::NODE_MAP => {
            let n = u32::from_be_bytes(fixed(4)?.try_into().ok()?) as usize;
            if tag == tag::MAP || tag == tag::NODE_MAP {
                let mut pairs = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    let k = read_frame(frame, pos)?;
                    let v = read_frame(frame, pos)?;
                    pairs.push((k, v));
                }
                Value::Map(pairs)
            } else {
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(read_frame(frame, pos)?);
                }
                if tag == tag::SET {
                    Value::Set(items)
                } else {
                    Value::Array(items)
                }
            }
        }
        _ => return None,
    })
}

/// Whether a completion of `kind` carries a pointer that must be freed.
pub fn kind_owns_bytes(kind: i32) -> bool {
    kind::owns_bytes(kind)
}

/// Leaks `bytes` into a pointer for Java; reclaimed by [`bytes_from_raw`].
pub fn bytes_into_raw(bytes: Vec<u8>) -> i64 {
    Box::into_raw(Box::new(bytes)) as i64
}

/// The length of the bytes behind a pointer made by [`bytes_into_raw`], which stay where they are.
///
/// # Safety
/// `ptr` must come from [`bytes_into_raw`] and not have been taken back yet.
pub unsafe fn bytes_len(ptr: i64) -> usize {
    // SAFETY: per the contract, `ptr` is a live `Box<Vec<u8>>` nobody has reclaimed; it is only read.
    unsafe { &*(ptr as *const Vec<u8>) }.len()
}

/// Takes back the bytes behind a pointer made by [`bytes_into_raw`].
///
/// # Safety
/// `ptr` must come from [`bytes_into_raw`] and must not have been passed to
/// this function before: ownership moves back exactly once.
pub unsafe fn bytes_from_raw(ptr: i64) -> Vec<u8> {
    // SAFETY: per the contract, `ptr` is a live `Box<Vec<u8>>` we leaked and
    // nobody else reclaims it.
    *unsafe { Box::from_raw(ptr as *mut Vec<u8>) }
}

/// `EXECABORT` aborts a transaction; every other server error is a request error.
fn failure_of(message: &str) -> Failure {
    if message.starts_with("EXECABORT") {
        Failure::ExecAbort
    } else {
        Failure::Request
    }
}

/// A capacity guess that avoids most reallocations for flat aggregates.
fn estimate(value: &Value) -> usize {
    match value {
        Value::BulkString(b) => 5 + b.len(),
        Value::Array(items) | Value::Set(items) => 5 + items.iter().map(estimate).sum::<usize>(),
        Value::Map(pairs) => 5 + pairs.iter().map(|(k, v)| estimate(k) + estimate(v)).sum::<usize>(),
        _ => 16,
    }
}

/// A frame holding an array of byte strings (or nils), built straight from borrowed bytes in
/// one exactly sized allocation: a pub/sub message crosses to Java without an intermediate copy.
pub fn bytes_array_frame(items: &[Option<&[u8]>]) -> Vec<u8> {
    let size = 5 + items.iter().map(|i| i.map_or(1, |b| 5 + b.len())).sum::<usize>();
    let mut out = Vec::with_capacity(size);
    out.push(tag::ARRAY);
    write_len(&mut out, items.len());
    for item in items {
        match item {
            Some(bytes) => write_bytes(&mut out, tag::BULK, bytes),
            None => out.push(tag::NIL),
        }
    }
    out
}

fn write_len(out: &mut Vec<u8>, len: usize) {
    // Redis caps a single value at 512 MB and an aggregate at 2^32 items, so u32 fits.
    out.extend_from_slice(&(len as u32).to_be_bytes());
}

fn write_bytes(out: &mut Vec<u8>, tag: u8, bytes: &[u8]) {
    out.push(tag);
    write_len(out, bytes.len());
    out.extend_from_slice(bytes);
}

fn write_frame(value: &Value, out: &mut Vec<u8>, bulk_as: BulkAs) {
    match value {
        Value::Nil => out.push(tag::NIL),
        Value::Int(i) => {
            out.push(tag::INT);
            out.extend_from_slice(&i.to_be_bytes());
        }
        Value::Double(d) => {
            out.push(tag::DOUBLE);
            out.extend_from_slice(&d.to_bits().to_be_bytes());
        }
        Value::Boolean(b) => {
            out.push(tag::BOOL);
            out.push(*b as u8);
        }
        Value::Okay => out.push(tag::OK),
        Value::BulkString(b) => write_bytes(out, bulk_as.tag(b), b),
        Value::SimpleString(s) => write_bytes(out, tag::SIMPLE, s.as_bytes()),
        Value::VerbatimString(text) => write_bytes(out, tag::SIMPLE, text.as_bytes()),
        Value::BigNumber(n) => write_bytes(out, tag::BIGNUM, n),
        Value::ServerError(message) => write_bytes(out, tag::ERROR, message.as_bytes()),
        Value::Array(items) => write_items(out, tag::ARRAY, items, bulk_as),
        Value::Set(items) => write_items(out, tag::SET, items, bulk_as),
        Value::Push(data) => write_items(out, tag::ARRAY, data, bulk_as),
        Value::Map(pairs) => {
            out.push(tag::MAP);
            write_len(out, pairs.len());
            for (k, v) in pairs {
                write_frame(k, out, bulk_as);
                write_frame(v, out, bulk_as);
            }
        }
    }
}

/// Writes the value at `*pos` of `resp` as a frame, exactly as [`write_frame`]
/// writes the [`Value`] it would parse to. Returns `false` (leaving `out` in an
/// unspecified state) for what only the general path handles: push data and
/// attributes.
fn copy_to_frame(resp: &[u8], pos: &mut usize, out: &mut Vec<u8>, bulk_as: BulkAs) -> Result<bool, ParseError> {
    let text = |t: &[u8]| -> Vec<u8> { String::from_utf8_lossy(t).into_owned().into_bytes() };
    match resp::token(resp, pos)? {
        Token::Nil => out.push(tag::NIL),
        Token::Okay => out.push(tag::OK),
        Token::Int(i) => {
            out.push(tag::INT);
            out.extend_from_slice(&i.to_be_bytes());
        }
        Token::Double(d) => {
            out.push(tag::DOUBLE);
            out.extend_from_slice(&d.to_bits().to_be_bytes());
        }
        Token::Boolean(b) => {
            out.push(tag::BOOL);
            out.push(b as u8);
        }
        Token::Bulk(b) => write_bytes(out, bulk_as.tag(b), b),
        Token::Simple(t) | Token::Verbatim(t) => write_bytes(out, tag::SIMPLE, &text(t)),
        Token::Error(t) => write_bytes(out, tag::ERROR, &text(t)),
        Token::BigNumber(n) => write_bytes(out, tag::BIGNUM, n),
        Token::Array(n) => return copy_items(resp, pos, out, bulk_as, tag::ARRAY, n, n),
        Token::Set(n) => return copy_items(resp, pos, out, bulk_as, tag::SET, n, n),
        Token::Map(n) => return copy_items(resp, pos, out, bulk_as, tag::MAP, n, 2 * n),
        Token::Attribute(n) => {
            // Metadata about the value that follows: skipped, the value is what we copy.
            resp::skip(resp, pos, 2 * n)?;
            return copy_to_frame(resp, pos, out, bulk_as);
        }
        Token::Push(_) => return Ok(false),
    }
    Ok(true)
}

/// An aggregate's frame header (`len` as the frame states it) and its `items` items.
fn copy_items(
    resp: &[u8],
    pos: &mut usize,
    out: &mut Vec<u8>,
    bulk_as: BulkAs,
    tag: u8,
    len: usize,
    items: usize,
) -> Result<bool, ParseError> {
    out.push(tag);
    write_len(out, len);
    for _ in 0..items {
        if !copy_to_frame(resp, pos, out, bulk_as)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn write_items(out: &mut Vec<u8>, tag: u8, items: &[Value], bulk_as: BulkAs) {
    out.push(tag);
    write_len(out, items.len());
    for item in items {
        write_frame(item, out, bulk_as);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bytes_array_frame_is_the_frame_of_the_same_array() {
        let direct = bytes_array_frame(&[Some(b"ch"), Some(b"\xff\x00"), None]);
        let value = Value::Array(vec![Value::BulkString(b"ch".to_vec()), Value::BulkString(b"\xff\x00".to_vec()), Value::Nil]);
        assert_eq!(Outcome::from_value(value, Expect::Natural, BulkAs::Bytes), Outcome::Frame(direct));
    }

    fn bulk(s: &str) -> Value {
        Value::BulkString(s.as_bytes().to_vec())
    }

    #[test]
    fn scalars_cross_inline() {
        assert_eq!(Outcome::from_value(Value::Int(-5), Expect::Natural, BulkAs::Text), Outcome::Int(-5));
        assert_eq!(Outcome::from_value(Value::Nil, Expect::Natural, BulkAs::Text), Outcome::Nil);
        assert_eq!(Outcome::from_value(Value::Okay, Expect::Natural, BulkAs::Text), Outcome::Ok);
        let c = Outcome::Double(1.5).into_completion(9);
        assert_eq!((c.request_id, c.kind, f64::from_bits(c.payload as u64)), (9, kind::DOUBLE, 1.5));
    }

    #[test]
    fn bulk_bytes_round_trip_through_the_pointer() {
        let payload = vec![0xff, 0x00, 0xc3];
        let c = Outcome::from_value(Value::BulkString(payload.clone()), Expect::Natural, BulkAs::Text).into_completion(1);
        assert_eq!(c.kind, kind::BULK_BINARY, "0xff is not UTF-8");
        assert!(kind_owns_bytes(c.kind));
        // SAFETY: the pointer was just produced by into_completion and is taken once.
        assert_eq!(unsafe { bytes_from_raw(c.payload) }, payload);
    }

    #[test]
    fn flat_pairs_become_a_map_only_when_asked() {
        let flat = Value::Array(vec![bulk("f1"), bulk("v1"), bulk("f2"), bulk("v2")]);
        let Outcome::Frame(natural) = Outcome::from_value(flat.clone(), Expect::Natural, BulkAs::Text) else { panic!() };
        assert_eq!(natural[0], tag::ARRAY);
        let Outcome::Frame(map) = Outcome::from_value(flat, Expect::Map, BulkAs::Text) else { panic!() };
        assert_eq!(map[0], tag::MAP);
        assert_eq!(&map[1..5], &2u32.to_be_bytes());
    }

    #[test]
    fn valid_utf8_is_marked_as_text() {
        let c = Outcome::from_value(Value::BulkString("héllo".as_bytes().to_vec()), Expect::Natural, BulkAs::Text).into_completion(1);
        assert_eq!(c.kind, kind::BULK);
        // SAFETY: produced just above, taken once.
        drop(unsafe { bytes_from_raw(c.payload) });
        let Outcome::Frame(frame) =
            Outcome::from_value(Value::Array(vec![Value::BulkString(vec![0xc3])]), Expect::Natural, BulkAs::Text)
        else {
            panic!()
        };
        assert_eq!(frame[5], tag::BULK_BINARY);
    }

    #[test]
    fn bulk_strings_wanted_as_bytes_are_not_checked() {
        let c = Outcome::from_value(Value::BulkString(vec![0xff]), Expect::Natural, BulkAs::Bytes).into_completion(1);
        assert_eq!(c.kind, kind::BULK);
        // SAFETY: produced just above, taken once.
        drop(unsafe { bytes_from_raw(c.payload) });
        let array = Value::Array(vec![Value::BulkString(vec![0xc3])]);
        let Outcome::Frame(frame) = Outcome::from_value(array, Expect::Natural, BulkAs::Bytes) else { panic!() };
        assert_eq!(frame[5], tag::BULK);
    }

    #[test]
    fn the_direct_path_gives_what_the_general_path_gives() {
        let corpus: &[&[u8]] = &[
            b"*3\r\n$1\r\na\r\n$-1\r\n:5\r\n",
            b"*2\r\n$2\r\n\xc3\x28\r\n+OK\r\n",
            b"%2\r\n+k\r\n,1.5\r\n$1\r\nv\r\n#t\r\n",
            b"~2\r\n$1\r\nx\r\n(123\r\n",
            b"*3\r\n*1\r\n-ERR inner\r\n=8\r\ntxt:some\r\n_\r\n",
            b"*1\r\n!3\r\nERR\r\n",
            b"*0\r\n",
            b"*-1\r\n",
            b"$3\r\nabc\r\n",
            b"$2\r\n\xff\xfe\r\n",
            b"$-1\r\n",
            b":1\r\n",
            b"+PONG\r\n",
            b"-ERR top\r\n",
            b"*2\r\n>1\r\n:1\r\n:2\r\n",
            b"*1\r\n|1\r\n+a\r\n:1\r\n:2\r\n",
            b"|1\r\n+a\r\n:1\r\n*1\r\n:2\r\n",
            b"*1\r\n+\xff\r\n",
            b"*4\r\n$2\r\nf1\r\n$2\r\nv1\r\n$2\r\nf2\r\n,2\r\n",
            b"*2\r\n:1\r\n:x\r\n",
        ];
        for bytes in corpus {
            for bulk_as in [BulkAs::Text, BulkAs::Bytes] {
                for expect in [Expect::Natural, Expect::Map, Expect::Set, Expect::Double] {
                    let general = match crate::resp::build_complete(bytes) {
                        Ok(value) => Outcome::from_value(value, expect, bulk_as),
                        Err(e) => Outcome::Failed(Failure::Request, e.to_string()),
                    };
                    let direct = Outcome::from_resp(bytes, expect, bulk_as);
                    assert_eq!(direct, general, "{:?} {expect:?} {bulk_as:?}", String::from_utf8_lossy(bytes));
                }
            }
        }
    }

    #[test]
    fn outcomes_turn_back_into_values() {
        let parsed = crate::resp::parse(b"*5\r\n:1\r\n$2\r\nab\r\n%1\r\n+k\r\n,2.5\r\n~1\r\n#t\r\n-ERR x\r\n")
            .unwrap()
            .unwrap()
            .0;
        let outcome = Outcome::from_value(parsed.clone(), Expect::Natural, BulkAs::Bytes);
        assert_eq!(outcome.into_value(), Ok(parsed));
        assert_eq!(Outcome::Int(3).into_value(), Ok(Value::Int(3)));
        assert!(Outcome::Frame(vec![tag::ARRAY, 0, 0, 0, 9]).into_value().is_err());
        assert!(matches!(Outcome::Failed(Failure::Timeout, "t".into()).into_value(), Err((Failure::Timeout, _))));
    }

    #[test]
    fn frame_layout_is_exact() {
        let value = Value::Array(vec![Value::Int(1), bulk("ab"), Value::Nil]);
        let Outcome::Frame(frame) = Outcome::from_value(value, Expect::Natural, BulkAs::Text) else { panic!() };
        let mut expected = vec![tag::ARRAY, 0, 0, 0, 3, tag::INT];
        expected.extend_from_slice(&1i64.to_be_bytes());
        expected.extend_from_slice(&[tag::BULK, 0, 0, 0, 2, b'a', b'b', tag::NIL]);
        assert_eq!(frame, expected);
    }

    #[test]
    fn a_top_level_server_error_is_a_request_failure_with_the_servers_words() {
        // A ServerError cannot be built directly; parse a reply instead.
        let parsed = crate::resp::parse(b"-WRONGTYPE Operation against a key\r\n").unwrap().unwrap().0;
        match Outcome::from_value(parsed, Expect::Natural, BulkAs::Text) {
            Outcome::Failed(Failure::Request, msg) => assert_eq!(msg, "WRONGTYPE Operation against a key"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_error_inside_an_array_stays_an_element() {
        let parsed = crate::resp::parse(b"*2\r\n:1\r\n-ERR boom\r\n").unwrap().unwrap().0;
        let Outcome::Frame(frame) = Outcome::from_value(parsed, Expect::Natural, BulkAs::Text) else { panic!() };
        assert_eq!(frame[14], tag::ERROR);
        assert_eq!(&frame[19..], b"ERR boom");
    }

    #[test]
    fn error_completions_own_their_message() {
        let c = Outcome::Failed(Failure::Timeout, "late".into()).into_completion(3);
        assert_eq!(c.kind, kind::ERR_TIMEOUT);
        assert!(kind_owns_bytes(c.kind));
        // SAFETY: produced just above, taken once.
        assert_eq!(unsafe { bytes_from_raw(c.payload) }, b"late");
    }
}
