//! IAM authentication tokens for Amazon ElastiCache and Amazon MemoryDB.
//!
//! Both services can authenticate a Valkey/Redis user with AWS IAM instead of
//! a password: the client sends `AUTH <user> <token>` where the token is a
//! short-lived, SigV4-presigned request to the service's `connect` action.
//! The server checks the signature and the caller's IAM permission
//! (`elasticache:Connect` / `memorydb:Connect`) for that cluster and user.
//!
//! # Token format
//!
//! The token is the presigned URL of `GET https://{cluster}/?Action=connect&User={user}`
//! without its `https://` prefix:
//!
//! ```text
//! {cluster}/?Action=connect&User={user}&X-Amz-Algorithm=AWS4-HMAC-SHA256
//!   &X-Amz-Credential={key id}%2F{yyyymmdd}%2F{region}%2F{elasticache|memorydb}%2Faws4_request
//!   &X-Amz-Date={yyyymmdd}T{hhmmss}Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host
//!   &X-Amz-Signature={64 hex digits}[&X-Amz-Security-Token={session token}]
//! ```
//!
//! (one line, without the breaks). The cluster name is the signed `host`
//! header and appears as written; the user name, the credential and the
//! session token are percent-encoded by the SigV4 rules (module `sigv4`). The
//! payload hash is that of the empty body, the service name for signing is
//! `elasticache` or `memorydb`, and the token is valid for 900 seconds
//! ([`TOKEN_LIFETIME`]). This is byte for byte what valkey-glide 2.3.1 sends
//! (it signs with the AWS SDK for Rust's `aws-sigv4`), including the parameter
//! order, which puts the session token after the signature; that was checked
//! against `aws-sigv4` 1.6.6 for 108 inputs outside this repository. The AWS
//! SDK for Java orders the parameters differently; the service sorts them
//! again before it checks the signature, so both are accepted, and
//! `IamTokenTest` (Java) compares every parameter with that SDK's. A
//! serverless cache would also need `ResourceType=ServerlessCache`, which
//! valkey-glide does not add; neither do we.
//!
//! # Refresh
//!
//! [`IamTokens`] holds the current token. A token is checked when a
//! connection authenticates; the connection then stays authenticated when the
//! token expires. The services close an IAM-authenticated connection after 12
//! hours unless it sends `AUTH` with a fresh token before that; valkey-glide
//! does not: a refresh only replaces the password its connections use when
//! they reconnect (and a reconnect more than 15 minutes after the last token
//! makes a new one first). So the client keeps a token younger than its
//! 15-minute lifetime at hand by calling [`IamTokens::refresh`] every
//! [`IamTokens::refresh_interval`] (default 5 minutes, at most just under 12
//! hours) and uses [`IamTokens::current`] as the password whenever it
//! (re)connects. A failed refresh keeps the previous token, which stays valid
//! until it expires.
//!
//! Credentials come from the standard AWS sources ([`load_credentials`]); temporary
//! ones are reused across refreshes while they remain valid for a whole token
//! lifetime, and loaded again after that.
//!
//! `refresh` blocks (files, and HTTP to the container or instance credential
//! endpoints); call it off the runtime's worker threads, e.g. in
//! `spawn_blocking`.

mod credentials;
mod http;
mod json;
mod profile;
pub(crate) mod sigv4;
pub(crate) mod utc;

use std::time::{Duration, SystemTime};

use parking_lot::{Mutex, RwLock};

pub use credentials::{load_credentials, AwsCredentials};

/// How long a token is valid (`X-Amz-Expires`): 15 minutes.
pub const TOKEN_LIFETIME: Duration = Duration::from_secs(900);

/// The refresh interval when none is configured: 5 minutes.
pub const DEFAULT_REFRESH_INTERVAL: Duration = Duration::from_secs(300);

/// Refresh intervals must be shorter than this: 12 hours.
pub const MAX_REFRESH_INTERVAL: Duration = Duration::from_secs(12 * 60 * 60);

/// The AWS service a cluster belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IamService {
    ElastiCache,
    MemoryDb,
}

impl IamService {
    /// The service name SigV4 signs for.
    pub fn signing_name(self) -> &'static str {
        match self {
            IamService::ElastiCache => "elasticache",
            IamService::MemoryDb => "memorydb",
        }
    }
}

