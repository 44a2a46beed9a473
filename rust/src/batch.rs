//! Batches: several commands sent together, with one reply for all of them.
//!
//! A batch is *atomic* (a transaction: `MULTI`, the commands, `EXEC`, sent in
//! one write; the reply is `EXEC`'s array) or a *pipeline* (the commands
//! written back to back; one reply each). Either way Java gets one array with
//! one element per command, in order, each converted to its command's shape
//! exactly as if the command had been sent alone.
//!
//! A [`Gather`] collects the replies of one batch, wherever they come from (one
//! connection, or the nodes of a cluster), and produces the batch's single
//! outcome once the last one is in, or the first failure that ends the batch
//! (timeout, lost connection, close). It holds no channel and no task.
//!
//! # Errors
//! A command's server error is its element (Java gets a `RequestException`
//! object in the array), or, with `raise_on_error`, the first such error fails
//! the whole batch. A transaction aborted because a watched key changed
//! (`EXEC` replies nil) gives nil: Java's `exec` returns null. A transaction the
//! server discarded (`EXECABORT`, a command refused while queued) fails with an
//! `ExecAbort` failure that names the first refusal.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use parking_lot::Mutex;

use crate::reply::{BulkAs, Failure, Outcome};
use crate::resp::{self, Value};
use crate::shape::{self, Expect, Probe};

/// A reply as the core combines it: a value (a server error is a
/// `Value::ServerError`) or why there is none.
pub type CallResult = Result<Value, (Failure, String)>;

/// One command of a batch: its RESP bytes and the shape of its reply.
#[derive(Debug, Clone)]
pub struct BatchCommand {
    pub packed: Vec<u8>,
    pub expect: Expect,
    /// `SELECT n`: the database the connection is on once it succeeds.
    pub selects_database: Option<i64>,
}

/// The commands of a batch and how it runs.
#[derive(Debug)]
pub struct BatchSpec {
    pub commands: Vec<BatchCommand>,
    pub atomic: bool,
    pub raise_on_error: bool,
}

/// `MULTI` and `EXEC`, packed.
const MULTI: &[u8] = b"*1\r\n$5\r\nMULTI\r\n";
const EXEC: &[u8] = b"*1\r\n$4\r\nEXEC\r\n";

impl BatchSpec {
    /// Splits `packed` (commands back to back, `lengths[i]` bytes each) into
    /// commands, checks each is well formed, and gives each its reply shape:
    /// `shapes[i]` is a [`crate::wire::shape`] code: `NATURAL` (the shape the command implies) or
    /// the shape it names; an unknown code fails the batch.
    pub fn parse(packed: &[u8], lengths: &[i32], shapes: &[i32], atomic: bool, raise_on_error: bool) -> Result<BatchSpec, String> {
        if lengths.len() != shapes.len() {
            return Err("a batch needs one shape per command".into());
        }
        if lengths.is_empty() && !atomic {
            // (An empty transaction is MULTI, EXEC: an empty array, or nil if a watched key changed.)
            return Err("the pipeline is empty: add commands before running it".into());
        }
        let mut commands = Vec::with_capacity(lengths.len());
        let mut start = 0usize;
        for (i, (&len, &shape)) in lengths.iter().zip(shapes).enumerate() {
            let end = usize::try_from(len).ok().and_then(|l| start.checked_add(l)).filter(|&e| e <= packed.len());
            let end = end.ok_or_else(|| format!("command {i} of the batch overruns its bytes"))?;
            let bytes = &packed[start..end];
            let mut probe = Probe::new();
            resp::walk_command(bytes, |index, arg| probe.feed(index, arg)).map_err(|e| format!("command {i} of the batch: {e}"))?;
            let expect = probe.expect_as(shape).ok_or_else(|| format!("command {i} of the batch: {}", shape::unknown_code(shape)))?;
            commands.push(BatchCommand { packed: bytes.to_vec(), expect, selects_database: probe.selects_database() });
            start = end;
        }
        if start != packed.len() {
            return Err(format!("{} bytes after the batch's last command", packed.len() - start));
        }
        Ok(BatchSpec { commands, atomic, raise_on_error })
    }

    /// A transaction's bytes: `MULTI`, the commands, `EXEC`. The replies to
    /// skip before `EXEC`'s are [`BatchSpec::queued_replies`].
    pub fn transaction_bytes(&self) -> Vec<u8> {
        let size = MULTI.len() + EXEC.len() + self.commands.iter().map(|c| c.packed.len()).sum::<usize>();
        let mut out = Vec::with_capacity(size);
        out.extend_from_slice(MULTI);
        for command in &self.commands {
            out.extend_from_slice(&command.packed);
        }
        out.extend_from_slice(EXEC);
        out
    }

