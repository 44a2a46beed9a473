//! Where spans and metrics go, parsed from the endpoint string with valkey-glide 2.3.1's
//! rules: `http(s)://` an OTLP/HTTP collector, `grpc://` an OTLP/gRPC one (plaintext; port
//! 4317 when none is given), `file://` a file of JSON lines (a directory, or a path without an
//! extension, gets `signals.json`; the directory must exist).

use std::path::{Path, PathBuf};

/// The file a `file://` endpoint naming a directory writes to, as in valkey-glide.
const DEFAULT_FILE_NAME: &str = "signals.json";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Endpoint {
    /// `http://` or `https://`: an OTLP/HTTP collector.
    Http(HttpTarget),
    /// `grpc://`: an OTLP/gRPC collector, without TLS.
    Grpc(HttpTarget),
    File(PathBuf),
}

/// An OTLP/HTTP URL, cut into what the request needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpTarget {
    pub tls: bool,
    pub host: String,
    pub port: u16,
    /// The path and query as given; empty when the URL has none (the signal's default
    /// path, `/v1/traces` or `/v1/metrics`, is used then).
    pub path: String,
}

impl Endpoint {
    /// Parses `text`; the errors are valkey-glide's messages.
    pub fn parse(text: &str) -> Result<Endpoint, String> {
        let parse_error = || format!("Parse error. {text}");
        let (scheme, rest) = text.split_once(':').ok_or_else(parse_error)?;
        let valid_scheme = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
        if !valid_scheme {
            return Err(parse_error());
        }
        match scheme.to_ascii_lowercase().as_str() {
            "http" | "https" => {
                let tls = scheme.eq_ignore_ascii_case("https");
                let target = HttpTarget::parse(tls, if tls { 443 } else { 80 }, rest).ok_or_else(parse_error)?;
                Ok(Endpoint::Http(target))
            }
            // OTLP/gRPC's conventional port.
            "grpc" => Ok(Endpoint::Grpc(HttpTarget::parse(false, 4317, rest).ok_or_else(parse_error)?)),
            "file" => {
                let path = text.strip_prefix("file://").ok_or("File path must start with 'file://'")?;
                file_path(Path::new(path)).map(Endpoint::File)
            }
            _ => Err(text.to_string()),
        }
    }
}

impl HttpTarget {
    /// `rest`: what follows `http:`; `None` when it is not `//host[:port][/path]`.
    fn parse(tls: bool, default_port: u16, rest: &str) -> Option<HttpTarget> {
        let rest = rest.strip_prefix("//")?;
        let (authority, path) = match rest.find(['/', '?']) {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        // Credentials in the URL are not supported: refuse rather than send them in clear.
        if authority.contains('@') {
            return None;
        }
        let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
            let (host, after) = v6.split_once(']')?;
            let port = match after.strip_prefix(':') {
                Some(p) => p.parse().ok()?,
                None if after.is_empty() => default_port,
                None => return None,
            };
            (host, port)
        } else {
            match authority.rsplit_once(':') {
                Some((host, p)) => (host, p.parse().ok()?),
                None => (authority, default_port),
            }
        };
        if host.is_empty() {
            return None;
        }
        let path = if path.starts_with('?') { format!("/{path}") } else { path.to_string() };
        Some(HttpTarget { tls, host: host.to_string(), port, path })
    }

    /// The request path for a signal whose conventional path is `default` (`/v1/traces`).
    pub fn path_or<'a>(&'a self, default: &'a str) -> &'a str {
        if self.path.is_empty() || self.path == "/" {
            default
        } else {
            &self.path
        }
    }
}

/// The file a `file://` path writes to: a directory, or a name without an extension, gets
/// [`DEFAULT_FILE_NAME`] inside it; the directory must exist.
fn file_path(path: &Path) -> Result<PathBuf, String> {
    let file = if path.is_dir() || path.extension().is_none() { path.join(DEFAULT_FILE_NAME) } else { path.to_path_buf() };
    if let Some(parent) = file.parent() {
        match parent.try_exists() {
            Ok(true) if parent.is_dir() => {}
            Ok(_) => return Err(format!("The directory does not exist or is not a directory: {}", parent.display())),
            Err(e) => return Err(format!("Error checking if parent directory exists: {e}")),
        }
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_urls_are_cut_into_host_port_and_path() {
        let parsed = Endpoint::parse("http://127.0.0.1:4318/v1/traces").unwrap();
        assert_eq!(parsed, Endpoint::Http(HttpTarget { tls: false, host: "127.0.0.1".into(), port: 4318, path: "/v1/traces".into() }));
        let Endpoint::Http(t) = Endpoint::parse("https://collector.example.com").unwrap() else { panic!() };
        assert_eq!((t.tls, t.port, t.path_or("/v1/metrics")), (true, 443, "/v1/metrics"));
        let Endpoint::Http(t) = Endpoint::parse("http://[::1]:9/x?y=1").unwrap() else { panic!() };
        assert_eq!((t.host.as_str(), t.port, t.path.as_str()), ("::1", 9, "/x?y=1"));
    }

    #[test]
    fn bad_endpoints_get_valkey_glides_messages() {
        assert_eq!(Endpoint::parse("wrong.endpoint").unwrap_err(), "Parse error. wrong.endpoint");
        assert_eq!(Endpoint::parse("http://:80/x").unwrap_err(), "Parse error. http://:80/x");
        assert_eq!(Endpoint::parse("http://h:notaport").unwrap_err(), "Parse error. http://h:notaport");
        assert_eq!(Endpoint::parse("ftp://h/x").unwrap_err(), "ftp://h/x");
        assert_eq!(Endpoint::parse("file:invalid-path/v1/traces.json").unwrap_err(), "File path must start with 'file://'");
        assert!(Endpoint::parse("file:///no-exits-path/v1/traces.json")
            .unwrap_err()
            .contains("The directory does not exist or is not a directory: /no-exits-path/v1"));
        let Endpoint::Grpc(grpc) = Endpoint::parse("grpc://collector").unwrap() else { panic!() };
        assert_eq!((grpc.tls, grpc.host.as_str(), grpc.port), (false, "collector", 4317));
    }

    #[test]
    fn a_directory_or_a_name_without_extension_gets_signals_json() {
        let dir = std::env::temp_dir();
        let text = format!("file://{}", dir.display());
        assert_eq!(Endpoint::parse(&text).unwrap(), Endpoint::File(dir.join("signals.json")));
        let named = format!("file://{}/spans.json", dir.display());
        assert_eq!(Endpoint::parse(&named).unwrap(), Endpoint::File(dir.join("spans.json")));
    }
}
