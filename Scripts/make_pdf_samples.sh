#!/usr/bin/env bash
# Makes the PDF minutes Corpus/201_*.pdf … Corpus/204_*.pdf from the invented texts in
# Scripts/pdf-samples/ (groff sources, macros in minutes.tmac), then checks with
# `pdftotext -layout` that each PDF's page furniture came out as intended.
#
# The PDFs are checked in; the tests read them and never run this script. Run it after
# changing a sample:   bash Scripts/make_pdf_samples.sh [201 202 …]   (default: all)
#
# Debian packages needed (checked below, installed by nothing else in the project):
#   groff        groff -Tpdf (gropdf) and tbl; groff-base alone has no PDF output
#   hyphen-da    Danish hyphenation patterns (/usr/share/hyphen/hyph_da_DK.dic, MPL-2.0),
#                turned into groff's pattern format at each run, not checked in
#   poppler-utils  pdftotext, for the checks
#   libc-bin     iconv (groff 1.22 hyphenates only Latin-1 input, so the sources are converted)
#   python3      Scripts/check_pdf_expected.py, run at the end
#
# Everything in the samples is invented: names, parties' members, case numbers, sentences.
# The municipalities and regions are real names only. What each sample imitates:
#   201  Helsingør Kommune, Byrådet, 27-05-2021. A FirstAgenda/Prepare "Referat": cover with a
#        two-column member list and "Fraværende:", contents on page 2 with dotted leaders,
#        "Sagsnr.: 21/4412" and "Åben sag"/"Lukket sag" under each title, history blocks
#        ("Økonomiudvalget, 12-05-2021, pkt. 44") before "Beslutning i Byrådet den 27-05-2021",
#        votes, prose absentees and "inhabil", "Bilag 2 - Budgetoversigt.pdf" lists. Header
#        "Byrådet 27-05-2021", footer "Side 3 af 6".
#   202  Svendborg Kommune, Udvalget for Teknik og Miljø, 08-06-2021. An Acadre/SBSYS
#        "Beslutningsprotokol": number and title in columns, "Sagsid: 06.00.05-P20-3-21",
#        a bare "Beslutning" heading whose body and date only the page header gives,
#        "Afbud:" on the cover. Footer "Svendborg Kommune … Side 3" (no page count).
#   203  Region Midtjylland, Regionsrådet, 22-09-2021. A regional "Referat" with a long
#        member list set as a tbl table, "Sagsnr.: 1-31-72-114-21", Forretningsudvalget's
#        history block, "Regionsrådets beslutning den 22. september 2021", a long date on the
#        cover ("Onsdag den 22. september 2021"), footer "Side 3 af 5".
#   204  Slagelse Kommune, Byrådet, 24-06-2021. An eDoc-style "Beslutningsprotokol" with
#        running item numbers (112-117), "Sag nr. 2021-0044", every decision as a history
#        block including the council's own ("Byrådet, 24-06-2021, pkt. 114"), "Fraværende:"
#        lines inside decisions, "Afbud:" and "Mødetidspunkt" on the cover.
# Corpus/expected/<name>.expected.json says what a parser should find in each.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
samples="$here/pdf-samples"
patterns=/usr/share/hyphen/hyph_da_DK.dic

missing=""
for package in groff hyphen-da poppler-utils libc-bin python3; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
if [ -n "$missing" ]; then
    echo "make_pdf_samples.sh needs the Debian packages:$missing" >&2
    echo "install them with: apt-get install$missing" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# groff reads TeX-style patterns; bytes above 0x7f are written as ^^xx, as groff's own
# hyphen.sv does. The first line of the .dic names its encoding (ISO8859-1).
{
    printf '%% Danish hyphenation patterns from %s (hyphen-da, MPL-2.0)\n\\patterns{\n' "$patterns"
    tail -n +2 "$patterns" | LC_ALL=C sed 's/\r$//' | perl -pe 's/([\x80-\xff])/sprintf("^^%02x",ord($1))/ge'
    printf '}\n'
} > "$work/hyphen.da"

# A fixed date in the PDFs' metadata, so that a rerun on unchanged sources gives the same files.
export SOURCE_DATE_EPOCH=1622073600

