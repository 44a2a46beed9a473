//! Property tests (proptest) for what random bytes rarely reach: replies of the
//! nested shapes commands expect (stream entries, member/score pairs, function
//! lists...) against every reply shape, and batches of real commands. The
//! libFuzzer targets in `rust/fuzz/` cover arbitrary bytes; see its README.

use glide_jni::batch::BatchSpec;
use glide_jni::reply::{self, BulkAs, Failure, Outcome};
use glide_jni::resp::{self, Value};
use glide_jni::shape::{self, Expect, Probe};
use glide_jni::wire;
use proptest::prelude::*;

/// Every reply shape (see [`index`]).
/// Every reply shape (one list, in `shape.rs`).
const EXPECTS: [Expect; 25] = Expect::ALL;

/// Words the conversions look for (map keys they reshape, numbers as text).
const WORDS: &[&str] = &[
    "flags", "groups", "consumers", "running_script", "engines", "functions", "library_name", "name", "f", "v", "1-1",
    "1.5", "-2.5", "inf", "-inf", "nan", "0", "1", "x", "QUEUED", "EXECABORT Transaction discarded",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(WORDS).prop_map(str::to_string),
        1 => "[a-z0-9 .:-]{0,8}",
    ]
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => text().prop_map(String::into_bytes),
        1 => prop::collection::vec(any::<u8>(), 0..8),
    ]
}

fn double() -> impl Strategy<Value = f64> {
    prop_oneof![
        prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO | prop::num::f64::INFINITE,
        Just(f64::NAN),
        Just(1.5),
    ]
}

/// Any reply, of the kinds and nestings servers send.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        1 => Just(Value::Nil),
        1 => prop_oneof![any::<i64>(), 0i64..3].prop_map(Value::Int),
        1 => double().prop_map(Value::Double),
        1 => any::<bool>().prop_map(Value::Boolean),
        1 => Just(Value::Okay),
        4 => bytes().prop_map(Value::BulkString),
        1 => text().prop_filter("+OK is Okay", |t| t != "OK").prop_map(Value::SimpleString),
        1 => text().prop_map(Value::VerbatimString),
        1 => "-?[0-9]{1,30}".prop_map(|d| Value::BigNumber(d.into_bytes())),
        1 => text().prop_map(Value::ServerError),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let pair = (inner.clone(), inner.clone());
        prop_oneof![
            4 => prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            1 => prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Set),
            1 => prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Push),
            2 => prop::collection::vec(pair, 0..4).prop_map(Value::Map),
        ]
    })
}

/// `value` as RESP3 bytes that parse back to it.
fn encode(value: &Value, out: &mut Vec<u8>) {
    let line = |out: &mut Vec<u8>, kind: u8, text: &[u8]| {
        out.push(kind);
        out.extend_from_slice(text);
        out.extend_from_slice(b"\r\n");
    };
    let blob = |out: &mut Vec<u8>, kind: u8, bytes: &[u8]| {
        line(out, kind, bytes.len().to_string().as_bytes());
        out.extend_from_slice(bytes);
        out.extend_from_slice(b"\r\n");
    };
    let items = |out: &mut Vec<u8>, kind: u8, items: &[Value]| {
        line(out, kind, items.len().to_string().as_bytes());
        items.iter().for_each(|item| encode(item, out));
    };
    let pairs = |out: &mut Vec<u8>, kind: u8, pairs: &[(Value, Value)]| {
        line(out, kind, pairs.len().to_string().as_bytes());
        for (k, v) in pairs {
            encode(k, out);
            encode(v, out);
        }
    };
    match value {
        Value::Nil => line(out, b'_', b""),
        Value::Int(i) => line(out, b':', i.to_string().as_bytes()),
        Value::Double(d) => line(out, b',', d.to_string().as_bytes()),
        Value::Boolean(b) => line(out, b'#', if *b { b"t" } else { b"f" }),
        Value::Okay => line(out, b'+', b"OK"),
        Value::BulkString(b) => blob(out, b'$', b),
        Value::SimpleString(s) => line(out, b'+', s.as_bytes()),
        Value::VerbatimString(s) => blob(out, b'=', format!("txt:{s}").as_bytes()),
        Value::BigNumber(n) => line(out, b'(', n),
        Value::ServerError(s) => blob(out, b'!', s.as_bytes()),
        Value::Array(v) => items(out, b'*', v),
        Value::Set(v) => items(out, b'~', v),
        Value::Push(v) => items(out, b'>', v),
        Value::Map(p) => pairs(out, b'%', p),
    }
}

/// Equality in which a NaN equals a NaN of the same bits.
fn same(a: &Value, b: &Value) -> bool {
    a.same_as(b)
}

