//! The JNI boundary: the native methods of `glide.internal.NativeBridge`.
//!
//! Each one is a shim: decode arguments, call the core, encode the result. They are not
//! exported by name: [`natives`] registers them, with signatures checked at compile time and
//! at load. Their bodies run inside `EnvUnowned::with_env` (in the wrapper `native_method!`
//! generates), which catches panics; the [`policy::ThrowGlide`] policy turns errors and panics alike
//! into Java exceptions, so nothing unwinds into the JVM.
//!
//! The natives never ask which kind of client a handle holds: each calls one method of
//! [`any_client::AnyClient`], where every such `match` lives. `createClient`'s settings arrive as
//! one encoded value, read by [`config::decode`].

mod any_client;
mod config;
mod iam;
mod logging;
mod natives;
mod parked_hand_off;
mod policy;
mod telemetry;
mod tls;
mod virtual_threads;

use std::sync::Arc;
use std::time::Duration;

use jni::objects::{JByteArray, JClass, JIntArray, JLongArray, JObjectArray, JString};
use jni::sys::{jboolean, jint, jlong};
use jni::Env;
use smallvec::SmallVec;

use crate::batch::BatchSpec;
use crate::client::{Rejection, Request};
use crate::cluster::{self, BatchRetry, Route};
use crate::completion::{self, Completion};
use crate::pubsub::{self, Mode, PubSub};
use crate::reply::{self, BulkAs, Outcome};
use crate::resp::{self, Value};
use crate::shape::{Expect, Probe};
use crate::stats;
use crate::telemetry::span::Started;
use crate::wire;

use any_client::{AnyClient, ClientHandle, Target};
use policy::BridgeError;
use tls::TlsHandle;
use iam::IamHandle;

/// Creates a client and starts connecting; the outcome of the first connection arrives as
/// completion `request_id`. Returns the handle.
fn create_client<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    request_id: jlong,
    // Every setting, encoded as `wire::config` says (Java's NativeConfig); see `config::decode`.
    config: JByteArray<'caller>,
    // From createTlsSettings, or 0: plaintext.
    tls: jlong,
    // From createIamAuth, or 0: no IAM.
    iam: jlong,
) -> Result<jlong, BridgeError> {
    if config.is_null() {
        return Err(BridgeError::configuration("the configuration must not be null"));
    }
    let bytes = env.convert_byte_array(&config)?;
    // SAFETY: Java passes handles from createTlsSettings and createIamAuth (or 0) that it frees
    // only after this call returns.
    let (tls, iam) = unsafe { (TlsHandle(tls).settings(), IamHandle(iam).tokens()) };
    let client = AnyClient::start(config::decode(&bytes, tls, iam)?, request_id)?;
    Ok(ClientHandle::new(client).0)
}

/// The next pub/sub message of a client with subscriptions, as a pointer to a
/// [`wire::pubsub_message`] frame that Java takes (`takeBytes`); 0 when none
/// came within `timeout_ms` (0: do not wait) or the client is closed.
fn take_pub_sub_message<'caller>(
    _env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
    timeout_ms: jint,
) -> Result<jlong, BridgeError> {
    let (_, pubsub) = pubsub_of(handle)?;
    let message = match u64::try_from(timeout_ms) {
        Ok(0) | Err(_) => pubsub.try_take(),
        Ok(ms) => pubsub.wait(Duration::from_millis(ms)),
    };
    let Some(message) = message else { return Ok(0) };
    Ok(reply::bytes_into_raw(reply::bytes_array_frame(&message_parts(&message))))
}

/// A message's parts, each at its [`wire::pubsub_message`] position (the pattern nil unless
/// it came through a pattern subscription).
fn message_parts(message: &pubsub::Message) -> [Option<&[u8]>; wire::pubsub_message::LEN] {
    let mut parts = [None; wire::pubsub_message::LEN];
    parts[wire::pubsub_message::CHANNEL] = Some(message.channel());
    parts[wire::pubsub_message::PAYLOAD] = Some(message.payload());
    parts[wire::pubsub_message::PATTERN] = message.pattern();
    parts
}

