"""Renders bench-work/report.json into the measured part of BENCHMARKS.md."""
import os, re

START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def fmt(x, digits=2):
    return "—" if x is None else ("%.*f" % (digits, x))


def table(size):
    rows = size["rows"]
    ref = rows[0]
    text = size["text_bytes"]
    out = ["### %g MB corpus: %d files, %d cases, %.1f MB of text" % (size["mb"], size["files"], size["cases"], text / 1e6), "",
           "| engine | import MB/s | cases/s | peak RSS MB | index / text | query p50 ms | query p99 ms | referat import speed × | referat p50 × |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        if "error" in r:
            out.append("| %s | failed: %s | | | | | | | |" % (r["engine"], r["error"].replace("|", "/")[:120]))
            continue
        speed = ref["mb_per_s"] / r["mb_per_s"] if r is not ref else None
        latency = ref["query_p50_ms"] / r["query_p50_ms"] if r is not ref and r["query_p50_ms"] else None
        out.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r["engine"], fmt(r["mb_per_s"]), fmt(r["cases_per_s"], 0), fmt(r["rss_mb"], 0), fmt(r["index_bytes"] / text),
            fmt(r["query_p50_ms"], 3), fmt(r["query_p99_ms"], 3), fmt(speed) if speed else "", fmt(latency) if latency else ""))
    out += ["", "referat by query category (in-process, 5 repetitions each):", "",
            "| category | queries | p50 ms | p99 ms | hits in top 10 |", "| --- | ---: | ---: | ---: | ---: |"]
    for name, c in ref["categories"].items():
        out.append("| %s | %d | %s | %s | %d |" % (name, c["queries"], fmt(c["query_p50_ms"], 3), fmt(c["query_p99_ms"], 3), c["hits"]))
    if "parser" in ref:
        p = ref["parser"]
        out += ["", "Parser alone (one thread, CPU time, first 400 files): %.2f MB/s, %d items from %.1f MB (goal: 10 MB/s or better)."
                % (p["mb_per_s"], p["cases"], p["bytes"] / 1e6)]
    adversarial = ref.get("adversarial")
    if adversarial:
        out += ["", "referat on adversarial queries (each alone, worst of 3 runs; a query over the limits is refused, and its time is the refusal's):", "",
                "| query | worst ms | refused |", "| --- | ---: | --- |"]
        for name, r in adversarial.items():
            out.append("| %s | %s | %s |" % (name, fmt(r["max_ms"], 2), "yes" if r["refused"] else ""))
    a = ref["analyzer"]
    out += ["", "Analyzer alone (document mode, first 400 files): %.2f MB/s, %d tokens from %.1f MB." % (a["mb_per_s"], a["tokens"], a["bytes"] / 1e6),
            "referat import runs (s): %s." % ", ".join(str(x) for x in ref["import_runs"])]
    split = ref.get("time_split")
    if split:
        fts5 = next((r for r in rows if r["engine"] == "sqlite-fts5" and "error" not in r), None)
        out.append("Where the median referat import's %.2f s went: %.2f s of CPU parsing and analysing (summed over the parsing threads), "
                   "%.2f s of CPU on SQLite's one writer, %.2f s finishing (learning words, compacting)%s." % (
                       split["seconds"], split["parsing_cpu_s"], split["writing_cpu_s"], split["finishing_s"],
                       "; SQLite FTS5 took %.2f s to index the same text, read into memory beforehand" % (fts5["bytes"] / 1e6 / fts5["mb_per_s"]) if fts5 else ""))
    out.append("")
    return "\n".join(out)


def write(report, path):
    body = START + "\n" + "\n".join(table(s) for s in report["sizes"]) + "\n" + END
    old = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Benchmarks\n\n" + START + "\n" + END + "\n"
    new = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: body, old, flags=re.S)
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)
