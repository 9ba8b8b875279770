#!/usr/bin/env python3
"""Renders HTML pages in headless Chromium and checks what came out (Python 3 standard library only).

Called by report-in-chromium.sh, which finds Chromium and builds the pages; see README.md here.

  check_render.py --chromium CMD --out DIR [--jobs N] --page NAME MIN_CHARTS FILE [--page ...]
  check_render.py --chromium CMD --out DIR [--jobs N] --self-test SAMPLES_DIR

For each page, in three Chromium runs:
  layout      copies of the page with a measuring <script> before </body>, each in an iframe of
              exactly W x 900 CSS px (Chromium's headless window is never narrower than 500 px,
              and its viewport is shorter than --window-size), read back with --dump-dom:
              overflow past the right edge (not counting the content of a box that scrolls or
              clips horizontally), scrollHeight, text and its smallest drawn size, charts (<svg>
              with shapes), whether Chinese gets real glyphs, scripts, loads, the viewport meta;
  screenshot  the page itself at each width, --screenshot at W x scrollHeight (at most 16000),
              decoded here: not blank, nothing drawn in the strip at the right edge;
  print       --print-to-pdf (with the last screenshot): a PDF, its pages counted, A4, its fonts,
              not shrunk to fit the paper.
Exit status: 0 all passed, 1 a check failed, 2 Chromium or a file misbehaved, 64 usage.
"""

import argparse
import array
import concurrent.futures
import html
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zlib

import broken_samples

WIDTHS = [("desktop", 1280), ("phone", 390)]
MEASURE_HEIGHT = 900
MAX_SHOT_HEIGHT = 16000
CHROMIUM_TIMEOUT = 90  # seconds for one Chromium run
EDGE_STRIP = 4  # px at the right edge that must hold no content
BLANK_FRACTION = 0.0025  # below 0.25 % of the pixels differing from the background: blank
BLANK_COLOURS = 8  # fewer distinct colours than this: blank
EDGE_ROWS = 3  # this many rows with content in the edge strip: content is cut at the edge
SMALL_TEXT_PX = 9  # text drawn smaller than this is unreadable
PRINT_SHRUNK = 0.98  # a print scale below this: Chromium shrank a too-wide page to fit the paper
A4_PT = (595.28, 841.89)
A4_TOLERANCE_PT = 3.0


class Failure:
    """A failed check: a key the self-test compares, and a sentence for people."""

    def __init__(self, key, text):
        self.key, self.text = key, text


# ---------------------------------------------------------------------------------------------
# Chromium


def run_chromium(chromium, args, workdir, tag, env=None):
    """One headless Chromium run with its own profile; returns stdout. Raises RuntimeError."""
    profile = tempfile.mkdtemp(prefix="profile-%s-" % tag, dir=workdir)
    cmd = chromium + [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-sync",
        "--mute-audio",
        "--user-data-dir=" + profile,
    ] + args
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ, **env) if env else None, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=CHROMIUM_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise RuntimeError("Chromium did not finish in %d s: %s" % (CHROMIUM_TIMEOUT, " ".join(args)))
    finally:
        try:  # helpers Chromium left behind in its process group (ours, started above)
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        shutil.rmtree(profile, ignore_errors=True)
    if proc.returncode != 0:
        lines = [l for l in err.decode("utf-8", "replace").splitlines() if "unexpected operator" not in l and "dbus" not in l]
        raise RuntimeError("Chromium exited with %d for %s: %s" % (proc.returncode, " ".join(args), " | ".join(lines[-3:])))
    return out


# ---------------------------------------------------------------------------------------------
# Layout: the measuring script, run inside an iframe of exactly W x 900 CSS px