/// The pub/sub state of a client (every RESP3 one has it).
fn pubsub_of<'a>(handle: jlong) -> Result<(&'a AnyClient, Arc<PubSub>), BridgeError> {
    // SAFETY: Java passes a live handle (see ClientHandle::client).
    let client = unsafe { ClientHandle(handle).client()? };
    match client.pubsub() {
        Some(pubsub) => Ok((client, Arc::clone(pubsub))),
        None => Err(BridgeError::configuration("subscribing needs protocol RESP3: messages arrive on the client's own connection")),
    }
}

fn read_names(env: &mut Env<'_>, names: &JObjectArray<'_, JByteArray<'_>>) -> Result<Vec<Vec<u8>>, BridgeError> {
    if names.is_null() {
        return Ok(Vec::new());
    }
    let count = names.len(env)?;
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let name = names.get_element(env, i)?;
        out.push(env.convert_byte_array(&name)?);
    }
    Ok(out)
}

fn read_mode(mode: jint) -> Result<Mode, BridgeError> {
    Mode::from_index(mode).ok_or_else(|| BridgeError::request(format!("unknown subscription mode {mode}")))
}

/// Subscribes (or, `subscribe` false, unsubscribes; no names: from all) now; see
/// `Client::change_subscriptions`.
fn change_subscriptions<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
    mode: jint,
    names: JObjectArray<'caller, JByteArray<'caller>>,
    subscribe: jboolean,
) -> Result<(), BridgeError> {
    let (client, _) = pubsub_of(handle)?;
    let names = read_names(env, &names)?;
    client.change_subscriptions(read_mode(mode)?, &names, subscribe)
}

/// Blocks up to `timeout_ms` until the server confirmed the (un)subscription of `names`.
fn await_subscriptions<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
    mode: jint,
    names: JObjectArray<'caller, JByteArray<'caller>>,
    subscribed: jboolean,
    timeout_ms: jint,
) -> Result<jboolean, BridgeError> {
    let (_, pubsub) = pubsub_of(handle)?;
    let names = read_names(env, &names)?;
    let timeout = Duration::from_millis(u64::try_from(timeout_ms).unwrap_or(0));
    Ok(pubsub.wait_confirmed(read_mode(mode)?, &names, subscribed, timeout))
}

/// What the client wants and what the server confirmed, as a [`wire::subscription_state`]
/// frame of arrays of names.
fn subscription_state<'caller>(
    _env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
) -> Result<jlong, BridgeError> {
    let (_, pubsub) = pubsub_of(handle)?;
    let (wanted, confirmed) = pubsub.subscriptions();
    match Outcome::from_value(state_value(&wanted, &confirmed), Expect::Natural, BulkAs::Bytes) {
        Outcome::Frame(frame) => Ok(reply::bytes_into_raw(frame)),
        other => Err(BridgeError::request(format!("internal error: subscriptions encoded as {other:?}"))),
    }
}

/// The wanted and confirmed names of each mode, each list at its [`wire::subscription_state`]
/// position.
fn state_value(wanted: &pubsub::ByMode, confirmed: &pubsub::ByMode) -> Value {
    let names = |set: &std::collections::BTreeSet<Vec<u8>>| Value::Array(set.iter().cloned().map(Value::BulkString).collect());
    let mut lists = vec![Value::Nil; wire::subscription_state::LEN];
    for mode in Mode::ALL {
        // A mode's number is its wire::subscription_mode code (see `Mode`).
        let m = mode as usize;
        lists[wire::subscription_state::WANTED + m] = names(&wanted[m]);
        lists[wire::subscription_state::CONFIRMED + m] = names(&confirmed[m]);
    }
    Value::Array(lists)
}