/// What a token is made for, and how often to renew it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IamSettings {
    /// The replication group (ElastiCache) or cluster (MemoryDB) name.
    pub cluster_name: String,
    /// The Valkey/Redis user the token authenticates.
    pub user: String,
    pub service: IamService,
    /// The cluster's AWS region, e.g. `us-east-1`.
    pub region: String,
    /// How often the client should call [`IamTokens::refresh`].
    pub refresh_interval: Duration,
}

/// The refresh interval for a configured number of seconds (`None`: the
/// default). Like valkey-glide, accepts 1 second up to (not including) 12
/// hours, and warns above 15 minutes, where a token could expire before the
/// next refresh replaces it.
pub fn refresh_interval_from_seconds(seconds: Option<u64>) -> Result<Duration, String> {
    let Some(seconds) = seconds else { return Ok(DEFAULT_REFRESH_INTERVAL) };
    let interval = Duration::from_secs(seconds);
    if seconds == 0 || interval >= MAX_REFRESH_INTERVAL {
        return Err(format!(
            "IAM refreshIntervalSeconds must be between 1 and {} (12 hours, exclusive), got {seconds}",
            MAX_REFRESH_INTERVAL.as_secs()
        ));
    }
    if interval >= TOKEN_LIFETIME {
        tracing::warn!(
            seconds,
            "IAM: a refresh interval of 15 minutes or more lets the token expire before it is renewed; \
             connections made after it expired fail to authenticate until the next refresh"
        );
    }
    Ok(interval)
}

/// The token for these settings and credentials, signed at `at`. Pure.
pub fn presigned_token(settings: &IamSettings, credentials: &AwsCredentials, at: SystemTime) -> String {
    let presigned = sigv4::presign_get(&sigv4::Presign {
        host: &settings.cluster_name,
        path: "/",
        params: &[("Action", "connect"), ("User", &settings.user)],
        payload_hash: sigv4::EMPTY_PAYLOAD_SHA256,
        region: &settings.region,
        service: settings.service.signing_name(),
        access_key_id: &credentials.access_key_id,
        secret_access_key: &credentials.secret_access_key,
        session_token: credentials.session_token.as_deref(),
        at,
        expires_secs: TOKEN_LIFETIME.as_secs(),
    });
    format!("{}/?{}", settings.cluster_name, presigned.query_string())
}

/// Checks what the services and the token format need of the settings.
pub fn validate(settings: &IamSettings) -> Result<(), String> {
    // The cluster name is the host of the signed request: letters, digits and
    // `-._` (ElastiCache and MemoryDB names use a subset of these).
    let name = &settings.cluster_name;
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_')) {
        return Err(format!(
            "IAM clusterName must be a non-empty name of letters, digits, '-', '.' and '_', got {name:?}"
        ));
    }
    if settings.user.is_empty() {
        return Err("IAM authentication needs a username".into());
    }
    let region = &settings.region;
    if region.is_empty() || !region.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(format!("IAM region must be an AWS region name such as us-east-1, got {region:?}"));
    }
    if settings.refresh_interval.is_zero() || settings.refresh_interval >= MAX_REFRESH_INTERVAL {
        return Err(format!(
            "IAM refresh interval must be between 1 second and 12 hours (exclusive), got {:?}",
            settings.refresh_interval
        ));
    }
    Ok(())
}

type Loader = Box<dyn Fn() -> Result<AwsCredentials, String> + Send + Sync>;

/// The current IAM token of one client, and how to renew it.
///
/// Cheap to read ([`current`](IamTokens::current) clones a string under a
/// read lock); [`refresh`](IamTokens::refresh) blocks while it loads
/// credentials and is serialised, so concurrent refreshes do not stampede the
/// credential endpoints.
pub struct IamTokens {
    settings: IamSettings,
    /// The token and when it was signed.
    token: RwLock<(String, SystemTime)>,
    /// Set when the client closes: the periodic refresh ends.
    stopped: std::sync::atomic::AtomicBool,
    /// The credentials of the last token; held for the whole of a refresh.
    credentials: Mutex<Option<AwsCredentials>>,
    load: Loader,
    clock: fn() -> SystemTime,
}

