//! A client's configuration as `createClient` receives it: one `byte[]` of tagged fields
//! ([`wire::config`]; Java's `NativeConfig` writes it), read and checked by [`decode`] into
//! [`ClientSettings`].
//!
//! Nothing is taken on trust: an unknown tag, a field given twice (unless repeated), a missing
//! required field, a code no group defines, a number out of its range, and bytes missing or
//! left over are all refused with a `ConfigurationError` naming what is wrong. Reading is two
//! steps: [`Fields::read`] cuts the bytes into typed fields, [`Fields::check`] turns them into the
//! core's configuration, so every check sees every field (readFrom's zone, for one, is another
//! field).

use std::sync::Arc;
use std::time::Duration;

use crate::client::tls::TlsSettings;
use crate::client::{Backoff, ClientConfig, Password, Protocol};
use crate::cluster::ReadFrom;
use crate::iam::IamTokens;
use crate::pubsub::{self, Mode, Overflow, PubSub};
use crate::wire;

use super::policy::BridgeError;

/// Everything [`super::any_client::AnyClient::start`] needs to create a client.
pub(super) struct ClientSettings {
    /// What every connection is opened with.
    pub(super) base: ClientConfig,
    /// A cluster client.
    pub(super) cluster: bool,
    pub(super) read_from: ReadFrom,
    /// The configured subscriptions (`None`: none configured).
    pub(super) pubsub: Option<Arc<PubSub>>,
    /// How often the subscriptions are checked (zero: the default).
    pub(super) pubsub_check: Option<Duration>,
}

/// Reads `bytes` (a [`wire::config`] encoding) into the settings of a client; `tls` and `iam`
/// come from their own natives (`createTlsSettings`, `createIamAuth`).
pub(super) fn decode(
    bytes: &[u8],
    tls: Option<TlsSettings>,
    iam: Option<Arc<IamTokens>>,
) -> Result<ClientSettings, BridgeError> {
    Fields::read(bytes)?.check(tls, iam)
}

fn refuse(message: impl Into<String>) -> BridgeError {
    BridgeError::configuration(message)
}

/// The fields of one encoding, each typed as the spec says, not yet checked against each other.
#[derive(Default)]
struct Fields {
    addresses: Vec<(String, i32)>,
    username: Option<String>,
    password: Option<String>,
    client_name: Option<String>,
    database_id: Option<i64>,
    request_timeout_ms: Option<i32>,
    inflight_limit: Option<i32>,
    protocol: Option<i32>,
    /// Each value at its [`wire::reconnect`] position.
    reconnect: Option<[i32; wire::reconnect::LEN]>,
    connection_timeout_ms: Option<i32>,
    lazy_connect: Option<bool>,
    cluster: Option<bool>,
    read_from: Option<i32>,
    client_az: Option<String>,
    read_only: Option<bool>,
    /// Backlog limit and overflow code: subscriptions are configured.
    pubsub: Option<(i64, i32)>,
    subscriptions: Vec<(i32, Vec<u8>)>,
    pubsub_check_ms: Option<i32>,
}

/// A cursor over the encoding; each read names the field it is in when the bytes run out.
struct Reader<'a> {
    bytes: &'a [u8],
    tag: u8,
}

impl<'a> Reader<'a> {
    fn array<const N: usize>(&mut self) -> Result<[u8; N], BridgeError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], BridgeError> {
        if self.bytes.len() < n {
            return Err(refuse(format!("the configuration ends inside field {}", self.tag)));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }
    fn i32(&mut self) -> Result<i32, BridgeError> {
        Ok(i32::from_be_bytes(self.array()?))
    }
    fn i64(&mut self) -> Result<i64, BridgeError> {
        Ok(i64::from_be_bytes(self.array()?))
    }
    fn bool(&mut self) -> Result<bool, BridgeError> {
        match self.array::<1>()?[0] {
            0 => Ok(false),
            1 => Ok(true),
            other => Err(refuse(format!("configuration field {} is a boolean, not {other}", self.tag))),
        }
    }
    fn bytes(&mut self) -> Result<Vec<u8>, BridgeError> {
        let len = u32::from_be_bytes(self.array()?);
        Ok(self.take(len as usize)?.to_vec())
    }
    fn string(&mut self) -> Result<String, BridgeError> {
        String::from_utf8(self.bytes()?).map_err(|_| refuse(format!("configuration field {} is not UTF-8", self.tag)))
    }
}

