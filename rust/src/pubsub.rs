//! Pub/Sub: a client's subscriptions and its bounded backlog of undelivered messages.
//!
//! Messages arrive as RESP3 push frames on the client's own connection(s) and
//! wait in one [`Backlog`] per client until Java takes them (a callback thread
//! pulling them, or the application polling). The backlog is bounded in bytes;
//! past the bound an explicit [`Overflow`] policy drops the oldest or the
//! newest message, and every drop is counted. There is no channel per
//! subscription: a message costs its bytes plus [`MESSAGE_OVERHEAD`].
//!
//! The subscriptions the application wants are kept apart from those the
//! server confirmed, so that a new connection (a reconnect) subscribes again to
//! everything wanted, and the statistics can say when that was last confirmed.

use std::collections::{BTreeSet, VecDeque};
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use parking_lot::{Condvar, Mutex};

use crate::resp;

/// Bookkeeping bytes counted per queued message besides its payload, channel and pattern: a
/// little more than what a queued message costs the allocator (78 B measured), so the bound
/// holds for real memory.
pub const MESSAGE_OVERHEAD: usize = 128;
/// The default bound of a client's backlog.
pub const DEFAULT_BACKLOG_LIMIT: usize = 64 * 1024 * 1024;

/// Channel names (or patterns) per [`Mode`], indexed by `Mode as usize`.
pub type ByMode = [BTreeSet<Vec<u8>>; 3];

/// The three kinds of subscription. A mode's number is its [`crate::wire::subscription_mode`]
/// code, which is also its index in [`ByMode`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mode {
    /// SUBSCRIBE channel.
    Exact = crate::wire::subscription_mode::EXACT as isize,
    /// PSUBSCRIBE pattern.
    Pattern = crate::wire::subscription_mode::PATTERN as isize,
    /// SSUBSCRIBE shard channel (cluster).
    Sharded = crate::wire::subscription_mode::SHARDED as isize,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Exact, Mode::Pattern, Mode::Sharded];

    /// The mode a [`crate::wire::subscription_mode`] code names.
    pub fn from_index(i: i32) -> Option<Mode> {
        Mode::ALL.into_iter().find(|mode| *mode as i32 == i)
    }

}

/// The commands (un)subscribing `names` in `mode` (unsubscribing from no names: from all): one
/// for all exact channels or patterns; one per shard channel (a command's shard channels must
/// share a slot).
pub fn subscription_commands(mode: Mode, names: &[Vec<u8>], subscribe: bool) -> Vec<Vec<u8>> {
    let command: &[u8] = match (mode, subscribe) {
        (Mode::Exact, true) => b"SUBSCRIBE",
        (Mode::Pattern, true) => b"PSUBSCRIBE",
        (Mode::Sharded, true) => b"SSUBSCRIBE",
        (Mode::Exact, false) => b"UNSUBSCRIBE",
        (Mode::Pattern, false) => b"PUNSUBSCRIBE",
        (Mode::Sharded, false) => b"SUNSUBSCRIBE",
    };
    if mode == Mode::Sharded && !names.is_empty() {
        return names.iter().map(|n| resp::pack(&[command, n])).collect();
    }
    let mut args: Vec<&[u8]> = vec![command];
    args.extend(names.iter().map(Vec::as_slice));
    vec![resp::pack(&args)]
}

/// What to drop when a message does not fit in the backlog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overflow {
    /// Make room by dropping the oldest queued messages: the newest are kept.
    DropOldest,
    /// Drop the message that does not fit: the oldest are kept.
    DropNewest,
}

/// One received message: its pattern (if any), channel and payload in one allocation, so that
/// a flood of messages queued and dropped in order allocates and frees blocks of one size and
/// nothing between them (the allocator can reuse each freed block for the next message).
#[derive(Clone, PartialEq, Eq)]
pub struct Message {
    /// `pattern ++ channel ++ payload`.
    bytes: Vec<u8>,
    pattern_len: Option<usize>,
    channel_len: usize,
}

