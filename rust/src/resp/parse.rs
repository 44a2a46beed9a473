//! Incremental RESP2/RESP3 parser.
//!
//! [`parse`] first checks, without allocating, that a whole value is present
//! (so a half-received 512 KB reply or a large array costs no allocations
//! while it arrives), then builds the [`Value`].

use std::sync::atomic::{AtomicUsize, Ordering};

use super::Value;

/// Nesting deeper than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 256;

/// The longest bulk string accepted, in bytes: the server's own default limit
/// (`proto-max-bulk-len`, 512 MB). A longer size announced by the stream is a
/// protocol error at once, before any allocation and before waiting for bytes
/// that could never be held. See [`set_max_bulk_len`].
pub const DEFAULT_MAX_BULK_LEN: usize = 512 * 1024 * 1024;
/// What no setting can exceed: a Java array holds at most `Integer.MAX_VALUE - 8`
/// elements, so a longer string or aggregate could never reach the application.
pub const LARGEST_JAVA_ARRAY: usize = i32::MAX as usize - 8;

static MAX_BULK_LEN: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_BULK_LEN);

/// Sets the longest bulk string accepted (process-wide, like the server's own
/// setting it mirrors); clamped to [`LARGEST_JAVA_ARRAY`]. Returns the value in force.
pub fn set_max_bulk_len(bytes: usize) -> usize {
    let bytes = bytes.clamp(1, LARGEST_JAVA_ARRAY);
    MAX_BULK_LEN.store(bytes, Ordering::Relaxed);
    bytes
}

pub fn max_bulk_len() -> usize {
    MAX_BULK_LEN.load(Ordering::Relaxed)
}

/// The stream does not hold valid RESP: the connection must be dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub String);

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "protocol error: {}", self.0)
    }
}

type Scan = Result<Option<usize>, ParseError>;

/// The length of the complete value at the start of `buf`, `Ok(None)` when
/// more bytes are needed, or an error for invalid input. Allocates nothing.
pub fn complete_len(buf: &[u8]) -> Result<Option<usize>, ParseError> {
    scan(buf, 0, 0)
}

/// Builds the value in `bytes`, which [`complete_len`] found complete.
pub fn build_complete(bytes: &[u8]) -> Result<Value, ParseError> {
    build(bytes, &mut 0)
}

/// One complete value at the start of `buf` and the number of bytes it used,
/// `Ok(None)` when more bytes are needed, or an error for invalid input.
pub fn parse(buf: &[u8]) -> Result<Option<(Value, usize)>, ParseError> {
    let Some(len) = complete_len(buf)? else {
        return Ok(None);
    };
    Ok(Some((build_complete(&buf[..len])?, len)))
}

/// For bytes starting with a bulk string header (`$<size>\r\n`): the header's
/// length and the announced size. Lets the reader receive a large value into an
/// allocation of its own before the value is complete.
pub fn bulk_header(buf: &[u8]) -> Option<(usize, usize)> {
    if buf.first() != Some(&b'$') {
        return None;
    }
    let (text, after) = line(buf, 1).ok()??;
    let size = bulk_len(text).ok()??;
    Some((after, size))
}

/// The line starting at `at` (without CRLF) and the position after its CRLF;
/// `Ok(None)` until its CRLF has arrived. A CR not followed by LF, and a line
/// longer than any bulk string may be, are errors (the second one bounds what
/// a server that never ends its line can make us buffer).
fn line(buf: &[u8], at: usize) -> Result<Option<(&[u8], usize)>, ParseError> {
    let Some(rest) = buf.get(at..) else { return Ok(None) };
    let Some(cr) = rest.iter().position(|&b| b == b'\r') else {
        if rest.len() > max_bulk_len() {
            return Err(ParseError(format!("a line longer than {} bytes", max_bulk_len())));
        }
        return Ok(None);
    };
    match rest.get(cr + 1) {
        None => Ok(None),
        Some(b'\n') => Ok(Some((&rest[..cr], at + cr + 2))),
        Some(_) => Err(ParseError("a CR not followed by LF".into())),
    }
}

