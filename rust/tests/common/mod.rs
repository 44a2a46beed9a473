//! Shared by the integration tests: a router for the process-wide completion
//! queue (each test waits for its own request ids) and throwaway servers.
#![allow(dead_code)] // each test binary uses a different part

use std::collections::HashMap;
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Once;
use std::time::{Duration, Instant};

use glide_jni::client::ClientConfig;
use glide_jni::completion::{self, Completion};
use glide_jni::reply::{self, kind};
use parking_lot::{Condvar, Mutex};

// ---------- completion routing ----------

pub static ROUTED: Mutex<Option<HashMap<i64, Completion>>> = Mutex::new(None);
pub static ARRIVED: Condvar = Condvar::new();
pub static NEXT_ID: AtomicI64 = AtomicI64::new(1);

pub fn start_router() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        *ROUTED.lock() = Some(HashMap::new());
        std::thread::spawn(|| loop {
            let mut batch = [Completion { request_id: 0, kind: 0, payload: 0 }; 64];
            let n = completion::drain(&mut batch, Duration::from_millis(50));
            if n > 0 {
                let mut routed = ROUTED.lock();
                for c in &batch[..n] {
                    routed.as_mut().unwrap().insert(c.request_id, *c);
                }
                ARRIVED.notify_all();
            }
        });
    });
}

pub fn next_id() -> i64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

pub fn wait_for(id: i64, limit: Duration) -> Completion {
    let deadline = Instant::now() + limit;
    let mut routed = ROUTED.lock();
    loop {
        if let Some(c) = routed.as_mut().unwrap().remove(&id) {
            return c;
        }
        if ARRIVED.wait_until(&mut routed, deadline).timed_out() {
            panic!("request {id} did not complete within {limit:?}");
        }
    }
}

/// What a completion carried, with its bytes taken back (freed) exactly once.
#[derive(Debug, PartialEq)]
pub enum Got {
    Nil,
    Int(i64),
    Ok,
    Bytes(i32, Vec<u8>),
    Error(i32, String),
    Other(i32, i64),
}

pub fn take(c: Completion) -> Got {
    match c.kind {
        kind::NIL => Got::Nil,
        kind::INT => Got::Int(c.payload),
        kind::OK => Got::Ok,
        k if k >= kind::FIRST_ERROR => {
            // SAFETY: error completions own their message; taken once here.
            Got::Error(k, String::from_utf8(unsafe { reply::bytes_from_raw(c.payload) }).unwrap())
        }
        // SAFETY: these kinds own their bytes; taken once here.
        k if reply::kind_owns_bytes(k) => Got::Bytes(k, unsafe { reply::bytes_from_raw(c.payload) }),
        k => Got::Other(k, c.payload),
    }
}

// ---------- a throwaway server ----------

pub struct Server {
    pub port: u16,
    child: Option<Child>,
    dir: std::path::PathBuf,
    extra: Vec<String>,
    /// A TLS-only server: `port` is its TLS port and the plaintext one is off.
    tls: bool,
}

