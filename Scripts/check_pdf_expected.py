#!/usr/bin/env python3
"""Checks that each Corpus/expected/<name>.expected.json agrees with its PDF.

The expected files are written by hand from the samples in Scripts/pdf-samples/; this catches
a sample edited without its expected file (a title, case number, heading, name or page that
the PDF no longer shows) and votes that do not add up to the members present. It reads the
PDFs through `pdftotext -layout`, as referat does. Run by Scripts/make_pdf_samples.sh, or
alone: python3 Scripts/check_pdf_expected.py
"""
import json
import re
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
problems = []


def text_of(pdf):
    return subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


def flat(text):
    """The PDF's text with every run of white space, line breaks included, as one space."""
    return re.sub(r"\s+", " ", text)


def check(name, condition, message):
    if not condition:
        problems.append(f"{name}: {message}")


def person(p):
    return p["name"] + (f" ({p['party']})" if p.get("party") else "")


for path in sorted((root / "Corpus" / "expected").glob("*.expected.json")):
    expected = json.loads(path.read_text(encoding="utf-8"))
    name = path.name
    pdf = root / expected["file"]
    text = text_of(pdf)
    words = flat(text)
    pages = text.count("\f")
    check(name, pages == expected["pages"], f"{pages} pages, expected {expected['pages']}")
    meeting = expected["meeting"]
    for member in meeting["members"]:
        check(name, person(member) in text, f"member {person(member)} not in the PDF")
    for entry_number, entry_page in expected["contents"]["entries"]:
        check(name, re.search(rf"^ *{entry_number}\.\s.*\.{{5,}} *{entry_page}$", text, re.M),
              f"contents line for item {entry_number} on page {entry_page} not found")
    for word in expected["joinedWords"]:
        split = [f"{word[:i]}-" for i in range(2, len(word) - 1)]
        check(name, any(re.search(rf"{re.escape(s)}\n(?:.*\n){{0,12}}? *{re.escape(word[len(s) - 1:])}(?!\w)", text) for s in split),
              f"no line ending in a hyphenated part of {word}")
    present = len(meeting["members"]) - len(meeting["absent"])
    for case in expected["cases"]:
        number = case["number"]
        check(name, re.search(rf"^ *{number}\.\s+{re.escape(case['title'][:40])}", text, re.M),
              f"item {number} title not found")
        check(name, case["caseNumber"] in text, f"item {number} case number {case['caseNumber']} not found")
        check(name, ("Lukket sag" in words) or case["access"] == "open", f"item {number} closed but no 'Lukket sag'")
        for heading in case["sections"]:
            check(name, re.search(rf"^{re.escape(heading)}$", text, re.M), f"item {number} section {heading} not found")
        for attachment in case["attachments"]:
            check(name, attachment["title"] in text, f"item {number} attachment {attachment['title']} not found")
        for decision in case["decisions"]:
            check(name, re.search(rf"^{re.escape(decision['heading'])}$", text, re.M),
                  f"item {number} decision heading {decision['heading']!r} not found")
            for who in decision["absent"] + decision["notParticipating"]:
                check(name, who["name"] in words, f"item {number}: {who['name']} not in the PDF")
            votes = decision.get("votes")
            if votes and decision["body"] == meeting["body"] and decision["date"] == meeting["date"]:
                cast = votes["forCount"] + votes["againstCount"] + votes.get("abstainedCount", 0) + \
                    (len(votes["abstained"]) if "abstainedCount" not in votes else 0)
                away = len(decision["absent"]) + len(decision["notParticipating"])
                check(name, cast == len(meeting["members"]) - away,
                      f"item {number}: {cast} votes, {len(meeting['members']) - away} members present")
    check(name, present > 0, "no members present")

if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
print("expected files agree with their PDFs")
