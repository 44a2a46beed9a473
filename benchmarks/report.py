#!/usr/bin/env python3
"""Writes the one report of the benchmark suite, results.md and ops_vs_concurrency.png, from the
raw results of its three modes:

- blocking threads (JMH; benchmarks/run.sh): --raw, JMH JSON and redis-benchmark CSV;
- callbacks and virtual threads (bench-common's CallbacksDriver; benchmarks/callbacks/run.sh,
  which benchmarks/run.sh calls): --modes-raw, JSON lines (report_modes.py reads them).

JMH input layout (RAW):
  machine.txt                               "key: value" lines (run.sh)
  <client>/t<T>-<method>-thrpt.json         JMH throughput + gc profiler (+ CpuProfiler)
  <client>/t<T>-<method>-sample.json        JMH SampleTime (us)
  <client>/t<T>-<method>-<mode>.failed      written by run.sh when a run failed
  redis-benchmark/<label>-c<T>.csv          redis-benchmark --csv output
or, for repeated runs, rep1/<client>/..., rep2/<client>/... with machine.txt and
redis-benchmark/ at the top.

A <client> directory may carry a variant suffix, "-tls" or "-plain" (benchmarks/tls/run.sh):
"lettuce-tls" is Lettuce over TLS, labelled "Lettuce TLS". --raw may be given several times
(repetitions of the same runs): each figure is then the mean over the repetitions, and the
ops/s column lists every repetition's value. Throughput runs made with
-prof io.glidejni.bench.CpuProfiler fill the CPU µs/op columns (client JVM, server).

A figure a run did not measure is "n/a" (e.g. heap B/op in callbacks data older than the field);
"–" is a cell that does not apply.
"""
import argparse
import csv
import json
import math
import os
import re
import sys

import report_modes  # beside this file
import report_targets  # beside this file

CLIENT_LABEL = {
    "glide-jni": "glide-jni",
    "valkey-glide": "valkey-glide",
    "lettuce": "Lettuce",
    "jedis": "Jedis",
}
CLIENT_COLOR = {
    "glide-jni": "tab:red",
    "valkey-glide": "tab:blue",
    "lettuce": "tab:green",
    "jedis": "tab:orange",
}
# method -> (title, redis-benchmark labels and weights for the ceiling)
WORKLOADS = {
    "w1Mixed": ("W1: 80% GET (80% hit) / 20% SET, 100 B values, 10,000-key space",
                [("w1get", 0.8), ("w1set", 0.2)]),
    "w2Get16k": ("W2: GET of a 16 KiB value", [("w2get16k", 1.0)]),
    "w2Get512k": ("W2: GET of a 512 KiB value", [("w2get512k", 1.0)]),
    "w3Mget100": ("W3: MGET of 100 keys of 100 B", [("w3mget100", 1.0)]),
    # Batches (glide-jni and valkey-glide only): no redis-benchmark ceiling.
    "w4Pipeline100": ("W4: a pipeline of 100 GETs of 100 B (one exec)", []),
    "w4Transaction100": ("W4: a transaction (MULTI/EXEC) of 100 GETs of 100 B", []),
}
SHORT = {"w1Mixed": "W1 mixed", "w2Get16k": "W2 16 KiB", "w2Get512k": "W2 512 KiB",
         "w3Mget100": "W3 MGET 100", "w4Pipeline100": "W4 pipeline 100",
         "w4Transaction100": "W4 transaction 100"}
RB_NAME = {"w1get": "GET", "w1set": "SET"}
VARIANT_LABEL = {"tls": "TLS", "plain": "plaintext"}


def split_variant(name):
    """'lettuce-tls' -> ('lettuce', 'tls'); 'lettuce' -> ('lettuce', None)."""
    for v in VARIANT_LABEL:
        if name.endswith("-" + v) and name[:-len(v) - 1] in CLIENT_LABEL:
            return name[:-len(v) - 1], v
    return name, None


def label(name):
    base, v = split_variant(name)
    text = CLIENT_LABEL.get(base, base)
    return text + " " + VARIANT_LABEL[v] if v else text


def color(name):
    return CLIENT_COLOR.get(split_variant(name)[0])


def known_client(name):
    return split_variant(name)[0] in CLIENT_LABEL


def read_json(path):
    try:
        with open(path) as f:
            data = json.load(f)
        return data[0] if data else None
    except (OSError, ValueError):
        return None


def failure_reason(raw, logs, client, name):
    """First exception-looking line of the run's log (or the .failed note)."""
    candidates = [os.path.join(logs, client, name + ".log"), os.path.join(raw, client, name + ".failed")]
    for path in candidates:
        try:
            with open(path, errors="replace") as f:
                lines = f.read().splitlines()
        except OSError:
            continue
        for line in lines:
            line = line.strip()
            if re.search(r"(Exception|Error)\b", line) and not line.startswith("at "):
                return line[:140]
        for line in lines:
            if line.startswith("exit "):
                return "JMH " + line + (" (timeout)" if line.strip() in ("exit 124", "exit 137") else "")
    return "no result"


