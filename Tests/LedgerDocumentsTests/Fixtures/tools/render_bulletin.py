#!/usr/bin/env python3
"""Renders a clean bulletin (one paragraph per line, see clean_bulletin.py) for a producer.

  render_bulletin.py html a4|a5 CLEAN.txt > OUT.html      for headless Chromium's --print-to-pdf
  render_bulletin.py fodt lists|plain CLEAN.txt > OUT.fodt for LibreOffice Writer --convert-to docx

What each line is comes from the line alone (the rules are the same as those of
Sources/LedgerBench/Rendering/ProducerRendering.swift, which renders the generator's issues):
the masthead is every line before the first section heading `一、`; `（一）…` without `。` is a
sub-section heading, with `。` an inspection item; `报：` `送：` `发：` and `（共印…）` are the footer;
lines with tabs are rows of a table; every other line is a paragraph.

`lists`: an A4 Word document whose section (`一、`) and sub-section (`（一）`, and the inspection
items) numbers are automatic list numbering, and the window's counts of the week as a table.
`plain`: a B5 document with a smaller type whose numbers are typed as text.
"""
import html
import re
import sys

NUMERAL = "一二三四五六七八九十"
SECTION = re.compile(r"^([一二三四五六七八九十]+)[、．.]")
SUBSECTION = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]")
FOOTER = re.compile(r"^([报送发][：:]|（共印)")
MASTHEAD_TITLE = "窗口工作周报"


def classify(lines):
    """[(kind, text)]: kind is issue, publisher, date, title, period, h1, h2, item, p, row, footer, copies."""
    out = []
    first_section = next((i for i, l in enumerate(lines) if SECTION.match(l) and len(l) < 30), len(lines))
    for i, line in enumerate(lines):
        if i < first_section:
            if re.match(r"^\d{4}年第|^（总第", line):
                out.append(("issue", line))
            elif re.match(r"^.*中心\s*\d{4}年\d+月\d+日$", line):
                m = re.match(r"^(.*中心)\s*(\d{4}年\d+月\d+日)$", line)
                out += [("publisher", m.group(1)), ("date", m.group(2))]
            elif "中心" in line:
                out.append(("publisher", line))
            elif re.match(r"^\d{4}年\d+月\d+日$", line):
                out.append(("date", line))
            elif line.startswith("（") or line.startswith("("):
                out.append(("period", line))
            else:
                out.append(("title", line))
        elif SECTION.match(line) and len(line) < 30 and "。" not in line:
            out.append(("h1", line))
        elif SUBSECTION.match(line) and len(line) < 30 and "。" not in line:
            out.append(("h2", line))
        elif SUBSECTION.match(line):
            out.append(("item", line))
        elif line.startswith("（共印"):
            out.append(("copies", line))
        elif FOOTER.match(line):
            out.append(("footer", line))
        elif "\t" in line:
            out.append(("row", line))
        else:
            out.append(("p", line))
    return out


def window_counts_table(text):
    """The rows of the window's counts (`本周，共计咨询618人次、受理116件…；今年以来，累计咨询…`), or None."""
    m = re.match(r"^本周，共计咨询(\d+)人次、受理(\d+)件、颁发(\d+)件、流转(\d+)件；"
                 r"今年以来，累计咨询(\d+)人次、受理(\d+)件、颁发(\d+)件、流转(\d+)件。$", text)
    if not m:
        return None
    g = m.groups()
    return [["", "咨询（人次）", "受理（件）", "颁发（件）", "流转（件）"],
            ["本周", *g[:4]], ["今年以来", *g[4:]]]


# ---------------------------------------------------------------- HTML for Chromium

HTML_LAYOUTS = {
    # page size, padding (top right bottom left), body type size and line height, where the page number goes
    # Noto CJK (OpenType/CFF): Chromium writes it as Type 3 fonts. WenQuanYi Micro Hei (TrueType):
    # Chromium embeds a subset as a CID TrueType font; nothing bold, or Chromium would add
    # Type 3 fonts for the synthesized bold.
    "a4": dict(size="A4", w="210mm", h="297mm", pad="30mm 26mm 28mm 28mm", font="16pt", lh="28pt", number="head",
               body='"Noto Sans CJK SC", sans-serif', heading='"Noto Sans CJK SC", sans-serif', bold="normal"),
    "a5": dict(size="A5", w="148mm", h="210mm", pad="12mm 10mm 14mm 10mm", font="13pt", lh="21pt", number="foot",
               body='"WenQuanYi Micro Hei", sans-serif', heading='"WenQuanYi Micro Hei", sans-serif', bold="normal"),
}