MEASURE_JS = r"""
(function () {
  var KEY = '@KEY@', SELF = 'render-check-script', SMALL = @SMALL@;
  function put(obj) {
    var doc = window.parent !== window ? window.parent.document : document;
    var pre = doc.getElementById(KEY);
    if (!pre) { pre = doc.createElement('pre'); pre.id = KEY; doc.body.appendChild(pre); }
    pre.textContent = JSON.stringify(obj);
  }
  function describe(el) {
    var cls = typeof el.className === 'string' ? el.className : (el.getAttribute('class') || '');
    var text = (el.textContent || '').replace(/\s+/g, ' ').trim();
    return { tag: el.tagName.toLowerCase(), id: el.id || '', cls: cls.trim(), text: text.slice(0, 30) };
  }
  function ownText(el) {
    for (var c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3 && /\S/.test(c.nodeValue)) return true;
    return false;
  }
  function glyphs(font, ch) {
    var c = document.createElement('canvas'); c.width = 48; c.height = 48;
    var x = c.getContext('2d'); x.font = '32px ' + font; x.fillStyle = '#000'; x.textBaseline = 'top';
    x.fillText(ch, 4, 4);
    var d = x.getImageData(0, 0, 48, 48).data, sig = 0, ink = 0;
    for (var i = 3; i < d.length; i += 4) { sig = (sig * 31 + d[i]) >>> 0; if (d[i]) ink++; }
    return { sig: sig, ink: ink };
  }
  function measure() {
    var de = document.documentElement, body = document.body, W = de.clientWidth;
    var sy = window.scrollY, sx = window.scrollX, SVGNS = 'http://www.w3.org/2000/svg';
    var r = {
      viewport: [window.innerWidth, window.innerHeight], clientWidth: W,
      scrollWidth: Math.max(de.scrollWidth, body ? body.scrollWidth : 0),
      scrollHeight: Math.max(de.scrollHeight, body ? body.scrollHeight : 0),
      // Always true for a font that is not a web font, installed or not; kept for the record.
      fontsCheck: document.fonts.check('16px "Noto Sans CJK SC"')
    };
    var text = (body ? body.innerText : '').replace(/\s+/g, '');
    r.textChars = text.length;
    r.cjkChars = (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) || []).length;
    // Chinese glyphs: two different characters drawn in the body's fonts differ; missing-glyph boxes do not.
    if (r.cjkChars > 0) {
      var font = getComputedStyle(body).fontFamily, a = glyphs(font, '\u6388'), b = glyphs(font, '\u6743');
      r.cjkGlyphs = a.ink > 0 && b.ink > 0 && a.sig !== b.sig;
      r.font = font;
    } else { r.cjkGlyphs = null; }
    var all = body ? body.getElementsByTagName('*') : [], clip = new Map(), overflow = new Map(), past = new Set();
    var offenders = [], scrollBoxes = [], clippedBoxes = [], smallest = null, small = [];
    for (var i = 0; i < all.length; i++) {
      var el = all[i], p = el.parentElement, cs = getComputedStyle(el), ox = cs.overflowX;
      if (el.id === SELF) continue;
      overflow.set(el, ox);
      // The box that clips el: its parent's, or its parent when that scrolls or clips (html and body do not count).
      clip.set(el, p && p !== body ? (clip.get(p) || (overflow.get(p) !== 'visible' ? p : null)) : null);
      var rect = el.getBoundingClientRect();
      var shown = rect.width > 0 && rect.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none';
      // The size text is drawn at: its font size, times the scale of an SVG's viewBox.
      if (shown && ownText(el)) {
        var px = parseFloat(cs.fontSize);
        if (el.namespaceURI === SVGNS && el.getScreenCTM) {
          var m = el.getScreenCTM(); if (m) px *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
        }
        if (smallest === null || px < smallest) smallest = px;
        if (px < SMALL) { var ds = describe(el); ds.px = Math.round(px * 10) / 10; small.push(ds); }
      }
      if (ox !== 'visible' && !clip.get(el) && el.namespaceURI !== SVGNS && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        var box = { el: describe(el), overflow: ox, top: rect.top + sy, bottom: rect.bottom + sy, left: rect.left + sx, right: rect.right + sx,
                    scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
        // A box that hides what does not fit, unless it says so with an ellipsis.
        if (ox === 'auto' || ox === 'scroll') scrollBoxes.push(box); else if (cs.textOverflow !== 'ellipsis' && shown) clippedBoxes.push(box);
      }
      if (clip.get(el) || !shown) continue;
      // Past the right edge, and not inside a box that scrolls or clips horizontally.
      if (rect.right + sx > W + 1) {
        past.add(el);
        var q = el.parentElement, outer = true;
        while (q && q !== body) { if (past.has(q)) { outer = false; break; } q = q.parentElement; }
        if (outer) { var d = describe(el); d.right = Math.round(rect.right + sx); d.width = Math.round(rect.width); offenders.push(d); }
      }
    }
    r.pastRightEdge = past.size; r.offenders = offenders.slice(0, 8);
    r.scrollBoxes = scrollBoxes; r.clippedBoxCount = clippedBoxes.length; r.clippedBoxes = clippedBoxes.slice(0, 8);
    r.smallestText = smallest; r.smallTexts = small.length; r.smallText = small.slice(0, 5);
    // Charts: outermost <svg> elements with a size and at least one shape.
    var svgs = document.getElementsByTagName('svg'), charts = 0, outerSvg = 0;
    for (var j = 0; j < svgs.length; j++) {
      var s = svgs[j];
      if (s.parentElement && s.parentElement.closest('svg')) continue;
      outerSvg++;
      var sb = s.getBoundingClientRect();
      if (sb.width >= 1 && sb.height >= 1 && s.querySelector('path,rect,line,polyline,polygon,circle,ellipse,text')) charts++;
    }
    r.svg = outerSvg; r.charts = charts;
    // Self-contained: no script of its own, nothing loaded.
    r.scripts = document.querySelectorAll('script:not(#' + SELF + ')').length;
    r.handlers = document.querySelectorAll('[onload],[onclick],[onerror],[onmouseover]').length;
    var loads = [];
    performance.getEntriesByType('resource').forEach(function (e) { if (!/^data:/.test(e.name)) loads.push(e.name); });
    var refs = document.querySelectorAll('img[src],script[src],iframe[src],embed[src],source[src],video[src],audio[src],object[data],link[href]');
    for (var k = 0; k < refs.length; k++) {
      var u = refs[k].getAttribute('src') || refs[k].getAttribute('data') || refs[k].getAttribute('href') || '';
      if (refs[k].tagName === 'LINK' && !/stylesheet|icon|preload|prefetch|modulepreload|manifest/i.test(refs[k].rel)) continue;
      if (u && !/^(data:|#)/.test(u) && !loads.some(function (l) { return l.slice(-u.length) === u; })) loads.push(u);
    }
    for (var n = 0; n < document.styleSheets.length; n++) {
      var rules; try { rules = document.styleSheets[n].cssRules; } catch (e) { continue; }
      for (var o = 0; o < rules.length; o++) {
        var t = rules[o].cssText, re = /url\(\s*["']?([^"')]+)/g, mm;
        while ((mm = re.exec(t))) if (!/^(data:|#)/.test(mm[1])) loads.push(mm[1]);
        if (rules[o].type === 3) loads.push('@import ' + rules[o].href);
      }
    }
    r.loads = loads.slice(0, 8);
    var vp = document.querySelector('meta[name="viewport"]');
    r.viewportMeta = vp ? vp.getAttribute('content') : null;
    return r;
  }
  window.addEventListener('load', function () {
    try { put(measure()); } catch (e) { put({ error: String(e && e.stack || e) }); }
  });
})();
"""


