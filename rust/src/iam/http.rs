//! A minimal blocking HTTP/1.1 client for the local credential endpoints.
//!
//! The container credentials endpoint and the EC2 instance metadata service are
//! plain-HTTP servers on link-local or loopback addresses; a request to them is
//! one small exchange. So this client does only that: it connects with a
//! timeout, writes one request with `Connection: close`, reads the answer
//! within an overall deadline and a size limit, and understands
//! `Content-Length`, chunked transfer encoding and close-delimited bodies. No
//! TLS, redirects, proxies or keep-alive.
//!
//! It blocks the calling thread for at most `connect` (per address tried) plus
//! `total`; callers run it off the runtime's worker threads.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

/// The largest response accepted, headers included. Credential documents are
/// a few kilobytes.
const MAX_RESPONSE: usize = 64 * 1024;

/// A parsed `http://` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HttpUrl {
    /// The host as written, without brackets for IPv6 (`::1`, `169.254.170.2`, `localhost`).
    pub host: String,
    pub port: u16,
    /// Path and query, starting with `/`.
    pub path: String,
}

impl HttpUrl {
    /// Parses `http://host[:port][/path][?query]`. Other schemes are refused:
    /// this client speaks plain HTTP only.
    pub fn parse(url: &str) -> Result<HttpUrl, String> {
        let rest = match url.split_once("://") {
            Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") => rest,
            Some((scheme, _)) => return Err(format!("unsupported URL scheme '{scheme}' in {url} (only http is supported)")),
            None => return Err(format!("not a URL: {url}")),
        };
        let (authority, path) = match rest.find(['/', '?']) {
            Some(i) if rest.as_bytes()[i] == b'/' => (&rest[..i], rest[i..].to_string()),
            Some(i) => (&rest[..i], format!("/{}", &rest[i..])),
            None => (rest, "/".to_string()),
        };
        if authority.contains('@') {
            return Err(format!("user information in URLs is not supported: {url}"));
        }
        let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
            let (host, after) = bracketed.split_once(']').ok_or_else(|| format!("bad IPv6 address in {url}"))?;
            let port = match after {
                "" => None,
                p => Some(p.strip_prefix(':').ok_or_else(|| format!("bad port in {url}"))?),
            };
            (host, port)
        } else {
            match authority.split_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (authority, None),
            }
        };
        let port = match port {
            None | Some("") => 80,
            Some(p) => p.parse::<u16>().map_err(|_| format!("bad port in {url}"))?,
        };
        if host.is_empty() {
            return Err(format!("no host in {url}"));
        }
        check_header_safe("URL", url)?;
        Ok(HttpUrl { host: host.to_string(), port, path })
    }

    /// The `Host` header: the host (bracketed if IPv6) and the port unless it is 80.
    fn host_header(&self) -> String {
        let host = if self.host.contains(':') { format!("[{}]", self.host) } else { self.host.clone() };
        if self.port == 80 {
            host
        } else {
            format!("{host}:{}", self.port)
        }
    }

    /// The addresses the host resolves to (no lookup for IP literals).
    pub fn addresses(&self) -> Result<Vec<SocketAddr>, String> {
        let addresses: Vec<SocketAddr> = (self.host.as_str(), self.port)
            .to_socket_addrs()
            .map_err(|e| format!("cannot resolve {}: {e}", self.host))?
            .collect();
        if addresses.is_empty() {
            return Err(format!("{} resolves to no address", self.host));
        }
        Ok(addresses)
    }
}

/// Refuses CR, LF and other control characters, which would let a value end a
/// header line early and inject another.
pub(crate) fn check_header_safe(what: &str, value: &str) -> Result<(), String> {
    if value.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f) {
        Err(format!("{what} contains control characters"))
    } else {
        Ok(())
    }
}

/// Time limits of one request.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Timeouts {
    /// For establishing the TCP connection, per address tried.
    pub connect: Duration,
    /// For everything after that: writing the request and reading the whole response.
    pub total: Duration,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Response {
    pub status: u16,
    pub body: Vec<u8>,
}

impl Response {
    /// The body as text, for error messages: at most 200 characters, lossy.
    pub fn body_excerpt(&self) -> String {
        String::from_utf8_lossy(&self.body).chars().take(200).collect()
    }
}

