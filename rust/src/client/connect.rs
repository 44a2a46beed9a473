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

use super::connection::{Connection, Owner};
use super::tls::{self, TlsSettings};
use super::{Client, ClientConfig, Protocol};
use crate::resp::{self, Value};
use crate::runtime;

/// Tries each configured address in order; returns the first connection whose
/// handshake succeeds.
pub(super) async fn open(client: &Arc<Client>, generation: u64) -> Result<Connection, String> {
    let config = client.config();
    let mut errors = Vec::new();
    for (host, port) in &config.addresses {
        match open_one(config, client.database_id(), host, *port, None).await {
            Ok(opened) => {
                let rt = runtime::get()?;
                let owner: Weak<dyn Owner> = Arc::downgrade(client) as Weak<dyn Owner>;
                return Ok(Connection::start(opened.stream, opened.tls, opened.leftover, generation, owner, rt));
            }
            Err(e) => errors.push(format!("{host}:{port}: {e}")),
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
        let (leftover, extra) = within(deadline, limit, handshake, NO_REPLY).await?;
        return Ok(Opened { stream, tls: None, leftover, extra });
    };
    // The TLS handshake runs on tokio-rustls; the session is then taken back out of it, and
    // the connection drives rustls itself (see connection.rs).
    let connector = tokio_rustls::TlsConnector::from(settings.config());
    let name = tls::server_name(host)?;
    let tls_handshake = async {
        connector.connect(name, stream).await.map_err(|e| tls::describe_io(&e, host, settings.has_client_certificate()))
    };
    // A plaintext server waits for the end of a line that a TLS hello never sends.
    let no_tls = "no TLS handshake from the server (is this a plaintext port? then set useTLS(false))";
    let mut secured = within(deadline, limit, tls_handshake, no_tls).await?;
    let handshake = server_handshake(&mut secured, &commands, &steps, Some(settings), host);
    let (mut leftover, extra) = within(deadline, limit, handshake, NO_REPLY).await?;
    let (stream, mut session) = secured.into_inner();
    // Plaintext rustls decrypted but nobody read yet goes first.
    let mut chunk = [0u8; 4096];
    while let Ok(n @ 1..) = session.reader().read(&mut chunk) {
        leftover.extend_from_slice(&chunk[..n]);
    }
    // Everything a caller writes is accepted at once; the inflight limit bounds it.
    session.set_buffer_limit(None);
    Ok(Opened { stream, tls: Some(session), leftover, extra })
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
        (Protocol::Resp2, None) => {}
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

/// Sends the handshake's commands and checks their replies; returns the bytes
/// received after them and the reply to the extra command.
async fn server_handshake<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    out: &[u8],
    steps: &[Step],
    tls: Option<&TlsSettings>,
    host: &str,
) -> Result<(Vec<u8>, Option<Value>), String> {
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
    for (step, reply) in steps.iter().zip(replies) {
        if let Step::Extra = step {
            extra_reply = Some(reply);
            continue;
        }
        if let Value::ServerError(message) = reply {
            let what = match step {
                Step::Hello { .. } if message.starts_with("NOPROTO") => "the server does not speak RESP3 (use RESP2)",
                Step::Hello { .. } if message.starts_with("ERR unknown command") => {
                    "the server does not know HELLO, so it cannot speak RESP3 (use RESP2)"
                }
                Step::Hello { authenticates: false } => "HELLO failed",
                Step::Hello { authenticates: true } | Step::Auth => "authentication failed",
                Step::Select => "SELECT failed",
                Step::SetName => "CLIENT SETNAME failed",
                Step::ReadOnly => "READONLY failed",
                Step::SetInfo | Step::Extra => continue,
            };
            return Err(format!("{what}: {message}"));
        }
    }
    Ok((buffer, extra_reply))
}