def harness(page_html, widths, height):
    """One iframe of exactly W x height CSS px per width, each showing the page with the measuring
    script before </body> (as srcdoc: same origin as the harness, so the script can write into it)."""
    at = page_html.lower().rfind("</body>")
    frames = []
    for width in widths:
        js = MEASURE_JS.replace("@KEY@", "render-check-%d" % width).replace("@SMALL@", repr(SMALL_TEXT_PX))
        script = '<script id="render-check-script">' + js + "</script>"
        copy = page_html[:at] + script + page_html[at:] if at >= 0 else page_html + script
        frames.append('<iframe width="%d" height="%d" style="width:%dpx;height:%dpx" srcdoc="%s"></iframe>'
                      '<pre id="render-check-%d">not measured: the page did not finish loading</pre>'
                      % (width, height, width, height, html.escape(copy, quote=True), width))
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:#fff}'
            "iframe{display:block;border:0;margin:0;padding:0}</style></head><body>%s</body></html>" % "".join(frames))


def measure(chromium, page_html, widths, workdir, tag, env=None):
    """{width: the measuring script's findings}, from one Chromium run's --dump-dom."""
    path = os.path.join(workdir, "%s-harness.html" % tag)
    with open(path, "w", encoding="utf-8") as f:
        f.write(harness(page_html, widths, MEASURE_HEIGHT))
    dom = run_chromium(chromium, ["--dump-dom", "--window-size=%d,%d" % (max(widths), MEASURE_HEIGHT), "file://" + path], workdir, tag, env)
    found = {}
    for width in widths:
        m = re.search(rb'<pre id="render-check-%d">(.*?)</pre>' % width, dom, re.S)
        if not m:
            raise RuntimeError("the dumped DOM holds no measurement at %d px (%d bytes of DOM)" % (width, len(dom)))
        text = html.unescape(m.group(1).decode("utf-8", "replace"))
        try:
            found[width] = json.loads(text)
        except ValueError:
            raise RuntimeError("no measurement at %d px: %s" % (width, text[:200]))
        if "error" in found[width]:
            raise RuntimeError("the measuring script failed at %d px: %s" % (width, found[width]["error"][:300]))
        if found[width]["clientWidth"] != width:
            raise RuntimeError("the page was laid out %d px wide, not %d: the measurement would mean nothing" % (found[width]["clientWidth"], width))
    return found


# ---------------------------------------------------------------------------------------------
# PNG: zlib and the five filter types, 8-bit RGB and RGBA, not interlaced


