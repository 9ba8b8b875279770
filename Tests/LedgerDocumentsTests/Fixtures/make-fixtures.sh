#!/bin/sh
# Regenerates every document fixture in this folder from the cleaned bulletins (*.clean.txt),
# with the real producers: headless Chromium (PDF) and LibreOffice Writer (Word .docx, PDF).
# See README.md for what each file is.
#
#   ./make-fixtures.sh            remake the documents from the committed *.clean.txt
#   ./make-fixtures.sh --reclean  first re-derive *.clean.txt from the extracted text in
#                                 ../../LedgerParserTests/Fixtures (tools/clean_bulletin.py)
#
# Needs: chromium, libreoffice-writer, fonts-noto-cjk, fonts-wqy-microhei, poppler-utils
# (pdftotext, pdftoppm), qpdf, python3. Deterministic where the tools allow it: the dates the
# producers write (PDF CreationDate/ModDate, the zip entries' times of a .docx) are replaced
# by the bulletin's publication date; the rest is the producers' own output and may change
# with their versions (see README.md for the versions used).
set -eu
cd "$(dirname "$0")"
here=$(pwd)
tools="$here/tools"
export TZ=UTC LC_ALL=C.UTF-8
# 2023-02-27 00:00:00 UTC: tools that honour it date their output with it.
export SOURCE_DATE_EPOCH=1677456000
bulletins="2023-02 2023-06"

for tool in chromium soffice pdftotext pdftoppm qpdf python3; do
    command -v "$tool" >/dev/null || { echo "make-fixtures: $tool is not installed" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

if [ "${1:-}" = "--reclean" ]; then
    for b in $bulletins; do
        python3 "$tools/clean_bulletin.py" "../../LedgerParserTests/Fixtures/$b.txt" > "$b.clean.txt"
    done
fi

chromium_pdf() { # chromium_pdf IN.html OUT.pdf
    chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/chromium" \
        --no-pdf-header-footer --run-all-compositor-stages-before-draw --virtual-time-budget=10000 \
        --print-to-pdf="$2" "file://$1" 2>/dev/null
    test -s "$2"
    python3 "$tools/normalize.py" pdf "$2" "$2"
}

# 1. Chromium: the clean bulletin as an HTML page that lays its own pages out (header and page
#    number on each page), printed to PDF. a4: Noto CJK (Type 3 fonts); a5: WenQuanYi (CID TrueType).
for b in $bulletins; do
    for layout in a4 a5; do
        python3 "$tools/render_bulletin.py" html "$layout" "$b.clean.txt" > "$work/$b.chromium-$layout.html"
        chromium_pdf "$work/$b.chromium-$layout.html" "$here/$b.chromium-$layout.pdf"
    done
done

# 2. LibreOffice Writer: the clean bulletin as a flat ODT (lists: automatic numbering, A4;
#    plain: typed numbers, B5), saved as Word .docx, one soffice run for all.
for b in $bulletins; do
    for variant in lists plain; do
        python3 "$tools/render_bulletin.py" fodt "$variant" "$b.clean.txt" > "$work/$b.lo-$variant.fodt"
    done
done
soffice --headless --norestore -env:UserInstallation="file://$work/lo" --convert-to docx --outdir "$work/docx" "$work"/*.fodt >/dev/null
for f in "$work"/docx/*.docx; do
    python3 "$tools/normalize.py" docx "$f" "$here/$(basename "$f")"
done

# 3. LibreOffice Writer: each .docx printed to PDF (lists → lo-a4, plain → lo-b5).
mkdir -p "$work/pdf"
cp "$here"/*.lo-lists.docx "$here"/*.lo-plain.docx "$work/pdf/"
soffice --headless --norestore -env:UserInstallation="file://$work/lo" --convert-to pdf --outdir "$work/pdf" "$work"/pdf/*.docx >/dev/null
for b in $bulletins; do
    python3 "$tools/normalize.py" pdf "$work/pdf/$b.lo-lists.pdf" "$here/$b.lo-a4.pdf"
    python3 "$tools/normalize.py" pdf "$work/pdf/$b.lo-plain.pdf" "$here/$b.lo-b5.pdf"
done

# 4. For the readers' error tests: encrypted copies (empty user password: readable, AES-128
#    and RC4 40-bit), and a scan-like PDF (a page as a picture, no text layer).
qpdf --static-id --static-aes-iv --encrypt "" owner 128 --use-aes=y -- 2023-02.lo-b5.pdf 2023-02.lo-b5.aes128.pdf
qpdf --static-id --allow-weak-crypto --encrypt "" owner 40 -- 2023-02.lo-b5.pdf 2023-02.lo-b5.rc4-40.pdf
pdftoppm -r 50 -png -f 1 -l 1 2023-06.lo-a4.pdf "$work/scan"
cat > "$work/scan.html" <<'EOF'
<!DOCTYPE html><html><head><meta charset="utf-8"><style>@page { size: A4; margin: 0; } body { margin: 0; }
img { width: 210mm; height: 297mm; display: block; }</style></head><body><img src="scan-1.png"></body></html>
EOF
chromium_pdf "$work/scan.html" "$here/2023-06.scan.pdf"

# 5. pdftotext (plain, reading order; pages end with a form feed) of every PDF but the
#    encrypted copies (their text is that of 2023-02.lo-b5.pdf).
for f in *.pdf; do
    case "$f" in *.aes128.pdf|*.rc4-40.pdf) continue ;; esac
    pdftotext -enc UTF-8 "$f" "${f%.pdf}.pdftotext.txt"
done
ls -l *.pdf *.docx
