"""Serialises a list of PDF object bodies into a file with a correct cross-reference table.

Shared by the scripts that write small test PDFs by hand (image_pdf.py, raw_layout.py); object
n of the file is objs[n - 1], and object 1 must be the catalog.
"""


def write_pdf(objs: list[bytes], out: str) -> None:
    pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(pdf))
        pdf += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        pdf += f"{off:010d} 00000 n \n".encode()
    pdf += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(out, "wb") as f:
        f.write(pdf)