def read_png(path):
    """Returns (width, height, rows) with each row as bytes of 4-byte RGBA pixels."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("%s is not a PNG" % path)
    pos, idat, ihdr = 8, [], None
    while pos + 8 <= len(data):
        (n,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if ihdr is None:
        raise ValueError("%s has no IHDR" % path)
    w, h, depth, colour, _, _, interlace = ihdr
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise ValueError("%s: only 8-bit RGB or RGBA, not interlaced (depth %d, colour type %d, interlace %d)" % (path, depth, colour, interlace))
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    n = w * bpp
    if len(raw) != h * (n + 1):
        raise ValueError("%s: %d bytes of image data, expected %d" % (path, len(raw), h * (n + 1)))
    rows, prior = [], bytes(n)
    for y in range(h):
        at = y * (n + 1)
        prior = unfilter(raw[at], raw[at + 1 : at + 1 + n], prior, bpp)
        rows.append(prior if bpp == 4 else to_rgba(prior, w))
    return w, h, rows


_masks = {}
_nonzero = re.compile(rb"[^\x00]+")


def masks(n):
    """0x80 and 0x7f in each of n bytes, as integers: for bytewise sums without carries between bytes."""
    if n not in _masks:
        _masks[n] = (int.from_bytes(b"\x80" * n, "little"), int.from_bytes(b"\x7f" * n, "little"))
    return _masks[n]


def unfilter(kind, line, prior, bpp):
    n = len(line)
    if kind == 0:
        return line
    if kind == 1 or kind == 2:  # Sub, Up: bytewise sums, done on whole rows as big integers
        hi, lo = masks(n)

        def add(x, y):
            return ((x & lo) + (y & lo)) ^ ((x ^ y) & hi)

        x = int.from_bytes(line, "little")
        if kind == 2:
            return add(x, int.from_bytes(prior, "little")).to_bytes(n, "little")
        full, shift = (1 << (8 * n)) - 1, 8 * bpp
        while shift < 8 * n:  # prefix sums per channel: each step adds the row shifted by bpp, 2 bpp, 4 bpp ...
            x = add(x, (x << shift) & full)
            shift <<= 1
        return x.to_bytes(n, "little")
    out = bytearray(line)
    if kind == 3:  # Average
        for i in range(bpp):
            out[i] = (out[i] + (prior[i] >> 1)) & 255
        for i in range(bpp, n):
            out[i] = (out[i] + ((out[i - bpp] + prior[i]) >> 1)) & 255
        return bytes(out)
    if kind == 4:  # Paeth
        for i in range(bpp):
            out[i] = (out[i] + prior[i]) & 255
        # Where the filtered byte is 0 and the row above has b == c, the predictor is a: the byte
        # repeats the one a pixel to its left. Most of a screenshot's background is such runs,
        # copied here as slices; the byte-by-byte loop runs only on the rest.
        up = int.from_bytes(prior, "little")
        busy = ((int.from_bytes(line, "little") | (up ^ (up << (8 * bpp)))) & ((1 << (8 * n)) - 1)).to_bytes(n, "little")
        i = bpp
        for m in _nonzero.finditer(busy, bpp):
            start, end = m.span()
            if start > i:
                out[i:start] = (bytes(out[i - bpp : i]) * ((start - i) // bpp + 1))[: start - i]
            for i in range(start, end):
                a, b, c = out[i - bpp], prior[i], prior[i - bpp]
                pa, pb = b - c, a - c
                pc = pa + pb
                if pa < 0:
                    pa = -pa
                if pb < 0:
                    pb = -pb
                if pc < 0:
                    pc = -pc
                out[i] = (out[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            i = end
        if n > i:
            out[i:n] = (bytes(out[i - bpp : i]) * ((n - i) // bpp + 1))[: n - i]
        return bytes(out)
    raise ValueError("unknown PNG filter type %d" % kind)


def to_rgba(rgb, w):
    out = bytearray(b"\xff" * (4 * w))
    out[0::4], out[1::4], out[2::4] = rgb[0::3], rgb[1::3], rgb[2::3]
    return bytes(out)


def pixels(row):
    a = array.array("I")
    a.frombytes(row)
    return a


def near(p, q, tolerance=8):
    return all(abs(((p >> s) & 255) - ((q >> s) & 255)) <= tolerance for s in (0, 8, 16, 24))


def analyse_png(path, exclude_rows):
    """Background, the share of other pixels, distinct colours, rows with content in the edge strip."""
    w, h, rows = read_png(path)
    counts = {}
    for y in range(0, h, 8):
        for p in pixels(rows[y]):
            counts[p] = counts.get(p, 0) + 1
    background = max(counts, key=counts.get)
    colours, seen, other, edge_rows = set(), {}, 0, []
    for y, row in enumerate(rows):
        known = seen.get(row)
        if known is None:
            px = pixels(row)
            colours.update(px)
            strip = px[w - EDGE_STRIP :]
            known = (w - px.count(background), not all(near(p, strip[0]) for p in strip))
            seen[row] = known
        other += known[0]
        if known[1] and not exclude_rows(y):
            edge_rows.append(y)
    return {
        "width": w, "height": h, "background": "#%02x%02x%02x" % (background & 255, background >> 8 & 255, background >> 16 & 255),
        "other": other / float(w * h), "colours": len(colours), "edge_rows": edge_rows,
    }


def write_png(path, w, h, rows_rgba, filters):
    """A PNG of RGBA rows, each row filtered with filters[y % len] (for the decoder's own test)."""
    raw, prior = bytearray(), bytes(4 * w)
    for y, row in enumerate(rows_rgba):
        kind = filters[y % len(filters)]
        out = bytearray(len(row))
        for i in range(len(row)):
            a = row[i - 4] if i >= 4 else 0
            b, c = prior[i], prior[i - 4] if i >= 4 else 0
            if kind == 0:
                pred = 0
            elif kind == 1:
                pred = a
            elif kind == 2:
                pred = b
            elif kind == 3:
                pred = (a + b) >> 1
            else:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
            out[i] = (row[i] - pred) & 255
        raw += bytes([kind]) + out
        prior = row

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(bytes(raw))) + chunk(b"IEND", b""))