fn same_outcome(a: &Outcome, b: &Outcome) -> bool {
    match (a, b) {
        (Outcome::Double(x), Outcome::Double(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

/// Hands the completion's bytes back, as Java does, so none leak.
fn complete_and_free(outcome: Outcome) {
    let completion = outcome.into_completion(1);
    if reply::kind_owns_bytes(completion.kind) {
        // SAFETY: `into_completion` just made this pointer and nothing else has it.
        drop(unsafe { reply::bytes_from_raw(completion.payload) });
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Every reply, in every shape: no panic; a reply that cannot take the shape
    /// is a request failure carrying `convert`'s message; server errors and
    /// `Natural` pass untouched; whatever is not a failure reads back from its frame.
    #[test]
    fn every_reply_takes_every_shape_or_fails_cleanly(value in value()) {
        for expect in EXPECTS {
            let converted = shape::convert(value.clone(), expect);
            if expect == Expect::Natural || matches!(value, Value::ServerError(_)) {
                prop_assert!(matches!(&converted, Ok(c) if same(c, &value)), "{expect:?}: {converted:?}");
            }
            for bulk_as in [BulkAs::Text, BulkAs::Bytes] {
                let outcome = Outcome::from_value(value.clone(), expect, bulk_as);
                if let Err(message) = &converted {
                    prop_assert_eq!(&outcome, &Outcome::Failed(Failure::Request, message.clone()));
                }
                let again = Outcome::from_value(value.clone(), expect, bulk_as);
                match again.into_value() {
                    Ok(_) => {}
                    Err((failure, message)) => {
                        prop_assert!(matches!(outcome, Outcome::Failed(..)), "{expect:?}: {message}");
                        prop_assert!(matches!(failure, Failure::Request | Failure::ExecAbort), "{failure:?}");
                    }
                }
                complete_and_free(outcome);
            }
        }
    }

    /// The same replies as the server's bytes: the parser builds them back
    /// exactly, and the direct conversion from RESP gives what building the
    /// value and converting it gives, in every shape.
    #[test]
    fn replies_parse_back_and_convert_the_same_from_bytes(value in value()) {
        let mut bytes = Vec::new();
        encode(&value, &mut bytes);
        prop_assert_eq!(resp::complete_len(&bytes), Ok(Some(bytes.len())));
        let built = resp::build_complete(&bytes).expect("encoded values build");
        prop_assert!(same(&built, &value), "{:?} built {:?}", value, built);
        for cut in 0..bytes.len() {
            prop_assert_eq!(resp::complete_len(&bytes[..cut]), Ok(None), "prefix of {} bytes", cut);
        }
        for expect in EXPECTS {
            for bulk_as in [BulkAs::Text, BulkAs::Bytes] {
                let direct = Outcome::from_resp(&bytes, expect, bulk_as);
                let general = Outcome::from_value(value.clone(), expect, bulk_as);
                prop_assert!(same_outcome(&direct, &general), "{:?}/{:?}: {:?} vs {:?}", expect, bulk_as, direct, general);
                complete_and_free(direct);
                complete_and_free(general);
            }
        }
    }

    #[test]
    fn attributes_before_a_value_are_skipped(value in value(), attributes in prop::collection::vec((value(), value()), 0..3)) {
        // RESP3 attributes describe the value that follows them; the value is the reply.
        let mut bytes = Vec::new();
        bytes.extend_from_slice(format!("|{}\r\n", attributes.len()).as_bytes());
        for (k, v) in &attributes {
            encode(k, &mut bytes);
            encode(v, &mut bytes);
        }
        encode(&value, &mut bytes);
        prop_assert_eq!(resp::complete_len(&bytes), Ok(Some(bytes.len())));
        let built = resp::build_complete(&bytes).expect("encoded values build");
        prop_assert!(same(&built, &value), "{:?} built {:?}", value, built);
        for expect in EXPECTS {
            let direct = Outcome::from_resp(&bytes, expect, BulkAs::Bytes);
            let general = Outcome::from_value(value.clone(), expect, BulkAs::Bytes);
            prop_assert!(same_outcome(&direct, &general), "{:?}: {:?} vs {:?}", expect, direct, general);
            complete_and_free(direct);
            complete_and_free(general);
        }
    }
}

/// Command names whose arguments decide their reply shape, and some that do not.
const NAMES: &[&str] = &[
    "GET", "SET", "HGETALL", "ZRANGE", "ZADD", "ZRANK", "ZUNION", "XINFO", "XCLAIM", "HRANDFIELD", "SELECT", "LCS",
    "CONFIG", "FUNCTION", "INCRBYFLOAT", "SPOP",
];

/// A command as Java packs it: a name, then arguments (some of them options).
fn command() -> impl Strategy<Value = Vec<Vec<u8>>> {
    let arg = prop_oneof![
        prop::sample::select(&["WITHSCORES", "WITHSCORE", "INCR", "IDX", "JUSTID", "WITHVALUES", "GET", "STREAM", "3", "1"][..])
            .prop_map(|a| a.as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 0..12),
    ];
    (prop::sample::select(NAMES), prop::collection::vec(arg, 0..6)).prop_map(|(name, args)| {
        std::iter::once(name.as_bytes().to_vec()).chain(args).collect()
    })
}

fn pack_all(commands: &[Vec<Vec<u8>>]) -> (Vec<u8>, Vec<i32>) {
    let mut packed = Vec::new();
    let mut lengths = Vec::new();
    for command in commands {
        let args: Vec<&[u8]> = command.iter().map(Vec::as_slice).collect();
        let one = resp::pack(&args);
        lengths.push(one.len() as i32);
        packed.extend_from_slice(&one);
    }
    (packed, lengths)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// A batch of well-formed commands is accepted: its pipeline and transaction
    /// bytes are the commands back to back (around MULTI/EXEC), and each command
    /// gets the shape its name and options give it alone (`NATURAL`), or the one
    /// its code names.
    #[test]
    fn a_packed_batch_splits_into_its_commands(
        commands in prop::collection::vec(command(), 1..8),
        given in prop::collection::vec(prop::option::of(prop::sample::select(Expect::ALL.to_vec())), 8),
        atomic in any::<bool>(),
    ) {
        let (packed, lengths) = pack_all(&commands);
        let shapes: Vec<i32> = (0..commands.len()).map(|i| given[i].map_or(wire::shape::NATURAL, Expect::code)).collect();
        let spec = BatchSpec::parse(&packed, &lengths, &shapes, atomic, false).expect("well-formed commands");
        prop_assert_eq!(spec.pipeline_bytes(), packed.clone());
        let transaction = [&resp::pack(&[b"MULTI"])[..], &packed, &resp::pack(&[b"EXEC"])].concat();
        prop_assert_eq!(spec.transaction_bytes(), transaction);
        prop_assert_eq!(spec.queued_replies(), commands.len() + 1);
        let expects: Vec<Expect> = commands.iter().zip(&shapes).map(|(command, &shape)| {
            let mut probe = Probe::new();
            command.iter().enumerate().for_each(|(i, arg)| probe.feed(i, arg));
            Expect::from_code(shape).unwrap_or_else(|| probe.expect())
        }).collect();
        prop_assert_eq!(spec.expects(), expects);
    }

    /// Lengths that do not cut the bytes at the commands' boundaries, and shapes
    /// Java never sends, are refused (a command cut short or run together with
    /// the next would desynchronise the connection).
    #[test]
    fn a_batch_cut_anywhere_else_is_refused(
        commands in prop::collection::vec(command(), 1..6),
        which in any::<prop::sample::Index>(),
        shift in prop_oneof![-40i32..0, 1i32..40],
        move_to_next in any::<bool>(),
        bad_shape in any::<i32>().prop_filter("a code Java never sends", |c| *c != wire::shape::NATURAL && Expect::from_code(*c).is_none()),
    ) {
        let (packed, lengths) = pack_all(&commands);
        let shapes = vec![0; commands.len()];
        let i = which.index(commands.len());
        let mut wrong = lengths.clone();
        wrong[i] = wrong[i].saturating_add(shift);
        if move_to_next && i + 1 < wrong.len() {
            wrong[i + 1] -= shift; // The same total, split elsewhere.
        }
        prop_assert!(BatchSpec::parse(&packed, &wrong, &shapes, false, false).is_err(), "lengths {:?} for {:?}", wrong, lengths);
        let mut odd = shapes.clone();
        odd[i] = bad_shape;
        prop_assert!(BatchSpec::parse(&packed, &lengths, &odd, true, false).is_err());
    }

    /// Arbitrary bytes, lengths and shapes: refused or accepted, never a panic;
    /// what is accepted is exactly the bytes given.
    #[test]
    fn any_bytes_as_a_batch_never_panic(
        packed in prop::collection::vec(any::<u8>(), 0..64),
        lengths in prop::collection::vec(-2i32..70, 0..4),
        atomic in any::<bool>(),
    ) {
        let shapes = vec![0; lengths.len()];
        if let Ok(spec) = BatchSpec::parse(&packed, &lengths, &shapes, atomic, false) {
            prop_assert_eq!(spec.pipeline_bytes(), packed);
        }
    }
}
