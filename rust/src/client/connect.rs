//! Opening a connection: TCP with TCP_NODELAY, the TLS handshake when the
//! client uses TLS, then the server handshake (HELLO or AUTH, SELECT, CLIENT
//! SETNAME, CLIENT SETINFO) pipelined in one round trip.

use std::future::Future;
use std::io::Read;
use std::sync::{Arc, Weak};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::Instant;

use super::connection::{Connection, ConnectionOwner};
use super::tls::{self, TlsSettings};
use super::{Client, ClientConfig, Protocol};
use crate::resp::{self, Value};
use crate::runtime;

/// Tries each configured address in order; returns the first connection whose
/// handshake succeeds.
pub(super) async fn open(client: &Arc<Client>, generation: u64) -> Result<Connection, String> {
    let config = client.config();
    // Given several addresses (a primary and its replicas), a client that may write connects
    // to the one that says it is the primary, asked anew each time (it may have changed).
    let primary;
    let candidates = if config.addresses.len() > 1 && !config.refuse_writes {
        primary = [super::replicas::find_primary(config).await.map_err(|e| format!("cannot connect: {e}"))?];
        &primary[..]
    } else {
        &config.addresses[..]
    };
    let mut errors = Vec::new();
    for (host, port) in candidates {
        match open_one(config, client.database_id(), host, *port, None).await {
            Ok(opened) => {
                let rt = runtime::get()?;
                if config.learn_zone {
                    client.set_availability_zone(opened.zone.as_deref());
                }
                let owner: Weak<dyn ConnectionOwner> = Arc::downgrade(client) as Weak<dyn ConnectionOwner>;
                let connection = Connection::start(opened.stream, opened.tls, opened.leftover, generation, owner, rt)
                    .map_err(|e| format!("cannot connect: {host}:{port}: {e}"))?;
                client.primary_found(&(host.clone(), *port));
                return Ok(connection);
            }
            Err(e) => {
                if is_refused_credentials(&e) {
                    crate::logging::events::credentials_refused(host, *port, &e);
                }
                errors.push(format!("{host}:{port}: {e}"))
            }
        }
    }
    Err(format!("cannot connect: {}", errors.join("; ")))
}

/// What each handshake reply is for, so a failure can be named.
enum Step {
    /// `authenticates`: credentials were sent with it.
    Hello { authenticates: bool },
    Auth,
    Select,
    SetName,
    ReadOnly,
    /// Older servers do not know CLIENT SETINFO: its errors are ignored.
    SetInfo,
    /// `INFO server`, for the server's availability zone (Valkey 8 and later say it);
    /// its errors are ignored: no zone.
    Zone,
    /// `CLIENT ID`, sent under RESP2 without credentials only to learn whether the server
    /// wants some (NOAUTH): nothing else in that handshake is sure to be refused, since a
    /// server that does not know CLIENT SETINFO (Redis 7.0) says so before it checks
    /// authentication. Its other errors (an ACL without +client) are ignored.
    AuthProbe,
    /// The caller's command: its reply, error or not, is the caller's.
    Extra,
}

/// Connects to one node, runs the handshake and `command` in the same round
/// trip, and returns `command`'s reply (a server error included); the
/// connection is closed afterwards. For occasional queries such as a cluster's
/// `CLUSTER SLOTS`.
///
/// The handshake selects `config`'s database: a cluster's topology read thus
/// also checks that its nodes have that database (Valkey 9 with
/// `cluster-databases`), so a client configured with one they lack fails to
/// start, naming the SELECT, instead of starting with nodes that never connect.
pub(crate) async fn query_once(config: &ClientConfig, host: &str, port: u16, command: &[&[u8]]) -> Result<Value, String> {
    match open_one(config, config.database_id, host, port, Some(command)).await {
        Ok(Opened { extra: Some(reply), .. }) => Ok(reply),
        Ok(Opened { extra: None, .. }) => Err(format!("{host}:{port}: no reply")),
        Err(e) => Err(format!("{host}:{port}: {e}")),
    }
}

