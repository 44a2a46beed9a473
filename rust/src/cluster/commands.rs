//! How each command is routed in a cluster: where its keys are, which nodes it
//! goes to when it has none, and how replies from several nodes combine.
//!
//! The data comes from the server itself (`COMMAND INFO`: key specs and the
//! `request_policy` / `response_policy` command tips), compiled into
//! [`super::command_table`] by `tools/gen-command-table.py`.

use super::command_table::{COMMANDS, CONTAINERS};

/// Where a command's first key is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeySpec {
    /// Keyless (or keys the command's data decides, such as SORT's BY).
    None,
    /// At this argument index (0 is the command name).
    Index(usize),
    /// The argument at `numkeys_at` says how many keys follow from `first`.
    KeyNum { numkeys_at: usize, first: usize },
    /// Right after `keyword`, searched from argument `start_from` (negative: from the end).
    AfterKeyword { keyword: &'static [u8], start_from: isize },
}

/// Which nodes a command goes to when no route is given (the `request_policy` tip).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RequestPolicy {
    /// By its key's slot; keyless: any node.
    Default,
    AllNodes,
    /// All primaries.
    AllShards,
    /// Its keys may span slots: split per slot.
    MultiShard,
    /// The client decides (SCAN).
    Special,
}

/// How replies from several nodes combine (the `response_policy` tip).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // the variants the specification defines, whether or not today's table uses them
pub(crate) enum ResponsePolicy {
    /// Multi-slot commands: the replies in key order; others: one reply per node.
    Default,
    OneSucceeded,
    AllSucceeded,
    AggLogicalAnd,
    AggLogicalOr,
    AggMin,
    AggMax,
    AggSum,
    /// One reply per node (INFO, MEMORY STATS...).
    Special,
    /// Not a server tip: the client joins the nodes' arrays into one (KEYS).
    CombineArrays,
    /// Not a server tip: the nodes' flat [name, count, ...] replies (PUBSUB NUMSUB) as one, the
    /// counts of a name added up.
    CombineCounts,
}

/// What routing knows about one command.
#[derive(Debug)]
pub(crate) struct CommandRouting {
    /// Upper case; "CONTAINER SUB" for subcommands.
    pub name: &'static [u8],
    pub key: KeySpec,
    /// Keys are every `key_step`-th argument from the first (MSET: 2).
    pub key_step: usize,
    /// Only reads: may be served by a replica.
    pub readonly: bool,
    /// Writes (the server's `write` flag), or runs commands that may (EVAL, EVALSHA,
    /// FCALL): a read-only client refuses it.
    pub writes: bool,
    pub request: RequestPolicy,
    pub response: ResponsePolicy,
}

/// Routing of the packed command `packed` (RESP, as sent): `Ok(None)` for a command the table
/// does not know, `Err` for bytes that are not a command.
pub(crate) fn routing_of_packed(packed: &[u8]) -> Result<Option<&'static CommandRouting>, String> {
    let mut args: Vec<&[u8]> = Vec::with_capacity(2);
    // The name, and the subcommand of a container, are all that is looked at.
    crate::resp::walk_command(packed, |i, arg| {
        if i < 2 {
            args.push(arg)
        }
    })?;
    Ok(routing_of(&args))
}

/// Routing of the command whose arguments are `args` (the name first, any case).
pub(crate) fn routing_of(args: &[&[u8]]) -> Option<&'static CommandRouting> {
    let first = args.first()?;
    let mut name = [0u8; 48];
    let len = upper_into(first, &mut name)?;
    let is_container = CONTAINERS.iter().any(|c| *c == &name[..len]);
    let len = match (is_container, args.get(1)) {
        (true, Some(sub)) if len < name.len() => {
            name[len] = b' ';
            len + 1 + upper_into(sub, &mut name[len + 1..])?
        }
        _ => len,
    };
    let name = &name[..len];
    COMMANDS.binary_search_by(|c| c.name.cmp(name)).ok().map(|i| &COMMANDS[i])
}

fn upper_into(word: &[u8], out: &mut [u8]) -> Option<usize> {
    let out = out.get_mut(..word.len())?;
    for (o, b) in out.iter_mut().zip(word) {
        *o = b.to_ascii_uppercase();
    }
    Some(word.len())
}

