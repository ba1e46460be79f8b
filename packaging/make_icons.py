"""Render the app icon from ``resources/icons/logreg-studio.svg`` into every format we ship.

    python packaging/make_icons.py            # writes next to the SVG
    python packaging/make_icons.py --out DIR  # somewhere else (tests, previews)

Writes ``logreg-studio-{16..512}.png`` (the window icon and the freedesktop hicolor theme),
``logreg-studio.ico`` (Windows, PNG-compressed entries 16-256) and ``logreg-studio.icns``
(macOS, PNG entries 16-512 and their @2x forms). Qt has no ICO/ICNS writer in PySide6's wheels,
and both formats are only small headers around PNG data, so they are written here.
"""

from __future__ import annotations

import argparse
import os
import re
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
NAME = "logreg-studio"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types holding PNG data, with their pixel size (Apple's "icp4"… "ic14").
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
)
SMALL = 32  # at this size and below, the SVG's "detail" group is left out
TINY = 24  # at this size and below, the curve is drawn thicker so it stays a clear S
TINY_STROKE = "34"

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def svg_for_size(svg: str, size: int) -> str:
    """The SVG text to render at ``size`` pixels: small sizes drop detail, tiny ones thicken."""
    if size <= SMALL:
        svg = re.sub(r'<g id="detail".*?</g>', "", svg, flags=re.DOTALL)
    if size <= TINY:
        svg = re.sub(r'(<path id="curve"[^>]*stroke-width=")\d+', rf"\g<1>{TINY_STROKE}", svg)
    return svg


def render_png(svg: str, size: int) -> bytes:
    """Render ``svg`` to a ``size``×``size`` PNG (maximum compression)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg_for_size(svg, size).encode()))
    if not renderer.isValid():
        raise ValueError("the SVG does not parse")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG", 0):  # quality 0 = zlib level 9
        raise RuntimeError("Qt could not write a PNG")
    buffer.close()
    return bytes(data.data())


def make_ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are the given PNGs (Vista+ format; 256 is stored as 0)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def make_icns(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file with PNG entries for every type in :data:`ICNS_TYPES`."""
    body = b""
    for kind, size in ICNS_TYPES:
        data = pngs[size]
        body += kind + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_all(out: Path, svg_path: Path = ICONS / f"{NAME}.svg") -> list[Path]:
    """Write every PNG, the ICO and the ICNS into ``out``; return the paths written."""
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    svg = svg_path.read_text(encoding="utf-8")
    pngs = {size: render_png(svg, size) for size in PNG_SIZES}
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for size, data in pngs.items():
        path = out / f"{NAME}-{size}.png"
        path.write_bytes(data)
        written.append(path)
    if out.resolve() != svg_path.parent.resolve():
        (out / svg_path.name).write_bytes(svg_path.read_bytes())
    ico = out / f"{NAME}.ico"
    ico.write_bytes(make_ico({s: pngs[s] for s in ICO_SIZES}))
    icns = out / f"{NAME}.icns"
    icns.write_bytes(make_icns(pngs))
    written += [ico, icns]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICONS, help="output folder")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in make_all(args.out):
        print(f"{path.stat().st_size:>8} {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