/// A connected, handshaken transport.
struct Opened {
    stream: TcpStream,
    /// The TLS session, when the client uses TLS: the socket carries its records.
    tls: Option<rustls::ClientConnection>,
    /// Bytes received after the handshake's replies (already decrypted).
    leftover: Vec<u8>,
    /// The reply to the caller's extra command.
    extra: Option<Value>,
    /// The availability zone the server reported, when asked (`learn_zone`).
    zone: Option<String>,
}

/// What the server handshake brought besides success.
#[derive(Debug)]
struct Handshaken {
    /// Bytes received after the handshake's replies.
    leftover: Vec<u8>,
    /// The reply to the caller's extra command.
    extra: Option<Value>,
    zone: Option<String>,
}

/// Runs one step of opening a connection within the connection timeout's
/// `deadline`; past it, says which step got no answer.
async fn within<T>(deadline: Instant, limit: Duration, step: impl Future<Output = Result<T, String>>, waiting_for: &str) -> Result<T, String> {
    match tokio::time::timeout_at(deadline, step).await {
        Ok(result) => result,
        Err(_) => Err(format!("{waiting_for} within the connection timeout ({} ms)", limit.as_millis())),
    }
}

/// Connects and handshakes within the connection timeout; with `extra`, also
/// sends that command and returns its reply.
async fn open_one(
    config: &ClientConfig,
    database_id: i64,
    host: &str,
    port: u16,
    extra: Option<&[&[u8]]>,
) -> Result<Opened, String> {
    let limit = config.connection_timeout;
    let deadline = Instant::now() + limit;
    if let Some(tokens) = config.iam.as_ref().filter(|t| t.is_stale()) {
        // The periodic refresh failed or is slower than the token's lifetime.
        let refresh = super::iam_refresh::refresh(Arc::clone(tokens));
        within(deadline, limit, refresh, "no IAM token").await?;
    }
    let connect = async { TcpStream::connect((host, port)).await.map_err(|e| e.to_string()) };
    let mut stream = within(deadline, limit, connect, "no TCP connection").await?;
    // Latency matters more than packet count for request/response traffic.
    stream.set_nodelay(true).map_err(|e| e.to_string())?;
    let (commands, steps) = handshake_commands(config, database_id, extra);
    const NO_REPLY: &str = "no reply to the handshake (HELLO/AUTH)";
    let Some(settings) = &config.tls else {
        let handshake = server_handshake(&mut stream, &commands, &steps, None, host);
        let Handshaken { leftover, extra, zone } = within(deadline, limit, handshake, NO_REPLY).await?;
        return Ok(Opened { stream, tls: None, leftover, extra, zone });
    };
    // The TLS handshake runs on tokio-rustls; the session is then taken back out of it, and
    // the connection drives rustls itself (see connection/mod.rs, "TLS").
    let connector = tokio_rustls::TlsConnector::from(settings.config());
    let name = tls::server_name(host)?;
    let tls_handshake = async {
        connector.connect(name, stream).await.map_err(|e| tls::describe_io(&e, host, settings.has_client_certificate()))
    };
    // A plaintext server waits for the end of a line that a TLS hello never sends.
    let no_tls = "no TLS handshake from the server (is this a plaintext port? then set useTLS(false))";
    let mut secured = within(deadline, limit, tls_handshake, no_tls)
        .await
        .inspect_err(|e| crate::logging::events::tls_failed(host, port, e))?;
    let handshake = server_handshake(&mut secured, &commands, &steps, Some(settings), host);
    let Handshaken { mut leftover, extra, zone } = within(deadline, limit, handshake, NO_REPLY).await?;
    let (stream, mut session) = secured.into_inner();
    // Plaintext rustls decrypted but nobody read yet goes first.
    let mut chunk = [0u8; 4096];
    while let Ok(n @ 1..) = session.reader().read(&mut chunk) {
        leftover.extend_from_slice(&chunk[..n]);
    }
    // Everything a caller writes is accepted at once; the inflight limit bounds it.
    session.set_buffer_limit(None);
    Ok(Opened { stream, tls: Some(session), leftover, extra, zone })
}

