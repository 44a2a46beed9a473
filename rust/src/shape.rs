//! Reply shapes decided by the command: one conversion, in the core, so that a
//! command's Java result has the same type under RESP2 and RESP3 and the same
//! type valkey-glide gives (e.g. `HGETALL` is a map, `INCRBYFLOAT` a double,
//! `EXPIRE` a boolean, `SMEMBERS` a set) whether it came from a typed method or
//! from `customCommand`.
//!
//! The command is classified while its arguments cross JNI ([`Probe`]); the
//! reply is converted once it arrives ([`convert`]).

use crate::resp::Value;

/// The shape a command's reply is converted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// As the server sent it.
    Natural,
    /// Flat key/value pairs (RESP2) or a map (RESP3) become a map; nil stays nil.
    Map,
    /// A number as a double (RESP2 sends it as a bulk string).
    Double,
    /// A double, or nil.
    DoubleOrNil,
    /// 0/1 as a boolean.
    Boolean,
    /// An array of 0/1 as booleans.
    BooleanArray,
    /// An array (RESP2) or a set (RESP3) as a set; nil stays nil.
    Set,
    /// An array of doubles or nils.
    DoubleOrNilArray,
    /// Members with scores (flat RESP2 pairs or RESP3 pairs) as a map member -> double.
    MemberScoreMap,
    /// `ZRANK ... WITHSCORE`: [rank, score] with the score as a double.
    RankWithScore,
    /// `BZPOPMIN`/`BZPOPMAX`: [key, member, score] with the score as a double.
    KeyMemberScore,
    /// FUNCTION LIST: an array of library maps, each with an array of function maps.
    FunctionList,
    /// ACL GETUSER: a map whose `flags` is a set (RESP2 sends an array).
    AclUser,
    /// FUNCTION STATS: a map whose `running_script` and `engines` are maps too.
    FunctionStats,
    /// `LMPOP`/`BLMPOP`: [key, [elements]] as a one-entry map {key: [elements]}; nil stays nil.
    KeyToArray,
    /// `HRANDFIELD ... WITHVALUES`: flat pairs (RESP2) or [[a, b], ...] (RESP3) as [[a, b], ...].
    Pairs,
    /// `XRANGE`/`XREVRANGE`/`XCLAIM`: [[id, [f, v, ...]], ...] as a map id -> [[f, v], ...]
    /// (an entry deleted meanwhile keeps its nil); nil stays nil.
    StreamEntries,
    /// `XREAD`/`XREADGROUP`: per stream (RESP2 [[key, entries], ...], RESP3 a map) a map
    /// key -> the entries as [`Expect::StreamEntries`]; nil (nothing read) stays nil.
    StreamsRead,
    /// `XAUTOCLAIM` without `JUSTID`: [cursor, entries, deleted ids] with the entries as
    /// [`Expect::StreamEntries`].
    AutoClaim,
    /// `XINFO STREAM [FULL]`: a map; with `FULL`, each group and each of its consumers a map too
    /// (RESP2 sends them as flat arrays).
    StreamInfo,
    /// `XINFO GROUPS`/`XINFO CONSUMERS`: an array of flat arrays (RESP2) or maps as an array of maps.
    MapArray,
    /// `GEOPOS`: an array of nil or [longitude, latitude], the coordinates as doubles (RESP2 sends
    /// them as bulk strings).
    GeoPositions,
    /// `GEOSEARCH ... WITHDIST/WITHHASH/WITHCOORD`: each [member, dist?, hash?, [lon, lat]?]
    /// becomes [member, [dist?, hash?, [lon, lat]?]] with the distance and coordinates as doubles;
    /// plain members (no WITH option) are left as they are.
    GeoSearch,
    /// `ZRANDMEMBER key count WITHSCORES`: flat pairs (RESP2) or [[member, score], ...] (RESP3)
    /// as [[member, score], ...] with each score a double; members may repeat, so not a map.
    MemberScorePairs,
    /// `ZMPOP`/`BZMPOP`: [key, [[member, score], ...]] as [key, {member: score}] with the scores
    /// as doubles; nil stays nil. An array, not a one-entry map, because that is what a batch or
    /// `customCommand` gives in valkey-glide 2.3.1; its `zmpop` methods make the map in Java.
    KeyAndMemberScoreMap,
}

impl Expect {
    /// Every reply shape, in declaration order: for the tests and fuzz targets that try a
    /// reply in all of them. [`Expect::position`] keeps it complete.
    pub const ALL: [Expect; 25] = [
        Expect::Natural,
        Expect::Map,
        Expect::Double,
        Expect::DoubleOrNil,
        Expect::Boolean,
        Expect::BooleanArray,
        Expect::Set,
        Expect::DoubleOrNilArray,
        Expect::MemberScoreMap,
        Expect::RankWithScore,
        Expect::KeyMemberScore,
        Expect::FunctionList,
        Expect::AclUser,
        Expect::FunctionStats,
        Expect::KeyToArray,
        Expect::Pairs,
        Expect::StreamEntries,
        Expect::StreamsRead,
        Expect::AutoClaim,
        Expect::StreamInfo,
        Expect::MapArray,
        Expect::GeoPositions,
        Expect::GeoSearch,
        Expect::MemberScorePairs,
        Expect::KeyAndMemberScoreMap,
    ];

    /// This shape's place in [`Expect::ALL`]. A match without a wildcard: a new variant stops
    /// the crate compiling until it is placed here, and a unit test checks `ALL` agrees.
    pub const fn position(self) -> usize {
        match self {
            Expect::Natural => 0,
            Expect::Map => 1,
            Expect::Double => 2,
            Expect::DoubleOrNil => 3,
            Expect::Boolean => 4,
            Expect::BooleanArray => 5,
            Expect::Set => 6,
            Expect::DoubleOrNilArray => 7,
            Expect::MemberScoreMap => 8,
            Expect::RankWithScore => 9,
            Expect::KeyMemberScore => 10,
            Expect::FunctionList => 11,
            Expect::AclUser => 12,
            Expect::FunctionStats => 13,
            Expect::KeyToArray => 14,
            Expect::Pairs => 15,
            Expect::StreamEntries => 16,
            Expect::StreamsRead => 17,
            Expect::AutoClaim => 18,
            Expect::StreamInfo => 19,
            Expect::MapArray => 20,
            Expect::GeoPositions => 21,
            Expect::GeoSearch => 22,
            Expect::MemberScorePairs => 23,
            Expect::KeyAndMemberScoreMap => 24,
        }
    }
}

impl Expect {
    /// The [`crate::wire::shape`] code that names this shape: what a command defined in Java
    /// (`glide.internal.commands`) sends instead of letting [`Probe`] derive it. A match without a
    /// wildcard, as in [`Expect::position`]: a new variant needs its code before the crate builds.
    pub const fn code(self) -> i32 {
        use crate::wire::shape;
        match self {
            Expect::Natural => shape::AS_SENT,
            Expect::Map => shape::MAP,
            Expect::Double => shape::DOUBLE,
            Expect::DoubleOrNil => shape::DOUBLE_OR_NIL,
            Expect::Boolean => shape::BOOLEAN,
            Expect::BooleanArray => shape::BOOLEAN_ARRAY,
            Expect::Set => shape::SET,
            Expect::DoubleOrNilArray => shape::DOUBLE_OR_NIL_ARRAY,
            Expect::MemberScoreMap => shape::MEMBER_SCORE_MAP,
            Expect::RankWithScore => shape::RANK_WITH_SCORE,
            Expect::KeyMemberScore => shape::KEY_MEMBER_SCORE,
            Expect::FunctionList => shape::FUNCTION_LIST,
            Expect::AclUser => shape::ACL_USER,
            Expect::FunctionStats => shape::FUNCTION_STATS,
            Expect::KeyToArray => shape::KEY_TO_ARRAY,
            Expect::Pairs => shape::PAIRS,
            Expect::StreamEntries => shape::STREAM_ENTRIES,
            Expect::StreamsRead => shape::STREAMS_READ,
            Expect::AutoClaim => shape::AUTO_CLAIM,
            Expect::StreamInfo => shape::STREAM_INFO,
            Expect::MapArray => shape::MAP_ARRAY,
            Expect::GeoPositions => shape::GEO_POSITIONS,
            Expect::GeoSearch => shape::GEO_SEARCH,
            Expect::MemberScorePairs => shape::MEMBER_SCORE_PAIRS,
            Expect::KeyAndMemberScoreMap => shape::KEY_AND_MEMBER_SCORE_MAP,
        }
    }