/// A decimal integer: an optional sign and at least one digit, as `i64::from_str` takes it.
/// Written out because every length of every reply goes through here, twice (once while
/// checking that a value is complete, once while copying it): going through `str` checked
/// UTF-8 first and cost a fifth of the CPU spent parsing an MGET of 100 values.
fn int(text: &[u8]) -> Result<i64, ParseError> {
    let invalid = || ParseError(format!("invalid integer {:?}", String::from_utf8_lossy(text)));
    let (negative, digits) = match text {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, text),
    };
    if digits.is_empty() {
        return Err(invalid());
    }
    // Accumulated towards the sign, so that i64::MIN, which has no positive twin, fits.
    let mut n: i64 = 0;
    for &b in digits {
        let digit = b.wrapping_sub(b'0');
        if digit > 9 {
            return Err(invalid());
        }
        let digit = i64::from(digit);
        n = n.checked_mul(10).and_then(|n| if negative { n.checked_sub(digit) } else { n.checked_add(digit) }).ok_or_else(invalid)?;
    }
    Ok(n)
}

/// A length: `None` for -1 (nil), an error for other negative values.
fn count(text: &[u8]) -> Result<Option<usize>, ParseError> {
    match int(text)? {
        -1 => Ok(None),
        n if n < 0 => Err(ParseError(format!("invalid length {n}"))),
        n => Ok(Some(n as usize)),
    }
}

/// The size of a bulk string, refused beyond [`max_bulk_len`].
fn bulk_len(text: &[u8]) -> Result<Option<usize>, ParseError> {
    let size = count(text)?;
    match size {
        Some(n) if n > max_bulk_len() => Err(ParseError(format!(
            "a bulk string of {n} bytes is longer than the {} bytes accepted",
            max_bulk_len()
        ))),
        _ => Ok(size),
    }
}

/// The number of items of an aggregate, refused beyond what a Java array holds.
fn item_count(text: &[u8]) -> Result<Option<usize>, ParseError> {
    let n = count(text)?;
    match n {
        Some(n) if n > LARGEST_JAVA_ARRAY => Err(ParseError(format!("an aggregate of {n} items is larger than a Java array can be"))),
        _ => Ok(n),
    }
}

/// Length of the value at `at`, if complete.
fn scan(buf: &[u8], at: usize, depth: usize) -> Scan {
    if depth > MAX_DEPTH {
        return Err(ParseError("nesting too deep".into()));
    }
    let Some(&kind) = buf.get(at) else { return Ok(None) };
    if kind == b'$' {
        if let Some((n, after)) = plain_bulk_header(buf, at + 1) {
            return bulk_end(buf, at, after, n);
        }
    }
    let Some((text, after)) = line(buf, at + 1)? else { return Ok(None) };
    match kind {
        b'+' | b'-' => Ok(Some(after - at)),
        // Scalars are checked here, not only when built: a malformed one is a protocol
        // error of the stream (the connection is dropped), not a failed conversion.
        b':' | b'_' | b',' | b'#' | b'(' => {
            check_scalar(kind, text)?;
            Ok(Some(after - at))
        }
        b'$' | b'!' | b'=' => match bulk_len(text)? {
            None => Ok(Some(after - at)),
            Some(n) => bulk_end(buf, at, after, n),
        },
        b'*' | b'~' | b'>' | b'%' | b'|' => {
            let Some(n) = item_count(text)? else {
                // Only arrays (RESP2's nil array) and their RESP3 kin may be nil.
                if kind == b'%' || kind == b'|' {
                    return Err(ParseError(format!("a nil {}", if kind == b'%' { "map" } else { "attribute" })));
                }
                return Ok(Some(after - at));
            };
            let items = if kind == b'%' || kind == b'|' { n.checked_mul(2) } else { Some(n) };
            let items = items.ok_or_else(|| ParseError("aggregate too large".into()))?;
            let mut pos = after;
            for _ in 0..items {
                match scan(buf, pos, depth + 1)? {
                    Some(len) => pos += len,
                    None => return Ok(None),
                }
            }
            if kind == b'|' {
                // An attribute is followed by the value it describes.
                match scan(buf, pos, depth + 1)? {
                    Some(len) => pos += len,
                    None => return Ok(None),
                }
            }
            Ok(Some(pos - at))
        }
        other => Err(ParseError(format!("unknown type byte {:?}", other as char))),
    }
}

/// The length of a bulk string starting at `at` whose `n` bytes start at `after`, once its
/// bytes and their CRLF have arrived.
fn bulk_end(buf: &[u8], at: usize, after: usize, n: usize) -> Scan {
    let end = after + n + 2;
    if buf.len() < end {
        Ok(None)
    } else if &buf[end - 2..end] != b"\r\n" {
        Err(ParseError("bulk string not terminated by CRLF".into()))
    } else {
        Ok(Some(end - at))
    }
}

