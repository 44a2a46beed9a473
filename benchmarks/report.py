#!/usr/bin/env python3
"""Merges the JMH JSON files and redis-benchmark CSVs written by run.sh into results.md and
ops_vs_concurrency.png.

Input layout (RAW):
  machine.txt                               "key: value" lines (run.sh)
  <client>/t<T>-<method>-thrpt.json         JMH throughput + gc profiler
  <client>/t<T>-<method>-sample.json        JMH SampleTime (us)
  <client>/t<T>-<method>-<mode>.failed      written by run.sh when a run failed
  redis-benchmark/<label>-c<T>.csv          redis-benchmark --csv output

A <client> directory may carry a variant suffix, "-tls" or "-plain" (benchmarks/tls/run.sh):
"lettuce-tls" is Lettuce over TLS, labelled "Lettuce TLS". --raw may be given several times
(repetitions of the same runs): each figure is then the mean over the repetitions, and the
ops/s column lists every repetition's value. Throughput runs made with
-prof io.glidejni.bench.CpuProfiler add the CPU µs/op columns (client JVM, server).
"""
import argparse
import csv
import json
import math
import os
import re
import sys

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


def fmt_ops(v):
    return "{:,.0f}".format(v)


def fmt_us(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return "{:,.0f}".format(v) if v >= 100 else "{:.1f}".format(v)


def fmt_bytes(v):
    return "–" if v is None else "{:,.0f}".format(v)


def write_markdown(path, machine, clients, threads, methods, res, rb, png_name, opts=None):
    opts = opts or {}
    with_rb = not opts.get("no_redis_benchmark")
    reps = opts.get("reps", 1)
    with_cpu = any("cpu_client" in r or "cpu_server" in r for r in res.values())
    L = []
    L.append("# " + opts.get("title", "Benchmark results"))
    L.append("")
    L.append(opts.get("intro", "Generated by `benchmarks/run.sh` (see [../README.md](../README.md) for what each "
                      "workload and column means). Raw JMH JSON and redis-benchmark CSV: [raw/](raw/)."))
    L.append("")
    for k, v in machine:
        L.append("- **%s**: %s" % (k, v))
    L.append("")
    L.append("![ops/s against concurrency](%s)" % png_name)
    L.append("")

    # overview: ops/s (p50 us) per workload x concurrency, one column per client
    L.append("## Overview: ops/s (p50 µs)")
    L.append("")
    head = ["workload", "conc."] + [label(c) for c in clients] + (["redis-benchmark"] if with_rb else [])
    L.append("| " + " | ".join(head) + " |")
    L.append("|" + "|".join(["---"] * 2 + ["---:"] * (len(head) - 2)) + "|")
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
            L.append("| " + " | ".join(cells) + " |")
    L.append("")

    failures = []
    for method in methods:
        title = WORKLOADS[method][0]
        L.append("## " + title)
        L.append("")
        head = ["conc.", "client", "ops/s"]
        head.append("per repetition" if reps > 1 else "± (99.9% CI)")
        if with_rb:
            head.append("of redis-benchmark")
        head += ["p50 µs", "p99 µs", "p99.9 µs", "heap B/op"]
        if with_cpu:
            head += ["CPU client µs/op", "CPU server µs/op"]
        L.append("| " + " | ".join(head) + " |")
        L.append("|---:|---|" + "|".join(["---:"] * (len(head) - 2)) + "|")
        for t in threads:
            ceil = ceiling(rb, method, t) if with_rb else None
            for c in clients:
                r = res.get((c, t, method), {})
                cells = [str(t), label(c)]
                if "ops" in r:
                    cells.append(fmt_ops(r["ops"]))
                    if reps > 1:
                        cells.append(" / ".join("–" if v is None else fmt_ops(v) for v in r.get("reps", [])))
                    else:
                        cells.append(fmt_ops(r["err"]) if r.get("err") is not None else "–")
                    if with_rb:
                        cells.append("{:.0%}".format(r["ops"] / ceil) if ceil else "–")
                else:
                    cells += ["**FAILED**", "–"] + (["–"] if with_rb else [])
                if "fail_thrpt" in r:
                    failures.append("%s, %s, concurrency %d, throughput run: %s"
                                    % (label(c), SHORT[method], t, r.get("fail_thrpt")))
                if "fail_sample" in r:
                    cells += ["**FAILED**", "–", "–"]
                    failures.append("%s, %s, concurrency %d, SampleTime run: %s"
                                    % (label(c), SHORT[method], t, r.get("fail_sample")))
                else:
                    cells += [fmt_us(r.get("p50")), fmt_us(r.get("p99")), fmt_us(r.get("p999"))]
                cells.append(fmt_bytes(r.get("alloc")))
                if with_cpu:
                    cells += [fmt_cpu(r.get("cpu_client")), fmt_cpu(r.get("cpu_server"))]
                L.append("| " + " | ".join(cells) + " |")
            if not with_rb:
                continue
            for lab, weight in WORKLOADS[method][1]:
                v = rb.get((lab, t))
                name = "redis-benchmark" + (" " + RB_NAME[lab] if lab in RB_NAME else "")
                tail = " – |" * (2 if with_cpu else 0)
                if v:
                    L.append("| %d | %s | %s | – | %s | %s | %s | – | – |%s"
                             % (t, name, fmt_ops(v["ops"]),
                                "100%" if len(WORKLOADS[method][1]) == 1 else "–",
                                fmt_us(v["p50"]), fmt_us(v["p99"]), tail))
                else:
                    L.append("| %d | %s | **FAILED** | – | – | – | – | – | – |%s" % (t, name, tail))
            if len(WORKLOADS[method][1]) > 1:
                L.append("| %d | redis-benchmark 80/20 | %s | – | 100%% | – | – | – | – |%s"
                         % (t, fmt_ops(ceil) if ceil else "–", " – |" * (2 if with_cpu else 0)))
        L.append("")

    if failures:
        L.append("## Failures")
        L.append("")
        for f in failures:
            L.append("- " + f)
        L.append("")

    L.append("## Notes")
    L.append("")
    L.append("- ops/s and heap B/op come from a JMH throughput run with `-prof gc` "
             "(`gc.alloc.rate.norm`: bytes allocated on the Java heap by all threads of the fork, "
             "per operation; native memory, such as a Rust core's or Netty's direct buffers, is not counted).")
    L.append("- p50/p99/p99.9 come from a separate JMH SampleTime run (every thread times its "
             "operations)" + ("; redis-benchmark reports no p99.9." if with_rb else "."))
    if reps > 1:
        L.append("- Every run was repeated %d times; each figure is the mean over the repetitions, "
                 "and \"per repetition\" lists each repetition's ops/s in the order they ran." % reps)
    if with_cpu:
        L.append("- CPU µs/op (`-prof io.glidejni.bench.CpuProfiler`, in the throughput run): CPU "
                 "time (user + system) of the benchmark JVM (client; all its threads, JMH's included) "
                 "and of the redis-server process, divided by the operations.")
    if with_rb:
        L.append("- Concurrency = JMH threads sharing one client instance (Jedis: a pool of that many "
                 "connections), each with one request in flight; redis-benchmark `-c` = that many "
                 "connections, each with one request in flight.")
        L.append("- W1's ceiling is redis-benchmark's GET (80% hits, same keys) and SET (existing keys, "
                 "100 B) combined 80/20 by time per operation: 1 / (0.8 / GET + 0.2 / SET).")
    else:
        L.append("- Concurrency = JMH threads sharing one client instance (Jedis: a pool of that many "
                 "connections), each with one request in flight.")
    for note in opts.get("notes", []):
        L.append("- " + note)
    L.append("")
    with open(path, "w") as f:
        f.write("\n".join(L))


def fmt_cpu(v):
    return "–" if v is None else "{:.1f}".format(v)


def write_chart(path, machine, clients, threads, methods, res, rb, chart_note=""):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = len(methods)
    cols = 2 if n > 1 else 1
    rows = (n + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(6.5 * cols, 4.6 * rows), squeeze=False)
    for i, method in enumerate(methods):
        ax = axes[i // cols][i % cols]
        for c in clients:
            xs, ys, fx = [], [], []
            for t in threads:
                r = res.get((c, t, method), {})
                if "ops" in r:
                    xs.append(t)
                    ys.append(r["ops"])
                else:
                    fx.append(t)
            style = ":" if split_variant(c)[1] == "plain" else "-"
            ax.plot(xs, ys, marker="o", linestyle=style, color=color(c), label=label(c))
            if fx:
                ax.plot(fx, [0] * len(fx), marker="x", linestyle="none", markersize=10,
                        color=color(c), label=label(c) + " failed")
        xs = [t for t in threads if ceiling(rb, method, t)]
        if xs:
            ax.plot(xs, [ceiling(rb, method, t) for t in xs], linestyle="--", marker="s",
                    color="black", label="redis-benchmark (ceiling)")
        ax.set_xscale("log")
        ax.set_xticks(threads)
        ax.set_xticklabels([str(t) for t in threads])
        ax.minorticks_off()
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: "{:,.0f}".format(v)))
        ax.set_title(WORKLOADS[method][0], fontsize=10)
        ax.set_xlabel("concurrency (requests in flight)")
        ax.set_ylabel("ops/s")
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
    for j in range(n, rows * cols):
        axes[j // cols][j % cols].axis("off")
    info = dict(machine)
    fig.suptitle("ops/s against concurrency, one local redis-server%s (%s cores, %s; %s)"
                 % (chart_note, info.get("nproc", "?"), info.get("cpu", "?"), info.get("date", "")), fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", required=True, action="append",
                    help="raw results; give it again for each repetition of the same runs")
    ap.add_argument("--out", required=True)
    ap.add_argument("--logs", default=[], action="append",
                    help="run logs (for failure reasons), one per --raw, in the same order")
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
    ap.add_argument("--tls-ceiling", nargs=2, metavar=("PLAIN_RAW", "TLS_RAW"),
                    help="directories each holding a redis-benchmark/ of CSVs, from the plaintext and "
                         "the TLS server: adds what TLS costs the server's own client")
    a = ap.parse_args()
    found = [set(), set(), set()]
    for raw in a.raw:
        for acc, more in zip(found, discover(raw)):
            acc |= more
    clients = a.clients.split() if a.clients else sorted(found[0], key=client_order)
    threads = [int(t) for t in a.threads.split()] if a.threads else sorted(found[1])
    methods = a.methods.split() if a.methods else [m for m in WORKLOADS if m in found[2]]
    machine = []
    try:
        with open(a.machine or os.path.join(a.raw[0], "machine.txt")) as f:
            for line in f:
                if ":" in line:
                    k, v = line.split(":", 1)
                    machine.append((k.strip(), v.strip()))
    except OSError:
        pass
    runs = []
    for i, raw in enumerate(a.raw):
        compact_json(raw, clients)
        logs = a.logs[i] if i < len(a.logs) else ""
        runs.append(jmh_results(raw, logs, clients, threads, methods))
    res = combine(runs)
    rb = {} if a.no_redis_benchmark else redis_benchmark(a.raw[0], threads)
    opts = {"no_redis_benchmark": a.no_redis_benchmark, "reps": len(a.raw), "notes": a.note}
    if a.title:
        opts["title"] = a.title
    if a.intro:
        opts["intro"] = a.intro
    os.makedirs(a.out, exist_ok=True)
    png = "ops_vs_concurrency.png"
    write_chart(os.path.join(a.out, png), machine, clients, threads, methods, res, rb, a.chart_note)
    write_markdown(os.path.join(a.out, "results.md"), machine, clients, threads, methods, res, rb, png, opts)
    if a.tls_ceiling:
        section = tls_ceiling_section(redis_benchmark(a.tls_ceiling[0], threads),
                                      redis_benchmark(a.tls_ceiling[1], threads), threads, methods, res)
        with open(os.path.join(a.out, "results.md"), "a") as f:
            f.write("\n".join(section) + "\n")
    missing = sum(1 for r in res.values() if "ops" not in r)
    print("report.py: %d client results, %d redis-benchmark results, %d failed throughput runs"
          % (sum(1 for r in res.values() if "ops" in r), len(rb), missing), file=sys.stderr)


if __name__ == "__main__":
    main()
