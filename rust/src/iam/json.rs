//! Just enough JSON to read a credentials document.
//!
//! The container endpoint and the instance metadata service both answer with a
//! flat object such as
//! `{"AccessKeyId":"…","SecretAccessKey":"…","Token":"…","Expiration":"2024-05-01T12:00:00Z"}`,
//! sometimes with more fields (`Code`, `LastUpdated`, `Type`, `RoleArn`,
//! `AccountId`) whose values may be of any JSON type. [`string_fields`] reads
//! the top-level object and keeps its string members; other values are checked
//! for well-formedness and skipped. Nesting is bounded, so hostile input cannot
//! exhaust the stack.

use std::collections::HashMap;

/// How deep skipped arrays and objects may nest.
const MAX_DEPTH: usize = 32;

/// The string members of the top-level object in `text`. A member that occurs
/// twice keeps its last value.
pub(crate) fn string_fields(text: &str) -> Result<HashMap<String, String>, String> {
    let mut parser = Parser { bytes: text.as_bytes(), pos: 0 };
    parser.skip_whitespace();
    parser.expect(b'{')?;
    let mut fields = HashMap::new();
    parser.skip_whitespace();
    if parser.peek() == Some(b'}') {
        parser.pos += 1;
    } else {
        loop {
            parser.skip_whitespace();
            let name = parser.string()?;
            parser.skip_whitespace();
            parser.expect(b':')?;
            parser.skip_whitespace();
            if parser.peek() == Some(b'"') {
                let value = parser.string()?;
                fields.insert(name, value);
            } else {
                parser.skip_value(0)?;
            }
            parser.skip_whitespace();
            match parser.next() {
                Some(b',') => continue,
                Some(b'}') => break,
                _ => return Err(parser.error("expected ',' or '}'")),
            }
        }
    }
    parser.skip_whitespace();
    if parser.pos != parser.bytes.len() {
        return Err(parser.error("unexpected text after the object"));
    }
    Ok(fields)
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> String {
        format!("malformed JSON at byte {}: {what}", self.pos)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.pos += 1;
        Some(byte)
    }

    fn expect(&mut self, wanted: u8) -> Result<(), String> {
        if self.next() == Some(wanted) {
            Ok(())
        } else {
            Err(self.error(&format!("expected '{}'", char::from(wanted))))
        }
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = self.next().and_then(|b| char::from(b).to_digit(16)).ok_or_else(|| self.error("bad \\u escape"))?;
            value = value * 16 + digit;
        }
        Ok(value)
    }

    /// A string starting at the current `"`, with its escapes resolved.
    fn string(&mut self) -> Result<String, String> {
        self.expect(b'"')?;
        let mut out: Vec<u8> = Vec::new();
        loop {
            match self.next() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => break,
                Some(b'\\') => {
                    let decoded = match self.next() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) {
                                // A high surrogate must be followed by an escaped low one.
                                if self.next() != Some(b'\\') || self.next() != Some(b'u') {
                                    return Err(self.error("unpaired surrogate"));
                                }
                                let second = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&second) {
                                    return Err(self.error("unpaired surrogate"));
                                }
                                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                            } else {
                                first
                            };
                            char::from_u32(code).ok_or_else(|| self.error("unpaired surrogate"))?
                        }
                        _ => return Err(self.error("bad escape")),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(decoded.encode_utf8(&mut buf).as_bytes());
                }
                Some(byte) if byte < 0x20 => return Err(self.error("control character in string")),
                Some(byte) => out.push(byte),
            }
        }
        // The input is a &str and escapes add whole characters, so this holds
        // valid UTF-8; the check costs little and keeps the function total.
        String::from_utf8(out).map_err(|_| self.error("invalid UTF-8"))
    }

    /// Skips any value; `depth` counts the arrays and objects around it.
    fn skip_value(&mut self, depth: usize) -> Result<(), String> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        match self.peek() {
            Some(b'"') => self.string().map(drop),
            Some(open @ (b'{' | b'[')) => {
                self.pos += 1;
                let close = if open == b'{' { b'}' } else { b']' };
                self.skip_whitespace();
                if self.peek() == Some(close) {
                    self.pos += 1;
                    return Ok(());
                }
                loop {
                    self.skip_whitespace();
                    if open == b'{' {
                        self.string()?;
                        self.skip_whitespace();
                        self.expect(b':')?;
                        self.skip_whitespace();
                    }
                    self.skip_value(depth + 1)?;
                    self.skip_whitespace();
                    match self.next() {
                        Some(b',') => continue,
                        Some(b) if b == close => return Ok(()),
                        _ => return Err(self.error("expected ',' or a closing bracket")),
                    }
                }
            }
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            Some(b'-' | b'0'..=b'9') => {
                let start = self.pos;
                while matches!(self.peek(), Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')) {
                    self.pos += 1;
                }
                let number = std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or("");
                number.parse::<f64>().map(drop).map_err(|_| self.error("bad number"))
            }
            _ => Err(self.error("expected a value")),
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), String> {
        if self.bytes[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.error("bad literal"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_credentials_document() {
        let doc = r#"{
          "Code" : "Success",
          "LastUpdated" : "2024-05-01T11:00:00Z",
          "Type" : "AWS-HMAC",
          "AccessKeyId" : "ASIAEXAMPLE",
          "SecretAccessKey" : "se\/cret+key==",
          "Token" : "tok\u00e9n\ud83d\ude00\n",
          "Expiration" : "2024-05-01T17:00:00Z",
          "Version": 1, "Nested": {"a": [1, 2.5e3, -0.1, true, false, null, {"b": "c"}]}, "Empty": {}, "List": []
        }"#;
        let fields = string_fields(doc).unwrap();
        assert_eq!(fields["AccessKeyId"], "ASIAEXAMPLE");
        assert_eq!(fields["SecretAccessKey"], "se/cret+key==");
        assert_eq!(fields["Token"], "tokén😀\n");
        assert_eq!(fields["Expiration"], "2024-05-01T17:00:00Z");
        assert!(!fields.contains_key("Version"));
        assert!(!fields.contains_key("b"), "only top-level members are kept");
        assert_eq!(string_fields(" {} ").unwrap().len(), 0);
    }

    #[test]
    fn rejects_malformed_documents() {
        for bad in [
            "",
            "[]",
            "{",
            r#"{"a"}"#,
            r#"{"a":}"#,
            r#"{"a":"b",}"#,
            r#"{"a":"b"} x"#,
            r#"{"a":"b\q"}"#,
            r#"{"a":"\ud83d"}"#,
            r#"{"a":"\ude00"}"#,
            "{\"a\":\"line\nbreak\"}",
            r#"{"a":tru}"#,
            r#"{"a":1.2.3}"#,
            r#"{"a":[1,]}"#,
            r#"{'a':'b'}"#,
        ] {
            assert!(string_fields(bad).is_err(), "{bad:?}");
        }
        let deep = format!("{{\"a\":{}{}}}", "[".repeat(100), "]".repeat(100));
        assert!(string_fields(&deep).unwrap_err().contains("nested too deeply"));
    }
}
