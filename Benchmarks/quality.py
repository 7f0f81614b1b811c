#!/usr/bin/env python3
"""Search quality: the judged query set (quality/queries.tsv) on referat and on the peers.

Every engine gets the same records: `referat parse` splits Corpus/ into items (and documents
without items), and each record's cleaned text (title, body sections, decisions,
attachments), and each document's text before its first item, is indexed by SQLite FTS5 (unicode61), tantivy (Danish stemmer and stop words),
Xapian (Danish stemmer) and PostgreSQL (to_tsvector('danish')), with their usual Danish setup
as in ../shared/bench/peers.py. referat imports Corpus/ itself and is queried through its CLI.
All engines AND the words of a query; a quoted query is a phrase. For typos referat follows
its own "Mente du" suggestion, as a user would; the peers have none.
Reports recall@10, MRR and nDCG@10 per category; "no match" queries score 1 when nothing is
returned. Writes the quality section of BENCHMARKS.md and bench-work/quality.json.

The same measure runs on any folder of documents with its own judgments, without touching
BENCHMARKS.md (see --help): for example a judged set of real minutes kept outside the repository,
judged per document (`--documents`: every engine's ranking collapses to its documents, first hit
first), with `--out` naming the JSON report (a Markdown table is written beside it).
"""
import argparse, glob, json, math, os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERAT = os.path.join(ROOT, ".build", "release", "referat")
WORK = os.path.join(ROOT, "bench-work", "quality")
OPTS = None  # the command line, read in main()


def options(argv=None):
    env = os.environ.get
    p = argparse.ArgumentParser(description="Search quality of referat and the peers on judged queries.")
    p.add_argument("--corpus", default=env("QUALITY_CORPUS"),
                   help="folder of documents (default: Corpus/ without its unjudged 2xx samples)")
    p.add_argument("--queries", default=env("QUALITY_QUERIES", os.path.join(os.path.dirname(os.path.abspath(__file__)), "quality", "queries.tsv")),
                   help="judged queries, in the format of quality/queries.tsv")
    p.add_argument("--all-files", action="store_true", default=bool(env("QUALITY_ALL_FILES")),
                   help="judge every file of the folder (no 2xx or 4xx exclusion)")
    p.add_argument("--documents", action="store_true", default=bool(env("QUALITY_DOCUMENTS")),
                   help="judgments name documents (file prefix), not records: rankings collapse to documents")
    p.add_argument("--out", default=env("QUALITY_OUT"),
                   help="write the JSON report here and a Markdown table beside it, instead of BENCHMARKS.md")
    p.add_argument("--referat", default=env("REFERAT_BIN", REFERAT), help="the referat binary to measure")
    return p.parse_args(argv)


def depth():
    """How many records an engine returns: ten, or enough to fill ten documents when they collapse."""
    return 50 if OPTS.documents else 10


def documents(ranked):
    """A ranking of records as a ranking of their documents (`prefix#…` → `prefix`), first hit first."""
    out = []
    for r in ranked:
        d = r.split("#")[0]
        if d not in out:
            out.append(d)
    return out


def record_id(prefix, case=None, kind=None, title=None, case_number=None, header=False):
    if header:
        return "%s#header" % prefix
    if case_number:
        return "%s#%s" % (prefix, case_number)
    if kind in ("letter", "webpage", "other") or title is None:
        return prefix
    return "%s#%s" % (prefix, title)


def judged_files():
    """The Corpus files the judgments were made over: the seeds, the format samples (1xx) and
    the analysis samples (3xx). The 2xx and 4xx layout samples, written later for the parser,
    were never judged: their relevant records would count as misses for every engine (as the
    tests' search corpus leaves them out too)."""
    folder = OPTS.corpus or os.path.join(ROOT, "Corpus")
    return sorted(f for f in glob.glob(os.path.join(folder, "*"))
                  if os.path.isfile(f) and (OPTS.all_files or not os.path.basename(f).startswith(("2", "4"))))


