//! Glob patterns as the server reads them (`SCAN ... MATCH`, `KEYS`), for
//! filtering keys on the client side.
//!
//! `*` any run of bytes, `?` one byte, `[abc]` / `[a-z]` / `[^a-z]` one byte of
//! (or not of) a set, `\x` the byte `x` itself. Bytes, not characters: a `?`
//! matches one byte of a multi-byte UTF-8 character, as on the server.
//!
//! Matching runs in O(pattern × text) at worst: the pattern is read once into
//! tokens, and a `*` backtracks only to the last `*` seen.

/// One unit of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// `*`
    AnyRun,
    /// `?`
    AnyByte,
    /// `[...]`: ranges (single bytes are `(b, b)`), negated with `^`.
    Class { ranges: Vec<(u8, u8)>, negated: bool },
    Byte(u8),
}

impl Token {
    fn matches(&self, byte: u8) -> bool {
        match self {
            Token::AnyRun | Token::AnyByte => true,
            Token::Byte(b) => *b == byte,
            Token::Class { ranges, negated } => ranges.iter().any(|&(lo, hi)| lo <= byte && byte <= hi) != *negated,
        }
    }
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob {
    tokens: Vec<Token>,
}

impl Glob {
    pub fn new(pattern: &[u8]) -> Glob {
        let mut tokens = Vec::with_capacity(pattern.len());
        let mut i = 0;
        while i < pattern.len() {
            match pattern[i] {
                b'*' => {
                    // Runs of `*` mean one `*`.
                    if tokens.last() != Some(&Token::AnyRun) {
                        tokens.push(Token::AnyRun);
                    }
                    i += 1;
                }
                b'?' => {
                    tokens.push(Token::AnyByte);
                    i += 1;
                }
                b'\\' if i + 1 < pattern.len() => {
                    tokens.push(Token::Byte(pattern[i + 1]));
                    i += 2;
                }
                b'[' => {
                    let (token, next) = class(pattern, i + 1);
                    tokens.push(token);
                    i = next;
                }
                byte => {
                    tokens.push(Token::Byte(byte));
                    i += 1;
                }
            }
        }
        Glob { tokens }
    }

    /// Whether the pattern matches all of `text`.
    pub fn matches(&self, text: &[u8]) -> bool {
        let tokens = &self.tokens;
        let (mut t, mut s) = (0, 0);
        // Where to resume after the last `*`: its token index, and the text position it now covers up to.
        let mut resume: Option<(usize, usize)> = None;
        while s < text.len() {
            match tokens.get(t) {
                Some(Token::AnyRun) => {
                    resume = Some((t, s));
                    t += 1;
                }
                Some(token) if token.matches(text[s]) => {
                    t += 1;
                    s += 1;
                }
                _ => match resume {
                    // Let the last `*` take one more byte and try again from there.
                    Some((star, covered)) => {
                        t = star + 1;
                        s = covered + 1;
                        resume = Some((star, covered + 1));
                    }
                    None => return false,
                },
            }
        }
        tokens[t..].iter().all(|token| *token == Token::AnyRun)
    }
}

/// Reads a class whose body starts at `start` (after `[`); returns it and the
/// index after its `]`. An unterminated class ends with the pattern.
fn class(pattern: &[u8], start: usize) -> (Token, usize) {
    let mut i = start;
    let negated = pattern.get(i) == Some(&b'^');
    if negated {
        i += 1;
    }
    let mut ranges = Vec::new();
    while i < pattern.len() && pattern[i] != b']' {
        let lo = if pattern[i] == b'\\' && i + 1 < pattern.len() {
            i += 1;
            pattern[i]
        } else {
            pattern[i]
        };
        if pattern.get(i + 1) == Some(&b'-') && i + 2 < pattern.len() && pattern[i + 2] != b']' {
            let mut hi = pattern[i + 2];
            i += 2;
            if hi == b'\\' && i + 1 < pattern.len() {
                i += 1;
                hi = pattern[i];
            }
            ranges.push((lo.min(hi), lo.max(hi)));
        } else {
            ranges.push((lo, lo));
        }
        i += 1;
    }
    (Token::Class { ranges, negated }, (i + 1).min(pattern.len()))
}

#[cfg(test)]
mod tests {
    use super::Glob;

    fn m(pattern: &str, text: &str) -> bool {
        Glob::new(pattern.as_bytes()).matches(text.as_bytes())
    }

    #[test]
    fn wildcards() {
        assert!(m("*", ""));
        assert!(m("*", "anything"));
        assert!(m("k:*", "k:1"));
        assert!(m("k:*", "k:"));
        assert!(!m("k:*", "x:1"));
        assert!(m("*:1", "abc:1"));
        assert!(m("a*b*c", "axxbyyc"));
        assert!(!m("a*b*c", "axxbyy"));
        assert!(m("a**c", "abc"));
        assert!(m("h?llo", "hello"));
        assert!(!m("h?llo", "hllo"));
        assert!(m("user:*:name", "user:42:name"));
        assert!(!m("user:*:name", "user:42:nam"));
        assert!(m("*a*a*a*b", "aaaaaaaaaaaaab"));
        assert!(!m("*a*a*a*b", "aaaaaaaaaaaaaa"));
    }

    #[test]
    fn classes_and_escapes() {
        assert!(m("h[ae]llo", "hallo"));
        assert!(!m("h[ae]llo", "hillo"));
        assert!(m("h[^e]llo", "hallo"));
        assert!(!m("h[^e]llo", "hello"));
        assert!(m("k[0-9]", "k7"));
        assert!(m("k[9-0]", "k7"), "a reversed range still counts");
        assert!(!m("k[0-9]", "ka"));
        assert!(m("k[a-]", "k-"));
        assert!(m(r"k\*", "k*"));
        assert!(!m(r"k\*", "kx"));
        assert!(m(r"k[\]]", "k]"));
        assert!(m("k[ab", "ka"), "an unterminated class ends with the pattern");
        assert!(m("", ""));
        assert!(!m("", "a"));
    }

    #[test]
    fn bytes_not_characters() {
        assert!(Glob::new(b"k??").matches("ké".as_bytes()));
        assert!(Glob::new(b"k*").matches(&[b'k', 0xff, 0x00]));
    }
}