/// Starts one command. Returns a [`wire::submitted`] code: started, or refused by the inflight
/// limit or because the client is closed. The reply arrives as completion `request_id`.
#[allow(clippy::too_many_arguments)] // mirrors the Java signature
fn submit<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
    request_id: jlong,
    // The whole command as RESP (an array of bulk strings), packed by Java.
    command: JByteArray<'caller>,
    // > 0: milliseconds; else a `wire::timeout` code (see `request_timeout`).
    timeout_ms: jint,
    // A `wire::shape` code: NATURAL (the shape the command implies, see shape::Probe) or the
    // `shape::Expect` it names (a command defined in glide.internal.commands); others refused.
    shape: jint,
    // The caller wants bulk strings as GlideString (bytes), not String.
    binary: jboolean,
    // Cluster clients only: a `wire::route` code, with its argument in `route_int` or
    // `route_bytes`; `SCAN_STEP`: not a command but a cluster scan step (see cluster::scan).
    route_kind: jint,
    route_int: jint,
    route_bytes: JByteArray<'caller>,
    // Sampled for OpenTelemetry: the trace context (see `telemetry::read_trace`); null: not sampled.
    trace: JLongArray<'caller>,
) -> Result<jint, BridgeError> {
    // SAFETY: Java passes a live handle (see ClientHandle::client).
    let client = unsafe { ClientHandle(handle).client()? };
    virtual_threads::note_calling_thread(env)?;
    let cmd = read_command(env, &command)?;
    let span = command_span(env, &trace, request_id, route_kind == wire::route::SCAN_STEP, &cmd, client)?;
    let expect = cmd.probe.expect_as(shape).ok_or_else(|| BridgeError::request(crate::shape::unknown_code(shape)))?;
    let bulk_as = if binary { BulkAs::Bytes } else { BulkAs::Text };
    let timeout = request_timeout(timeout_ms, client.base_config().request_timeout);
    let selects_database = cmd.probe.selects_database();
    let request = Request { id: request_id, packed: cmd.packed, timeout, expect, bulk_as, selects_database };
    let target = match route_kind {
        wire::route::SCAN_STEP => Target::ScanStep,
        _ => Target::Command(|| read_route(env, route_kind, route_int, &route_bytes)),
    };
    Ok(submitted(client.submit(request, target)?, span))
}

/// The span of a sampled command (`trace` not null), opened now; `None` when not sampled.
fn command_span(
    env: &mut Env<'_>,
    trace: &JLongArray<'_>,
    request_id: jlong,
    scan_step: bool,
    cmd: &PackedCommand,
    client: &AnyClient,
) -> Result<Option<Started>, BridgeError> {
    Ok(match telemetry::read_trace(env, trace)? {
        None => None,
        Some(parent) if scan_step => Started::cluster_scan(request_id, parent),
        Some(parent) => Started::command(request_id, parent, &cmd.packed, client.server()),
    })
}

/// `submit`'s and `submitBatch`'s answer (a [`wire::submitted`] code). A refused request's
/// span ends here: no completion will end it.
fn submitted(result: Result<(), Rejection>, span: Option<Started>) -> jint {
    let (code, refusal) = match result {
        Ok(()) => (wire::submitted::STARTED, None),
        Err(Rejection::InflightLimit(_)) => {
            (wire::submitted::REFUSED_INFLIGHT_LIMIT, Some(("the inflight requests limit was reached", "RequestException")))
        }
        Err(Rejection::Closed) => (wire::submitted::REFUSED_CLOSED, Some(("the client is closed", "ClosingException"))),
    };
    if let Some(span) = span {
        span.submitted(refusal);
    }
    code
}

