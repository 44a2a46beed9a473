//! AWS credentials from the standard sources, in the order the AWS SDKs use.
//!
//! [`load_credentials`] tries, and the first source that has credentials wins:
//!
//! 1. **Environment**: `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`, with
//!    `AWS_SESSION_TOKEN` for temporary credentials.
//! 2. **Shared files**: the profile named by `AWS_PROFILE` (default `default`)
//!    in `~/.aws/credentials` and `~/.aws/config` (paths overridden by
//!    `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE`; the credentials
//!    file wins where both set a key), with the keys `aws_access_key_id`,
//!    `aws_secret_access_key` and `aws_session_token`. See [`super::profile`]
//!    for the file format.
//! 3. **Web identity** (`AWS_WEB_IDENTITY_TOKEN_FILE` with `AWS_ROLE_ARN`, as
//!    set by EKS "IAM roles for service accounts"): recognised but not
//!    supported, see below. It fails the load rather than falling through, so
//!    that the client never signs as the node's role when the pod was given
//!    its own.
//! 4. **Container** (ECS task roles, EKS Pod Identity): a GET of
//!    `http://169.254.170.2` + `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`, or of
//!    `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with the `Authorization` header from
//!    the file `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` or the variable
//!    `AWS_CONTAINER_AUTHORIZATION_TOKEN`. A full URI must be plain `http` to a
//!    loopback address or to the ECS/EKS agent (`169.254.170.2`,
//!    `169.254.170.23`, `fd00:ec2::23`), as the SDKs require, so that
//!    credentials are never fetched from an arbitrary host.
//! 5. **EC2 instance metadata** (IMDSv2): a session token from
//!    `PUT /latest/api/token`, then the role name from
//!    `/latest/meta-data/iam/security-credentials/` and the role's credentials
//!    from `…/security-credentials/{role}`. The endpoint is
//!    `http://169.254.169.254` (`http://[fd00:ec2::254]` with
//!    `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6`), or
//!    `AWS_EC2_METADATA_SERVICE_ENDPOINT`; `AWS_EC2_METADATA_DISABLED=true`
//!    skips this source. IMDSv1 (no session token) is not used.
//!
//! A source that is not configured is skipped; a source that is configured
//! but fails (an unreadable token file, an endpoint that answers with an
//! error, a profile of a kind not supported) stops the search with that error,
//! as in the SDKs, instead of silently trying the next identity.
//!
//! # Not supported
//!
//! Profiles with `role_arn` (assume role), `web_identity_token_file`, the web
//! identity variables, and SSO profiles (`sso_session`, `sso_start_url`) all
//! need a call to AWS STS or the SSO portal: an HTTPS request signed with
//! SigV4 to a regional endpoint, with retries and the services' XML/JSON
//! responses. `credential_process` runs an external program the user names.
//! Neither fits a small, dependency-free loader inside a database client, so
//! these fail with an error naming the setting. The workaround is to obtain
//! the credentials outside the client (for example `aws configure
//! export-credentials --format env`) and pass them through the environment,
//! or to use container or instance credentials.
//!
//! # Blocking
//!
//! The container and instance sources make HTTP requests with bounded
//! timeouts (container: 2 s to connect, 5 s in all; instance metadata: 1 s
//! and 2 s per request). Call [`load_credentials`] off the runtime's worker
//! threads.

use std::fmt;
use std::net::IpAddr;
use std::time::{Duration, SystemTime};

use super::http::{self, HttpUrl, Timeouts};
use super::json;
use super::profile;
use super::utc::parse_rfc3339;

/// AWS credentials: an access key pair, the session token of temporary
/// credentials, and when those expire.
#[derive(Clone, PartialEq, Eq)]
pub struct AwsCredentials {
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: Option<String>,
    /// When temporary credentials stop working; `None` for long-term keys
    /// (and for temporary ones whose source did not say).
    pub expires: Option<SystemTime>,
}

impl fmt::Debug for AwsCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AwsCredentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .field("session_token", &self.session_token.as_ref().map(|_| "<redacted>"))
            .field("expires", &self.expires)
            .finish()
    }
}