    /// Replies before `EXEC`'s in a transaction: `MULTI`'s `OK` and one `QUEUED` per command.
    pub fn queued_replies(&self) -> usize {
        self.commands.len() + 1
    }

    /// A pipeline's bytes: the commands back to back.
    pub fn pipeline_bytes(&self) -> Vec<u8> {
        self.commands.iter().flat_map(|c| c.packed.iter().copied()).collect()
    }

    pub fn expects(&self) -> Vec<Expect> {
        self.commands.iter().map(|c| c.expect).collect()
    }
}

/// Collects the replies of one batch and makes its outcome.
#[derive(Debug)]
pub struct Gather {
    /// Java's request id.
    pub id: i64,
    atomic: bool,
    raise_on_error: bool,
    bulk_as: BulkAs,
    expects: Vec<Expect>,
    results: Mutex<Vec<Option<Value>>>,
    /// Replies still awaited: one per command, or one (`EXEC`'s) for a transaction.
    remaining: AtomicUsize,
    /// The outcome was produced: later replies are dropped.
    done: AtomicBool,
    /// The batch's `SELECT`s: command index and database.
    selects: Vec<(usize, i64)>,
    /// The database of the last `SELECT` that succeeded, once the batch is over.
    selected: Mutex<Option<i64>>,
}

impl Gather {
    pub fn new(id: i64, spec: &BatchSpec, bulk_as: BulkAs) -> Gather {
        let awaited = if spec.atomic { 1 } else { spec.commands.len() };
        Gather {
            id,
            atomic: spec.atomic,
            raise_on_error: spec.raise_on_error,
            bulk_as,
            expects: spec.expects(),
            results: Mutex::new(vec![None; awaited]),
            remaining: AtomicUsize::new(awaited),
            done: AtomicBool::new(false),
            selects: spec.commands.iter().enumerate().filter_map(|(i, c)| Some((i, c.selects_database?))).collect(),
            selected: Mutex::new(None),
        }
    }

    /// After the batch: the database its last successful `SELECT` moved the connection to
    /// (a reconnect must return there), if any.
    pub fn selected_database(&self) -> Option<i64> {
        *self.selected.lock()
    }

    pub fn is_atomic(&self) -> bool {
        self.atomic
    }

    /// Records the reply of command `index` (of `EXEC`, index 0, for a
    /// transaction), already in its command's shape for a pipeline. Returns the
    /// batch's outcome when this was the last reply awaited, or when this
    /// failure ends the batch; `None` otherwise, and for anything after the end.
    pub fn put(&self, index: usize, result: CallResult) -> Option<Outcome> {
        if self.done.load(Ordering::Acquire) {
            return None;
        }
        let value = match result {
            Ok(value) => value,
            // A server error (or a reply that could not take its shape) is the command's result.
            Err((Failure::Request | Failure::ExecAbort, message)) => Value::ServerError(message),
            // Anything else (timeout, connection, close) ends the batch.
            Err((failure, message)) => return self.finish(|| Outcome::Failed(failure, message)),
        };
        {
            let mut results = self.results.lock();
            match results.get_mut(index) {
                Some(slot @ None) => *slot = Some(value),
                _ => return None, // a duplicate or unknown index: never counted twice
            }
        }
        if self.remaining.fetch_sub(1, Ordering::AcqRel) != 1 {
            return None;
        }
        self.finish(|| {
            let results: Vec<Value> = self.results.lock().drain(..).map(|r| r.unwrap_or(Value::Nil)).collect();
            self.assemble(results)
        })
    }

    /// Ends the batch with `outcome` unless it already ended.
    fn finish(&self, outcome: impl FnOnce() -> Outcome) -> Option<Outcome> {
        (!self.done.swap(true, Ordering::AcqRel)).then(outcome)
    }