    /// The shape a [`crate::wire::shape`] code names; `None` for [`crate::wire::shape::NATURAL`]
    /// (which names no shape: the probe decides) and for a code that is not known.
    pub fn from_code(code: i32) -> Option<Expect> {
        Expect::ALL.into_iter().find(|e| e.code() == code)
    }
}

/// What crosses JNI for a code no [`Expect`] has and that is not `NATURAL`: the Java client and the
/// native library were built from different wire specs (or a caller passed a bad number).
pub fn unknown_code(code: i32) -> String {
    format!(
        "unknown reply shape code {code}: the Java classes and the native library of glide-jni do not \
         agree (use the jar's own library)"
    )
}

/// Positions of the sorted-set options seen so far (see [`Probe::feed_sorted_set`]).
#[derive(Debug, Default)]
struct ZsetOptions {
    /// Index of the last `WITHSCORES` (0: none).
    withscores_at: usize,
    /// Index of the last `WITHSCORE` (0: none).
    withscore_at: usize,
    /// Argument 1 as a count (ZUNION/ZINTER/ZDIFF's `numkeys`), when it is one.
    numkeys: Option<usize>,
    /// An argument that is not a ZADD option came after the key: options are over.
    past_zadd_options: bool,
    /// `INCR` among ZADD's options.
    zadd_incr: bool,
}

/// Longest command name (including a subcommand) worth remembering.
const NAME_CAP: usize = 24;

/// Watches a command's arguments as they are read and tells its [`Expect`].
#[derive(Debug, Default)]
pub struct Probe {
    name: [u8; NAME_CAP],
    name_len: usize,
    args: usize,
    /// A sorted-set command (Z..., BZ...): its options are watched.
    sorted_set: bool,
    /// Where the sorted-set options are ([`Probe::feed_sorted_set`]): a key or member
    /// spelt like an option is not taken for it.
    zset: ZsetOptions,
    /// `IDX` after LCS's two keys.
    idx: bool,
    withvalues: bool,
    justid: bool,
    selects_database: Option<i64>,
}

/// Commands whose name is two words ("CONFIG GET").
const CONTAINERS: &[&[u8]] = &[b"CONFIG", b"SCRIPT", b"XGROUP", b"PUBSUB", b"ACL", b"FUNCTION", b"XINFO"];

impl Probe {
    pub fn new() -> Probe {
        Probe::default()
    }

    /// Feeds argument `index` (0 is the command name).
    pub fn feed(&mut self, index: usize, arg: &[u8]) {
        self.args = index + 1;
        if index == 0 {
            self.append_upper(arg);
            let name = self.name();
            self.sorted_set = name.starts_with(b"Z") || name.starts_with(b"BZ");
            return;
        }
        if self.sorted_set {
            self.feed_sorted_set(index, arg);
        }
        if index == 1 && self.name() == b"SELECT" {
            self.selects_database = std::str::from_utf8(arg).ok().and_then(|s| s.trim().parse().ok());
        }
        if index == 1 && CONTAINERS.iter().any(|c| self.name() == *c) {
            self.append_upper(b" ");
            self.append_upper(arg);
            return;
        }
        if arg.len() <= 10 {
            self.idx |= index >= 3 && arg.eq_ignore_ascii_case(b"IDX");
            // Only in its place (HRANDFIELD key count WITHVALUES): a key may be named so.
            self.withvalues |= index == 3 && arg.eq_ignore_ascii_case(b"WITHVALUES");
            // XCLAIM/XAUTOCLAIM: options follow key, group, consumer and min-idle-time.
            self.justid |= index >= 5 && arg.eq_ignore_ascii_case(b"JUSTID");
        }
    }

    fn append_upper(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if self.name_len == NAME_CAP {
                // Longer than any command we convert: make sure it matches none.
                self.name_len = 0;
                self.name[0] = 0;
                return;
            }
            self.name[self.name_len] = b.to_ascii_uppercase();
            self.name_len += 1;
        }
    }

    /// Records where the sorted-set options are. `WITHSCORES` counts only after the keys (ZRANGE's
    /// start and stop, ZUNION/ZINTER/ZDIFF's `numkeys` keys, ZRANDMEMBER's count), `WITHSCORE`
    /// only after ZRANK's member, and ZADD's `INCR` only before its first score.
    fn feed_sorted_set(&mut self, index: usize, arg: &[u8]) {
        let z = &mut self.zset;
        // A count has at most 20 digits: a longer argument 1 (a key) is not read as one.
        if index == 1 && arg.len() <= 20 {
            z.numkeys = std::str::from_utf8(arg).ok().and_then(|s| s.parse().ok());
        }
        if index >= 2 && !z.past_zadd_options {
            const ZADD_OPTIONS: &[&[u8]] = &[b"NX", b"XX", b"GT", b"LT", b"CH", b"INCR"];
            if ZADD_OPTIONS.iter().any(|o| arg.eq_ignore_ascii_case(o)) {
                z.zadd_incr |= arg.eq_ignore_ascii_case(b"INCR");
            } else {
                z.past_zadd_options = true;
            }
        }
        if arg.eq_ignore_ascii_case(b"WITHSCORES") {
            z.withscores_at = index;
        }
        if arg.eq_ignore_ascii_case(b"WITHSCORE") {
            z.withscore_at = index;
        }
    }

    /// Whether WITHSCORES came after the keys of ZUNION/ZINTER/ZDIFF (`numkeys` of them).
    fn withscores_after_keys(&self) -> bool {
        matches!(self.zset.numkeys, Some(n) if self.zset.withscores_at > n.saturating_add(1))
    }

    /// For `SELECT n`: `n`, the database reconnects must return to once it succeeds.
    pub fn selects_database(&self) -> Option<i64> {
        self.selects_database
    }

    /// The command name, upper case, with its subcommand for container commands.
    pub fn name(&self) -> &[u8] {
        &self.name[..self.name_len]
    }

    /// The shape Java asked for with a [`crate::wire::shape`] code: for `NATURAL` the one the
    /// command's bytes imply ([`Probe::expect`]), for any other code the shape it names, as given
    /// (a command defined in Java decided it once, where it is defined). `None` for a code that
    /// is not known.
    pub fn expect_as(&self, code: i32) -> Option<Expect> {
        if code == crate::wire::shape::NATURAL {
            Some(self.expect())
        } else {
            Expect::from_code(code)
        }
    }

    /// The shape this command's reply takes.
    pub fn expect(&self) -> Expect {
        match self.name() {
            b"HGETALL" | b"HELLO" | b"CONFIG GET" | b"PUBSUB NUMSUB" | b"PUBSUB SHARDNUMSUB" => {
                Expect::Map
            }
            b"INCRBYFLOAT" | b"HINCRBYFLOAT" | b"ZINCRBY" => Expect::Double,
            b"ZSCORE" | b"GEODIST" => Expect::DoubleOrNil,
            b"ZADD" if self.zset.zadd_incr => Expect::DoubleOrNil,
            b"HEXISTS" | b"HSETNX" | b"EXPIRE" | b"EXPIREAT" | b"PEXPIRE" | b"PEXPIREAT" | b"SISMEMBER"
            | b"PERSIST" | b"SMOVE" | b"PFADD" | b"RENAMENX" | b"MOVE" | b"COPY" | b"MSETNX"
            | b"XGROUP DESTROY" | b"XGROUP CREATECONSUMER" => Expect::Boolean,
            b"SMISMEMBER" | b"SCRIPT EXISTS" => Expect::BooleanArray,
            b"SMEMBERS" | b"SINTER" | b"SDIFF" | b"SUNION" => Expect::Set,
            b"SPOP" if self.args > 2 => Expect::Set,
            b"ZMSCORE" => Expect::DoubleOrNilArray,
            b"ZPOPMIN" | b"ZPOPMAX" => Expect::MemberScoreMap,
            b"ZRANGE" if self.zset.withscores_at >= 4 => Expect::MemberScoreMap,
            b"ZDIFF" | b"ZUNION" | b"ZINTER" if self.withscores_after_keys() => {
                Expect::MemberScoreMap
            }
            b"ZRANK" | b"ZREVRANK" if self.zset.withscore_at == 3 => Expect::RankWithScore,
            b"ZRANDMEMBER" if self.zset.withscores_at == 3 => Expect::MemberScorePairs,
            b"ZMPOP" | b"BZMPOP" => Expect::KeyAndMemberScoreMap,
            b"BZPOPMIN" | b"BZPOPMAX" => Expect::KeyMemberScore,
            b"FUNCTION LIST" => Expect::FunctionList,
            b"ACL GETUSER" => Expect::AclUser,
            b"FUNCTION STATS" => Expect::FunctionStats,
            b"LCS" if self.idx => Expect::Map,
            b"LMPOP" | b"BLMPOP" => Expect::KeyToArray,
            b"HRANDFIELD" if self.withvalues => Expect::Pairs,
            b"XRANGE" | b"XREVRANGE" => Expect::StreamEntries,
            b"XCLAIM" if !self.justid => Expect::StreamEntries,
            b"XREAD" | b"XREADGROUP" => Expect::StreamsRead,
            b"XAUTOCLAIM" if !self.justid => Expect::AutoClaim,
            b"XINFO STREAM" => Expect::StreamInfo,
            b"XINFO GROUPS" | b"XINFO CONSUMERS" => Expect::MapArray,
            b"GEOPOS" => Expect::GeoPositions,
            b"GEOSEARCH" => Expect::GeoSearch,
            _ => Expect::Natural,
        }
    }
}

