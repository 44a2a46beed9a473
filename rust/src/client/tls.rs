//! TLS settings of a client: one rustls configuration, built once when the
//! client is created and shared by every connection it opens (standalone,
//! each cluster node and replica, reconnects, pub/sub, the cluster scan).
//!
//! # Why rustls with ring
//! rustls is a TLS stack in Rust with a sans-I/O core ([`rustls::ClientConnection`]):
//! it encrypts and decrypts in memory and leaves the socket to us, which is
//! what lets a TLS connection keep the plaintext data path (writes on the
//! caller's thread, a thread blocked in `get()` reading, large replies
//! received into their own buffer; see `connection/mod.rs`). No OpenSSL is loaded
//! at run time. The crypto provider is `ring`: it builds with a C compiler
//! alone (aws-lc-rs needs cmake, and its FIPS mode is not a requirement
//! here), makes a smaller library, and its AES-GCM and ChaCha20 use the CPU's
//! AES-NI/AVX code paths. Its SHA-256/HMAC also sign the IAM tokens.
//!
//! # Trust
//! Without root certificates the platform's trust store is used (read once
//! per process from the locations OpenSSL uses, `SSL_CERT_FILE`/`SSL_CERT_DIR`
//! honoured). Roots given by the application (PEM; Java also turns the JVM's
//! trust store or a `KeyStore` into PEM) replace them. Host names and IP
//! addresses are verified against the certificate, and SNI is sent for names.
//! The insecure mode still encrypts and still checks handshake signatures,
//! but accepts any certificate for any name.

use std::collections::HashMap;
use std::fmt;
use std::io;
use std::sync::{Arc, OnceLock, Weak};

use parking_lot::Mutex;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{AlertDescription, CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};

/// What the application asked for.
#[derive(Default)]
pub struct TlsOptions<'a> {
    /// Accept any server certificate (testing only).
    pub insecure: bool,
    /// PEM certificates to trust instead of the platform's.
    pub root_certificates_pem: Option<&'a [u8]>,
    /// PEM certificate chain (leaf first) and private key for mutual TLS.
    pub client_certificate_pem: Option<&'a [u8]>,
    pub client_key_pem: Option<&'a [u8]>,
}

/// A client's TLS configuration; cheap to clone.
#[derive(Clone)]
pub struct TlsSettings {
    config: Arc<ClientConfig>,
    has_client_certificate: bool,
}

impl fmt::Debug for TlsSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TlsSettings").field("client_certificate", &self.has_client_certificate).finish()
    }
}

fn provider() -> Arc<CryptoProvider> {
    static PROVIDER: OnceLock<Arc<CryptoProvider>> = OnceLock::new();
    // Deprecated only because ring has no post-quantum key exchange (X25519MLKEM768);
    // the server side (OpenSSL in Redis/Valkey) negotiates X25519 or P-256 with us.
    #[allow(deprecated)]
    let make = rustls::crypto::ring::default_provider;
    Arc::clone(PROVIDER.get_or_init(|| {
        let mut provider = make();
        prefer_aes_128(&mut provider.cipher_suites);
        Arc::new(provider)
    }))
}

/// Offers the AES-128-GCM suites first (rustls and the JDK offer AES-256-GCM
/// first; browsers offer AES-128 first), keeping the rest in rustls's order.
/// Servers (OpenSSL in Redis and Valkey, by default) take the client's first
/// choice, and on a data path 128-bit AES, which TLS 1.3 requires everyone to
/// implement, takes 10 rounds per block where 256-bit takes 14: both sides spend
/// less CPU per byte, the server too, which is the bottleneck for large values.
/// A server that must use AES-256 still can: it lists it alone or prefers its
/// own order (`tls-prefer-server-ciphers yes`).
fn prefer_aes_128(suites: &mut [rustls::SupportedCipherSuite]) {
    use rustls::CipherSuite as S;
    let is_aes_128 = |suite: &rustls::SupportedCipherSuite| {
        matches!(
            suite.suite(),
            S::TLS13_AES_128_GCM_SHA256 | S::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 | S::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
        )
    };
    suites.sort_by_key(|suite| !is_aes_128(suite)); // stable: rustls's order otherwise
}

