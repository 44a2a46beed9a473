//! Target `batch_gather`: packing a batch (`BatchSpec`) and gathering its
//! replies into one result (`Gather`, `explain_abort`), in `rust/src/batch.rs`.
//!
//! Input layout (every input is valid; missing bytes read as 0):
//!
//! | byte | meaning |
//! |---|---|
//! | 0 | flags: 1 atomic (a transaction), 2 raise on error, 4 bulk strings as bytes, 8 deliver every reply twice, 16 deliver a pipeline's replies in shuffled order (as a cluster's nodes answer) |
//! | 1 | number of commands, mod 17 |
//! | 2 | 0, or 1 + the delivery step at which a failure replaces the reply |
//! | 3 | that failure's kind, mod 6 |
//! | 4 | shuffle seed |
//! | 5.. | one byte per command: low 7 bits pick it from [`COMMANDS`], the high bit asks for a map |
//! | rest | what the server sent: the replies, back to back |
//!
//! The replies reach the `Gather` as the connection hands them over
//! (`client/connection/fifo.rs`, `complete`): a pipeline's reply `i` is command
//! `i`'s, converted to its shape; a transaction's first `n + 1` replies (`OK`,
//! then `QUEUED` or an error per command) are skipped, the first error among
//! them kept to explain an `EXECABORT`, and the next one is `EXEC`'s. Replies
//! beyond those go to indexes no command has (a server that sent too many);
//! too few replies end with the deadline's timeout.
//!
//! Properties:
//! - nothing panics; a batch of well-formed commands is accepted, and its
//!   pipeline and transaction bytes are its commands back to back (around
//!   `MULTI`/`EXEC`), each command given the shape its name implies;
//! - exactly one outcome comes out, at the moment the last awaited reply comes
//!   in, or the first failure that ends the batch (timeout, connection, close);
//!   later, duplicate and unknown replies change nothing;
//! - every slot gets a result: a completed pipeline is an array with one element
//!   per command, element `i` being command `i`'s reply in its shape (a server
//!   error an element), or with raise-on-error the first error; a transaction
//!   is nil (`EXEC` nil), the `EXEC` error (an `ExecAbort` failure for
//!   `EXECABORT`, naming the first queued error when there was one), one element
//!   per command shaped by its command, or a request failure when `EXEC`'s reply
//!   has another shape or count;
//! - the database a batch leaves the connection on is that of its last
//!   `SELECT` that succeeded.

use glide_jni::batch::{self, BatchSpec, CallResult, Gather};
use glide_jni::reply::{BulkAs, Failure, Outcome};
use glide_jni::resp::{self, Value};
use glide_jni::shape::{self, Expect, Probe};

use crate::values;

/// Commands a batch is made of: at least one per reply shape, and `SELECT`s.
pub const COMMANDS: &[&[&str]] = &[
    &["GET", "k"],
    &["SET", "k", "v"],
    &["HGETALL", "h"],
    &["INCRBYFLOAT", "k", "1.5"],
    &["ZSCORE", "z", "m"],
    &["EXPIRE", "k", "10"],
    &["SMISMEMBER", "s", "a", "b"],
    &["SMEMBERS", "s"],
    &["ZMSCORE", "z", "a", "b"],
    &["ZPOPMIN", "z", "2"],
    &["ZRANK", "z", "m", "WITHSCORE"],
    &["BZPOPMIN", "z", "0"],
    &["FUNCTION", "LIST"],
    &["ACL", "GETUSER", "u"],
    &["FUNCTION", "STATS"],
    &["LMPOP", "1", "l", "LEFT"],
    &["HRANDFIELD", "h", "2", "WITHVALUES"],
    &["XRANGE", "s", "-", "+"],
    &["XREAD", "STREAMS", "s", "0"],
    &["XAUTOCLAIM", "s", "g", "c", "0", "0"],
    &["XINFO", "STREAM", "s", "FULL"],
    &["XINFO", "GROUPS", "s"],
    &["GEOPOS", "g", "m"],
    &["GEOSEARCH", "g", "FROMMEMBER", "m", "BYRADIUS", "1", "km", "WITHDIST"],
    &["ZRANDMEMBER", "z", "2", "WITHSCORES"],
    &["ZMPOP", "1", "z", "MIN"],
    &["ZADD", "z", "INCR", "1", "m"],
    &["CONFIG", "GET", "*"],
    &["SELECT", "0"],
    &["SELECT", "3"],
    &["INCR", "n"],
    &["MULTI"],
];

const FAILURES: [Failure; 6] =
    [Failure::Request, Failure::Timeout, Failure::Connection, Failure::Closing, Failure::ExecAbort, Failure::Configuration];

/// The request id the batch completes.
const ID: i64 = 42;