/// Converts `value` to `expect`. Server errors pass through untouched; a reply
/// that cannot take the shape is an error message naming both.
pub fn convert(value: Value, expect: Expect) -> Result<Value, String> {
    if matches!(value, Value::ServerError(_)) || expect == Expect::Natural {
        return Ok(value);
    }
    // Inside MULTI every reply is QUEUED; the real one comes with EXEC.
    if matches!(&value, Value::SimpleString(s) if s == "QUEUED") {
        return Ok(value);
    }
    match expect {
        Expect::Natural => Ok(value),
        Expect::Map => to_map(value, Ok, Ok),
        Expect::Double => to_double(value),
        Expect::DoubleOrNil => match value {
            Value::Nil => Ok(Value::Nil),
            other => to_double(other),
        },
        Expect::Boolean => to_bool(value),
        Expect::BooleanArray => map_items(value, to_bool),
        Expect::Set => match value {
            Value::Nil | Value::Set(_) => Ok(value),
            Value::Array(items) => Ok(Value::Set(items)),
            other => Err(mismatch("set", &other)),
        },
        Expect::DoubleOrNilArray => map_items(value, |v| match v {
            Value::Nil => Ok(Value::Nil),
            other => to_double(other),
        }),
        Expect::MemberScoreMap => match value {
            Value::Nil => Ok(Value::Nil),
            Value::Array(items) if items.iter().all(|i| matches!(i, Value::Array(_))) && !items.is_empty() => {
                // RESP3: [[member, score], ...]
                let mut pairs = Vec::with_capacity(items.len());
                for item in items {
                    let Value::Array(mut pair) = item else { unreachable!("checked above") };
                    if pair.len() != 2 {
                        return Err("a member/score pair does not have two elements".into());
                    }
                    let score = to_double(pair.pop().expect("len 2"))?;
                    pairs.push((pair.pop().expect("len 2"), score));
                }
                Ok(Value::Map(pairs))
            }
            other => to_map(other, Ok, to_double),
        },
        Expect::RankWithScore => match value {
            Value::Array(mut items) if items.len() == 2 => {
                let score = to_double(items.pop().expect("len 2"))?;
                items.push(score);
                Ok(Value::Array(items))
            }
            Value::Nil => Ok(Value::Nil),
            other => Err(mismatch("[rank, score]", &other)),
        },
        Expect::KeyMemberScore => match value {
            Value::Array(mut items) if items.len() == 3 => {
                let score = to_double(items.pop().expect("len 3"))?;
                items.push(score);
                Ok(Value::Array(items))
            }
            Value::Nil => Ok(Value::Nil),
            other => Err(mismatch("[key, member, score]", &other)),
        },
        Expect::FunctionList => map_items(value, function_library),
        Expect::AclUser => map_with(value, "flags", |flags| match flags {
            Value::Array(items) => Ok(Value::Set(items)),
            other => Ok(other),
        }),
        Expect::FunctionStats => function_stats(value),
        Expect::KeyToArray => match value {
            Value::Array(mut items) if items.len() == 2 && matches!(items[1], Value::Array(_)) => {
                let elements = items.pop().expect("len 2");
                let key = items.pop().expect("len 2");
                Ok(Value::Map(vec![(key, elements)]))
            }
            Value::Nil => Ok(Value::Nil),
            other => Err(mismatch("[key, [elements]]", &other)),
        },
        Expect::Pairs => match value {
            Value::Nil => Ok(Value::Nil),
            Value::Array(items) if items.iter().all(|i| matches!(i, Value::Array(pair) if pair.len() == 2)) => {
                Ok(Value::Array(items))
            }
            Value::Array(items) if items.len() % 2 == 0 => {
                let mut pairs = Vec::with_capacity(items.len() / 2);
                let mut it = items.into_iter();
                while let (Some(a), Some(b)) = (it.next(), it.next()) {
                    pairs.push(Value::Array(vec![a, b]));
                }
                Ok(Value::Array(pairs))
            }
            other => Err(mismatch("array of pairs", &other)),
        },
        Expect::StreamEntries => stream_entries(value),
        Expect::StreamsRead => match value {
            Value::Nil => Ok(Value::Nil),
            Value::Map(pairs) => {
                let mut out = Vec::with_capacity(pairs.len());
                for (key, entries) in pairs {
                    out.push((key, stream_entries(entries)?));
                }
                Ok(Value::Map(out))
            }
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Value::Array(pair) if pair.len() == 2 => {
                            let mut pair = pair.into_iter();
                            let (Some(key), Some(entries)) = (pair.next(), pair.next()) else {
                                unreachable!("len 2")
                            };
                            out.push((key, stream_entries(entries)?));
                        }
                        other => return Err(mismatch("[key, entries]", &other)),
                    }
                }
                Ok(Value::Map(out))
            }
            other => Err(mismatch("map of streams", &other)),
        },
        Expect::AutoClaim => match value {
            Value::Array(mut items) if items.len() >= 2 => {
                let entries = std::mem::replace(&mut items[1], Value::Nil);
                items[1] = stream_entries(entries)?;
                Ok(Value::Array(items))
            }
            other => Err(mismatch("[cursor, entries, deleted ids]", &other)),
        },
        Expect::StreamInfo => {
            let Value::Map(mut pairs) = to_map(value, Ok, Ok)? else {
                return Ok(Value::Nil);
            };
            // FULL: "groups" is an array of groups, each with an array of "consumers".
            for (key, val) in pairs.iter_mut() {
                if key_is(key, "groups") && matches!(val, Value::Array(_)) {
                    let groups = maps_in(std::mem::replace(val, Value::Nil))?;
                    *val = map_items(groups, |group| match group {
                        Value::Map(mut fields) => {
                            for (k, v) in fields.iter_mut() {
                                if key_is(k, "consumers") && matches!(v, Value::Array(_)) {
                                    *v = maps_in(std::mem::replace(v, Value::Nil))?;
                                }
                            }
                            Ok(Value::Map(fields))
                        }
                        other => Ok(other),
                    })?;
                }
            }
            Ok(Value::Map(pairs))
        }
        Expect::MapArray => maps_in(value),
        Expect::GeoPositions => map_items(value, |position| match position {
            Value::Nil => Ok(Value::Nil),
            other => map_items(other, to_double),
        }),
        Expect::GeoSearch => map_items(value, geo_search_item),
        Expect::MemberScorePairs => match convert(value, Expect::Pairs)? {
            Value::Array(pairs) => pairs
                .into_iter()
                .map(|pair| {
                    let Value::Array(mut pair) = pair else { unreachable!("Pairs gives 2-element arrays") };
                    let score = to_double(pair.pop().expect("len 2"))?;
                    pair.push(score);
                    Ok(Value::Array(pair))
                })
                .collect::<Result<Vec<_>, String>>()
                .map(Value::Array),
            other => Ok(other),
        },
        Expect::KeyAndMemberScoreMap => match value {
            Value::Array(mut items) if items.len() == 2 && matches!(items[1], Value::Array(_)) => {
                let members = convert(items.pop().expect("len 2"), Expect::MemberScoreMap)?;
                items.push(members);
                Ok(Value::Array(items))
            }
            Value::Nil => Ok(Value::Nil),
            other => Err(mismatch("[key, [[member, score], ...]]", &other)),
        },
    }
}

