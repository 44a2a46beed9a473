"""Issue 16's targets, checked against one run of benchmarks/run.sh, for report.py.

Every ratio is glide-jni against its peers in the SAME run, computed per repetition (repetition i
of glide-jni against repetition i of the peer: the clients of one repetition ran one after another,
so a disturbance of this noisy machine hits both or shows as spread) and shown as the mean with the
range of the per-repetition ratios. A target is "met" only if every repetition meets it.

The targets (issue 16, "Targets"):
  callbacks, W1, N = 16, 128, 512      ops/s >= 1.2x Lettuce's, CPU per operation <= Lettuce's
  virtual threads, W1, parallelism 1 and 2 (N = 100, 1000)
                                       ops/s >= 1.2x Lettuce's, p99 <= Lettuce's
  blocking threads (JMH), every workload and concurrency
                                       ops/s >= 1.0x the best of Lettuce and Jedis
and, from "How it will be checked" (an outside benchmark of the non-blocking modes, >= 1.2x Lettuce
at each of its points), the suite's other non-blocking modes:
  fan-out and semaphore, W1, every T x B ops/s >= 1.2x Lettuce's, CPU per operation <= Lettuce's
  callbacks, GET 16 KiB and 512 KiB, N = 16, 128, 512
                                       ops/s >= 1.2x Lettuce's, CPU per operation <= Lettuce's
(an outside benchmark need not use 100-byte values; the suite runs the callbacks mode with the
blocking suite's large values too, so they are held to the same check).
The cluster target (W1, 1 in flight, >= 0.9x a single server) is benchmarks/cluster's, not this
run's.
"""

CALLBACK_N = (16, 128, 512)
CALLBACK_RATIO = 1.2
# the modes with T threads x B requests each, held to the non-blocking check's ratio
PER_THREAD_MODES = ("fan-out", "semaphore")
# the callbacks mode's large-value workloads, held to the non-blocking check's ratio
LARGE_WORKLOADS = (("w2-16k", "GET 16 KiB"), ("w2-512k", "GET 512 KiB"))
VT_RATIO = 1.2
BLOCKING_RATIO = 1.0


def _fmt_ratio(ratios):
    if not ratios:
        return "–"
    mean = sum(ratios) / len(ratios)
    if len(ratios) == 1:
        return "%.2f" % mean
    return "%.2f (%.2f–%.2f)" % (mean, min(ratios), max(ratios))


def _verdict(ratios, goal, extra_ok=True):
    if not ratios:
        return "no data"
    return "met" if min(ratios) >= goal and extra_ok else "**not met**"


def _per_rep(point, field="ops_per_s"):
    """rep -> the field, for the repetitions that succeeded."""
    if point is None:
        return {}
    return {r.get("rep", 1): r[field] for r in point.ok() if r.get(field) is not None}


def _ratios(mine, theirs):
    return [mine[k] / theirs[k] for k in sorted(mine) if k in theirs and theirs[k]]


def _modes_rows(points, mode, par, ns, goal, second, workload="w1", transport="plain"):
    """Rows for one mode against Lettuce: (point, ops ratios, second criterion text, its ok)."""
    rows = []
    for n in ns:
        key = (mode, transport, workload, n, par)
        mine, lettuce = points.get(key + ("glide-jni",)), points.get(key + ("lettuce",))
        if mine is None and lettuce is None:
            continue
        ratios = _ratios(_per_rep(mine), _per_rep(lettuce))
        field, label = second
        a = mine.mean(field) if mine else None
        b = lettuce.mean(field) if lettuce else None
        if a is None or b is None:
            text, ok = "–", False
        else:
            text, ok = "%s %.1f vs %.1f" % (label, a, b), a <= b
        rows.append((n, ratios, text, ok, _verdict(ratios, goal, ok)))
    return rows