pub fn check(data: &[u8]) {
    let byte = |i: usize| data.get(i).copied().unwrap_or(0);
    let (flags, count) = (byte(0), usize::from(byte(1)) % 17);
    let atomic = flags & 1 != 0;
    let raise_on_error = flags & 2 != 0;
    let bulk_as = if flags & 4 != 0 { BulkAs::Bytes } else { BulkAs::Text };
    let (twice, shuffle) = (flags & 8 != 0, flags & 16 != 0);
    let inject = usize::from(byte(2)).checked_sub(1).map(|step| (step, FAILURES[usize::from(byte(3)) % 6]));
    let seed = u64::from(byte(4));
    let picks: Vec<u8> = (0..count).map(|i| byte(5 + i)).collect();
    let wire = data.get(5 + count..).unwrap_or(&[]);

    let Some(spec) = packed_spec(&picks, atomic, raise_on_error) else { return };
    let gather = Gather::new(ID, &spec, bulk_as);
    let awaited = if atomic { 1 } else { count };

    let (replies, _) = values::cut(wire);

    let mut skipped_error = None;
    let mut deliveries: Vec<(usize, CallResult)> = Vec::new();
    if atomic {
        let queued = spec.queued_replies();
        for reply in replies.iter().take(queued) {
            if skipped_error.is_none() {
                skipped_error = error_text(reply);
            }
        }
        for (i, reply) in replies.iter().enumerate().skip(queued) {
            let result = if i == queued { exec_result(reply, skipped_error.clone(), bulk_as) } else { gathered_value(reply, Expect::Natural) };
            deliveries.push((i - queued, result));
        }
    } else {
        let expects = spec.expects();
        for (i, reply) in replies.iter().enumerate() {
            deliveries.push((i, gathered_value(reply, expects.get(i).copied().unwrap_or(Expect::Natural))));
        }
        if shuffle {
            let answered = deliveries.len().min(count);
            let mut rng = seed;
            for i in (1..answered).rev() {
                let j = (splitmix(&mut rng) % (i as u64 + 1)) as usize;
                deliveries.swap(i, j);
            }
        }
    }
    if let Some((step, failure)) = inject {
        let result = Err((failure, format!("injected {failure:?}")));
        match deliveries.get_mut(step) {
            Some(delivery) => delivery.1 = result,
            None => deliveries.push((0, result)),
        }
    }
    if twice {
        deliveries = deliveries.into_iter().flat_map(|d| [d.clone(), (d.0, Ok(Value::Int(i64::MIN)))]).collect();
    }

    // Runs the deliveries, predicting when the batch ends.
    let mut slots: Vec<Option<Value>> = vec![None; awaited];
    let mut outcome = None;
    let mut ended_by = None;
    let deliveries_made = deliveries.len();
    // What the request timer delivers when the deadline passes first.
    let deadline = (0, Err((Failure::Timeout, "deadline".to_string())));
    for (step, (index, result)) in deliveries.into_iter().chain([deadline]).enumerate() {
        let ends = outcome.is_none() && ended_by.is_none() && {
            match &result {
                Ok(_) | Err((Failure::Request | Failure::ExecAbort, _)) => match slots.get_mut(index) {
                    Some(slot @ None) => {
                        *slot = Some(as_put(result.clone()));
                        slots.iter().all(Option::is_some)
                    }
                    _ => false,
                },
                Err((failure, message)) => {
                    ended_by = Some((*failure, message.clone()));
                    true
                }
            }
        };
        if step == deliveries_made && outcome.is_some() {
            break; // Complete before its deadline: the timer finds nothing to do.
        }
        let got = gather.put(index, result);
        assert_eq!(got.is_some(), ends, "step {step} (slot {index}): outcome {got:?}, predicted {ends}");
        if got.is_some() {
            outcome = got;
        }
    }
    let outcome = outcome.expect("the deadline ends a batch that lacks replies");

    if let Some((failure, message)) = ended_by {
        assert_eq!(outcome, Outcome::Failed(failure, message));
        assert_eq!(gather.selected_database(), None);
        return;
    }
    let results: Vec<Value> = slots.into_iter().map(|s| s.expect("every slot filled")).collect();
    let values = if atomic {
        // No command's result reaches Java unless EXEC gave one per command.
        let no_results = || assert_eq!(gather.selected_database(), None, "a transaction without results selected a database");
        match results.into_iter().next().expect("EXEC's slot") {
            Value::Nil => {
                assert_eq!(outcome, Outcome::Nil);
                return no_results();
            }
            Value::ServerError(message) => {
                let failure = if message.starts_with("EXECABORT") { Failure::ExecAbort } else { Failure::Request };
                if let (Failure::ExecAbort, Some(cause)) = (failure, &skipped_error) {
                    assert!(message.ends_with(&format!(" First error: {cause}")), "EXECABORT not explained: {message}");
                }
                assert_eq!(outcome, Outcome::Failed(failure, message));
                return no_results();
            }
            Value::Array(items) if items.len() == count => items
                .into_iter()
                .zip(spec.expects())
                .map(|(item, expect)| shape::convert(item, expect).unwrap_or_else(Value::ServerError))
                .collect(),
            other => {
                assert!(matches!(&outcome, Outcome::Failed(Failure::Request, _)), "EXEC gave {other:?}: {outcome:?}");
                return no_results();
            }
        }
    } else {
        results
    };
    let select = |i: usize| spec.commands[i].selects_database;
    let selected = (0..count).rev().find(|&i| select(i).is_some() && matches!(values[i], Value::Okay)).and_then(select);
    assert_eq!(gather.selected_database(), selected, "the database after the batch");
    if raise_on_error {
        if let Some(Value::ServerError(message)) = values.iter().find(|v| matches!(v, Value::ServerError(_))) {
            return assert_eq!(outcome, Outcome::Failed(Failure::Request, message.clone()));
        }
    }
    let want = Outcome::from_value(Value::Array(values), Expect::Natural, bulk_as);
    assert_eq!(outcome, want, "the batch's array");
    match outcome.into_value() {
        Ok(Value::Array(items)) => assert_eq!(items.len(), count, "one element per command"),
        other => panic!("a batch's result must be an array: {other:?}"),
    }
}