impl Message {
    pub fn new(channel: &[u8], payload: &[u8], pattern: Option<&[u8]>) -> Message {
        let pattern_len = pattern.map(<[u8]>::len);
        let mut bytes = Vec::with_capacity(pattern_len.unwrap_or(0) + channel.len() + payload.len());
        bytes.extend_from_slice(pattern.unwrap_or(&[]));
        bytes.extend_from_slice(channel);
        bytes.extend_from_slice(payload);
        Message { bytes, pattern_len, channel_len: channel.len() }
    }

    pub fn channel(&self) -> &[u8] {
        let start = self.pattern_len.unwrap_or(0);
        &self.bytes[start..start + self.channel_len]
    }

    pub fn payload(&self) -> &[u8] {
        &self.bytes[self.pattern_len.unwrap_or(0) + self.channel_len..]
    }

    /// The pattern that matched, for pattern subscriptions.
    pub fn pattern(&self) -> Option<&[u8]> {
        self.pattern_len.map(|n| &self.bytes[..n])
    }

    /// The bytes this message counts for in the backlog.
    pub fn cost(&self) -> usize {
        self.bytes.len() + MESSAGE_OVERHEAD
    }
}

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Message")
            .field("channel", &String::from_utf8_lossy(self.channel()))
            .field("payload_len", &self.payload().len())
            .field("pattern", &self.pattern().map(String::from_utf8_lossy))
            .finish()
    }
}

/// What a push frame says.
#[derive(Debug, PartialEq, Eq)]
pub enum Push {
    Message(Message),
    /// The server confirmed a subscription (`subscribe`, `psubscribe`, `ssubscribe`).
    Subscribed(Mode, Vec<u8>),
    /// The server ended one (`unsubscribe`...; also when a shard channel's slot moved).
    Unsubscribed(Mode, Vec<u8>),
    /// Anything else (a client-side-caching invalidation...): ignored.
    Other,
}

/// Reads a RESP3 push frame (`>` ...). `None` if it is not one. Read token by token from the
/// received bytes: a message costs exactly one allocation (see [`Message`]).
pub fn parse_push(bytes: &[u8]) -> Option<Push> {
    let mut pos = 0;
    let Ok(resp::Token::Push(count)) = resp::token(bytes, &mut pos) else { return None };
    let mut next = || match resp::token(bytes, &mut pos) {
        Ok(resp::Token::Bulk(b) | resp::Token::Simple(b)) => Some(b),
        _ => None,
    };
    if count == 0 {
        return Some(Push::Other);
    }
    let kind = next()?;
    Some(match (kind, count) {
        (b"message", 3) | (b"smessage", 3) => {
            let channel = next()?;
            Push::Message(Message::new(channel, next()?, None))
        }
        (b"pmessage", 4) => {
            let pattern = next()?;
            let channel = next()?;
            Push::Message(Message::new(channel, next()?, Some(pattern)))
        }
        (b"subscribe", 3) => Push::Subscribed(Mode::Exact, next()?.to_vec()),
        (b"psubscribe", 3) => Push::Subscribed(Mode::Pattern, next()?.to_vec()),
        (b"ssubscribe", 3) => Push::Subscribed(Mode::Sharded, next()?.to_vec()),
        (b"unsubscribe", 3) => Push::Unsubscribed(Mode::Exact, next()?.to_vec()),
        (b"punsubscribe", 3) => Push::Unsubscribed(Mode::Pattern, next()?.to_vec()),
        (b"sunsubscribe", 3) => Push::Unsubscribed(Mode::Sharded, next()?.to_vec()),
        _ => Push::Other,
    })
}

/// Process-wide counters for the statistics.
static BACKLOG_MESSAGES: AtomicU64 = AtomicU64::new(0);
static BACKLOG_BYTES: AtomicU64 = AtomicU64::new(0);
static DROPPED: AtomicU64 = AtomicU64::new(0);
static RECEIVED: AtomicU64 = AtomicU64::new(0);
/// Milliseconds since the epoch of the last subscription confirmation (0: never).
static LAST_CONFIRMED_MS: AtomicI64 = AtomicI64::new(0);

/// Subscription commands the server refused (an ACL without the channel or the command).
static REFUSED: AtomicU64 = AtomicU64::new(0);

