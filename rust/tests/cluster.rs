//! The cluster core against a real Redis Cluster (3 primaries, 3 replicas), without a JVM.

mod common;

use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use glide_jni::client::ClientConfig;
use glide_jni::cluster::slots::{slot_of, Address, SlotMap};
use glide_jni::cluster::{ClusterClient, ClusterConfig, ClusterRequest, ReadFrom, Route};
use glide_jni::reply::{kind, BulkAs};
use glide_jni::resp::Value;
use glide_jni::shape::Expect;

struct Cluster {
    nodes: Vec<Server>,
    replicas_per_shard: usize,
    /// One cluster at a time: tests run in parallel, and six nodes each are plenty for two CPUs.
    _one_at_a_time: std::sync::MutexGuard<'static, ()>,
}

static ONE_CLUSTER: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl Cluster {
    /// 3 primaries with one replica each.
    fn start() -> Cluster {
        Cluster::start_with_replicas(1)
    }

    /// 3 primaries with `replicas` replicas each.
    fn start_with_replicas(replicas: usize) -> Cluster {
        // A test that failed while holding the lock poisons it; the next one may still run.
        let guard = ONE_CLUSTER.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let nodes: Vec<Server> = (0..3 * (1 + replicas))
            .map(|_| {
                Server::start_with(&[
                    "--cluster-enabled",
                    "yes",
                    "--cluster-config-file",
                    "nodes.conf",
                    "--cluster-node-timeout",
                    "1000",
                ])
            })
            .collect();
        // `timeout`: a node that is not ours (a port race) would make redis-cli wait forever.
        let mut create = Command::new("timeout");
        create.args(["60", "redis-cli", "--cluster", "create"]);
        for node in &nodes {
            create.arg(format!("127.0.0.1:{}", node.port));
        }
        create.args(["--cluster-replicas", &replicas.to_string(), "--cluster-yes"]);
        let output = create.output().expect("redis-cli must be installed (redis-tools)");
        assert!(
            output.status.success(),
            "cluster create failed: {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let cluster = Cluster { nodes, replicas_per_shard: replicas, _one_at_a_time: guard };
        cluster.await_healthy();
        // A replica shows in CLUSTER SLOTS once it has replicated something: give it a write.
        for node in &cluster.nodes {
            if cli(node.port, &["ROLE"]).starts_with("master") {
                cli(node.port, &["FLUSHALL"]);
            }
        }
        cluster.await_replicas_announced();
        cluster
    }

    /// Waits until every node's CLUSTER SLOTS names a replica for every range.
    fn await_replicas_announced(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let announced = self.nodes.iter().all(|n| {
                let reply = raw_command(n.port, &[b"CLUSTER", b"SLOTS"]);
                let asked = Address::new("127.0.0.1", n.port);
                SlotMap::from_cluster_slots(&reply, &asked).is_ok_and(|m| m.shards().iter().all(|s| s.replicas.len() == self.replicas_per_shard))
            });
            if announced {
                return;
            }
            assert!(Instant::now() < deadline, "replicas were not announced in CLUSTER SLOTS");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn await_healthy(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let healthy = self.nodes.iter().filter(|n| n.is_running()).all(|n| {
                let info = cli(n.port, &["CLUSTER", "INFO"]);
                // Every node must also know every replica, or a client would see a partial map.
                let replicas = cli(n.port, &["CLUSTER", "NODES"]).lines().filter(|l| l.contains("slave")).count();
                info.contains("cluster_state:ok") && info.contains("cluster_slots_ok:16384") && replicas >= 3 * self.replicas_per_shard
            });
            if healthy {
                return;
            }
            assert!(Instant::now() < deadline, "the cluster did not become healthy");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn config(&self) -> ClusterConfig {
        let mut base = ClientConfig::for_address("127.0.0.1", self.nodes[0].port);
        base.request_timeout = Duration::from_secs(2);
        ClusterConfig { base, read_from: ReadFrom::Primary, topology_interval: Duration::from_secs(60) }
    }
}

/// One command over a plain RESP2 connection; its parsed reply.
fn raw_command(port: u16, args: &[&[u8]]) -> Value {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.write_all(&glide_jni::resp::pack(args)).unwrap();
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        if let Some((value, _)) = glide_jni::resp::parse(&buffer).unwrap() {
            return value;
        }
        let n = stream.read(&mut chunk).unwrap();
        assert!(n > 0, "connection closed");
        buffer.extend_from_slice(&chunk[..n]);
    }
}

/// One command through redis-cli; its output as text.
fn cli(port: u16, args: &[&str]) -> String {
    let output = Command::new("redis-cli").arg("-p").arg(port.to_string()).args(args).output().unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn connect(config: ClusterConfig) -> Arc<ClusterClient> {
    start_router();
    let client = ClusterClient::new(config).unwrap();
    let id = next_id();
    client.start(id).unwrap();
    assert_eq!(take(wait_for(id, Duration::from_secs(10))), Got::Ok);
    client
}

fn run(client: &Arc<ClusterClient>, args: &[&[u8]], route: Route) -> Got {
    let id = next_id();
    let request = ClusterRequest {
        id,
        packed: glide_jni::resp::pack(args),
        timeout: Some(Duration::from_secs(5)),
        expect: Expect::Natural,
        bulk_as: BulkAs::Text,
        route,
        selects_database: None,
    };
    client.submit(request).unwrap();
    take(wait_for(id, Duration::from_secs(10)))
}

fn bulk(s: &str) -> Got {
    Got::Bytes(kind::BULK, s.as_bytes().to_vec())
}

#[test]
fn cluster_routing_splitting_and_redirects() {
    let cluster = Cluster::start();
    let client = connect(cluster.config());

    // Keyed commands land on the slot's primary.
    for i in 0..100 {
        let key = format!("key:{i}");
        assert_eq!(run(&client, &[b"SET", key.as_bytes(), b"v"], Route::Default), Got::Ok);
    }
    for i in 0..100 {
        let key = format!("key:{i}");
        assert_eq!(run(&client, &[b"GET", key.as_bytes()], Route::Default), bulk("v"));
    }
    // DBSIZE goes to every primary and is summed.
    assert_eq!(run(&client, &[b"DBSIZE"], Route::Default), Got::Int(100));
    // Keys across slots: MGET split per slot, reassembled in order.
    let keys: Vec<String> = (0..20).map(|i| format!("key:{i}")).collect();
    let mut mget: Vec<&[u8]> = vec![b"MGET"];
    mget.extend(keys.iter().map(|k| k.as_bytes()));
    mget.push(b"missing");
    match run(&client, &mget, Route::Default) {
        Got::Bytes(kind::FRAME, frame) => assert_eq!(frame[0], glide_jni::reply::tag::ARRAY, "an array frame"),
        other => panic!("{other:?}"),
    }
    let mut del: Vec<&[u8]> = vec![b"DEL"];
    del.extend(keys.iter().map(|k| k.as_bytes()));
    assert_eq!(run(&client, &del, Route::Default), Got::Int(20));
    assert_eq!(run(&client, &[b"DBSIZE"], Route::Default), Got::Int(80));

    // Routes.
    let per_node = |got: Got| match got {
        Got::Bytes(kind::FRAME, frame) => {
            assert_eq!(frame[0], glide_jni::reply::tag::NODE_MAP, "a map frame, by node");
            u32::from_be_bytes(frame[1..5].try_into().unwrap())
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(per_node(run(&client, &[b"INFO", b"server"], Route::AllNodes)), 6);
    assert_eq!(per_node(run(&client, &[b"INFO", b"server"], Route::AllPrimaries)), 3);
    assert_eq!(run(&client, &[b"PING"], Route::AllNodes), Got::Bytes(kind::SIMPLE, b"PONG".to_vec()));
    let slot = slot_of(b"key:1");
    let owner = cli(cluster.nodes[0].port, &["CLUSTER", "SLOTS"]);
    assert!(!owner.is_empty());
    match run(&client, &[b"ROLE"], Route::Slot { slot, replica: true }) {
        Got::Bytes(kind::FRAME, frame) => assert!(frame.windows(5).any(|w| w == b"slave")),
        other => panic!("{other:?}"),
    }
    let address = Address::new("127.0.0.1", cluster.nodes[3].port);
    match run(&client, &[b"INFO", b"server"], Route::Address(address)) {
        Got::Bytes(_, text) => {
            let text = String::from_utf8(text).unwrap();
            assert!(text.contains(&format!("tcp_port:{}", cluster.nodes[3].port)));
        }
        other => panic!("{other:?}"),
    }

    // MOVED: move key:50's slot to another primary behind the client's back.
    let slot = slot_of(b"key:50");
    let slots = cli(cluster.nodes[0].port, &["CLUSTER", "SHARDS"]);
    assert!(!slots.is_empty());
    let source = primary_port_of(&cluster, slot);
    let target = cluster
        .nodes
        .iter()
        .map(|n| n.port)
        .find(|p| *p != source && cli(*p, &["ROLE"]).starts_with("master"))
        .unwrap();
    move_slot(&cluster, slot, source, target);
    assert_eq!(run(&client, &[b"GET", b"key:50"], Route::Default), bulk("v"));
    assert_eq!(run(&client, &[b"SET", b"key:50", b"w"], Route::Default), Got::Ok);
    assert_eq!(cli(target, &["GET", "key:50"]).trim(), "w");
    client.close();
}

fn primary_port_of(cluster: &Cluster, slot: u16) -> u16 {
    let text = cli(cluster.nodes[0].port, &["CLUSTER", "NODES"]);
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if !fields[2].contains("master") {
            continue;
        }
        for range in &fields[8..] {
            let (a, b) = range.split_once('-').unwrap_or((range, range));
            if let (Ok(a), Ok(b)) = (a.parse::<u16>(), b.parse::<u16>()) {
                if a <= slot && slot <= b {
                    let port = fields[1].split(['@', ':']).nth(1).unwrap();
                    return port.parse().unwrap();
                }
            }
        }
    }
    panic!("no primary for slot {slot}");
}

fn move_slot(cluster: &Cluster, slot: u16, source: u16, target: u16) {
    let source_id = cli(source, &["CLUSTER", "MYID"]).trim().to_string();
    let target_id = cli(target, &["CLUSTER", "MYID"]).trim().to_string();
    let s = slot.to_string();
    cli(target, &["CLUSTER", "SETSLOT", &s, "IMPORTING", &source_id]);
    cli(source, &["CLUSTER", "SETSLOT", &s, "MIGRATING", &target_id]);
    loop {
        let keys = cli(source, &["CLUSTER", "GETKEYSINSLOT", &s, "100"]);
        let keys: Vec<&str> = keys.lines().filter(|l| !l.is_empty()).collect();
        if keys.is_empty() {
            break;
        }
        let port = target.to_string();
        let mut args = vec!["MIGRATE", "127.0.0.1", &port, "", "0", "5000", "KEYS"];
        args.extend(keys);
        cli(source, &args);
    }
    for node in &cluster.nodes {
        if cli(node.port, &["ROLE"]).starts_with("master") {
            cli(node.port, &["CLUSTER", "SETSLOT", &s, "NODE", &target_id]);
        }
    }
    cluster.await_healthy();
}

/// One scan step: `(next slot, batch, keys)`.
fn scan_step(client: &Arc<ClusterClient>, slot: i64, batch: i64, options: &[&[u8]]) -> (i64, i64, Vec<Vec<u8>>) {
    let id = next_id();
    let (slot, batch) = (slot.to_string(), batch.to_string());
    let mut args: Vec<&[u8]> = vec![b"SCAN", slot.as_bytes(), batch.as_bytes()];
    args.extend_from_slice(options);
    client.scan(id, &glide_jni::resp::pack(&args), Some(Duration::from_secs(5)), BulkAs::Bytes).unwrap();
    let frame = match take(wait_for(id, Duration::from_secs(10))) {
        Got::Bytes(kind::FRAME, frame) => frame,
        other => panic!("{other:?}"),
    };
    match glide_jni::reply::Outcome::Frame(frame).into_value().unwrap() {
        Value::Array(parts) => match &parts[..] {
            [Value::Int(next), Value::Int(batch), Value::Array(keys)] => {
                let keys = keys.iter().map(|k| match k {
                    Value::BulkString(k) => k.clone(),
                    other => panic!("{other:?}"),
                });
                (*next, *batch, keys.collect())
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

#[test]
fn scan_returns_every_key_once_while_a_slot_moves() {
    let cluster = Cluster::start();
    let client = connect(cluster.config());
    let mut expected = std::collections::BTreeSet::new();
    for i in 0..600 {
        let key = format!("s:{i}");
        assert_eq!(run(&client, &[b"SET", key.as_bytes(), b"v"], Route::Default), Got::Ok);
        expected.insert(key.into_bytes());
    }
    // A slot near the end, with keys, moves to another primary after the first steps.
    let key = (0..600).map(|i| format!("s:{i}")).find(|k| slot_of(k.as_bytes()) > 15000).unwrap();
    let slot = slot_of(key.as_bytes());
    let source = primary_port_of(&cluster, slot);
    let target = cluster.nodes.iter().map(|n| n.port).find(|p| *p != source && cli(*p, &["ROLE"]).starts_with("master")).unwrap();

    let mut seen: std::collections::BTreeMap<Vec<u8>, u32> = Default::default();
    let (mut next, mut batch, mut steps) = (0, 16, 0);
    while next < 16384 {
        if steps == 2 {
            move_slot(&cluster, slot, source, target);
        }
        let (n, b, keys) = scan_step(&client, next, batch, &[b"COUNT", b"20"]);
        assert!(n >= next && steps < 5000, "the scan goes forward");
        (next, batch) = (n, b);
        steps += 1;
        for key in keys {
            *seen.entry(key).or_default() += 1;
        }
    }
    assert!(seen.values().all(|n| *n == 1), "a key came back twice");
    assert_eq!(seen.keys().cloned().collect::<std::collections::BTreeSet<_>>(), expected);
    // MATCH is applied, and a bad step is a clear error.
    let (_, _, keys) = scan_step(&client, 0, 1024, &[b"MATCH", b"s:1?", b"COUNT", b"100000"]);
    assert!(keys.iter().all(|k| k.len() == 4 && k.starts_with(b"s:1")));
    let id = next_id();
    client.scan(id, &glide_jni::resp::pack(&[b"SCAN", b"99999", b"1"]), None, BulkAs::Bytes).unwrap();
    assert!(matches!(take(wait_for(id, Duration::from_secs(5))), Got::Error(_, m) if m.contains("out of range")));
    client.close();
}

/// Reads with AZ affinity go where valkey-glide sends them, on Valkey nodes that know their zone
/// (`availability-zone`, Valkey 8 and later; Redis has none, and the test says it skipped). Three
/// shards with two replicas each; the client is in az-1:
/// - shard 0: primary az-2, replicas az-1 and az-2: the az-1 replica takes every read;
/// - shard 1: primary az-1, replicas az-2 and az-3: no replica in az-1, so AZ_AFFINITY reads
///   from both replicas in turn, AZ_AFFINITY_REPLICAS_AND_PRIMARY from the primary;
/// - shard 2: nothing in az-1: both replicas in turn, under either strategy.
///
/// Where each read went is counted by the nodes themselves (`INFO commandstats`).
#[test]
fn reads_follow_the_availability_zone() {
    let cluster = Cluster::start_with_replicas(2);
    if !cli(cluster.nodes[0].port, &["CONFIG", "SET", "availability-zone", "probe"]).starts_with("OK") {
        println!("skipped: this server has no availability-zone setting (Redis); the Valkey leg runs it");
        return;
    }
    let reply = raw_command(cluster.nodes[0].port, &[b"CLUSTER", b"SLOTS"]);
    let map = SlotMap::from_cluster_slots(&reply, &Address::new("127.0.0.1", cluster.nodes[0].port)).unwrap();
    let zones = [("az-2", ["az-1", "az-2"]), ("az-1", ["az-2", "az-3"]), ("az-3", ["az-3", "az-2"])];
    let shards: Vec<_> = map.shards().to_vec();
    assert_eq!(shards.len(), 3);
    for (shard, (primary_zone, replica_zones)) in shards.iter().zip(zones) {
        assert_eq!(cli(shard.primary.port, &["CONFIG", "SET", "availability-zone", primary_zone]).trim(), "OK");
        for (replica, zone) in shard.replicas.iter().zip(replica_zones) {
            assert_eq!(cli(replica.port, &["CONFIG", "SET", "availability-zone", zone]).trim(), "OK");
        }
    }
    // A key served by each shard.
    let keys: Vec<String> = shards
        .iter()
        .map(|shard| {
            (0..).map(|i| format!("az-key:{i}")).find(|k| map.shard_of(slot_of(k.as_bytes())) == Some(shard)).unwrap()
        })
        .collect();
    let gets = |port: u16| -> u64 {
        let stats = cli(port, &["INFO", "commandstats"]);
        let line = stats.lines().find(|l| l.starts_with("cmdstat_get:"));
        line.and_then(|l| l.split(['=', ',']).nth(1)?.parse().ok()).unwrap_or(0)
    };
    for strategy in ["AZ_AFFINITY", "AZ_AFFINITY_REPLICAS_AND_PRIMARY"] {
        let mut config = cluster.config();
        config.read_from = match strategy {
            "AZ_AFFINITY" => ReadFrom::AzAffinity("az-1".into()),
            _ => ReadFrom::AzAffinityReplicasAndPrimary("az-1".into()),
        };
        let client = connect(config);
        for node in &cluster.nodes {
            cli(node.port, &["CONFIG", "RESETSTAT"]);
        }
        for _ in 0..30 {
            for key in &keys {
                assert_eq!(run(&client, &[b"GET", key.as_bytes()], Route::Default), Got::Nil);
            }
        }
        let counted = |shard: &glide_jni::cluster::slots::Shard| {
            (gets(shard.primary.port), shard.replicas.iter().map(|r| gets(r.port)).collect::<Vec<_>>())
        };
        let (primary, replicas) = counted(&shards[0]);
        assert_eq!((primary, replicas.as_slice()), (0, &[30, 0][..]), "{strategy}, shard 0: the az-1 replica");
        let (primary, replicas) = counted(&shards[1]);
        if strategy == "AZ_AFFINITY" {
            assert_eq!(primary, 0, "{strategy}, shard 1: replicas only");
            assert!(replicas.iter().all(|&n| n > 0) && replicas.iter().sum::<u64>() == 30, "{strategy}, shard 1: {replicas:?}");
        } else {
            assert_eq!((primary, replicas.as_slice()), (30, &[0, 0][..]), "{strategy}, shard 1: the az-1 primary");
        }
        let (primary, replicas) = counted(&shards[2]);
        assert_eq!(primary, 0, "{strategy}, shard 2: replicas only");
        assert!(replicas.iter().all(|&n| n > 0) && replicas.iter().sum::<u64>() == 30, "{strategy}, shard 2: {replicas:?}");
        client.close();
    }
}

/// `request` sent with `timeout`; its completion and how long it took.
fn timed(client: &Arc<ClusterClient>, args: &[&[u8]], timeout: Duration) -> (Got, Duration) {
    let id = next_id();
    let request = ClusterRequest {
        id,
        packed: glide_jni::resp::pack(args),
        timeout: Some(timeout),
        expect: Expect::Natural,
        bulk_as: BulkAs::Text,
        route: Route::Default,
        selects_database: None,
    };
    let started = Instant::now();
    client.submit(request).unwrap();
    let got = take(wait_for(id, timeout + Duration::from_secs(5)));
    (got, started.elapsed())
}

/// Runs `change` on another thread after `delay`.
fn later(delay: Duration, change: impl FnOnce() + Send + 'static) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        std::thread::sleep(delay);
        change();
    })
}

/// The node stops serving the slot (`CLUSTER DELSLOTS`): its commands answer `CLUSTERDOWN`.
fn unassign(port: u16, slot: u16) {
    assert_eq!(cli(port, &["CLUSTER", "DELSLOTS", &slot.to_string()]).trim(), "OK");
}

fn reassign(port: u16, slot: u16) {
    assert_eq!(cli(port, &["CLUSTER", "ADDSLOTS", &slot.to_string()]).trim(), "OK");
}

/// A cluster of its own, a client, and a key (set to "v") whose slot's primary is returned.
fn cluster_with_key(key: &[u8]) -> (Cluster, Arc<ClusterClient>, u16) {
    // No replicas: these tests need primaries only, and three nodes start in half the time.
    let cluster = Cluster::start_with_replicas(0);
    let client = connect(cluster.config());
    assert_eq!(run(&client, &[b"SET", key, b"v"], Route::Default), Got::Ok);
    let owner = primary_port_of(&cluster, slot_of(key));
    (cluster, client, owner)
}

/// valkey-glide waits (1280 ms at least) and sends again a request answered `CLUSTERDOWN`:
/// the slot is back 150 ms after the GET was sent, so the GET succeeds after one wait. Before,
/// glide-jni failed it at once with the server's error.
#[test]
fn clusterdown_is_waited_out_when_the_slot_comes_back() {
    let key: &[u8] = b"down:{1}";
    let (cluster, client, owner) = cluster_with_key(key);
    let slot = slot_of(key);
    unassign(owner, slot);
    match raw_command(owner, &[b"GET", key]) {
        Value::ServerError(m) => assert!(m.starts_with("CLUSTERDOWN"), "{m}"),
        other => panic!("the node should refuse the slot: {other:?}"),
    }
    let back = later(Duration::from_millis(150), move || reassign(owner, slot));
    let (got, took) = timed(&client, &[b"GET", key], Duration::from_secs(5));
    back.join().unwrap();
    assert_eq!(got, bulk("v"), "after {took:?}");
    assert!(took >= Duration::from_millis(1250) && took < Duration::from_secs(4), "one wait of 1280 ms or so: {took:?}");
    client.close();
    drop(cluster);
}

/// A transaction refused with `CLUSTERDOWN` is waited out and sent again whole, as valkey-glide
/// does (whatever the batch's retry strategy, which is for pipelines).
#[test]
fn a_transaction_refused_with_clusterdown_is_sent_again_whole() {
    let key: &[u8] = b"down:{2}";
    let (cluster, client, owner) = cluster_with_key(key);
    let slot = slot_of(key);
    unassign(owner, slot);
    let back = later(Duration::from_millis(150), move || reassign(owner, slot));
    let commands: [&[&[u8]]; 2] = [&[b"SET", key, b"w"], &[b"GET", key]];
    let (mut bytes, mut lengths) = (Vec::new(), Vec::new());
    for command in commands {
        let packed = glide_jni::resp::pack(command);
        lengths.push(packed.len() as i32);
        bytes.extend_from_slice(&packed);
    }
    let spec = glide_jni::batch::BatchSpec::parse(&bytes, &lengths, &[0, 0], true, true).unwrap();
    let id = next_id();
    let retry = glide_jni::cluster::BatchRetry::default();
    let started = Instant::now();
    client.submit_batch(id, spec, Some(Duration::from_secs(5)), BulkAs::Text, Route::Default, retry).unwrap();
    let got = take(wait_for(id, Duration::from_secs(10)));
    let took = started.elapsed();
    back.join().unwrap();
    match got {
        Got::Bytes(kind::FRAME, frame) => {
            let value = glide_jni::reply::Outcome::Frame(frame).into_value().unwrap();
            assert_eq!(value, Value::Array(vec![Value::Okay, Value::BulkString(b"w".to_vec())]));
        }
        other => panic!("the transaction should have run once the slot was back: {other:?} after {took:?}"),
    }
    assert!(took >= Duration::from_millis(1250), "one wait of 1280 ms or so: {took:?}");
    client.close();
    drop(cluster);
}

/// The slot stays unserved: valkey-glide's 16 retries would take 20 s at the very least, so the
/// request's timeout ends it (a timeout error at its deadline), not `CLUSTERDOWN` at once.
#[test]
fn clusterdown_that_lasts_ends_at_the_request_timeout() {
    let key: &[u8] = b"down:{3}";
    let (cluster, client, owner) = cluster_with_key(key);
    let slot = slot_of(key);
    unassign(owner, slot);
    let (got, took) = timed(&client, &[b"GET", key], Duration::from_secs(2));
    assert!(matches!(&got, Got::Error(kind::ERR_TIMEOUT, _)), "{got:?} after {took:?}");
    assert!(took >= Duration::from_millis(1950) && took < Duration::from_secs(3), "at its deadline: {took:?}");

    // Closing the client ends a waiting request at once, as closed.
    let id = next_id();
    let packed = glide_jni::resp::pack(&[b"GET", key]);
    let request = ClusterRequest { id, packed, timeout: Some(Duration::from_secs(10)), expect: Expect::Natural, bulk_as: BulkAs::Text, route: Route::Default, selects_database: None };
    client.submit(request).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let closed = Instant::now();
    client.close();
    let got = take(wait_for(id, Duration::from_secs(5)));
    assert!(matches!(&got, Got::Error(kind::ERR_CLOSING, _)), "{got:?}");
    assert!(closed.elapsed() < Duration::from_millis(500), "ended with the close: {:?}", closed.elapsed());
    reassign(owner, slot);
    drop(cluster);
}

/// A multi-key command over a slot whose keys are half moved gets `TRYAGAIN` from the slot's
/// old owner; valkey-glide waits and sends it again, and by then the slot has moved (`MOVED`).
#[test]
fn tryagain_during_a_slot_migration_is_retried() {
    let cluster = Cluster::start_with_replicas(0);
    let client = connect(cluster.config());
    let (a, b): (&[u8], &[u8]) = (b"mig:{7}a", b"mig:{7}b");
    let slot = slot_of(a);
    assert_eq!(run(&client, &[b"MSET", a, b"1", b, b"2"], Route::Default), Got::Ok);
    let source = primary_port_of(&cluster, slot);
    let target = cluster.nodes.iter().map(|n| n.port).find(|p| *p != source && cli(*p, &["ROLE"]).starts_with("master")).unwrap();
    let source_id = cli(source, &["CLUSTER", "MYID"]).trim().to_string();
    let target_id = cli(target, &["CLUSTER", "MYID"]).trim().to_string();
    let s = slot.to_string();
    cli(target, &["CLUSTER", "SETSLOT", &s, "IMPORTING", &source_id]);
    cli(source, &["CLUSTER", "SETSLOT", &s, "MIGRATING", &target_id]);
    let port = target.to_string();
    cli(source, &["MIGRATE", "127.0.0.1", &port, "", "0", "5000", "KEYS", "mig:{7}a"]);
    match raw_command(source, &[b"MGET", a, b]) {
        Value::ServerError(m) => assert!(m.starts_with("TRYAGAIN"), "{m}"),
        other => panic!("the half-moved slot should answer TRYAGAIN: {other:?}"),
    }
    // The migration ends 150 ms after the MGET was sent.
    let primaries: Vec<u16> = cluster.nodes.iter().map(|n| n.port).filter(|p| cli(*p, &["ROLE"]).starts_with("master")).collect();
    let done = later(Duration::from_millis(150), move || {
        cli(source, &["MIGRATE", "127.0.0.1", &port, "", "0", "5000", "KEYS", "mig:{7}b"]);
        for p in primaries {
            cli(p, &["CLUSTER", "SETSLOT", &s, "NODE", &target_id]);
        }
    });
    let (got, took) = timed(&client, &[b"MGET", a, b], Duration::from_secs(5));
    done.join().unwrap();
    match got {
        Got::Bytes(kind::FRAME, frame) => {
            let value = glide_jni::reply::Outcome::Frame(frame).into_value().unwrap();
            let expected = Value::Array(vec![Value::BulkString(b"1".to_vec()), Value::BulkString(b"2".to_vec())]);
            assert_eq!(value, expected, "after {took:?}");
        }
        other => panic!("the MGET should have been retried: {other:?} after {took:?}"),
    }
    assert!(took >= Duration::from_millis(1250), "one wait of 1280 ms or so: {took:?}");
    client.close();
}

/// Makes the node at `port` reload its data set slowly from another thread (`DEBUG RELOAD`,
/// 4,000 extra keys at `key-load-delay` µs each, events served every 1 KiB read), so that it
/// answers `LOADING` meanwhile; returns once it does. The thread's handle ends with the reload.
fn reload_slowly(port: u16, key_delay_us: u32) -> std::thread::JoinHandle<()> {
    assert_eq!(cli(port, &["DEBUG", "POPULATE", "4000", "filler:"]).trim(), "OK");
    assert_eq!(cli(port, &["CONFIG", "SET", "loading-process-events-interval-bytes", "1024"]).trim(), "OK");
    assert_eq!(cli(port, &["CONFIG", "SET", "key-load-delay", &key_delay_us.to_string()]).trim(), "OK");
    let reload = std::thread::spawn(move || {
        let reply = raw_command(port, &[b"DEBUG", b"RELOAD"]);
        assert_eq!(reply, Value::Okay, "DEBUG RELOAD");
        assert_eq!(cli(port, &["CONFIG", "SET", "key-load-delay", "0"]).trim(), "OK");
    });
    let deadline = Instant::now() + Duration::from_secs(10);
    while !cli(port, &["INFO", "persistence"]).contains("loading:1") {
        assert!(Instant::now() < deadline, "the node did not start loading");
        std::thread::sleep(Duration::from_millis(5));
    }
    reload
}

/// A primary loading its data set answers `LOADING`; valkey-glide waits (1280 ms at least) and
/// sends the request again, as for `CLUSTERDOWN`. Before, glide-jni failed it at once with the
/// server's error.
#[test]
fn a_loading_primary_is_waited_out() {
    let key: &[u8] = b"loading:{1}";
    let (cluster, client, owner) = cluster_with_key(key);
    // 4,000 keys at 400 µs: about 1.6 s of loading.
    let reload = reload_slowly(owner, 400);
    match raw_command(owner, &[b"GET", key]) {
        Value::ServerError(m) => assert!(m.starts_with("LOADING"), "{m}"),
        other => panic!("the node should be loading: {other:?}"),
    }
    let (got, took) = timed(&client, &[b"GET", key], Duration::from_secs(8));
    reload.join().unwrap();
    assert_eq!(got, bulk("v"), "after {took:?}");
    assert!(took >= Duration::from_millis(1250), "at least one wait of 1280 ms or so: {took:?}");
    client.close();
    drop(cluster);
}

/// A replica loading its data set answers `LOADING` to a read sent there for its slot
/// (`PREFER_REPLICA`): valkey-glide drops that replica's connection and sends the read again
/// at once, so it reaches the primary; later reads of the shard go to the primary while the
/// replica is out of the map. Before, glide-jni failed the read with the server's error.
#[test]
fn reads_leave_a_loading_replica_for_the_primary_at_once() {
    let cluster = Cluster::start();
    let key: &[u8] = b"loading:{2}";
    let slot = slot_of(key);
    let mut config = cluster.config();
    config.read_from = ReadFrom::PreferReplica;
    let client = connect(config);
    assert_eq!(run(&client, &[b"SET", key, b"v"], Route::Default), Got::Ok);
    let primary = primary_port_of(&cluster, slot);
    // The replica has the key once a read through it finds it.
    let deadline = Instant::now() + Duration::from_secs(10);
    while run(&client, &[b"GET", key], Route::Default) != bulk("v") {
        assert!(Instant::now() < deadline, "the replica never had the key");
        std::thread::sleep(Duration::from_millis(20));
    }
    let reply = raw_command(primary, &[b"CLUSTER", b"SLOTS"]);
    let map = SlotMap::from_cluster_slots(&reply, &Address::new("127.0.0.1", primary)).unwrap();
    let replica = map.shard_of(slot).unwrap().replicas[0].port;
    // 4,000 keys at 1 ms: about 4 s of loading, longer than every read below together.
    let reload = reload_slowly(replica, 1000);
    cli(primary, &["CONFIG", "RESETSTAT"]);
    let started = Instant::now();
    for _ in 0..5 {
        let (got, took) = timed(&client, &[b"GET", key], Duration::from_secs(2));
        assert_eq!(got, bulk("v"), "after {took:?}");
        assert!(took < Duration::from_millis(1000), "sent to the primary at once, not after a wait: {took:?}");
    }
    assert!(started.elapsed() < Duration::from_secs(3), "the replica was still loading throughout: {:?}", started.elapsed());
    let stats = cli(primary, &["INFO", "commandstats"]);
    let gets = stats.lines().find(|l| l.starts_with("cmdstat_get:")).and_then(|l| l.split(['=', ',']).nth(1)?.parse::<u64>().ok());
    assert_eq!(gets, Some(5), "every read went to the primary: {stats}");
    reload.join().unwrap();
    client.close();
    drop(cluster);
}