/// A bulk string's header after its `$`, at `at`, in its common form (a size of 1 to 18
/// digits, no larger than accepted, and its CRLF): the size and the position after the CRLF,
/// found in one pass. `None` for anything else (nil, a header not complete yet, one that is
/// malformed or too large): [`line`] and [`bulk_len`] take those, with their errors. Every value
/// of an MGET or a pipeline starts with one, and this is most of the parsing they cost.
fn plain_bulk_header(buf: &[u8], at: usize) -> Option<(usize, usize)> {
    let mut n: usize = 0;
    let mut pos = at;
    loop {
        let &b = buf.get(pos)?;
        if b == b'\r' {
            break;
        }
        let digit = b.wrapping_sub(b'0');
        if digit > 9 || pos - at == 18 {
            return None;
        }
        n = n * 10 + usize::from(digit);
        pos += 1;
    }
    if pos == at || buf.get(pos + 1) != Some(&b'\n') || n > max_bulk_len() {
        return None;
    }
    Some((n, pos + 2))
}

/// Checks the text of a `:`, `_`, `,`, `#` or `(` line.
fn check_scalar(kind: u8, text: &[u8]) -> Result<(), ParseError> {
    let valid = match kind {
        b':' => return int(text).map(|_| ()),
        b',' => return double(text).map(|_| ()),
        b'_' => text.is_empty(),
        b'#' => text == b"t" || text == b"f",
        _ => {
            // A big number: an optional sign, then at least one digit.
            let digits = text.strip_prefix(b"-").or_else(|| text.strip_prefix(b"+")).unwrap_or(text);
            !digits.is_empty() && digits.iter().all(u8::is_ascii_digit)
        }
    };
    match valid {
        true => Ok(()),
        false => Err(ParseError(format!("invalid {:?} value {:?}", kind as char, String::from_utf8_lossy(text)))),
    }
}

/// One element of a RESP value: a scalar, or the header of an aggregate whose
/// items follow it. [`build`] turns tokens into a [`Value`]; other readers
/// (the reply frame writer) consume them directly, without building one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Token<'a> {
    Nil,
    Okay,
    /// `+` other than OK.
    Simple(&'a [u8]),
    /// `-` or `!`.
    Error(&'a [u8]),
    Int(i64),
    Double(f64),
    Boolean(bool),
    BigNumber(&'a [u8]),
    Bulk(&'a [u8]),
    /// `=`: the text without its format prefix.
    Verbatim(&'a [u8]),
    /// Aggregates: the number of items that follow (pairs for maps and attributes;
    /// an attribute's pairs are followed by the value it describes).
    Array(usize),
    Set(usize),
    Push(usize),
    Map(usize),
    Attribute(usize),
}

/// Reads the token at `*pos` of a value known to be complete (see [`complete_len`])
/// and advances `pos` past it.
pub fn token<'a>(buf: &'a [u8], pos: &mut usize) -> Result<Token<'a>, ParseError> {
    let kind = *buf.get(*pos).ok_or_else(|| ParseError("truncated value".into()))?;
    if kind == b'$' {
        if let Some((n, after)) = plain_bulk_header(buf, *pos + 1) {
            *pos = after;
            return Ok(Token::Bulk(bulk_bytes(buf, pos, n)?));
        }
    }
    let (text, after) = line(buf, *pos + 1)?.ok_or_else(|| ParseError("truncated value".into()))?;
    *pos = after;
    Ok(match kind {
        b'+' if text == b"OK" => Token::Okay,
        b'+' => Token::Simple(text),
        b'-' => Token::Error(text),
        b':' => Token::Int(int(text)?),
        b'_' => Token::Nil,
        b',' => Token::Double(double(text)?),
        b'#' => match text {
            b"t" => Token::Boolean(true),
            b"f" => Token::Boolean(false),
            _ => return Err(ParseError(format!("invalid boolean {:?}", String::from_utf8_lossy(text)))),
        },
        b'(' => Token::BigNumber(text),
        b'$' | b'!' | b'=' => match bulk_len(text)? {
            None => Token::Nil,
            Some(n) => {
                let bytes = bulk_bytes(buf, pos, n)?;
                match kind {
                    b'$' => Token::Bulk(bytes),
                    b'!' => Token::Error(bytes),
                    // Verbatim strings start with a 3-letter format and a colon.
                    _ => Token::Verbatim(bytes.get(4..).unwrap_or(&[])),
                }
            }
        },
        b'*' | b'~' | b'>' => match item_count(text)? {
            None => Token::Nil,
            Some(n) => match kind {
                b'*' => Token::Array(n),
                b'~' => Token::Set(n),
                _ => Token::Push(n),
            },
        },
        b'%' => Token::Map(item_count(text)?.ok_or_else(|| ParseError("a nil map".into()))?),
        b'|' => Token::Attribute(item_count(text)?.ok_or_else(|| ParseError("a nil attribute".into()))?),
        other => return Err(ParseError(format!("unknown type byte {:?}", other as char))),
    })
}

/// The `n` bytes of a bulk string at `*pos`, checked for their CRLF; advances `pos` past it.
fn bulk_bytes<'a>(buf: &'a [u8], pos: &mut usize, n: usize) -> Result<&'a [u8], ParseError> {
    let bytes = buf.get(*pos..*pos + n).ok_or_else(|| ParseError("truncated bulk string".into()))?;
    if buf.get(*pos + n..*pos + n + 2) != Some(&b"\r\n"[..]) {
        return Err(ParseError("bulk string not terminated by CRLF".into()));
    }
    *pos += n + 2;
    Ok(bytes)
}

