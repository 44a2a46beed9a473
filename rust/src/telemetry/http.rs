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

/// The environment variables of the OpenTelemetry exporters' specification that apply here,
/// per signal (`TRACES` or `METRICS`), the signal's own first.
#[derive(Debug, Default)]
pub(super) struct ExporterEnv {
    /// `OTEL_EXPORTER_OTLP_{,<SIGNAL>_}HEADERS`: `key=value` pairs, comma separated, values
    /// percent-decoded (a collector's API key).
    pub headers: Vec<(String, String)>,
    /// `OTEL_EXPORTER_OTLP_{,<SIGNAL>_}CERTIFICATE`: a PEM file of roots to trust for
    /// `https://` instead of the platform's.
    pub certificate: Option<String>,
    /// `OTEL_EXPORTER_OTLP_{,<SIGNAL>_}PROTOCOL` is `http/json`: OTLP/HTTP sends JSON instead
    /// of protobuf (the specification's default, and valkey-glide's).
    pub json: bool,
}

impl ExporterEnv {
    pub(super) fn read(signal: &str) -> ExporterEnv {
        ExporterEnv::from_lookup(signal, |name| std::env::var(name).ok())
    }

    /// As [`ExporterEnv::read`], with `lookup` for the environment (tests).
    fn from_lookup(signal: &str, lookup: impl Fn(&str) -> Option<String>) -> ExporterEnv {
        let var = |name: &str| {
            lookup(&format!("OTEL_EXPORTER_OTLP_{signal}_{name}"))
                .or_else(|| lookup(&format!("OTEL_EXPORTER_OTLP_{name}")))
                .filter(|v| !v.trim().is_empty())
        };
        let headers = var("HEADERS")
            .map(|text| {
                text.split(',')
                    .filter_map(|pair| pair.split_once('='))
                    .map(|(k, v)| (k.trim().to_string(), percent_decode(v.trim())))
                    .filter(|(k, _)| !k.is_empty() && k.bytes().all(|b| b.is_ascii_graphic() && b != b':'))
                    .collect()
            })
            .unwrap_or_default();
        let json = var("PROTOCOL").is_some_and(|p| p.trim().eq_ignore_ascii_case("http/json"));
        ExporterEnv { headers, certificate: var("CERTIFICATE"), json }
    }
}

/// `%20` -> ` `; a malformed escape is kept as written. CR and LF are dropped: a header value
/// must stay on its line.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out.retain(|b| *b != b'\r' && *b != b'\n');
    String::from_utf8_lossy(&out).into_owned()
}