# sample source -> output name
names=(
    "201.ms 201_byraadet_helsingoer_2021-05-27"
    "202.ms 202_teknik_og_miljoe_svendborg_2021-06-08"
    "203.ms 203_regionsraadet_midtjylland_2021-09-22"
    "204.ms 204_byraadet_slagelse_2021-06-24"
)

failures=0
check() { # name, condition description, command...
    local name=$1 what=$2; shift 2
    if "$@"; then echo "  ok: $what"; else echo "  FAILED: $what" >&2; failures=$((failures + 1)); fi
}

for entry in "${names[@]}"; do
    read -r source name <<<"$entry"
    if [ $# -gt 0 ] && [[ " $* " != *" ${source%.ms} "* ]]; then continue; fi
    pdf="$root/Corpus/$name.pdf"
    echo "== $name.pdf from pdf-samples/$source"
    cat "$samples/minutes.tmac" "$samples/$source" | iconv -f UTF-8 -t LATIN1 > "$work/$source.tr"

    # The contents need each item's page and the footer the page count: run until a pass
    # reports the pages the previous pass was given (the placeholders have the same width).
    args=(-rLAST=0)
    previous=""
    for pass in 1 2 3 4; do
        groff -t -Tpdf -M"$work" -ww "${args[@]}" "$work/$source.tr" > "$work/out.pdf" 2> "$work/report"
        if grep -v -E '^(ITEMPAGE|PAGES) ' "$work/report" >&2; then
            echo "groff warned on $source (above)" >&2
            exit 1
        fi
        report=$(cat "$work/report")
        [ "$report" = "$previous" ] && break
        previous=$report
        args=()
        while read -r kind a b; do
            case $kind in
                ITEMPAGE) args+=("-dpg$a=$b") ;;
                PAGES) args+=("-rLAST=$a") ;;
            esac
        done <<<"$report"
    done
    [ "$report" = "$previous" ] || { echo "page numbers did not settle for $source" >&2; exit 1; }
    mv "$work/out.pdf" "$pdf"

    text="$work/$name.txt"
    pdftotext -layout -enc UTF-8 "$pdf" "$text"
    pages=$(grep -E '^PAGES ' "$work/report" | cut -d' ' -f2)
    header=$(sed -n 's/^\.ds HEADL //p' "$samples/$source" | head -1)
    footer_total=$(grep -cE "Side [0-9]+ af $pages\$" "$text" || true)
    footer_plain=$(grep -cE "Side [0-9]+\$" "$text" || true)
    echo "  $pages pages, items on pages: $(grep -E '^ITEMPAGE' "$work/report" | awk '{printf "%s:%s ", $2, $3}')"
    check "$name" "3-6 pages" test "$pages" -ge 3 -a "$pages" -le 6
    check "$name" "a footer on every page" test "$((footer_total > 0 ? footer_total : footer_plain))" -eq "$pages"
    check "$name" "running header '$header' on every page after the first" \
        test "$(grep -c -F "$header" "$text")" -ge "$((pages - 1))"
    check "$name" "contents with dotted leaders" grep -qE '^ *[0-9]+\. .*\.{10,} *[0-9]+$' "$text"
    check "$name" "two-column member list" grep -qE '\([A-ZÆØÅ]+\) {4,}[A-ZÆØÅ]' "$text"
    check "$name" "at least 5 words hyphenated at a line end" \
        test "$(grep -cE '[a-zæøå]{2}-$' "$text")" -ge 5
    # An item crosses a page when a page begins (after its header) with running text, not
    # with an item title.
    check "$name" "an item crosses a page boundary" \
        awk -v h="$header" 'BEGIN { found = 0 }
            /\f/ { fresh = 1; gsub(/\f/, "") }
            fresh && index($0, h) { next }
            fresh && NF { if ($0 !~ /^ *[0-9]+\.[ \t]/) found = 1; fresh = 0 }
            END { exit !found }' "$text"
done

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "all PDFs made and checked"
# The hand-written expectations must still describe the PDFs.
python3 "$here/check_pdf_expected.py"