impl std::fmt::Debug for IamTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IamTokens").field("settings", &self.settings).field("token", &"<redacted>").finish()
    }
}

impl IamTokens {
    /// Checks the settings and makes the first token, loading credentials
    /// from the standard sources (blocking). Fails if the settings are
    /// invalid or no credentials can be loaded.
    pub fn new(settings: IamSettings) -> Result<IamTokens, String> {
        IamTokens::with_loader(settings, Box::new(load_credentials), SystemTime::now)
    }

    pub(crate) fn with_loader(settings: IamSettings, load: Loader, clock: fn() -> SystemTime) -> Result<IamTokens, String> {
        validate(&settings)?;
        let tokens = IamTokens {
            settings,
            token: RwLock::new((String::new(), std::time::UNIX_EPOCH)),
            stopped: Default::default(),
            credentials: Mutex::new(None),
            load,
            clock,
        };
        tokens.refresh()?;
        Ok(tokens)
    }

    /// The current token.
    pub fn current(&self) -> String {
        self.token.read().0.clone()
    }

    /// Whether the current token expires within a minute (or has): a new
    /// connection then signs a new one first.
    pub fn is_stale(&self) -> bool {
        let signed = self.token.read().1;
        let age = (self.clock)().duration_since(signed).unwrap_or_default();
        age + Duration::from_secs(60) >= TOKEN_LIFETIME
    }