/// Packs the commands `picks` names and parses them back as Java's batch would
/// be; checks the packing. `None` for an empty pipeline (refused, as it must be).
fn packed_spec(picks: &[u8], atomic: bool, raise_on_error: bool) -> Option<BatchSpec> {
    let mut packed = Vec::new();
    let (mut lengths, mut shapes, mut expects) = (Vec::new(), Vec::new(), Vec::new());
    for &pick in picks {
        let args: Vec<&[u8]> = COMMANDS[usize::from(pick & 0x7f) % COMMANDS.len()].iter().map(|a| a.as_bytes()).collect();
        let one = resp::pack(&args);
        lengths.push(i32::try_from(one.len()).expect("a short command"));
        packed.extend_from_slice(&one);
        let mut probe = Probe::new();
        for (i, arg) in args.iter().enumerate() {
            probe.feed(i, arg);
        }
        let map = pick & 0x80 != 0;
        shapes.push(i32::from(map));
        expects.push(if map { Expect::Map } else { probe.expect() });
    }
    let spec = BatchSpec::parse(&packed, &lengths, &shapes, atomic, raise_on_error);
    if picks.is_empty() && !atomic {
        assert!(spec.is_err(), "an empty pipeline must be refused");
        return None;
    }
    let spec = spec.expect("a batch of well-formed commands");
    assert_eq!(spec.expects(), expects);
    assert_eq!(spec.pipeline_bytes(), packed);
    let multi = resp::pack(&[b"MULTI"]);
    let exec = resp::pack(&[b"EXEC"]);
    assert_eq!(spec.transaction_bytes(), [&multi[..], &packed, &exec].concat());
    assert_eq!(spec.queued_replies(), picks.len() + 1);
    Some(spec)
}

/// What `Gather::put` records for a result that does not end the batch.
fn as_put(result: CallResult) -> Value {
    result.unwrap_or_else(|(_, message)| Value::ServerError(message))
}

/// A pipeline command's reply in its shape, as the connection gives it
/// (`gathered_value` in `client/connection/fifo.rs`, private there).
fn gathered_value(bytes: &[u8], expect: Expect) -> CallResult {
    let value = resp::build_complete(bytes).map_err(|e| (Failure::Request, e.to_string()))?;
    Ok(shape::convert(value, expect).unwrap_or_else(Value::ServerError))
}

/// The message of a reply that is a server error (`error_text` in `client/connection/fifo.rs`).
fn error_text(bytes: &[u8]) -> Option<String> {
    match bytes.first() {
        Some(b'-' | b'!') => match resp::build_complete(bytes) {
            Ok(Value::ServerError(message)) => Some(message),
            _ => None,
        },
        _ => None,
    }
}

/// `EXEC`'s reply as the connection hands it to the batch: as a gathered value,
/// or, when a queued command was refused, converted on its own and a failure
/// explained by that refusal (`complete` in `client/connection/fifo.rs`).
fn exec_result(bytes: &[u8], skipped_error: Option<String>, bulk_as: BulkAs) -> CallResult {
    let Some(cause) = skipped_error else { return gathered_value(bytes, Expect::Natural) };
    match Outcome::from_resp(bytes, Expect::Natural, bulk_as) {
        Outcome::Failed(failure, message) => Err((failure, batch::explain_abort(message, Some(cause)))),
        outcome => outcome.into_value(),
    }
}

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