/// The platform's roots, loaded once per process (reading a few hundred files
/// for every client would slow client creation down).
fn platform_roots() -> Result<Arc<RootCertStore>, String> {
    static ROOTS: OnceLock<Result<Arc<RootCertStore>, String>> = OnceLock::new();
    ROOTS
        .get_or_init(|| {
            let loaded = rustls_native_certs::load_native_certs();
            let mut store = RootCertStore::empty();
            let (added, _ignored) = store.add_parsable_certificates(loaded.certs);
            if added == 0 {
                let why = loaded.errors.first().map(|e| format!(": {e}")).unwrap_or_default();
                return Err(format!(
                    "no trusted root certificate found in the platform's trust store{why}; \
                     give rootCertificates or set SSL_CERT_FILE"
                ));
            }
            Ok(Arc::new(store))
        })
        .clone()
}

/// Configurations in use, by a digest of the options they were built from:
/// clients created with the same options share one (its parsed roots and its
/// session cache, about 16 KB), and TLS sessions resume across them.
type Shared = HashMap<[u8; 32], Weak<ClientConfig>>;

fn shared_configs() -> &'static Mutex<Shared> {
    static SHARED: OnceLock<Mutex<Shared>> = OnceLock::new();
    SHARED.get_or_init(Default::default)
}

impl TlsOptions<'_> {
    /// SHA-256 over every option, each input length-prefixed so that no two
    /// different option sets digest alike.
    fn digest(&self) -> [u8; 32] {
        let mut context = ring::digest::Context::new(&ring::digest::SHA256);
        context.update(&[u8::from(self.insecure)]);
        for part in [self.root_certificates_pem, self.client_certificate_pem, self.client_key_pem] {
            match part {
                None => context.update(&[0]),
                Some(bytes) => {
                    context.update(&[1]);
                    context.update(&(bytes.len() as u64).to_le_bytes());
                    context.update(bytes);
                }
            }
        }
        let mut digest = [0u8; 32];
        digest.copy_from_slice(context.finish().as_ref());
        digest
    }
}

impl TlsSettings {
    /// Checks and builds the settings (or finds those another client built from
    /// the same options); every error names what to fix.
    pub fn new(options: &TlsOptions<'_>) -> Result<TlsSettings, String> {
        let has_client_certificate = options.client_certificate_pem.is_some();
        let key = options.digest();
        let mut shared = shared_configs().lock();
        if let Some(config) = shared.get(&key).and_then(Weak::upgrade) {
            return Ok(TlsSettings { config, has_client_certificate });
        }
        let config = Arc::new(TlsSettings::build(options)?);
        shared.retain(|_, config| config.strong_count() > 0);
        shared.insert(key, Arc::downgrade(&config));
        Ok(TlsSettings { config, has_client_certificate })
    }

    fn build(options: &TlsOptions<'_>) -> Result<ClientConfig, String> {
        let provider = provider();
        let builder = ClientConfig::builder_with_provider(Arc::clone(&provider))
            .with_safe_default_protocol_versions()
            .map_err(|e| format!("TLS setup failed: {e}"))?;
        let builder = if options.insecure {
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(AcceptAnyCertificate(provider.signature_verification_algorithms)))
        } else {
            let roots = match options.root_certificates_pem {
                Some(pem) => Arc::new(parse_roots(pem)?),
                None => platform_roots()?,
            };
            builder.with_root_certificates(roots)
        };
        match (options.client_certificate_pem, options.client_key_pem) {
            (Some(chain), Some(key)) => {
                let chain = parse_certificates(chain, "the client certificate")?;
                let key = PrivateKeyDer::from_pem_slice(key)
                    .map_err(|e| format!("the client private key is not a PEM private key (PKCS#8, PKCS#1 or SEC1): {e}"))?;
                builder
                    .with_client_auth_cert(chain, key)
                    .map_err(|e| format!("the client certificate and key do not match or are unusable: {e}"))
            }
            (None, None) => Ok(builder.with_no_client_auth()),
            _ => Err("mutual TLS needs both a client certificate and its private key".into()),
        }
    }

    pub(crate) fn config(&self) -> Arc<ClientConfig> {
        Arc::clone(&self.config)
    }

    pub(crate) fn has_client_certificate(&self) -> bool {
        self.has_client_certificate
    }
}