/// The handshake's commands, packed back to back, and what each one is for.
fn handshake_commands(config: &ClientConfig, database_id: i64, extra: Option<&[&[u8]]>) -> (Vec<u8>, Vec<Step>) {
    let mut out = Vec::new();
    let mut steps = Vec::new();
    let user = config.username.as_deref().unwrap_or("default");
    match (config.protocol, &config.current_password()) {
        (Protocol::Resp3, Some(password)) => {
            out.extend(resp::pack(&[b"HELLO", b"3", b"AUTH", user.as_bytes(), password.as_bytes()]));
            steps.push(Step::Hello { authenticates: true });
        }
        (Protocol::Resp3, None) => {
            out.extend(resp::pack(&[b"HELLO", b"3"]));
            steps.push(Step::Hello { authenticates: false });
        }
        (Protocol::Resp2, Some(password)) => {
            match &config.username {
                Some(user) => out.extend(resp::pack(&[b"AUTH", user.as_bytes(), password.as_bytes()])),
                None => out.extend(resp::pack(&[b"AUTH", password.as_bytes()])),
            }
            steps.push(Step::Auth);
        }
        (Protocol::Resp2, None) => {
            out.extend(resp::pack(&[b"CLIENT", b"ID"]));
            steps.push(Step::AuthProbe);
        }
    }
    if database_id != 0 {
        out.extend(resp::pack(&[b"SELECT", database_id.to_string().as_bytes()]));
        steps.push(Step::Select);
    }
    if config.read_only {
        out.extend(resp::pack(&[b"READONLY"]));
        steps.push(Step::ReadOnly);
    }
    if let Some(name) = &config.client_name {
        out.extend(resp::pack(&[b"CLIENT", b"SETNAME", name.as_bytes()]));
        steps.push(Step::SetName);
    }
    if config.learn_zone {
        out.extend(resp::pack(&[b"INFO", b"server"]));
        steps.push(Step::Zone);
    }
    out.extend(resp::pack(&[b"CLIENT", b"SETINFO", b"LIB-NAME", b"glide-jni"]));
    out.extend(resp::pack(&[b"CLIENT", b"SETINFO", b"LIB-VER", env!("CARGO_PKG_VERSION").as_bytes()]));
    steps.push(Step::SetInfo);
    steps.push(Step::SetInfo);
    if let Some(command) = extra {
        out.extend(resp::pack(command));
        steps.push(Step::Extra);
    }
    (out, steps)
}

/// What a failed handshake says when the server wants credentials and none were configured.
pub(crate) const NO_CREDENTIALS: &str = "the server requires a password: set ServerCredentials in the configuration";
/// What a failed handshake says when the server refused the credentials sent.
const REFUSED_CREDENTIALS: &str = "authentication failed";

/// Whether `open`'s error says the server refused the client's credentials or wants some:
/// trying again with the same ones cannot succeed.
pub(crate) fn is_refused_credentials(message: &str) -> bool {
    message.contains(NO_CREDENTIALS) || message.contains(REFUSED_CREDENTIALS)
}