impl AwsCredentials {
    /// Whether these credentials still work `margin` after `now` (always, if
    /// they have no expiry).
    pub fn valid_for(&self, now: SystemTime, margin: Duration) -> bool {
        match self.expires {
            None => true,
            Some(expires) => now.checked_add(margin).is_some_and(|later| later < expires),
        }
    }
}

/// Loads credentials from the standard sources, the first that has them
/// winning: the environment (`AWS_ACCESS_KEY_ID`, ...), the shared
/// credentials and config files (profile `AWS_PROFILE`), the container
/// endpoint (ECS, EKS Pod Identity) and the EC2 instance metadata service
/// (IMDSv2). Web identity, assume-role, SSO and `credential_process`
/// configurations are refused with an error that names them.
///
/// Blocking (bounded by timeouts of a few seconds); call it off the runtime's
/// worker threads or via `spawn_blocking`.
pub fn load_credentials() -> Result<AwsCredentials, String> {
    load_with(&|name| std::env::var(name).ok())
}

/// Reads a setting: `vars` is the process environment, or a map in tests.
pub(crate) type Vars<'a> = &'a dyn Fn(&str) -> Option<String>;

/// A variable's value; unset, empty and blank are all "not set".
fn var(vars: Vars<'_>, name: &str) -> Option<String> {
    vars(name).filter(|v| !v.trim().is_empty())
}

/// What one source had to say.
enum Outcome {
    Found(AwsCredentials),
    /// Not configured here; the reason is kept for the final error message.
    NotHere(String),
    /// Configured but failed: the search stops.
    Failed(String),
}

/// One credential source.
type Source = fn(Vars<'_>) -> Outcome;

/// [`load_credentials`] with its settings read through `vars`.
pub(crate) fn load_with(vars: Vars<'_>) -> Result<AwsCredentials, String> {
    let sources: [(&str, Source); 5] = [
        ("environment", from_environment),
        ("shared config files", from_profile),
        ("web identity", from_web_identity),
        ("container endpoint", from_container),
        ("instance metadata", from_instance_metadata),
    ];
    let mut skipped = Vec::new();
    for (name, source) in sources {
        match source(vars) {
            Outcome::Found(credentials) => {
                tracing::debug!(source = name, access_key_id = %credentials.access_key_id, expires = ?credentials.expires, "IAM: loaded AWS credentials");
                return Ok(credentials);
            }
            Outcome::NotHere(reason) => skipped.push(reason),
            Outcome::Failed(error) => return Err(format!("AWS credentials from the {name}: {error}")),
        }
    }
    Err(format!("no AWS credentials found ({})", skipped.join("; ")))
}

fn from_environment(vars: Vars<'_>) -> Outcome {
    match (var(vars, "AWS_ACCESS_KEY_ID"), var(vars, "AWS_SECRET_ACCESS_KEY")) {
        (Some(access_key_id), Some(secret_access_key)) => Outcome::Found(AwsCredentials {
            access_key_id: access_key_id.trim().to_string(),
            secret_access_key: secret_access_key.trim().to_string(),
            session_token: var(vars, "AWS_SESSION_TOKEN").map(|t| t.trim().to_string()),
            expires: None,
        }),
        (None, None) => Outcome::NotHere("AWS_ACCESS_KEY_ID is not set".into()),
        (Some(_), None) => Outcome::NotHere("AWS_ACCESS_KEY_ID is set without AWS_SECRET_ACCESS_KEY".into()),
        (None, Some(_)) => Outcome::NotHere("AWS_SECRET_ACCESS_KEY is set without AWS_ACCESS_KEY_ID".into()),
    }
}

/// The user's home directory, as the SDKs find it.
fn home_dir(vars: Vars<'_>) -> Option<String> {
    var(vars, "HOME")
        .or_else(|| var(vars, "USERPROFILE"))
        .or_else(|| Some(format!("{}{}", var(vars, "HOMEDRIVE")?, var(vars, "HOMEPATH")?)))
}

/// `path` with a leading `~` replaced by the home directory.
fn expand_home(path: &str, vars: Vars<'_>) -> String {
    let rest = match path.strip_prefix('~') {
        Some(rest) if rest.is_empty() || rest.starts_with(['/', '\\']) => rest,
        _ => return path.to_string(),
    };
    match home_dir(vars) {
        Some(home) => format!("{home}{rest}"),
        None => path.to_string(),
    }
}

/// A file's text; `None` if it does not exist or cannot be read (noted in `skipped`).
fn read_optional(path: &str, skipped: &mut Vec<String>) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            tracing::warn!(path, error = %e, "IAM: cannot read an AWS shared config file");
            skipped.push(format!("{path} is unreadable: {e}"));
            None
        }
    }
}