/// Starts a batch: `commands` holds its commands packed back to back,
/// `lengths[i]` bytes each, `shapes[i]` as for `submit`. Returns as `submit`
/// does; the replies arrive together, as completion `request_id`: an array
/// with one element per command, nil for a transaction aborted by WATCH.
#[allow(clippy::too_many_arguments)] // mirrors the Java signature
fn submit_batch<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
    request_id: jlong,
    commands: JByteArray<'caller>,
    lengths: JIntArray<'caller>,
    shapes: JIntArray<'caller>,
    // A transaction (MULTI/EXEC) rather than a pipeline.
    atomic: jboolean,
    // The first server error fails the batch instead of being its command's element.
    raise_on_error: jboolean,
    // As for `submit`, for the whole batch.
    timeout_ms: jint,
    binary: jboolean,
    // Cluster clients only: as for `submit` (0: each command's own routing).
    route_kind: jint,
    route_int: jint,
    route_bytes: JByteArray<'caller>,
    // Cluster pipelines only: retry after TRYAGAIN / after a lost connection.
    retry_server_error: jboolean,
    retry_connection_error: jboolean,
    // As for `submit`: the trace context of a sampled batch, else null.
    trace: JLongArray<'caller>,
) -> Result<jint, BridgeError> {
    // SAFETY: Java passes a live handle (see ClientHandle::client).
    let client = unsafe { ClientHandle(handle).client()? };
    virtual_threads::note_calling_thread(env)?;
    let spec = read_batch(env, &commands, &lengths, &shapes, atomic, raise_on_error)?;
    let span = match telemetry::read_trace(env, &trace)? {
        None => None,
        Some(parent) => Started::batch(request_id, parent, spec.commands.iter().map(|c| c.packed.as_slice()), client.server()),
    };
    let bulk_as = if binary { BulkAs::Bytes } else { BulkAs::Text };
    let timeout = request_timeout(timeout_ms, client.base_config().request_timeout);
    let route = || read_route(env, route_kind, route_int, &route_bytes);
    let retry = BatchRetry { server_error: retry_server_error, connection_error: retry_connection_error };
    Ok(submitted(client.submit_batch(request_id, spec, timeout, bulk_as, route, retry)?, span))
}

/// Copies a batch from Java (see `submit_batch`) and parses it.
fn read_batch(
    env: &mut Env<'_>,
    commands: &JByteArray<'_>,
    lengths: &JIntArray<'_>,
    shapes: &JIntArray<'_>,
    atomic: bool,
    raise_on_error: bool,
) -> Result<BatchSpec, BridgeError> {
    if commands.is_null() || lengths.is_null() || shapes.is_null() {
        return Err(BridgeError::request("null batch"));
    }
    let packed = env.convert_byte_array(commands)?;
    let mut lengths_values = vec![0i32; lengths.len(env)?];
    lengths.get_region(env, 0, &mut lengths_values)?;
    let mut shape_values = vec![0i32; shapes.len(env)?];
    shapes.get_region(env, 0, &mut shape_values)?;
    BatchSpec::parse(&packed, &lengths_values, &shape_values, atomic, raise_on_error).map_err(BridgeError::request)
}

/// A request's timeout from `timeout_ms`: milliseconds when positive, else a [`wire::timeout`]
/// code (`DEFAULT`, as is any other negative number: the client's `default`; `NONE`: none).
fn request_timeout(timeout_ms: jint, default: Duration) -> Option<Duration> {
    match timeout_ms {
        wire::timeout::NONE => None,
        t if t > 0 => Some(Duration::from_millis(t as u64)),
        _ => Some(default),
    }
}

fn read_route(env: &mut Env<'_>, kind: jint, int: jint, bytes: &JByteArray<'_>) -> Result<Route, BridgeError> {
    let slot = || {
        u16::try_from(int)
            .ok()
            .filter(|s| *s < cluster::slots::SLOT_COUNT)
            .ok_or_else(|| BridgeError::request(format!("slot {int} is out of range (0-{})", cluster::slots::SLOT_COUNT - 1)))
    };
    let read_bytes = |env: &mut Env<'_>| -> Result<Vec<u8>, BridgeError> {
        if bytes.is_null() {
            return Err(BridgeError::request("the route has no key or host"));
        }
        Ok(env.convert_byte_array(bytes)?)
    };
    use wire::route;
    Ok(match kind {
        route::DEFAULT => Route::Default,
        route::RANDOM => Route::Random,
        route::ALL_NODES => Route::AllNodes,
        route::ALL_PRIMARIES => Route::AllPrimaries,
        route::SLOT_PRIMARY | route::SLOT_REPLICA => Route::Slot { slot: slot()?, replica: kind == route::SLOT_REPLICA },
        route::KEY_PRIMARY | route::KEY_REPLICA => {
            Route::Slot { slot: cluster::slots::slot_of(&read_bytes(env)?), replica: kind == route::KEY_REPLICA }
        }
        route::ADDRESS => {
            let host = String::from_utf8(read_bytes(env)?).map_err(|_| BridgeError::request("the host is not UTF-8"))?;
            let port = u16::try_from(int).ok().filter(|p| *p > 0);
            let port = port.ok_or_else(|| BridgeError::request(format!("port {int} is out of range (1-65535)")))?;
            Route::Address(cluster::slots::Address::new(host, port))
        }
        other => return Err(BridgeError::request(format!("unknown route kind {other}"))),
    })
}

