#!/usr/bin/env python3
"""Writes Tests/ReferatAnalysisTests/Fixtures/snowball_danish_reference.tsv: word TAB stem, from
the reference implementation of Snowball's Danish stemmer (PyPI package snowballstemmer, BSD).
Vocabulary: every word of Corpus/ plus every 100th form of /usr/share/dict/danish (wdanish),
lower-cased, sorted. Run: pip install snowballstemmer && python3 Scripts/gen_stem_reference.py"""
import glob, os, re, snowballstemmer

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..")
words = set()
for path in glob.glob(os.path.join(root, "Corpus", "*.txt")):
    with open(path, encoding="utf-8", errors="ignore") as f:
        words.update(w.lower() for w in re.findall(r"[^\W\d_]+", f.read()))
with open("/usr/share/dict/danish", encoding="utf-8") as f:
    lexicon = [w.strip().lower() for w in f if w.strip() and "'" not in w]
words.update(lexicon[::100])
stemmer = snowballstemmer.stemmer("danish")
out = os.path.join(root, "Tests", "ReferatAnalysisTests", "Fixtures", "snowball_danish_reference.tsv")
with open(out, "w", encoding="utf-8") as f:
    f.write("# word\tstem (Snowball Danish, PyPI snowballstemmer %s)\n" % getattr(snowballstemmer, "__version__", ""))
    for w in sorted(words):
        f.write("%s\t%s\n" % (w, stemmer.stemWord(w)))
print(len(words), "words")