/// Sets a field read once; a second time is refused.
fn once<T>(slot: &mut Option<T>, tag: u8, value: T) -> Result<(), BridgeError> {
    if slot.replace(value).is_some() {
        return Err(refuse(format!("configuration field {tag} is given twice")));
    }
    Ok(())
}

/// A required field's value, or the refusal naming it.
fn required<T>(value: Option<T>, name: &str) -> Result<T, BridgeError> {
    value.ok_or_else(|| refuse(format!("the configuration has no {name}")))
}

fn non_negative(value: i32, what: &str) -> Result<u32, BridgeError> {
    u32::try_from(value).map_err(|_| refuse(format!("{what} must not be negative")))
}

impl Fields {
    /// Cuts `bytes` into fields: each tag known, each value whole, each single field once.
    fn read(bytes: &[u8]) -> Result<Fields, BridgeError> {
        use wire::config::*;
        let mut f = Fields::default();
        let mut r = Reader { bytes, tag: 0 };
        while let Some((&tag, rest)) = r.bytes.split_first() {
            r.bytes = rest;
            r.tag = tag;
            match tag {
                ADDRESS => {
                    let host = r.string()?;
                    f.addresses.push((host, r.i32()?));
                }
                USERNAME => once(&mut f.username, tag, r.string()?)?,
                PASSWORD => once(&mut f.password, tag, r.string()?)?,
                CLIENT_NAME => once(&mut f.client_name, tag, r.string()?)?,
                DATABASE_ID => once(&mut f.database_id, tag, r.i64()?)?,
                REQUEST_TIMEOUT_MS => once(&mut f.request_timeout_ms, tag, r.i32()?)?,
                INFLIGHT_LIMIT => once(&mut f.inflight_limit, tag, r.i32()?)?,
                PROTOCOL => once(&mut f.protocol, tag, r.i32()?)?,
                RECONNECT => {
                    let mut backoff = [0; wire::reconnect::LEN];
                    for value in &mut backoff {
                        *value = r.i32()?;
                    }
                    once(&mut f.reconnect, tag, backoff)?
                }
                CONNECTION_TIMEOUT_MS => once(&mut f.connection_timeout_ms, tag, r.i32()?)?,
                LAZY_CONNECT => once(&mut f.lazy_connect, tag, r.bool()?)?,
                CLUSTER => once(&mut f.cluster, tag, r.bool()?)?,
                READ_FROM => once(&mut f.read_from, tag, r.i32()?)?,
                CLIENT_AZ => once(&mut f.client_az, tag, r.string()?)?,
                READ_ONLY => once(&mut f.read_only, tag, r.bool()?)?,
                PUBSUB => {
                    if !f.subscriptions.is_empty() {
                        return Err(refuse("configuration field PUBSUB comes after a SUBSCRIPTION"));
                    }
                    let limit = r.i64()?;
                    once(&mut f.pubsub, tag, (limit, r.i32()?))?
                }
                SUBSCRIPTION => {
                    if f.pubsub.is_none() {
                        return Err(refuse("a SUBSCRIPTION field comes before the PUBSUB field"));
                    }
                    let mode = r.i32()?;
                    f.subscriptions.push((mode, r.bytes()?));
                }
                PUBSUB_CHECK_MS => once(&mut f.pubsub_check_ms, tag, r.i32()?)?,
                other => return Err(refuse(format!("unknown configuration field {other}"))),
            }
        }
        Ok(f)
    }

