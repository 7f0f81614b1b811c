#!/usr/bin/env python3
"""make bench: referat beside SQLite FTS5, tantivy, Xapian and PostgreSQL, in one run.

Generates corpora with ../shared/bench/gen_corpus.py (10 and 100 MB by default; set
REFERAT_BENCH_MB=10 for a quick run), imports each with the release binary of referat,
times the query set in-process (`referat bench queries`), runs ../shared/bench/peers.py for
every peer on the same files with the same queries, and writes BENCHMARKS.md with ratios.
Import figures are medians over REFERAT_BENCH_RUNS runs (default 3 for 10 MB, 1 above).
Installs what the peers need (pip tantivy; Debian python3-xapian, postgresql, time).
"""
import json, os, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.abspath(os.path.join(ROOT, "..", "shared", "bench"))
WORK = os.path.join(ROOT, "bench-work")
REFERAT = os.path.join(ROOT, ".build", "release", "referat")
SIZES = [float(x) for x in os.environ.get("REFERAT_BENCH_MB", "10,100").split(",")]
PEERS = ["sqlite-fts5", "tantivy", "xapian", "postgres"]

QUERIES = {
    "single words": ["rammeaftale", "psykiatri", "kommunerne", "godkendt", "udviklingsområder", "socialområde",
                     "takster", "botilbud", "lovgrundlag", "kommunalbestyrelsen"],
    "two words": ["børn unge", "midtjyske kommuner", "region midtjylland", "specialiserede tilbud", "kapacitet styring",
                  "rekruttering fastholdelse", "mental sundhed", "komplekse udfordringer", "økonomiske konsekvenser",
                  "udkast rammeaftale"],
    "phrases": ['"specialiserede socialområde"', '"økonomiske konsekvenser"', '"region midtjylland"', '"den nære psykiatri"',
                '"komplekse udfordringer"'],
    "prefixes": ["rammeaft*", "psykiat*", "kommun*", "udvikl*", "takst*"],
    "filters": ["godkendt udvalg:KB", "rammeaftale dato:2020", "psykiatri beslutning:godkendt", "takster parti:A",
                "udkast udvalg:BUU dato:2018..2019"],
}
PEER_QUERIES = QUERIES["single words"] + QUERIES["two words"]

# Queries a hostile user could send (issue 21): each is timed alone, worst of 3 runs. A query
# over referat's limits (README, "Limits") is refused; its time is the time of the refusal.
COMMON = ["kommune", "beslutning", "godkendt", "udvalg", "sag", "budget", "børn", "skole", "plan", "økonomi", "forslag",
          "bevilling", "område", "indstilling", "borgere", "region", "drøftet", "tiltrådt", "orientering", "lokalplan",
          "takster", "anlæg", "rammeaftale", "politik", "strategi", "høring", "ældre", "social", "sundhed", "kultur",
          "miljø", "teknik"]
ADVERSARIAL = {
    "40 one-letter prefixes": " ".join(c + "*" for c in ("abcdefghijklmnopqrstuvwxyzæøå" * 2)[:40]),
    "500 prefixes": " ".join(["ab*"] * 499),
    "one-letter prefix": "k*",
    "4 common prefixes": "kom* for* til* sag*",
    "4 common prefixes, OR": "kom* OR for* OR til* OR sag*",
    "32 common words, OR": " OR ".join(COMMON),
    "32 common words, AND": " ".join(COMMON),
    "phrase of 30 common words": '"' + " ".join(COMMON[:30]) + '"',
    "10 phrases of 3 words, OR": " OR ".join('"%s"' % " ".join(COMMON[i:i + 3]) for i in range(0, 30, 3)),
    "32 misspelled words": " ".join(w[:-1] + "x" + w[-1] for w in COMMON),
    "500 nested parentheses": "(" * 500 + "kommune" + ")" * 500,
}


def bench_adversarial(index):
    """Worst time of each adversarial query on `index`, in ms, and whether it was refused."""
    out = {}
    for name, query in ADVERSARIAL.items():
        qfile = os.path.join(WORK, "adversarial.txt")
        with open(qfile, "w", encoding="utf-8") as f:
            f.write(query + "\n")
        r = json.loads(sh([REFERAT, "bench", "queries", qfile, "--index", index, "--repeat", "3"]).stdout)
        out[name] = {"max_ms": r["query_max_ms"], "refused": r["refused"] > 0}
    return out


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def ensure_peer_tools():
    try:
        import tantivy  # noqa: F401
    except ImportError:
        sh([sys.executable, "-m", "pip", "install", "-q", "tantivy"])
    missing = [p for p in ("python3-xapian", "postgresql", "time") if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode]
    if missing:
        sh(["apt-get", "install", "-y", "-qq"] + missing, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


def timed(cmd):
    """Runs cmd under /usr/bin/time; returns (stdout, peak RSS in MB, wall seconds)."""
    t = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "RSSKB=%M"] + cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if r.returncode not in (0, 1):
        raise RuntimeError("%s failed: %s" % (cmd, r.stderr[-2000:]))
    rss = max(int(l.split("=")[1]) for l in r.stderr.splitlines() if l.startswith("RSSKB=")) / 1024
    return r.stdout, rss, wall


def du(path):
    total = 0
    for dirpath, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(dirpath, f))
            except OSError:
                pass
    return total


def corpus(mb):
    path = os.path.join(WORK, "corpus-%g" % mb)
    meta = path + ".json"
    if not os.path.exists(meta):
        shutil.rmtree(path, ignore_errors=True)
        out = sh([sys.executable, os.path.join(SHARED, "gen_corpus.py"), path, "--mb", str(mb), "--seed", "1"]).stdout
        with open(meta, "w") as f:
            f.write(out)
    with open(meta) as f:
        return path, json.loads(f.read())


