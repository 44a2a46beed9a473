//! HPACK (RFC 7541), as much as one gRPC call needs: header blocks written as literals
//! without indexing (no compression to get wrong), and read in full (the static and dynamic
//! tables, Huffman-coded strings), since a server may send `grpc-status` in any form.

use std::collections::{HashMap, VecDeque};
use std::sync::LazyLock;

use super::huffman::CODES;

/// RFC 7541 Appendix A, indexes 1-61.
const STATIC_TABLE: [(&str, &str); 61] = [
    (":authority", ""),
    (":method", "GET"),
    (":method", "POST"),
    (":path", "/"),
    (":path", "/index.html"),
    (":scheme", "http"),
    (":scheme", "https"),
    (":status", "200"),
    (":status", "204"),
    (":status", "206"),
    (":status", "304"),
    (":status", "400"),
    (":status", "404"),
    (":status", "500"),
    ("accept-charset", ""),
    ("accept-encoding", "gzip, deflate"),
    ("accept-language", ""),
    ("accept-ranges", ""),
    ("accept", ""),
    ("access-control-allow-origin", ""),
    ("age", ""),
    ("allow", ""),
    ("authorization", ""),
    ("cache-control", ""),
    ("content-disposition", ""),
    ("content-encoding", ""),
    ("content-language", ""),
    ("content-length", ""),
    ("content-location", ""),
    ("content-range", ""),
    ("content-type", ""),
    ("cookie", ""),
    ("date", ""),
    ("etag", ""),
    ("expect", ""),
    ("expires", ""),
    ("from", ""),
    ("host", ""),
    ("if-match", ""),
    ("if-modified-since", ""),
    ("if-none-match", ""),
    ("if-range", ""),
    ("if-unmodified-since", ""),
    ("last-modified", ""),
    ("link", ""),
    ("location", ""),
    ("max-forwards", ""),
    ("proxy-authenticate", ""),
    ("proxy-authorization", ""),
    ("range", ""),
    ("referer", ""),
    ("refresh", ""),
    ("retry-after", ""),
    ("server", ""),
    ("set-cookie", ""),
    ("strict-transport-security", ""),
    ("transfer-encoding", ""),
    ("user-agent", ""),
    ("vary", ""),
    ("via", ""),
    ("www-authenticate", ""),
];

/// The dynamic table's size until the peer's SETTINGS say otherwise (and we never raise it).
const DEFAULT_TABLE_SIZE: usize = 4096;

/// Appends a header as a literal field without indexing, with a new name, no Huffman.
pub(super) fn encode_literal(out: &mut Vec<u8>, name: &str, value: &str) {
    out.push(0x00);
    for text in [name, value] {
        integer(out, 7, 0x00, text.len());
        out.extend_from_slice(text.as_bytes());
    }
}

/// An integer with an `n`-bit prefix, the byte's other bits being `flags`.
fn integer(out: &mut Vec<u8>, n: u32, flags: u8, value: usize) {
    let max = (1usize << n) - 1;
    if value < max {
        out.push(flags | value as u8);
        return;
    }
    out.push(flags | max as u8);
    let mut rest = value - max;
    while rest >= 0x80 {
        out.push((rest as u8 & 0x7f) | 0x80);
        rest >>= 7;
    }
    out.push(rest as u8);
}

/// A connection's decoding state: the dynamic table, which lasts across header blocks.
pub(super) struct Decoder {
    table: VecDeque<(String, String)>,
    size: usize,
    max_size: usize,
}

impl Decoder {
    pub(super) fn new() -> Decoder {
        Decoder { table: VecDeque::new(), size: 0, max_size: DEFAULT_TABLE_SIZE }
    }

    /// Decodes one complete header block.
    pub(super) fn decode(&mut self, block: &[u8]) -> Result<Vec<(String, String)>, String> {
        let mut headers = Vec::new();
        let mut pos = 0;
        while pos < block.len() {
            let first = block[pos];
            if first & 0x80 != 0 {
                let index = read_integer(block, &mut pos, 7)?;
                headers.push(self.entry(index)?);
            } else if first & 0xc0 == 0x40 {
                let index = read_integer(block, &mut pos, 6)?;
                let header = self.literal(block, &mut pos, index)?;
                self.insert(header.clone());
                headers.push(header);
            } else if first & 0xe0 == 0x20 {
                let size = read_integer(block, &mut pos, 5)?;
                if size > DEFAULT_TABLE_SIZE {
                    return Err(format!("HPACK table size {size} above the 4096 we allow"));
                }
                self.max_size = size;
                self.evict();
            } else {
                // Literal without indexing (0000) or never indexed (0001).
                let index = read_integer(block, &mut pos, 4)?;
                headers.push(self.literal(block, &mut pos, index)?);
            }
        }
        Ok(headers)
    }

    fn literal(&self, block: &[u8], pos: &mut usize, index: usize) -> Result<(String, String), String> {
        let name = if index == 0 { read_string(block, pos)? } else { self.entry(index)?.0 };
        Ok((name, read_string(block, pos)?))
    }

