//! AWS Signature Version 4, query-string ("presigned") form, for GET requests.
//!
//! A presigned request carries its authentication in the query string instead
//! of an `Authorization` header, so the whole request is one string that can be
//! handed to someone else (here: to the Valkey server, as the AUTH password).
//! Signing takes four steps, each a function below:
//!
//! 1. the *canonical request*: method, path, the query parameters sorted by
//!    their encoded name and value, the signed headers (only `host` here) and
//!    the hash of the payload;
//! 2. the *string to sign*: algorithm, time, credential scope
//!    (`date/region/service/aws4_request`) and the hash of step 1;
//! 3. the *signing key*: the secret key HMAC-chained through date, region,
//!    service and `aws4_request`;
//! 4. the signature: HMAC of step 2 under the key of step 3, in lower-case hex.
//!
//! Encoding follows the SigV4 rules exactly: the unreserved characters
//! `A-Z a-z 0-9 - _ . ~` stay as they are, every other byte of the UTF-8 form
//! becomes `%XY` with upper-case hex, and a space is `%20`, never `+`.

use std::fmt::Write as _;
use std::time::SystemTime;

use ring::{digest, hmac};

use super::utc::Utc;

/// The only algorithm this module signs with.
pub(crate) const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// SHA-256 of the empty payload: what a GET without a body hashes to.
pub(crate) const EMPTY_PAYLOAD_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// The payload hash S3 accepts for presigned URLs instead of a real hash.
#[cfg(test)]
pub(crate) const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// Percent-encodes `input` by the SigV4 rules (see the module docs). With
/// `keep_slash`, `/` stays as it is (for paths); otherwise it becomes `%2F`.
pub(crate) fn uri_encode(input: &str, keep_slash: bool) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(input.len() * 3);
    for &byte in input.as_bytes() {
        let unreserved = byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~');
        if unreserved || (keep_slash && byte == b'/') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
    out
}

fn to_hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        // Writing into a String cannot fail.
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// Lower-case hex SHA-256 of `data`.
pub(crate) fn sha256_hex(data: &[u8]) -> String {
    to_hex(digest::digest(&digest::SHA256, data).as_ref())
}

fn hmac_sha256(key: &[u8], data: &[u8]) -> hmac::Tag {
    hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, key), data)
}

/// Step 3: the key derived from the secret for one day, region and service.
pub(crate) fn signing_key(secret_access_key: &str, date_stamp: &str, region: &str, service: &str) -> hmac::Tag {
    let k_secret = format!("AWS4{secret_access_key}");
    let k_date = hmac_sha256(k_secret.as_bytes(), date_stamp.as_bytes());
    let k_region = hmac_sha256(k_date.as_ref(), region.as_bytes());
    let k_service = hmac_sha256(k_region.as_ref(), service.as_bytes());
    hmac_sha256(k_service.as_ref(), b"aws4_request")
}

/// What to presign: a GET of `https://{host}{path}?{query}`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Presign<'a> {
    /// The `host` header's value, as it will be sent (no port when it is the default).
    pub host: &'a str,
    /// The absolute path, already in canonical (encoded) form, e.g. `/`.
    pub path: &'a str,
    /// The request's own query parameters, not encoded, in the order they are to appear.
    pub params: &'a [(&'a str, &'a str)],
    /// Lower-case hex SHA-256 of the payload, or a service's placeholder for it.
    pub payload_hash: &'a str,
    pub region: &'a str,
    pub service: &'a str,
    pub access_key_id: &'a str,
    pub secret_access_key: &'a str,
    pub session_token: Option<&'a str>,
    /// The signing time; truncated to the second.
    pub at: SystemTime,
    /// How long the presigned request stays valid (`X-Amz-Expires`), in seconds.
    pub expires_secs: u64,
}

/// A presigned request: its encoded query, and the intermediate strings, which
/// tests check step by step. (None of them contains the secret key, but the
/// canonical request contains the session token: do not log it.)
#[derive(Debug, Clone)]
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Presigned {
    /// Encoded `(name, value)` pairs in the order they appear in the query string.
    pub params: Vec<(String, String)>,
    pub canonical_request: String,
    pub string_to_sign: String,
    pub signature: String,
}

