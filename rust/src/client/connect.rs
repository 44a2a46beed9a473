//! Opening one multiplexed connection with the client's settings.

use std::sync::{Arc, Weak};

use redis::aio::{AsyncPushSender, MultiplexedConnection, SendError};
use redis::io::tcp::TcpSettings;
use redis::{AsyncConnectionConfig, ConnectionAddr, IntoConnectionInfo, PushInfo, PushKind, RedisConnectionInfo};

use super::{Client, Protocol};

/// Tries each configured address in order; returns the first connection that
/// completes its handshake (HELLO/AUTH, SELECT, CLIENT SETNAME).
pub(super) async fn open(client: &Arc<Client>, generation: u64) -> Result<MultiplexedConnection, String> {
    let config = client.config();
    let mut errors = Vec::new();
    for (host, port) in &config.addresses {
        match open_one(client, host, *port, generation).await {
            Ok(conn) => return Ok(conn),
            Err(e) => errors.push(format!("{host}:{port}: {e}")),
        }
    }
    Err(format!("cannot connect: {}", errors.join("; ")))
}

async fn open_one(client: &Arc<Client>, host: &str, port: u16, generation: u64) -> Result<MultiplexedConnection, String> {
    let config = client.config();
    let mut redis_settings = RedisConnectionInfo::default()
        .set_db(client.database_id())
        .set_protocol(match config.protocol {
            Protocol::Resp2 => redis::ProtocolVersion::RESP2,
            Protocol::Resp3 => redis::ProtocolVersion::RESP3,
        })
        .set_lib_name("glide-jni", env!("CARGO_PKG_VERSION"));
    if let Some(password) = &config.password {
        redis_settings = redis_settings.set_password(password);
    }
    if let Some(username) = &config.username {
        redis_settings = redis_settings.set_username(username);
    }
    let info = ConnectionAddr::Tcp(host.to_string(), port)
        .into_connection_info()
        .map_err(|e| e.to_string())?
        // Latency matters more than packet count for request/response traffic.
        .set_tcp_settings(TcpSettings::default().set_nodelay(true))
        .set_redis_settings(redis_settings);
    let redis_client = redis::Client::open(info).map_err(|e| e.to_string())?;
    let mut connection_config = AsyncConnectionConfig::new()
        .set_connection_timeout(Some(config.connection_timeout))
        // Timeouts are per request, applied by the client.
        .set_response_timeout(None)
        // Room for every request the inflight limit allows, so putting a command on the
        // connection never waits for space. Waiting there would break submission order:
        // queued senders get their slots in order but enqueue whenever their task next
        // runs. The channel allocates its slots lazily, so idle capacity costs nothing.
        .set_pipeline_buffer_size(config.inflight_limit.saturating_add(16));
    // The redis crate delivers its "disconnected" notice only to RESP3
    // connections. Under RESP2 an idle connection's loss is found by the next
    // request, which fails with a connection error and starts the reconnect.
    if config.protocol == Protocol::Resp3 {
        connection_config =
            connection_config.set_push_sender(DisconnectWatch { client: client.weak(), generation });
    }
    let mut conn = tokio::time::timeout(
        config.connection_timeout,
        redis_client.get_multiplexed_async_connection_with_config(&connection_config),
    )
    .await
    .map_err(|_| format!("connection timed out after {} ms", config.connection_timeout.as_millis()))?
    .map_err(|e| e.to_string())?;
    if let Some(name) = &config.client_name {
        let mut setname = redis::cmd("CLIENT");
        setname.arg("SETNAME").arg(name);
        conn.send_packed_command(&setname).await.map_err(|e| format!("CLIENT SETNAME failed: {e}"))?;
    }
    Ok(conn)
}

/// Receives the connection's out-of-band notices; today only the one that says
/// the connection closed, which starts a reconnect even when no request is
/// running. Holds a weak reference: a connection must not keep its client alive.
struct DisconnectWatch {
    client: Weak<Client>,
    generation: u64,
}

impl AsyncPushSender for DisconnectWatch {
    fn send(&self, info: PushInfo) -> Result<(), SendError> {
        if info.kind == PushKind::Disconnection {
            if let Some(client) = self.client.upgrade() {
                client.connection_broken(self.generation);
            }
        }
        Ok(())
    }
}
