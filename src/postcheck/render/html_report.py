"""A self-contained HTML report of a scan: inline CSS and SVG, no scripts, no fonts.

Charts: findings by category over time, top rules, top authors. Then each
flagged post (highest score first) with its findings highlighted. With
`redact`, post text is never written: only the matched spans are shown.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from html import escape

from postcheck.render.scan_summary import Stats

COLOURS = {"patient-privacy": "#c0392b", "advertising": "#2471a3", "colleague-denigration": "#7d3c98",
           "patient-dignity": "#d68910", "unproven-claims": "#138d75", "conflict-of-interest": "#5d6d7e"}
OTHER = "#95a5a6"
CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:980px;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
.grid{display:flex;flex-wrap:wrap;gap:2em}.num{font-size:1.6em;font-weight:600}
.post{border:1px solid #ddd;border-radius:6px;padding:.8em 1em;margin:1em 0}
.meta{color:#666;font-size:.9em}.text{white-space:pre-wrap;margin:.5em 0}
mark{border-radius:3px;padding:0 2px;color:#fff}.verdict-block{color:#c0392b}.verdict-review{color:#d68910}
table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left;border-bottom:1px solid #eee}
svg text{font:11px system-ui,sans-serif}
"""


def colour(category: str) -> str:
    return COLOURS.get(category, OTHER)


def timeline_svg(months: Counter, width: int = 900, height: int = 240) -> str:
    """Stacked bars: findings per month, one colour per category (last 36 months)."""
    per_month: dict[str, Counter] = {}
    for (month, category), count in months.items():
        per_month.setdefault(month, Counter())[category] += count
    keys = sorted(per_month)[-36:]
    if not keys:
        return "<p>No findings.</p>"
    top = max(sum(per_month[k].values()) for k in keys)
    left, bottom, plot_h = 40, 40, height - 60
    step = (width - left - 10) / len(keys)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="Findings by category over time">',
             f'<text x="4" y="14">{top}</text><text x="4" y="{height - bottom}">0</text>',
             f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="#999"/>']
    for i, month in enumerate(keys):
        x, y = left + i * step, height - bottom
        for category, count in sorted(per_month[month].items()):
            h = plot_h * count / top
            y -= h
            parts.append(f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{max(step - 2, 1):.1f}" height="{h:.1f}" '
                         f'fill="{colour(category)}"><title>{escape(month)} {escape(category)}: {count}</title></rect>')
        if len(keys) <= 12 or i % max(1, len(keys) // 12) == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - bottom + 14}">{escape(month)}</text>')
    legend_x = left
    for category in sorted({c for _, c in months}):
        parts.append(f'<rect x="{legend_x}" y="{height - 14}" width="10" height="10" fill="{colour(category)}"/>'
                     f'<text x="{legend_x + 14}" y="{height - 5}">{escape(category)}</text>')
        legend_x += 20 + 7 * len(category)
    parts.append("</svg>")
    return "".join(parts)


def bars_svg(counts: Counter, label: str, limit: int = 10, width: int = 440) -> str:
    """Horizontal bars for the `limit` largest counts."""
    items = counts.most_common(limit)
    if not items:
        return "<p>None.</p>"
    row, name_w = 20, 170
    top = items[0][1]
    height = row * len(items) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="{escape(label)}">']
    for i, (name, count) in enumerate(items):
        y = 5 + i * row
        w = (width - name_w - 50) * count / top
        short = str(name) if len(str(name)) <= 26 else str(name)[:25] + "…"
        parts.append(f'<text x="0" y="{y + 13}">{escape(short)}</text>'
                     f'<rect x="{name_w}" y="{y + 2}" width="{w:.1f}" height="{row - 6}" fill="#2471a3">'
                     f'<title>{escape(str(name))}: {count}</title></rect>'
                     f'<text x="{name_w + w + 4:.1f}" y="{y + 13}">{count}</text>')
    parts.append("</svg>")
    return "".join(parts)


def highlight(text: str, findings: list[dict]) -> str:
    """The post with each finding in a <mark>; overlaps keep the earlier span."""
    out, pos = [], 0
    for f in sorted(findings, key=lambda f: (f["start"], -f["end"])):
        start, end = max(f["start"], pos), f["end"]
        if start >= end or end > len(text):
            continue
        out.append(escape(text[pos:start]))
        out.append(_mark(text[start:end], f))
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def redacted(findings: list[dict]) -> str:
    """Only the matched spans, in order: no other word of the post."""
    spans = [_mark(f["text"], f) for f in sorted(findings, key=lambda f: f["start"])]
    return " … ".join(spans) if spans else "(no span)"


def _mark(span: str, f: dict) -> str:
    tip = f"{f['rule']} ({f['severity']}): {f['message']}"
    return f'<mark style="background:{colour(f["category"])}" title="{escape(tip)}">{escape(span)}</mark>'


def _post(line: dict, text: str | None, redact: bool) -> str:
    findings = line.get("findings", [])
    meta = " · ".join(escape(str(line[k])) for k in ("author", "time", "thread") if line.get(k))
    link = f' <a href="{escape(line["url"])}">link</a>' if line.get("url") else ""
    body = redacted(findings) if redact or text is None else highlight(text, findings)
    rules = "".join(f"<li><b>{escape(f['rule'])}</b> {escape(f['severity'])} — {escape(f['message'])} "
                    f"<i>({escape(f['source'])})</i></li>" for f in findings)
    verdict = escape(line.get("verdict", ""))
    return (f'<div class="post"><div class="meta"><b>{escape(str(line["id"]))}</b> {meta}{link} — '
            f'<span class="verdict-{verdict}">{verdict}</span>, score {line.get("score", 0)}</div>'
            f'<div class="text">{body}</div><ul>{rules}</ul></div>')


def render(stats: Stats, texts: dict[str, str], redact: bool = False, title: str = "postcheck scan") -> str:
    """The whole page. `texts` maps post ids to their text (ignored when redacting)."""
    flagged = stats.flagged()
    skipped = sum(stats.skipped.values())
    numbers = [("records", stats.records), ("scanned", stats.scanned), ("skipped", skipped),
               ("to review", stats.verdicts.get("review", 0)), ("to block", stats.verdicts.get("block", 0))]
    counters = "".join(f'<div><div class="num">{n}</div>{escape(label)}</div>' for label, n in numbers)
    categories = "".join(f"<tr><td>{escape(c)}</td><td>{n}</td></tr>" for c, n in stats.categories.most_common())
    posts = "".join(_post(line, None if redact else texts.get(str(line["id"])), redact) for line in flagged)
    more = stats.verdicts.get("review", 0) + stats.verdicts.get("block", 0) - len(flagged)
    note = f"<p>{more} more flagged posts are in the results file.</p>" if more > 0 else ""
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    privacy = ("Post text is redacted: only the matched spans are shown." if redact else
               "This report contains post text that may identify patients: keep it private.")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head>
<body><h1>{escape(title)}</h1><p class="meta">Generated {when}. {privacy}</p>
<div class="grid">{counters}</div>
<h2>Findings by category over time</h2>{timeline_svg(stats.months)}
<div class="grid"><div><h2>Top rules</h2>{bars_svg(stats.rules, "Top rules")}</div>
<div><h2>Top authors</h2>{bars_svg(stats.authors, "Top authors")}</div></div>
<h2>Findings per category</h2><table>{categories}</table>
<h2>Flagged posts</h2>{posts or "<p>None.</p>"}{note}
</body></html>
"""
