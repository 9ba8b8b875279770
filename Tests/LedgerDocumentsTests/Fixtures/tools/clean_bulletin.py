#!/usr/bin/env python3
"""Rebuilds a bulletin as its author wrote it from the text extracted from the hall's PDF.

Reads an extracted bulletin (Tests/LedgerParserTests/Fixtures/2023-06.txt) and writes the
clean form: one paragraph per line, UTF-8, LF. Undone: the running page headers
(`窗 口 工 作 周 报`) and page numbers (`—2—`), blank lines, leading spaces, lines broken
mid-sentence (joined back into paragraphs), and the spaces the extraction put between
Chinese text and numbers or inside numbers (`2023年 2月 2 7日` → `2023年2月27日`).
Kept as the author wrote it: every other character, mixed `（1）`/`(1)`, an ASCII comma.

The first lines, up to the period `（…—…）`, are the masthead: the issue line, the
publisher and the date (one line in the PDF; written here as two lines), the title, the
period. Usage: clean_bulletin.py IN.txt > OUT.clean.txt
"""
import re
import sys
import unicodedata

PAGE_FURNITURE = [re.compile(r"^窗\s*口\s*工\s*作\s*周\s*报$"), re.compile(r"^—\s*\d+\s*—$")]
# A line that begins a paragraph whatever precedes it.
STARTS = [
    re.compile(r"^[一二三四五六七八九十]+、"),          # section heading
    re.compile(r"^（[一二三四五六七八九十]+）"),         # sub-section / inspection item
    re.compile(r"^\d+\.(?!\d)"),                       # progress item 1.
    re.compile(r"^[（(]\d+[）)]"),                      # news item （1） (1)
    re.compile(r"^[报送发]："),                          # distribution
    re.compile(r"^（共印"),                              # print run
]
HEADING = [STARTS[0], STARTS[1]]


def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def unspace(text):
    """Drops spaces next to non-ASCII text or between digits."""
    out = []
    for i, c in enumerate(text):
        if c == " ":
            before = text[i - 1] if i > 0 else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if not before or not after:
                continue
            if ord(before) > 127 or ord(after) > 127 or (before.isdigit() and after.isdigit()):
                continue
        out.append(c)
    return "".join(out)


def clean(lines):
    lines = [l.strip() for l in lines]
    lines = [l for l in lines if l and not any(p.match(l) for p in PAGE_FURNITURE)]
    full = max(width(l) for l in lines) - 6  # a line this wide or wider was broken by the layout
    # The masthead: up to and including the period line.
    period = next(i for i, l in enumerate(lines) if re.match(r"^（\d+月\s*\d+日—", l))
    masthead = [unspace(l) for l in lines[: period + 1]]
    m = re.match(r"^(.*中心)\s*(\d{4}年.*日)$", lines[1])
    if m:
        masthead[1:2] = [unspace(m.group(1)), unspace(m.group(2))]
    paragraphs = []
    open_paragraph = False  # whether the last paragraph may continue on the next line
    for line in lines[period + 1:]:
        starts = any(p.match(line) for p in STARTS)
        if paragraphs and open_paragraph and not starts:
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
        heading = any(p.match(paragraphs[-1]) for p in HEADING) and width(paragraphs[-1]) < 50 \
            and not paragraphs[-1].endswith("。")
        open_paragraph = not heading and not (line.endswith("。") and width(line) < full) \
            and not re.match(r"^（共印", line)
    return masthead + [unspace(p) for p in paragraphs]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    sys.stdout.write("\n".join(clean(text.split("\n"))) + "\n")


if __name__ == "__main__":
    main()