def jmh_results(raw, logs, clients, threads, methods):
    """(client, t, method) -> dict(ops, err, alloc, p50, p99, p999, fail_thrpt, fail_sample)."""
    out = {}
    for client in clients:
        for t in threads:
            for method in methods:
                r = {}
                name = "t%d-%s-thrpt" % (t, method)
                j = read_json(os.path.join(raw, client, name + ".json"))
                if j and "primaryMetric" in j:
                    pm = j["primaryMetric"]
                    r["ops"] = pm["score"]
                    err = pm.get("scoreError")
                    r["err"] = err if isinstance(err, (int, float)) and not math.isnan(err) else None
                    r["iters"] = [v for fork in pm.get("rawData") or [] for v in fork]
                    sec = j.get("secondaryMetrics", {})
                    for key in ("gc.alloc.rate.norm", "\u00b7gc.alloc.rate.norm"):
                        if key in sec:
                            r["alloc"] = sec[key]["score"]
                    for key, field in (("cpu.client.us/op", "cpu_client"), ("cpu.server.us/op", "cpu_server")):
                        if key in sec:
                            r[field] = sec[key]["score"]
                else:
                    r["fail_thrpt"] = failure_reason(raw, logs, client, name)
                name = "t%d-%s-sample" % (t, method)
                j = read_json(os.path.join(raw, client, name + ".json"))
                if j and "primaryMetric" in j:
                    pm = j["primaryMetric"]
                    unit = pm.get("scoreUnit", "us/op")
                    scale = {"ns/op": 1e-3, "us/op": 1.0, "ms/op": 1e3, "s/op": 1e6}.get(unit, 1.0)
                    pct = pm.get("scorePercentiles", {})
                    for key, field in (("50.0", "p50"), ("99.0", "p99"), ("99.9", "p999")):
                        if key in pct:
                            r[field] = pct[key] * scale
                elif os.path.exists(os.path.join(logs, client, name + ".log")) or os.path.exists(
                        os.path.join(raw, client, name + ".failed")):
                    r["fail_sample"] = failure_reason(raw, logs, client, name)
                # else: no SampleTime run was asked for (BENCH_MODES=thrpt): percentiles stay "–"
                out[(client, t, method)] = r
    return out


def combine(runs):
    """Merges the results of several repetitions ((client, t, method) -> dict each): numbers are
    averaged over the repetitions that have them, "reps" lists each repetition's ops/s, and a
    failure of any repetition is kept."""
    if len(runs) == 1:
        return runs[0]
    out = {}
    for key in set().union(*runs):
        rs = [r.get(key, {}) for r in runs]
        m = {"reps": [r.get("ops") for r in rs]}
        for field in ("ops", "alloc", "p50", "p99", "p999", "cpu_client", "cpu_server"):
            vals = [r[field] for r in rs if r.get(field) is not None]
            if vals:
                m[field] = sum(vals) / len(vals)
        for field in ("fail_thrpt", "fail_sample"):
            fails = [r[field] for r in rs if field in r]
            if fails:
                m[field] = fails[0] + (" (%d of %d repetitions)" % (len(fails), len(rs)))
        if m.get("ops") is None:
            m.pop("ops", None)
        out[key] = m
    return out


def redis_benchmark(raw, threads):
    """(label, t) -> dict(ops, p50, p99) in ops/s and us."""
    out = {}
    labels = {lab for _, rbs in WORKLOADS.values() for lab, _ in rbs}
    for t in threads:
        for label in labels:
            path = os.path.join(raw, "redis-benchmark", "%s-c%d.csv" % (label, t))
            try:
                with open(path) as f:
                    rows = list(csv.DictReader(f))
            except OSError:
                continue
            if not rows:
                continue
            row = rows[-1]
            try:
                out[(label, t)] = {
                    "ops": float(row["rps"]),
                    "p50": float(row.get("p50_latency_ms", "nan")) * 1000,
                    "p99": float(row.get("p99_latency_ms", "nan")) * 1000,
                }
            except (KeyError, ValueError):
                pass
    return out


def ceiling(rb, method, t):
    """redis-benchmark ops/s for a workload: a weighted harmonic mix for W1 (time per op)."""
    parts = WORKLOADS[method][1]
    if not parts:
        return None
    total = 0.0
    for label, weight in parts:
        v = rb.get((label, t))
        if not v or v["ops"] <= 0:
            return None
        total += weight / v["ops"]
    return 1.0 / total