/// Sends one request without a body (`GET`, or `PUT` with `Content-Length: 0`)
/// and returns the response.
pub(crate) fn request(method: &str, url: &HttpUrl, headers: &[(&str, &str)], timeouts: Timeouts) -> Result<Response, String> {
    for (name, value) in headers {
        check_header_safe("a header name", name)?;
        check_header_safe(name, value)?;
    }
    let target = format!("http://{}{}", url.host_header(), url.path);
    let mut stream = connect(url, timeouts.connect).map_err(|e| format!("{method} {target}: {e}"))?;
    let deadline = Instant::now() + timeouts.total;

    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: glide-jni\r\nAccept: */*\r\nConnection: close\r\n",
        path = url.path,
        host = url.host_header()
    );
    if method != "GET" {
        head.push_str("Content-Length: 0\r\n");
    }
    for (name, value) in headers {
        head.push_str(name);
        head.push_str(": ");
        head.push_str(value);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    stream
        .set_write_timeout(Some(timeouts.total.max(Duration::from_millis(1))))
        .and_then(|()| stream.write_all(head.as_bytes()))
        .map_err(|e| format!("{method} {target}: sending the request: {e}"))?;

    read_response(&mut stream, deadline).map_err(|e| format!("{method} {target}: {e}"))
}

fn connect(url: &HttpUrl, timeout: Duration) -> Result<TcpStream, String> {
    let mut last_error = String::from("no address");
    for address in url.addresses()? {
        match TcpStream::connect_timeout(&address, timeout.max(Duration::from_millis(1))) {
            Ok(stream) => return Ok(stream),
            Err(e) => last_error = format!("connecting to {address}: {e}"),
        }
    }
    Err(last_error)
}

/// How the end of the body is known.
enum Framing {
    Length(usize),
    Chunked,
    UntilClose,
}

/// Reads until the response is complete, the peer closes, the deadline passes
/// or the size limit is reached.
fn read_response(stream: &mut TcpStream, deadline: Instant) -> Result<Response, String> {
    let mut buffer: Vec<u8> = Vec::with_capacity(4096);
    let mut chunk = [0u8; 4096];
    let mut parsed: Option<(u16, usize, Framing)> = None; // status, body start, framing
    loop {
        if let Some((status, body_start, framing)) = &parsed {
            let body = &buffer[*body_start..];
            let complete = match framing {
                Framing::Length(n) => (body.len() >= *n).then(|| body[..*n].to_vec()),
                Framing::Chunked => decode_chunked(body)?,
                Framing::UntilClose => None,
            };
            if let Some(body) = complete {
                return Ok(Response { status: *status, body });
            }
        }
        let now = Instant::now();
        if now >= deadline {
            return Err("timed out reading the response".to_string());
        }
        stream.set_read_timeout(Some(deadline - now)).map_err(|e| e.to_string())?;
        let n = match stream.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
                return Err("timed out reading the response".to_string())
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("reading the response: {e}")),
        };
        if n == 0 {
            // The peer closed: only a close-delimited body is complete now.
            return match parsed {
                Some((status, body_start, Framing::UntilClose)) => {
                    Ok(Response { status, body: buffer[body_start..].to_vec() })
                }
                Some(_) => Err("connection closed before the end of the body".to_string()),
                None => Err("connection closed before a complete response header".to_string()),
            };
        }
        if buffer.len() + n > MAX_RESPONSE {
            return Err(format!("response larger than {MAX_RESPONSE} bytes"));
        }
        buffer.extend_from_slice(&chunk[..n]);
        if parsed.is_none() {
            parsed = parse_head(&buffer)?;
        }
    }
}

/// The status, where the body starts and how it is framed, once the whole
/// header block has arrived.
fn parse_head(buffer: &[u8]) -> Result<Option<(u16, usize, Framing)>, String> {
    let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") else {
        return Ok(None);
    };
    let head = std::str::from_utf8(&buffer[..end]).map_err(|_| "response header is not text".to_string())?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.splitn(3, ' ');
    let version = parts.next().unwrap_or_default();
    let status = parts.next().and_then(|s| s.parse::<u16>().ok());
    let status = match status {
        Some(s) if version.starts_with("HTTP/1.") && (100..1000).contains(&s) => s,
        _ => return Err(format!("bad status line: {:?}", status_line.chars().take(80).collect::<String>())),
    };
    let mut framing = Framing::UntilClose;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else { continue };
        let value = value.trim();
        if name.trim().eq_ignore_ascii_case("transfer-encoding") && value.to_ascii_lowercase().contains("chunked") {
            framing = Framing::Chunked;
        } else if name.trim().eq_ignore_ascii_case("content-length") && !matches!(framing, Framing::Chunked) {
            let n = value.parse::<usize>().map_err(|_| format!("bad Content-Length {value:?}"))?;
            framing = Framing::Length(n);
        }
    }
    if status == 204 || status == 304 || (100..200).contains(&status) {
        framing = Framing::Length(0);
    }
    Ok(Some((status, end + 4, framing)))
}

/// The decoded body once every chunk up to the last (size 0) has arrived;
/// `None` while more is needed. Chunk extensions and trailers are ignored.
fn decode_chunked(mut data: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let mut body = Vec::new();
    loop {
        let Some(line_end) = data.windows(2).position(|w| w == b"\r\n") else {
            return Ok(None);
        };
        let size_text = std::str::from_utf8(&data[..line_end]).map_err(|_| "bad chunk size".to_string())?;
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| format!("bad chunk size {size_text:?}"))?;
        data = &data[line_end + 2..];
        if size == 0 {
            // The last chunk; any trailer lines up to the blank line are not needed.
            return Ok(Some(body));
        }
        if size > MAX_RESPONSE {
            return Err("chunk too large".to_string());
        }
        if data.len() < size + 2 {
            return Ok(None);
        }
        if &data[size..size + 2] != b"\r\n" {
            return Err("chunk not followed by CRLF".to_string());
        }
        body.extend_from_slice(&data[..size]);
        data = &data[size + 2..];
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::net::TcpListener;
    use std::sync::mpsc;
    use std::thread;

    use super::*;

    /// A server on 127.0.0.1 that answers `responses.len()` connections in
    /// turn, each with the next canned response, and reports each request it
    /// read (up to its blank line). It serves that many connections and no
    /// more, and gives up waiting for a client after a few seconds.
    pub(crate) struct FakeServer {
        pub port: u16,
        pub requests: mpsc::Receiver<String>,
        handle: Option<thread::JoinHandle<()>>,
    }

    impl FakeServer {
        pub fn start(responses: Vec<Vec<u8>>) -> FakeServer {
            let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
            listener.set_nonblocking(true).expect("nonblocking listener");
            let port = listener.local_addr().expect("local address").port();
            let (tx, rx) = mpsc::channel();
            let handle = thread::spawn(move || {
                for response in responses {
                    let deadline = Instant::now() + Duration::from_secs(5);
                    let mut stream = loop {
                        match listener.accept() {
                            Ok((stream, _)) => break stream,
                            Err(_) if Instant::now() < deadline => thread::sleep(Duration::from_millis(5)),
                            Err(_) => return,
                        }
                    };
                    let _ = stream.set_nonblocking(false);
                    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                    let mut request = Vec::new();
                    let mut byte = [0u8; 1];
                    while !request.ends_with(b"\r\n\r\n") && request.len() < 16 * 1024 {
                        match stream.read(&mut byte) {
                            Ok(1) => request.push(byte[0]),
                            _ => break,
                        }
                    }
                    let _ = tx.send(String::from_utf8_lossy(&request).into_owned());
                    if response.is_empty() {
                        // Say nothing: the client must give up on its own.
                        thread::sleep(Duration::from_millis(700));
                        continue;
                    }
                    let _ = stream.write_all(&response);
                }
            });
            FakeServer { port, requests: rx, handle: Some(handle) }
        }

        pub fn url(&self, path: &str) -> String {
            format!("http://127.0.0.1:{}{path}", self.port)
        }

        pub fn next_request(&self) -> String {
            self.requests.recv_timeout(Duration::from_secs(5)).unwrap_or_default()
        }
    }

    impl Drop for FakeServer {
        fn drop(&mut self) {
            if let Some(handle) = self.handle.take() {
                let _ = handle.join();
            }
        }
    }

    pub(crate) fn ok_json(body: &str) -> Vec<u8> {
        format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}", body.len())
            .into_bytes()
    }

    const QUICK: Timeouts = Timeouts { connect: Duration::from_secs(2), total: Duration::from_secs(3) };

    #[test]
    fn parses_urls() {
        let url = HttpUrl::parse("http://169.254.170.2/v2/credentials/abc?x=1").unwrap();
        assert_eq!(url, HttpUrl { host: "169.254.170.2".into(), port: 80, path: "/v2/credentials/abc?x=1".into() });
        assert_eq!(url.host_header(), "169.254.170.2");
        let url = HttpUrl::parse("HTTP://[fd00:ec2::23]:8080").unwrap();
        assert_eq!(url, HttpUrl { host: "fd00:ec2::23".into(), port: 8080, path: "/".into() });
        assert_eq!(url.host_header(), "[fd00:ec2::23]:8080");
        assert_eq!(HttpUrl::parse("http://localhost:9?q").unwrap().path, "/?q");
        for bad in [
            "https://169.254.170.2/",
            "169.254.170.2/creds",
            "http://",
            "http://:80/",
            "http://host:99999/",
            "http://[::1/",
            "http://user@host/",
            "http://host/a\r\nX-Injected: 1",
        ] {
            assert!(HttpUrl::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn get_with_content_length() {
        let server = FakeServer::start(vec![ok_json(r#"{"a":"b"}"#)]);
        let url = HttpUrl::parse(&server.url("/path?x=y")).unwrap();
        let response = request("GET", &url, &[("Authorization", "secret-token")], QUICK).unwrap();
        assert_eq!(response, Response { status: 200, body: br#"{"a":"b"}"#.to_vec() });
        let seen = server.next_request();
        assert!(seen.starts_with("GET /path?x=y HTTP/1.1\r\n"), "{seen}");
        assert!(seen.contains(&format!("\r\nHost: 127.0.0.1:{}\r\n", server.port)), "{seen}");
        assert!(seen.contains("\r\nAuthorization: secret-token\r\n"), "{seen}");
        assert!(seen.contains("\r\nConnection: close\r\n"), "{seen}");
    }

    #[test]
    fn put_sends_an_empty_body() {
        let server = FakeServer::start(vec![b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\ntoken".to_vec()]);
        let url = HttpUrl::parse(&server.url("/latest/api/token")).unwrap();
        let response = request("PUT", &url, &[("X-aws-ec2-metadata-token-ttl-seconds", "21600")], QUICK).unwrap();
        assert_eq!(response.body, b"token");
        let seen = server.next_request();
        assert!(seen.starts_with("PUT /latest/api/token HTTP/1.1\r\n"), "{seen}");
        assert!(seen.contains("\r\nContent-Length: 0\r\n"), "{seen}");
    }

    #[test]
    fn chunked_and_close_delimited_bodies() {
        let chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n6\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nTrailer: x\r\n\r\n";
        let close = b"HTTP/1.0 404 Not Found\r\nContent-Type: text/plain\r\n\r\nno such role".to_vec();
        let server = FakeServer::start(vec![chunked.to_vec(), close]);
        let url = HttpUrl::parse(&server.url("/")).unwrap();
        let response = request("GET", &url, &[], QUICK).unwrap();
        assert_eq!(String::from_utf8(response.body).unwrap(), "Wikipedia in \r\n\r\nchunks.");
        let response = request("GET", &url, &[], QUICK).unwrap();
        assert_eq!(response.status, 404);
        assert_eq!(response.body_excerpt(), "no such role");
    }

    #[test]
    fn a_silent_server_times_out() {
        let server = FakeServer::start(vec![Vec::new()]);
        let url = HttpUrl::parse(&server.url("/")).unwrap();
        let started = Instant::now();
        let timeouts = Timeouts { connect: Duration::from_secs(1), total: Duration::from_millis(300) };
        let error = request("GET", &url, &[], timeouts).unwrap_err();
        assert!(error.contains("timed out"), "{error}");
        assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    }

    #[test]
    fn truncated_and_malformed_responses_fail() {
        let server = FakeServer::start(vec![
            b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort".to_vec(),
            b"SSH-2.0-OpenSSH\r\n\r\n".to_vec(),
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n".to_vec(),
        ]);
        let url = HttpUrl::parse(&server.url("/")).unwrap();
        assert!(request("GET", &url, &[], QUICK).unwrap_err().contains("before the end of the body"));
        assert!(request("GET", &url, &[], QUICK).unwrap_err().contains("bad status line"));
        assert!(request("GET", &url, &[], QUICK).unwrap_err().contains("bad chunk size"));
    }

    #[test]
    fn refuses_header_injection() {
        let url = HttpUrl::parse("http://127.0.0.1:9/").unwrap();
        let error = request("GET", &url, &[("Authorization", "a\r\nX-Evil: 1")], QUICK).unwrap_err();
        assert!(error.contains("control characters"), "{error}");
    }

    #[test]
    fn nothing_listening_fails_fast() {
        // Bind and drop to get a loopback port with (almost certainly) no listener.
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let url = HttpUrl::parse(&format!("http://127.0.0.1:{port}/")).unwrap();
        let error = request("GET", &url, &[], QUICK).unwrap_err();
        assert!(error.contains("connecting to 127.0.0.1"), "{error}");
    }
}