/// Sends the handshake's commands and checks their replies; returns the bytes
/// received after them and the reply to the extra command.
async fn server_handshake<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    out: &[u8],
    steps: &[Step],
    tls: Option<&TlsSettings>,
    host: &str,
) -> Result<Handshaken, String> {
    // With TLS 1.3 a server that wants a client certificate refuses it only after our
    // handshake ended: its alert arrives here, in place of the first reply.
    let io_error = |e: std::io::Error| match tls {
        Some(settings) => tls::describe_io(&e, host, settings.has_client_certificate()),
        // A TLS port resets a connection whose first bytes are not a TLS handshake.
        None if e.kind() == std::io::ErrorKind::ConnectionReset => {
            format!("{e} during the handshake (if the server expects TLS on this port, set useTLS(true))")
        }
        None => e.to_string(),
    };
    stream.write_all(out).await.map_err(io_error)?;
    stream.flush().await.map_err(io_error)?;

    let mut buffer = Vec::with_capacity(1024);
    let mut replies = Vec::new();
    while replies.len() < steps.len() {
        if tls.is_none() && matches!(buffer.first(), Some(0x15 | 0x16)) {
            // A TLS record (alert or handshake): this port speaks TLS.
            return Err("the server answered with TLS: set useTLS(true)".into());
        }
        match resp::parse(&buffer).map_err(|e| e.to_string())? {
            Some((value, used)) => {
                buffer.drain(..used);
                if !matches!(value, Value::Push(_)) {
                    replies.push(value);
                }
            }
            None => {
                if stream.read_buf(&mut buffer).await.map_err(io_error)? == 0 {
                    let hint = if tls.is_none() { " (if the server expects TLS on this port, set useTLS(true))" } else { "" };
                    return Err(format!("the server closed the connection during the handshake{hint}"));
                }
            }
        }
    }
    let mut extra_reply = None;
    let mut zone = None;
    for (step, reply) in steps.iter().zip(replies) {
        match step {
            Step::Extra => {
                extra_reply = Some(reply);
                continue;
            }
            Step::Zone => {
                zone = availability_zone(&reply);
                continue;
            }
            _ => {}
        }
        if let Value::ServerError(message) = reply {
            if message.starts_with("NOAUTH") {
                // Sent without credentials to a server that asks for them: HELLO's answer
                // under RESP3, the CLIENT ID probe's (or any later step's) under RESP2.
                return Err(format!("{NO_CREDENTIALS}: {message}"));
            }
            let what = match step {
                Step::Hello { .. } if message.starts_with("NOPROTO") => "the server does not speak RESP3 (use RESP2)",
                Step::Hello { .. } if message.starts_with("ERR unknown command") => {
                    "the server does not know HELLO, so it cannot speak RESP3 (use RESP2)"
                }
                Step::Hello { authenticates: false } => "HELLO failed",
                Step::Hello { authenticates: true } | Step::Auth => REFUSED_CREDENTIALS,
                Step::Select => "SELECT failed",
                Step::SetName => "CLIENT SETNAME failed",
                Step::ReadOnly => "READONLY failed",
                Step::SetInfo | Step::AuthProbe | Step::Extra | Step::Zone => continue,
            };
            return Err(format!("{what}: {message}"));
        }
    }
    Ok(Handshaken { leftover: buffer, extra: extra_reply, zone })
}