def section(res, points, methods, threads, short):
    """The lines of results.md's targets section; [] when the run has none of the modes."""
    L = ["## Issue 16's targets in this run", "",
         "glide-jni's ratio to the peer named, per repetition (mean, and the range over the "
         "repetitions); **met** only if every repetition meets it. The cluster target is "
         "`benchmarks/cluster`'s.", "",
         "| mode | point | target | glide-jni / peer, ops/s | second criterion (glide-jni vs peer) | verdict |",
         "|---|---|---|---:|---|---|"]
    n_rows = 0
    met = 0

    def w1_rows(transport, api):
        """The issue's callbacks and virtual-thread points (W1) over `transport`; `api` names the
        String API in the rows' labels, which makes them outside checks."""
        nonlocal n_rows, met
        outside = " (outside check)" if api else ""
        for n, ratios, text, ok, verdict in _modes_rows(
                points, "callbacks", 0, CALLBACK_N, CALLBACK_RATIO, ("cpu_client_us_per_op", "CPU µs/op"),
                transport=transport):
            L.append("| callbacks, W1%s%s | N = %d | ≥ %.1f× Lettuce, CPU/op ≤ | %s | %s | %s |"
                     % (api, outside, n, CALLBACK_RATIO, _fmt_ratio(ratios), text, verdict))
            n_rows += 1
            met += verdict == "met"
        vt_ns = sorted({k[3] for k in points if k[0] == "virtual-threads" and k[1] == transport and k[2] == "w1"})
        for par in (1, 2):
            for n, ratios, text, ok, verdict in _modes_rows(
                    points, "virtual-threads", par, vt_ns, VT_RATIO, ("p99_us", "p99 µs"), transport=transport):
                L.append("| virtual threads, W1%s, parallelism %d%s | N = %d | ≥ %.1f× Lettuce, p99 ≤ | %s | %s | %s |"
                         % (api, par, outside, n, VT_RATIO, _fmt_ratio(ratios), text, verdict))
                n_rows += 1
                met += verdict == "met"

    w1_rows("plain", "")
    for mode in PER_THREAD_MODES:
        for b in sorted({k[4] for k in points if k[0] == mode and k[1] == "plain" and k[2] == "w1"}):
            ts = sorted({k[3] for k in points if k[0] == mode and k[1] == "plain" and k[2] == "w1" and k[4] == b})
            for t, ratios, text, ok, verdict in _modes_rows(
                    points, mode, b, ts, CALLBACK_RATIO, ("cpu_client_us_per_op", "CPU µs/op")):
                L.append("| %s, W1 (outside check) | %d x %d | ≥ %.1f× Lettuce, CPU/op ≤ | %s | %s | %s |"
                         % (mode, t, b, CALLBACK_RATIO, _fmt_ratio(ratios), text, verdict))
                n_rows += 1
                met += verdict == "met"
    for transport, api in (("plain", ""), ("plain-text", ", String API")):
        for workload, label in LARGE_WORKLOADS:
            for n, ratios, text, ok, verdict in _modes_rows(
                    points, "callbacks", 0, CALLBACK_N, CALLBACK_RATIO, ("cpu_client_us_per_op", "CPU µs/op"),
                    workload, transport):
                L.append("| callbacks, %s%s (outside check) | N = %d | ≥ %.1f× Lettuce, CPU/op ≤ | %s | %s | %s |"
                         % (label, api, n, CALLBACK_RATIO, _fmt_ratio(ratios), text, verdict))
                n_rows += 1
                met += verdict == "met"
    # the same W1 points through each client's String API (Lettuce's UTF-8 codec), when the run
    # has them (callbacks/run.sh's CALLBACKS_APIS=text): most services call that API
    w1_rows("plain-text", ", String API")
    for method in methods:
        for t in threads:
            mine = res.get(("glide-jni", t, method))
            peers = [(name, res.get((c, t, method))) for c, name in (("lettuce", "Lettuce"), ("jedis", "Jedis"))]
            peers = [(name, p) for name, p in peers if p and p.get("ops") is not None]
            if not mine or mine.get("ops") is None or not peers:
                continue
            runs = lambda r: r.get("reps") or [r["ops"]]
            ratios = []
            for i in range(min(len(runs(r)) for r in [mine] + [p for _, p in peers])):
                best = max(runs(p)[i] or 0 for _, p in peers)
                own = runs(mine)[i]
                if best and own is not None:
                    ratios.append(own / best)
            best_name = max(peers, key=lambda np: np[1]["ops"])[0]
            verdict = _verdict(ratios, BLOCKING_RATIO)
            L.append("| blocking threads (JMH), %s | %d in flight | ≥ %.1f× best of Lettuce, Jedis | %s | best in means: %s | %s |"
                     % (short.get(method, method), t, BLOCKING_RATIO, _fmt_ratio(ratios), best_name, verdict))
            n_rows += 1
            met += verdict == "met"
    if n_rows == 0:
        return []
    L.append("")
    L.append("%d of %d target points met in this run." % (met, n_rows))
    L.append("")
    return L