fn from_profile(vars: Vars<'_>) -> Outcome {
    let profile_name = var(vars, "AWS_PROFILE").map(|p| p.trim().to_string()).unwrap_or_else(|| "default".into());
    let home = home_dir(vars);
    let path = |variable: &str, default_name: &str| -> Option<String> {
        match var(vars, variable) {
            Some(p) => Some(expand_home(p.trim(), vars)),
            None => home.as_ref().map(|h| format!("{h}/.aws/{default_name}")),
        }
    };
    let credentials_path = path("AWS_SHARED_CREDENTIALS_FILE", "credentials");
    let config_path = path("AWS_CONFIG_FILE", "config");
    let mut notes = Vec::new();
    let credentials_text = credentials_path.as_deref().and_then(|p| read_optional(p, &mut notes));
    let config_text = config_path.as_deref().and_then(|p| read_optional(p, &mut notes));
    let Some(properties) = profile::merged(config_text.as_deref(), credentials_text.as_deref(), &profile_name) else {
        notes.insert(0, format!("no profile '{profile_name}' in the shared config files"));
        return Outcome::NotHere(notes.join(", "));
    };
    let get = |key: &str| properties.get(key).map(|v| v.trim()).filter(|v| !v.is_empty());

    for (key, what) in [
        ("role_arn", "assuming a role (role_arn) needs AWS STS"),
        ("web_identity_token_file", "web identity (web_identity_token_file) needs AWS STS"),
        ("sso_session", "IAM Identity Center (sso_session) needs the SSO portal"),
        ("sso_start_url", "IAM Identity Center (sso_start_url) needs the SSO portal"),
        ("credential_process", "credential_process runs an external program"),
    ] {
        if get(key).is_some() {
            return Outcome::Failed(format!(
                "profile '{profile_name}' uses {what}, which glide-jni does not support; \
                 export the credentials to AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN instead"
            ));
        }
    }
    match (get("aws_access_key_id"), get("aws_secret_access_key")) {
        (Some(access_key_id), Some(secret_access_key)) => Outcome::Found(AwsCredentials {
            access_key_id: access_key_id.to_string(),
            secret_access_key: secret_access_key.to_string(),
            session_token: get("aws_session_token").map(str::to_string),
            expires: None,
        }),
        (None, None) => Outcome::NotHere(format!("profile '{profile_name}' has no access keys")),
        _ => Outcome::Failed(format!(
            "profile '{profile_name}' sets only one of aws_access_key_id and aws_secret_access_key"
        )),
    }
}

fn from_web_identity(vars: Vars<'_>) -> Outcome {
    match (var(vars, "AWS_WEB_IDENTITY_TOKEN_FILE"), var(vars, "AWS_ROLE_ARN")) {
        (Some(_), Some(_)) => Outcome::Failed(
            "AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN are set (web identity, e.g. EKS IAM roles for service \
             accounts), which needs AWS STS and glide-jni does not support; use EKS Pod Identity or pass \
             credentials in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN"
                .into(),
        ),
        _ => Outcome::NotHere("no web identity token".into()),
    }
}

/// The ECS agent, which serves `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`.
const ECS_AGENT: &str = "http://169.254.170.2";

const CONTAINER_TIMEOUTS: Timeouts = Timeouts { connect: Duration::from_secs(2), total: Duration::from_secs(5) };

/// Whether a full container credentials URI may be used: its host must be a
/// loopback address or one of the ECS/EKS agents' link-local addresses.
fn container_host_allowed(url: &HttpUrl) -> Result<(), String> {
    let agents: [IpAddr; 3] = [
        IpAddr::from([169, 254, 170, 2]),
        IpAddr::from([169, 254, 170, 23]),
        IpAddr::from([0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x23]),
    ];
    if let Ok(ip) = url.host.parse::<IpAddr>() {
        return if ip.is_loopback() || agents.contains(&ip) {
            Ok(())
        } else {
            Err(format!("host {} is neither a loopback address nor the ECS/EKS agent", url.host))
        };
    }
    // A name: every address it resolves to must be loopback.
    let addresses = url.addresses()?;
    if addresses.iter().all(|a| a.ip().is_loopback()) {
        Ok(())
    } else {
        Err(format!("host {} does not resolve to loopback addresses only", url.host))
    }
}

