#!/usr/bin/env python3
"""Makes a producer's output reproducible without changing its structure.

  normalize.py pdf IN.pdf OUT.pdf    the dates in /CreationDate, /ModDate and XMP become
                                     SOURCE_DATE_EPOCH's, byte for byte the same length (the
                                     cross-reference offsets stay right); /ID, if any, becomes the
                                     MD5 of the file with its dates fixed, and so does
                                     LibreOffice's /DocChecksum.
  normalize.py docx IN.docx OUT.docx the zip entries get SOURCE_DATE_EPOCH's time; entries,
                                     order and contents as the producer wrote them.
"""
import hashlib
import os
import re
import sys
import time
import zipfile

EPOCH = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", "1677456000")))


def fix_pdf(data):
    pdf_date = time.strftime("%Y%m%d%H%M%S", EPOCH).encode()
    xmp_date = time.strftime("%Y-%m-%dT%H:%M:%S", EPOCH).encode()
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}", lambda m: m.group(1) + pdf_date, data)
    data = re.sub(rb"((?:xmp:CreateDate|xmp:ModifyDate|xmp:MetadataDate)>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d",
                  lambda m: m.group(1) + xmp_date, data)
    ids = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]{32})(>\s*<)([0-9A-Fa-f]{32})(>)")
    checksum = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]{32})")  # LibreOffice's, from the time
    digest = hashlib.md5(checksum.sub(b"", ids.sub(b"", data))).hexdigest().upper().encode()
    data = checksum.sub(lambda m: m.group(1) + digest, data)
    return ids.sub(lambda m: m.group(1) + digest + m.group(3) + digest + m.group(5), data)


def fix_docx(source, target):
    stamp = EPOCH[:6]
    with zipfile.ZipFile(source) as zin:
        entries = [(info, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(target + ".tmp", "w") as zout:
        for info, content in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            fixed.create_system = 3
            zout.writestr(fixed, content, compresslevel=9)
    os.replace(target + ".tmp", target)


def main():
    kind, source, target = sys.argv[1:4]
    if kind == "pdf":
        with open(source, "rb") as f:
            data = fix_pdf(f.read())
        with open(target, "wb") as f:
            f.write(data)
    elif kind == "docx":
        fix_docx(source, target)
    else:
        sys.exit("usage: normalize.py pdf|docx IN OUT")


if __name__ == "__main__":
    main()
