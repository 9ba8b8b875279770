#!/usr/bin/env python3
"""Makes bulletin-2023-06.docx with LibreOffice Writer from the text of the 2023-06 bulletin.

The text (Tests/LedgerParserTests/Fixtures/2023-06.txt, as extracted from the PDF) is unwrapped
into paragraphs; headings numbered 一、 （一） 1. become paragraphs of an automatic list (Chinese
counting, as the staff's Word template has them), so the numbers exist only in numbering.xml; a
table of the week's counts is added. The flat ODF written here is converted by
`soffice --headless --convert-to docx`, and the lines a reader must give are written beside it
(bulletin-2023-06.expected.txt), from this script's own model, not from any reader.

    python3 make-bulletin.py   # needs soffice on PATH; writes into this folder
"""
import os, re, subprocess, sys, tempfile
from xml.sax.saxutils import escape

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.join(here, "../../../LedgerParserTests/Fixtures/2023-06.txt")
lines = [l.strip() for l in open(source, encoding="utf-8").read().splitlines()]
lines = [l for l in lines if l and l not in ("窗 口 工 作 周 报",) and not re.fullmatch(r"—\d+—", l)]

marker = re.compile(r"^(?:([一二三四五六七八九十]+)、|（([一二三四五六七八九十]+)）|(\d+)\.(?!\d))")
other_start = re.compile(r"^(?:\(\d+\)|（\d+）|报：|送：|发：|（共印)")

paragraphs = []  # (level or None, text)
for index, line in enumerate(lines):
    found = marker.match(line)
    starts = index < 4 or found or other_start.match(line) or not paragraphs
    if not starts:
        previous_level, previous = paragraphs[-1]
        heading = previous_level is not None and previous_level < 2 and not previous.endswith(("。", "：", "；"))
        starts = previous.endswith(("。", "：")) or heading
    if starts:
        if found:
            level = 0 if found.group(1) else 1 if found.group(2) else 2
            paragraphs.append((level, line[found.end():]))
        else:
            paragraphs.append((None, line))
    else:
        level, text = paragraphs[-1]
        paragraphs[-1] = (level, text + line)

table = [("类别", "本周", "今年以来"), ("咨询（人次）", "618", "1748"), ("受理（件）", "116", "1156"),
         ("颁发（件）", "3189", "4110"), ("流转（件）", "6346", "8406")]

chinese = "一二三四五六七八九十"
def counting(n):
    return chinese[n - 1] if n <= 10 else ("十" + chinese[n - 11] if n < 20 else str(n))

expected, body, counters = [], [], [0, 0, 0]
for number, (level, text) in enumerate(paragraphs):
    if level is None:
        body.append(f'<text:p text:style-name="Body">{escape(text)}</text:p>')
        expected.append(text)
    else:
        counters[level] += 1
        for deeper in range(level + 1, 3):
            counters[deeper] = 0
        label = [f"{counting(counters[0])}、", f"（{counting(counters[1])}）", f"{counters[2]}."][level]
        item = f'<text:p text:style-name="Body">{escape(text)}</text:p>'
        for _ in range(level):
            item = f"<text:list><text:list-item>{item}</text:list-item></text:list>"
        body.append(f'<text:list text:style-name="Outline" text:continue-numbering="true"><text:list-item>{item}</text:list-item></text:list>')
        expected.append(label + text)
    if number == 5:
        rows = "".join("<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(c)}</text:p></table:table-cell>' for c in row)
            + "</table:table-row>" for row in table)
        body.append(f'<table:table table:name="Counts"><table:table-column table:number-columns-repeated="3"/>{rows}</table:table>')
        expected.extend("\t".join(row) for row in table)

def level_style(level, prefix, fmt, suffix, display):
    return (f'<text:list-level-style-number text:level="{level}" style:num-prefix="{prefix}" style:num-suffix="{suffix}" '
            f'style:num-format="{fmt}" text:display-levels="{display}"><style:list-level-properties '
            f'text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment '
            f'text:label-followed-by="nothing" fo:text-indent="0cm" fo:margin-left="0cm"/></style:list-level-properties>'
            f'</text:list-level-style-number>')

document = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:style style:name="Body" style:family="paragraph"/>
<text:list-style style:name="Outline">
{level_style(1, "", "一, 二, 三, ...", "、", 1)}
{level_style(2, "（", "一, 二, 三, ...", "）", 1)}
{level_style(3, "", "1", ".", 1)}
</text:list-style>
</office:styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document>
"""

with tempfile.TemporaryDirectory() as work:
    flat = os.path.join(work, "bulletin-2023-06.fodt")
    open(flat, "w", encoding="utf-8").write(document)
    subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", here, flat],
                   check=True, env={**os.environ, "HOME": work}, stdout=subprocess.DEVNULL)
open(os.path.join(here, "bulletin-2023-06.expected.txt"), "w", encoding="utf-8").write("\n".join(expected) + "\n")
print(f"{len(expected)} lines; {os.path.getsize(os.path.join(here, 'bulletin-2023-06.docx'))} bytes", file=sys.stderr)