# ---------------------------------------------------------------------------------------------
# PDF


def analyse_pdf(path):
    with open(path, "rb") as f:
        data = f.read()
    if not data.startswith(b"%PDF"):
        raise ValueError("%s does not start with %%PDF" % path)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    boxes = [tuple(float(v) for v in m) for m in re.findall(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", data)]
    sizes = sorted({(round(b[2] - b[0], 1), round(b[3] - b[1], 1)) for b in boxes})
    fonts = sorted({re.sub(r"^[A-Z]{6}\+", "", f.decode("latin-1")) for f in re.findall(rb"/(?:BaseFont|FontName)\s*/([^\s/\[\]<>()]+)", data)})
    return {"bytes": len(data), "pages": pages, "sizes": sizes, "fonts": fonts, "scales": print_scales(data)}


def print_scales(data):
    """Per page, the scale Chromium printed the page at (1.0: a CSS px is 0.75 pt; less: the
    content was wider than the paper and shrunk to fit), or [] when the PDF is not laid out as
    Skia's are: each page's content starts with two `cm` operators, the device scale (0.24) and
    the page's (3.125 at 100 %), whose product is 0.75 pt per CSS px."""
    objects = {int(m.group(1)): m.group(2) for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S)}
    scales = []
    for body in objects.values():
        if not re.search(rb"/Type\s*/Page(?!s)", body):
            continue
        ref = re.search(rb"/Contents\s*\[?\s*(\d+) 0 R", body)
        content = objects.get(int(ref.group(1))) if ref else None
        m = re.search(rb"stream\r?\n(.*)endstream", content or b"", re.S)
        if not m:
            return []
        stream = m.group(1)
        try:
            if b"/FlateDecode" in content[: m.start()]:
                stream = zlib.decompressobj().decompress(stream)
        except zlib.error:
            return []
        cms = re.findall(rb"([-\d.]+) [-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ cm", stream[:4000])
        if len(cms) < 2:
            return []
        scales.append(float(cms[0]) * float(cms[1]) / 0.75)
    return scales


def is_a4(size):
    w, h = sorted(size)
    return abs(w - A4_PT[0]) <= A4_TOLERANCE_PT and abs(h - A4_PT[1]) <= A4_TOLERANCE_PT


# ---------------------------------------------------------------------------------------------
# One page: its layout at each width, a screenshot at each width, its print


def layout_failures(m, width, min_charts):
    fails = []
    if m["scrollWidth"] > width or m["offenders"]:
        where = "; ".join(
            '%s%s%s "%s" (%d px wide, right edge at %d px)' % (
                o["tag"], "#" + o["id"] if o["id"] else "", "." + o["cls"].replace(" ", ".") if o["cls"] else "", o["text"], o["width"], o["right"])
            for o in m["offenders"][:3])
        fails.append(Failure("overflow", "the page is %d px wide in a %d px viewport; %d elements reach past the right edge%s" % (
            m["scrollWidth"], width, m["pastRightEdge"], (", outermost: " + where) if where else " (none outside a scroll box)")))
    if m["clippedBoxes"]:
        b = m["clippedBoxes"][0]
        fails.append(Failure("clipped", '%d boxes with overflow-x: hidden or clip cut off what they hold, out of reach: %s%s "%s", %d px of content in %d px' % (
            m["clippedBoxCount"], b["el"]["tag"], "." + b["el"]["cls"].replace(" ", ".") if b["el"]["cls"] else "", b["el"]["text"], b["scrollWidth"], b["clientWidth"])))
    if m["textChars"] == 0:
        fails.append(Failure("no-text", "the page has no visible text"))
    if m["smallTexts"]:
        t = m["smallText"][0]
        fails.append(Failure("small-text", '%d texts are drawn smaller than %g px, the smallest %.1f px (%s "%s" at %.1f px): unreadable' % (
            m["smallTexts"], SMALL_TEXT_PX, m["smallestText"], t["tag"], t["text"], t["px"])))
    if m["charts"] < min_charts:
        fails.append(Failure("no-charts", "%d charts (<svg> with shapes and a size), expected at least %d" % (m["charts"], min_charts)))
    if m["cjkGlyphs"] is False:
        fails.append(Failure("cjk-glyphs", "Chinese text is drawn as missing-glyph boxes (font-family %s): no CJK font reached Chromium" % m.get("font")))
    if m["scripts"] or m["handlers"]:
        fails.append(Failure("script", "the page has %d scripts and %d event-handler attributes; it must have none" % (m["scripts"], m["handlers"])))
    if m["loads"]:
        fails.append(Failure("network", "the page loads something: %s" % ", ".join(m["loads"][:3])))
    if not m["viewportMeta"] or "width=device-width" not in m["viewportMeta"].replace(" ", ""):
        fails.append(Failure("viewport-meta", 'no <meta name="viewport" content="width=device-width, ..."> (found %r): a phone would lay the page out 980 px wide and shrink it' % m["viewportMeta"]))
    return fails


def screenshot_failures(s, m, width, height):
    fails = []
    if (s["width"], s["height"]) != (width, height):
        fails.append(Failure("screenshot", "the screenshot is %dx%d, expected %dx%d" % (s["width"], s["height"], width, height)))
    if s["other"] < BLANK_FRACTION or s["colours"] < BLANK_COLOURS:
        fails.append(Failure("blank", "the screenshot is blank: %.2f%% of its pixels differ from the background %s, %d colours (a page needs %.2f%% and %d)" % (
            100 * s["other"], s["background"], s["colours"], 100 * BLANK_FRACTION, BLANK_COLOURS)))
    rows = s["edge_rows"]
    if len(rows) >= EDGE_ROWS:
        fails.append(Failure("edge", "content is drawn in the last %d px at the right edge in %d rows (y %d to %d): cut off or touching the edge" % (
            EDGE_STRIP, len(rows), rows[0], rows[-1])))
    return fails


def print_failures(p):
    fails = []
    if p["pages"] == 0:
        fails.append(Failure("pdf", "the PDF has no pages (no /Type /Page in %d bytes)" % p["bytes"]))
    if not p["sizes"] or not all(is_a4(size) for size in p["sizes"]):
        fails.append(Failure("not-a4", "the PDF's pages are %s pt, not A4 (595x842): does the page's CSS have @page { size: A4 }?" % (
            ", ".join("%gx%g" % size for size in p["sizes"]) or "of no size")))
    if not p["fonts"]:
        fails.append(Failure("pdf-text", "the PDF has no fonts: no text was printed"))
    if p["scales"] and min(p["scales"]) < PRINT_SHRUNK:
        fails.append(Failure("print-shrunk", "Chromium printed %d of %d pages shrunk to %.0f%%: something on them is wider than A4's printable width" % (
            sum(1 for x in p["scales"] if x < PRINT_SHRUNK), len(p["scales"]), 100 * min(p["scales"]))))
    return fails


def check_page(chromium, name, path, min_charts, out, workdir, env=None):
    """[{label, line, fails}], one per width and one for the print."""
    with open(path, encoding="utf-8", errors="replace") as f:
        page_html = f.read()
    found = measure(chromium, page_html, [w for _, w in WIDTHS], workdir, name, env)
    rows, url = [], "file://" + os.path.abspath(path)
    pdf = os.path.join(out, "%s-a4.pdf" % name)
    for i, (wname, width) in enumerate(WIDTHS):
        m, tag = found[width], "%s-%s-%d" % (name, wname, width)
        with open(os.path.join(out, tag + ".json"), "w", encoding="utf-8") as f:
            json.dump(m, f, ensure_ascii=False, indent=1)
        fails = layout_failures(m, width, min_charts)
        # The screenshot is of the page itself, as tall as it is (capped); the print rides on the last one.
        height = min(max(int(m["scrollHeight"]), 1), MAX_SHOT_HEIGHT)
        png = os.path.join(out, tag + ".png")
        printing = ["--print-to-pdf=" + pdf, "--no-pdf-header-footer"] if i == len(WIDTHS) - 1 else []
        run_chromium(chromium, ["--screenshot=" + png, "--window-size=%d,%d" % (width, height)] + printing + [url], workdir, tag, env)
        if not os.path.exists(png):
            raise RuntimeError("Chromium wrote no screenshot %s" % png)
        # Rows where a deliberate scroll box meets the edge: its content is cut there on purpose.
        spans = [(b["top"], b["bottom"]) for b in m["scrollBoxes"] if b["right"] >= width - EDGE_STRIP - 1]
        s = analyse_png(png, lambda y: any(top - 1 <= y <= bottom + 1 for top, bottom in spans))
        fails += screenshot_failures(s, m, width, height)
        line = "height %5dpx%s  svg %2d  text %5d chars  smallest text %4.1fpx  non-background %5.1f%%  colours %5d%s" % (
            m["scrollHeight"], " (shot capped at %d)" % MAX_SHOT_HEIGHT if m["scrollHeight"] > MAX_SHOT_HEIGHT else "",
            m["charts"], m["textChars"], m["smallestText"] or 0, 100 * s["other"], s["colours"],
            "  scroll boxes %d" % len(m["scrollBoxes"]) if m["scrollBoxes"] else "")
        rows.append({"label": "%-7s %4dpx" % (wname, width), "line": line, "fails": fails})
    if not os.path.exists(pdf):
        raise RuntimeError("Chromium wrote no PDF %s" % pdf)
    p = analyse_pdf(pdf)
    line = "pdf %d page%s  %s  scale %s  fonts %s" % (
        p["pages"], "" if p["pages"] == 1 else "s", ("x".join("%g" % v for v in p["sizes"][0]) + " pt") if p["sizes"] else "no page size",
        "%.0f%%" % (100 * min(p["scales"])) if p["scales"] else "?",
        ", ".join(p["fonts"][:4]) + (" ..." if len(p["fonts"]) > 4 else "") if p["fonts"] else "none")
    rows.append({"label": "print   A4    ", "line": line, "fails": print_failures(p)})
    return rows


def page_job(chromium, name, path, min_charts, out, workdir, env):
    """Runs in a worker process; an exception (Chromium failed, a file is not what it should be) is a failure."""
    started = time.time()
    try:
        rows = check_page(chromium, name, path, min_charts, out, workdir, env)
    except Exception as e:
        rows = [{"label": "error", "line": "", "fails": [Failure("error", str(e))]}]
    return {"rows": rows, "seconds": time.time() - started}


def render_all(chromium, pages, out, jobs):
    """pages: [(name, path, min_charts, environment for its Chromium runs or None)]. Returns [(name, result)] in the order given."""
    workdir = tempfile.mkdtemp(prefix="render-check-")
    try:
        with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [(name, pool.submit(page_job, chromium, name, path, min_charts, out, workdir, env)) for name, path, min_charts, env in pages]
            return [(name, f.result()) for name, f in futures]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def print_rows(name, result, width):
    failed = []
    for r in result["rows"]:
        print("%s  %-*s  %s  %s" % ("ok  " if not r["fails"] else "FAIL", width, name, r["label"], r["line"]), flush=True)
        for f in r["fails"]:
            print("          %s" % f.text, flush=True)
            failed.append((f, "%s at %s: %s" % (name, r["label"].split()[0] if r["label"] != "error" else "any width", f.text)))
    return failed


def expected_of(path):
    with open(path, encoding="utf-8") as f:
        m = re.search(r'<meta name="render-check-expect" content="([^"]*)"', f.read())
    if not m:
        raise SystemExit('check_render: %s has no <meta name="render-check-expect" content="...">' % path)
    keys = m.group(1).split()
    return set() if keys == ["pass"] else set(keys)


def self_test_decoder(workdir):
    """The decoder against rows this file encodes with each filter type, on awkward pixel values."""
    import random

    rnd = random.Random(7)
    w, h = 37, 25
    noise = [bytes(rnd.choice((0, 1, 127, 128, 254, 255, rnd.randrange(256))) for _ in range(4 * w)) for _ in range(h)]
    # A page's rows: long runs of one colour with a few other pixels, as text on a background.
    page = []
    for _ in range(h):
        row = bytearray(b"\xf6\xf8\xfa\xff" * w)
        for _ in range(rnd.randrange(4)):
            x = rnd.randrange(w)
            row[4 * x : 4 * x + 4 * rnd.randrange(1, 4)] = bytes(rnd.randrange(256) for _ in range(4)) * 3
        page.append(bytes(row[: 4 * w]))
    for rows in (noise, page):
        for filters in ([0], [1], [2], [3], [4], [0, 1, 2, 3, 4], [4, 3, 2, 1]):
            path = os.path.join(workdir, "decoder.png")
            write_png(path, w, h, rows, filters)
            if read_png(path)[2] != rows:
                return "the PNG decoder gets filter types %s wrong on %s" % (filters, "noise" if rows is noise else "page-like rows")
    return None


def no_cjk_fontconfig(workdir):
    """A fontconfig file listing only the font directories that hold no Chinese font, or None."""
    try:
        zh = subprocess.run(["fc-list", "--format=%{file}\\n", ":lang=zh"], capture_output=True, text=True).stdout.splitlines()
        every = subprocess.run(["fc-list", "--format=%{file}\\n"], capture_output=True, text=True).stdout.splitlines()
    except OSError:
        return None
    dirs = sorted({os.path.dirname(f) for f in every if f} - {os.path.dirname(f) for f in zh if f})
    if not dirs:
        return None
    path = os.path.join(workdir, "fonts-without-cjk.conf")
    with open(path, "w") as f:
        f.write('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>%s<cachedir>%s</cachedir></fontconfig>\n' % (
            "".join("<dir>%s</dir>" % html.escape(d) for d in dirs), html.escape(os.path.join(workdir, "fc-cache"))))
    return path


def self_test(chromium, samples, out, jobs):
    """Each sample must fail exactly the checks its <meta name="render-check-expect"> names, at some width or in print."""
    started, problems = time.time(), []
    workdir = tempfile.mkdtemp(prefix="render-check-self-")
    try:
        problem = self_test_decoder(workdir)
        print("%s  PNG decoder: filter types 0-4 against this file's encoder" % ("ok  " if not problem else "FAIL"), flush=True)
        if problem:
            problems.append(problem)
        # good.html and its broken copies (broken_samples.py), written where a person can open them.
        paths = broken_samples.write(os.path.join(samples, "good.html"), os.path.join(out, "samples"))
        names = [os.path.basename(path)[:-5] for path in paths]
        expected = {n: expected_of(path) for n, path in zip(names, paths)}
        pages = [(n, path, 1, None) for n, path in zip(names, paths)]
        conf = no_cjk_fontconfig(workdir)
        if conf and "good" in expected:  # good.html again, with only the fonts that have no Chinese
            pages.append(("good-without-cjk-font", paths[0], 1, {"FONTCONFIG_FILE": conf}))
            expected["good-without-cjk-font"] = {"cjk-glyphs"}
        else:
            print("note  no font directory without a Chinese font here: the missing-glyph check is not tried", flush=True)
        for name, result in render_all(chromium, pages, out, jobs):
            got = {f.key for r in result["rows"] for f in r["fails"]}
            want = expected[name]
            ok = got == want
            print("%s  %-22s expected %-30s got %s" % ("ok  " if ok else "FAIL", name, " ".join(sorted(want)) or "pass", " ".join(sorted(got)) or "pass"), flush=True)
            for r in result["rows"]:
                for f in r["fails"]:
                    print("          %s: %s" % (r["label"].split()[0], f.text), flush=True)
            if not ok:
                problems.append("%s was expected to %s but %s" % (
                    name, "fail " + " ".join(sorted(want)) if want else "pass", "failed " + " ".join(sorted(got)) if got else "passed"))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print("check_render: self-test: %d samples in %.1f s" % (len(expected), time.time() - started), flush=True)
    if problems:
        print("check_render: SELF-TEST FAILED: %s. The checks do not catch what they are for, or flag a good page: "
              "fix the checker before trusting its verdicts." % "; ".join(problems), flush=True)
        return 1
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chromium", required=True, help="the Chromium command (one path or name)")
    ap.add_argument("--out", required=True, help="directory for the screenshots, PDFs and measurements")
    ap.add_argument("--jobs", type=int, default=2, help="pages rendered at once (default 2)")
    ap.add_argument("--page", nargs=3, action="append", metavar=("NAME", "MIN_CHARTS", "FILE"), default=[])
    ap.add_argument("--self-test", metavar="SAMPLES_DIR")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    chromium = [a.chromium]
    if a.self_test:
        return self_test(chromium, a.self_test, a.out, a.jobs)
    if not a.page:
        ap.error("no --page")
    for name, min_charts, path in a.page:
        if not os.path.isfile(path):
            print("check_render: %s: no such file %s" % (name, path), file=sys.stderr)
            return 2
    pages = [(name, path, int(min_charts), None) for name, min_charts, path in a.page]
    width, failed, started = max(len(p[0]) for p in pages), [], time.time()
    results = render_all(chromium, pages, a.out, a.jobs)
    for name, result in results:
        failed += print_rows(name, result, width)
    slowest = max(results, key=lambda nr: nr[1]["seconds"])
    print("check_render: %d pages in %.1f s, %d at a time; the slowest, %s, %.1f s" % (
        len(pages), time.time() - started, a.jobs, slowest[0], slowest[1]["seconds"]), flush=True)
    if failed:
        print("check_render: FAILED: %s" % " ".join(text.rstrip(".") + "." for _, text in failed), flush=True)
        return 2 if all(f.key == "error" for f, _ in failed) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