HTML_STYLE = """
@page { size: %(size)s; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: %(body)s; font-size: %(font)s; line-height: %(lh)s; color: #000; }
.page { width: %(w)s; height: %(h)s; box-sizing: border-box; padding: %(pad)s; position: relative;
        display: flex; flex-direction: column; page-break-after: always; break-after: page; overflow: hidden; }
.page:last-child { page-break-after: auto; break-after: auto; }
.head { height: 2.2em; display: flex; justify-content: space-between; align-items: flex-end;
        border-bottom: 1px solid #c00; font-size: 0.8em; margin-bottom: 0.8em; flex: none; }
.head .running { letter-spacing: 1em; color: #c00; }
.body { flex: 1; overflow: hidden; }
.foot { height: 2em; text-align: center; flex: none; font-size: 0.9em; }
.masthead .name { text-align: center; color: #c00; font-size: 2.6em; line-height: 1.4; letter-spacing: 0.3em;
                  font-weight: %(bold)s; margin: 0.2em 0 0.3em; }
.masthead .issue { text-align: center; }
.masthead .pubdate { display: flex; justify-content: space-between; white-space: nowrap; font-size: 0.85em; border-bottom: 2px solid #c00;
                     padding-bottom: 0.3em; margin-bottom: 0.8em; }
.title { text-align: center; font-size: 1.35em; font-weight: %(bold)s; margin: 0.6em 0 0; line-height: 1.6; }
.period { text-align: center; margin: 0 0 0.8em; }
h1 { font-family: %(heading)s; font-size: 1em; font-weight: normal; margin: 0; text-indent: 2em; }
h2 { font-size: 1em; font-weight: normal; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.cont { text-indent: 0; }
p.split { text-align-last: justify; }
table { border-collapse: collapse; margin: 0.3em auto; }
td, th { border: 1px solid #000; padding: 0 0.5em; text-align: center; }
.footer { border-top: 1px solid #000; border-bottom: 1px solid #000; margin-top: 1.5em; }
.footer p { text-indent: 0; }
.copies { text-align: right; text-indent: 0; }
"""

# Pours the blocks of #src into pages, splitting a paragraph between two pages at the last
# character that fits: the pages, their running header and number are in the page itself.
HTML_SCRIPT = """
(function () {
  var numberAt = '%(number)s';
  var src = document.getElementById('src');
  var blocks = Array.prototype.slice.call(src.children);
  var pages = [], body = null;
  function newPage() {
    var page = document.createElement('div'); page.className = 'page';
    var n = pages.length + 1;
    if (numberAt === 'head') {
      if (n > 1) { page.innerHTML = '<div class="head"><span class="running">%(masthead)s</span><span>—' + n + '—</span></div>'; }
    } else {
      page.innerHTML = '<div class="head"><span class="running">%(masthead)s</span><span></span></div>';
    }
    body = document.createElement('div'); body.className = 'body'; page.appendChild(body);
    if (numberAt === 'foot') { var f = document.createElement('div'); f.className = 'foot'; f.textContent = '— ' + n + ' —'; page.appendChild(f); }
    document.body.insertBefore(page, src);
    pages.push(page);
  }
  function overflows() { return body.scrollHeight > body.clientHeight + 1; }
  newPage();
  while (blocks.length > 0) {
    var block = blocks.shift();
    body.appendChild(block);
    if (!overflows()) continue;
    if (block.tagName === 'P' && !block.parentNode.classList.contains('footer')) {
      var text = block.textContent, lo = 0, hi = text.length;
      while (lo < hi) { var mid = Math.ceil((lo + hi) / 2); block.textContent = text.slice(0, mid); if (overflows()) hi = mid - 1; else lo = mid; }
      if (lo > 0) {
        block.textContent = text.slice(0, lo); block.classList.add('split');
        var rest = document.createElement('p'); rest.className = 'cont'; rest.textContent = text.slice(lo);
        blocks.unshift(rest); newPage(); continue;
      }
      block.textContent = text;
    }
    body.removeChild(block); newPage(); body.appendChild(block);
  }
  src.parentNode.removeChild(src);
})();
"""


