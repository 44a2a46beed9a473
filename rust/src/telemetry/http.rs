//! One OTLP/HTTP export: a blocking HTTP/1.1 POST on a fresh connection (TLS for
//! `https://`, with the platform's roots through the rustls the client already uses), on
//! the export thread. One request per flush interval does not need keep-alive or HTTP/2.

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

use super::endpoint::HttpTarget;

/// For connecting, and for each read or write: a collector slower than this loses the
/// batch rather than delaying the next ones.
const TIMEOUT: Duration = Duration::from_secs(5);

/// POSTs `body` (OTLP/JSON) to `target`, at `path`. Ok: the collector accepted it (2xx).
pub(super) fn post_json(target: &HttpTarget, path: &str, body: &[u8]) -> Result<(), String> {
    let where_ = || format!("{}:{}", target.host, target.port);
    let address = (target.host.as_str(), target.port)
        .to_socket_addrs()
        .map_err(|e| format!("cannot resolve {}: {e}", where_()))?
        .next()
        .ok_or_else(|| format!("{} resolves to no address", where_()))?;
    let tcp = TcpStream::connect_timeout(&address, TIMEOUT).map_err(|e| format!("cannot connect to {}: {e}", where_()))?;
    tcp.set_read_timeout(Some(TIMEOUT)).map_err(|e| e.to_string())?;
    tcp.set_write_timeout(Some(TIMEOUT)).map_err(|e| e.to_string())?;
    let host_header = if target.host.contains(':') { format!("[{}]:{}", target.host, target.port) } else { where_() };
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host_header}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nUser-Agent: glide-jni/{}\r\nConnection: close\r\n\r\n",
        body.len(),
        env!("CARGO_PKG_VERSION"),
    );
    let response = if target.tls {
        let settings = crate::client::tls::TlsSettings::new(&Default::default())?;
        let name = crate::client::tls::server_name(&target.host)?;
        let connection = rustls::ClientConnection::new(settings.config(), name).map_err(|e| format!("TLS setup failed: {e}"))?;
        exchange(rustls::StreamOwned::new(connection, tcp), &head, body)
    } else {
        exchange(tcp, &head, body)
    }
    .map_err(|e| format!("POST to {}{path} failed: {e}", where_()))?;
    let status = status_code(&response).ok_or_else(|| format!("{}{path} did not answer HTTP", where_()))?;
    if (200..300).contains(&status) {
        Ok(())
    } else {
        let first_line = response.split(|b| *b == b'\n').next().unwrap_or_default();
        Err(format!("{}{path} answered {}", where_(), String::from_utf8_lossy(first_line).trim_end()))
    }
}

/// Writes the request and reads the start of the answer (the status line is all we need).
fn exchange(mut stream: impl Read + Write, head: &str, body: &[u8]) -> std::io::Result<Vec<u8>> {
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()?;
    let mut response = vec![0u8; 1024];
    let mut filled = 0;
    while filled < response.len() && !response[..filled].contains(&b'\n') {
        match stream.read(&mut response[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    response.truncate(filled);
    Ok(response)
}

/// `HTTP/1.1 200 OK` -> 200.
fn status_code(response: &[u8]) -> Option<u16> {
    let line = std::str::from_utf8(response.split(|b| *b == b'\n').next()?).ok()?;
    let mut parts = line.split_whitespace();
    parts.next().filter(|v| v.starts_with("HTTP/"))?;
    parts.next()?.parse().ok()
}


#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    #[test]
    fn status_lines_are_read() {
        assert_eq!(status_code(b"HTTP/1.1 200 OK\r\n"), Some(200));
        assert_eq!(status_code(b"HTTP/1.0 503 Busy\r\n"), Some(503));
        assert_eq!(status_code(b"SSH-2.0\r\n"), None);
    }

    #[test]
    fn a_post_reaches_a_server_and_its_status_counts() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = std::thread::spawn(move || {
            let mut seen = Vec::new();
            for answer in ["HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 400 Bad Request\r\n\r\n"] {
                let (mut socket, _) = listener.accept().unwrap();
                let mut request = Vec::new();
                let mut buf = [0u8; 4096];
                loop {
                    let n = socket.read(&mut buf).unwrap();
                    request.extend_from_slice(&buf[..n]);
                    let text = String::from_utf8_lossy(&request).to_string();
                    if let Some((head, body)) = text.split_once("\r\n\r\n") {
                        let length: usize = head.lines().find_map(|l| l.strip_prefix("Content-Length: ")).unwrap().parse().unwrap();
                        if body.len() >= length {
                            break;
                        }
                    }
                }
                socket.write_all(answer.as_bytes()).unwrap();
                seen.push(String::from_utf8(request).unwrap());
            }
            seen
        });
        let target = HttpTarget { tls: false, host: "127.0.0.1".into(), port, path: String::new() };
        post_json(&target, "/v1/traces", b"{\"a\":1}").unwrap();
        let refused = post_json(&target, "/v1/traces", b"{}").unwrap_err();
        assert!(refused.contains("400 Bad Request"), "{refused}");
        let seen = server.join().unwrap();
        assert!(seen[0].starts_with("POST /v1/traces HTTP/1.1\r\n"), "{}", seen[0]);
        assert!(seen[0].contains("Content-Type: application/json\r\n") && seen[0].ends_with("{\"a\":1}"));
    }
}