/// A periodic check ([`crate::client::subscription_check`]) found what is wanted confirmed
/// by the server: the statistics' time of the last sync is now.
pub fn subscriptions_in_sync() {
    LAST_CONFIRMED_MS.store(now_ms(), Ordering::Relaxed);
}

/// A periodic check found what is wanted not (yet) confirmed: counted as valkey-glide
/// counts its out-of-sync reconciliations (the same statistic as a refusal).
pub fn subscriptions_out_of_sync() {
    REFUSED.fetch_add(1, Ordering::Relaxed);
}

/// The server refused a subscription command with `message`: what is wanted
/// stays wanted (a new connection asks again), and the refusal is counted.
pub fn subscription_refused(message: &str) {
    REFUSED.fetch_add(1, Ordering::Relaxed);
    tracing::warn!(target: "glide_jni::pubsub", message, "the server refused a subscription");
}

/// The statistics' pub/sub figures (all clients of the process); each is published under the
/// key of its [`crate::wire::stat`] entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    /// Messages waiting to be delivered (`pubsub_backlog_messages`).
    pub backlog_messages: u64,
    /// Their bytes (`pubsub_backlog_bytes`).
    pub backlog_bytes: u64,
    /// Messages received (`pubsub_messages_received`).
    pub received: u64,
    /// Messages dropped by a full backlog (`pubsub_messages_dropped`).
    pub dropped: u64,
    /// When the server last confirmed a subscription, ms since the epoch; 0: never
    /// (`pubsub_subscriptions_last_confirmed_ms`).
    pub last_confirmed_ms: u64,
    /// Subscription commands refused, and checks out of sync (`pubsub_subscriptions_refused`).
    pub refused: u64,
}

/// The statistics' pub/sub figures now.
pub fn statistics() -> Figures {
    Figures {
        backlog_messages: BACKLOG_MESSAGES.load(Ordering::Relaxed),
        backlog_bytes: BACKLOG_BYTES.load(Ordering::Relaxed),
        received: RECEIVED.load(Ordering::Relaxed),
        dropped: DROPPED.load(Ordering::Relaxed),
        last_confirmed_ms: LAST_CONFIRMED_MS.load(Ordering::Relaxed).max(0) as u64,
        refused: REFUSED.load(Ordering::Relaxed),
    }
}

/// The undelivered messages of one client, bounded in bytes.
#[derive(Debug)]
pub struct Backlog {
    limit: usize,
    overflow: Overflow,
    queue: VecDeque<Message>,
    bytes: usize,
    /// The most bytes ever queued at once (for tests and the notes).
    peak: usize,
    dropped: u64,
}

impl Backlog {
    pub fn new(limit: usize, overflow: Overflow) -> Backlog {
        Backlog { limit, overflow, queue: VecDeque::new(), bytes: 0, peak: 0, dropped: 0 }
    }

    /// Queues `message`, dropping by the policy what does not fit. Returns how many were dropped.
    pub fn push(&mut self, message: Message) -> u64 {
        RECEIVED.fetch_add(1, Ordering::Relaxed);
        let cost = message.cost();
        let mut dropped = 0;
        if cost > self.limit {
            dropped = 1; // never fits, whatever the policy
        } else {
            if self.overflow == Overflow::DropOldest {
                while self.bytes + cost > self.limit {
                    let Some(old) = self.queue.pop_front() else { break };
                    self.forget(&old);
                    dropped += 1;
                }
            }
            if self.bytes + cost <= self.limit {
                self.bytes += cost;
                self.peak = self.peak.max(self.bytes);
                self.queue.push_back(message);
                BACKLOG_MESSAGES.fetch_add(1, Ordering::Relaxed);
                BACKLOG_BYTES.fetch_add(cost as u64, Ordering::Relaxed);
            } else {
                dropped += 1; // DropNewest: this one
            }
        }
        self.dropped += dropped;
        DROPPED.fetch_add(dropped, Ordering::Relaxed);
        if dropped > 0 {
            crate::logging::events::pubsub_dropped(dropped, self.limit, self.overflow == Overflow::DropOldest);
        }
        dropped
    }