pub fn free_cluster_port() -> u16 {
    let free = |port: u16| TcpListener::bind(("127.0.0.1", port)).is_ok();
    let mut seed = std::process::id() as u64 ^ Instant::now().elapsed().as_nanos() as u64;
    for _ in 0..1000 {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let port = 20_000 + (seed >> 33) as u16 % 35_000;
        if free(port) && free(port + 10_000) {
            return port;
        }
    }
    panic!("no free port pair (p, p + 10000) for a cluster node");
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Server {
    pub fn start() -> Server {
        Server::start_with(&[])
    }

    /// A server with `extra` arguments on its command line (kept for restarts).
    pub fn start_with(extra: &[&str]) -> Server {
        let cluster = extra.contains(&"--cluster-enabled");
        let extra: Vec<String> = extra.iter().map(|a| a.to_string()).collect();
        // Another process may take the port between our check and the server's bind: then the
        // server exits, and another port is tried.
        for _ in 0..5 {
            // A cluster node also listens on port + 10000 (its cluster bus): both must be free.
            let port = if cluster { free_cluster_port() } else { free_port() };
            let dir = std::env::temp_dir().join(format!("glide-jni-rust-test-{port}-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let tls = extra.iter().any(|a| a == "--tls-cert-file");
            let mut s = Server { port, child: None, dir, extra: extra.clone(), tls };
            if s.try_spawn() {
                return s;
            }
        }
        panic!("redis-server did not start on any of 5 ports");
    }

    /// Starts the server again on its port (after [`Server::kill`]).
    pub fn spawn(&mut self) {
        assert!(self.try_spawn(), "redis-server did not start again on {}", self.port);
    }

    /// Starts the server; false if it exited (its port was taken) or never answered.
    fn try_spawn(&mut self) -> bool {
        // REDIS_SERVER picks the server (scripts/test.sh's second leg: Valkey 9.1); TLS servers
        // stay on redis-server, since the Valkey 9.1 build we test with has no TLS.
        let binary = match self.tls {
            false => std::env::var("REDIS_SERVER").unwrap_or_else(|_| "redis-server".into()),
            true => "redis-server".into(),
        };
        let mut child = Command::new(binary)
            .args(match self.tls {
                false => ["--port".to_string(), self.port.to_string()],
                true => ["--port".to_string(), "0".to_string()],
            })
            .args(self.tls.then(|| ["--tls-port".to_string(), self.port.to_string()]).into_iter().flatten())
            .args(["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--enable-debug-command", "yes"])
            .arg("--dir")
            .arg(&self.dir)
            .args(&self.extra)
            .args(["--loglevel", "verbose", "--logfile"])
            .arg(self.dir.join("server.log"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server must be installed (scripts/ensure-deps.sh)");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if !matches!(child.try_wait(), Ok(None)) {
                return false; // exited: most likely the port was taken
            }
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                // Connected: but to ours? A server that lost the bind race exits right away.
                std::thread::sleep(Duration::from_millis(50));
                if matches!(child.try_wait(), Ok(None)) {
                    self.child = Some(child);
                    return true;
                }
                return false;
            }
            if Instant::now() >= deadline {
                let _ = child.kill();
                let _ = child.wait();
                return false;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn is_running(&self) -> bool {
        self.child.is_some()
    }

    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// What the server wrote to its log (verbose) so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default()
    }

    pub fn config(&self) -> ClientConfig {
        ClientConfig::for_address("127.0.0.1", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
        // A failing test shows what the server said (why it closed a connection, say).
        if std::thread::panicking() {
            if let Ok(log) = std::fs::read_to_string(self.dir.join("server.log")) {
                let tail: Vec<&str> = log.lines().rev().take(30).collect();
                eprintln!("--- redis-server on port {} (last lines of its log, {} bytes) ---", self.port, log.len());
                tail.iter().rev().for_each(|line| eprintln!("{line}"));
            }
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}


// ---------- TLS material ----------

/// A CA and certificates made with `openssl` once per test binary.
pub struct Certs {
    pub dir: std::path::PathBuf,
}

impl Certs {
    pub fn get() -> &'static Certs {
        static CERTS: std::sync::OnceLock<Certs> = std::sync::OnceLock::new();
        CERTS.get_or_init(|| {
            let dir = std::env::temp_dir().join(format!("glide-jni-rust-certs-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let run = |args: &[&str]| {
                let out = Command::new("openssl").args(args).current_dir(&dir).output().expect("openssl must be installed");
                assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
            };
            run(&["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "30", "-subj", "/CN=glide-jni test CA"]);
            run(&["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key", "-out", "other-ca.pem", "-days", "30", "-subj", "/CN=untrusted CA"]);
            std::fs::write(dir.join("san.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n").unwrap();
            run(&["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"]);
            run(&["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "30", "-extfile", "san.cnf"]);
            std::fs::write(dir.join("other.cnf"), "subjectAltName=DNS:other.example\n").unwrap();
            run(&["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "wrong-host.key", "-out", "wrong-host.csr", "-subj", "/CN=other.example"]);
            run(&["x509", "-req", "-in", "wrong-host.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "wrong-host.pem", "-days", "30", "-extfile", "other.cnf"]);
            Certs { dir }
        })
    }

    pub fn path(&self, name: &str) -> String {
        self.dir.join(name).to_string_lossy().into_owned()
    }

    pub fn pem(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.dir.join(name)).unwrap()
    }

    /// redis-server arguments for a TLS-only server with the CA-signed certificate
    /// `name` ("server": for 127.0.0.1 and localhost; "wrong-host": for other.example).
    pub fn server_args(&self, name: &str) -> Vec<String> {
        vec![
            "--tls-cert-file".into(), self.path(&format!("{name}.pem")),
            "--tls-key-file".into(), self.path(&format!("{name}.key")),
            "--tls-ca-cert-file".into(), self.path("ca.pem"),
            "--tls-auth-clients".into(), "no".into(),
        ]
    }
}