/// Closes a client: pending requests complete with a closing error. Idempotent.
fn close_client<'caller>(
    _env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
) -> Result<(), BridgeError> {
    // SAFETY: Java passes a live handle (see ClientHandle::client).
    unsafe { ClientHandle(handle).client()? }.close();
    Ok(())
}

/// Replaces the password the client's connections authenticate with when they
/// (re)connect; null removes it. Connections already open are not touched (Java
/// sends AUTH itself for an immediate change).
fn update_password<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
    password: JString<'caller>,
) -> Result<(), BridgeError> {
    let password = optional_string(env, &password)?;
    // SAFETY: Java passes a live handle (see ClientHandle::client).
    // The nodes' configurations are clones sharing this password.
    unsafe { ClientHandle(handle).client()? }.base_config().password.set(password);
    Ok(())
}

/// Makes the client's reconnects that wait out their backoff try again now
/// (see `Client::reconnect_now`).
fn reconnect_now<'caller>(
    _env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
) -> Result<(), BridgeError> {
    // SAFETY: Java passes a live handle (see ClientHandle::client).
    unsafe { ClientHandle(handle).client()? }.reconnect_now();
    Ok(())
}

/// Signs a new IAM token now (blocking while credentials load); connections
/// opened from then on use it. Throws `ConfigurationError` when the client
/// does not use IAM, `RequestException` naming why a refresh failed.
fn refresh_iam_token<'caller>(
    _env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
) -> Result<(), BridgeError> {
    // SAFETY: Java passes a live handle (see ClientHandle::client).
    let config = unsafe { ClientHandle(handle).client()? }.base_config();
    let tokens = config
        .iam
        .as_ref()
        // valkey-glide 2.3.1's words.
        .ok_or_else(|| BridgeError::configuration("refreshIamToken is only available when IAM authentication is enabled."))?;
    tokens.refresh().map(drop).map_err(BridgeError::request)
}

/// Whether the client has live connections now (every primary's, for a cluster).
fn is_connected<'caller>(
    _env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
) -> Result<jboolean, BridgeError> {
    // SAFETY: Java passes a live handle (see ClientHandle::client).
    Ok(unsafe { ClientHandle(handle).client()? }.is_connected())
}

/// Whether the client is reopening a lost connection now (any primary's, for a cluster).
fn is_reconnecting<'caller>(
    _env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
) -> Result<jboolean, BridgeError> {
    // SAFETY: Java passes a live handle (see ClientHandle::client).
    Ok(unsafe { ClientHandle(handle).client()? }.is_reconnecting())
}

/// A one-line description of the client and its connections, for logs.
fn describe_client<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
) -> Result<JString<'caller>, BridgeError> {
    // SAFETY: Java passes a live handle (see ClientHandle::client).
    let text = unsafe { ClientHandle(handle).client()? }.describe();
    Ok(JString::from_str(env, text)?)
}

/// Releases a client handle (closing it first). Called once, by Java's Cleaner.
fn free_client<'caller>(
    _env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
) -> Result<(), BridgeError> {
    let handle = ClientHandle(handle);
    // SAFETY: called once per handle, when no other call can use it.
    unsafe {
        if let Ok(client) = handle.client() {
            client.close();
        }
        handle.release();
    }
    Ok(())
}

/// The completer thread's wait: up to `timeout_ms` for completions, written into
/// `out` as [`wire::completion`] records; meanwhile it may read the connection
/// it last sent on (see `client::idle_reading`). Returns the number of
/// completions.
fn await_completions<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    out: JLongArray<'caller>,
    timeout_ms: jint,
) -> Result<jint, BridgeError> {
    const NONE: Completion = Completion { request_id: 0, kind: 0, payload: 0 };
    // Kept across calls (only the completer thread calls this): no allocation per wait.
    thread_local! {
        static BATCH: std::cell::RefCell<(Vec<Completion>, Vec<jlong>)> = const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
    }
    let capacity = (out.len(env)? / wire::completion::LEN).min(1024);
    BATCH.with(|buffers| {
        let (batch, flat) = &mut *buffers.borrow_mut();
        batch.resize(capacity, NONE);
        let n = crate::client::idle_reading::await_completions(batch, Duration::from_millis(timeout_ms.max(0) as u64));
        flat.clear();
        for c in &batch[..n] {
            flat.extend_from_slice(&c.to_record());
        }
        if let Err(e) = out.set_region(env, 0, flat) {
            completion::push_all(batch[..n].iter().copied()); // never lost
            return Err(e.into());
        }
        Ok(n as jint)
    })
}