    fn assemble(&self, mut results: Vec<Value>) -> Outcome {
        let values = if self.atomic {
            match results.pop() {
                // A watched key changed: no command ran.
                Some(Value::Nil) => return Outcome::Nil,
                Some(Value::ServerError(message)) if message.starts_with("EXECABORT") => {
                    return Outcome::Failed(Failure::ExecAbort, message)
                }
                Some(Value::ServerError(message)) => return Outcome::Failed(Failure::Request, message),
                Some(Value::Array(items)) if items.len() == self.expects.len() => {
                    items.into_iter().zip(&self.expects).map(|(item, expect)| shaped(item, *expect)).collect()
                }
                Some(other) => {
                    let message = format!("EXEC returned {other:?} for {} commands", self.expects.len());
                    return Outcome::Failed(Failure::Request, message);
                }
                None => return Outcome::Failed(Failure::Request, "EXEC returned nothing".into()),
            }
        } else {
            results
        };
        let selected = self.selects.iter().rev().find(|(i, _)| matches!(values.get(*i), Some(Value::Okay)));
        *self.selected.lock() = selected.map(|(_, db)| *db);
        if self.raise_on_error {
            if let Some(Value::ServerError(message)) = values.iter().find(|v| matches!(v, Value::ServerError(_))) {
                return Outcome::Failed(Failure::Request, message.clone());
            }
        }
        Outcome::from_value(Value::Array(values), Expect::Natural, self.bulk_as)
    }
}

/// `value` in the shape `expect`; a value that cannot take it becomes the command's error.
fn shaped(value: Value, expect: Expect) -> Value {
    shape::convert(value, expect).unwrap_or_else(Value::ServerError)
}