    pub fn pop(&mut self) -> Option<Message> {
        let message = self.queue.pop_front()?;
        self.forget(&message);
        if self.queue.is_empty() && self.queue.capacity() > 1024 {
            self.queue = VecDeque::new(); // a burst's room is not kept while idle
        }
        Some(message)
    }

    fn forget(&mut self, message: &Message) {
        let cost = message.cost();
        self.bytes -= cost;
        BACKLOG_MESSAGES.fetch_sub(1, Ordering::Relaxed);
        BACKLOG_BYTES.fetch_sub(cost as u64, Ordering::Relaxed);
    }

    pub fn len(&self) -> usize {
        self.queue.len()
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    pub fn bytes(&self) -> usize {
        self.bytes
    }

    pub fn peak_bytes(&self) -> usize {
        self.peak
    }

    pub fn dropped(&self) -> u64 {
        self.dropped
    }
}

impl Drop for Backlog {
    fn drop(&mut self) {
        while self.pop().is_some() {}
    }
}

/// A client's pub/sub state: what it wants, what the server confirmed, the backlog.
#[derive(Debug)]
pub struct PubSub {
    state: Mutex<State>,
    /// Woken when a message is queued (a Java thread may wait in [`PubSub::wait`]).
    arrived: Condvar,
    /// Woken when the server confirms or ends a subscription ([`PubSub::wait_confirmed`]).
    confirmed: Condvar,
    /// The periodic check of what is wanted against what is confirmed ([`crate::pubsub_check`]).
    pub check: crate::pubsub_check::Schedule,
}

#[derive(Debug)]
struct State {
    wanted: ByMode,
    confirmed: ByMode,
    backlog: Backlog,
    closed: bool,
}

impl PubSub {
    pub fn new(wanted: ByMode, limit: usize, overflow: Overflow) -> PubSub {
        PubSub {
            state: Mutex::new(State {
                wanted,
                confirmed: Default::default(),
                backlog: Backlog::new(limit, overflow),
                closed: false,
            }),
            arrived: Condvar::new(),
            confirmed: Condvar::new(),
            check: Default::default(),
        }
    }

    /// Adds `names` to (or, `subscribe` false, removes them from) what is wanted in `mode`.
    /// Unsubscribing from no names means from all of that mode. The server is told by the
    /// caller ([`subscription_commands`]): one connection, or the nodes of a cluster.
    pub fn change(&self, mode: Mode, names: &[Vec<u8>], subscribe: bool) {
        let mut state = self.state.lock();
        let wanted = &mut state.wanted[mode as usize];
        if subscribe {
            wanted.extend(names.iter().cloned());
        } else if names.is_empty() {
            wanted.clear();
        } else {
            for name in names {
                wanted.remove(name);
            }
        }
    }

    /// Waits up to `timeout` until the server confirmed the subscription of every one of
    /// `names` in `mode` (`subscribed`), or their end (`!subscribed`; no names: of all).
    /// Returns whether it did.
    pub fn wait_confirmed(&self, mode: Mode, names: &[Vec<u8>], subscribed: bool, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut state = self.state.lock();
        loop {
            let confirmed = &state.confirmed[mode as usize];
            let done = match (subscribed, names.is_empty()) {
                (true, _) => names.iter().all(|n| confirmed.contains(n)),
                (false, true) => confirmed.is_empty(),
                (false, false) => names.iter().all(|n| !confirmed.contains(n)),
            };
            if done {
                return true;
            }
            if state.closed || self.confirmed.wait_until(&mut state, deadline).timed_out() {
                return false;
            }
        }
    }

    /// The commands that subscribe a new connection to everything wanted (empty: nothing).
    pub fn subscribe_commands(&self) -> Vec<Vec<u8>> {
        let state = self.state.lock();
        let mut out = Vec::new();
        for mode in [Mode::Exact, Mode::Pattern] {
            let names: Vec<Vec<u8>> = state.wanted[mode as usize].iter().cloned().collect();
            if !names.is_empty() {
                out.extend(subscription_commands(mode, &names, true));
            }
        }
        out
    }

