//! Helpers shared by the targets: cutting a byte stream into complete values,
//! walking a value's tokens without trusting the parser, comparing values.

use glide_jni::resp::{self, ParseError, Token, Value};

/// How reading a complete value's tokens ended.
#[derive(Debug)]
pub enum Walk {
    /// At this position: where the value ends by its tokens.
    End(usize),
    /// A token is malformed (an invalid integer, a bulk string without CRLF...).
    Invalid(ParseError),
    /// The tokens need more bytes than the value has: [`resp::token`] would be
    /// called past its end.
    Short,
}

/// Reads the tokens of `value` (bytes [`resp::complete_len`] found to be one
/// complete value) the way `build_complete` and the reply frame writer read
/// them, but never calls [`resp::token`] at or past the end, which it may
/// assume does not happen.
pub fn walk_tokens(value: &[u8]) -> Walk {
    let mut pos = 0;
    let mut todo: usize = 1;
    while todo > 0 {
        if pos >= value.len() {
            return Walk::Short;
        }
        let token = match resp::token(value, &mut pos) {
            Ok(token) => token,
            Err(e) => return Walk::Invalid(e),
        };
        todo -= 1;
        let items = match token {
            Token::Array(n) | Token::Set(n) | Token::Push(n) => n,
            Token::Map(n) => n.saturating_mul(2),
            Token::Attribute(n) => n.saturating_mul(2).saturating_add(1),
            _ => 0,
        };
        todo = todo.saturating_add(items);
    }
    Walk::End(pos)
}

/// What RESP forbids in a value the parser builds without an error, if
/// anything: a bare CR in a line, a negative length other than -1 (both once
/// accepted; kept as checks). `value` must be complete with well-formed tokens
/// ([`walk_tokens`] gave `End`).
pub fn accepted_invalid(value: &[u8]) -> Option<&'static str> {
    let mut pos = 0;
    // A value's tokens lie one after another: walking them in order visits every line.
    while pos < value.len() {
        let start = pos;
        resp::token(value, &mut pos).ok()?;
        // `token` ends a line at its first CR, as this does.
        let cr = start + 1 + value[start + 1..].iter().position(|&b| b == b'\r')?;
        if value.get(cr + 1) != Some(&b'\n') {
            return Some("a bare CR in a line");
        }
        let is_length = matches!(value[start], b'$' | b'!' | b'=' | b'*' | b'~' | b'>' | b'%' | b'|');
        let negative = std::str::from_utf8(&value[start + 1..cr]).ok().and_then(|t| t.parse::<i64>().ok()).is_some_and(|n| n < -1);
        if is_length && negative {
            return Some("a negative length other than -1");
        }
    }
    None
}

/// How a stream of bytes ends after its complete values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// `rest` bytes that are not (yet) a complete value.
    Incomplete { rest: usize },
    /// Bytes that are not RESP: a connection would be dropped here.
    Invalid,
}

/// The complete values at the start of `stream`, in order, and how it ends:
/// what a reader that received all of `stream` at once finds in it.
pub fn cut(stream: &[u8]) -> (Vec<&[u8]>, End) {
    let mut values = Vec::new();
    let mut pos = 0;
    loop {
        match resp::complete_len(&stream[pos..]) {
            Ok(Some(len)) => {
                values.push(&stream[pos..pos + len]);
                pos += len;
            }
            Ok(None) => return (values, End::Incomplete { rest: stream.len() - pos }),
            Err(_) => return (values, End::Invalid),
        }
    }
}

/// Structural equality in which a NaN equals a NaN of the same bits.
pub fn same(a: &Value, b: &Value) -> bool {
    a.same_as(b)
}