/// `EXECABORT ...` followed by the first error a queued command got, when
/// there was one (the server's own message does not say which command failed).
pub fn explain_abort(message: String, first_queued_error: Option<String>) -> String {
    match first_queued_error {
        Some(cause) if message.starts_with("EXECABORT") => format!("{message} First error: {cause}"),
        _ => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packed(commands: &[&[&[u8]]]) -> (Vec<u8>, Vec<i32>, Vec<i32>) {
        let mut bytes = Vec::new();
        let mut lengths = Vec::new();
        for args in commands {
            let one = resp::pack(args);
            lengths.push(one.len() as i32);
            bytes.extend_from_slice(&one);
        }
        let shapes = vec![0; commands.len()];
        (bytes, lengths, shapes)
    }

    fn spec(commands: &[&[&[u8]]], atomic: bool, raise: bool) -> BatchSpec {
        let (bytes, lengths, shapes) = packed(commands);
        BatchSpec::parse(&bytes, &lengths, &shapes, atomic, raise).unwrap()
    }

    fn frame_of(outcome: Outcome) -> Value {
        outcome.into_value().expect("a value")
    }

    #[test]
    fn commands_are_split_and_shaped_by_their_names() {
        let s = spec(&[&[b"SET", b"k", b"v"], &[b"HGETALL", b"h"], &[b"ZSCORE", b"z", b"m"]], false, false);
        assert_eq!(s.commands.len(), 3);
        assert_eq!(s.expects(), vec![Expect::Natural, Expect::Map, Expect::DoubleOrNil]);
        assert_eq!(s.pipeline_bytes(), packed(&[&[b"SET", b"k", b"v"], &[b"HGETALL", b"h"], &[b"ZSCORE", b"z", b"m"]]).0);
        let tx = s.transaction_bytes();
        assert!(tx.starts_with(MULTI) && tx.ends_with(EXEC));
        assert_eq!(s.queued_replies(), 4);
    }

    #[test]
    fn malformed_batches_are_refused() {
        let (bytes, lengths, shapes) = packed(&[&[b"GET", b"k"]]);
        assert!(BatchSpec::parse(&bytes, &[lengths[0] - 1], &shapes, false, false).is_err());
        assert!(BatchSpec::parse(&bytes, &[lengths[0] + 1], &shapes, false, false).is_err());
        assert!(BatchSpec::parse(&bytes, &lengths, &[0, 0], false, false).is_err());
        assert!(BatchSpec::parse(&[], &[], &[], false, false).is_err(), "an empty pipeline");
        let empty = BatchSpec::parse(&[], &[], &[], true, false).expect("an empty transaction");
        assert_eq!(empty.transaction_bytes(), [MULTI, EXEC].concat());
        let unknown = BatchSpec::parse(&bytes, &lengths, &[999], false, false).expect_err("unknown shape");
        assert!(unknown.contains("command 0 of the batch: unknown reply shape code 999"), "{unknown}");
    }

    /// A command defined in Java comes with its shape's code, used as given.
    #[test]
    fn a_given_shape_code_is_used_as_the_commands_shape() {
        let (bytes, lengths, _) = packed(&[&[b"EXPIRE", b"k", b"1"], &[b"GET", b"k"], &[b"HGETALL", b"h"]]);
        let shapes = [crate::wire::shape::BOOLEAN, crate::wire::shape::AS_SENT, crate::wire::shape::NATURAL];
        let s = BatchSpec::parse(&bytes, &lengths, &shapes, false, false).unwrap();
        assert_eq!(s.expects(), vec![Expect::Boolean, Expect::Natural, Expect::Map]);
    }

    #[test]
    fn a_pipeline_completes_with_its_last_reply_in_command_order() {
        let s = spec(&[&[b"GET", b"a"], &[b"GET", b"b"]], false, false);
        let gather = Gather::new(7, &s, BulkAs::Text);
        assert_eq!(gather.put(1, Ok(Value::BulkString(b"B".to_vec()))), None);
        let outcome = gather.put(0, Ok(Value::Nil)).expect("complete");
        assert_eq!(frame_of(outcome), Value::Array(vec![Value::Nil, Value::BulkString(b"B".to_vec())]));
        assert_eq!(gather.put(0, Ok(Value::Nil)), None, "nothing after the end");
    }

    #[test]
    fn server_errors_are_elements_unless_raised() {
        for raise in [false, true] {
            let s = spec(&[&[b"INCR", b"a"], &[b"GET", b"b"]], false, raise);
            let gather = Gather::new(1, &s, BulkAs::Text);
            gather.put(0, Err((Failure::Request, "WRONGTYPE no".into())));
            let outcome = gather.put(1, Ok(Value::Okay)).unwrap();
            if raise {
                assert_eq!(outcome, Outcome::Failed(Failure::Request, "WRONGTYPE no".into()));
            } else {
                assert_eq!(frame_of(outcome), Value::Array(vec![Value::ServerError("WRONGTYPE no".into()), Value::Okay]));
            }
        }
    }

    #[test]
    fn a_timeout_ends_the_batch_once() {
        let s = spec(&[&[b"GET", b"a"], &[b"GET", b"b"]], false, false);
        let gather = Gather::new(1, &s, BulkAs::Text);
        let first = gather.put(0, Err((Failure::Timeout, "late".into())));
        assert_eq!(first, Some(Outcome::Failed(Failure::Timeout, "late".into())));
        assert_eq!(gather.put(1, Err((Failure::Timeout, "late".into()))), None);
        assert_eq!(gather.put(1, Ok(Value::Nil)), None);
    }

    #[test]
    fn a_transaction_shapes_each_element_of_exec() {
        let s = spec(&[&[b"SET", b"k", b"v"], &[b"HGETALL", b"h"], &[b"INCRBYFLOAT", b"f", b"1"]], true, false);
        let gather = Gather::new(1, &s, BulkAs::Text);
        let exec = Value::Array(vec![
            Value::Okay,
            Value::Array(vec![Value::BulkString(b"f".to_vec()), Value::BulkString(b"v".to_vec())]),
            Value::BulkString(b"1.5".to_vec()),
        ]);
        let outcome = gather.put(0, Ok(exec)).unwrap();
        assert_eq!(
            frame_of(outcome),
            Value::Array(vec![
                Value::Okay,
                Value::Map(vec![(Value::BulkString(b"f".to_vec()), Value::BulkString(b"v".to_vec()))]),
                Value::Double(1.5),
            ])
        );
    }

    #[test]
    fn the_last_select_that_succeeded_is_remembered() {
        let s = spec(&[&[b"SELECT", b"3"], &[b"SELECT", b"99"], &[b"GET", b"k"]], false, false);
        let gather = Gather::new(1, &s, BulkAs::Text);
        gather.put(0, Ok(Value::Okay));
        gather.put(1, Err((Failure::Request, "ERR DB index is out of range".into())));
        gather.put(2, Ok(Value::Nil)).expect("complete");
        assert_eq!(gather.selected_database(), Some(3));
        let none = spec(&[&[b"GET", b"k"]], false, false);
        let gather = Gather::new(1, &none, BulkAs::Text);
        gather.put(0, Ok(Value::Nil));
        assert_eq!(gather.selected_database(), None);
    }

    #[test]
    fn a_watched_key_change_gives_nil_and_a_discarded_transaction_fails() {
        let s = spec(&[&[b"GET", b"a"]], true, false);
        assert_eq!(Gather::new(1, &s, BulkAs::Text).put(0, Ok(Value::Nil)), Some(Outcome::Nil));
        let aborted = Gather::new(1, &s, BulkAs::Text).put(0, Err((Failure::ExecAbort, "EXECABORT x".into())));
        assert_eq!(aborted, Some(Outcome::Failed(Failure::ExecAbort, "EXECABORT x".into())));
        assert_eq!(explain_abort("EXECABORT x.".into(), Some("ERR bad".into())), "EXECABORT x. First error: ERR bad");
        assert_eq!(explain_abort("ERR y".into(), Some("ERR bad".into())), "ERR y");
    }
}
