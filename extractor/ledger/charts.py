"""Inline SVG charts for the corpus report: horizontal bars, stacked bars, columns over
time, and the relay graph as two columns joined by lines.

Why hand-made SVG rather than a charting library: the page must be one self-contained
file with no script and no remote asset, and a dozen rectangles per chart is less than a
library's output would be. Every label goes through `escape`; every chart scales with its
`viewBox`, so it shrinks on a phone instead of overflowing.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

COLORS = {"person": "#3366cc", "organization": "#109618", "media": "#ff9900", "anonymous": "#990099",
          "unattributed": "#777777", "asserted": "#3366cc", "denied": "#dc3912", "hedged": "#ff9900"}
_FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _svg(width: int, height: int, body: list[str], title: str) -> Markup:
    return Markup(f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{escape(title)}" '
                  f'xmlns="http://www.w3.org/2000/svg" {_FONT}><title>{escape(title)}</title>{"".join(body)}</svg>')


def _short(text: str, n: int = 34) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def bars(items: list[tuple[str, float, str]], title: str, fmt: str = "{:g}", label_width: int = 230) -> Markup:
    """Horizontal bars: (label, value, colour key) each."""
    width, row = 640, 22
    top = max((v for _, v, _ in items), default=0) or 1
    span = width - label_width - 60
    body = []
    for i, (label, value, key) in enumerate(items):
        y = i * row + 4
        w = max(1.0, span * value / top) if value else 0
        body.append(f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end">{escape(_short(label))}</text>'
                    f'<rect x="{label_width}" y="{y + 3}" width="{w:.1f}" height="{row - 8}" '
                    f'fill="{COLORS.get(key, "#3366cc")}"><title>{escape(label)}: {escape(fmt.format(value))}</title></rect>'
                    f'<text x="{label_width + w + 4:.1f}" y="{y + 14}">{escape(fmt.format(value))}</text>')
    return _svg(width, max(row, len(items) * row + 8), body, title)


def stacked(items: list[tuple[str, dict[str, int]]], keys: list[str], title: str, label_width: int = 230) -> Markup:
    """Horizontal 100% stacked bars: (label, {key: count}) each, with a legend."""
    width, row = 640, 22
    span = width - label_width - 20
    body = [_legend(keys, label_width, 12)]
    for i, (label, counts) in enumerate(items):
        y = i * row + 24
        total = sum(counts.get(k, 0) for k in keys) or 1
        x = float(label_width)
        body.append(f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end">{escape(_short(label))}</text>')
        for k in keys:
            w = span * counts.get(k, 0) / total
            if w:
                body.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row - 8}" fill="{COLORS[k]}">'
                            f'<title>{escape(label)}: {k} {counts.get(k, 0)}</title></rect>')
            x += w
    return _svg(width, len(items) * row + 32, body, title)


def _legend(keys: list[str], x0: int, y: int) -> str:
    out = []
    for i, k in enumerate(keys):
        x = x0 + i * 110
        out.append(f'<rect x="{x}" y="{y - 10}" width="10" height="10" fill="{COLORS.get(k, "#3366cc")}"/>'
                   f'<text x="{x + 14}" y="{y}">{escape(k)}</text>')
    return "".join(out)


def columns(items: list[tuple[str, float]], title: str, fmt: str = "{:.0%}") -> Markup:
    """Vertical columns in order (months): (label, value in 0..1) each."""
    width, height, base = 640, 220, 180
    n = max(1, len(items))
    step = (width - 50) / n
    body = [f'<line x1="40" y1="{base}" x2="{width}" y2="{base}" stroke="#999"/>',
            f'<text x="36" y="{base - 150 + 4}" text-anchor="end">100%</text>',
            f'<text x="36" y="{base + 4}" text-anchor="end">0%</text>']
    every = max(1, n // 12)
    for i, (label, value) in enumerate(items):
        x = 44 + i * step
        h = 150 * max(0.0, min(1.0, value))
        body.append(f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{max(1.0, step - 4):.1f}" height="{h:.1f}" '
                    f'fill="#990099"><title>{escape(label)}: {escape(fmt.format(value))}</title></rect>')
        if i % every == 0:
            body.append(f'<text x="{x + step / 2:.1f}" y="{base + 16}" text-anchor="middle">{escape(label)}</text>')
    return _svg(width, height, body, title)


def relay_graph(edges: list[tuple[str, str, str, str, int]], title: str) -> Markup:
    """Relays (left) joined to the sources they carried (right): (relay, relay type,
    source, source type, claims) each; line width grows with claims."""
    relays = list(dict.fromkeys((r, rt) for r, rt, _, _, _ in edges))
    sources = list(dict.fromkeys((s, stp) for _, _, s, stp, _ in edges))
    width, row = 640, 24
    height = max(len(relays), len(sources)) * row + 30
    ry = {r: 24 + i * (height - 30) / max(1, len(relays)) + 8 for i, (r, _) in enumerate(relays)}
    sy = {s: 24 + i * (height - 30) / max(1, len(sources)) + 8 for i, (s, _) in enumerate(sources)}
    top = max((n for *_, n in edges), default=1)
    body = ['<text x="200" y="14" text-anchor="end" font-weight="bold">relay</text>',
            '<text x="440" y="14" font-weight="bold">source</text>']
    for r, _, s, _, n in edges:
        body.append(f'<line x1="206" y1="{ry[r]:.1f}" x2="434" y2="{sy[s]:.1f}" stroke="#888" stroke-opacity="0.7" '
                    f'stroke-width="{1 + 5 * n / top:.1f}"><title>{escape(r)} carried {escape(s)}: {n}</title></line>')
    for r, t in relays:
        body.append(f'<circle cx="206" cy="{ry[r]:.1f}" r="4" fill="{COLORS.get(t, "#777")}"/>'
                    f'<text x="198" y="{ry[r] + 4:.1f}" text-anchor="end">{escape(_short(r, 30))}</text>')
    for s, t in sources:
        body.append(f'<circle cx="434" cy="{sy[s]:.1f}" r="4" fill="{COLORS.get(t, "#777")}"/>'
                    f'<text x="442" y="{sy[s] + 4:.1f}">{escape(_short(s, 30))}</text>')
    return _svg(width, height, body, title)