fn from_container(vars: Vars<'_>) -> Outcome {
    let url_text = if let Some(relative) = var(vars, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
        let relative = relative.trim();
        if relative.starts_with('/') {
            format!("{ECS_AGENT}{relative}")
        } else {
            format!("{ECS_AGENT}/{relative}")
        }
    } else if let Some(full) = var(vars, "AWS_CONTAINER_CREDENTIALS_FULL_URI") {
        full.trim().to_string()
    } else {
        return Outcome::NotHere("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and _FULL_URI are not set".into());
    };
    let url = match HttpUrl::parse(&url_text) {
        Ok(url) => url,
        Err(e) => return Outcome::Failed(e),
    };
    if let Err(e) = container_host_allowed(&url) {
        return Outcome::Failed(format!("refusing {url_text}: {e}"));
    }
    let authorization = if let Some(file) = var(vars, "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") {
        match std::fs::read_to_string(file.trim()) {
            Ok(token) => Some(token.trim().to_string()),
            Err(e) => return Outcome::Failed(format!("reading AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE {}: {e}", file.trim())),
        }
    } else {
        var(vars, "AWS_CONTAINER_AUTHORIZATION_TOKEN").map(|t| t.trim().to_string())
    };
    let mut headers = vec![("Accept", "application/json")];
    if let Some(token) = authorization.as_deref() {
        if http::check_header_safe("the container authorization token", token).is_err() {
            return Outcome::Failed("the container authorization token contains control characters".into());
        }
        headers.push(("Authorization", token));
    }
    let response = match http::request("GET", &url, &headers, CONTAINER_TIMEOUTS) {
        Ok(response) => response,
        Err(e) => return Outcome::Failed(e),
    };
    if response.status != 200 {
        return Outcome::Failed(format!("{url_text} answered {}: {}", response.status, response.body_excerpt()));
    }
    match parse_credentials_document(&response.body) {
        Ok(credentials) => Outcome::Found(credentials),
        Err(e) => Outcome::Failed(format!("{url_text}: {e}")),
    }
}

/// Reads the JSON document the container and instance endpoints return.
fn parse_credentials_document(body: &[u8]) -> Result<AwsCredentials, String> {
    let text = std::str::from_utf8(body).map_err(|_| "the credentials document is not UTF-8".to_string())?;
    let fields = json::string_fields(text)?;
    if let Some(code) = fields.get("Code").filter(|c| c.as_str() != "Success") {
        let message = fields.get("Message").map(String::as_str).unwrap_or("");
        return Err(format!("the endpoint reported {code}: {message}"));
    }
    let field = |name: &str| fields.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let (Some(access_key_id), Some(secret_access_key)) = (field("AccessKeyId"), field("SecretAccessKey")) else {
        return Err("the credentials document lacks AccessKeyId or SecretAccessKey".into());
    };
    let expires = match field("Expiration") {
        None => None,
        Some(text) => {
            let parsed = parse_rfc3339(text);
            if parsed.is_none() {
                // Without an expiry the credentials are simply fetched again at every refresh.
                tracing::warn!(expiration = text, "IAM: cannot parse the credentials' expiry time");
            }
            parsed
        }
    };
    Ok(AwsCredentials {
        access_key_id: access_key_id.to_string(),
        secret_access_key: secret_access_key.to_string(),
        session_token: field("Token").map(str::to_string),
        expires,
    })
}

const IMDS_IPV4: &str = "http://169.254.169.254";
const IMDS_IPV6: &str = "http://[fd00:ec2::254]";
const IMDS_TIMEOUTS: Timeouts = Timeouts { connect: Duration::from_secs(1), total: Duration::from_secs(2) };
/// How long the IMDSv2 session token is asked to live; it is used for three requests only.
const IMDS_TOKEN_TTL: &str = "21600";