/// Copies the bytes behind `ptr` into a new Java `byte[]` and frees them.
fn take_bytes<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    ptr: jlong,
) -> Result<JByteArray<'caller>, BridgeError> {
    if ptr == 0 {
        return Err(BridgeError::request("null reply pointer"));
    }
    // SAFETY: Java passes each pointer from a completion exactly once,
    // either here or to freeBytes.
    let bytes = unsafe { reply::bytes_from_raw(ptr) };
    Ok(env.byte_array_from_slice(&bytes)?)
}

/// Copies the bytes behind `ptr` (a frame or text) to the start of `scratch` and frees them,
/// returning their length. Bytes longer than `scratch` are left as they are and minus their
/// length returned: Java then passes the pointer to `takeBytes` (or here again, with a larger
/// `scratch`). Java decodes them into objects of their own at once, so one reused array per
/// thread saves allocating and zeroing one per reply (the largest allocation of an MGET of 100
/// small values; half of a 16 KiB GET's).
fn take_bytes_into<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    ptr: jlong,
    scratch: JByteArray<'caller>,
) -> Result<jint, BridgeError> {
    if ptr == 0 {
        return Err(BridgeError::request("null reply pointer"));
    }
    let room = scratch.len(env)?;
    // SAFETY: Java passes each pointer from a completion until a call consumes it (here when
    // the frame fits, else takeBytes or freeBytes), so it is still live; only its length is read.
    let len = unsafe { reply::bytes_len(ptr) };
    // A frame is at most a Java array long (see resp::LARGEST_JAVA_ARRAY), so it fits a jint.
    let signed_len = jint::try_from(len).map_err(|_| BridgeError::request("a reply frame longer than a Java array"))?;
    if len > room {
        return Ok(-signed_len);
    }
    // SAFETY: as above; from here this call owns the frame and frees it whatever happens.
    let bytes = unsafe { reply::bytes_from_raw(ptr) };
    // SAFETY: u8 and i8 have the same size and alignment; the slice covers exactly `bytes`.
    let signed = unsafe { std::slice::from_raw_parts(bytes.as_ptr().cast::<i8>(), len) };
    scratch.set_region(env, 0, signed)?;
    Ok(signed_len)
}

/// Frees the bytes behind `ptr` without reading them (cancelled or closed requests).
fn free_bytes<'caller>(
    _env: &mut Env<'caller>,
    _class: JClass<'caller>,
    ptr: jlong,
) -> Result<(), BridgeError> {
    if ptr != 0 {
        // SAFETY: as for takeBytes: each pointer arrives here at most once.
        drop(unsafe { reply::bytes_from_raw(ptr) });
    }
    Ok(())
}

/// The process-wide figures, as a `long[]` indexed by [`wire::stat`] (Java's `Wire.Stat`).
fn statistics<'caller>(env: &mut Env<'caller>, _class: JClass<'caller>) -> Result<JLongArray<'caller>, BridgeError> {
    let values = statistics_now().to_array();
    let array = env.new_long_array(values.len())?;
    array.set_region(env, 0, &values)?;
    Ok(array)
}