    /// The connection that confirmed subscriptions is gone: nothing is confirmed any more.
    pub fn connection_lost(&self) {
        let mut state = self.state.lock();
        for set in state.confirmed.iter_mut() {
            set.clear();
        }
    }

    /// Queues a message push; returns any other push for the caller to handle (a cluster
    /// tracks confirmations per node: see [`PubSub::set_confirmed`]).
    pub fn deliver(&self, bytes: &[u8]) -> Option<Push> {
        match parse_push(bytes)? {
            Push::Message(message) => {
                let mut state = self.state.lock();
                if !state.closed {
                    state.backlog.push(message);
                    drop(state);
                    self.arrived.notify_one();
                }
                None
            }
            other => Some(other),
        }
    }

    /// Replaces what the server confirmed (a cluster: the union of its nodes').
    pub fn set_confirmed(&self, confirmed: ByMode) {
        self.state.lock().confirmed = confirmed;
        LAST_CONFIRMED_MS.store(now_ms(), Ordering::Relaxed);
        self.confirmed.notify_all();
    }

    /// Handles one push frame from the server.
    pub fn pushed(&self, bytes: &[u8]) {
        match parse_push(bytes) {
            Some(Push::Message(message)) => {
                let mut state = self.state.lock();
                if state.closed {
                    return;
                }
                state.backlog.push(message);
                drop(state);
                self.arrived.notify_one();
            }
            Some(Push::Subscribed(mode, name)) => {
                self.state.lock().confirmed[mode as usize].insert(name);
                LAST_CONFIRMED_MS.store(now_ms(), Ordering::Relaxed);
                self.confirmed.notify_all();
            }
            Some(Push::Unsubscribed(mode, name)) => {
                self.state.lock().confirmed[mode as usize].remove(&name);
                self.confirmed.notify_all();
            }
            Some(Push::Other) | None => {}
        }
    }

    /// The next message, if one is queued.
    pub fn try_take(&self) -> Option<Message> {
        self.state.lock().backlog.pop()
    }

    /// The next message, waiting up to `timeout` for one. `None` on timeout or once closed.
    pub fn wait(&self, timeout: Duration) -> Option<Message> {
        let deadline = Instant::now() + timeout;
        let mut state = self.state.lock();
        loop {
            if let Some(message) = state.backlog.pop() {
                return Some(message);
            }
            if state.closed || self.arrived.wait_until(&mut state, deadline).timed_out() {
                return state.backlog.pop();
            }
        }
    }

    /// Stops queueing and wakes every waiter; queued messages are freed.
    pub fn close(&self) {
        let mut state = self.state.lock();
        state.closed = true;
        while state.backlog.pop().is_some() {}
        drop(state);
        self.arrived.notify_all();
        self.confirmed.notify_all();
    }

    /// Whether the server confirmed exactly what is wanted, in every mode.
    pub fn in_sync(&self) -> bool {
        let state = self.state.lock();
        state.wanted == state.confirmed
    }

    /// Whether the client was closed ([`PubSub::close`]).
    pub fn is_closed(&self) -> bool {
        self.state.lock().closed
    }

    /// (wanted, confirmed) per mode.
    pub fn subscriptions(&self) -> (ByMode, ByMode) {
        let state = self.state.lock();
        (state.wanted.clone(), state.confirmed.clone())
    }

    /// Messages and bytes queued now, the most bytes ever queued, and messages dropped.
    pub fn backlog_figures(&self) -> (usize, usize, usize, u64) {
        let state = self.state.lock();
        (state.backlog.len(), state.backlog.bytes(), state.backlog.peak_bytes(), state.backlog.dropped())
    }
}

fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_modes_code_is_its_index_in_by_mode() {
        for (i, mode) in Mode::ALL.into_iter().enumerate() {
            assert_eq!(mode as usize, i);
            assert_eq!(Mode::from_index(i as i32), Some(mode));
        }
        assert_eq!(Mode::from_index(3), None);
        assert_eq!(Mode::from_index(-1), None);
    }

    fn message(payload_len: usize, tag: u8) -> Message {
        Message::new(b"ch", &vec![tag; payload_len], None)
    }