impl KeySpec {
    /// The index of the first key among `args`, if the command has one here.
    pub(crate) fn first_key(&self, args: &[&[u8]]) -> Option<usize> {
        let index = match *self {
            KeySpec::None => return None,
            KeySpec::Index(i) => i,
            KeySpec::KeyNum { numkeys_at, first } => {
                let count: usize = std::str::from_utf8(args.get(numkeys_at)?).ok()?.parse().ok()?;
                if count == 0 {
                    return None;
                }
                first
            }
            KeySpec::AfterKeyword { keyword, start_from } => {
                let start = if start_from >= 0 {
                    start_from as usize
                } else {
                    args.len().checked_sub(start_from.unsigned_abs())?
                };
                let found = if start_from >= 0 {
                    (start..args.len()).find(|&i| args[i].eq_ignore_ascii_case(keyword))
                } else {
                    (1..=start).rev().find(|&i| args[i].eq_ignore_ascii_case(keyword))
                };
                found? + 1
            }
        };
        (index < args.len()).then_some(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(words: &str) -> (Option<&'static [u8]>, Option<usize>, RequestPolicy, ResponsePolicy) {
        let args: Vec<&[u8]> = words.split(' ').map(str::as_bytes).collect();
        let r = routing_of(&args).expect(words);
        (Some(r.name), r.key.first_key(&args), r.request, r.response)
    }

    #[test]
    fn the_table_is_sorted_and_unique() {
        assert!(COMMANDS.windows(2).all(|w| w[0].name < w[1].name));
        assert!(COMMANDS.len() > 200);
    }

    /// Issue 15: commands Redis 7.0 does not know come from Valkey 9.1's COMMAND INFO, so a
    /// cluster sends them to their key's slot instead of to a random node.
    #[test]
    fn commands_only_valkey_knows_are_routed_by_their_keys() {
        assert_eq!(route("hsetex h FIELDS 1 f v").1, Some(1));
        assert_eq!(route("hgetex h FIELDS 1 f").1, Some(1));
        assert_eq!(route("hexpire h 10 FIELDS 1 f").1, Some(1));
        assert_eq!(route("delifeq k v").1, Some(1));
        assert_eq!(route("client capa redirect").0, Some(&b"CLIENT CAPA"[..]));
        // Atomic and counted: routed whole by its first key, never cut per slot like MSET.
        let (_, first, request, _) = route("msetex 2 a 1 b 2 ex 10");
        assert_eq!((first, request), (Some(2), RequestPolicy::Default));
        // WAITAOF asks every primary and keeps the smallest of each count.
        let (_, _, request, response) = route("waitaof 0 0 100");
        assert_eq!((request, response), (RequestPolicy::AllShards, ResponsePolicy::AggMin));
    }

    /// Issue 15: SCRIPT DEBUG sets a mode of one connection, so YES and NO must reach the same
    /// node: valkey-glide 2.3.1 routes it by the slot of its word "DEBUG", and so does this table.
    #[test]
    fn script_debug_always_goes_to_the_node_of_its_word_debug() {
        for words in ["script debug yes", "SCRIPT DEBUG SYNC", "script debug no"] {
            let args: Vec<&[u8]> = words.split(' ').map(str::as_bytes).collect();
            assert_eq!(route(words).1, Some(1), "{words}");
            assert!(args[1].eq_ignore_ascii_case(b"DEBUG"));
        }
    }

    /// Issue 15: one channel's PUBLISHes enter the cluster at one node (its slot's), as in
    /// valkey-glide, so the cluster bus cannot reorder them.
    #[test]
    fn publish_goes_to_the_node_of_its_channel() {
        assert_eq!(route("publish news hello").1, Some(1));
        assert_eq!(route("spublish news hello").1, Some(1));
    }

    /// What a read-only client refuses: the server's `write` flag, and the script runners.
    #[test]
    fn writes_are_flagged() {
        let writes = |words: &str| {
            let args: Vec<&[u8]> = words.split(' ').map(str::as_bytes).collect();
            routing_of(&args).expect(words).writes
        };
        for w in ["set k v", "del k", "hsetex h FIELDS 1 f v", "eval s 0", "evalsha x 0", "fcall f 0", "flushall"] {
            assert!(writes(w), "{w}");
        }
        for r in ["get k", "ping", "info", "select 1", "eval_ro s 0", "fcall_ro f 0", "config get x", "dbsize"] {
            assert!(!writes(r), "{r}");
        }
    }

    #[test]
    fn keys_are_found_where_the_specs_say() {
        assert_eq!(route("get k").1, Some(1));
        assert_eq!(route("Set k v").1, Some(1));
        assert_eq!(route("object idletime k").1, Some(2));
        assert_eq!(route("OBJECT IDLETIME k").0, Some(&b"OBJECT IDLETIME"[..]));
        assert_eq!(route("eval s 2 a b").1, Some(3));
        assert_eq!(route("eval s 0").1, None);
        assert_eq!(route("xread count 2 streams s1 s2 0 0").1, Some(4));
        assert_eq!(route("zunion 2 a b").1, Some(2));
        assert_eq!(route("ping").1, None);
        assert_eq!(route("get").1, None, "a missing key is not an index past the end");
    }

    #[test]
    fn policies_come_from_the_tips() {
        assert_eq!(route("dbsize").2, RequestPolicy::AllShards);
        assert_eq!(route("dbsize").3, ResponsePolicy::AggSum);
        assert_eq!(route("mget a b").2, RequestPolicy::MultiShard);
        assert_eq!(route("config set a b").2, RequestPolicy::AllNodes);
        assert_eq!(route("info").3, ResponsePolicy::Special);
        assert_eq!(route("get k").2, RequestPolicy::Default);
        assert!(routing_of(&[b"NOSUCHCOMMAND"]).is_none());
    }
}
