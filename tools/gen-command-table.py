#!/usr/bin/env python3
"""Generates rust/src/cluster/command_table.rs from a live server's COMMAND INFO.

    python3 tools/gen-command-table.py            # starts a throwaway redis-server
    python3 tools/gen-command-table.py --port N   # or reads an existing one

For each command (and subcommand, named "CONTAINER SUB"), the table records what
cluster routing needs: where its first key is (from the key specs), the step
between its keys, whether it only reads (it may go to a replica), its request
policy and its response policy (from the command tips, or OVERRIDES). Keys found
only by "unknown" key specs are treated as keyless.
"""
import json, os, shutil, socket, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "rust", "src", "cluster", "command_table.rs")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def command_info(port):
    out = subprocess.run(["redis-cli", "-p", str(port), "--json", "COMMAND", "INFO"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def first_key(specs):
    """The Rust KeySpec for the first key spec that can be followed without the command's data."""
    for spec in specs:
        begin, find = spec["begin_search"], spec["find_keys"]
        if begin["type"] == "index":
            index = begin["spec"]["index"]
            if find["type"] == "range":
                return "KeySpec::Index(%d)" % index
            if find["type"] == "keynum":
                s = find["spec"]
                return "KeySpec::KeyNum { numkeys_at: %d, first: %d }" % (index + s["keynumidx"], index + s["firstkey"])
        elif begin["type"] == "keyword":
            s = begin["spec"]
            if find["type"] == "range":
                return 'KeySpec::AfterKeyword { keyword: b"%s", start_from: %d }' % (s["keyword"].upper(), s["startfrom"])
        return "KeySpec::None"
    return "KeySpec::None"


# Where this client routes a command differently from the server's tips: Redis
# 7.0 gives these commands no tips, or tips that would split what must stay
# whole. The policies follow valkey-glide's routing, so a call behaves the same
# with either client. name -> (request policy, response policy).
OVERRIDES = {
    # Connection and statistics settings apply to every node the client uses.
    "CLIENT SETNAME": ("AllNodes", "AllSucceeded"),
    "CLIENT SETINFO": ("AllNodes", "AllSucceeded"),
    "CONFIG RESETSTAT": ("AllNodes", "AllSucceeded"),
    "CONFIG REWRITE": ("AllNodes", "AllSucceeded"),
    # Users exist per node: a change must reach every node.
    "ACL SETUSER": ("AllNodes", "AllSucceeded"),
    "ACL DELUSER": ("AllNodes", "AllSucceeded"),
    "ACL SAVE": ("AllNodes", "AllSucceeded"),
    # The database of a cluster client is that of every connection (Valkey 9 clusters have several).
    "SELECT": ("AllNodes", "AllSucceeded"),
    # A client's watched keys live on the connections to every primary it used.
    "UNWATCH": ("AllShards", "AllSucceeded"),
    # Keys of several slots are watched on each slot's node (a transaction can only use one slot,
    # but WATCH itself may name any keys).
    "WATCH": ("MultiShard", "AllSucceeded"),
    # Keyless lists from several nodes are one list.
    "KEYS": ("AllShards", "CombineArrays"),
    "SLOWLOG GET": ("AllNodes", "CombineArrays"),
    # A subscription lives on the node the subscriber is connected to: asked of every node, the
    # channels are joined (each once) and the counts added up.
    "PUBSUB CHANNELS": ("AllNodes", "CombineArrays"),
    "PUBSUB SHARDCHANNELS": ("AllNodes", "CombineArrays"),
    "PUBSUB NUMPAT": ("AllNodes", "AggSum"),
    "PUBSUB NUMSUB": ("AllNodes", "CombineCounts"),
    "PUBSUB SHARDNUMSUB": ("AllNodes", "CombineCounts"),
    # All or nothing: never split by slot; keys in different slots get the server's CROSSSLOT.
    "MSETNX": ("Default", "Default"),
    # Valkey 9's MSETEX is atomic too, and its keys follow a count (MSETEX numkeys k v ... [EX s]):
    # the split of MGET-like commands would cut it apart.
    "MSETEX": ("Default", "Default"),
}


# Where this client finds a "key" the server's key specs do not give, so that a command goes
# to one fixed node as in valkey-glide 2.3.1 (whose router takes the first argument of an
# unlisted command as its key). name -> KeySpec.
KEY_OVERRIDES = {
    # SCRIPT DEBUG sets a mode of the connection it is sent on; sent to a random node each time,
    # YES and a later NO would reach different connections and leave one in debug mode (its
    # next EVALSHA refused). valkey-glide routes it by the slot of "DEBUG": one node, always.
    "SCRIPT DEBUG": "KeySpec::Index(1)",
    # PUBLISH reaches the subscribers of every node through the cluster bus, but messages that
    # entered at different nodes can overtake each other there. valkey-glide sends a channel's
    # PUBLISH to the node of the channel's slot, so one channel's messages keep their order.
    "PUBLISH": "KeySpec::Index(1)",
}


def policies(tips, name):
    if name in OVERRIDES:
        request, response = OVERRIDES[name]
        return "RequestPolicy::" + request, "ResponsePolicy::" + response
    request, response = "RequestPolicy::Default", "ResponsePolicy::Default"
    for tip in tips:
        if tip.startswith("request_policy:"):
            request = "RequestPolicy::" + "".join(w.capitalize() for w in tip.split(":")[1].split("_"))
        if tip.startswith("response_policy:"):
            response = "ResponsePolicy::" + "".join(w.capitalize() for w in tip.split(":")[1].split("_"))
    return request, response


def rows(entries):
    for e in entries:
        name, tips, specs = e[0], e[7], e[8]
        subcommands = e[9] if len(e) > 9 else []
        if subcommands:
            for sub in rows(subcommands):
                yield sub
        flags, step = e[2], e[5]
        name = name.replace("|", " ").upper()
        key = KEY_OVERRIDES.get(name, first_key(specs))
        yield (name, key, max(step, 1), "readonly" in flags, writes(name, flags)) + policies(tips, name)


# Commands that run other commands, which may write, though the server does not flag them
# "write": a read-only client refuses them (their _RO forms are flagged readonly and pass).
RUN_OTHER_COMMANDS = {"EVAL", "EVALSHA", "FCALL"}


def writes(name, flags):
    return "write" in flags or name in RUN_OTHER_COMMANDS


def start(binary):
    """A throwaway server of `binary` on a free port: (process, port, workdir)."""
    port = free_port()
    workdir = tempfile.mkdtemp()
    server = subprocess.Popen([binary, "--port", str(port), "--save", "", "--dir", workdir],
                              stdout=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port)).close()
            return server, port, workdir
        except OSError:
            time.sleep(0.05)
    server.terminate()
    sys.exit("%s did not start" % binary)


def describe(binary):
    """(server name and version, [(name, ...row)], containers) from a throwaway server of `binary`."""
    server, port, workdir = start(binary)
    try:
        entries = command_info(port)
        info = subprocess.run(["redis-cli", "-p", str(port), "INFO", "server"], check=True,
                              capture_output=True, text=True).stdout
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(workdir, ignore_errors=True)
    fields = dict(l.split(":", 1) for l in info.splitlines() if ":" in l)
    product = "Valkey %s" % fields["valkey_version"].strip() if "valkey_version" in fields else "Redis %s" % fields["redis_version"].strip()
    containers = {e[0].upper() for e in entries if len(e) > 9 and e[9]}
    return product, sorted(set(rows(entries))), containers


def valkey_binary():
    if os.environ.get("VALKEY_SERVER"):
        return os.environ["VALKEY_SERVER"]
    return subprocess.run(["bash", os.path.join(HERE, "..", "scripts", "valkey-server.sh")], check=True,
                          capture_output=True, text=True).stdout.strip()


def main():
    redis, redis_rows, redis_containers = describe("redis-server")
    valkey, valkey_rows, valkey_containers = describe(valkey_binary())
    merged = {row[0]: row for row in valkey_rows}
    described_differently = sum(1 for row in redis_rows if row[0] in merged and merged[row[0]] != row)
    only_valkey = sorted(set(merged) - {row[0] for row in redis_rows})
    merged.update({row[0]: row for row in redis_rows})
    table = sorted(merged.values())
    containers = sorted(redis_containers | valkey_containers)
    with open(OUT, "w") as f:
        f.write("// Generated by tools/gen-command-table.py from the COMMAND INFO of %s and %s\n" % (redis, valkey))
        f.write("// (a command both know keeps %s's entry). Do not edit by hand: regenerate.\n\n" % redis)
        f.write("use super::commands::{CommandRouting, KeySpec, RequestPolicy, ResponsePolicy};\n\n")
        f.write("/// Commands that have subcommands: their name is two words (\"CONFIG GET\").\n")
        f.write("pub(crate) const CONTAINERS: &[&[u8]] = &[\n")
        for c in containers:
            f.write('    b"%s",\n' % c)
        f.write("];\n\n")
        f.write("/// Sorted by name, for binary search.\n")
        f.write("pub(crate) const COMMANDS: &[CommandRouting] = &[\n")
        for name, key, step, readonly, writes_, request, response in table:
            f.write('    CommandRouting { name: b"%s", key: %s, key_step: %d, readonly: %s, writes: %s, request: %s, response: %s },\n'
                    % (name, key, step, "true" if readonly else "false", "true" if writes_ else "false", request, response))
        f.write("];\n")
    print("wrote %d commands (%d containers) to %s: %d from %s, %d only %s knows (%s); "
          "%d commands both know are described differently (%s's entry kept)"
          % (len(table), len(containers), OUT, len(redis_rows), redis, len(only_valkey), valkey,
             ", ".join(only_valkey), described_differently, redis))


if __name__ == "__main__":
    main()