def tls_ceiling_section(rb_plain, rb_tls, threads, methods, res):
    """Markdown: for each workload and concurrency, plaintext ops/s over TLS ops/s for the
    server's own client (redis-benchmark, no Java, no client-side TLS cost worth counting) and for
    glide-jni. The first ratio is what TLS costs the server: a client cannot do better than it."""
    L = ["", "## What TLS costs the server itself", "",
         "redis-benchmark (the server's own C client, OpenSSL) against the plaintext and the TLS "
         "server of this run, at the same concurrency, keys and sizes, next to glide-jni's own "
         "plaintext and TLS results; \"plaintext / TLS\" is how many times slower TLS is. "
         "redis-benchmark sends each request in its own TLS record and reads each reply as it "
         "comes, as Jedis does: its ratio is what TLS costs this server per request, a cost no "
         "client removes. A client can only share it among requests, by sending several in one "
         "record (glide-jni does when requests are in flight at once); at 1 in flight there is "
         "nothing to share.", "",
         "| workload | conc. | redis-benchmark plaintext | redis-benchmark TLS | plaintext / TLS "
         "| glide-jni plaintext | glide-jni TLS | plaintext / TLS |",
         "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for method in methods:
        for t in threads:
            plain, tls = ceiling(rb_plain, method, t), ceiling(rb_tls, method, t)
            ours_plain = res.get(("glide-jni-plain", t, method), {}).get("ops")
            ours_tls = res.get(("glide-jni-tls", t, method), {}).get("ops")
            if plain is None and ours_plain is None:
                continue

            def ratio(a, b):
                return "%.2f" % (a / b) if a and b else "–"

            L.append("| %s | %d | %s | %s | %s | %s | %s | %s |" % (
                SHORT[method], t,
                fmt_ops(plain) if plain else "–", fmt_ops(tls) if tls else "–", ratio(plain, tls),
                fmt_ops(ours_plain) if ours_plain else "–", fmt_ops(ours_tls) if ours_tls else "–",
                ratio(ours_plain, ours_tls)))
    L.append("")
    L.append("W1's redis-benchmark figure is the 80/20 mix of its GET and SET runs (time per "
             "operation weighted). redis-benchmark runs one request per connection in flight, as "
             "the JMH threads do.")
    return L


# ---------------------------------------------------------------------------------------------
# formatting: "n/a" is a figure this run did not measure (e.g. heap B/op in data older than the
# field); "–" is a cell that does not apply (a redis-benchmark row's heap B/op)
# ---------------------------------------------------------------------------------------------
NA = "n/a"


def fmt_ops(v):
    return NA if v is None else "{:,.0f}".format(v)


def fmt_us(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return NA
    return "{:,.0f}".format(v) if v >= 100 else "{:.1f}".format(v)


def fmt_bytes(v):
    return NA if v is None else "{:,.0f}".format(v)


def fmt_cpu(v):
    return NA if v is None else "{:.1f}".format(v)


def fmt_reps(reps):
    """Each repetition's ops/s, in the order they ran; "!" marks a repetition that failed."""
    return " / ".join(("–" if v is None else fmt_ops(v)) + ("!" if bad else "") for v, bad in reps)


def spread(vals):
    """Half the range of the values relative to their mean, in %, or None for fewer than two."""
    vals = [v for v in vals if v is not None]
    if len(vals) < 2 or not sum(vals):
        return None
    return (max(vals) - min(vals)) / 2 / (sum(vals) / len(vals)) * 100


def row(cells):
    return "| " + " | ".join(cells) + " |"


def head_rule(head, left=2):
    return "|" + "|".join(["---"] * left + ["---:"] * (len(head) - left)) + "|"


MODE_TEXT = {
    "blocking": "blocking threads (JMH)",
    "callbacks": "callbacks",
    "virtual-threads": "virtual threads",
    "fan-out": "fan-out",
    "semaphore": "semaphore",
}

# the second column of a mode's rows (after N), if it has one
SECOND_COLUMN = {"virtual-threads": "parallelism", "fan-out": "B", "semaphore": "B"}
# the modes whose rows are "T threads x B requests each"
PER_THREAD_MODES = ("fan-out", "semaphore")


def capital(s):
    return s[:1].upper() + s[1:]


def mode_title(mode, transport=None, par=None):
    s = MODE_TEXT[mode]
    if par:
        s += ", B = %d" % par if mode in PER_THREAD_MODES else ", parallelism %d" % par
    if transport:
        s += ", " + report_modes.TRANSPORT_LABEL.get(transport, transport)
    return s


# ---------------------------------------------------------------------------------------------
# results.md
# ---------------------------------------------------------------------------------------------
def write_markdown(path, machine, clients, threads, methods, res, rb, png_name, opts=None, modes=None):
    """modes: (points, machine) of the callbacks and virtual-thread modes (report_modes.load), or
    None."""
    opts = opts or {}
    with_rb = not opts.get("no_redis_benchmark")
    reps = opts.get("reps", 1)
    points, modes_machine = modes or ({}, [])
    failures = []
    L = []
    L.append("# " + opts.get("title", "Benchmark results"))
    L.append("")
    L.append(opts.get("intro", "Generated by `benchmarks/run.sh` (see [../README.md](../README.md) for what each "
                      "workload and column means). Raw JMH JSON and redis-benchmark CSV: [raw/](raw/)."))
    L.append("")
    if points:
        L.append("The modes; every table says which one its rows are:")
        L.append("")
        L.append("- **blocking threads (JMH)**: T threads share one client instance, each sends one "
                 "request and blocks in `get()` for its reply (Jedis: a pool of T connections); T "
                 "requests in flight.")
        L.append("- **callbacks**: one thread starts N independent chains; each request's completion "
                 "callback (`whenComplete`, on whichever thread the client completes it) issues the "
                 "chain's next request; N requests in flight and no thread waits. Jedis has no async "
                 "API and is not in this mode.")
        L.append("- **virtual threads**: N virtual threads each loop on request, `get()`, record, on "
                 "P carrier threads (`-Djdk.virtualThreadScheduler.parallelism`, \"parallelism\"); "
                 "Jedis's virtual threads share a `JedisPool` of N connections.")
        L.append("- **fan-out**: N platform threads each start B requests at once and wait for all "
                 "of them (`CompletableFuture.allOf(...).join()`), then the next B; N x B requests "
                 "in flight at most. Jedis has no async API and is not in this mode.")
        L.append("- **semaphore**: N platform threads each keep B requests in flight with a "
                 "`Semaphore` of B permits: take a permit, start a request, go round; each "
                 "request's `whenComplete` gives its permit back. The threads wait only for a free "
                 "permit, never for a reply. Jedis has no async API and is not in this mode.")
        L.append("")
    if points and machine:
        L.append("### Blocking threads (JMH) run")
        L.append("")
    for k, v in machine:
        L.append("- **%s**: %s" % (k, v))
    L.append("")
    if points and modes_machine:
        L.append("### Callbacks and virtual threads run")
        L.append("")
        for k, v in modes_machine:
            L.append("- **%s**: %s" % (k, v))
        L.append("")
    L.append("![ops/s against concurrency%s](%s)" % (", every mode" if points else "", png_name))
    L.append("")

    if points:
        L += w1_overview(clients, threads, res, rb if with_rb else {}, points, machine, modes_machine)
        L += report_targets.section(res, points, methods, threads, SHORT)

    # overview of the blocking mode: ops/s (p50 us) per workload x concurrency, one column per client
    if methods:
        L.append("## Blocking threads (JMH), every workload: ops/s (p50 µs)" if points
                 else "## Overview: ops/s (p50 µs)")
        L.append("")
        head = ["workload", "conc."] + [label(c) for c in clients] + (["redis-benchmark"] if with_rb else [])
        L.append(row(head))
        L.append(head_rule(head))
        for method in methods:
            for t in threads:
                cells = [SHORT.get(method, method), str(t)]
                for c in clients:
                    r = res.get((c, t, method), {})
                    if "ops" in r:
                        cells.append("%s (%s)" % (fmt_ops(r["ops"]), fmt_us(r.get("p50"))))
                    else:
                        cells.append("**FAILED**")
                if with_rb:
                    ceil = ceiling(rb, method, t)
                    if ceil is None:
                        cells.append("–")
                    elif method == "w1Mixed":
                        cells.append(fmt_ops(ceil))
                    else:
                        cells.append("%s (%s)" % (fmt_ops(ceil), fmt_us(rb[(WORKLOADS[method][1][0][0], t)]["p50"])))
                L.append(row(cells))
        L.append("")

    for method in methods:
        L += blocking_table(method, clients, threads, res, rb, with_rb, reps, bool(points), failures)
    if points:
        L += modes_tables(points, failures)

    if failures:
        L.append("## Failures")
        L.append("")
        for f in failures:
            L.append("- " + f)
        L.append("")

    L.append("## Notes")
    L.append("")
    L += notes(opts, with_rb, reps, res, points)
    L.append("")
    with open(path, "w") as f:
        f.write("\n".join(L))


def w1_overview(clients, threads, res, rb, points, machine, modes_machine):
    """W1 in plaintext, every mode, one column per client: ops/s (mean over the repetitions, and
    their spread)."""
    date = dict(machine).get("date", "?")
    mdate = dict(modes_machine).get("date", "?")
    all_clients = [c for c in report_modes.CLIENTS
                   if c in clients or any(k[5] == c for k in points)]
    L = ["## W1 in every mode, plaintext: ops/s", "",
         "80% GET / 20% SET of 100 B over 10,000 keys, the same keys and mix in every mode. "
         "Mean over the repetitions, ± half their range relative to the mean (one repetition: no ±; "
         "the blocking mode's own interval is in its table)." + (
             " The blocking rows are of the run of %s, the callbacks and virtual-thread rows of the "
             "run of %s: compare clients within a mode, not modes across runs." % (date, mdate)
             if res and date != mdate else ""), ""]
    head = ["mode", "in flight"] + [CLIENT_LABEL.get(c, c) for c in all_clients]
    if rb:
        head.append("redis-benchmark")
    L.append(row(head))
    L.append(head_rule(head))
    if "w1Mixed" in {k[2] for k in res}:
        for t in threads:
            cells = [MODE_TEXT["blocking"], str(t)]
            for c in all_clients:
                r = res.get((c, t, "w1Mixed"))
                if r is None:
                    cells.append("–")
                elif "ops" not in r:
                    cells.append("**FAILED**")
                else:
                    sp = spread(r.get("reps") or [])
                    cells.append(fmt_ops(r["ops"]) + (" ±%.0f%%" % sp if sp is not None else ""))
            if rb:
                ceil = ceiling(rb, "w1Mixed", t)
                cells.append(fmt_ops(ceil) if ceil else "–")
            L.append(row(cells))
    for mode in report_modes.MODES:
        keys = [k for k in points if k[0] == mode and k[1] == "plain" and k[2] == "w1"]
        for n, par in sorted({(k[3], k[4]) for k in keys}, key=lambda np: (np[1], np[0])):
            # fan-out and semaphore: N threads with B requests each
            cells = [mode_title(mode, par=par), "%d x %d" % (n, par) if mode in PER_THREAD_MODES else str(n)]
            for c in all_clients:
                cells.append(modes_ops_cell(points.get((mode, "plain", "w1", n, par, c))))
            if rb:
                cells.append("–")
            L.append(row(cells))
    L.append("")
    return L


def modes_ops_cell(p):
    if p is None:
        return "–"
    ops = p.mean("ops_per_s")
    if ops is None:
        return "**FAILED**"
    sp = spread([r.get("ops_per_s") for r in p.ok()])
    s = fmt_ops(ops) + (" ±%.0f%%" % sp if sp is not None else "")
    if p.failed():
        s += " (%d failed)" % len(p.failed())
    return s


def blocking_table(method, clients, threads, res, rb, with_rb, reps, with_modes, failures):
    L = []
    title = WORKLOADS[method][0]
    L.append("## " + (capital(MODE_TEXT["blocking"]) + ", " + title
                      if with_modes else title))
    L.append("")
    head = ["conc.", "client", "ops/s"]
    head += ["per repetition"] if reps > 1 else ["± (99.9% CI)", "per iteration"]
    if with_rb:
        head.append("of redis-benchmark")
    head += ["p50 µs", "p99 µs", "p99.9 µs", "heap B/op", "CPU client µs/op", "CPU server µs/op"]
    L.append(row(head))
    L.append("|---:|---|" + "|".join(["---:"] * (len(head) - 2)) + "|")
    for t in threads:
        ceil = ceiling(rb, method, t) if with_rb else None
        for c in clients:
            r = res.get((c, t, method), {})
            cells = [str(t), label(c)]
            if "ops" in r:
                cells.append(fmt_ops(r["ops"]))
                if reps > 1:
                    cells.append(fmt_reps([(v, False) for v in r.get("reps", [])]))
                else:
                    cells.append(fmt_ops(r["err"]) if r.get("err") is not None else NA)
                    cells.append(fmt_reps([(v, False) for v in r.get("iters") or []]) or NA)
                if with_rb:
                    cells.append("{:.0%}".format(r["ops"] / ceil) if ceil else "–")
            else:
                cells += ["**FAILED**", "–"] + (["–"] if reps == 1 else []) + (["–"] if with_rb else [])
            if "fail_thrpt" in r:
                failures.append("%s, %s, %s, concurrency %d, throughput run: %s"
                                % (MODE_TEXT["blocking"], label(c), SHORT[method], t, r.get("fail_thrpt")))
            if "fail_sample" in r:
                cells += ["**FAILED**", "–", "–"]
                failures.append("%s, %s, %s, concurrency %d, SampleTime run: %s"
                                % (MODE_TEXT["blocking"], label(c), SHORT[method], t, r.get("fail_sample")))
            else:
                cells += [fmt_us(r.get("p50")), fmt_us(r.get("p99")), fmt_us(r.get("p999"))]
            cells += [fmt_bytes(r.get("alloc")), fmt_cpu(r.get("cpu_client")), fmt_cpu(r.get("cpu_server"))]
            L.append(row(cells))
        if not with_rb:
            continue
        tail = " – | – |"
        it = " – |" if reps == 1 else ""  # the per-iteration column
        for lab, weight in WORKLOADS[method][1]:
            v = rb.get((lab, t))
            name = "redis-benchmark" + (" " + RB_NAME[lab] if lab in RB_NAME else "")
            if v:
                L.append("| %d | %s | %s | – |%s %s | %s | %s | – | – |%s"
                         % (t, name, fmt_ops(v["ops"]), it,
                            "100%" if len(WORKLOADS[method][1]) == 1 else "–",
                            fmt_us(v["p50"]), fmt_us(v["p99"]), tail))
            else:
                L.append("| %d | %s | **FAILED** | – |%s – | – | – | – | – |%s" % (t, name, it, tail))
        if len(WORKLOADS[method][1]) > 1:
            L.append("| %d | redis-benchmark 80/20 | %s | – |%s 100%% | – | – | – | – |%s"
                     % (t, fmt_ops(ceil) if ceil else "–", it, tail))
    L.append("")
    return L


MODES_WORKLOAD_TITLE = {
    "w1": WORKLOADS["w1Mixed"][0],
    "w2-16k": WORKLOADS["w2Get16k"][0],
    "w2-512k": WORKLOADS["w2Get512k"][0],
}


MODES_SHORT = {"w1": SHORT["w1Mixed"], "w2-16k": SHORT["w2Get16k"], "w2-512k": SHORT["w2Get512k"]}


def modes_tables(points, failures):
    """One table per mode, transport and workload; rows per N (and parallelism), then client."""
    L = []
    for mode, transport, wl, rows, clients in report_modes.tables(points):
        vt = mode in SECOND_COLUMN
        L.append("## %s, %s" % (capital(mode_title(mode, transport)), MODES_WORKLOAD_TITLE.get(wl, wl)))
        L.append("")
        head = (["N", SECOND_COLUMN[mode]] if vt else ["N"]) + [
            "client", "ops/s", "per repetition", "p50 µs", "p99 µs", "p99.9 µs", "heap B/op",
            "CPU client µs/op", "CPU server µs/op"]
        L.append(row(head))
        left = 3 if vt else 2
        L.append("|" + "|".join(["---:"] * (left - 1) + ["---"] + ["---:"] * (len(head) - left)) + "|")
        for n, par in rows:
            for c in clients:
                p = points.get((mode, transport, wl, n, par, c))
                if p is None:
                    continue
                cells = ([str(n), str(par)] if vt else [str(n)]) + [CLIENT_LABEL.get(c, c)]
                ops = p.mean("ops_per_s")
                cells.append("**FAILED**" if ops is None else fmt_ops(ops))
                cells.append(fmt_reps(p.reps_ops()))
                if ops is None:
                    cells += ["–"] * 6
                else:
                    cells += [fmt_us(p.mean("p50_us")), fmt_us(p.mean("p99_us")), fmt_us(p.mean("p999_us")),
                              fmt_bytes(p.mean("heap_bytes_per_op")),
                              fmt_cpu(p.mean("cpu_client_us_per_op")), fmt_cpu(p.mean("cpu_server_us_per_op"))]
                L.append(row(cells))
                for r in p.failed():
                    failures.append("%s, %s, %s, N=%d, repetition %s: %s" % (
                        mode_title(mode, transport, par or None), CLIENT_LABEL.get(c, c),
                        MODES_SHORT.get(wl, wl), n, r.get("rep", "?"), failure_text(r)))
        L.append("")
    threads = {}
    for k, p in points.items():
        if k[0] == "callbacks":
            for r in p.runs():
                for name in r.get("callback_threads") or []:
                    threads.setdefault(k[5], set()).add(name)
    if threads:
        L.append("Threads the completion callbacks ran on in the callbacks mode (sampled; digits "
                 "shown as #): " + "; ".join(
                     "%s: %s" % (CLIENT_LABEL.get(c, c), ", ".join("`%s`" % n for n in sorted(threads[c])))
                     for c in report_modes.CLIENTS if c in threads) + ".")
        L.append("")
    return L


def failure_text(r):
    if r.get("no_result"):
        return "exit %s, no result (`%s`)" % (r.get("exit"), (r.get("error") or "")[:200])
    first = (r.get("first_error") or "")[:160]
    return ("%s ops/s counted but failed: errors %s, bad replies %s, warm-up errors %s, stuck chains %s"
            "%s" % (fmt_ops(r.get("ops_per_s")), r.get("errors"), r.get("bad_replies"),
                    r.get("warmup_errors"), r.get("stuck_chains"),
                    ", first error `%s`" % first if first else ""))


def notes(opts, with_rb, reps, res, points):
    L = []
    if res:
        L.append("- Blocking threads (JMH): ops/s and heap B/op come from a JMH throughput run with "
                 "`-prof gc` (`gc.alloc.rate.norm`: bytes allocated on the Java heap by all threads of "
                 "the fork, per operation; native memory, such as a Rust core's or Netty's direct "
                 "buffers, is not counted); p50/p99/p99.9 from a separate JMH SampleTime run (every "
                 "thread times its operations)" + ("; redis-benchmark reports no p99.9." if with_rb else "."))
        L.append("- Blocking threads: CPU µs/op (`-prof io.glidejni.bench.CpuProfiler`, in the "
                 "throughput run): CPU time (user + system) of the benchmark JVM (client; all its "
                 "threads, JMH's included) and of the redis-server process, divided by the operations. "
                 + ("n/a: this run was made without that profiler."
                    if not any("cpu_client" in r for r in res.values()) else ""))
        if reps > 1:
            L.append("- Blocking threads: every run was repeated %d times; each figure is the mean over "
                     "the repetitions, and \"per repetition\" lists each repetition's ops/s in the order "
                     "they ran." % reps)
        if with_rb:
            L.append("- Blocking threads: concurrency = JMH threads sharing one client instance (Jedis: "
                     "a pool of that many connections), each with one request in flight; "
                     "redis-benchmark `-c` = that many connections, each with one request in flight.")
            L.append("- W1's ceiling is redis-benchmark's GET (80% hits, same keys) and SET (existing "
                     "keys, 100 B) combined 80/20 by time per operation: 1 / (0.8 / GET + 0.2 / SET).")
        else:
            L.append("- Blocking threads: concurrency = JMH threads sharing one client instance (Jedis: "
                     "a pool of that many connections), each with one request in flight.")
    if points:
        runs = [r for p in points.values() for r in p.runs()]
        nreps = len({r.get("rep") for r in runs if r.get("rep") is not None}) or 1
        L.append("- Callbacks and virtual threads (bench-common's `CallbacksDriver`, one JVM per point, "
                 "the clients interleaved, %d repetition(s) of the whole pass in alternating client "
                 "order): ops/s is the mean over the repetitions that succeeded, \"per repetition\" "
                 "each one's in the order they ran (\"!\": that repetition failed, see Failures). "
                 "p50/p99/p99.9: per request, issue to completion, from a log-linear histogram "
                 "(1.6%% buckets). CPU µs/op: `getProcessCpuTime` of the client JVM (all threads) "
                 "and the server's `/proc/PID/stat` over the measurement window, per operation." % nreps)
        methods_used = sorted({r["heap_bytes_method"] for r in runs if r.get("heap_bytes_method")})
        without_heap = any(r.get("heap_bytes_per_op") is None and not r.get("no_result") for r in runs)
        L.append("- Callbacks and virtual threads: heap B/op is the client JVM's heap allocation over "
                 "the window (HotSpot's per-thread allocation counters, all threads, those of a "
                 "virtual thread's carrier included: `getTotalThreadAllocatedBytes`, else "
                 "`getThreadAllocatedBytes` summed over live threads%s) per operation; like JMH's "
                 "`gc.alloc.rate.norm`, native memory is not counted." % (
                     "; these runs: " + ", ".join("`%s`" % m for m in methods_used) if methods_used else "")
                 + (" n/a: these runs predate that field (`heap_bytes_per_op`, added to "
                    "`CallbacksDriver` on 2026-12-06)." if without_heap else ""))
    for note in opts.get("notes", []):
        L.append("- " + note)
    return L


# ---------------------------------------------------------------------------------------------
# the chart: one figure, a panel per mode and workload (blocking: per workload; callbacks: per
# workload, plaintext; virtual threads: per workload and parallelism, plaintext)
# ---------------------------------------------------------------------------------------------
def write_chart(path, machine, clients, threads, methods, res, rb, chart_note="", points=None,
                modes_machine=None):
    try:
        import matplotlib
    except ImportError:
        print("report.py: matplotlib missing, no chart (run.sh installs it into benchmarks/target/venv)",
              file=sys.stderr)
        return False
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    points = points or {}
    panels = []  # (title, draw function)
    for method in methods:
        panels.append(("%s, %s" % (MODE_TEXT["blocking"], SHORT.get(method, method)) if points
                       else WORKLOADS[method][0],
                       lambda ax, m=method: draw_blocking(ax, m, clients, threads, res, rb)))
    transport = "plain" if any(k[1] == "plain" for k in points) else None
    for mode, tr, wl, rows, mclients in report_modes.tables(points):
        if tr != (transport or tr):
            continue
        for par in sorted({p for _, p in rows}):
            ns = sorted(n for n, p in rows if p == par)
            title = "%s, %s" % (mode_title(mode, tr, par or None), MODES_SHORT.get(wl, wl))
            panels.append((title, lambda ax, a=(mode, tr, wl, par, ns, mclients): draw_mode(ax, points, *a)))
    n = len(panels)
    cols = 1 if n == 1 else 2 if n <= 4 else 3
    rows_n = (n + cols - 1) // cols
    fig, axes = plt.subplots(rows_n, cols, figsize=(6.0 * cols, 4.4 * rows_n), squeeze=False)
    for i, (title, draw) in enumerate(panels):
        ax = axes[i // cols][i % cols]
        xs = draw(ax)
        ax.set_xscale("log")
        ax.set_xticks(xs)
        ax.set_xticklabels([str(x) for x in xs])
        ax.minorticks_off()
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: "{:,.0f}".format(v)))
        ax.set_title(title, fontsize=9)
        ax.set_ylabel("ops/s")
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=7)
    for j in range(n, rows_n * cols):
        axes[j // cols][j % cols].axis("off")
    info = dict(machine or modes_machine or [])
    dates = info.get("date", "")
    if points and machine and modes_machine:
        dates = "blocking %s, callbacks/virtual threads %s" % (dict(machine).get("date", "?"),
                                                               dict(modes_machine).get("date", "?"))
    fig.suptitle("ops/s against requests in flight, one local redis-server%s (%s cores, %s; %s)%s"
                 % (chart_note, info.get("nproc", "?"), info.get("cpu", "?"), dates,
                    "\ndots: each repetition; line: their mean" if points else ""), fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True


def draw_blocking(ax, method, clients, threads, res, rb):
    for c in clients:
        xs, ys, fx, rx, ry = [], [], [], [], []
        for t in threads:
            r = res.get((c, t, method), {})
            if "ops" in r:
                xs.append(t)
                ys.append(r["ops"])
                for v in r.get("reps") or []:
                    if v is not None:
                        rx.append(t)
                        ry.append(v)
            else:
                fx.append(t)
        style = ":" if split_variant(c)[1] == "plain" else "-"
        ax.plot(xs, ys, marker="o", linestyle=style, color=color(c), label=label(c))
        if len(ry) > len(ys):
            ax.plot(rx, ry, marker=".", linestyle="none", color=color(c), alpha=0.5)
        if fx:
            ax.plot(fx, [0] * len(fx), marker="x", linestyle="none", markersize=10,
                    color=color(c), label=label(c) + " failed")
    xs = [t for t in threads if ceiling(rb, method, t)]
    if xs:
        ax.plot(xs, [ceiling(rb, method, t) for t in xs], linestyle="--", marker="s",
                color="black", label="redis-benchmark (ceiling)")
    ax.set_xlabel("threads blocked in get() (requests in flight)")
    return threads


def draw_mode(ax, points, mode, transport, wl, par, ns, clients):
    for c in clients:
        xs, ys, fx, rx, ry = [], [], [], [], []
        for n in ns:
            p = points.get((mode, transport, wl, n, par, c))
            if p is None:
                continue
            ops = p.mean("ops_per_s")
            if ops is None:
                fx.append(n)
            else:
                xs.append(n)
                ys.append(ops)
            for r in p.ok():
                rx.append(n)
                ry.append(r["ops_per_s"])
        ax.plot(xs, ys, marker="o", color=CLIENT_COLOR.get(c), label=CLIENT_LABEL.get(c, c))
        ax.plot(rx, ry, marker=".", linestyle="none", color=CLIENT_COLOR.get(c), alpha=0.5)
        if fx:
            ax.plot(fx, [0] * len(fx), marker="x", linestyle="none", markersize=10,
                    color=CLIENT_COLOR.get(c), label=CLIENT_LABEL.get(c, c) + " failed")
    ax.set_xlabel({"callbacks": "callback chains (requests in flight)",
                   "fan-out": "threads, each waiting for its B requests",
                   "semaphore": "threads, each with B permits"}.get(
                      mode, "virtual threads blocked in get() (requests in flight)"))
    return ns


# ---------------------------------------------------------------------------------------------
# input
# ---------------------------------------------------------------------------------------------
def discover(raw):
    """(clients, concurrencies, methods) that have a result or a failure note in RAW."""
    clients, threads, methods = set(), set(), set()
    names = sorted(os.listdir(raw)) if os.path.isdir(raw) else []
    for client in [n for n in names if known_client(n)]:
        d = os.path.join(raw, client)
        if not os.path.isdir(d):
            continue
        for name in os.listdir(d):
            m = re.match(r"t(\d+)-(\w+)-(thrpt|sample)\.(json|failed)$", name)
            if m:
                clients.add(client)
                threads.add(int(m.group(1)))
                methods.add(m.group(2))
    return clients, threads, methods


def repetitions(raw):
    """The rep<N> directories of RAW in order (run.sh's layout with BENCH_REPS), or [RAW]."""
    try:
        names = os.listdir(raw)
    except OSError:
        return [raw]
    reps = sorted((int(m.group(1)), n) for n in names for m in [re.match(r"rep(\d+)$", n)] if m)
    return [os.path.join(raw, n) for _, n in reps] or [raw]


def compact_json(raw, clients):
    """Rewrites JMH's pretty-printed JSON without whitespace (same content, ~3x smaller)."""
    for client in clients:
        d = os.path.join(raw, client)
        if not os.path.isdir(d):
            continue
        for name in os.listdir(d):
            if not name.endswith(".json"):
                continue
            path = os.path.join(d, name)
            try:
                with open(path) as f:
                    data = json.load(f)
            except (OSError, ValueError):
                continue
            with open(path, "w") as f:
                json.dump(data, f, separators=(",", ":"))
                f.write("\n")


def client_order(name):
    base, v = split_variant(name)
    return (list(CLIENT_LABEL).index(base), [None, "tls", "plain"].index(v))


def read_machine(path):
    machine = []
    try:
        with open(path) as f:
            for line in f:
                if ":" in line:
                    k, v = line.split(":", 1)
                    machine.append((k.strip(), v.strip()))
    except OSError:
        pass
    return machine


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--raw", default=[], action="append",
                    help="JMH raw results (blocking threads); give it again for each repetition of the "
                         "same runs, or give one directory holding rep1/, rep2/, ...")
    ap.add_argument("--out", required=True)
    ap.add_argument("--logs", default=[], action="append",
                    help="run logs (for failure reasons), one per --raw, in the same order (a directory "
                         "holding rep1/, rep2/, ... when --raw does)")
    ap.add_argument("--modes-raw", metavar="DIR",
                    help="the callbacks and virtual-thread modes: a directory of results.jsonl, "
                         "failures.jsonl and machine.txt (benchmarks/callbacks/run.sh's raw/)")
    ap.add_argument("--clients", help="default: every client with results in RAW")
    ap.add_argument("--threads", help="default: every concurrency found in RAW")
    ap.add_argument("--methods", help="default: every workload found in RAW")
    ap.add_argument("--machine", help="machine.txt to show (default: the first RAW's)")
    ap.add_argument("--title", help="heading of results.md")
    ap.add_argument("--intro", help="first paragraph of results.md")
    ap.add_argument("--note", default=[], action="append", help="an extra line for the Notes")
    ap.add_argument("--chart-note", default="", help="added to the chart's title")
    ap.add_argument("--no-redis-benchmark", action="store_true",
                    help="no redis-benchmark ceiling columns and rows")
    ap.add_argument("--readme-table", action="store_true",
                    help="also print results.md's \"W1 in every mode\" table on stdout, for README.md")
    ap.add_argument("--targets", action="store_true",
                    help="also print results.md's section on issue 16's targets on stdout")
    ap.add_argument("--tls-ceiling", nargs=2, metavar=("PLAIN_RAW", "TLS_RAW"),
                    help="directories each holding a redis-benchmark/ of CSVs, from the plaintext and "
                         "the TLS server: adds what TLS costs the server's own client")
    a = ap.parse_args()
    if not a.raw and not a.modes_raw:
        ap.error("give --raw (JMH) or --modes-raw (callbacks / virtual threads) or both")
    # one --raw holding rep1/, rep2/, ...: each is a repetition; machine.txt and redis-benchmark/
    # stay at its top
    top = a.raw[0] if a.raw else None
    raws, logs = [], []
    for i, raw in enumerate(a.raw):
        reps = repetitions(raw)
        raws += reps
        log = a.logs[i] if i < len(a.logs) else ""
        logs += [os.path.join(log, os.path.basename(r)) if log and r != raw else log for r in reps]
    found = [set(), set(), set()]
    for raw in raws:
        for acc, more in zip(found, discover(raw)):
            acc |= more
    clients = a.clients.split() if a.clients else sorted(found[0], key=client_order)
    threads = [int(t) for t in a.threads.split()] if a.threads else sorted(found[1])
    methods = a.methods.split() if a.methods else [m for m in WORKLOADS if m in found[2]]
    machine = read_machine(a.machine or os.path.join(top, "machine.txt")) if top or a.machine else []
    runs = []
    for raw, log in zip(raws, logs):
        compact_json(raw, clients)
        runs.append(jmh_results(raw, log, clients, threads, methods))
    res = combine(runs) if runs else {}
    rb = {} if a.no_redis_benchmark or not top else redis_benchmark(top, threads)
    points, modes_machine = report_modes.load(a.modes_raw) if a.modes_raw else ({}, [])
    # No redis-benchmark results at all (BENCH_SKIP_REDIS_BENCHMARK=1 into a new directory): no
    # columns for them, rather than a row of FAILED for a run that was never made.
    opts = {"no_redis_benchmark": a.no_redis_benchmark or not top or not rb, "reps": len(raws), "notes": a.note}
    if a.title:
        opts["title"] = a.title
    if a.intro:
        opts["intro"] = a.intro
    elif points:
        readme = os.path.relpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "README.md"),
                                 os.path.abspath(a.out))
        jsonl = os.path.relpath(os.path.join(a.modes_raw, "results.jsonl"), a.out)
        raws = ["the callbacks and virtual-thread runs' JSON lines in [%s](%s)" % (jsonl, jsonl)]
        if top:
            jmh = os.path.relpath(top, a.out)
            raws.insert(0, "JMH JSON and redis-benchmark CSV in [%s/](%s/)" % (jmh, jmh))
        opts["intro"] = ("Generated by `benchmarks/report.py` from the raw results of `benchmarks/run.sh` "
                         "(see [%s](%s) for what each mode, workload and column means): %s."
                         % (readme, readme, ", ".join(raws)))
    os.makedirs(a.out, exist_ok=True)
    png = "ops_vs_concurrency.png"
    write_chart(os.path.join(a.out, png), machine, clients, threads, methods, res, rb, a.chart_note,
                points, modes_machine)
    write_markdown(os.path.join(a.out, "results.md"), machine, clients, threads, methods, res, rb, png, opts,
                   (points, modes_machine) if points else None)
    if a.tls_ceiling:
        section = tls_ceiling_section(redis_benchmark(a.tls_ceiling[0], threads),
                                      redis_benchmark(a.tls_ceiling[1], threads), threads, methods, res)
        with open(os.path.join(a.out, "results.md"), "a") as f:
            f.write("\n".join(section) + "\n")
    if a.targets:
        print("\n".join(report_targets.section(res, points, methods, threads, SHORT)))
    if a.readme_table and points:
        print("\n".join(w1_overview(clients, threads, res, rb, points, machine, modes_machine)[4:]))
    missing = sum(1 for r in res.values() if "ops" not in r)
    failed_points = sum(1 for p in points.values() if p.failed())
    print("report.py: %d blocking-thread results (%d failed throughput runs), %d redis-benchmark results, "
          "%d callbacks / virtual-thread points (%d with a failed repetition)"
          % (sum(1 for r in res.values() if "ops" in r), missing, len(rb), len(points), failed_points),
          file=sys.stderr)


if __name__ == "__main__":
    main()