impl Presigned {
    /// The query string: `name=value` pairs joined by `&`.
    pub fn query_string(&self) -> String {
        let mut out = String::new();
        for (i, (name, value)) in self.params.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            out.push_str(name);
            out.push('=');
            out.push_str(value);
        }
        out
    }
}

/// Presigns a GET request (steps 1 to 4).
///
/// The query string lists the request's own parameters first, then
/// `X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires`,
/// `X-Amz-SignedHeaders`, `X-Amz-Signature` and, with a session token,
/// `X-Amz-Security-Token`: the order of the AWS SDK for Rust's presigner, which
/// valkey-glide uses. The order does not affect the signature: the service
/// sorts the parameters again before checking it.
pub(crate) fn presign_get(request: &Presign<'_>) -> Presigned {
    let time = Utc::from_system_time(request.at);
    let date_stamp = time.date_stamp();
    let amz_date = time.amz_date();
    let scope = format!("{date_stamp}/{}/{}/aws4_request", request.region, request.service);
    let credential = format!("{}/{scope}", request.access_key_id);
    let expires = request.expires_secs.to_string();

    let mut params: Vec<(String, String)> = request
        .params
        .iter()
        .map(|(name, value)| (uri_encode(name, false), uri_encode(value, false)))
        .collect();
    for (name, value) in [
        ("X-Amz-Algorithm", ALGORITHM),
        ("X-Amz-Credential", credential.as_str()),
        ("X-Amz-Date", amz_date.as_str()),
        ("X-Amz-Expires", expires.as_str()),
        ("X-Amz-SignedHeaders", "host"),
    ] {
        params.push((name.to_string(), uri_encode(value, false)));
    }
    let token_param = request.session_token.map(|token| ("X-Amz-Security-Token".to_string(), uri_encode(token, false)));

    // Step 1. The session token is part of what is signed.
    let mut sorted: Vec<&(String, String)> = params.iter().chain(token_param.as_ref()).collect();
    sorted.sort();
    let canonical_query = sorted.iter().map(|(name, value)| format!("{name}={value}")).collect::<Vec<_>>().join("&");
    let canonical_request = format!(
        "GET\n{path}\n{canonical_query}\nhost:{host}\n\nhost\n{payload}",
        path = request.path,
        host = request.host.trim(),
        payload = request.payload_hash,
    );

    // Step 2.
    let string_to_sign = format!("{ALGORITHM}\n{amz_date}\n{scope}\n{}", sha256_hex(canonical_request.as_bytes()));

    // Steps 3 and 4.
    let key = signing_key(request.secret_access_key, &date_stamp, request.region, request.service);
    let signature = to_hex(hmac_sha256(key.as_ref(), string_to_sign.as_bytes()).as_ref());

    params.push(("X-Amz-Signature".to_string(), signature.clone()));
    params.extend(token_param);
    Presigned { params, canonical_request, string_to_sign, signature }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;

    const EXAMPLE_KEY_ID: &str = "AKIAIOSFODNN7EXAMPLE";
    const EXAMPLE_SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    /// 2013-05-24T00:00:00Z
    const EXAMPLE_TIME: u64 = 1_369_353_600;

    /// The presigned GET of AWS's S3 documentation ("Authenticating Requests:
    /// Using Query Parameters (AWS Signature Version 4)"), whose canonical
    /// request hash and signature are published there.
    fn s3_example() -> Presigned {
        presign_get(&example_request())
    }

    fn example_request() -> Presign<'static> {
        Presign {
            host: "examplebucket.s3.amazonaws.com",
            path: "/test.txt",
            params: &[],
            payload_hash: UNSIGNED_PAYLOAD,
            region: "us-east-1",
            service: "s3",
            access_key_id: EXAMPLE_KEY_ID,
            secret_access_key: EXAMPLE_SECRET,
            session_token: None,
            at: UNIX_EPOCH + Duration::from_secs(EXAMPLE_TIME),
            expires_secs: 86_400,
        }
    }

    #[test]
    fn aws_published_s3_presign_example() {
        let signed = s3_example();
        assert_eq!(
            signed.canonical_request,
            "GET\n/test.txt\n\
             X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request\
             &X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\n\
             host:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD"
        );
        assert_eq!(
            signed.string_to_sign,
            "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n\
             3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04"
        );
        assert_eq!(signed.signature, "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
        assert_eq!(
            signed.query_string(),
            "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request\
             &X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\
             &X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
        );
    }

    #[test]
    fn signing_time_is_truncated_to_the_second() {
        let start = UNIX_EPOCH + Duration::from_secs(EXAMPLE_TIME);
        let late = presign_get(&Presign { at: start + Duration::from_millis(999), ..example_request() });
        assert_eq!(late.signature, s3_example().signature);
        let next = presign_get(&Presign { at: start + Duration::from_secs(1), ..example_request() });
        assert_ne!(next.signature, late.signature);
    }

    #[test]
    fn signing_key_matches_the_published_derivation_example() {
        // AWS's "Examples of how to derive a signing key for Signature Version 4".
        let key = signing_key("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");
        assert_eq!(to_hex(key.as_ref()), "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }

    #[test]
    fn uri_encoding_edge_cases() {
        assert_eq!(uri_encode("AZaz09-_.~", false), "AZaz09-_.~");
        assert_eq!(uri_encode("a b+c", false), "a%20b%2Bc");
        assert_eq!(uri_encode("a/b", false), "a%2Fb");
        assert_eq!(uri_encode("/a/b c/", true), "/a/b%20c/");
        assert_eq!(uri_encode("=&?#%", false), "%3D%26%3F%23%25");
        assert_eq!(uri_encode("*!'()", false), "%2A%21%27%28%29");
        assert_eq!(uri_encode(":@,;$", false), "%3A%40%2C%3B%24");
        assert_eq!(uri_encode("[]{}|\\^`\"<>", false), "%5B%5D%7B%7D%7C%5C%5E%60%22%3C%3E");
        // Multi-byte UTF-8, byte by byte, upper-case hex.
        assert_eq!(uri_encode("é", false), "%C3%A9");
        assert_eq!(uri_encode("ユーザー", false), "%E3%83%A6%E3%83%BC%E3%82%B6%E3%83%BC");
        assert_eq!(uri_encode("😀", false), "%F0%9F%98%80");
        // Control characters and DEL.
        assert_eq!(uri_encode("\n\t\u{7f}\0", false), "%0A%09%7F%00");
        // Already-encoded input is encoded again: callers pass raw values.
        assert_eq!(uri_encode("%20", false), "%2520");
        assert_eq!(uri_encode("", false), "");
    }

    #[test]
    fn parameters_are_sorted_by_encoded_name_then_value() {
        let signed = presign_get(&Presign {
            params: &[("b", "2"), ("a", "z"), ("a", "y"), ("B", "1"), ("a b", "x")],
            session_token: Some("tok/en+=="),
            ..example_request()
        });
        // Byte order: upper case before lower case, so the X-Amz-* parameters
        // sit between "B" and "a"; "Security-Token" sorts before "SignedHeaders".
        let query_line = signed.canonical_request.lines().nth(2).unwrap_or_default();
        assert_eq!(
            query_line,
            "B=1&X-Amz-Algorithm=AWS4-HMAC-SHA256\
             &X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request\
             &X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-Security-Token=tok%2Fen%2B%3D%3D\
             &X-Amz-SignedHeaders=host&a=y&a=z&a%20b=x&b=2"
        );
        // The query string keeps the caller's order, then the signing parameters.
        let names: Vec<&str> = signed.params.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                "b",
                "a",
                "a",
                "B",
                "a%20b",
                "X-Amz-Algorithm",
                "X-Amz-Credential",
                "X-Amz-Date",
                "X-Amz-Expires",
                "X-Amz-SignedHeaders",
                "X-Amz-Signature",
                "X-Amz-Security-Token"
            ]
        );
        assert!(signed.query_string().ends_with("&X-Amz-Security-Token=tok%2Fen%2B%3D%3D"));
    }

    #[test]
    fn the_session_token_is_signed() {
        let without = presign_get(&example_request());
        let with = presign_get(&Presign { session_token: Some("token"), ..example_request() });
        let other = presign_get(&Presign { session_token: Some("tokem"), ..example_request() });
        assert_ne!(with.signature, without.signature);
        assert_ne!(with.signature, other.signature);
    }

    #[test]
    fn sha256_of_nothing() {
        assert_eq!(sha256_hex(b""), EMPTY_PAYLOAD_SHA256);
    }
}