fn from_instance_metadata(vars: Vars<'_>) -> Outcome {
    if var(vars, "AWS_EC2_METADATA_DISABLED").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return Outcome::NotHere("the instance metadata service is disabled (AWS_EC2_METADATA_DISABLED)".into());
    }
    let endpoint = var(vars, "AWS_EC2_METADATA_SERVICE_ENDPOINT").map(|e| e.trim().to_string()).unwrap_or_else(|| {
        let ipv6 = var(vars, "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE").is_some_and(|m| m.trim().eq_ignore_ascii_case("ipv6"));
        (if ipv6 { IMDS_IPV6 } else { IMDS_IPV4 }).to_string()
    });
    let base = match HttpUrl::parse(&endpoint) {
        Ok(url) => url,
        Err(e) => return Outcome::Failed(format!("AWS_EC2_METADATA_SERVICE_ENDPOINT: {e}")),
    };
    let at = |path: &str| HttpUrl { path: format!("{}{path}", base.path.trim_end_matches('/')), ..base.clone() };

    // The session token. No answer here means this is not an EC2 instance (or
    // its metadata service is off): the source is simply not available.
    let token = match http::request("PUT", &at("/latest/api/token"), &[("X-aws-ec2-metadata-token-ttl-seconds", IMDS_TOKEN_TTL)], IMDS_TIMEOUTS) {
        Ok(response) if response.status == 200 => String::from_utf8_lossy(&response.body).trim().to_string(),
        Ok(response) => {
            return Outcome::NotHere(format!(
                "the instance metadata service at {endpoint} refused a session token ({})",
                response.status
            ))
        }
        Err(e) => return Outcome::NotHere(format!("no instance metadata service at {endpoint} ({e})")),
    };
    if token.is_empty() || http::check_header_safe("token", &token).is_err() {
        return Outcome::Failed("the instance metadata service returned an unusable session token".into());
    }
    let headers = [("X-aws-ec2-metadata-token", token.as_str())];

    let roles = match http::request("GET", &at("/latest/meta-data/iam/security-credentials/"), &headers, IMDS_TIMEOUTS) {
        Ok(response) if response.status == 200 => response,
        Ok(response) if response.status == 404 => {
            return Outcome::NotHere("this EC2 instance has no IAM role (instance profile)".into())
        }
        Ok(response) => {
            return Outcome::Failed(format!("listing the instance's roles: {} {}", response.status, response.body_excerpt()))
        }
        Err(e) => return Outcome::Failed(e),
    };
    let roles_text = String::from_utf8_lossy(&roles.body).into_owned();
    let Some(role) = roles_text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return Outcome::NotHere("this EC2 instance has no IAM role (instance profile)".into());
    };
    if role.contains(['/', '?', '#']) || http::check_header_safe("role", role).is_err() {
        return Outcome::Failed(format!("unexpected role name {role:?} from the instance metadata service"));
    }
    let path = format!("/latest/meta-data/iam/security-credentials/{role}");
    match http::request("GET", &at(&path), &headers, IMDS_TIMEOUTS) {
        Ok(response) if response.status == 200 => match parse_credentials_document(&response.body) {
            Ok(credentials) => Outcome::Found(credentials),
            Err(e) => Outcome::Failed(format!("role {role}: {e}")),
        },
        Ok(response) => Outcome::Failed(format!("role {role}: {} {}", response.status, response.body_excerpt())),
        Err(e) => Outcome::Failed(e),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::UNIX_EPOCH;

    use super::super::http::tests::{ok_json, FakeServer};
    use super::*;

    /// A fresh, empty directory under the system temp directory, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new() -> TempDir {
            static NEXT: AtomicUsize = AtomicUsize::new(0);
            let dir = std::env::temp_dir()
                .join(format!("glide-jni-iam-{}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed)));
            std::fs::create_dir_all(&dir).expect("create temp dir");
            TempDir(dir)
        }

        fn write(&self, name: &str, text: &str) -> String {
            let path = self.0.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("create dir");
            }
            std::fs::write(&path, text).expect("write file");
            path.to_string_lossy().into_owned()
        }

        fn path(&self) -> String {
            self.0.to_string_lossy().into_owned()
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// Settings that isolate a test from the machine: an empty home and no
    /// instance metadata, plus `pairs`.
    fn settings(home: &TempDir, pairs: &[(&str, &str)]) -> HashMap<String, String> {
        let mut map: HashMap<String, String> =
            [("HOME", home.path().as_str()), ("AWS_EC2_METADATA_DISABLED", "true")]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
        for (k, v) in pairs {
            map.insert(k.to_string(), v.to_string());
        }
        map
    }

    fn load(map: &HashMap<String, String>) -> Result<AwsCredentials, String> {
        load_with(&|name| map.get(name).cloned())
    }

    fn keys(access_key_id: &str, secret: &str, token: Option<&str>) -> AwsCredentials {
        AwsCredentials {
            access_key_id: access_key_id.into(),
            secret_access_key: secret.into(),
            session_token: token.map(str::to_string),
            expires: None,
        }
    }

    #[test]
    fn environment_variables_come_first() {
        let home = TempDir::new();
        home.write(".aws/credentials", "[default]\naws_access_key_id = FILE\naws_secret_access_key = filesecret\n");
        let env = settings(&home, &[("AWS_ACCESS_KEY_ID", "ENVKEY"), ("AWS_SECRET_ACCESS_KEY", " envsecret ")]);
        assert_eq!(load(&env).unwrap(), keys("ENVKEY", "envsecret", None));
        let env = settings(
            &home,
            &[("AWS_ACCESS_KEY_ID", "ENVKEY"), ("AWS_SECRET_ACCESS_KEY", "envsecret"), ("AWS_SESSION_TOKEN", "envtoken")],
        );
        assert_eq!(load(&env).unwrap(), keys("ENVKEY", "envsecret", Some("envtoken")));
        // Half a key pair, or empty values, fall through to the next source.
        let env = settings(&home, &[("AWS_ACCESS_KEY_ID", "ENVKEY"), ("AWS_SECRET_ACCESS_KEY", "")]);
        assert_eq!(load(&env).unwrap(), keys("FILE", "filesecret", None));
    }

    #[test]
    fn default_files_under_home() {
        let home = TempDir::new();
        home.write(
            ".aws/config",
            "[default]\nregion = us-east-1\n[profile dev]\naws_access_key_id = CONFIGDEV\naws_secret_access_key = cfgsecret\n",
        );
        home.write(
            ".aws/credentials",
            "# comment\n[default]\naws_access_key_id = DEFAULTKEY\naws_secret_access_key = defsecret\naws_session_token = deftoken\n",
        );
        assert_eq!(load(&settings(&home, &[])).unwrap(), keys("DEFAULTKEY", "defsecret", Some("deftoken")));
        let dev = settings(&home, &[("AWS_PROFILE", "dev")]);
        assert_eq!(load(&dev).unwrap(), keys("CONFIGDEV", "cfgsecret", None));
    }

    #[test]
    fn file_locations_from_the_environment() {
        let home = TempDir::new();
        let elsewhere = TempDir::new();
        home.write(".aws/credentials", "[default]\naws_access_key_id = NOTTHIS\naws_secret_access_key = x\n");
        let credentials = elsewhere.write("creds.ini", "[ops]\naws_access_key_id = OPS\naws_secret_access_key = opssecret\n");
        let env = settings(&home, &[("AWS_SHARED_CREDENTIALS_FILE", &credentials), ("AWS_PROFILE", "ops")]);
        assert_eq!(load(&env).unwrap(), keys("OPS", "opssecret", None));
        // `~` stands for the home directory.
        home.write("custom/config", "[profile tilde]\naws_access_key_id = TILDE\naws_secret_access_key = t\n");
        let env = settings(&home, &[("AWS_CONFIG_FILE", "~/custom/config"), ("AWS_PROFILE", "tilde")]);
        assert_eq!(load(&env).unwrap(), keys("TILDE", "t", None));
    }

    #[test]
    fn profiles_that_need_sts_or_programs_are_refused() {
        let home = TempDir::new();
        home.write(
            ".aws/config",
            "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = default\n\
             [profile process]\ncredential_process = /bin/creds\n\
             [profile sso]\nsso_session = corp\nsso_account_id = 1\n",
        );
        home.write(".aws/credentials", "[role]\naws_access_key_id = STATIC\naws_secret_access_key = s\n");
        for (profile, mentions) in [("role", "role_arn"), ("process", "credential_process"), ("sso", "sso_session")] {
            let error = load(&settings(&home, &[("AWS_PROFILE", profile)])).unwrap_err();
            assert!(error.contains(mentions) && error.contains("not support"), "{profile}: {error}");
        }
        let error = load(&settings(
            &home,
            &[("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token"), ("AWS_ROLE_ARN", "arn:aws:iam::1:role/r")],
        ))
        .unwrap_err();
        assert!(error.contains("AWS_WEB_IDENTITY_TOKEN_FILE"), "{error}");
    }

    #[test]
    fn nothing_found_says_where_it_looked() {
        let home = TempDir::new();
        home.write(".aws/config", "[default]\nregion = us-east-1\n");
        let error = load(&settings(&home, &[])).unwrap_err();
        assert!(error.starts_with("no AWS credentials found"), "{error}");
        for part in ["AWS_ACCESS_KEY_ID", "profile 'default' has no access keys", "AWS_CONTAINER_CREDENTIALS", "AWS_EC2_METADATA_DISABLED"] {
            assert!(error.contains(part), "{part}: {error}");
        }
        let half = TempDir::new();
        half.write(".aws/credentials", "[default]\naws_access_key_id = ONLYID\n");
        assert!(load(&settings(&half, &[])).unwrap_err().contains("only one of"));
    }

    const CONTAINER_DOC: &str = r#"{"RoleArn":"arn:aws:iam::1:role/task","AccessKeyId":"ASIACONTAINER",
        "SecretAccessKey":"c/secret+","Token":"c-token==","Expiration":"2030-01-02T03:04:05Z"}"#;

    #[test]
    fn container_credentials_over_loopback() {
        let home = TempDir::new();
        let server = FakeServer::start(vec![ok_json(CONTAINER_DOC), ok_json(CONTAINER_DOC)]);
        let env = settings(
            &home,
            &[
                ("AWS_CONTAINER_CREDENTIALS_FULL_URI", &server.url("/v2/credentials/xyz")),
                ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Basic abc"),
            ],
        );
        let credentials = load(&env).unwrap();
        assert_eq!(credentials.access_key_id, "ASIACONTAINER");
        assert_eq!(credentials.secret_access_key, "c/secret+");
        assert_eq!(credentials.session_token.as_deref(), Some("c-token=="));
        assert_eq!(credentials.expires, Some(UNIX_EPOCH + Duration::from_secs(1_893_553_445)));
        let request = server.next_request();
        assert!(request.starts_with("GET /v2/credentials/xyz HTTP/1.1\r\n"), "{request}");
        assert!(request.contains("\r\nAuthorization: Basic abc\r\n"), "{request}");

        // The token file wins over the variable (EKS Pod Identity).
        let token_file = home.write("eks-token", "eks-jwt-token\n");
        let mut env = env.clone();
        env.insert("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE".into(), token_file);
        assert_eq!(load(&env).unwrap().access_key_id, "ASIACONTAINER");
        let request = server.next_request();
        assert!(request.contains("\r\nAuthorization: eks-jwt-token\r\n"), "{request}");
    }

    #[test]
    fn container_errors_stop_the_search() {
        let home = TempDir::new();
        let server = FakeServer::start(vec![
            b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 12\r\n\r\nbad token!!!".to_vec(),
            ok_json(r#"{"AccessKeyId":"A"}"#),
        ]);
        let env = settings(&home, &[("AWS_CONTAINER_CREDENTIALS_FULL_URI", &server.url("/creds"))]);
        let error = load(&env).unwrap_err();
        assert!(error.contains("401") && error.contains("bad token"), "{error}");
        let error = load(&env).unwrap_err();
        assert!(error.contains("lacks AccessKeyId or SecretAccessKey"), "{error}");
    }

    #[test]
    fn container_uri_must_be_local_plain_http() {
        let home = TempDir::new();
        for (uri, expected) in [
            ("http://10.1.2.3/creds", "neither a loopback address nor the ECS/EKS agent"),
            ("https://127.0.0.1/creds", "unsupported URL scheme"),
            ("http://[::2]:80/creds", "neither a loopback address"),
        ] {
            let error = load(&settings(&home, &[("AWS_CONTAINER_CREDENTIALS_FULL_URI", uri)])).unwrap_err();
            assert!(error.contains(expected), "{uri}: {error}");
        }
        let token_file = format!("{}/missing-token", home.path());
        let env = settings(
            &home,
            &[("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/"), ("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", &token_file)],
        );
        assert!(load(&env).unwrap_err().contains("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"));
        let env = settings(
            &home,
            &[("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/"), ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "a\nb")],
        );
        assert!(load(&env).unwrap_err().contains("control characters"));
    }

    #[test]
    fn instance_metadata_v2_over_loopback() {
        let home = TempDir::new();
        let doc = r#"{"Code":"Success","LastUpdated":"2030-01-01T00:00:00Z","Type":"AWS-HMAC",
            "AccessKeyId":"ASIAINSTANCE","SecretAccessKey":"i-secret","Token":"i-token","Expiration":"2030-01-01T06:00:00Z"}"#;
        let server = FakeServer::start(vec![
            b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nimds-token".to_vec(),
            b"HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\nmy-role\nother\n".to_vec(),
            ok_json(doc),
        ]);
        let mut env = settings(&home, &[("AWS_EC2_METADATA_SERVICE_ENDPOINT", &server.url("/"))]);
        env.remove("AWS_EC2_METADATA_DISABLED");
        let credentials = load(&env).unwrap();
        assert_eq!(credentials.access_key_id, "ASIAINSTANCE");
        assert_eq!(credentials.session_token.as_deref(), Some("i-token"));
        assert_eq!(credentials.expires, Some(UNIX_EPOCH + Duration::from_secs(1_893_477_600)));

        let token_request = server.next_request();
        assert!(token_request.starts_with("PUT /latest/api/token HTTP/1.1\r\n"), "{token_request}");
        assert!(token_request.contains("\r\nX-aws-ec2-metadata-token-ttl-seconds: 21600\r\n"), "{token_request}");
        let list_request = server.next_request();
        assert!(list_request.starts_with("GET /latest/meta-data/iam/security-credentials/ HTTP/1.1\r\n"), "{list_request}");
        assert!(list_request.contains("\r\nX-aws-ec2-metadata-token: imds-token\r\n"), "{list_request}");
        let role_request = server.next_request();
        assert!(role_request.starts_with("GET /latest/meta-data/iam/security-credentials/my-role HTTP/1.1\r\n"), "{role_request}");
    }

    #[test]
    fn instance_metadata_without_a_role_or_service() {
        let home = TempDir::new();
        let server = FakeServer::start(vec![
            b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nt".to_vec(),
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec(),
        ]);
        let mut env = settings(&home, &[("AWS_EC2_METADATA_SERVICE_ENDPOINT", &server.url(""))]);
        env.remove("AWS_EC2_METADATA_DISABLED");
        let error = load(&env).unwrap_err();
        assert!(error.contains("no IAM role"), "{error}");
        drop(server);

        // Nothing listening: the source is just not there.
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let endpoint = format!("http://127.0.0.1:{port}");
        let mut env = settings(&home, &[("AWS_EC2_METADATA_SERVICE_ENDPOINT", &endpoint)]);
        env.remove("AWS_EC2_METADATA_DISABLED");
        let error = load(&env).unwrap_err();
        assert!(error.contains("no instance metadata service at"), "{error}");
    }

    #[test]
    fn expiry_margin() {
        let now = UNIX_EPOCH + Duration::from_secs(1_000_000);
        let mut credentials = keys("A", "s", None);
        assert!(credentials.valid_for(now, Duration::from_secs(900)));
        credentials.expires = Some(now + Duration::from_secs(901));
        assert!(credentials.valid_for(now, Duration::from_secs(900)));
        credentials.expires = Some(now + Duration::from_secs(900));
        assert!(!credentials.valid_for(now, Duration::from_secs(900)));
    }

    #[test]
    fn debug_output_hides_secrets() {
        let text = format!("{:?}", keys("AKIDVISIBLE", "very-secret", Some("session-secret")));
        assert!(text.contains("AKIDVISIBLE"));
        assert!(!text.contains("very-secret") && !text.contains("session-secret"), "{text}");
    }
}