def render_html(lines, layout):
    settings = HTML_LAYOUTS[layout]
    e = html.escape
    blocks = []
    masthead = ['<div class="name">%s</div>' % MASTHEAD_TITLE]
    pubdate = []
    footer = []
    for kind, text in classify(lines):
        if kind == "issue":
            masthead.append('<div class="issue">%s</div>' % e(text))
        elif kind in ("publisher", "date"):
            pubdate.append("<span>%s</span>" % e(text))
        elif kind in ("title", "period"):
            if pubdate:
                masthead.append('<div class="pubdate">%s</div>' % "".join(pubdate))
                pubdate = []
            if masthead:
                blocks.append('<div class="masthead">%s</div>' % "".join(masthead))
                masthead = []
            blocks.append('<div class="%s">%s</div>' % (kind, e(text)))
        elif kind == "h1":
            blocks.append("<h1>%s</h1>" % e(text))
        elif kind == "h2":
            blocks.append("<h2>%s</h2>" % e(text))
        elif kind == "row":
            cells = text.split("\t")
            row = "<tr>%s</tr>" % "".join("<td>%s</td>" % e(c) for c in cells)
            if blocks and blocks[-1].startswith("<table>"):
                blocks[-1] = blocks[-1][: -len("</table>")] + row + "</table>"
            else:
                blocks.append("<table>%s</table>" % row)
        elif kind == "footer":
            footer.append("<p>%s</p>" % e(text))
        elif kind == "copies":
            footer.append('<p class="copies">%s</p>' % e(text))
        else:
            blocks.append("<p>%s</p>" % e(text))
    if footer:
        blocks.append('<div class="footer">%s</div>' % "".join(footer))
    script = HTML_SCRIPT % dict(number=settings["number"], masthead=MASTHEAD_TITLE)
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>%s</title>"
            "<style>%s</style></head><body><div id=\"src\">\n%s\n</div><script>%s</script></body></html>\n"
            % (MASTHEAD_TITLE, HTML_STYLE % settings, "\n".join(blocks), script))


# ---------------------------------------------------------------- Flat ODT for LibreOffice Writer