    /// Ends the periodic refresh (the client closed).
    pub fn stop(&self) {
        self.stopped.store(true, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn is_stopped(&self) -> bool {
        self.stopped.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// How often the client should call [`refresh`](IamTokens::refresh).
    pub fn refresh_interval(&self) -> Duration {
        self.settings.refresh_interval
    }

    pub fn settings(&self) -> &IamSettings {
        &self.settings
    }

    /// Makes a new token now and returns it; it becomes [`current`](IamTokens::current).
    ///
    /// Credentials with an expiry are reused while they stay valid for a whole
    /// token lifetime; others are loaded again, so that rotated keys (a
    /// rewritten credentials file) take effect. If loading fails, credentials
    /// from before that still work are used (with a warning); otherwise the
    /// error is returned and the previous token stays current.
    pub fn refresh(&self) -> Result<String, String> {
        let mut cached = self.credentials.lock();
        let now = (self.clock)();
        let reusable = cached.as_ref().filter(|c| c.expires.is_some() && c.valid_for(now, TOKEN_LIFETIME));
        let credentials = match reusable {
            Some(credentials) => credentials.clone(),
            None => match (self.load)() {
                Ok(fresh) => fresh,
                Err(error) => match cached.as_ref().filter(|c| c.valid_for(now, Duration::ZERO)) {
                    Some(previous) => {
                        tracing::warn!(%error, "IAM: cannot reload AWS credentials; signing with the previous ones");
                        previous.clone()
                    }
                    None => return Err(format!("IAM authentication: cannot load AWS credentials: {error}")),
                },
            },
        };
        let token = presigned_token(&self.settings, &credentials, now);
        *cached = Some(credentials);
        *self.token.write() = (token.clone(), now);
        tracing::debug!(cluster = %self.settings.cluster_name, user = %self.settings.user, "IAM: new token");
        Ok(token)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::UNIX_EPOCH;

    use super::*;

    fn settings(service: IamService) -> IamSettings {
        IamSettings {
            cluster_name: "my-cluster".into(),
            user: "app-user".into(),
            service,
            region: "us-east-1".into(),
            refresh_interval: DEFAULT_REFRESH_INTERVAL,
        }
    }

    fn example_keys(token: Option<&str>) -> AwsCredentials {
        AwsCredentials {
            access_key_id: "AKIAIOSFODNN7EXAMPLE".into(),
            secret_access_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into(),
            session_token: token.map(str::to_string),
            expires: None,
        }
    }

    /// 2024-01-02T03:04:05Z
    const AT: u64 = 1_704_164_645;

    #[test]
    fn token_format_with_fixed_time_and_keys() {
        let at = UNIX_EPOCH + Duration::from_secs(AT);
        let token = presigned_token(&settings(IamService::ElastiCache), &example_keys(None), at);
        let expected_prefix = "my-cluster/?Action=connect&User=app-user&X-Amz-Algorithm=AWS4-HMAC-SHA256\
            &X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240102%2Fus-east-1%2Felasticache%2Faws4_request\
            &X-Amz-Date=20240102T030405Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=";
        assert!(token.starts_with(expected_prefix), "{token}");
        let signature = &token[expected_prefix.len()..];
        assert_eq!(signature.len(), 64, "{token}");
        assert!(signature.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()), "{token}");

        // Recompute the signature from its definition to pin the canonical form.
        let canonical_request = "GET\n/\nAction=connect&User=app-user&X-Amz-Algorithm=AWS4-HMAC-SHA256\
            &X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240102%2Fus-east-1%2Felasticache%2Faws4_request\
            &X-Amz-Date=20240102T030405Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host\n\
            host:my-cluster\n\nhost\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        let string_to_sign = format!(
            "AWS4-HMAC-SHA256\n20240102T030405Z\n20240102/us-east-1/elasticache/aws4_request\n{}",
            sigv4::sha256_hex(canonical_request.as_bytes())
        );
        let key = sigv4::signing_key("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "20240102", "us-east-1", "elasticache");
        let expected = ring::hmac::sign(&ring::hmac::Key::new(ring::hmac::HMAC_SHA256, key.as_ref()), string_to_sign.as_bytes());
        let expected_hex: String = expected.as_ref().iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(signature, expected_hex);
    }

    #[test]
    fn memorydb_session_token_and_encoded_user() {
        let at = UNIX_EPOCH + Duration::from_secs(AT);
        let mut memorydb = settings(IamService::MemoryDb);
        memorydb.user = "ops user+1@corp/é".into();
        memorydb.region = "eu-west-3".into();
        let token = presigned_token(&memorydb, &example_keys(Some("IQoJb3JpZ2luX2VjE/a+b=")), at);
        assert!(token.starts_with("my-cluster/?Action=connect&User=ops%20user%2B1%40corp%2F%C3%A9&X-Amz-Algorithm="), "{token}");
        assert!(token.contains("&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240102%2Feu-west-3%2Fmemorydb%2Faws4_request&"), "{token}");
        assert!(token.ends_with("&X-Amz-Security-Token=IQoJb3JpZ2luX2VjE%2Fa%2Bb%3D"), "{token}");
        let names: Vec<&str> =
            token.split_once('?').map(|(_, q)| q).unwrap_or_default().split('&').filter_map(|p| p.split_once('=')).map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                "Action",
                "User",
                "X-Amz-Algorithm",
                "X-Amz-Credential",
                "X-Amz-Date",
                "X-Amz-Expires",
                "X-Amz-SignedHeaders",
                "X-Amz-Signature",
                "X-Amz-Security-Token"
            ]
        );
        // Deterministic: same inputs, same token; another second, another signature.
        assert_eq!(token, presigned_token(&memorydb, &example_keys(Some("IQoJb3JpZ2luX2VjE/a+b=")), at));
        assert_ne!(token, presigned_token(&memorydb, &example_keys(Some("IQoJb3JpZ2luX2VjE/a+b=")), at + Duration::from_secs(1)));
    }

    #[test]
    fn refresh_interval_bounds() {
        assert_eq!(refresh_interval_from_seconds(None), Ok(Duration::from_secs(300)));
        assert_eq!(refresh_interval_from_seconds(Some(1)), Ok(Duration::from_secs(1)));
        assert_eq!(refresh_interval_from_seconds(Some(43_199)), Ok(Duration::from_secs(43_199)));
        assert!(refresh_interval_from_seconds(Some(0)).is_err());
        assert!(refresh_interval_from_seconds(Some(43_200)).is_err());
    }

    #[test]
    fn settings_are_validated() {
        let ok = |s: IamSettings| IamTokens::with_loader(s, Box::new(|| Ok(example_keys(None))), SystemTime::now);
        assert!(ok(settings(IamService::ElastiCache)).is_ok());
        for (field, value) in [("cluster", ""), ("cluster", "a/b"), ("cluster", "a b"), ("user", ""), ("region", ""), ("region", "us east")] {
            let mut s = settings(IamService::ElastiCache);
            match field {
                "cluster" => s.cluster_name = value.into(),
                "user" => s.user = value.into(),
                _ => s.region = value.into(),
            }
            assert!(ok(s).is_err(), "{field} = {value:?}");
        }
        let mut s = settings(IamService::ElastiCache);
        s.refresh_interval = Duration::ZERO;
        assert!(ok(s).is_err());
    }

    /// A loader that counts its calls and answers from a shared slot.
    fn scripted(slot: Arc<Mutex<Result<AwsCredentials, String>>>, calls: Arc<AtomicUsize>) -> Loader {
        Box::new(move || {
            calls.fetch_add(1, Ordering::SeqCst);
            slot.lock().clone()
        })
    }

    static FAKE_NOW: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(AT);

    fn fake_clock() -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(FAKE_NOW.load(Ordering::SeqCst))
    }