    #[test]
    fn pushes_are_read_by_kind() {
        let push = |items: &[&[u8]]| {
            let mut out = format!(">{}\r\n", items.len()).into_bytes();
            for item in items {
                out.extend(format!("${}\r\n", item.len()).into_bytes());
                out.extend_from_slice(item);
                out.extend_from_slice(b"\r\n");
            }
            out
        };
        assert_eq!(parse_push(&push(&[b"message", b"c", b"hi"])), Some(Push::Message(Message::new(b"c", b"hi", None))));
        let Some(Push::Message(m)) = parse_push(&push(&[b"pmessage", b"c*", b"cx", b"\xff"])) else { panic!("a message") };
        assert_eq!((m.channel(), m.payload(), m.pattern()), (&b"cx"[..], &b"\xff"[..], Some(&b"c*"[..])));
        assert_eq!(parse_push(&push(&[b"smessage", b"s", b"x"])).map(|p| matches!(p, Push::Message(_))), Some(true));
        let mut confirm = b">3\r\n$9\r\nsubscribe\r\n$1\r\nc\r\n:1\r\n".to_vec();
        assert_eq!(parse_push(&confirm), Some(Push::Subscribed(Mode::Exact, b"c".to_vec())));
        confirm = b">3\r\n$12\r\nsunsubscribe\r\n$1\r\ns\r\n:0\r\n".to_vec();
        assert_eq!(parse_push(&confirm), Some(Push::Unsubscribed(Mode::Sharded, b"s".to_vec())));
        assert_eq!(parse_push(b"+OK\r\n"), None);
        assert_eq!(parse_push(&push(&[b"invalidate", b"k"])), Some(Push::Other));
    }

    #[test]
    fn drop_oldest_keeps_the_newest_within_the_bound() {
        let one = message(100, 0).cost();
        let mut backlog = Backlog::new(one * 3, Overflow::DropOldest);
        for tag in 0..10u8 {
            backlog.push(message(100, tag));
            assert!(backlog.bytes() <= one * 3);
        }
        assert_eq!(backlog.len(), 3);
        assert_eq!(backlog.dropped(), 7);
        assert_eq!(backlog.pop().unwrap().payload()[0], 7, "the oldest kept is the 8th");
        assert_eq!(backlog.peak_bytes(), one * 3);
    }

    #[test]
    fn drop_newest_keeps_the_oldest_and_a_message_larger_than_the_bound_never_enters() {
        let one = message(100, 0).cost();
        let mut backlog = Backlog::new(one * 3, Overflow::DropNewest);
        for tag in 0..10u8 {
            backlog.push(message(100, tag));
        }
        assert_eq!(backlog.len(), 3);
        assert_eq!(backlog.dropped(), 7);
        assert_eq!(backlog.pop().unwrap().payload()[0], 0);
        let mut small = Backlog::new(50, Overflow::DropOldest);
        assert_eq!(small.push(message(10, 1)), 1);
        assert!(small.is_empty());
    }

    #[test]
    fn received_plus_dropped_accounts_for_every_message() {
        let mut backlog = Backlog::new(message(10, 0).cost() * 5, Overflow::DropOldest);
        let mut delivered = 0;
        for tag in 0..100u8 {
            backlog.push(message(10, tag));
            if tag % 3 == 0 && backlog.pop().is_some() {
                delivered += 1;
            }
        }
        while backlog.pop().is_some() {
            delivered += 1;
        }
        assert_eq!(delivered + backlog.dropped(), 100);
    }

    #[test]
    fn a_waiter_gets_a_message_pushed_later_and_close_wakes_it() {
        let pubsub = std::sync::Arc::new(PubSub::new(Default::default(), 1 << 20, Overflow::DropOldest));
        let waiter = {
            let p = std::sync::Arc::clone(&pubsub);
            std::thread::spawn(move || p.wait(Duration::from_secs(5)))
        };
        std::thread::sleep(Duration::from_millis(50));
        pubsub.pushed(b">3\r\n$7\r\nmessage\r\n$1\r\nc\r\n$2\r\nhi\r\n");
        assert_eq!(waiter.join().unwrap().map(|m| m.payload().to_vec()), Some(b"hi".to_vec()));
        let waiter = {
            let p = std::sync::Arc::clone(&pubsub);
            std::thread::spawn(move || p.wait(Duration::from_secs(5)))
        };
        std::thread::sleep(Duration::from_millis(50));
        pubsub.close();
        assert_eq!(waiter.join().unwrap(), None);
    }