FODT_LAYOUTS = {
    # page (w, h), margins (top, bottom, left, right) in mm, type size, line height, fonts
    "lists": dict(w=210, h=297, top=37, bottom=30, left=28, right=26, font="16pt", lh="28pt",
                  body="Noto Sans CJK SC", heading="Noto Sans CJK SC", generic="swiss"),
    "plain": dict(w=176, h=250, top=20, bottom=18, left=20, right=20, font="12pt", lh="20pt",
                  body="WenQuanYi Micro Hei", heading="WenQuanYi Micro Hei", generic="swiss"),
}

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>窗口工作周报</dc:title><meta:initial-creator>窗口工作周报</meta:initial-creator><dc:creator>窗口工作周报</dc:creator>
<meta:creation-date>%(date)sT09:00:00</meta:creation-date><dc:date>%(date)sT09:00:00</dc:date><dc:language>zh-CN</dc:language></office:meta>
<office:font-face-decls>
 <style:font-face style:name="%(body)s" svg:font-family="&apos;%(body)s&apos;" style:font-family-generic="%(generic)s"/>
 <style:font-face style:name="%(heading)s" svg:font-family="&apos;%(heading)s&apos;" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:line-height="%(lh)s" style:writing-mode="lr-tb"/>
  <style:text-properties style:font-name="%(body)s" fo:font-size="%(font)s" fo:language="zh" fo:country="CN"
   style:font-name-asian="%(body)s" style:font-size-asian="%(font)s" style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
  <style:paragraph-properties fo:text-indent="2em" fo:text-align="justify" fo:margin-top="0cm" fo:margin-bottom="0cm"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
  <style:paragraph-properties fo:text-indent="2em" fo:margin-top="0cm" fo:margin-bottom="0cm" fo:keep-with-next="always"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text">
  <style:text-properties style:font-name="%(heading)s" style:font-name-asian="%(heading)s"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text"/>
 <style:style style:name="List_20_Item" style:display-name="List Item" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list"/>
 <style:style style:name="Masthead" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="First_20_Page">
  <style:paragraph-properties fo:text-align="center" fo:line-height="150%%" fo:margin-bottom="0.2cm"/>
  <style:text-properties fo:color="#c00000" fo:font-size="32pt" style:font-size-asian="32pt" fo:letter-spacing="0.3cm" fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Issue" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/>
 </style:style>
 <style:style style:name="Publisher" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="85%%" style:font-size-asian="85%%"/>
  <style:paragraph-properties fo:padding-bottom="0.1cm" fo:border-bottom="1.5pt solid #c00000" fo:margin-bottom="0.4cm">
   <style:tab-stops><style:tab-stop style:position="%(textwidth)smm" style:type="right"/></style:tab-stops>
  </style:paragraph-properties>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:line-height="150%%"/>
  <style:text-properties fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Period" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/>
 </style:style>
 <style:style style:name="Distribution" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0cm"/>
 </style:style>
 <style:style style:name="Distribution_20_First" style:display-name="Distribution First" style:family="paragraph" style:parent-style-name="Distribution">
  <style:paragraph-properties fo:margin-top="1cm" fo:padding-top="0.1cm" fo:border-top="0.5pt solid #000000"/>
 </style:style>
 <style:style style:name="Copies" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="end" fo:padding-bottom="0.1cm" fo:border-bottom="0.5pt solid #000000"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:padding-bottom="0.05cm" fo:border-bottom="0.5pt solid #c00000"/>
  <style:text-properties fo:color="#c00000" fo:letter-spacing="0.2cm" fo:font-size="12pt" style:font-size-asian="12pt"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/>
 </style:style>
 <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:text-align="center"/>
 </style:style>
 <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <text:list-style style:name="Sections">
  <text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ...">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="nothing" fo:text-indent="2em" fo:margin-left="0cm"/>
   </style:list-level-properties>
  </text:list-level-style-number>
  <text:list-level-style-number text:level="2" style:num-prefix="（" style:num-suffix="）" style:num-format="一, 二, 三, ...">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="nothing" fo:text-indent="2em" fo:margin-left="0cm"/>
   </style:list-level-properties>
  </text:list-level-style-number>
 </text:list-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="%(w)smm" fo:page-height="%(h)smm" style:print-orientation="portrait"
   fo:margin-top="%(top_m)smm" fo:margin-bottom="%(bottom_m)smm" fo:margin-left="%(left)smm" fo:margin-right="%(right)smm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Tbl" style:family="table">
  <style:table-properties style:width="%(tablewidth)smm" table:align="center" fo:margin-top="0.2cm" fo:margin-bottom="0.2cm"/>
 </style:style>
 %(colstyles)s
 <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #000000"/>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Header">窗口工作周报</text:p></style:header>
  <style:footer><text:p text:style-name="Footer">—<text:page-number text:select-page="current">1</text:page-number>—</text:p></style:footer>
 </style:master-page>
 <style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="pm1" style:next-style-name="Standard">
  <style:footer><text:p text:style-name="Footer">—<text:page-number text:select-page="current">1</text:page-number>—</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""