    fn entry(&self, index: usize) -> Result<(String, String), String> {
        match index {
            0 => Err("HPACK index 0".into()),
            1..=61 => {
                let (name, value) = STATIC_TABLE[index - 1];
                Ok((name.to_string(), value.to_string()))
            }
            _ => self.table.get(index - 62).cloned().ok_or_else(|| format!("HPACK index {index} beyond the tables")),
        }
    }

    fn insert(&mut self, header: (String, String)) {
        self.size += header.0.len() + header.1.len() + 32;
        self.table.push_front(header);
        self.evict();
    }

    fn evict(&mut self) {
        while self.size > self.max_size {
            match self.table.pop_back() {
                Some((name, value)) => self.size -= name.len() + value.len() + 32,
                None => self.size = 0,
            }
        }
    }
}

fn read_integer(block: &[u8], pos: &mut usize, n: u32) -> Result<usize, String> {
    let truncated = || "HPACK block cut short".to_string();
    let max = (1usize << n) - 1;
    let mut value = (*block.get(*pos).ok_or_else(truncated)? as usize) & max;
    *pos += 1;
    if value < max {
        return Ok(value);
    }
    let mut shift = 0;
    loop {
        let byte = *block.get(*pos).ok_or_else(truncated)?;
        *pos += 1;
        if shift > 28 {
            return Err("HPACK integer too large".into());
        }
        value += ((byte & 0x7f) as usize) << shift;
        shift += 7;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
}

fn read_string(block: &[u8], pos: &mut usize) -> Result<String, String> {
    let huffman = block.get(*pos).is_some_and(|b| b & 0x80 != 0);
    let len = read_integer(block, pos, 7)?;
    let end = pos.checked_add(len).filter(|end| *end <= block.len()).ok_or("HPACK string cut short")?;
    let raw = &block[*pos..end];
    *pos = end;
    let bytes = if huffman { huffman_decode(raw)? } else { raw.to_vec() };
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// (length in bits, code) -> symbol.
static DECODE: LazyLock<HashMap<(u8, u32), u16>> =
    LazyLock::new(|| CODES.iter().enumerate().map(|(symbol, (code, len))| ((*len, *code), symbol as u16)).collect());

fn huffman_decode(raw: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(raw.len() * 8 / 5);
    let (mut code, mut len) = (0u32, 0u8);
    for byte in raw {
        for bit in (0..8).rev() {
            code = (code << 1) | ((*byte >> bit) & 1) as u32;
            len += 1;
            if let Some(symbol) = DECODE.get(&(len, code)) {
                if *symbol == 256 {
                    return Err("HPACK Huffman string holds EOS".into());
                }
                out.push(*symbol as u8);
                (code, len) = (0, 0);
            } else if len > 30 {
                return Err("HPACK Huffman code too long".into());
            }
        }
    }
    // What is left is padding: at most 7 bits, all ones (the start of EOS).
    if len > 7 || code != (1u32 << len) - 1 {
        return Err("HPACK Huffman padding is not EOS".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_huffman_code_is_complete_and_canonical() {
        // Kraft: a complete prefix code's 2^-len add up to exactly 1.
        let total: u64 = CODES.iter().map(|(_, len)| 1u64 << (30 - len)).sum();
        assert_eq!(total, 1 << 30);
        // Canonical: codes are consecutive in (length, symbol) order.
        let mut order: Vec<usize> = (0..CODES.len()).collect();
        order.sort_by_key(|s| (CODES[*s].1, *s));
        let mut expected = 0u32;
        for pair in order.windows(2) {
            let (code, len) = CODES[pair[0]];
            assert_eq!(code, expected);
            expected = (code + 1) << (CODES[pair[1]].1 - len);
        }
    }

    #[test]
    fn rfc_7541_examples_decode() {
        // C.4.1: a request with Huffman-coded literals, indexed into the dynamic table.
        let block = [
            0x82, 0x86, 0x84, 0x41, 0x8c, 0xf1, 0xe3, 0xc2, 0xe5, 0xf2, 0x3a, 0x6b, 0xa0, 0xab, 0x90, 0xf4, 0xff,
        ];
        let mut decoder = Decoder::new();
        let headers = decoder.decode(&block).unwrap();
        let pairs: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        assert_eq!(pairs, [(":method", "GET"), (":scheme", "http"), (":path", "/"), (":authority", "www.example.com")]);
        // C.4.2: the next request refers to that entry (index 62).
        let block = [0x82, 0x86, 0x84, 0xbe, 0x58, 0x86, 0xa8, 0xeb, 0x10, 0x64, 0x9c, 0xbf];
        let headers = decoder.decode(&block).unwrap();
        assert_eq!(headers[3], (":authority".to_string(), "www.example.com".to_string()));
        assert_eq!(headers[4], ("cache-control".to_string(), "no-cache".to_string()));
    }

    #[test]
    fn literals_round_trip_and_long_lengths_use_continuation_bytes() {
        let mut block = Vec::new();
        encode_literal(&mut block, "grpc-status", "0");
        let long = "x".repeat(300);
        encode_literal(&mut block, "grpc-message", &long);
        let headers = Decoder::new().decode(&block).unwrap();
        assert_eq!(headers[0], ("grpc-status".to_string(), "0".to_string()));
        assert_eq!(headers[1].1, long);
        assert!(Decoder::new().decode(&[0x00, 0x05, b'a']).is_err(), "cut short");
    }
}
