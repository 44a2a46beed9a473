//! Opening a connection: TCP with TCP_NODELAY, then the handshake (HELLO or
//! AUTH, SELECT, CLIENT SETNAME, CLIENT SETINFO) pipelined in one round trip.

use std::sync::{Arc, Weak};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::connection::{Connection, Owner};
use super::{Client, ClientConfig, Protocol};
use crate::resp::{self, Value};
use crate::runtime;

/// Tries each configured address in order; returns the first connection whose
/// handshake succeeds.
pub(super) async fn open(client: &Arc<Client>, generation: u64) -> Result<Connection, String> {
    let config = client.config();
    let mut errors = Vec::new();
    for (host, port) in &config.addresses {
        let attempt = open_one(config, client.database_id(), host, *port, None);
        let attempt = tokio::time::timeout(config.connection_timeout, attempt);
        match attempt.await {
            Ok(Ok((stream, leftover, _))) => {
                let rt = runtime::get()?;
                let owner: Weak<dyn Owner> = Arc::downgrade(client) as Weak<dyn Owner>;
                return Ok(Connection::start(stream, leftover, generation, owner, rt));
            }
            Ok(Err(e)) => errors.push(format!("{host}:{port}: {e}")),
            Err(_) => errors.push(format!(
                "{host}:{port}: no connection within {} ms",
                config.connection_timeout.as_millis()
            )),
        }
    }
    Err(format!("cannot connect: {}", errors.join("; ")))
}

/// What each handshake reply is for, so a failure can be named.
enum Step {
    Hello,
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
pub(crate) async fn query_once(config: &ClientConfig, host: &str, port: u16, command: &[&[u8]]) -> Result<Value, String> {
    let attempt = tokio::time::timeout(config.connection_timeout, open_one(config, 0, host, port, Some(command)));
    match attempt.await {
        Ok(Ok((_, _, Some(reply)))) => Ok(reply),
        Ok(Ok((_, _, None))) => Err(format!("{host}:{port}: no reply")),
        Ok(Err(e)) => Err(format!("{host}:{port}: {e}")),
        Err(_) => Err(format!("{host}:{port}: no reply within {} ms", config.connection_timeout.as_millis())),
    }
}

/// Connects and handshakes; with `extra`, also sends that command and returns its reply.
async fn open_one(
    config: &ClientConfig,
    database_id: i64,
    host: &str,
    port: u16,
    extra: Option<&[&[u8]]>,
) -> Result<(TcpStream, Vec<u8>, Option<Value>), String> {
    let mut stream = TcpStream::connect((host, port)).await.map_err(|e| e.to_string())?;
    // Latency matters more than packet count for request/response traffic.
    stream.set_nodelay(true).map_err(|e| e.to_string())?;

    let mut out = Vec::new();
    let mut steps = Vec::new();
    let user = config.username.as_deref().unwrap_or("default");
    match (config.protocol, &config.password.get()) {
        (Protocol::Resp3, Some(password)) => {
            out.extend(resp::pack(&[b"HELLO", b"3", b"AUTH", user.as_bytes(), password.as_bytes()]));
            steps.push(Step::Hello);
        }
        (Protocol::Resp3, None) => {
            out.extend(resp::pack(&[b"HELLO", b"3"]));
            steps.push(Step::Hello);
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
    stream.write_all(&out).await.map_err(|e| e.to_string())?;

    let mut buffer = Vec::with_capacity(1024);
    let mut replies = Vec::new();
    while replies.len() < steps.len() {
        match resp::parse(&buffer).map_err(|e| e.to_string())? {
            Some((value, used)) => {
                buffer.drain(..used);
                if !matches!(value, Value::Push(_)) {
                    replies.push(value);
                }
            }
            None => {
                if stream.read_buf(&mut buffer).await.map_err(|e| e.to_string())? == 0 {
                    return Err("the server closed the connection during the handshake".into());
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
                Step::Hello if message.starts_with("NOPROTO") => "the server does not speak RESP3 (use RESP2)",
                Step::Hello | Step::Auth => "authentication failed",
                Step::Select => "SELECT failed",
                Step::SetName => "CLIENT SETNAME failed",
                Step::ReadOnly => "READONLY failed",
                Step::SetInfo | Step::Extra => continue,
            };
            return Err(format!("{what}: {message}"));
        }
    }
    Ok((stream, buffer, extra_reply))
}