/// Reads every figure of the statistics now.
fn statistics_now() -> wire::Statistics {
    let pubsub = pubsub::statistics();
    wire::Statistics {
        total_clients: stats::total_clients(),
        total_connections: stats::total_connections(),
        native_bytes_in_use: stats::native_bytes() as i64,
        native_allocations: stats::native_allocations() as i64,
        completions_waiting: completion::backlog() as i64,
        runtime_started: crate::runtime::is_started(),
        native_bytes_pooled: crate::large::bytes().0 as i64,
        pubsub_backlog_messages: pubsub.backlog_messages as i64,
        pubsub_backlog_bytes: pubsub.backlog_bytes as i64,
        pubsub_messages_received: pubsub.received as i64,
        pubsub_messages_dropped: pubsub.dropped as i64,
        pubsub_subscriptions_last_confirmed_ms: pubsub.last_confirmed_ms as i64,
        pubsub_subscriptions_refused: pubsub.refused as i64,
        contained_panics: crate::contain::contained_panics(),
        otel_spans_open: crate::telemetry::span::open_count() as i64,
        otel_spans_dropped: crate::telemetry::span::dropped() as i64,
        replies_read_by_completer: crate::client::idle_reading::replies_read_by_completer() as i64,
        replies_handed_to_parked_threads: parked_hand_off::handed_over() as i64,
    }
}

/// Sets the longest bulk string the parser accepts, process-wide (the
/// `glide.maxBulkStringBytes` system property); returns the value in force.
fn set_max_bulk_length<'caller>(
    _env: &mut Env<'caller>,
    _class: JClass<'caller>,
    bytes: jlong,
) -> Result<jlong, BridgeError> {
    Ok(resp::set_max_bulk_len(bytes.max(1) as usize) as jlong)
}

/// Sets how long a thread waiting for replies looks at the socket before it
/// sleeps, process-wide (the `glide.readSpinMicros` system property); returns the
/// value in force.
fn set_read_spin_micros<'caller>(
    _env: &mut Env<'caller>,
    _class: JClass<'caller>,
    micros: jlong,
) -> Result<jlong, BridgeError> {
    Ok(crate::client::read_spin::set_spin_micros(micros.max(0) as u64) as jlong)
}

/// A command packed for the wire, plus what we need to know about it.
struct PackedCommand {
    packed: Vec<u8>,
    probe: Probe,
}

/// Copies the packed command from Java (one copy), checks that it is well
/// formed and classifies it.
fn read_command(env: &mut Env<'_>, packed: &JByteArray<'_>) -> Result<PackedCommand, BridgeError> {
    if packed.is_null() {
        return Err(BridgeError::request("null command"));
    }
    let len = packed.len(env)?;
    let mut bytes = vec![0u8; len];
    // SAFETY: i8 and u8 have the same size and alignment; the slice covers exactly `bytes`.
    let target = unsafe { std::slice::from_raw_parts_mut(bytes.as_mut_ptr() as *mut i8, len) };
    packed.get_region(env, 0, target)?;
    let mut probe = Probe::new();
    resp::walk_command(&bytes, |index, arg| probe.feed(index, arg)).map_err(BridgeError::request)?;
    Ok(PackedCommand { packed: bytes, probe })
}

fn optional_string(env: &mut Env<'_>, s: &JString<'_>) -> Result<Option<String>, BridgeError> {
    if s.is_null() {
        Ok(None)
    } else {
        Ok(Some(s.try_to_string(env)?))
    }
}

/// Lets the calling Java thread read replies while it waits for its own (up to
/// `timeout_ms`), or, when someone else reads that connection, wait as long for
/// its completion to be handed over (see `followers`). Returns
/// [`wire::help_read::NOT_WAITING`] if the request is not waiting on a connection:
/// then it waits normally. Otherwise returns how many
/// completions it wrote to `out` as [`wire::completion`] records: its
/// own among them if it came, and those of other requests, which Java hands
/// to the threads waiting for them or back to the completer (see
/// `completion::collecting`). Completions beyond `out`'s room are queued.
fn help_read<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
    request_id: jlong,
    timeout_ms: jint,
    out: JLongArray<'caller>,
) -> Result<jint, BridgeError> {
    let timeout = Duration::from_millis(timeout_ms.max(0) as u64);
    // SAFETY: Java passes a live handle (see ClientHandle::client).
    let client = unsafe { ClientHandle(handle).client()? };
    let (read, collected) = completion::collecting(|| client.help_read(request_id, timeout));
    if !read {
        completion::push_all(collected);
        return Ok(wire::help_read::NOT_WAITING);
    }
    hand_over(env, &out, collected)
}