/// Builds the value at `*pos` (known to be complete) and advances `pos`.
fn build(buf: &[u8], pos: &mut usize) -> Result<Value, ParseError> {
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    Ok(match token(buf, pos)? {
        Token::Nil => Value::Nil,
        Token::Okay => Value::Okay,
        Token::Simple(t) => Value::SimpleString(text(t)),
        Token::Error(t) => Value::ServerError(text(t)),
        Token::Int(i) => Value::Int(i),
        Token::Double(d) => Value::Double(d),
        Token::Boolean(b) => Value::Boolean(b),
        Token::BigNumber(n) => Value::BigNumber(n.to_vec()),
        Token::Bulk(b) => Value::BulkString(b.to_vec()),
        Token::Verbatim(t) => Value::VerbatimString(text(t)),
        Token::Array(n) => Value::Array(build_items(buf, pos, n)?),
        Token::Set(n) => Value::Set(build_items(buf, pos, n)?),
        Token::Push(n) => Value::Push(build_items(buf, pos, n)?),
        Token::Map(n) => Value::Map(build_pairs(buf, pos, n)?),
        Token::Attribute(n) => {
            // Metadata about the value that follows: skipped, the value is the reply.
            skip(buf, pos, 2 * n)?;
            build(buf, pos)?
        }
    })
}

/// Moves `pos` past `items` complete values.
pub fn skip(buf: &[u8], pos: &mut usize, items: usize) -> Result<(), ParseError> {
    for _ in 0..items {
        let len = complete_len(&buf[*pos..])?.ok_or_else(|| ParseError("truncated value".into()))?;
        *pos += len;
    }
    Ok(())
}

/// Where the value described by the attributes at the start of `buf` begins
/// (0 when there are none). `buf` holds one complete value.
pub fn skip_attributes(buf: &[u8]) -> Result<usize, ParseError> {
    let mut pos = 0;
    while buf.get(pos) == Some(&b'|') {
        let Token::Attribute(n) = token(buf, &mut pos)? else { unreachable!("a '|' is an attribute") };
        skip(buf, &mut pos, 2 * n)?;
    }
    Ok(pos)
}

fn build_items(buf: &[u8], pos: &mut usize, n: usize) -> Result<Vec<Value>, ParseError> {
    let mut items = Vec::with_capacity(n);
    for _ in 0..n {
        items.push(build(buf, pos)?);
    }
    Ok(items)
}

fn build_pairs(buf: &[u8], pos: &mut usize, n: usize) -> Result<Vec<(Value, Value)>, ParseError> {
    let mut pairs = Vec::with_capacity(n);
    for _ in 0..n {
        let k = build(buf, pos)?;
        let v = build(buf, pos)?;
        pairs.push((k, v));
    }
    Ok(pairs)
}