def render_fodt(lines, variant):
    settings = dict(FODT_LAYOUTS[variant])
    e = html.escape
    lists = variant == "lists"
    # The header and footer sit inside the page margins in ODF: the body's margins less theirs.
    settings.update(top_m=settings["top"] - 12, bottom_m=settings["bottom"] - 10,
                    textwidth=settings["w"] - settings["left"] - settings["right"],
                    tablewidth=settings["w"] - settings["left"] - settings["right"] - 10)
    settings["colstyles"] = "\n ".join(
        '<style:style style:name="Col%d" style:family="table-column"><style:table-column-properties style:column-width="%.1fmm"/></style:style>'
        % (n, settings["tablewidth"] / n) for n in range(2, 9))
    classified = classify(lines)
    date = next((t for k, t in classified if k == "date"), "2023年1月1日")
    y, m, d = re.match(r"(\d{4})年(\d+)月(\d+)日", date).groups()
    settings["date"] = "%s-%02d-%02d" % (y, int(m), int(d))
    body = ['<text:p text:style-name="Masthead">%s</text:p>' % MASTHEAD_TITLE]
    publisher = []
    rows = []
    first_distribution = True

    def flush_rows():
        if rows:
            body.append(fodt_table(rows))
            rows.clear()

    for kind, text in classified:
        if kind != "row":
            flush_rows()
        if kind == "issue":
            body.append('<text:p text:style-name="Issue">%s</text:p>' % e(text))
        elif kind in ("publisher", "date"):
            publisher.append(e(text))
            if kind == "date":
                body.append('<text:p text:style-name="Publisher">%s</text:p>' % "<text:tab/>".join(publisher))
                publisher = []
        elif kind == "title":
            body.append('<text:p text:style-name="Title">%s</text:p>' % e(text))
        elif kind == "period":
            body.append('<text:p text:style-name="Period">%s</text:p>' % e(text))
        elif kind in ("h1", "h2") or (kind == "item" and lists):
            level = 1 if kind == "h1" else 2
            if lists:
                pattern = SECTION if level == 1 else SUBSECTION
                text = text[pattern.match(text).end():]
            if kind == "item":
                para = '<text:p text:style-name="List_20_Item">%s</text:p>' % e(text)
            else:
                para = '<text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s</text:h>' % (level, level, e(text))
            if lists:
                inner = para if level == 1 else "<text:list><text:list-item>%s</text:list-item></text:list>" % para
                body.append('<text:list text:style-name="Sections" text:continue-numbering="true"><text:list-item>%s'
                            "</text:list-item></text:list>" % inner)
            else:
                body.append(para)
        elif kind == "row":
            rows.append(text.split("\t"))
        elif kind == "footer":
            style = "Distribution_20_First" if first_distribution else "Distribution"
            first_distribution = False
            body.append('<text:p text:style-name="%s">%s</text:p>' % (style, e(text)))
        elif kind == "copies":
            body.append('<text:p text:style-name="Copies">%s</text:p>' % e(text))
        else:
            table = window_counts_table(text) if lists else None
            if table:
                body.append(fodt_table(table))
            else:
                body.append('<text:p text:style-name="%s">%s</text:p>' % ("List_20_Item" if kind == "item" else "Text_20_body", e(text)))
    flush_rows()
    publisher and body.append('<text:p text:style-name="Publisher">%s</text:p>' % "<text:tab/>".join(publisher))
    return FODT_HEAD % settings + "\n".join(body) + "\n</office:text></office:body></office:document>\n"


TABLES = iter(range(1, 1000))


def fodt_table(rows):
    """A table whose first row is its header row (repeated on each page)."""
    e = html.escape
    width = max(len(r) for r in rows)

    def row(cells, style):
        cells = cells + [""] * (width - len(cells))
        return "<table:table-row>%s</table:table-row>" % "".join(
            '<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="%s">%s</text:p>'
            "</table:table-cell>" % (style, e(c)) for c in cells)
    return ('<table:table table:name="Table%d" table:style-name="Tbl"><table:table-column table:style-name="Col%d" table:number-columns-repeated="%d"/>'
            "<table:table-header-rows>%s</table:table-header-rows>%s</table:table>"
            % (next(TABLES), min(width, 8), width, row(rows[0], "Table_20_Heading"), "".join(row(r, "Table_20_Contents") for r in rows[1:])))


def main():
    what, variant, path = sys.argv[1:4]
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f.read().split("\n") if l.strip()]
    if what == "html":
        sys.stdout.write(render_html(lines, variant))
    elif what == "fodt":
        sys.stdout.write(render_fodt(lines, variant))
    else:
        sys.exit("usage: render_bulletin.py html a4|a5 | fodt lists|plain CLEAN.txt")


if __name__ == "__main__":
    main()