/// Writes as many of `collected` as `out` has room for as [`wire::completion`] records
/// and queues the rest for the completer; returns how many it wrote. None is ever lost.
fn hand_over(env: &mut Env<'_>, out: &JLongArray<'_>, mut collected: completion::Collected) -> Result<jint, BridgeError> {
    let room = (out.len(env)? / wire::completion::LEN).min(collected.len());
    completion::push_all(collected.drain(room..));
    let records: SmallVec<[jlong; 4 * wire::completion::LEN]> = collected.iter().flat_map(|c| c.to_record()).collect();
    if let Err(e) = out.set_region(env, 0, &records) {
        completion::push_all(collected); // never lost, even if Java's array failed us
        return Err(e.into());
    }
    Ok(room as jint)
}

/// Queues completions a reading thread could not hand to a waiting thread
/// (`records`: `n` [`wire::completion`] records), for the completer.
fn requeue<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    records: JLongArray<'caller>,
    n: jint,
) -> Result<(), BridgeError> {
    let n = (n.max(0) as usize).min(records.len(env)? / wire::completion::LEN);
    let mut values = vec![0 as jlong; wire::completion::LEN * n];
    records.get_region(env, 0, &mut values)?;
    let (whole, _) = values.as_chunks::<{ wire::completion::LEN }>();
    completion::push_all(whole.iter().map(Completion::from_record));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each mode's wanted and confirmed names are at their `wire::subscription_state` positions,
    /// where Java's `NativeClient.wantedNames` and `confirmedNames` read them, and no position is
    /// left empty.
    #[test]
    fn subscription_lists_are_at_their_wire_positions() {
        let name = |side: &str, mode: Mode| format!("{side} {mode:?}").into_bytes();
        let mut wanted = pubsub::ByMode::default();
        let mut confirmed = pubsub::ByMode::default();
        for mode in Mode::ALL {
            wanted[mode as usize].insert(name("wanted", mode));
            confirmed[mode as usize].insert(name("confirmed", mode));
        }
        let Value::Array(lists) = state_value(&wanted, &confirmed) else { panic!("not an array") };
        assert_eq!(lists.len(), wire::subscription_state::LEN);
        let one = |bytes: Vec<u8>| Value::Array(vec![Value::BulkString(bytes)]);
        for (mode, code) in [
            (Mode::Exact, wire::subscription_mode::EXACT),
            (Mode::Pattern, wire::subscription_mode::PATTERN),
            (Mode::Sharded, wire::subscription_mode::SHARDED),
        ] {
            let code = code as usize;
            assert_eq!(lists[wire::subscription_state::WANTED + code], one(name("wanted", mode)));
            assert_eq!(lists[wire::subscription_state::CONFIRMED + code], one(name("confirmed", mode)));
        }
    }

    /// A message's channel, payload and pattern are at their `wire::pubsub_message` positions,
    /// where Java's `NativeClient.takePubSubMessage` reads them.
    #[test]
    fn a_messages_parts_are_at_their_wire_positions() {
        let message = pubsub::Message::new(b"the channel", b"the payload", Some(b"the*"));
        let parts = message_parts(&message);
        assert_eq!(parts[wire::pubsub_message::CHANNEL], Some(&b"the channel"[..]));
        assert_eq!(parts[wire::pubsub_message::PAYLOAD], Some(&b"the payload"[..]));
        assert_eq!(parts[wire::pubsub_message::PATTERN], Some(&b"the*"[..]));
        let plain = pubsub::Message::new(b"c", b"p", None);
        assert_eq!(message_parts(&plain)[wire::pubsub_message::PATTERN], None);
    }

    /// `timeoutMs`: milliseconds when positive, else a `wire::timeout` code.
    #[test]
    fn timeout_codes_are_read_as_the_spec_says() {
        let default = Duration::from_millis(250);
        assert_eq!(request_timeout(wire::timeout::DEFAULT, default), Some(default));
        assert_eq!(request_timeout(-7, default), Some(default), "any negative number: the default");
        assert_eq!(request_timeout(wire::timeout::NONE, default), None);
        assert_eq!(request_timeout(40, default), Some(Duration::from_millis(40)));
    }
}