fn parse_certificates(pem: &[u8], what: &str) -> Result<Vec<CertificateDer<'static>>, String> {
    let mut certificates = Vec::new();
    for item in CertificateDer::pem_slice_iter(pem) {
        certificates.push(item.map_err(|e| format!("{what} is not valid PEM: {e}"))?);
    }
    if certificates.is_empty() {
        return Err(format!("{what} holds no PEM certificate (-----BEGIN CERTIFICATE-----)"));
    }
    Ok(certificates)
}

fn parse_roots(pem: &[u8]) -> Result<RootCertStore, String> {
    let mut store = RootCertStore::empty();
    for certificate in parse_certificates(pem, "rootCertificates")? {
        store
            .add(certificate)
            .map_err(|e| format!("rootCertificates holds a certificate that cannot be a trust anchor: {e}"))?;
    }
    Ok(store)
}

/// The name the server's certificate must be valid for, and the SNI sent (for
/// DNS names only: an IP address is checked against the IP SANs).
pub(crate) fn server_name(host: &str) -> Result<ServerName<'static>, String> {
    let bare = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(host);
    ServerName::try_from(bare.to_string()).map_err(|_| format!("{host} is neither a valid host name nor an IP address for TLS"))
}

/// Accepts every certificate (`useInsecureTLS`), but still checks that the
/// server owns the key of the certificate it sent.
#[derive(Debug)]
struct AcceptAnyCertificate(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for AcceptAnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_schemes()
    }
}

/// A TLS failure said so that the reader knows what to fix. `io` errors from
/// rustls carry the `rustls::Error` inside.
pub(crate) fn describe_io(error: &io::Error, host: &str, has_client_certificate: bool) -> String {
    match error.get_ref().and_then(|inner| inner.downcast_ref::<rustls::Error>()) {
        Some(tls) => describe(tls, host, has_client_certificate),
        None => error.to_string(),
    }
}

