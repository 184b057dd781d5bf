"""Prints benchmark figures: wrk summaries, the hub's own overhead from its Prometheus histogram, peak RSS."""
import re
import sys


def to_ms(text):
    match = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    if not match:
        return float("nan")
    value, unit = match.groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def percentile(text, p):
    return to_ms(re.search(rf"^\s+{p}%\s+(\S+)", text, re.M).group(1))


def wrk(label, path):
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50, p99 = percentile(text, 50), percentile(text, 99)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, socket.groups())) if socket else 0)
    print(f"{label:<16} RPS {rps:>9.0f}   p50 {p50:>7.3f} ms   p99 {p99:>7.3f} ms   errors {errors}")


def added(direct_path, hub_path):
    """The hub's added latency: the same load's percentiles through the hub minus straight at the upstream."""
    direct, hub = open(direct_path).read(), open(hub_path).read()
    p50 = percentile(hub, 50) - percentile(direct, 50)
    p99 = percentile(hub, 99) - percentile(direct, 99)
    print(f"{'  added by hub':<16} p50 {p50:>7.3f} ms   p99 {p99:>7.3f} ms")


def buckets(path):
    counts = {}
    for line in open(path):
        m = re.match(r'oneaihub_proxy_hub_overhead_milliseconds_bucket\{.*le="([^"]+)".*\} (\d+)', line)
        if m:
            counts[m.group(1)] = counts.get(m.group(1), 0) + int(m.group(2))
    return counts


def overhead(before_path, after_path):
    before, after = buckets(before_path), buckets(after_path)
    bounds = sorted((float("inf") if k == "+Inf" else float(k), after[k] - before.get(k, 0)) for k in after)
    total = bounds[-1][1]
    if total == 0:
        print("hub overhead: no samples")
        return

    def quantile(q):
        for bound, cumulative in bounds:
            if cumulative >= q * total:
                return bound
        return float("inf")

    print(f"hub overhead (Server-Timing hub;dur, key+estimate+admit) over {total} requests: "
          f"p50 <= {quantile(0.5)} ms, p99 <= {quantile(0.99)} ms (histogram bucket bounds)")


def rss(pid, start=False):
    status = open(f"/proc/{pid}/status").read()
    hwm = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
    now = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
    print(f"WebApi memory: peak RSS {hwm:.0f} MiB (now {now:.0f} MiB)")


command = sys.argv[1]
if command == "wrk":
    wrk(sys.argv[2], sys.argv[3])
elif command == "added":
    added(sys.argv[2], sys.argv[3])
elif command == "overhead":
    overhead(sys.argv[2], sys.argv[3])
elif command in ("rss", "rss-start"):
    rss(sys.argv[2])