    /// Checks the fields against their ranges and each other and builds the settings.
    fn check(self, tls: Option<TlsSettings>, iam: Option<Arc<IamTokens>>) -> Result<ClientSettings, BridgeError> {
        let mut addresses = Vec::with_capacity(self.addresses.len());
        for (host, port) in self.addresses {
            let port = u16::try_from(port).map_err(|_| refuse(format!("port {port} of {host} is out of range (1-65535)")))?;
            addresses.push((host, port));
        }
        let cluster = required(self.cluster, "CLUSTER")?;
        let read_from = read_from_code(required(self.read_from, "READ_FROM")?, self.client_az)?;
        let read_only = required(self.read_only, "READ_ONLY")?;
        let b = required(self.reconnect, "RECONNECT")?;
        let base = ClientConfig {
            addresses,
            username: self.username,
            password: Password::new(self.password),
            client_name: self.client_name,
            database_id: required(self.database_id, "DATABASE_ID")?,
            request_timeout: millis(non_negative(required(self.request_timeout_ms, "REQUEST_TIMEOUT_MS")?, "requestTimeout")?),
            inflight_limit: non_negative(required(self.inflight_limit, "INFLIGHT_LIMIT")?, "inflightRequestsLimit")? as usize,
            protocol: match required(self.protocol, "PROTOCOL")? {
                wire::protocol::RESP2 => Protocol::Resp2,
                wire::protocol::RESP3 => Protocol::Resp3,
                other => return Err(refuse(format!("protocol {other} is neither RESP2 (2) nor RESP3 (3)"))),
            },
            backoff: Backoff {
                num_of_retries: non_negative(b[wire::reconnect::NUM_OF_RETRIES], "reconnectStrategy.numOfRetries")?,
                factor_ms: non_negative(b[wire::reconnect::FACTOR], "reconnectStrategy.factor")?,
                exponent_base: non_negative(b[wire::reconnect::EXPONENT_BASE], "reconnectStrategy.exponentBase")?,
                jitter_percent: non_negative(b[wire::reconnect::JITTER_PERCENT], "reconnectStrategy.jitterPercent")?,
            },
            connection_timeout: millis(non_negative(
                required(self.connection_timeout_ms, "CONNECTION_TIMEOUT_MS")?,
                "connectionTimeout",
            )?),
            lazy_connect: required(self.lazy_connect, "LAZY_CONNECT")?,
            read_only: false,
            // A standalone client's own connections (the primary's, the replicas') say
            // their zone; a cluster's nodes are configured by the cluster.
            learn_zone: !cluster && read_from.zone().is_some(),
            read_from: read_from.clone(),
            refuse_writes: read_only && !cluster,
            tls,
            iam,
        };
        let pubsub = match self.pubsub {
            None => None,
            Some((limit, overflow)) => Some(subscriptions(self.subscriptions, limit, overflow, cluster)?),
        };
        let check_ms = non_negative(required(self.pubsub_check_ms, "PUBSUB_CHECK_MS")?, "pubsubReconciliationIntervalMs")?;
        Ok(ClientSettings { base, cluster, read_from, pubsub, pubsub_check: Some(millis(check_ms)) })
    }
}

fn millis(ms: u32) -> Duration {
    Duration::from_millis(u64::from(ms))
}

