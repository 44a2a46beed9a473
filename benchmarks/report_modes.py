"""The callbacks and virtual-thread modes for report.py: reads the JSON lines that
bench-common's CallbacksDriver writes (one per run; benchmarks/callbacks/run.sh collects them) and
groups the repetitions of each point.

Input (one directory):
  results.jsonl    one line per run that printed a result (a failed run has "failed": true)
  failures.jsonl   one line per run that exited non-zero (run.sh), with or without a result line
  machine.txt      "key: value" lines

A point is (mode, transport, workload, N, parallelism or B, client), the transport suffixed
"-text" for runs through the clients' String API: mode "callbacks" (N chains,
each request's completion callback issues the next), "virtual-threads" (N virtual threads each
blocking in get(), on `parallelism` carrier threads), "fan-out" (N platform threads, each starting
B requests at once and waiting for them all) or "semaphore" (N platform threads, each keeping B
requests in flight with a Semaphore of B permits). Fields read from a result line: ops_per_s,
p50_us, p99_us, p999_us, heap_bytes_per_op (written since the field was added; absent in older
data), cpu_client_us_per_op, cpu_server_us_per_op, callback_threads.
"""
import json
import os
import sys

MODES = ["callbacks", "virtual-threads", "fan-out", "semaphore"]
# the result field of a mode's second number (B or the carrier count), for the modes that have one
SECOND_FIELD = {"virtual-threads": "parallelism", "fan-out": "fan_out", "semaphore": "permits"}
WORKLOADS = ["w1", "w2-16k", "w2-512k"]
# the JMH method of the same workload (keys, values and mix are the same)
JMH_METHOD = {"w1": "w1Mixed", "w2-16k": "w2Get16k", "w2-512k": "w2Get512k"}
# a run through a client's String API (CallbacksDriver's "api": "text") is its own transport in the
# tables: "plain-text", "tls-text"
TRANSPORTS = ["plain", "tls", "plain-text", "tls-text"]
TRANSPORT_LABEL = {"plain": "plaintext", "tls": "TLS", "plain-text": "plaintext, String API",
                   "tls-text": "TLS, String API"}
CLIENTS = ["glide-jni", "valkey-glide", "lettuce", "jedis"]
FIELDS = ["ops_per_s", "p50_us", "p99_us", "p999_us", "heap_bytes_per_op",
          "cpu_client_us_per_op", "cpu_server_us_per_op"]


def read_jsonl(path):
    out = []
    if not os.path.exists(path):
        return out
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                out.append(json.loads(line))
            except ValueError as e:
                print("report.py: %s:%d: skipping a bad line (%s)" % (path, n, e), file=sys.stderr)
    return out


def point_key(r):
    mode = r.get("mode", "callbacks")
    field = SECOND_FIELD.get(mode)
    par = int(r.get(field) or 0) if field else 0
    transport = r["transport"] + ("-text" if r.get("api") == "text" else "")
    return (mode, transport, r["workload"], int(r["chains"]), par, r["client"])


class Point:
    """The repetitions of one point: rep -> its result line, or its failure line if the run
    printed no result."""

    def __init__(self):
        self.by_rep = {}

    def add(self, r, failure=False):
        rep = r.get("rep", 1)
        have = self.by_rep.get(rep)
        if failure:
            if have is None:
                self.by_rep[rep] = dict(r, failed=True, no_result=True)
            else:
                have.setdefault("exit", r.get("exit"))
                have.setdefault("error", r.get("error"))
            return
        if have is not None and have.get("no_result"):
            r = dict(r, exit=have.get("exit"), error=have.get("error"))
        self.by_rep[rep] = r

    def runs(self):
        return [self.by_rep[k] for k in sorted(self.by_rep)]

    def ok(self):
        return [r for r in self.runs() if not r.get("failed")]

    def failed(self):
        return [r for r in self.runs() if r.get("failed")]

    def mean(self, field):
        """Mean over the repetitions that succeeded and have the field; None if none has it."""
        vals = [r[field] for r in self.ok() if r.get(field) is not None]
        return sum(vals) / len(vals) if vals else None

    def reps_ops(self):
        """Each repetition's ops/s in the order they ran (None: no result), and whether it failed."""
        return [(r.get("ops_per_s"), bool(r.get("failed"))) for r in self.runs()]


def load(raw):
    """(points, machine lines) from a directory of results.jsonl / failures.jsonl / machine.txt."""
    points = {}
    for r in read_jsonl(os.path.join(raw, "results.jsonl")):
        points.setdefault(point_key(r), Point()).add(r)
    for f in read_jsonl(os.path.join(raw, "failures.jsonl")):
        points.setdefault(point_key(f), Point()).add(f, failure=True)
    machine = []
    try:
        with open(os.path.join(raw, "machine.txt")) as f:
            for line in f:
                if ":" in line:
                    k, v = line.split(":", 1)
                    machine.append((k.strip(), v.strip()))
    except OSError:
        pass
    return points, machine


def order(values, known):
    return sorted(values, key=lambda v: (known.index(v) if v in known else len(known), v))


def tables(points):
    """The tables to write, in order: (mode, transport, workload) with their sorted (N, parallelism)
    rows and clients."""
    out = []
    for mode in order({k[0] for k in points}, MODES):
        for transport in order({k[1] for k in points if k[0] == mode}, TRANSPORTS):
            for wl in order({k[2] for k in points if k[:2] == (mode, transport)}, WORKLOADS):
                keys = [k for k in points if k[:3] == (mode, transport, wl)]
                rows = sorted({(k[3], k[4]) for k in keys}, key=lambda np: (np[1], np[0]))
                clients = order({k[5] for k in keys}, CLIENTS)
                out.append((mode, transport, wl, rows, clients))
    return out
