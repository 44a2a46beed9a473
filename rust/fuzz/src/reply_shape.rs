//! Target `reply_shape`: converting replies to their command's shape
//! (`glide_jni::shape::convert`) and encoding them for Java
//! (`glide_jni::reply::Outcome`), for every `Expect` and both `BulkAs`.
//!
//! The input's first RESP value (when complete) is converted 50 ways; what
//! follows it is ignored (converting every value of a long stream 50 times made
//! runs ten times slower without reaching more code). Properties, for each
//! `Expect` and `BulkAs`:
//! - nothing panics: a reply of the wrong shape is an `Outcome::Failed`;
//! - `Outcome::from_resp` (which skips building a `Value` where it can) gives
//!   exactly what building the value and `Outcome::from_value` give;
//! - `from_value` fails exactly when `convert` does, with its message;
//!   `convert` leaves server errors, and everything under `Natural`, as they are;
//! - every outcome that is not a failure reads back (`into_value`): the frame
//!   Java decodes is well formed; under `Natural` it reads back as the value it
//!   was made from, up to the distinctions a frame does not keep;
//! - the completion handed to Java owns its bytes exactly once (freed here; the
//!   leak sanitizer would report a second owner or none);
//! - one conversion allocates at most [`crate::alloc::budget`] at once.

use glide_jni::reply::{self, BulkAs, Failure, Outcome};
use glide_jni::resp::{self, Value};
use glide_jni::shape::{self, Expect};

use crate::alloc;
use crate::values;

/// Every reply shape (the one list is `Expect::ALL`).
pub const EXPECTS: [Expect; 25] = Expect::ALL;

pub fn check(data: &[u8]) {
    let Ok(Some(len)) = resp::complete_len(data) else { return };
    let value = &data[..len];
    for expect in EXPECTS {
        for bulk_as in [BulkAs::Text, BulkAs::Bytes] {
            check_one(value, expect, bulk_as);
        }
    }
}

fn check_one(bytes: &[u8], expect: Expect, bulk_as: BulkAs) {
    let context = || format!("{:?} as {expect:?}/{bulk_as:?}", String::from_utf8_lossy(bytes));
    alloc::reset();
    let direct = Outcome::from_resp(bytes, expect, bulk_as);
    let largest = alloc::largest();
    assert!(largest <= alloc::budget(bytes.len()), "{}: allocated {largest} bytes at once", context());
    let built = resp::build_complete(bytes);
    let general = match &built {
        Ok(value) => Outcome::from_value(value.clone(), expect, bulk_as),
        Err(e) => Outcome::Failed(Failure::Request, e.to_string()),
    };
    assert!(same_outcome(&direct, &general), "{}: from_resp gave {direct:?}, from_value {general:?}", context());

    if let Ok(value) = &built {
        match shape::convert(value.clone(), expect) {
            Ok(converted) => {
                if expect == Expect::Natural || matches!(value, Value::ServerError(_)) {
                    assert!(values::same(&converted, value), "{}: convert changed it to {converted:?}", context());
                }
            }
            Err(message) => {
                assert_eq!(general, Outcome::Failed(Failure::Request, message), "{}: from_value and convert disagree", context())
            }
        }
    }

    match direct.into_value() {
        Ok(back) => {
            if let (Expect::Natural, Ok(value)) = (expect, &built) {
                let want = as_frame_keeps_it(value.clone());
                assert!(values::same(&back, &want), "{}: read back as {back:?}, want {want:?}", context());
            }
        }
        Err((failure, message)) => {
            assert!(message != "malformed reply frame", "{}: the frame does not read back", context());
            assert!(matches!(failure, Failure::Request | Failure::ExecAbort), "{}: {failure:?}", context());
        }
    }

    let completion = general.by_node().into_completion(1);
    if reply::kind_owns_bytes(completion.kind) {
        // SAFETY: `into_completion` just made this pointer with `bytes_into_raw`,
        // and nothing else has it: it is taken back exactly once, here.
        drop(unsafe { reply::bytes_from_raw(completion.payload) });
    }
}

/// Outcomes are equal, a NaN equal to a NaN of the same bits.
fn same_outcome(a: &Outcome, b: &Outcome) -> bool {
    match (a, b) {
        (Outcome::Double(x), Outcome::Double(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

/// What a value under `Natural` reads back as from Java's frame: a frame has no
/// push or verbatim type (they become an array and a simple string), and a
/// top-level server error is a failure instead. (Attributes never reach a value:
/// the parser skips them.)
fn as_frame_keeps_it(value: Value) -> Value {
    let all = |items: Vec<Value>| items.into_iter().map(as_frame_keeps_it).collect();
    let pairs = |pairs: Vec<(Value, Value)>| pairs.into_iter().map(|(k, v)| (as_frame_keeps_it(k), as_frame_keeps_it(v))).collect();
    match value {
        Value::Push(items) | Value::Array(items) => Value::Array(all(items)),
        Value::Set(items) => Value::Set(all(items)),
        Value::Map(p) => Value::Map(pairs(p)),
        Value::VerbatimString(text) => Value::SimpleString(text),
        other => other,
    }
}
