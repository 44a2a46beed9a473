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
            let mut s = Server { port, child: None, dir, extra: extra.clone() };
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
        let mut child = Command::new(std::env::var("REDIS_SERVER").unwrap_or_else(|_| "redis-server".into()))
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--enable-debug-command", "yes"])
            .arg("--dir")
            .arg(&self.dir)
            .args(&self.extra)
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

    pub fn config(&self) -> ClientConfig {
        ClientConfig::for_address("127.0.0.1", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