/// Stream entries [[id, [f, v, ...]], ...] as a map id -> [[f, v], ...]; an entry's nil
/// fields (deleted while pending) and a nil reply stay nil.
fn stream_entries(value: Value) -> Result<Value, String> {
    match value {
        Value::Nil => Ok(Value::Nil),
        Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                let Value::Array(entry) = item else {
                    return Err(mismatch("stream entry [id, fields]", &item));
                };
                if entry.len() != 2 {
                    return Err("a stream entry does not have two elements".into());
                }
                let mut entry = entry.into_iter();
                let (Some(id), Some(fields)) = (entry.next(), entry.next()) else { unreachable!("len 2") };
                let fields = match fields {
                    Value::Nil => Value::Nil,
                    Value::Array(flat) if flat.len() % 2 == 0 => {
                        let mut pairs = Vec::with_capacity(flat.len() / 2);
                        let mut it = flat.into_iter();
                        while let (Some(f), Some(v)) = (it.next(), it.next()) {
                            pairs.push(Value::Array(vec![f, v]));
                        }
                        Value::Array(pairs)
                    }
                    other => return Err(mismatch("field/value pairs", &other)),
                };
                out.push((id, fields));
            }
            Ok(Value::Map(out))
        }
        other => Err(mismatch("stream entries", &other)),
    }
}

/// An array whose items are maps or flat key/value arrays, as an array of maps.
fn maps_in(value: Value) -> Result<Value, String> {
    map_items(value, |item| to_map(item, Ok, Ok))
}

/// One GEOSEARCH result: a plain member stays; [member, extras...] becomes [member, [extras...]],
/// the distance (a bulk string in RESP2) and each coordinate as doubles, the hash an integer.
fn geo_search_item(item: Value) -> Result<Value, String> {
    let Value::Array(items) = item else { return Ok(item) };
    let mut it = items.into_iter();
    let member = it.next().ok_or_else(|| "an empty GEOSEARCH result item".to_string())?;
    let extras = it
        .map(|extra| match extra {
            Value::Int(_) => Ok(extra),
            Value::Array(_) => map_items(extra, to_double),
            other => to_double(other),
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Value::Array(vec![member, Value::Array(extras)]))
}

/// Whether `key` is the text `name` (a map key, bulk or simple).
fn key_is(key: &Value, name: &str) -> bool {
    match key {
        Value::BulkString(b) => b == name.as_bytes(),
        Value::SimpleString(s) | Value::VerbatimString(s) => s == name,
        _ => false,
    }
}

/// A map whose value under `name` is converted by `f`; other values stay as they are.
fn map_with(value: Value, name: &'static str, f: impl Fn(Value) -> Result<Value, String>) -> Result<Value, String> {
    match to_map(value, Ok, Ok)? {
        Value::Map(pairs) => pairs
            .into_iter()
            .map(|(k, v)| if key_is(&k, name) { Ok((k, f(v)?)) } else { Ok((k, v)) })
            .collect::<Result<Vec<_>, String>>()
            .map(Value::Map),
        other => Ok(other),
    }
}

fn function_library(value: Value) -> Result<Value, String> {
    map_with(value, "functions", |functions| {
        map_items(functions, |f| {
            map_with(f, "flags", |flags| match flags {
                Value::Array(items) => Ok(Value::Set(items)),
                other => Ok(other),
            })
        })
    })
}

fn function_stats(value: Value) -> Result<Value, String> {
    let stats = map_with(value, "running_script", |running| to_map(running, Ok, Ok))?;
    map_with(stats, "engines", |engines| to_map(engines, Ok, |engine| to_map(engine, Ok, Ok)))
}

fn to_map(
    value: Value,
    key: impl Fn(Value) -> Result<Value, String>,
    val: impl Fn(Value) -> Result<Value, String>,
) -> Result<Value, String> {
    match value {
        Value::Nil => Ok(Value::Nil),
        Value::Map(pairs) => {
            let mut out = Vec::with_capacity(pairs.len());
            for (k, v) in pairs {
                out.push((key(k)?, val(v)?));
            }
            Ok(Value::Map(out))
        }
        Value::Array(items) if items.len() % 2 == 0 => {
            let mut out = Vec::with_capacity(items.len() / 2);
            let mut it = items.into_iter();
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                out.push((key(k)?, val(v)?));
            }
            Ok(Value::Map(out))
        }
        other => Err(mismatch("map", &other)),
    }
}

fn map_items(value: Value, f: impl Fn(Value) -> Result<Value, String>) -> Result<Value, String> {
    match value {
        Value::Array(items) => items.into_iter().map(f).collect::<Result<Vec<_>, _>>().map(Value::Array),
        Value::Nil => Ok(Value::Nil),
        other => Err(mismatch("array", &other)),
    }
}

fn to_double(value: Value) -> Result<Value, String> {
    match value {
        Value::Double(d) => Ok(Value::Double(d)),
        Value::Int(i) => Ok(Value::Double(i as f64)),
        Value::BulkString(ref b) => parse_double(b).map(Value::Double).ok_or_else(|| mismatch("double", &value)),
        Value::SimpleString(ref s) => parse_double(s.as_bytes()).map(Value::Double).ok_or_else(|| mismatch("double", &value)),
        other => Err(mismatch("double", &other)),
    }
}

/// Redis prints infinities as `inf`/`-inf`; Rust's parser accepts those too.
fn parse_double(bytes: &[u8]) -> Option<f64> {
    std::str::from_utf8(bytes).ok()?.trim().parse::<f64>().ok()
}

fn to_bool(value: Value) -> Result<Value, String> {
    match value {
        Value::Boolean(b) => Ok(Value::Boolean(b)),
        Value::Int(i) => Ok(Value::Boolean(i != 0)),
        Value::Okay => Ok(Value::Boolean(true)),
        other => Err(mismatch("boolean", &other)),
    }
}

