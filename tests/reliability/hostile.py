"""Hostile files, built in memory (nothing binary is committed)."""

import io
import struct
import zipfile
import zlib

from tests.factories.notices import pdf_bytes

pdf = pdf_bytes


def jpeg(size=(8, 8)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="JPEG")
    return out.getvalue()


def png(size=(8, 8)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (30, 30, 200)).save(out, format="PNG")
    return out.getvalue()


def zip_archive(files=None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in (files or {"payload.html": b"<html>hi</html>"}).items():
            archive.writestr(name, data)
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width=50_000, height=50_000) -> bytes:
    """A 100-byte PNG declaring width x height pixels (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + _chunk(b"IEND", b"")
    )


def jpeg_bomb(width=50_000, height=50_000) -> bytes:
    """A tiny JPEG whose frame header declares width x height pixels."""
    data = bytearray(jpeg())
    sof = next(data.find(m) for m in (b"\xff\xc0", b"\xff\xc2") if data.find(m) != -1)
    struct.pack_into(">HH", data, sof + 5, height, width)
    return bytes(data)


def truncated(content: bytes) -> bytes:
    return content[: len(content) // 2]


def _raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A hand-written PDF with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


def pdf_flate_bomb(inflated=100 * 1024 * 1024) -> bytes:
    """One page whose content stream is ~100 KB deflated and `inflated` bytes inflated."""
    stream = zlib.compress(b" " * inflated, 9)
    return _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream",
        ]
    )


def pdf_deeply_nested(depth=100_000) -> bytes:
    """A page carrying an array nested `depth` levels deep."""
    return _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Foo "
            + b"[" * depth
            + b"]" * depth
            + b" >>",
        ]
    )


def pdf_encrypted() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf())))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_with_javascript() -> bytes:
    """Document-level JavaScript in the catalog's name tree, run when the PDF opens."""
    return _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 4 0 R >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            b"<< /Names [(run) 5 0 R] >>",
            b"<< /S /JavaScript /JS (app.alert\\('hello'\\);) >>",
        ]
    )


def pdf_with_launch_action(escaped=False) -> bytes:
    """Opening the PDF launches a program; with `escaped`, the name is spelt `/L#61unch` so
    only a parser (not a byte scan) sees it."""
    launch = b"/L#61unch" if escaped else b"/Launch"
    return _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            b"<< /Type /Action /S " + launch + b" /F (cmd.exe) >>",
        ]
    )


def pdf_then_html() -> bytes:
    return pdf() + b"\n<html><body><script>alert(document.cookie)</script></body></html>\n"


def jpeg_then_zip() -> bytes:
    return jpeg() + zip_archive()
