"""Two small chart kinds as standalone SVG text: labelled points, and horizontal bars.

Written out by hand so the benchmarks page needs no plotting library and the files it writes
are byte-for-byte reproducible from the same numbers.
"""

from __future__ import annotations

import math
from html import escape

WIDTH = 640
FONT = 'font-family="system-ui, sans-serif" font-size="12"'
OURS = "#1f6feb"
PEER = "#8b949e"


def _svg(height: int, body: list[str], title: str) -> str:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}">'
    )
    back = f'<rect width="{WIDTH}" height="{height}" fill="white"/>'
    heading = f'<text x="12" y="20" {FONT} font-weight="bold">{escape(title)}</text>'
    return "\n".join([head, back, heading, *body, "</svg>", ""])


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]."""
    span = high - low or 1.0
    step = 10 ** math.floor(math.log10(span / count))
    for factor in (1, 2, 5, 10):
        if span / (step * factor) <= count:
            step *= factor
            break
    first = math.floor(low / step) * step
    return [first + index * step for index in range(count + 2) if first + index * step <= high]


def _label(value: float) -> str:
    return f"{value:g}" if abs(value) >= 0.01 or value == 0 else f"{value:.1e}"


def scatter(
    points: list[tuple[str, float, float, bool]],
    *,
    title: str,
    x_label: str,
    y_label: str,
) -> str:
    """Labelled points (label, x, y, ours); ours drawn in blue, peers in grey."""
    height, left, right, top, bottom = 360, 64, 24, 36, 48
    xs = [x for _, x, _, _ in points]
    ys = [y for _, _, y, _ in points]
    x_low, x_high = 0.0, max(xs) * 1.15 or 1.0
    y_low, y_high = min(ys) - 0.03, min(1.0, max(ys) + 0.02)

    def place(x: float, y: float) -> tuple[float, float]:
        px = left + (x - x_low) / (x_high - x_low) * (WIDTH - left - right)
        py = height - bottom - (y - y_low) / (y_high - y_low) * (height - top - bottom)
        return px, py

    body = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{WIDTH - right}" '
        f'y2="{height - bottom}" stroke="black"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="black"/>',
    ]
    for tick in _ticks(x_low, x_high):
        px, _ = place(tick, y_low)
        body.append(
            f'<text x="{px:.1f}" y="{height - bottom + 16}" {FONT} '
            f'text-anchor="middle">{_label(tick)}</text>'
        )
    for tick in _ticks(y_low, y_high):
        if tick < y_low:
            continue
        _, py = place(x_low, tick)
        body.append(
            f'<text x="{left - 6}" y="{py + 4:.1f}" {FONT} text-anchor="end">{tick:.2f}</text>'
        )
        body.append(
            f'<line x1="{left}" y1="{py:.1f}" x2="{WIDTH - right}" y2="{py:.1f}" stroke="#eee"/>'
        )
    body.append(
        f'<text x="{(left + WIDTH - right) / 2}" y="{height - 10}" {FONT} '
        f'text-anchor="middle">{escape(x_label)}</text>'
    )
    body.append(
        f'<text x="14" y="{(top + height - bottom) / 2}" {FONT} text-anchor="middle" '
        f'transform="rotate(-90 14 {(top + height - bottom) / 2})">{escape(y_label)}</text>'
    )
    taken: list[tuple[float, float, float, float]] = []
    for label, x, y, ours in points:
        px, py = place(x, y)
        colour = OURS if ours else PEER
        lx, ly, anchor = _label_place(px, py, len(label) * _CHAR_WIDTH, taken)
        body.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5" fill="{colour}"/>')
        body.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" {FONT} fill="{colour}" '
            f'text-anchor="{anchor}">{escape(label)}</text>'
        )
    return _svg(height, body, title)


#: About how wide a character of the labels is, in pixels, to keep labels apart.
_CHAR_WIDTH = 7.0


def _label_place(
    px: float, py: float, width: float, taken: list[tuple[float, float, float, float]]
) -> tuple[float, float, str]:
    """Where a point's label goes: above right, below right, above left or below left of the
    point, the first place whose box overlaps no label placed before (else above right)."""
    tries = [
        (px + 8, py - 6, "start", px + 8),
        (px + 8, py + 16, "start", px + 8),
        (px - 8, py - 6, "end", px - 8 - width),
        (px - 8, py + 16, "end", px - 8 - width),
    ]
    for lx, ly, anchor, left in tries:
        box = (left, ly - 12, left + width, ly + 2)
        if not any(_overlap(box, other) for other in taken):
            taken.append(box)
            return lx, ly, anchor
    lx, ly, anchor, left = tries[0]
    taken.append((left, ly - 12, left + width, ly + 2))
    return lx, ly, anchor


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def bars(items: list[tuple[str, float, bool]], *, title: str, unit: str) -> str:
    """Horizontal bars (label, value, ours) on a logarithmic scale, each with its value."""
    row, top, left, right = 24, 36, 170, 70
    height = top + row * len(items) + 28
    values = [value for _, value, _ in items if value > 0]
    low = 10 ** math.floor(math.log10(min(values)))
    high = 10 ** math.ceil(math.log10(max(values)))
    scale = (WIDTH - left - right) / (math.log10(high) - math.log10(low))
    body = []
    for index, (label, value, ours) in enumerate(items):
        y = top + index * row
        length = max(1.0, (math.log10(max(value, low)) - math.log10(low)) * scale)
        colour = OURS if ours else PEER
        body.append(
            f'<text x="{left - 8}" y="{y + 15}" {FONT} text-anchor="end">{escape(label)}</text>'
        )
        body.append(
            f'<rect x="{left}" y="{y + 4}" width="{length:.1f}" height="{row - 8}" '
            f'fill="{colour}"/>'
        )
        body.append(
            f'<text x="{left + length + 6:.1f}" y="{y + 15}" {FONT}>{value:.3g} {unit}</text>'
        )
    axis = top + row * len(items) + 4
    body.append(
        f'<text x="{left}" y="{axis + 16}" {FONT} fill="#555">logarithmic scale, '
        f"{_label(low)} to {_label(high)} {escape(unit)}</text>"
    )
    return _svg(height, body, title)
