//! Client configuration as the core sees it, validated before any connection.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use parking_lot::RwLock;

use super::backoff::Backoff;
use super::tls::TlsSettings;
use crate::iam::IamTokens;

/// Default request timeout, as in valkey-glide.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_millis(250);
/// Default bound on requests in flight per client, as in valkey-glide.
pub const DEFAULT_INFLIGHT_LIMIT: usize = 1000;
/// Default time to establish one connection (TCP + handshake).
pub const DEFAULT_CONNECTION_TIMEOUT: Duration = Duration::from_millis(2000);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    Resp2,
    Resp3,
}

/// Where read-only commands may go: a cluster's, or a standalone client's given a primary
/// and its replicas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadFrom {
    Primary,
    /// Read-only commands go to a replica (of the slot) when there is one, each in turn.
    PreferReplica,
    /// Read-only commands go to the replicas (of the slot) in this availability zone, each in
    /// turn; when there are none there, to any replica in turn (then to the primary).
    AzAffinity(String),
    /// As [`ReadFrom::AzAffinity`], but the primary comes before the replicas of other
    /// zones when it is in this zone.
    AzAffinityReplicasAndPrimary(String),
}

impl ReadFrom {
    /// Whether read-only commands may leave the primary.
    pub(crate) fn reads_replicas(&self) -> bool {
        *self != ReadFrom::Primary
    }

    /// The client's zone, for the strategies that read from it first.
    pub(crate) fn zone(&self) -> Option<&str> {
        match self {
            ReadFrom::AzAffinity(zone) | ReadFrom::AzAffinityReplicasAndPrimary(zone) => Some(zone),
            ReadFrom::Primary | ReadFrom::PreferReplica => None,
        }
    }
}

/// The password of a configuration, shared with its clones (the nodes of a
/// cluster client are configured by clones): changing it changes what every
/// later handshake of every connection sends. Never printed.
#[derive(Clone, Default)]
pub struct Password(Arc<RwLock<Option<String>>>);

impl Password {
    pub fn new(password: Option<String>) -> Password {
        Password(Arc::new(RwLock::new(password)))
    }

    pub fn get(&self) -> Option<String> {
        self.0.read().clone()
    }

    /// Replaces the password (or removes it) for the handshakes to come.
    pub fn set(&self, password: Option<String>) {
        *self.0.write() = password;
    }

    pub fn is_some(&self) -> bool {
        self.0.read().is_some()
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.is_some() { "Password(set)" } else { "Password(none)" })
    }
}

/// Everything a standalone client needs to connect and to bound its requests.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Tried in order; the first that accepts a connection is used.
    pub addresses: Vec<(String, u16)>,
    pub username: Option<String>,
    pub password: Password,
    pub client_name: Option<String>,
    pub database_id: i64,
    pub request_timeout: Duration,
    pub inflight_limit: usize,
    pub protocol: Protocol,
    pub backoff: Backoff,
    pub connection_timeout: Duration,
    /// Connect on the first command instead of at creation.
    pub lazy_connect: bool,
    /// Send `READONLY` when connecting (a cluster node that may be a replica).
    pub read_only: bool,
    /// Where read-only commands go, for a standalone client given a primary and its
    /// replicas (a cluster client's is in its `ClusterConfig`).
    pub read_from: ReadFrom,
    /// Read-only mode (a standalone client's `readOnly`): commands that write fail at
    /// once with a `RequestException`, without reaching the server.
    pub refuse_writes: bool,
    /// Ask the server its availability zone when connecting (`INFO server`), for reads
    /// with AZ affinity: see [`super::Client::availability_zone`].
    pub learn_zone: bool,
    /// TLS on every connection the client opens; `None`: plaintext.
    pub tls: Option<TlsSettings>,
    /// IAM authentication: the token replaces the password in every handshake.
    pub iam: Option<Arc<IamTokens>>,
}

impl ClientConfig {
    /// What the next handshake authenticates with: the IAM token, else the password.
    pub fn current_password(&self) -> Option<String> {
        match &self.iam {
            Some(tokens) => Some(tokens.current()),
            None => self.password.get(),
        }
    }

    /// A configuration for one address with every other setting at its default.
    pub fn for_address(host: &str, port: u16) -> ClientConfig {
        ClientConfig {
            addresses: vec![(host.to_string(), port)],
            username: None,
            password: Password::default(),
            client_name: None,
            database_id: 0,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            inflight_limit: DEFAULT_INFLIGHT_LIMIT,
            protocol: Protocol::Resp3,
            backoff: Backoff::default(),
            connection_timeout: DEFAULT_CONNECTION_TIMEOUT,
            lazy_connect: false,
            read_only: false,
            learn_zone: false,
            read_from: ReadFrom::Primary,
            refuse_writes: false,
            tls: None,
            iam: None,
        }
    }

    /// Rejects what cannot work, with a message naming the setting.
    pub fn validate(&self) -> Result<(), String> {
        if self.addresses.is_empty() {
            return Err("no address configured: add at least one NodeAddress".into());
        }
        for (host, port) in &self.addresses {
            if host.trim().is_empty() {
                return Err("an address has an empty host".into());
            }
            if *port == 0 {
                return Err(format!("port 0 of {host} is not a valid server port (1-65535)"));
            }
        }
        if self.request_timeout.is_zero() {
            return Err("requestTimeout must be positive".into());
        }
        if self.inflight_limit == 0 {
            return Err("inflightRequestsLimit must be positive".into());
        }
        if self.database_id < 0 {
            return Err(format!("databaseId must not be negative, got {}", self.database_id));
        }
        if !self.password.is_some() && self.iam.is_none() && self.username.is_some() {
            return Err("credentials with a username need a password".into());
        }
        self.backoff.validate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        assert!(ClientConfig::for_address("127.0.0.1", 6379).validate().is_ok());
    }

    #[test]
    fn each_bad_setting_is_named() {
        let mut c = ClientConfig::for_address("h", 1);
        c.addresses.clear();
        assert!(c.validate().unwrap_err().contains("address"));
        let mut c = ClientConfig::for_address("h", 0);
        assert!(c.validate().unwrap_err().contains("port"));
        c = ClientConfig::for_address("h", 1);
        c.inflight_limit = 0;
        assert!(c.validate().unwrap_err().contains("inflightRequestsLimit"));
        c = ClientConfig::for_address("h", 1);
        c.database_id = -1;
        assert!(c.validate().unwrap_err().contains("databaseId"));
    }
}