def records():
    files = judged_files()
    out = subprocess.run([OPTS.referat, "parse", "--format", "json"] + files, capture_output=True, text=True).stdout
    docs = []
    for d in json.loads(out)["documents"]:
        prefix = os.path.basename(d["path"])[:3]
        if not d["cases"]:
            docs.append((record_id(prefix, kind=d["kind"]), d["title"] + "\n" + d["text"]))
        elif d.get("preamble"):
            # The text before the first item (meeting header, members, list of items).
            docs.append((record_id(prefix, header=True), d["title"] + "\n" + d["preamble"]))
        for c in d["cases"]:
            parts = [c["title"], c.get("caseNumber") or ""]
            parts += [s["heading"] + "\n" + s["text"] for s in c["sections"]]
            parts += [(x.get("body") or "") + ": " + decision_text(x, d.get("meeting")) for x in c["decisions"]]
            parts += [a["title"] for a in c["attachments"]]
            docs.append((record_id(prefix, title=c["title"], case_number=c.get("caseNumber")), "\n".join(parts)))
    return docs


def decision_text(x, meeting):
    """A decision as referat's entries hold it (EntryText.text(of:in:)): its text and the names the
    parser lifted out of it (absentees, members who took no part) that the meeting's header does
    not give (the header's record holds those)."""
    header = {p["name"] for p in (meeting or {}).get("absent", []) + (meeting or {}).get("notParticipating", [])}
    people = [p["name"] + (" (%s)" % p["party"] if p.get("party") else "")
              for p in x.get("absent", []) + x.get("notParticipating", []) if p["name"] not in header]
    return "\n".join([x["text"]] + people)


def queries():
    out = []
    with open(OPTS.queries, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cat, q, rel = (line.rstrip("\n").split("\t") + [""])[:3]
            out.append((cat, q, dict(grade(r) for r in rel.split("|") if r)))
    return out


def grade(judgment):
    """A judged record and its gain: `id` is relevant (1), `id^2` is what the query is about (2)."""
    record, _, gain = judgment.partition("^")
    return record, int(gain or 1)


# ---------------------------------------------------------------- engines

def referat_engine(docs):
    index = os.path.join(WORK, "referat.sqlite")
    for s in ("", "-wal", "-shm"):
        if os.path.exists(index + s):
            os.remove(index + s)
    shutil.rmtree(index + ".segments", ignore_errors=True)
    corpus = os.path.join(WORK, "corpus")
    shutil.rmtree(corpus, ignore_errors=True)
    os.makedirs(corpus)
    for f in judged_files():
        shutil.copy(f, corpus)
    subprocess.run([OPTS.referat, "import", corpus, "--index", index], capture_output=True, check=True)

    def run(q):
        r = subprocess.run([OPTS.referat, "search", q, "--index", index, "--format", "json", "--limit", str(depth())], capture_output=True, text=True)
        data = json.loads(r.stdout) if r.stdout.strip() else {"hits": []}
        if not data["hits"] and data.get("suggestion"):
            r = subprocess.run([OPTS.referat, "search", data["suggestion"], "--index", index, "--format", "json", "--limit", str(depth())], capture_output=True, text=True)
            data = json.loads(r.stdout) if r.stdout.strip() else {"hits": []}
        # A hit without case number and line in a document with items is its header entry.
        return [record_id(os.path.basename(h["path"])[:3], kind=h["kind"], title=h["title"], case_number=h.get("caseNumber"),
                          header=h["kind"] in ("minutes", "agendaItem") and h.get("caseNumber") is None and h.get("line") is None)
                for h in data["hits"]]
    return run


def sqlite_engine(docs):
    import sqlite3
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE d USING fts5(body, tokenize='unicode61 remove_diacritics 0')")
    db.executemany("INSERT INTO d(rowid, body) VALUES (?, ?)", [(i, t) for i, (_, t) in enumerate(docs)])

    def run(q):
        expr = q if q.startswith('"') else " ".join('"%s"' % w.replace('"', "") for w in q.split())
        try:
            return [docs[r][0] for (r,) in db.execute("SELECT rowid FROM d WHERE d MATCH ? ORDER BY rank LIMIT ?", (expr, depth()))]
        except sqlite3.OperationalError:
            return []
    return run


def tantivy_engine(docs):
    import tantivy
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("body", stored=False, tokenizer_name="da")
    sb.add_integer_field("id", stored=True)
    index = tantivy.Index(sb.build())
    index.register_tokenizer("da", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase())
                             .filter(tantivy.Filter.stopword("danish")).filter(tantivy.Filter.stemmer("danish")).build())
    w = index.writer(heap_size=50_000_000, num_threads=1)
    for i, (_, t) in enumerate(docs):
        w.add_document(tantivy.Document(body=t, id=i))
    w.commit()
    w.wait_merging_threads()
    index.reload()
    s = index.searcher()

    def run(q):
        text = q if q.startswith('"') else " ".join("+" + w for w in q.split())
        try:
            hits = s.search(index.parse_query(text, ["body"]), depth()).hits
        except ValueError:
            return []
        return [docs[s.doc(a)["id"][0]][0] for _, a in hits]
    return run


