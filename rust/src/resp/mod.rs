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