pub(crate) fn describe(error: &rustls::Error, host: &str, has_client_certificate: bool) -> String {
    use rustls::Error as E;
    let what = match error {
        E::InvalidCertificate(CertificateError::UnknownIssuer) => "the server's certificate is not trusted: it was not \
             issued by a trusted CA (give the CA with rootCertificates, or use the JVM's trust store)"
            .to_string(),
        E::InvalidCertificate(CertificateError::NotValidForName)
        | E::InvalidCertificate(CertificateError::NotValidForNameContext { .. }) => {
            format!("the server's certificate is not valid for {host} ({error})")
        }
        E::InvalidCertificate(CertificateError::Expired) | E::InvalidCertificate(CertificateError::ExpiredContext { .. }) => {
            format!("the server's certificate has expired ({error})")
        }
        E::InvalidCertificate(CertificateError::NotValidYet) | E::InvalidCertificate(CertificateError::NotValidYetContext { .. }) => {
            format!("the server's certificate is not valid yet; is the clock right? ({error})")
        }
        E::AlertReceived(AlertDescription::CertificateRequired) => {
            "the server requires a client certificate (mutual TLS): set clientCertificate or clientKeyStore".to_string()
        }
        E::AlertReceived(AlertDescription::HandshakeFailure) if !has_client_certificate => {
            "the server refused the handshake (handshake_failure): it may require a client certificate \
             (mutual TLS) or support none of our TLS versions and cipher suites"
                .to_string()
        }
        E::AlertReceived(alert @ (AlertDescription::BadCertificate | AlertDescription::UnknownCA | AlertDescription::CertificateUnknown))
            if has_client_certificate =>
        {
            format!("the server refused our client certificate ({alert:?})")
        }
        E::InvalidMessage(_) => {
            "the server did not answer with TLS (is this a plaintext port? then set useTLS(false))".to_string()
        }
        other => format!("{other}"),
    };
    format!("TLS handshake failed: {what}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_must_be_pem_certificates() {
        let garbage = TlsOptions { root_certificates_pem: Some(b"not a certificate"), ..Default::default() };
        let error = TlsSettings::new(&garbage).unwrap_err();
        assert!(error.contains("rootCertificates holds no PEM certificate"), "{error}");
        let empty = TlsOptions { root_certificates_pem: Some(b""), ..Default::default() };
        assert!(TlsSettings::new(&empty).is_err());
    }

    #[test]
    fn a_client_certificate_needs_its_key() {
        let half = TlsOptions { insecure: true, client_certificate_pem: Some(b"x"), ..Default::default() };
        assert!(TlsSettings::new(&half).unwrap_err().contains("both a client certificate and its private key"));
    }

    #[test]
    fn insecure_mode_needs_no_roots() {
        let settings = TlsSettings::new(&TlsOptions { insecure: true, ..Default::default() }).unwrap();
        assert!(!settings.has_client_certificate());
    }

    #[test]
    fn the_same_options_share_one_configuration() {
        let insecure = TlsOptions { insecure: true, ..Default::default() };
        let a = TlsSettings::new(&insecure).unwrap();
        let b = TlsSettings::new(&insecure).unwrap();
        assert!(Arc::ptr_eq(&a.config, &b.config));
        let other = TlsSettings::new(&TlsOptions { insecure: true, root_certificates_pem: Some(b""), ..Default::default() }).unwrap();
        assert!(!Arc::ptr_eq(&a.config, &other.config), "different options, different configurations");
    }

    #[test]
    fn aes_128_gcm_comes_first_in_each_version() {
        let suites: Vec<_> = provider().cipher_suites.iter().map(|s| s.suite()).collect();
        let tls13: Vec<_> = suites.iter().filter(|s| format!("{s:?}").starts_with("TLS13_")).collect();
        let tls12: Vec<_> = suites.iter().filter(|s| !format!("{s:?}").starts_with("TLS13_")).collect();
        assert_eq!(*tls13[0], rustls::CipherSuite::TLS13_AES_128_GCM_SHA256, "{suites:?}");
        assert!(format!("{:?}", tls12[0]).contains("AES_128_GCM"), "{suites:?}");
        #[allow(deprecated)] // see `provider`
        let offered_by_ring = rustls::crypto::ring::default_provider().cipher_suites.len();
        assert_eq!(suites.len(), offered_by_ring, "nothing dropped");
    }

    #[test]
    fn server_names_accept_hosts_and_addresses() {
        assert!(matches!(server_name("127.0.0.1"), Ok(ServerName::IpAddress(_))));
        assert!(matches!(server_name("[::1]"), Ok(ServerName::IpAddress(_))));
        assert!(matches!(server_name("cache.example.com"), Ok(ServerName::DnsName(_))));
        assert!(server_name("bad host").is_err());
    }

    #[test]
    fn failures_name_their_cause() {
        let unknown = rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer);
        assert!(describe(&unknown, "h", false).contains("not trusted"));
        let required = rustls::Error::AlertReceived(AlertDescription::CertificateRequired);
        assert!(describe(&required, "h", false).contains("client certificate"));
        let plain = rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType);
        assert!(describe(&plain, "h", false).contains("useTLS(false)"));
    }
}