def xapian_engine(docs):
    # python3-xapian lives in Debian's Python: run this engine there and read its answers.
    script = r'''
import json, sys, xapian
docs, qs, depth = json.load(open(sys.argv[1]))
db = xapian.WritableDatabase("", xapian.DB_BACKEND_INMEMORY)
tg = xapian.TermGenerator(); tg.set_stemmer(xapian.Stem("danish"))
for i, (_, t) in enumerate(docs):
    d = xapian.Document(); tg.set_document(d); tg.index_text(t); d.set_data(str(i)); db.add_document(d)
qp = xapian.QueryParser(); qp.set_stemmer(xapian.Stem("danish")); qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
qp.set_default_op(xapian.Query.OP_AND); qp.set_database(db)
enq = xapian.Enquire(db); out = {}
for q in qs:
    enq.set_query(qp.parse_query(q)); out[q] = [docs[int(m.document.get_data())][0] for m in enq.get_mset(0, depth)]
print(json.dumps(out))
'''
    path = os.path.join(WORK, "xapian-input.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump([docs, [q for _, q, _ in queries()], depth()], f)
    out = subprocess.run(["/usr/bin/python3", "-c", script, path], capture_output=True, text=True, check=True).stdout
    answers = json.loads(out)
    return lambda q: answers.get(q, [])


def postgres_engine(docs):
    bindir = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
    work = tempfile.mkdtemp(prefix="pgq-")
    data, sock = os.path.join(work, "pg"), os.path.join(work, "sock")
    os.makedirs(sock)
    user = [] if os.geteuid() else ["runuser", "-u", "postgres", "--"]
    if not os.geteuid():
        shutil.chown(work, "postgres"); shutil.chown(sock, "postgres")
    subprocess.run(user + [bindir + "/initdb", "-D", data, "-A", "trust", "-U", "postgres"], check=True, capture_output=True)
    subprocess.run(user + [bindir + "/pg_ctl", "-D", data, "-l", os.path.join(work, "log"), "-o", "-k %s -c listen_addresses=''" % sock, "-w", "start"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def psql(sql):
        return subprocess.run(["psql", "-h", sock, "-U", "postgres", "-qAtX", "-v", "ON_ERROR_STOP=1"], input=sql, capture_output=True, text=True, check=True).stdout

    def lit(s):
        return "'" + s.replace("'", "''") + "'"
    try:
        psql("CREATE TABLE d(id int, body text, tsv tsvector);" + "".join(
            "INSERT INTO d VALUES (%d, %s, to_tsvector('danish', %s));" % (i, lit(t), lit(t)) for i, (_, t) in enumerate(docs)))
        answers = {}
        for _, q, _ in queries():
            fn = "phraseto_tsquery" if q.startswith('"') else "plainto_tsquery"
            text = q.strip('"')
            rows = psql("SELECT id FROM d WHERE tsv @@ %s('danish', %s) ORDER BY ts_rank(tsv, %s('danish', %s)) DESC, id LIMIT %d;" % (fn, lit(text), fn, lit(text), depth()))
            answers[q] = [docs[int(r)][0] for r in rows.split()]
        return lambda q: answers.get(q, [])
    finally:
        subprocess.run(user + [bindir + "/pg_ctl", "-D", data, "-m", "fast", "stop"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


ENGINES = [("referat", referat_engine), ("sqlite-fts5", sqlite_engine), ("tantivy", tantivy_engine), ("xapian", xapian_engine), ("postgres", postgres_engine)]

# ---------------------------------------------------------------- metrics

def scores(ranked, relevant):
    """recall@10, MRR and nDCG@10 of a ranking against graded judgments ({record: gain});
    with every gain 1 this is plain binary nDCG."""
    if not relevant:
        return {"recall@10": float(not ranked), "mrr": float(not ranked), "ndcg@10": float(not ranked)}
    top = ranked[:10]
    hits = [1 if r in relevant else 0 for r in top]
    recall = sum(hits) / len(relevant)
    mrr = next((1 / (i + 1) for i, h in enumerate(hits) if h), 0.0)
    dcg = sum(relevant.get(r, 0) / math.log2(i + 2) for i, r in enumerate(top))
    ideal = sum(g / math.log2(i + 2) for i, g in enumerate(sorted(relevant.values(), reverse=True)[:10]))
    return {"recall@10": recall, "mrr": mrr, "ndcg@10": dcg / ideal}


def main():
    global OPTS, WORK
    OPTS = options()
    if OPTS.out:
        # A measure of its own: its index and copies beside its report, not in bench-work/.
        WORK = os.path.splitext(os.path.abspath(OPTS.out))[0] + "-work"
    os.makedirs(WORK, exist_ok=True)
    docs = records()
    qs = queries()
    report = {"records": len(docs), "queries": len(qs), "engines": {}}
    for name, make in ENGINES:
        try:
            run = make(docs)
        except Exception as e:
            report["engines"][name] = {"error": str(e)[:300]}
            print("quality: %s failed: %s" % (name, e), file=sys.stderr)
            continue
        per = {}
        details = []
        for cat, q, rel in qs:
            ranked = run(q)
            if OPTS.documents:
                ranked = documents(ranked)
            s = scores(ranked, rel)
            per.setdefault(cat, []).append(s)
            details.append({"category": cat, "query": q, "returned": ranked, "relevant": rel, **s})
        summary = {cat: {k: sum(x[k] for x in v) / len(v) for k in ("recall@10", "mrr", "ndcg@10")} for cat, v in per.items()}
        summary["all"] = {k: sum(d[k] for d in details) / len(details) for k in ("recall@10", "mrr", "ndcg@10")}
        report["engines"][name] = {"summary": summary, "queries": details}
        print("quality: %s nDCG@10 %.3f" % (name, summary["all"]["ndcg@10"]), file=sys.stderr)
    out = OPTS.out or os.path.join(ROOT, "bench-work", "quality.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False, indent=1)
    write_markdown(report, qs)


def write_markdown(report, qs):
    import re
    cats = []
    for c, _, _ in qs:
        if c not in cats:
            cats.append(c)
    engines = [e for e in report["engines"] if "summary" in report["engines"][e]]
    lines = ["<!-- quality:start -->",
             "%d judged queries over the %d records of `%s` (`%s`)%s." % (
                 report["queries"], report["records"], OPTS.corpus or "Corpus/",
                 os.path.relpath(OPTS.queries, ROOT) if not OPTS.corpus else os.path.basename(OPTS.queries),
                 ", judged per document" if OPTS.documents else ""), ""]
    for metric in ("ndcg@10", "recall@10", "mrr"):
        lines += ["**%s**" % metric, "", "| category | queries | " + " | ".join(engines) + " |", "| --- | ---: | " + " | ".join("---:" for _ in engines) + " |"]
        for cat in cats + ["all"]:
            n = sum(1 for c, _, _ in qs if c == cat) if cat != "all" else len(qs)
            vals = [report["engines"][e]["summary"][cat][metric] for e in engines]
            best = max(vals)
            cells = [("**%.3f**" % v if v == best else "%.3f" % v) for v in vals]
            lines.append("| %s | %d | %s |" % (cat, n, " | ".join(cells)))
        lines.append("")
    for e, r in report["engines"].items():
        if "error" in r:
            lines.append("%s could not run: %s" % (e, r["error"]))
    lines.append("<!-- quality:end -->")
    if OPTS.out:
        with open(os.path.splitext(OPTS.out)[0] + ".md", "w", encoding="utf-8") as f:
            f.write("\n".join(lines[1:-1]) + "\n")
        return
    path = os.path.join(ROOT, "BENCHMARKS.md")
    text = open(path, encoding="utf-8").read()
    body = "\n".join(lines)
    if "<!-- quality:start -->" in text:
        text = re.sub(r"<!-- quality:start -->.*?<!-- quality:end -->", lambda _: body, text, flags=re.S)
    else:
        text = text.replace("## What was profiled and changed", "## Search quality\n\n" + body + "\n\n## What was profiled and changed")
    open(path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()
