//! RESP2/RESP3: the values the server sends, the parser that reads them from a
//! byte stream, and the encoder that packs commands.
//!
//! The parser is incremental: [`parse`] looks at the bytes received so far and
//! either returns one complete value and how many bytes it used, or says that
//! more bytes are needed. It never panics on malformed input; it reports it.

mod encode;
mod parse;

pub use encode::{pack, walk_command};
pub use parse::{
    build_complete, bulk_header, complete_len, max_bulk_len, parse, set_max_bulk_len, skip, skip_attributes, token, ParseError, Token,
    DEFAULT_MAX_BULK_LEN, LARGEST_JAVA_ARRAY,
};

/// One reply from the server.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `_` (RESP3) or a nil bulk/array (RESP2).
    Nil,
    /// `:`
    Int(i64),
    /// `,` (RESP3)
    Double(f64),
    /// `#` (RESP3)
    Boolean(bool),
    /// `+OK`, kept apart because it is so common.
    Okay,
    /// `$`: bytes, not necessarily text.
    BulkString(Vec<u8>),
    /// `+` other than OK.
    SimpleString(String),
    /// `=` (RESP3): the text without its format prefix.
    VerbatimString(String),
    /// `(` (RESP3): decimal digits.
    BigNumber(Vec<u8>),
    /// `*`
    Array(Vec<Value>),
    /// `%` (RESP3)
    Map(Vec<(Value, Value)>),
    /// `~` (RESP3)
    Set(Vec<Value>),
    /// `>` (RESP3): out-of-band data, e.g. pub/sub messages.
    Push(Vec<Value>),
    /// `-` or `!`: the server's error text, e.g. `WRONGTYPE Operation against...`.
    ServerError(String),
}

impl Value {
    /// Structural equality in which a NaN equals a NaN of the same bits (unlike
    /// `PartialEq`): what tests and fuzz targets compare parsed values with.
    pub fn same_as(&self, other: &Value) -> bool {
        let all = |x: &[Value], y: &[Value]| x.len() == y.len() && x.iter().zip(y).all(|(p, q)| p.same_as(q));
        let pairs = |x: &[(Value, Value)], y: &[(Value, Value)]| {
            x.len() == y.len() && x.iter().zip(y).all(|((k1, v1), (k2, v2))| k1.same_as(k2) && v1.same_as(v2))
        };
        match (self, other) {
            (Value::Double(x), Value::Double(y)) => x.to_bits() == y.to_bits(),
            (Value::Array(x), Value::Array(y)) | (Value::Set(x), Value::Set(y)) | (Value::Push(x), Value::Push(y)) => all(x, y),
            (Value::Map(x), Value::Map(y)) => pairs(x, y),
            _ => self == other,
        }
    }
}