    #[test]
    fn refresh_caches_temporary_credentials_and_survives_failures() {
        let start = UNIX_EPOCH + Duration::from_secs(AT);
        let mut temporary = example_keys(Some("session"));
        temporary.expires = Some(start + Duration::from_secs(3600));
        let slot = Arc::new(Mutex::new(Ok(temporary.clone())));
        let calls = Arc::new(AtomicUsize::new(0));
        FAKE_NOW.store(AT, Ordering::SeqCst);
        let tokens = IamTokens::with_loader(settings(IamService::ElastiCache), scripted(slot.clone(), calls.clone()), fake_clock)
            .unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        let first = tokens.current();
        assert!(first.contains("X-Amz-Date=20240102T030405Z"), "{first}");

        // Ten minutes later: the credentials are good for 50 more minutes, so reused.
        FAKE_NOW.store(AT + 600, Ordering::SeqCst);
        let second = tokens.refresh().unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        assert_ne!(second, first);
        assert_eq!(tokens.current(), second);

        // 50 minutes in: fewer than 15 minutes left, so they are loaded again;
        // the load fails, but the old ones still work: used, with a warning.
        FAKE_NOW.store(AT + 3000, Ordering::SeqCst);
        *slot.lock() = Err("endpoint down".into());
        let third = tokens.refresh().unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        assert!(third.contains("X-Amz-Security-Token=session"));

        // Past their expiry, a failing load is an error and the token stays.
        FAKE_NOW.store(AT + 3600, Ordering::SeqCst);
        let error = tokens.refresh().unwrap_err();
        assert!(error.contains("endpoint down"), "{error}");
        assert_eq!(tokens.current(), third);

        // New credentials: used at once.
        *slot.lock() = Ok(example_keys(None));
        let fourth = tokens.refresh().unwrap();
        assert!(!fourth.contains("X-Amz-Security-Token"), "{fourth}");
    }

    #[test]
    fn long_term_keys_are_loaded_again_at_each_refresh() {
        let slot = Arc::new(Mutex::new(Ok(example_keys(None))));
        let calls = Arc::new(AtomicUsize::new(0));
        let tokens =
            IamTokens::with_loader(settings(IamService::MemoryDb), scripted(slot.clone(), calls.clone()), SystemTime::now).unwrap();
        tokens.refresh().unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        // A rotated key takes effect at the next refresh.
        let mut rotated = example_keys(None);
        rotated.access_key_id = "AKIAROTATED".into();
        *slot.lock() = Ok(rotated);
        assert!(tokens.refresh().unwrap().contains("X-Amz-Credential=AKIAROTATED%2F"));
        // A failed reload of long-term keys falls back to the previous ones.
        *slot.lock() = Err("file gone".into());
        assert!(tokens.refresh().unwrap().contains("X-Amz-Credential=AKIAROTATED%2F"));
        assert_eq!(tokens.refresh_interval(), DEFAULT_REFRESH_INTERVAL);
    }

    #[test]
    fn creation_fails_without_credentials() {
        let error = IamTokens::with_loader(
            settings(IamService::ElastiCache),
            Box::new(|| Err("no AWS credentials found (...)".into())),
            SystemTime::now,
        )
        .unwrap_err();
        assert!(error.starts_with("IAM authentication: cannot load AWS credentials: no AWS credentials found"), "{error}");
    }
}