/// POSTs `body` (`content_type`: OTLP protobuf or JSON) to `target`, at `path`. Ok: the
/// collector accepted it (2xx).
pub(super) fn post(target: &HttpTarget, path: &str, env: &ExporterEnv, content_type: &str, body: &[u8]) -> Result<(), String> {
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
    let mut head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host_header}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nUser-Agent: glide-jni/{}\r\nConnection: close\r\n",
        body.len(),
        env!("CARGO_PKG_VERSION"),
    );
    for (name, value) in &env.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let response = if target.tls {
        let roots = match &env.certificate {
            Some(file) => Some(std::fs::read(file).map_err(|e| format!("cannot read the OTLP certificate file {file}: {e}"))?),
            None => None,
        };
        let options = crate::client::tls::TlsOptions { root_certificates_pem: roots.as_deref(), ..Default::default() };
        // Built once per distinct options and shared (TlsSettings keeps a cache).
        let settings = crate::client::tls::TlsSettings::new(&options)?;
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
        let env = ExporterEnv { headers: vec![("x-api-key".into(), "a b".into())], certificate: None, json: true };
        post(&target, "/v1/traces", &env, "application/json", b"{\"a\":1}").unwrap();
        let refused = post(&target, "/v1/traces", &env, "application/json", b"{}").unwrap_err();
        assert!(refused.contains("400 Bad Request"), "{refused}");
        let seen = server.join().unwrap();
        assert!(seen[0].starts_with("POST /v1/traces HTTP/1.1\r\n"), "{}", seen[0]);
        assert!(seen[0].contains("Content-Type: application/json\r\n") && seen[0].ends_with("{\"a\":1}"));
        assert!(seen[0].contains("\r\nx-api-key: a b\r\n"), "{}", seen[0]);
    }

    #[test]
    fn the_environment_names_headers_and_a_certificate_per_signal() {
        let env = ExporterEnv::from_lookup("TRACES", |name| match name {
            "OTEL_EXPORTER_OTLP_TRACES_HEADERS" => Some("a=1, b = x%2Cy ,bad,:c=2".into()),
            "OTEL_EXPORTER_OTLP_HEADERS" => Some("ignored=1".into()),
            "OTEL_EXPORTER_OTLP_CERTIFICATE" => Some("/ca.pem".into()),
            "OTEL_EXPORTER_OTLP_PROTOCOL" => Some("http/json".into()),
            _ => None,
        });
        assert!(env.json);
        assert_eq!(env.headers, [("a".to_string(), "1".to_string()), ("b".to_string(), "x,y".to_string())]);
        assert_eq!(env.certificate.as_deref(), Some("/ca.pem"));
        let defaults = ExporterEnv::from_lookup("METRICS", |_| None);
        assert!(defaults.headers.is_empty() && !defaults.json, "protobuf unless asked for JSON");
    }

    /// A CA and a certificate for 127.0.0.1 signed by it, made with `openssl` (as the TLS
    /// tests in `rust/tests` make theirs).
    fn test_certificates() -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("glide-jni-otel-certs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let run = |args: &[&str]| {
            let out = std::process::Command::new("openssl").args(args).current_dir(&dir).output().expect("openssl must be installed");
            assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        };
        run(&["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=otel test CA"]);
        std::fs::write(dir.join("san.cnf"), "subjectAltName=IP:127.0.0.1\n").unwrap();
        run(&["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"]);
        run(&["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "san.cnf"]);
        dir
    }

    #[test]
    fn https_trusts_the_certificate_the_environment_names() {
        use rustls::pki_types::pem::PemObject;
        use rustls::pki_types::{CertificateDer, PrivateKeyDer};
        use std::sync::Arc;

        let dir = test_certificates();
        let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(dir.join("server.pem")).unwrap().map(Result::unwrap).collect();
        let key = PrivateKeyDer::from_pem_file(dir.join("server.key")).unwrap();
        // Deprecated only for lacking post-quantum key exchange, as in client/tls.rs.
        #[allow(deprecated)]
        let provider = rustls::crypto::ring::default_provider();
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(provider))
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = std::thread::spawn(move || {
            let (socket, _) = listener.accept().unwrap();
            let config = Arc::new(config);
            let mut tls = rustls::StreamOwned::new(rustls::ServerConnection::new(Arc::clone(&config)).unwrap(), socket);
            let mut request = Vec::new();
            let mut buf = [0u8; 4096];
            while !String::from_utf8_lossy(&request).ends_with("{}") {
                let n = tls.read(&mut buf).unwrap();
                assert!(n > 0, "closed before the whole request came");
                request.extend_from_slice(&buf[..n]);
            }
            tls.write_all(b"HTTP/1.1 204 No Content\r\n\r\n").unwrap();
            tls.flush().unwrap();
            // The second client refuses our certificate during the handshake.
            let (socket, _) = listener.accept().unwrap();
            let mut refused = rustls::StreamOwned::new(rustls::ServerConnection::new(config).unwrap(), socket);
            assert!(refused.read(&mut buf).is_err() || refused.conn.is_handshaking());
            String::from_utf8(request).unwrap()
        });
        let target = HttpTarget { tls: true, host: "127.0.0.1".into(), port, path: String::new() };
        let ca = dir.join("ca.pem").to_string_lossy().into_owned();
        let env = ExporterEnv { headers: vec![("authorization".into(), "Bearer t".into())], certificate: Some(ca), json: true };
        post(&target, "/v1/metrics", &env, "application/json", b"{}").unwrap();
        // The platform's roots do not know the test CA: refused.
        let untrusted = post(&target, "/v1/metrics", &ExporterEnv::default(), "application/json", b"{}").unwrap_err();
        assert!(untrusted.contains("certificate"), "{untrusted}");
        let request = server.join().unwrap();
        assert!(request.starts_with("POST /v1/metrics HTTP/1.1\r\n") && request.contains("\r\nauthorization: Bearer t\r\n"), "{request}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn header_values_are_percent_decoded_and_stay_on_their_line() {
        assert_eq!(percent_decode("Bearer%20abc"), "Bearer abc");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("a%0D%0Ab"), "ab");
    }
}
