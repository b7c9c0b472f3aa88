"""Small server-side SVG charts for PDF reports (no browser needed)."""
import math
from xml.sax.saxutils import escape

COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b']


def _nice_tick(value):
    """Smallest whole 'round' number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a
    power of ten) not below `value`, at least 1."""
    if value <= 1:
        return 1
    exponent = 10 ** int(math.floor(math.log10(value)))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        tick = step * exponent
        if tick >= value and tick == int(tick):
            return int(tick)
    return 10 * exponent


def _svg_start(width, height, title, font_size):
    """The opening of a chart: the svg element and its centred title."""
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
             'viewBox="0 0 %d %d" font-family="sans-serif" font-size="%d">'
             % (width, height, width, height, font_size)]
    if title:
        parts.append('<text x="%d" y="16" text-anchor="middle" '
                     'font-size="13" font-weight="bold">%s</text>'
                     % (width // 2, escape(title)))
    return parts


def bar_chart(labels, values, title='', width=680, height=240,
              color=COLORS[0], weekend=None):
    """Vertical bars, one per label; `weekend` is a list of booleans that
    shades those bars lighter."""
    left, right, top, bottom = 40, 10, 28, 30
    plot_w = width - left - right
    plot_h = height - top - bottom
    top_value = 4 * _nice_tick((max(values) if values else 0) / 4.0)
    parts = _svg_start(width, height, title, font_size=10)
    for i in range(5):
        value = top_value * i / 4.0
        y = top + plot_h - plot_h * i / 4.0
        parts.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" '
                     'stroke="#dddddd"/>' % (left, y, width - right, y))
        parts.append('<text x="%d" y="%.1f" text-anchor="end">%s</text>'
                     % (left - 4, y + 3, ('%g' % value)))
    count = len(values) or 1
    slot = plot_w / float(count)
    for i, value in enumerate(values):
        bar_h = plot_h * value / float(top_value)
        x = left + i * slot + slot * 0.15
        fill = color
        if weekend and weekend[i]:
            fill = '#9ecae1'
        parts.append('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" '
                     'fill="%s"><title>%s: %s</title></rect>' % (
                         x, top + plot_h - bar_h, slot * 0.7, bar_h, fill,
                         escape(str(labels[i])), value))
        parts.append('<text x="%.1f" y="%d" text-anchor="middle" '
                     'font-size="8">%s</text>' % (
                         x + slot * 0.35, height - bottom + 12,
                         escape(str(labels[i]))))
    parts.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333333"/>'
                 % (left, top + plot_h, width - right, top + plot_h))
    parts.append('</svg>')
    return ''.join(parts)


def pie_chart(labels, values, title='', size=260, legend_width=220):
    """A pie with a legend giving each slice's value and percent."""
    width = size + legend_width
    height = size + 30
    cx, cy, r = size / 2.0, 30 + (size - 20) / 2.0, (size - 40) / 2.0
    total = float(sum(values))
    parts = _svg_start(width, height, title, font_size=11)
    if not total:
        parts.append('<text x="%.1f" y="%.1f" text-anchor="middle">'
                     'Tidak ada data</text>' % (cx, cy))
    angle = -math.pi / 2
    for i, value in enumerate(values):
        color = COLORS[i % len(COLORS)]
        if total and value:
            fraction = value / total
            if fraction >= 0.9999:
                parts.append('<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s"/>'
                             % (cx, cy, r, color))
            else:
                end = angle + 2 * math.pi * fraction
                large = 1 if fraction > 0.5 else 0
                parts.append(
                    '<path d="M%.1f,%.1f L%.1f,%.1f A%.1f,%.1f 0 %d,1 %.1f,%.1f Z" '
                    'fill="%s" stroke="#ffffff"/>' % (
                        cx, cy, cx + r * math.cos(angle), cy + r * math.sin(angle),
                        r, r, large, cx + r * math.cos(end), cy + r * math.sin(end),
                        color))
                angle = end
        pct = 100.0 * value / total if total else 0.0
        y = 40 + i * 20
        parts.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/>'
                     % (size + 5, y, color))
        parts.append('<text x="%d" y="%d">%s: %s (%s%%)</text>' % (
            size + 22, y + 10, escape(str(labels[i])), value,
            ('%.2f' % pct).replace('.', ',')))
    parts.append('</svg>')
    return ''.join(parts)
