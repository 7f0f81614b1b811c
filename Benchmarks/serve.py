#!/usr/bin/env python3
"""make bench: `referat serve` on the 100 MB index of Benchmarks/run.py.

Starts the release binary's server on a free loopback port over bench-work/referat-<MB>.sqlite
(generating the corpus and importing it first if run.py has not), then
  1. times the search page (HTML with facets, as a browser asks for it) for every query of
     run.py's set, 5 times each, one at a time: p50/p99 of the whole page;
  2. runs a bounded load test: 50 concurrent clients (keep-alive connections, one thread each)
     ask for search pages in turn for 30 s, then stop; it reports requests, errors and
     throughput.
Only loopback addresses are ever asked. Writes bench-work/serve-<MB>.json and prints a table.
Set REFERAT_SERVE_MB (default 100), REFERAT_SERVE_CLIENTS (50) and REFERAT_SERVE_SECONDS (30).
"""
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (the corpus, the index and the query set of make bench)

MB = float(os.environ.get("REFERAT_SERVE_MB", "100"))
CLIENTS = int(os.environ.get("REFERAT_SERVE_CLIENTS", "50"))
SECONDS = float(os.environ.get("REFERAT_SERVE_SECONDS", "30"))
QUERIES = [q for qs in run.QUERIES.values() for q in qs]


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def page(query):
    return "/?" + urllib.parse.urlencode({"q": query})


def ensure_index():
    os.makedirs(run.WORK, exist_ok=True)
    index = os.path.join(run.WORK, "referat-%g.sqlite" % MB)
    if not os.path.exists(index):
        path, _ = run.corpus(MB)
        run.sh([run.REFERAT, "import", path, "--index", index])
    return index


def render_times(port):
    """Each query's search page, 5 times, one request at a time: ms per page."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    times = []
    for _ in range(5):
        for q in QUERIES:
            t = time.perf_counter()
            conn.request("GET", page(q))
            r = conn.getresponse()
            r.read()
            times.append((time.perf_counter() - t) * 1000)
            if r.status != 200:
                raise RuntimeError("%s answered %d" % (q, r.status))
    conn.close()
    return times


def load(port):
    """CLIENTS threads asking for search pages for SECONDS: (requests, errors, latencies in ms)."""
    stop = time.perf_counter() + SECONDS
    lock = threading.Lock()
    totals = {"requests": 0, "errors": 0, "latencies": []}

    def client(i):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        n, errors, latencies = 0, 0, []
        k = i
        while time.perf_counter() < stop:
            q = QUERIES[k % len(QUERIES)]
            k += 1
            t = time.perf_counter()
            try:
                conn.request("GET", page(q))
                r = conn.getresponse()
                r.read()
                if r.status != 200:
                    errors += 1
            except (OSError, http.client.HTTPException):
                errors += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            latencies.append((time.perf_counter() - t) * 1000)
            n += 1
        conn.close()
        with lock:
            totals["requests"] += n
            totals["errors"] += errors
            totals["latencies"] += latencies

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    totals["seconds"] = time.perf_counter() - started
    return totals


def main():
    index = ensure_index()
    port = free_port()
    server = subprocess.Popen([run.REFERAT, "serve", "--index", index, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        times = render_times(port)
        result = load(port)
    finally:
        server.terminate()
        server.wait(timeout=30)
    report = {
        "mb": MB, "queries": len(QUERIES),
        "page_p50_ms": round(statistics.median(times), 2), "page_p99_ms": round(percentile(times, 99), 2),
        "clients": CLIENTS, "seconds": round(result["seconds"], 1), "requests": result["requests"], "errors": result["errors"],
        "requests_per_s": round(result["requests"] / result["seconds"], 1),
        "load_p50_ms": round(statistics.median(result["latencies"]), 1), "load_p99_ms": round(percentile(result["latencies"], 99), 1),
    }
    with open(os.path.join(run.WORK, "serve-%g.json" % MB), "w") as f:
        json.dump(report, f, indent=2)
    print("| index | page p50 / p99 (one at a time) | clients × s | requests | errors | requests/s | latency p50 / p99 under load |")
    print("|---|---|---|---|---|---|---|")
    print("| %g MB | %.1f / %.1f ms | %d × %.0f | %d | %d | %.1f | %.0f / %.0f ms |" % (
        MB, report["page_p50_ms"], report["page_p99_ms"], CLIENTS, report["seconds"], report["requests"], report["errors"],
        report["requests_per_s"], report["load_p50_ms"], report["load_p99_ms"]))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