def bench_referat(path, mb, runs):
    index = os.path.join(WORK, "referat-%g.sqlite" % mb)
    imports = []
    for _ in range(runs):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(index + suffix):
                os.remove(index + suffix)
        shutil.rmtree(index + ".segments", ignore_errors=True)
        out, rss, _ = timed([REFERAT, "import", path, "--index", index, "--format", "json"])
        s = json.loads(out)
        imports.append((s["bytes"] / 1e6 / s["seconds"], s["cases"] / s["seconds"], rss, s["seconds"],
                        s["parsingCPUSeconds"], s["writingCPUSeconds"], s["finishingSeconds"]))
    segments = index + ".segments"
    size = sum(os.path.getsize(index + x) for x in ("", "-wal") if os.path.exists(index + x)) + sum(
        os.path.getsize(os.path.join(segments, n)) for n in (os.listdir(segments) if os.path.isdir(segments) else []))
    row = {"engine": "referat", "mb_per_s": statistics.median(i[0] for i in imports), "cases_per_s": statistics.median(i[1] for i in imports),
           "rss_mb": max(i[2] for i in imports), "index_bytes": size, "import_runs": [round(i[3], 2) for i in imports], "categories": {},
           # Where the median run's time went (see ImportSummary): the writer's CPU is a floor under the wall time.
           "time_split": dict(zip(("seconds", "parsing_cpu_s", "writing_cpu_s", "finishing_s"),
                                  (round(x, 2) for x in sorted(imports, key=lambda i: i[3])[len(imports) // 2][3:])))}
    for name, queries in [("peer set", PEER_QUERIES)] + list(QUERIES.items()):
        qfile = os.path.join(WORK, "queries-%s.txt" % name.replace(" ", "-"))
        with open(qfile, "w", encoding="utf-8") as f:
            f.write("\n".join(queries) + "\n")
        r = json.loads(sh([REFERAT, "bench", "queries", qfile, "--index", index, "--repeat", "5"]).stdout)
        row["categories"][name] = r
    row["query_p50_ms"] = row["categories"]["peer set"]["query_p50_ms"]
    row["query_p99_ms"] = row["categories"]["peer set"]["query_p99_ms"]
    row["adversarial"] = bench_adversarial(index)
    files = [os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs][:400]
    row["analyzer"] = json.loads(sh([REFERAT, "bench", "analyze"] + files).stdout)
    # The parser alone, on one thread (goal: 10 MB/s of CPU or better).
    row["parser"] = json.loads(sh([REFERAT, "bench", "parse"] + files).stdout)
    return row


def bench_peer(engine, path, mb, runs):
    qfile = os.path.join(WORK, "queries-peer-set.txt")
    python = "/usr/bin/python3" if engine == "xapian" else sys.executable
    results = []
    for _ in range(runs):
        workdir = os.path.join(WORK, "peer-%s-%g" % (engine, mb))
        shutil.rmtree(workdir, ignore_errors=True)
        os.makedirs(workdir)
        out, rss, _ = timed([python, os.path.join(SHARED, "peers.py"), engine, path, "--queries", qfile, "--workdir", workdir])
        r = json.loads(out.strip().splitlines()[-1])
        r["rss_mb"] = rss
        r["index_bytes"] = du(workdir)
        results.append(r)
    best = results[0]
    best["mb_per_s"] = statistics.median(r["mb_per_s"] for r in results)
    best["cases_per_s"] = statistics.median(r["docs"] / r["index_s"] for r in results)
    best["query_p50_ms"] = statistics.median(r["query_p50_ms"] for r in results)
    best["query_p99_ms"] = statistics.median(r["query_p99_ms"] for r in results)
    shutil.rmtree(os.path.join(WORK, "peer-%s-%g" % (engine, mb)), ignore_errors=True)
    return best


def main():
    os.makedirs(WORK, exist_ok=True)
    ensure_peer_tools()
    report = {"sizes": []}
    for mb in SIZES:
        path, meta = corpus(mb)
        runs = int(os.environ.get("REFERAT_BENCH_RUNS", "3" if mb <= 10 else "1"))
        print("bench: %g MB corpus (%d files, %d cases), %d run(s)" % (mb, meta["files"], meta["cases"], runs), file=sys.stderr)
        rows = [bench_referat(path, mb, runs)]
        print("bench: referat %.2f MB/s" % rows[0]["mb_per_s"], file=sys.stderr)
        for engine in PEERS:
            try:
                rows.append(bench_peer(engine, path, mb, runs))
                print("bench: %s %.2f MB/s" % (engine, rows[-1]["mb_per_s"]), file=sys.stderr)
            except Exception as e:  # a peer that cannot run is reported, not fatal
                rows.append({"engine": engine, "error": str(e)[:300]})
        report["sizes"].append({"mb": mb, "text_bytes": meta["bytes"], "files": meta["files"], "cases": meta["cases"], "rows": rows})
    with open(os.path.join(WORK, "report.json"), "w") as f:
        json.dump(report, f, indent=1)
    write_markdown(report)


def write_markdown(report):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import render
    render.write(report, os.path.join(ROOT, "BENCHMARKS.md"))


if __name__ == "__main__":
    if sys.argv[1:2] == ["adversarial"]:
        # python3 Benchmarks/run.py adversarial INDEX: only the adversarial queries, on an index made beforehand.
        os.makedirs(WORK, exist_ok=True)
        for name, r in bench_adversarial(sys.argv[2]).items():
            print("%-28s %9.2f ms%s" % (name, r["max_ms"], "  (refused)" if r["refused"] else ""))
    else:
        main()