/// The read strategy a [`wire::read_from`] code names. An AZ strategy without a zone reads
/// from any replica, with a warning, as valkey-glide does.
fn read_from_code(code: i32, client_az: Option<String>) -> Result<ReadFrom, BridgeError> {
    let zone_or_replicas = |strategy: fn(String) -> ReadFrom, name: &str| match client_az.clone() {
        Some(zone) => strategy(zone),
        None => {
            tracing::warn!(target: "glide.config", "readFrom {name} needs clientAZ, which is not set: reading from any replica (PREFER_REPLICA)");
            ReadFrom::PreferReplica
        }
    };
    Ok(match code {
        wire::read_from::PRIMARY => ReadFrom::Primary,
        wire::read_from::PREFER_REPLICA => ReadFrom::PreferReplica,
        wire::read_from::AZ_AFFINITY => zone_or_replicas(ReadFrom::AzAffinity, "AZ_AFFINITY"),
        wire::read_from::AZ_AFFINITY_REPLICAS_AND_PRIMARY => {
            zone_or_replicas(ReadFrom::AzAffinityReplicasAndPrimary, "AZ_AFFINITY_REPLICAS_AND_PRIMARY")
        }
        other => return Err(refuse(format!("readFrom code {other} is not known"))),
    })
}

/// The configured subscriptions as the client's pub/sub state.
fn subscriptions(names: Vec<(i32, Vec<u8>)>, backlog_limit: i64, overflow: i32, cluster: bool) -> Result<Arc<PubSub>, BridgeError> {
    let mut wanted: pubsub::ByMode = Default::default();
    for (mode, name) in names {
        let mode = Mode::from_index(mode).ok_or_else(|| refuse(format!("unknown subscription mode {mode}")))?;
        if mode == Mode::Sharded && !cluster {
            return Err(refuse("sharded subscriptions need a cluster client"));
        }
        wanted[mode as usize].insert(name);
    }
    let limit = usize::try_from(backlog_limit)
        .ok()
        .filter(|l| *l > 0)
        .ok_or_else(|| refuse(format!("the pub/sub backlog limit must be positive, not {backlog_limit}")))?;
    let overflow = match overflow {
        wire::overflow::DROP_OLDEST => Overflow::DropOldest,
        wire::overflow::DROP_NEWEST => Overflow::DropNewest,
        other => return Err(refuse(format!("unknown overflow policy {other}"))),
    };
    Ok(Arc::new(PubSub::new(wanted, limit, overflow)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wire::config::*;

    /// Writes an encoding as Java's `NativeConfig` does.
    #[derive(Default)]
    struct Writer(Vec<u8>);

    impl Writer {
        fn i32(mut self, tag: u8, v: i32) -> Self {
            self.0.push(tag);
            self.0.extend_from_slice(&v.to_be_bytes());
            self
        }
        fn i64(mut self, tag: u8, v: i64) -> Self {
            self.0.push(tag);
            self.0.extend_from_slice(&v.to_be_bytes());
            self
        }
        fn bool(mut self, tag: u8, v: bool) -> Self {
            self.0.extend_from_slice(&[tag, v as u8]);
            self
        }
        fn string(mut self, tag: u8, s: &[u8]) -> Self {
            self.0.push(tag);
            self.0.extend_from_slice(&(s.len() as u32).to_be_bytes());
            self.0.extend_from_slice(s);
            self
        }
        fn address(self, host: &str, port: i32) -> Self {
            let mut w = self.string(ADDRESS, host.as_bytes());
            w.0.extend_from_slice(&port.to_be_bytes());
            w
        }
        fn reconnect(mut self, v: [i32; wire::reconnect::LEN]) -> Self {
            self.0.push(RECONNECT);
            for x in v {
                self.0.extend_from_slice(&x.to_be_bytes());
            }
            self
        }
        fn pubsub(mut self, limit: i64, overflow: i32) -> Self {
            self.0.push(PUBSUB);
            self.0.extend_from_slice(&limit.to_be_bytes());
            self.0.extend_from_slice(&overflow.to_be_bytes());
            self
        }
        fn subscription(mut self, mode: i32, name: &[u8]) -> Self {
            self.0.push(SUBSCRIPTION);
            self.0.extend_from_slice(&mode.to_be_bytes());
            self.0.extend_from_slice(&(name.len() as u32).to_be_bytes());
            self.0.extend_from_slice(name);
            self
        }
    }

    /// Every required field, valid; `protocol`, `cluster`, `read_from` as given.
    fn valid(protocol: i32, cluster: bool, read_from: i32) -> Writer {
        valid_with_backoff(protocol, cluster, read_from, backoff(8, 10, 2, 20))
    }

    /// A backoff as Java's `ConnectionSettings` holds it: each value at its `wire::reconnect`
    /// position.
    fn backoff(num_of_retries: i32, factor: i32, exponent_base: i32, jitter_percent: i32) -> [i32; wire::reconnect::LEN] {
        let mut b = [0; wire::reconnect::LEN];
        b[wire::reconnect::NUM_OF_RETRIES] = num_of_retries;
        b[wire::reconnect::FACTOR] = factor;
        b[wire::reconnect::EXPONENT_BASE] = exponent_base;
        b[wire::reconnect::JITTER_PERCENT] = jitter_percent;
        b
    }

    fn valid_with_backoff(protocol: i32, cluster: bool, read_from: i32, backoff: [i32; wire::reconnect::LEN]) -> Writer {
        Writer::default()
            .address("127.0.0.1", 6379)
            .i64(DATABASE_ID, 0)
            .i32(REQUEST_TIMEOUT_MS, 250)
            .i32(INFLIGHT_LIMIT, 1000)
            .i32(PROTOCOL, protocol)
            .reconnect(backoff)
            .i32(CONNECTION_TIMEOUT_MS, 2000)
            .bool(LAZY_CONNECT, true)
            .bool(CLUSTER, cluster)
            .i32(READ_FROM, read_from)
            .bool(READ_ONLY, false)
            .i32(PUBSUB_CHECK_MS, 0)
    }

    fn refusal(bytes: &[u8]) -> String {
        match decode(bytes, None, None) {
            Ok(_) => panic!("accepted"),
            Err(e) => {
                assert!(format!("{e:?}").contains("ConfigurationError"), "{e:?}");
                e.to_string()
            }
        }
    }

    #[test]
    fn a_valid_configuration_is_read_whole() {
        let bytes = valid(wire::protocol::RESP3, true, wire::read_from::AZ_AFFINITY)
            .string(USERNAME, b"user")
            .string(PASSWORD, b"secret")
            .string(CLIENT_NAME, b"name")
            .string(CLIENT_AZ, b"az-1")
            .address("other", 7000)
            .pubsub(1 << 20, wire::overflow::DROP_NEWEST)
            .subscription(wire::subscription_mode::EXACT, b"news")
            .subscription(wire::subscription_mode::SHARDED, &[0xff, 0x00])
            .0;
        let s = decode(&bytes, None, None).unwrap();
        assert!(s.cluster);
        assert_eq!(s.base.addresses, vec![("127.0.0.1".to_string(), 6379), ("other".to_string(), 7000)]);
        assert_eq!(s.base.username.as_deref(), Some("user"));
        assert_eq!(s.base.current_password().as_deref(), Some("secret"));
        assert_eq!(s.base.client_name.as_deref(), Some("name"));
        assert_eq!(s.base.request_timeout, Duration::from_millis(250));
        assert_eq!(s.base.inflight_limit, 1000);
        assert_eq!(s.base.connection_timeout, Duration::from_millis(2000));
        assert!(s.base.lazy_connect);
        // Four distinct values: two positions swapped would fail here.
        assert_eq!(s.base.backoff, Backoff { num_of_retries: 8, factor_ms: 10, exponent_base: 2, jitter_percent: 20 });
        assert!(matches!(s.read_from, ReadFrom::AzAffinity(ref zone) if zone == "az-1"));
        let (wanted, _) = s.pubsub.expect("subscriptions").subscriptions();
        assert!(wanted[Mode::Exact as usize].contains(b"news".as_slice()));
        assert!(wanted[Mode::Sharded as usize].contains(&vec![0xff, 0x00]));
    }

    #[test]
    fn unknown_codes_are_refused_with_the_same_words_as_before() {
        assert!(refusal(&valid(5, false, 0).0).contains("protocol 5"));
        assert!(refusal(&valid(3, true, 7).0).contains("readFrom code 7"));
        let overflow = valid(3, false, 0).pubsub(1, 9).0;
        assert!(refusal(&overflow).contains("unknown overflow policy 9"));
        let mode = valid(3, false, 0).pubsub(1, 0).subscription(4, b"x").0;
        assert!(refusal(&mode).contains("unknown subscription mode 4"));
        let sharded = valid(3, false, 0).pubsub(1, 0).subscription(wire::subscription_mode::SHARDED, b"x").0;
        assert!(refusal(&sharded).contains("sharded subscriptions need a cluster client"));
        assert!(refusal(&valid(3, false, 0).pubsub(0, 0).0).contains("backlog limit must be positive"));
        assert!(refusal(&valid(3, false, 0).address("h", 70000).0).contains("port 70000 of h is out of range"));
    }

    #[test]
    fn the_encoding_itself_is_checked() {
        assert!(refusal(&valid(3, false, 0).i32(200, 1).0).contains("unknown configuration field 200"));
        assert!(refusal(&valid(3, false, 0).bool(CLUSTER, true).0).contains("field 12 is given twice"));
        let mut truncated = valid(3, false, 0).0;
        truncated.pop();
        assert!(refusal(&truncated).contains("ends inside field 18"));
        let mut not_bool = valid(3, false, 0).0;
        not_bool.extend_from_slice(&[LAZY_CONNECT, 2]);
        assert!(refusal(&not_bool).contains("is a boolean, not 2"));
        let early = valid(3, false, 0).subscription(0, b"x").0;
        assert!(refusal(&early).contains("before the PUBSUB field"));
        assert!(refusal(&Writer::default().address("h", 1).0).contains("has no CLUSTER"));
        let mut missing = valid(3, false, 0).0;
        missing.truncate(missing.len() - 5); // PUBSUB_CHECK_MS gone
        assert!(refusal(&missing).contains("has no PUBSUB_CHECK_MS"));
    }

    #[test]
    fn negative_numbers_are_refused() {
        let mut w = Writer::default().address("h", 1);
        for (tag, v) in [(REQUEST_TIMEOUT_MS, -1), (INFLIGHT_LIMIT, 1), (PROTOCOL, 3), (CONNECTION_TIMEOUT_MS, 1), (READ_FROM, 0), (PUBSUB_CHECK_MS, 0)] {
            w = w.i32(tag, v);
        }
        let w = w.i64(DATABASE_ID, 0).reconnect(backoff(1, 1, 1, 1)).bool(LAZY_CONNECT, true).bool(CLUSTER, false).bool(READ_ONLY, false);
        assert!(refusal(&w.0).contains("requestTimeout must not be negative"));
        let check = valid(3, false, 0).0;
        let check = [&check[..check.len() - 5], &Writer::default().i32(PUBSUB_CHECK_MS, -1).0[..]].concat();
        assert!(refusal(&check).contains("pubsubReconciliationIntervalMs must not be negative"));
    }

    /// Each backoff value is read from its `wire::reconnect` position: a negative one there is
    /// refused under its own name (Java's NativeBridgeTest sends the same from Java).
    #[test]
    fn each_backoff_value_is_read_from_its_position() {
        let names = [
            (wire::reconnect::NUM_OF_RETRIES, "numOfRetries"),
            (wire::reconnect::FACTOR, "factor"),
            (wire::reconnect::EXPONENT_BASE, "exponentBase"),
            (wire::reconnect::JITTER_PERCENT, "jitterPercent"),
        ];
        assert_eq!(names.len(), wire::reconnect::LEN);
        for (position, name) in names {
            let mut b = backoff(8, 10, 2, 20);
            b[position] = -1;
            let refused = refusal(&valid_with_backoff(3, false, 0, b).0);
            assert!(refused.contains(&format!("reconnectStrategy.{name} must not be negative")), "{refused}");
        }
    }
}