fn double(text: &[u8]) -> Result<f64, ParseError> {
    let s = std::str::from_utf8(text).map_err(|_| ParseError("invalid double".into()))?;
    match s {
        "inf" | "+inf" => Ok(f64::INFINITY),
        "-inf" => Ok(f64::NEG_INFINITY),
        "nan" | "-nan" => Ok(f64::NAN),
        _ => s.parse::<f64>().map_err(|_| ParseError(format!("invalid double {s:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(input: &[u8]) -> Value {
        let (v, used) = parse(input).unwrap().expect("complete");
        assert_eq!(used, input.len());
        v
    }

    /// Bulk headers in the common form take a shorter path (`plain_bulk_header`); every other
    /// form still takes the general one: the answers are the same as before either way.
    #[test]
    fn bulk_headers_read_alike_whichever_path_they_take() {
        let complete = |input: &[u8]| complete_len(input).map_err(|e| e.0);
        fn first(input: &[u8]) -> Result<Token<'_>, String> {
            token(input, &mut 0).map_err(|e| e.0)
        }
        assert_eq!(complete(b"$5\r\nhello\r\n"), Ok(Some(11)));
        assert_eq!(first(b"$5\r\nhello\r\n"), Ok(Token::Bulk(b"hello")));
        assert_eq!(complete(b"$005\r\nhello\r\n"), Ok(Some(13)));
        assert_eq!(complete(b"$0\r\n\r\n"), Ok(Some(6)));
        assert_eq!(first(b"$0\r\n\r\n"), Ok(Token::Bulk(b"")));
        assert_eq!(complete(b"$+5\r\nhello\r\n"), Ok(Some(12)), "a sign: the general path, as before");
        assert_eq!(first(b"$+5\r\nhello\r\n"), Ok(Token::Bulk(b"hello")));
        assert_eq!(complete(b"$-1\r\n"), Ok(Some(5)));
        assert_eq!(first(b"$-1\r\n"), Ok(Token::Nil));
        for partial in [&b"$"[..], b"$5", b"$5\r", b"$5\r\nhel", b"$5\r\nhello\r"] {
            assert_eq!(complete(partial), Ok(None), "{:?}", String::from_utf8_lossy(partial));
        }
        assert_eq!(complete(b"$5\rx"), Err("a CR not followed by LF".into()));
        assert_eq!(complete(b"$5\r\nhelloXY"), Err("bulk string not terminated by CRLF".into()));
        assert_eq!(first(b"$5\r\nhelloXY"), Err("bulk string not terminated by CRLF".into()));
        assert_eq!(complete(b"$\r\n"), Err("invalid integer \"\"".into()));
        assert_eq!(complete(b"$5x\r\n"), Err("invalid integer \"5x\"".into()));
        let too_long = format!("${}\r\n", max_bulk_len() + 1);
        assert!(complete(too_long.as_bytes()).unwrap_err().contains("longer than"), "the limit holds on both paths");
        let nineteen_digits = b"$0000000000000000005\r\nhello\r\n";
        assert_eq!(complete(nineteen_digits), Ok(Some(nineteen_digits.len())), "19 digits: the general path");
    }

    #[test]
    fn integers_are_read_as_i64_from_str_reads_them() {
        let mut inputs: Vec<Vec<u8>> = [
            "0", "-0", "+0", "7", "-7", "+7", "007", "-007", "9223372036854775807", "-9223372036854775808",
            "9223372036854775808", "-9223372036854775809", "99999999999999999999", "0000000000000000000000042",
            "", "-", "+", "--1", "+-1", "1-", " 1", "1 ", "1.0", "1e3", "0x10", "١", "12a", "-1\r",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect();
        inputs.push(vec![b'1', 0xff]);
        inputs.push(vec![b'0' + 10]); // ':' is one past '9'
        inputs.push(vec![b'0' - 1]); // '/' is one before '0'
        for n in [i64::MIN, i64::MIN + 1, -1_000_000_007, -1, 1, 65_535, 1 << 40, i64::MAX - 1, i64::MAX] {
            inputs.push(n.to_string().into_bytes());
        }
        for input in inputs {
            let expected = std::str::from_utf8(&input).ok().and_then(|s| s.parse::<i64>().ok());
            assert_eq!(int(&input).ok(), expected, "{:?}", String::from_utf8_lossy(&input));
        }
    }

    #[test]
    fn every_type() {
        assert_eq!(one(b"+OK\r\n"), Value::Okay);
        assert_eq!(one(b"+PONG\r\n"), Value::SimpleString("PONG".into()));
        assert_eq!(one(b"-ERR no\r\n"), Value::ServerError("ERR no".into()));
        assert_eq!(one(b":-42\r\n"), Value::Int(-42));
        assert_eq!(one(b"$-1\r\n"), Value::Nil);
        assert_eq!(one(b"$0\r\n\r\n"), Value::BulkString(vec![]));
        assert_eq!(one(b"$3\r\na\r\n\r\n"), Value::BulkString(b"a\r\n".to_vec()));
        assert_eq!(one(b"*-1\r\n"), Value::Nil);
        assert_eq!(one(b"_\r\n"), Value::Nil);
        assert_eq!(one(b",1.5\r\n"), Value::Double(1.5));
        assert_eq!(one(b",-inf\r\n"), Value::Double(f64::NEG_INFINITY));
        assert_eq!(one(b"#t\r\n"), Value::Boolean(true));
        assert_eq!(one(b"(12345678901234567890\r\n"), Value::BigNumber(b"12345678901234567890".to_vec()));
        assert_eq!(one(b"!9\r\nERR boom!\r\n"), Value::ServerError("ERR boom!".into()));
        assert_eq!(one(b"=8\r\ntxt:some\r\n"), Value::VerbatimString("some".into()));
        assert_eq!(
            one(b"*2\r\n:1\r\n*1\r\n$1\r\nx\r\n"),
            Value::Array(vec![Value::Int(1), Value::Array(vec![Value::BulkString(b"x".to_vec())])])
        );
        assert_eq!(
            one(b"%1\r\n+k\r\n:1\r\n"),
            Value::Map(vec![(Value::SimpleString("k".into()), Value::Int(1))])
        );
        assert_eq!(one(b"~1\r\n:1\r\n"), Value::Set(vec![Value::Int(1)]));
        assert_eq!(one(b">1\r\n:1\r\n"), Value::Push(vec![Value::Int(1)]));
        // Attributes describe the value that follows; the value is the reply.
        assert_eq!(one(b"|1\r\n+a\r\n:1\r\n+data\r\n"), Value::SimpleString("data".into()));
        assert_eq!(
            one(b"*2\r\n|1\r\n+a\r\n*1\r\n:1\r\n:5\r\n:6\r\n"),
            Value::Array(vec![Value::Int(5), Value::Int(6)])
        );
    }

    #[test]
    fn every_prefix_of_a_value_asks_for_more() {
        let input = b"*3\r\n$5\r\nhello\r\n%1\r\n+k\r\n,2.5\r\n:7\r\n";
        for cut in 0..input.len() {
            assert_eq!(parse(&input[..cut]).unwrap(), None, "prefix of {cut} bytes");
        }
        assert!(parse(input).unwrap().is_some());
    }

    #[test]
    fn announces_the_size_of_a_bulk_string() {
        assert_eq!(bulk_header(b"$524288\r\nabc"), Some((9, 524288)));
        assert_eq!(bulk_header(b"$52"), None);
        assert_eq!(bulk_header(b"$-1\r\n"), None);
        assert_eq!(bulk_header(b"*2\r\n"), None);
    }

    #[test]
    fn consumes_one_value_at_a_time() {
        let input = b":1\r\n:2\r\n";
        let (v, used) = parse(input).unwrap().unwrap();
        assert_eq!((v, used), (Value::Int(1), 4));
        assert_eq!(parse(&input[used..]).unwrap().unwrap().0, Value::Int(2));
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        for bad in [&b"?x\r\n"[..], b":abc\r\n", b"$2\r\nabcd\r\n", b"#x\r\n", b"*x\r\n"] {
            assert!(parse(bad).is_err(), "{:?}", String::from_utf8_lossy(bad));
        }
        let deep = "*1\r\n".repeat(100_000);
        assert!(parse(deep.as_bytes()).is_err());
        for bad in [&b"*-5\r\n"[..], b"|-1\r\n", b"|1\r\n+k\r\n$1\r\nxy:1\r\n", b"%-1\r\n", b"+O\rK\r\n", b"_x\r\n", b"(12a\r\n", b",1.5x\r\n", b"*1\r\n:1x\r\n", b"$-2\r\n", b"%-3\r\n", b":99999999999999999999\r\n"] {
            assert!(parse(bad).is_err(), "{:?}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn sizes_beyond_the_limits_are_refused_before_their_bytes_arrive() {
        // 2^40 bytes announced, none sent: an error now, not a wait for a terabyte.
        let err = parse(b"$1099511627776\r\n").unwrap_err();
        assert!(err.0.contains("longer than the 536870912 bytes accepted"), "{err}");
        assert_eq!(bulk_header(b"$1099511627776\r\n"), None);
        assert!(parse(b"*9223372036854775807\r\n").is_err());
        assert!(parse(b"%9223372036854775807\r\n").is_err());
        // Within the limit, an incomplete value just asks for more.
        assert_eq!(parse(b"$536870912\r\nabc").unwrap(), None);
    }
}
