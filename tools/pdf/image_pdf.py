#!/usr/bin/env python3
"""Wrap a grayscale JPEG into a one-page PDF without a text layer (what a scanner writes).

    image_pdf.py PAGE.jpg DPI OUT.pdf

Used to make tests/data/*-image*.pdf from a corpus page rendered by `pdftoppm -gray -jpeg`.
"""
import struct
import sys

from pdfwrite import write_pdf


def jpeg_size(data: bytes) -> tuple[int, int]:
    i = 2
    while i < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            h, w = struct.unpack(">HH", data[i + 5:i + 9])
            return w, h
        i += 2 + length
    raise ValueError("no SOF marker")


def main() -> None:
    jpg, dpi, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    data = open(jpg, "rb").read()
    w, h = jpeg_size(data)
    pw, ph = w * 72 / dpi, h * 72 / dpi
    content = f"q {pw:.2f} 0 0 {ph:.2f} 0 0 cm /I1 Do Q".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw:.2f} {ph:.2f}] "
        f"/Resources << /XObject << /I1 4 0 R >> >> /Contents 5 0 R >>".encode(),
        f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray "
        f"/BitsPerComponent 8 /Filter /DCTDecode /Length {len(data)} >>\nstream\n".encode()
        + data + b"\nendstream",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
    ]
    write_pdf(objs, out)


if __name__ == "__main__":
    main()
