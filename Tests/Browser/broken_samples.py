"""The self-test's broken pages: Samples/good.html with one defect each.

Each entry names the page, the checks it must fail (exactly those), what is wrong with it, and the
edits that make it from good.html: (old, new) pairs, each old text found in good.html exactly once.
Written out, the pages are good.html's near-copies; kept as edits, each shows its defect alone.
"""
import os

WIDE_TABLE = ("table { border-collapse: collapse; min-width: 560px;", "table { border-collapse: collapse; min-width: 1400px;")
STYLE_END = "</style>"
TABLE_END_CHART = "<h2>各期</h2>"

BROKEN = [
    ("blank", "blank", "good.html drawn white on white: the DOM has its text and charts, the screenshot has nothing.",
     [(STYLE_END, "body, body * { color: #fff !important; background: #fff !important; border-color: #fff !important; }\n"
                  "svg * { fill: #fff !important; stroke: #fff !important; }\n" + STYLE_END)]),
    ("overflow", "edge overflow print-shrunk", "good.html with a 2000px-wide element that is not in a scroll box: the page scrolls sideways.",
     [(TABLE_END_CHART, '<div style="width:2000px;background:#fdf2e9;padding:4px">这一块宽 2000 像素，不在滚动框里。 '
                        'A 2000px-wide block outside any scroll box.</div>\n' + TABLE_END_CHART)]),
    ("scrollbox", "pass", "overflow.html's 2000px-wide element inside a box with overflow-x: auto: a deliberate scroll box, no overflow.",
     [(TABLE_END_CHART, '<div style="overflow-x:auto"><div style="width:2000px;background:#fdf2e9;padding:4px">这一块宽 2000 像素，在滚动框里。 '
                        'A 2000px-wide block inside a scroll box.</div></div>\n' + TABLE_END_CHART)]),
    ("clipped", "overflow", "good.html whose wide table is cut off by body { overflow-x: hidden } instead of scrolling: "
                            "no scrollbar, the columns past the edge out of reach.",
     [WIDE_TABLE, ("* { box-sizing: border-box; }", "* { box-sizing: border-box; }\nhtml, body { overflow-x: hidden; }"),
      ('<div class="scroll">', "<div>")]),
    ("clipped-box", "clipped", "good.html whose table sits in a rounded box with overflow-x: hidden instead of a scroll box: "
                               "the columns that do not fit are cut off, out of reach, and nothing overflows.",
     [WIDE_TABLE, ('<div class="scroll">', '<div style="overflow-x: hidden; border: 1px solid #cfd8e3; border-radius: 6px">')]),
    ("small-chart-text", "small-text", "good.html with its chart labels at 13 units of a 600-unit viewBox: 20 px on a desktop, under 8 px on a phone.",
     [('<text x="40" y="190" font-size="18">2023-01</text><text x="530" y="190" font-size="18">2023-02</text>',
       '<text x="40" y="190" font-size="13">2023-01</text><text x="530" y="190" font-size="13">2023-02</text>'),
      ('<text x="40" y="156" font-size="18">行政许可</text><text x="240" y="156" font-size="18">公共服务</text><text x="440" y="156" font-size="18">其它九类</text>',
       '<text x="40" y="156" font-size="13">行政许可</text><text x="240" y="156" font-size="13">公共服务</text><text x="440" y="156" font-size="13">其它九类</text>')]),
    ("not-self-contained", "network script", "good.html with a script and a picture loaded from a file beside it: the report must have neither.",
     [("</body>", '<img src="missing-picture.png" alt="">\n<script>document.title = "scripted";</script>\n</body>')]),
    ("not-for-phone-or-a4", "not-a4 viewport-meta", "good.html without <meta name=\"viewport\"> and without @page { size: A4 }: "
                                                    "a phone shrinks a 980px layout, the PDF is Letter.",
     [('<meta name="viewport" content="width=device-width, initial-scale=1">\n', ""), ("@page { size: A4; margin: 15mm; }\n", "")]),
]


def write(good_path, directory):
    """Writes each broken page into `directory` as NAME.html; returns their paths, good.html's copy first."""
    with open(good_path, encoding="utf-8") as f:
        good = f.read()
    comment_start, comment_end = good.index("<!--"), good.index("-->") + 3
    os.makedirs(directory, exist_ok=True)
    paths = [os.path.join(directory, "good.html")]
    with open(paths[0], "w", encoding="utf-8") as f:
        f.write(good)
    for name, expect, about, edits in BROKEN:
        page = good[:comment_start] + "<!-- %s -->" % about.replace("--", "-") + good[comment_end:]
        page = page.replace('<meta name="render-check-expect" content="pass">', '<meta name="render-check-expect" content="%s">' % expect)
        for old, new in edits:
            if page.count(old) != 1:
                raise SystemExit("broken_samples: %s: the edit's text %r is not in good.html exactly once" % (name, old[:60]))
            page = page.replace(old, new)
        path = os.path.join(directory, name + ".html")
        with open(path, "w", encoding="utf-8") as f:
            f.write(page)
        paths.append(path)
    return paths