    #[test]
    fn changes_update_what_is_wanted_and_confirmations_are_awaited() {
        let pubsub = std::sync::Arc::new(PubSub::new(Default::default(), 1024, Overflow::DropOldest));
        pubsub.change(Mode::Exact, &[b"a".to_vec(), b"b".to_vec()], true);
        assert_eq!(subscription_commands(Mode::Exact, &[b"a".to_vec(), b"b".to_vec()], true), vec![resp::pack(&[b"SUBSCRIBE", b"a", b"b"])]);
        assert_eq!(subscription_commands(Mode::Sharded, &[b"a".to_vec(), b"b".to_vec()], false).len(), 2, "one per shard channel");
        assert!(!pubsub.wait_confirmed(Mode::Exact, &[b"a".to_vec()], true, Duration::from_millis(10)));
        let waiter = {
            let p = std::sync::Arc::clone(&pubsub);
            std::thread::spawn(move || p.wait_confirmed(Mode::Exact, &[b"a".to_vec(), b"b".to_vec()], true, Duration::from_secs(5)))
        };
        pubsub.pushed(b">3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n");
        pubsub.pushed(b">3\r\n$9\r\nsubscribe\r\n$1\r\nb\r\n:2\r\n");
        assert!(waiter.join().unwrap());
        pubsub.change(Mode::Exact, &[], false);
        assert_eq!(subscription_commands(Mode::Exact, &[], false), vec![resp::pack(&[b"UNSUBSCRIBE"])]);
        assert!(pubsub.subscriptions().0[0].is_empty(), "nothing wanted any more");
        pubsub.pushed(b">3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:1\r\n");
        pubsub.pushed(b">3\r\n$11\r\nunsubscribe\r\n$1\r\nb\r\n:0\r\n");
        assert!(pubsub.wait_confirmed(Mode::Exact, &[], false, Duration::from_millis(10)));
    }

    /// Issue 15: an argument-less UNSUBSCRIBE with nothing subscribed is answered by one push
    /// whose channel is null (RESP3 `_`): it names no subscription, changes nothing, and leaving
    /// everything counts as done.
    #[test]
    fn leaving_everything_with_nothing_subscribed_is_done_at_once() {
        let pubsub = PubSub::new(Default::default(), 1024, Overflow::DropOldest);
        assert_eq!(parse_push(b">3\r\n$11\r\nunsubscribe\r\n_\r\n:0\r\n"), None);
        pubsub.change(Mode::Exact, &[], false);
        pubsub.pushed(b">3\r\n$11\r\nunsubscribe\r\n_\r\n:0\r\n");
        pubsub.pushed(b">3\r\n$12\r\npunsubscribe\r\n_\r\n:0\r\n");
        assert!(pubsub.wait_confirmed(Mode::Exact, &[], false, Duration::ZERO));
        assert!(pubsub.wait_confirmed(Mode::Pattern, &[], false, Duration::ZERO));
        assert_eq!(pubsub.backlog_figures().0, 0, "no message was queued");
    }

    #[test]
    fn a_new_connection_subscribes_to_everything_wanted() {
        let mut wanted: [BTreeSet<Vec<u8>>; 3] = Default::default();
        wanted[0].insert(b"a".to_vec());
        wanted[1].insert(b"p*".to_vec());
        let pubsub = PubSub::new(wanted, 1024, Overflow::DropOldest);
        let expected = vec![resp::pack(&[b"SUBSCRIBE", b"a"]), resp::pack(&[b"PSUBSCRIBE", b"p*"])];
        assert_eq!(pubsub.subscribe_commands(), expected);
        pubsub.pushed(b">3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n");
        assert!(pubsub.subscriptions().1[0].contains(b"a".as_slice()));
        pubsub.connection_lost();
        assert!(pubsub.subscriptions().1[0].is_empty());
    }
}