/// The `availability_zone` field of an `INFO` reply; `None` when the server has none
/// (Redis, Valkey before 8, or no zone configured).
fn availability_zone(info: &Value) -> Option<String> {
    let text = match info {
        Value::BulkString(bytes) => std::str::from_utf8(bytes).ok()?,
        Value::VerbatimString(text) => text.as_str(),
        _ => return None,
    };
    let zone = text.lines().find_map(|line| line.strip_prefix("availability_zone:"))?.trim();
    (!zone.is_empty()).then(|| zone.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The handshake's outcome when a server answers each command with `reply`.
    fn handshake_answered(config: &ClientConfig, reply: &'static [u8]) -> Result<Handshaken, String> {
        handshake_answering(config, |_| reply)
    }

    /// The handshake's outcome when a server answers each step with `answer(step)`.
    fn handshake_answering(config: &ClientConfig, answer: impl Fn(&Step) -> &'static [u8]) -> Result<Handshaken, String> {
        let (out, steps) = handshake_commands(config, 0, None);
        let answers: Vec<u8> = steps.iter().flat_map(|step| answer(step).iter().copied()).collect();
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let (mut ours, mut server) = tokio::io::duplex(64 * 1024);
            let mut received = vec![0u8; out.len()];
            let serve = async {
                server.read_exact(&mut received).await.unwrap();
                server.write_all(&answers).await.unwrap();
            };
            tokio::join!(server_handshake(&mut ours, &out, &steps, None, "h"), serve).0
        })
    }

    /// Issue 15: under RESP2 nothing authenticates, so a server with requirepass answers every
    /// handshake command NOAUTH, CLIENT SETINFO's too, whose other errors are ignored.
    #[test]
    fn noauth_fails_the_handshake_under_both_protocols() {
        for protocol in [Protocol::Resp2, Protocol::Resp3] {
            let mut config = ClientConfig::for_address("h", 1);
            config.protocol = protocol;
            let error = handshake_answered(&config, b"-NOAUTH Authentication required.\r\n").unwrap_err();
            assert!(error.starts_with(NO_CREDENTIALS), "{protocol:?}: {error}");
            assert!(error.contains("NOAUTH Authentication required."), "{error}");
        }
    }

    /// Redis 7.0 does not know CLIENT SETINFO and says so before it checks authentication:
    /// only the CLIENT ID probe meets NOAUTH there.
    #[test]
    fn under_resp2_the_client_id_probe_meets_noauth() {
        let mut config = ClientConfig::for_address("h", 1);
        config.protocol = Protocol::Resp2;
        let error = handshake_answering(&config, |step| match step {
            Step::AuthProbe => b"-NOAUTH Authentication required.\r\n",
            _ => b"-ERR unknown subcommand 'SETINFO'. Try CLIENT HELP.\r\n",
        });
        assert!(error.unwrap_err().starts_with(NO_CREDENTIALS));
        // With credentials the AUTH step authenticates, and no probe is sent.
        config.password.set(Some("pw".into()));
        let (_, steps) = handshake_commands(&config, 0, None);
        assert!(!steps.iter().any(|s| matches!(s, Step::AuthProbe)));
    }

    #[test]
    fn the_zone_comes_from_info_when_asked() {
        let info = |text: &str| Value::VerbatimString(text.to_string());
        assert_eq!(availability_zone(&info("# Server\r\nredis_version:7.2.4\r\navailability_zone:az-b\r\nmode:cluster\r\n")).as_deref(), Some("az-b"));
        assert_eq!(availability_zone(&Value::BulkString(b"availability_zone:use1-az2\r\n".to_vec())).as_deref(), Some("use1-az2"));
        // Valkey with no zone configured says an empty one; Redis says nothing.
        assert_eq!(availability_zone(&info("availability_zone:\r\n")), None);
        assert_eq!(availability_zone(&info("# Server\r\nredis_version:7.0.15\r\n")), None);
        assert_eq!(availability_zone(&Value::ServerError("ERR unknown".into())), None);
        let mut config = ClientConfig::for_address("h", 1);
        let (_, steps) = handshake_commands(&config, 0, None);
        assert!(!steps.iter().any(|s| matches!(s, Step::Zone)), "asked only for AZ affinity");
        config.learn_zone = true;
        let (out, steps) = handshake_commands(&config, 0, None);
        assert!(steps.iter().any(|s| matches!(s, Step::Zone)));
        assert!(out.windows(b"$6\r\nserver".len()).any(|w| w == b"$6\r\nserver"));
        // A server that refuses INFO (an ACL without +info) still lets the client connect.
        let handshaken = handshake_answering(&config, |step| match step {
            Step::Zone => b"-NOPERM User has no permissions to run the 'info' command\r\n",
            Step::Hello { .. } => b"%1\r\n+proto\r\n:3\r\n",
            _ => b"+OK\r\n",
        });
        assert_eq!(handshaken.unwrap().zone, None);
    }

    #[test]
    fn other_setinfo_errors_are_ignored() {
        let mut config = ClientConfig::for_address("h", 1);
        config.protocol = Protocol::Resp2;
        assert!(handshake_answered(&config, b"-ERR unknown subcommand 'SETINFO'\r\n").is_ok());
    }
}