fn mismatch(wanted: &str, got: &Value) -> String {
    let kind = match got {
        Value::Nil => "nil",
        Value::Int(_) => "integer",
        Value::BulkString(_) => "bulk string",
        Value::Array(_) => "array",
        Value::SimpleString(_) => "simple string",
        Value::Okay => "OK",
        Value::Map(_) => "map",
        Value::Set(_) => "set",
        Value::Double(_) => "double",
        Value::Boolean(_) => "boolean",
        Value::VerbatimString(_) => "verbatim string",
        Value::BigNumber(_) => "big number",
        Value::Push(_) => "push",
        Value::ServerError(_) => "error",
    };
    format!("the reply could not be converted to a {wanted} (it was a {kind})")
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_shape_is_listed_once_in_order() {
        for (i, expect) in super::Expect::ALL.into_iter().enumerate() {
            assert_eq!(expect.position(), i, "{expect:?}");
        }
    }

    use super::*;

    #[test]
    fn every_shape_has_a_code_of_its_own_and_natural_names_none() {
        let mut seen = std::collections::HashSet::new();
        for expect in Expect::ALL {
            let code = expect.code();
            assert_ne!(code, crate::wire::shape::NATURAL, "{expect:?}: NATURAL means 'let the probe decide'");
            assert!(seen.insert(code), "{expect:?} shares code {code}");
            assert_eq!(Expect::from_code(code), Some(expect));
        }
        let past_the_last = Expect::ALL.iter().map(|e| e.code()).max().unwrap() + 1;
        for unknown in [crate::wire::shape::NATURAL, -1, past_the_last, 1000, i32::MIN, i32::MAX] {
            assert_eq!(Expect::from_code(unknown), None, "{unknown}");
        }
        assert!(unknown_code(77).contains("unknown reply shape code 77"));
    }

    /// A code other than NATURAL is used as given: the command's bytes are not consulted.
    #[test]
    fn a_given_code_wins_over_the_probe_and_natural_still_probes() {
        let mut get = Probe::new();
        get.feed(0, b"GET");
        get.feed(1, b"k");
        assert_eq!(get.expect_as(crate::wire::shape::NATURAL), Some(Expect::Natural));
        assert_eq!(get.expect_as(crate::wire::shape::BOOLEAN), Some(Expect::Boolean));
        let mut hgetall = Probe::new();
        hgetall.feed(0, b"HGETALL");
        hgetall.feed(1, b"h");
        assert_eq!(hgetall.expect_as(crate::wire::shape::NATURAL), Some(Expect::Map));
        assert_eq!(hgetall.expect_as(crate::wire::shape::AS_SENT), Some(Expect::Natural));
        assert_eq!(hgetall.expect_as(-5), None);
    }

    /// The commands Java defines (glide.internal.commands), as its DefinedCommandsTest checks it
    /// sends them: one per line, `NAME(code) arg arg ...`. Each code must name the shape the probe
    /// derives from the same bytes, so defining a command's shape in Java changes no reply.
    const DEFINED: &str = include_str!("../../java/client/src/test/resources/glide/internal/commands/defined-shapes.txt");

    #[test]
    fn each_defined_commands_code_is_the_shape_the_probe_derives() {
        let mut checked = 0;
        for line in DEFINED.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (shape, command) = line.split_once(' ').unwrap_or_else(|| panic!("no command: {line}"));
            let code: i32 = shape
                .split_once('(')
                .and_then(|(_, rest)| rest.strip_suffix(')'))
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("no NAME(code): {line}"));
            let given = Expect::from_code(code).unwrap_or_else(|| panic!("unknown code: {line}"));
            let args: Vec<&str> = command.split(' ').collect();
            assert_eq!(probe(&args), given, "{line}");
            checked += 1;
        }
        assert!(checked >= 60, "only {checked} defined commands listed: is the file cut short?");
    }

    fn probe(args: &[&str]) -> Expect {
        let mut p = Probe::new();
        for (i, a) in args.iter().enumerate() {
            p.feed(i, a.as_bytes());
        }
        p.expect()
    }

    fn bulk(s: &str) -> Value {
        Value::BulkString(s.as_bytes().to_vec())
    }

    #[test]
    fn classifies_by_name_subcommand_and_options() {
        assert_eq!(probe(&["hgetall", "k"]), Expect::Map);
        assert_eq!(probe(&["config", "get", "maxmemory"]), Expect::Map);
        assert_eq!(probe(&["CONFIG", "SET", "a", "b"]), Expect::Natural);
        assert_eq!(probe(&["zrange", "z", "0", "-1"]), Expect::Natural);
        assert_eq!(probe(&["zrange", "z", "0", "-1", "withscores"]), Expect::MemberScoreMap);
        assert_eq!(probe(&["ZADD", "z", "INCR", "1", "m"]), Expect::DoubleOrNil);
        assert_eq!(probe(&["ZADD", "z", "1", "m"]), Expect::Natural);
        assert_eq!(probe(&["SPOP", "s"]), Expect::Natural);
        assert_eq!(probe(&["SPOP", "s", "2"]), Expect::Set);
        assert_eq!(probe(&["expire", "k", "10"]), Expect::Boolean);
        assert_eq!(probe(&["acl", "getuser", "u"]), Expect::AclUser);
        let resp2 = Value::Array(vec![bulk("flags"), Value::Array(vec![bulk("on")]), bulk("passwords"), Value::Array(vec![])]);
        assert_eq!(
            convert(resp2, Expect::AclUser).unwrap(),
            Value::Map(vec![(bulk("flags"), Value::Set(vec![bulk("on")])), (bulk("passwords"), Value::Array(vec![]))])
        );
        assert_eq!(convert(Value::Nil, Expect::AclUser).unwrap(), Value::Nil);
        assert_eq!(probe(&["function", "list", "withcode"]), Expect::FunctionList);
        assert_eq!(probe(&["FUNCTION", "STATS"]), Expect::FunctionStats);
        assert_eq!(probe(&["GET", "k"]), Expect::Natural);
        let mut select = Probe::new();
        select.feed(0, b"select");
        select.feed(1, b"7");
        assert_eq!(select.selects_database(), Some(7));
        let long = "X".repeat(100);
        assert_eq!(probe(&[&long, "k"]), Expect::Natural);
    }

    #[test]
    fn resp2_and_resp3_replies_meet_in_one_shape() {
        let resp2 = Value::Array(vec![bulk("a"), bulk("1.5"), bulk("b"), bulk("2")]);
        let resp3 = Value::Array(vec![
            Value::Array(vec![bulk("a"), Value::Double(1.5)]),
            Value::Array(vec![bulk("b"), Value::Double(2.0)]),
        ]);
        let expected = Value::Map(vec![(bulk("a"), Value::Double(1.5)), (bulk("b"), Value::Double(2.0))]);
        assert_eq!(convert(resp2, Expect::MemberScoreMap).unwrap(), expected);
        assert_eq!(convert(resp3, Expect::MemberScoreMap).unwrap(), expected);
        assert_eq!(convert(Value::Array(vec![]), Expect::MemberScoreMap).unwrap(), Value::Map(vec![]));

        assert_eq!(convert(bulk("1.5"), Expect::Double).unwrap(), Value::Double(1.5));
        assert_eq!(convert(bulk("-inf"), Expect::Double).unwrap(), Value::Double(f64::NEG_INFINITY));
        assert_eq!(convert(Value::Int(1), Expect::Boolean).unwrap(), Value::Boolean(true));
        assert_eq!(convert(Value::Array(vec![bulk("x")]), Expect::Set).unwrap(), Value::Set(vec![bulk("x")]));
        assert_eq!(convert(Value::Nil, Expect::DoubleOrNil).unwrap(), Value::Nil);
    }

    #[test]
    fn a_reply_of_the_wrong_shape_is_an_error_not_a_panic() {
        assert!(convert(bulk("abc"), Expect::Double).unwrap_err().contains("double"));
        assert!(convert(Value::Array(vec![bulk("odd")]), Expect::Map).unwrap_err().contains("map"));
        assert!(convert(Value::Array(vec![Value::Array(vec![bulk("a")])]), Expect::MemberScoreMap).is_err());
    }

    fn arr(items: Vec<Value>) -> Value {
        Value::Array(items)
    }

    /// [id, [f, v, ...]] as RESP sends one stream entry.
    fn entry(id: &str, fields: &[&str]) -> Value {
        arr(vec![bulk(id), arr(fields.iter().map(|f| bulk(f)).collect())])
    }

    /// The converted entry: id -> [[f, v], ...].
    fn pairs(id: &str, fields: &[&str]) -> (Value, Value) {
        (bulk(id), arr(fields.chunks(2).map(|p| arr(vec![bulk(p[0]), bulk(p[1])])).collect()))
    }

    #[test]
    fn classifies_stream_commands() {
        assert_eq!(probe(&["xrange", "s", "-", "+"]), Expect::StreamEntries);
        assert_eq!(probe(&["XREVRANGE", "s", "+", "-", "COUNT", "1"]), Expect::StreamEntries);
        assert_eq!(probe(&["XCLAIM", "s", "g", "c", "0", "1-1"]), Expect::StreamEntries);
        assert_eq!(probe(&["XCLAIM", "s", "g", "c", "0", "1-1", "JUSTID"]), Expect::Natural);
        // A key, group or consumer named like the option does not change the shape.
        assert_eq!(probe(&["XCLAIM", "justid", "justid", "justid", "0", "1-1"]), Expect::StreamEntries);
        assert_eq!(probe(&["xread", "COUNT", "1", "STREAMS", "s", "0"]), Expect::StreamsRead);
        assert_eq!(probe(&["XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">"]), Expect::StreamsRead);
        assert_eq!(probe(&["XAUTOCLAIM", "s", "g", "c", "0", "0-0"]), Expect::AutoClaim);
        assert_eq!(probe(&["XAUTOCLAIM", "s", "g", "c", "0", "0-0", "COUNT", "1", "justid"]), Expect::Natural);
        assert_eq!(probe(&["xinfo", "stream", "s"]), Expect::StreamInfo);
        assert_eq!(probe(&["XINFO", "STREAM", "s", "FULL", "COUNT", "1"]), Expect::StreamInfo);
        assert_eq!(probe(&["XINFO", "GROUPS", "s"]), Expect::MapArray);
        assert_eq!(probe(&["xinfo", "consumers", "s", "g"]), Expect::MapArray);
        assert_eq!(probe(&["XINFO", "HELP"]), Expect::Natural);
        assert_eq!(probe(&["XPENDING", "s", "g"]), Expect::Natural);
        assert_eq!(probe(&["XADD", "s", "*", "f", "v"]), Expect::Natural);
    }

    #[test]
    fn stream_entries_become_a_map_of_field_value_pairs() {
        let reply = arr(vec![entry("1-1", &["f1", "v1"]), entry("1-2", &["f2", "v2", "f3", "v3"])]);
        let expected = Value::Map(vec![pairs("1-1", &["f1", "v1"]), pairs("1-2", &["f2", "v2", "f3", "v3"])]);
        assert_eq!(convert(reply, Expect::StreamEntries).unwrap(), expected);
        assert_eq!(convert(arr(vec![]), Expect::StreamEntries).unwrap(), Value::Map(vec![]));
        // COUNT 0 replies nil.
        assert_eq!(convert(Value::Nil, Expect::StreamEntries).unwrap(), Value::Nil);
        // XCLAIM of an entry deleted meanwhile (Redis 6): [id, nil].
        let deleted = arr(vec![arr(vec![bulk("1-1"), Value::Nil])]);
        assert_eq!(convert(deleted, Expect::StreamEntries).unwrap(), Value::Map(vec![(bulk("1-1"), Value::Nil)]));
        assert!(convert(arr(vec![bulk("1-1")]), Expect::StreamEntries).is_err());
        assert!(convert(arr(vec![entry("1-1", &["odd"])]), Expect::StreamEntries).is_err());
        assert!(convert(arr(vec![arr(vec![bulk("1-1")])]), Expect::StreamEntries).is_err());
    }

    #[test]
    fn xread_replies_of_both_protocols_meet_in_one_shape() {
        let entries = || arr(vec![entry("1-1", &["f", "v"]), arr(vec![bulk("1-2"), Value::Nil])]);
        let resp2 = arr(vec![arr(vec![bulk("a"), entries()]), arr(vec![bulk("b"), arr(vec![])])]);
        let resp3 = Value::Map(vec![(bulk("a"), entries()), (bulk("b"), arr(vec![]))]);
        let expected = Value::Map(vec![
            (bulk("a"), Value::Map(vec![pairs("1-1", &["f", "v"]), (bulk("1-2"), Value::Nil)])),
            (bulk("b"), Value::Map(vec![])),
        ]);
        assert_eq!(convert(resp2, Expect::StreamsRead).unwrap(), expected);
        assert_eq!(convert(resp3, Expect::StreamsRead).unwrap(), expected);
        assert_eq!(convert(Value::Nil, Expect::StreamsRead).unwrap(), Value::Nil);
        assert!(convert(arr(vec![arr(vec![bulk("a")])]), Expect::StreamsRead).is_err());
        assert!(convert(bulk("x"), Expect::StreamsRead).is_err());
    }

    #[test]
    fn xautoclaim_keeps_cursor_and_deleted_ids_around_the_entries() {
        let reply = arr(vec![bulk("0-0"), arr(vec![entry("1-1", &["f", "v"])]), arr(vec![bulk("1-0")])]);
        let expected = arr(vec![bulk("0-0"), Value::Map(vec![pairs("1-1", &["f", "v"])]), arr(vec![bulk("1-0")])]);
        assert_eq!(convert(reply, Expect::AutoClaim).unwrap(), expected);
        // Redis 6.2 sends no deleted ids.
        let old = arr(vec![bulk("0-0"), arr(vec![])]);
        assert_eq!(convert(old, Expect::AutoClaim).unwrap(), arr(vec![bulk("0-0"), Value::Map(vec![])]));
        assert!(convert(arr(vec![bulk("0-0")]), Expect::AutoClaim).is_err());
    }

    #[test]
    fn xinfo_replies_of_both_protocols_meet_in_one_shape() {
        let first = || entry("1-1", &["f", "v"]);
        // XINFO STREAM: flat (RESP2) or a map (RESP3); entries stay [id, [f, v, ...]].
        let resp2 = arr(vec![bulk("length"), Value::Int(1), bulk("groups"), Value::Int(0), bulk("first-entry"), first()]);
        let resp3 = Value::Map(vec![(bulk("length"), Value::Int(1)), (bulk("groups"), Value::Int(0)), (bulk("first-entry"), first())]);
        let expected = Value::Map(vec![(bulk("length"), Value::Int(1)), (bulk("groups"), Value::Int(0)), (bulk("first-entry"), first())]);
        assert_eq!(convert(resp2, Expect::StreamInfo).unwrap(), expected);
        assert_eq!(convert(resp3, Expect::StreamInfo).unwrap(), expected);

        // XINFO STREAM FULL: groups and their consumers become maps; pending lists stay arrays.
        let pending = || arr(vec![arr(vec![bulk("1-1"), Value::Int(5), Value::Int(1)])]);
        let consumer2 = || arr(vec![bulk("name"), bulk("c"), bulk("pending"), pending()]);
        let consumer3 = || Value::Map(vec![(bulk("name"), bulk("c")), (bulk("pending"), pending())]);
        let group2 = arr(vec![bulk("name"), bulk("g"), bulk("consumers"), arr(vec![consumer2()])]);
        let group3 = Value::Map(vec![(bulk("name"), bulk("g")), (bulk("consumers"), arr(vec![consumer3()]))]);
        let full2 = arr(vec![bulk("entries"), arr(vec![first()]), bulk("groups"), arr(vec![group2])]);
        let full3 = Value::Map(vec![(bulk("entries"), arr(vec![first()])), (bulk("groups"), arr(vec![group3.clone()]))]);
        let expected = Value::Map(vec![(bulk("entries"), arr(vec![first()])), (bulk("groups"), arr(vec![group3]))]);
        assert_eq!(convert(full2, Expect::StreamInfo).unwrap(), expected);
        assert_eq!(convert(full3, Expect::StreamInfo).unwrap(), expected);
        assert!(convert(arr(vec![bulk("groups"), arr(vec![arr(vec![bulk("odd")])])]), Expect::StreamInfo).is_err());

        // XINFO GROUPS / CONSUMERS: an array of maps.
        let resp2 = arr(vec![arr(vec![bulk("name"), bulk("g"), bulk("pending"), Value::Int(2)])]);
        let resp3 = arr(vec![Value::Map(vec![(bulk("name"), bulk("g")), (bulk("pending"), Value::Int(2))])]);
        assert_eq!(convert(resp2, Expect::MapArray).unwrap(), resp3.clone());
        assert_eq!(convert(resp3.clone(), Expect::MapArray).unwrap(), resp3);
        assert_eq!(convert(arr(vec![]), Expect::MapArray).unwrap(), arr(vec![]));
    }

    #[test]
    fn lcs_with_idx_is_a_map_in_both_protocols() {
        assert_eq!(probe(&["LCS", "a", "b"]), Expect::Natural);
        assert_eq!(probe(&["LCS", "a", "b", "LEN"]), Expect::Natural);
        assert_eq!(probe(&["lcs", "a", "b", "idx", "MINMATCHLEN", "2", "WITHMATCHLEN"]), Expect::Map);
        // Keys that happen to be named IDX do not ask for IDX.
        assert_eq!(probe(&["LCS", "idx", "IDX"]), Expect::Natural);
        let range = |a, b| Value::Array(vec![Value::Int(a), Value::Int(b)]);
        let matches = Value::Array(vec![Value::Array(vec![range(4, 7), range(5, 8)])]);
        let resp2 = Value::Array(vec![bulk("matches"), matches.clone(), bulk("len"), Value::Int(6)]);
        let resp3 = Value::Map(vec![(bulk("matches"), matches.clone()), (bulk("len"), Value::Int(6))]);
        let expected = Value::Map(vec![(bulk("matches"), matches), (bulk("len"), Value::Int(6))]);
        assert_eq!(convert(resp2, Expect::Map).unwrap(), expected);
        assert_eq!(convert(resp3, Expect::Map).unwrap(), expected);
    }

    #[test]
    fn lmpop_and_blmpop_become_a_map_of_key_to_elements() {
        assert_eq!(probe(&["LMPOP", "1", "l", "LEFT"]), Expect::KeyToArray);
        assert_eq!(probe(&["blmpop", "0.5", "2", "a", "b", "RIGHT", "COUNT", "3"]), Expect::KeyToArray);
        let reply = Value::Array(vec![bulk("l"), Value::Array(vec![bulk("x"), bulk("y")])]);
        assert_eq!(
            convert(reply, Expect::KeyToArray).unwrap(),
            Value::Map(vec![(bulk("l"), Value::Array(vec![bulk("x"), bulk("y")]))])
        );
        assert_eq!(convert(Value::Nil, Expect::KeyToArray).unwrap(), Value::Nil);
        assert!(convert(Value::Array(vec![bulk("l")]), Expect::KeyToArray).unwrap_err().contains("[key, [elements]]"));
        assert!(convert(Value::Int(3), Expect::KeyToArray).is_err());
    }

    #[test]
    fn hrandfield_withvalues_gives_pairs_under_both_protocols() {
        assert_eq!(probe(&["HRANDFIELD", "h", "-5", "withvalues"]), Expect::Pairs);
        assert_eq!(probe(&["HRANDFIELD", "h", "5"]), Expect::Natural);
        assert_eq!(probe(&["HRANDFIELD", "WITHVALUES"]), Expect::Natural, "a key named WITHVALUES");
        assert_eq!(probe(&["HRANDFIELD", "h", "WITHVALUES"]), Expect::Natural, "not in the option's place");
        let pairs = Value::Array(vec![
            Value::Array(vec![bulk("f1"), bulk("v1")]),
            Value::Array(vec![bulk("f2"), bulk("v2")]),
        ]);
        let resp2 = Value::Array(vec![bulk("f1"), bulk("v1"), bulk("f2"), bulk("v2")]);
        assert_eq!(convert(resp2, Expect::Pairs).unwrap(), pairs);
        assert_eq!(convert(pairs.clone(), Expect::Pairs).unwrap(), pairs);
        assert_eq!(convert(Value::Array(vec![]), Expect::Pairs).unwrap(), Value::Array(vec![]));
        assert_eq!(convert(Value::Nil, Expect::Pairs).unwrap(), Value::Nil);
        assert!(convert(Value::Array(vec![bulk("odd")]), Expect::Pairs).unwrap_err().contains("pairs"));
        assert!(convert(Value::Int(1), Expect::Pairs).is_err());
    }

    #[test]
    fn sorted_set_options_count_only_in_their_place() {
        assert_eq!(probe(&["ZRANGE", "withscores", "0", "-1"]), Expect::Natural, "a key named WITHSCORES");
        assert_eq!(probe(&["ZRANGE", "withscores", "0", "-1", "WITHSCORES"]), Expect::MemberScoreMap);
        assert_eq!(probe(&["zrange", "z", "(1", "+inf", "byscore", "rev", "limit", "0", "2", "withscores"]), Expect::MemberScoreMap);
        assert_eq!(probe(&["ZUNION", "2", "a", "withscores"]), Expect::Natural, "the second key");
        assert_eq!(probe(&["ZUNION", "1", "withscores", "WITHSCORES"]), Expect::MemberScoreMap);
        assert_eq!(probe(&["ZINTER", "2", "a", "b", "WEIGHTS", "1", "2", "AGGREGATE", "MAX", "WITHSCORES"]), Expect::MemberScoreMap);
        assert_eq!(probe(&["ZDIFF", "x", "a", "WITHSCORES"]), Expect::Natural, "numkeys that is no number");
        assert_eq!(probe(&["ZDIFF", "1", "a", "WITHSCORES"]), Expect::MemberScoreMap);
        assert_eq!(probe(&["ZRANK", "withscore", "m"]), Expect::Natural, "a key named WITHSCORE");
        assert_eq!(probe(&["ZRANK", "z", "withscore"]), Expect::Natural, "a member named WITHSCORE");
        assert_eq!(probe(&["ZREVRANK", "z", "m", "withscore"]), Expect::RankWithScore);
        assert_eq!(probe(&["ZADD", "z", "1", "incr"]), Expect::Natural, "a member named INCR");
        assert_eq!(probe(&["ZADD", "z", "CH", "1", "a", "2", "incr"]), Expect::Natural);
        assert_eq!(probe(&["ZADD", "z", "xx", "gt", "ch", "incr", "1", "m"]), Expect::DoubleOrNil);
        assert_eq!(probe(&["ZRANDMEMBER", "z", "-3", "WITHSCORES"]), Expect::MemberScorePairs);
        assert_eq!(probe(&["ZRANDMEMBER", "withscores"]), Expect::Natural);
        assert_eq!(probe(&["ZRANDMEMBER", "withscores", "2"]), Expect::Natural);
        assert_eq!(probe(&["ZMPOP", "1", "z", "MIN"]), Expect::KeyAndMemberScoreMap);
        assert_eq!(probe(&["bzmpop", "0.5", "2", "a", "b", "max", "count", "3"]), Expect::KeyAndMemberScoreMap);
    }

    #[test]
    fn zrandmember_withscores_gives_pairs_with_double_scores_under_both_protocols() {
        let expected = Value::Array(vec![
            Value::Array(vec![bulk("a"), Value::Double(f64::INFINITY)]),
            Value::Array(vec![bulk("a"), Value::Double(-2.5)]),
        ]);
        let resp2 = Value::Array(vec![bulk("a"), bulk("inf"), bulk("a"), bulk("-2.5")]);
        let resp3 = Value::Array(vec![
            Value::Array(vec![bulk("a"), Value::Double(f64::INFINITY)]),
            Value::Array(vec![bulk("a"), Value::Double(-2.5)]),
        ]);
        assert_eq!(convert(resp2, Expect::MemberScorePairs).unwrap(), expected);
        assert_eq!(convert(resp3, Expect::MemberScorePairs).unwrap(), expected);
        assert_eq!(convert(Value::Array(vec![]), Expect::MemberScorePairs).unwrap(), Value::Array(vec![]));
        assert!(convert(Value::Array(vec![bulk("a"), bulk("x")]), Expect::MemberScorePairs).unwrap_err().contains("double"));
        assert!(convert(Value::Array(vec![bulk("odd")]), Expect::MemberScorePairs).is_err());
        assert!(convert(Value::Int(2), Expect::MemberScorePairs).is_err());
    }

    #[test]
    fn zmpop_becomes_key_and_a_map_of_member_scores_under_both_protocols() {
        let expected = Value::Array(vec![
            bulk("z"),
            Value::Map(vec![(bulk("b"), Value::Double(2.5)), (bulk("c"), Value::Double(f64::INFINITY))]),
        ]);
        let pair = |m, s| Value::Array(vec![bulk(m), s]);
        let resp2 = Value::Array(vec![bulk("z"), Value::Array(vec![pair("b", bulk("2.5")), pair("c", bulk("inf"))])]);
        let resp3 = Value::Array(vec![
            bulk("z"),
            Value::Array(vec![pair("b", Value::Double(2.5)), pair("c", Value::Double(f64::INFINITY))]),
        ]);
        assert_eq!(convert(resp2, Expect::KeyAndMemberScoreMap).unwrap(), expected);
        assert_eq!(convert(resp3, Expect::KeyAndMemberScoreMap).unwrap(), expected);
        assert_eq!(convert(Value::Nil, Expect::KeyAndMemberScoreMap).unwrap(), Value::Nil);
        assert!(convert(Value::Array(vec![bulk("z")]), Expect::KeyAndMemberScoreMap).unwrap_err().contains("[key,"));
        assert!(convert(Value::Array(vec![bulk("z"), Value::Array(vec![pair("b", bulk("x"))])]), Expect::KeyAndMemberScoreMap).is_err());
    }

    #[test]
    fn queued_replies_inside_multi_are_left_alone() {
        let queued = Value::SimpleString("QUEUED".into());
        assert_eq!(convert(queued.clone(), Expect::Boolean).unwrap(), queued);
    }

    #[test]
    fn function_list_and_stats_become_maps_in_resp2() {
        let library = Value::Array(vec![
            bulk("library_name"),
            bulk("lib"),
            bulk("functions"),
            Value::Array(vec![Value::Array(vec![
                bulk("name"),
                bulk("f"),
                bulk("flags"),
                Value::Array(vec![bulk("no-writes")]),
            ])]),
        ]);
        let converted = convert(Value::Array(vec![library]), Expect::FunctionList).unwrap();
        let Value::Array(libraries) = converted else { panic!() };
        let Value::Map(pairs) = &libraries[0] else { panic!("{libraries:?}") };
        let Value::Array(functions) = &pairs[1].1 else { panic!() };
        let Value::Map(function) = &functions[0] else { panic!() };
        assert_eq!(function[1].1, Value::Set(vec![bulk("no-writes")]));

        let stats = Value::Array(vec![
            bulk("running_script"),
            Value::Nil,
            bulk("engines"),
            Value::Array(vec![bulk("LUA"), Value::Array(vec![bulk("libraries_count"), Value::Int(1)])]),
        ]);
        let Value::Map(top) = convert(stats, Expect::FunctionStats).unwrap() else { panic!() };
        assert_eq!(top[0].1, Value::Nil);
        assert_eq!(
            top[1].1,
            Value::Map(vec![(bulk("LUA"), Value::Map(vec![(bulk("libraries_count"), Value::Int(1))]))])
        );
    }

    #[test]
    fn geopos_gives_doubles_or_nil_under_both_protocols() {
        assert_eq!(probe(&["geopos", "g", "a", "b"]), Expect::GeoPositions);
        let expected = Value::Array(vec![Value::Array(vec![Value::Double(13.5), Value::Double(38.25)]), Value::Nil]);
        let resp2 = Value::Array(vec![Value::Array(vec![bulk("13.5"), bulk("38.25")]), Value::Nil]);
        let resp3 = Value::Array(vec![Value::Array(vec![Value::Double(13.5), Value::Double(38.25)]), Value::Nil]);
        assert_eq!(convert(resp2, Expect::GeoPositions).unwrap(), expected);
        assert_eq!(convert(resp3, Expect::GeoPositions).unwrap(), expected);
        assert_eq!(convert(Value::Array(vec![]), Expect::GeoPositions).unwrap(), Value::Array(vec![]));
        assert!(convert(Value::Array(vec![Value::Array(vec![bulk("x")])]), Expect::GeoPositions).is_err());
    }

    #[test]
    fn geosearch_with_extras_nests_them_after_the_member() {
        assert_eq!(probe(&["GEOSEARCH", "g", "FROMMEMBER", "m", "BYRADIUS", "1", "km"]), Expect::GeoSearch);
        let coords = |lon: &str, lat: &str| Value::Array(vec![bulk(lon), bulk(lat)]);
        let resp2 = Value::Array(vec![Value::Array(vec![bulk("m"), bulk("1.5"), Value::Int(42), coords("13.5", "38.25")])]);
        let resp3 = Value::Array(vec![Value::Array(vec![
            bulk("m"),
            Value::Double(1.5),
            Value::Int(42),
            Value::Array(vec![Value::Double(13.5), Value::Double(38.25)]),
        ])]);
        let expected = Value::Array(vec![Value::Array(vec![
            bulk("m"),
            Value::Array(vec![
                Value::Double(1.5),
                Value::Int(42),
                Value::Array(vec![Value::Double(13.5), Value::Double(38.25)]),
            ]),
        ])]);
        assert_eq!(convert(resp2, Expect::GeoSearch).unwrap(), expected);
        assert_eq!(convert(resp3, Expect::GeoSearch).unwrap(), expected);
        // Only the hash: an integer, kept.
        let hash_only = Value::Array(vec![Value::Array(vec![bulk("m"), Value::Int(7)])]);
        assert_eq!(
            convert(hash_only, Expect::GeoSearch).unwrap(),
            Value::Array(vec![Value::Array(vec![bulk("m"), Value::Array(vec![Value::Int(7)])])])
        );
        // Without a WITH option (or a member named WITHDIST): plain members pass through.
        let plain = Value::Array(vec![bulk("WITHDIST"), bulk("b")]);
        assert_eq!(convert(plain.clone(), Expect::GeoSearch).unwrap(), plain);
        assert!(convert(Value::Array(vec![Value::Array(vec![])]), Expect::GeoSearch).is_err());
        assert!(convert(Value::Array(vec![Value::Array(vec![bulk("m"), bulk("x")])]), Expect::GeoSearch).is_err());
    }
}
