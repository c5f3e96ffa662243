#include "timelinepainter.h"

#include "eventstore.h"
#include "statepalette.h"
#include "timelinelanes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFontMetrics>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace StateScope {

namespace {
constexpr int kAggregatePad = 6; // air above the aggregate's highest column
constexpr int kTextPad = 6;

// A round number at least v, for the aggregate lane's scale; close steps so the lane is not
// left half empty.
double niceCeil(double v)
{
    if (!(v > 0))
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0}) {
        if (m * p >= v * (1 - 1e-9))
            return m * p;
    }
    return 10 * p;
}

QString tickLabel(double t, qint64 step)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(qint64(std::llround(t)));
    if (step < 1000)
        return time.toString(QStringLiteral("HH:mm:ss.zzz"));
    if (step < 60000)
        return time.toString(QStringLiteral("HH:mm:ss"));
    if (step < 86400000)
        return time.toString(QStringLiteral("HH:mm"));
    return time.toString(QStringLiteral("yyyy-MM-dd"));
}

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

// Diagonal lines in the state's text color over its band: a failure state is told apart by
// shape as well as by hue.
QBrush failureHatch(const QColor &textColor)
{
    return QBrush(withAlpha(textColor, 110), Qt::BDiagPattern);
}
} // namespace

void TimelinePainter::sync(const EventStore *store, const QFont &font, bool reset)
{
    if (reset || font != m_font) {
        m_colors.clear();
        m_labels.clear();
        m_aggregateKey = AggregateKey();
        m_font = font;
        m_boldFont = font;
        m_boldFont.setBold(true);
        const QFontMetrics fm(font);
        m_ascent = fm.ascent();
        m_descent = fm.descent();
        m_tickSpacing = fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + 28;
    }
    const quint32 count = store ? store->stateCount() : 0;
    if (count < m_colors.size())
        m_colors.clear();
    const QFontMetrics fm(m_font);
    for (quint32 s = quint32(m_colors.size()); s < count; ++s) {
        const QString name = store->stateName(s);
        m_colors.push_back(StatePalette::color(name));
        m_textColors.resize(m_colors.size());
        m_textColors.back() = StatePalette::textOn(m_colors.back());
        m_names.resize(m_colors.size());
        m_names.back() = name;
        m_nameWidths.resize(m_colors.size());
        m_nameWidths.back() = fm.horizontalAdvance(name);
        m_failure.resize(m_colors.size());
        m_failure.back() = StatePalette::isFailure(name);
    }
    m_textColors.resize(m_colors.size());
    m_failure.resize(m_colors.size());
    m_names.resize(m_colors.size());
    m_nameWidths.resize(m_colors.size());
}

void TimelinePainter::paint(QPainter &p, const TimelineFrame &f, const QPalette &palette)
{
    const TimelineGeometry &g = *f.geometry;
    p.setFont(m_font);
    p.fillRect(QRect(0, 0, g.width(), g.height()), palette.color(QPalette::Base));
    if (!f.lanes || f.lanes->isEmpty()) {
        p.setPen(palette.color(QPalette::PlaceholderText));
        p.drawText(QRect(0, 0, g.width(), g.height()), Qt::AlignCenter,
                   f.store ? QCoreApplication::translate("StateScope::TimelineView", "No executions to show")
                           : QCoreApplication::translate("StateScope::TimelineView", "No data"));
        return;
    }
    const qint64 step = g.tickStep(m_tickSpacing);
    paintLanes(p, f, palette, step);
    paintAggregate(p, f, palette);
    // The strip between the aggregate lane and the executions.
    const QRect gap(0, g.aggregateRect().bottom() + 1, g.width(), TimelineGeometry::kStripGap);
    p.fillRect(gap, palette.color(QPalette::Window));
    p.setPen(palette.color(QPalette::Mid));
    p.drawLine(0, gap.bottom(), g.width(), gap.bottom());
    paintAxis(p, f, palette, step);
    paintLegend(p, f, palette);
    paintCursor(p, f);
}

void TimelinePainter::paintGrid(QPainter &p, const TimelineFrame &f, const QColor &color, qint64 step, int top,
                                int bottom) const
{
    const TimelineGeometry &g = *f.geometry;
    const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(qint64(g.visibleStart())).offsetFromUtc()) * 1000;
    p.setPen(color);
    for (double t = g.firstTick(step, offset);; t += double(step)) {
        const int x = int(std::lround(g.timeToX(t)));
        if (x >= g.plotRight())
            break;
        if (x >= g.plotLeft())
            p.drawLine(x, top, x, bottom);
    }
}

void TimelinePainter::paintAxis(QPainter &p, const TimelineFrame &f, const QPalette &palette, qint64 step) const
{
    const TimelineGeometry &g = *f.geometry;
    const QRect a = g.axisRect();
    p.fillRect(a, palette.color(QPalette::Window));
    p.setPen(palette.color(QPalette::Mid));
    p.drawLine(0, a.bottom(), g.width(), a.bottom());
    const int baseline = a.top() + (a.height() + m_ascent - m_descent) / 2;
    const QFontMetrics fm(m_font);
    p.setPen(palette.color(QPalette::WindowText));
    // The date the labels belong to; day-long ticks carry dates themselves.
    if (step < 86400000) {
        p.drawText(QPoint(kTextPad, baseline),
                   QDateTime::fromMSecsSinceEpoch(qint64(g.visibleStart())).toString(QStringLiteral("yyyy-MM-dd")));
    }
    const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(qint64(g.visibleStart())).offsetFromUtc()) * 1000;
    const QRect flag = cursorFlag(f);
    for (double t = g.firstTick(step, offset);; t += double(step)) {
        const int x = int(std::lround(g.timeToX(t)));
        if (x >= g.plotRight())
            break;
        if (x < g.plotLeft())
            continue;
        p.drawLine(x, a.bottom() - 5, x, a.bottom());
        const QString label = tickLabel(t, step);
        const QRect box(x + 3, a.top(), fm.horizontalAdvance(label), a.height());
        if (box.right() < g.plotRight() && !box.intersects(flag)) // the cursor's flag wins
            p.drawText(QPoint(x + 3, baseline), label);
    }
}

void TimelinePainter::paintAggregate(QPainter &p, const TimelineFrame &f, const QPalette &palette)
{
    const TimelineGeometry &g = *f.geometry;
    renderAggregate(f);
    const QRect r = g.aggregateRect();
    p.fillRect(QRect(0, r.top(), g.gutterWidth(), r.height()), palette.color(QPalette::Window));
    paintGrid(p, f, withAlpha(palette.color(QPalette::Mid), 70), g.tickStep(m_tickSpacing), r.top(), r.bottom());
    const int top = r.top() + kAggregatePad;
    p.setPen(withAlpha(palette.color(QPalette::Mid), 120));
    p.drawLine(g.plotLeft(), top, g.plotRight(), top);
    p.drawImage(QPoint(g.plotLeft(), top), m_aggregateImage);
    p.setPen(palette.color(QPalette::Mid));
    p.drawLine(g.plotLeft(), r.bottom(), g.plotRight(), r.bottom());
    // Title on the left, the scale at the gutter's edge beside the top line.
    p.setPen(palette.color(QPalette::WindowText));
    p.setFont(m_boldFont);
    const int line = m_ascent + m_descent + 1;
    p.drawText(QPoint(kTextPad, r.top() + (r.height() - line) / 2),
               QCoreApplication::translate("StateScope::TimelineView", "Executions"));
    p.setFont(m_font);
    p.drawText(QPoint(kTextPad, r.top() + (r.height() - line) / 2 + line),
               QCoreApplication::translate("StateScope::TimelineView", "by state"));
    // The scale: the count at the top line, 0 at the base line.
    const QFontMetrics fm(m_font);
    const QString scale = QLocale().toString(m_aggregateScale, 'f', m_aggregateScale < 10 && m_aggregateScale != std::floor(m_aggregateScale) ? 1 : 0);
    p.setPen(palette.color(QPalette::PlaceholderText));
    p.drawText(QPoint(g.plotLeft() - kTextPad - fm.horizontalAdvance(scale), top + m_ascent / 2), scale);
    p.drawText(QPoint(g.plotLeft() - kTextPad - fm.horizontalAdvance(QLatin1Char('0')), r.bottom()),
               QStringLiteral("0"));
}

void TimelinePainter::renderAggregate(const TimelineFrame &f)
{
    const TimelineGeometry &g = *f.geometry;
    const int height = qMax(1, g.aggregateRect().height() - kAggregatePad - 1);
    const AggregateKey key {g.visibleStart(), g.msPerPixel(),     g.plotWidth(),     height,
                            f.cutoff,         f.lanes->version(), f.devicePixelRatio};
    if (key == m_aggregateKey && !m_aggregateImage.isNull())
        return;
    m_aggregateKey = key;
    const TimelineAggregate &aggregate = f.lanes->aggregate();
    const quint32 states = aggregate.stateCount();
    const int buckets = g.bucketCount();
    m_aggregateValues.assign(size_t(buckets) * states, 0.0f);
    // Bucket bounds up to the cutoff (nothing after it), then one walk per state.
    const double cut = double(f.cutoff);
    m_bounds.clear();
    for (int b = 0; b <= buckets; ++b) {
        const double t = g.bucketStart(b);
        m_bounds.push_back(qMin(t, cut));
        if (t >= cut)
            break;
    }
    for (StateId s = 0; s < states; ++s)
        aggregate.meanCounts(s, m_bounds, m_aggregateValues.data() + s, states);
    double maxTotal = 0;
    for (int b = 0; b < buckets; ++b) {
        const float *row = m_aggregateValues.data() + size_t(b) * states;
        maxTotal = qMax(maxTotal, double(std::accumulate(row, row + states, 0.0f)));
    }
    m_aggregateScale = niceCeil(maxTotal);

    // Stacked columns written straight into the pixels: a few hundred thousand stores, where
    // thousands of small fillRect() calls would cost milliseconds.
    const qreal dpr = f.devicePixelRatio;
    const int w = qMax(1, int(std::ceil(g.plotWidth() * dpr)));
    const int h = qMax(1, int(std::ceil(height * dpr)));
    if (m_aggregateImage.size() != QSize(w, h) || m_aggregateImage.format() != QImage::Format_ARGB32_Premultiplied)
        m_aggregateImage = QImage(w, h, QImage::Format_ARGB32_Premultiplied);
    m_aggregateImage.setDevicePixelRatio(1);
    m_aggregateImage.fill(Qt::transparent);
    std::vector<QRgb> rgb(states);
    for (StateId s = 0; s < states; ++s)
        rgb[s] = colorOf(s).rgba();
    uchar *bits = m_aggregateImage.bits();
    const qsizetype stride = m_aggregateImage.bytesPerLine();
    const double pixelsPerCount = h / m_aggregateScale;
    for (int b = 0; b < buckets; ++b) {
        const int x0 = int(std::lround(b * TimelineGeometry::kBucketWidth * dpr));
        const int x1 = qMin(w, int(std::lround((b + 1) * TimelineGeometry::kBucketWidth * dpr)));
        const float *row = m_aggregateValues.data() + size_t(b) * states;
        double sum = 0;
        int previous = h;
        for (StateId s = 0; s < states; ++s) {
            if (row[s] <= 0)
                continue;
            sum += row[s];
            const int y = qMax(0, h - int(std::lround(sum * pixelsPerCount)));
            for (int yy = y; yy < previous; ++yy) {
                QRgb *line = reinterpret_cast<QRgb *>(bits + yy * stride);
                std::fill(line + x0, line + x1, rgb[s]);
            }
            previous = y;
        }
    }
    m_aggregateImage.setDevicePixelRatio(dpr);
}

QString TimelinePainter::laneLabel(const TimelineFrame &f, ExecutionIndex e)
{
    auto it = m_labels.constFind(e);
    if (it != m_labels.constEnd())
        return *it;
    if (m_labels.size() > 8192)
        m_labels.clear();
    const QString id = f.store->executionId(e);
    // A UUID reads by its first group (as hashes are abbreviated); other ids keep both ends.
    const bool uuid = id.size() == 36 && id[8] == QLatin1Char('-') && id[13] == QLatin1Char('-');
    const int room = f.geometry->gutterWidth() - 2 * kTextPad;
    const QString label = uuid ? id.left(8) : QFontMetrics(m_font).elidedText(id, Qt::ElideMiddle, room);
    m_labels.insert(e, label);
    return label;
}

void TimelinePainter::paintLanes(QPainter &p, const TimelineFrame &f, const QPalette &palette, qint64 step)
{
    const TimelineGeometry &g = *f.geometry;
    const QRect lanes = g.lanesRect();
    p.save();
    p.setClipRect(lanes);
    p.fillRect(QRect(0, lanes.top(), g.gutterWidth(), lanes.height()), palette.color(QPalette::Window));
    size_t first = 0;
    size_t last = 0;
    g.visibleRows(f.rows, &first, &last);
    const int height = g.laneHeight();
    const int gap = g.laneStride() - height;
    const int baseline = (height + m_ascent - m_descent) / 2;
    const QColor zebra = palette.color(QPalette::AlternateBase);
    for (size_t row = first; row < last; ++row) {
        if (row % 2)
            p.fillRect(QRect(g.plotLeft(), g.rowTop(row) - gap / 2, g.plotWidth(), g.laneStride()), zebra);
    }
    paintGrid(p, f, withAlpha(palette.color(QPalette::Mid), 70), step, lanes.top(), lanes.bottom());
    p.setPen(palette.color(QPalette::Mid));
    p.drawLine(g.plotLeft() - 1, lanes.top(), g.plotLeft() - 1, lanes.bottom());

    const QColor selection = withAlpha(palette.color(QPalette::Highlight), 80);
    const QColor labelColor = palette.color(QPalette::WindowText);
    for (size_t row = first; row < last; ++row) {
        const ExecutionIndex e = f.lanes->executionAt(row);
        const int y = g.rowTop(row);
        const bool selected = e == f.selected;
        if (selected)
            p.fillRect(QRect(0, y - gap / 2, g.plotRight(), g.laneStride()), selection);
        const std::vector<TimelineBand> &bands = f.lanes->bands(e);
        g.bandRuns(bands.data(), bands.size(), f.lanes->laneEnd(e, f.now), f.cutoff, m_runs);
        for (const TimelineRun &r : m_runs) {
            p.fillRect(QRect(r.x0, y, r.x1 - r.x0, height), colorOf(r.state));
            if (r.state < m_failure.size() && m_failure[r.state])
                p.fillRect(QRect(r.x0, y, r.x1 - r.x0, height), failureHatch(m_textColors[r.state]));
        }
        // State names inside the bands wide enough to hold them.
        for (const TimelineRun &r : m_runs) {
            if (r.state < m_nameWidths.size() && r.x1 - r.x0 >= m_nameWidths[r.state] + 2 * kTextPad) {
                p.setPen(m_textColors[r.state]);
                p.drawText(QPoint(r.x0 + kTextPad, y + baseline), m_names[r.state]);
            }
        }
        p.setPen(labelColor);
        if (selected)
            p.setFont(m_boldFont);
        p.drawText(QPoint(kTextPad, y + baseline), laneLabel(f, e));
        if (selected)
            p.setFont(m_font);
    }
    p.restore();
}

void TimelinePainter::paintLegend(QPainter &p, const TimelineFrame &f, const QPalette &palette) const
{
    const TimelineGeometry &g = *f.geometry;
    const QRect l = g.legendRect();
    if (l.height() <= 0)
        return;
    p.fillRect(l, palette.color(QPalette::Window));
    p.setPen(palette.color(QPalette::Mid));
    p.drawLine(0, l.top(), g.width(), l.top());
    const QFontMetrics fm(m_font);
    const int swatch = qMax(8, m_ascent - 2);
    const int baseline = l.top() + (l.height() + m_ascent - m_descent) / 2;
    const int count = int(m_colors.size());
    int x = kTextPad;
    p.setPen(palette.color(QPalette::WindowText));
    for (int s = 0; s < count; ++s) {
        const int itemWidth = swatch + 4 + m_nameWidths[size_t(s)] + 14;
        const QString more = QCoreApplication::translate("StateScope::TimelineView", "+%n more", nullptr, count - s);
        const int reserve = s + 1 < count ? fm.horizontalAdvance(more) + kTextPad : 0;
        if (x + itemWidth + reserve > l.right()) {
            p.drawText(QPoint(x, baseline), more);
            break;
        }
        const QRect box(x, l.center().y() - swatch / 2, swatch, swatch);
        p.fillRect(box, m_colors[size_t(s)]);
        if (m_failure[size_t(s)])
            p.fillRect(box, failureHatch(m_textColors[size_t(s)]));
        p.drawText(QPoint(x + swatch + 4, baseline), m_names[size_t(s)]);
        x += itemWidth;
    }
}

void TimelinePainter::paintCursor(QPainter &p, const TimelineFrame &f) const
{
    if (f.asOf == kUnknownTime)
        return;
    const TimelineGeometry &g = *f.geometry;
    const double x = g.timeToX(double(f.asOf));
    if (x < g.plotLeft() || x > g.plotRight())
        return;
    const int top = g.aggregateRect().top();
    const int bottom = g.lanesRect().bottom();
    // After the cursor nothing happened yet: a grey veil says so.
    p.fillRect(QRectF(x, top, g.plotRight() - x, bottom - top + 1), QColor(128, 128, 128, 40));
    const QColor red(0xc6, 0x28, 0x28);
    p.setPen(QPen(red, 2));
    p.drawLine(QPointF(x, g.axisRect().top()), QPointF(x, bottom));
    // Its time as a flag on the axis.
    const QRect flag = cursorFlag(f);
    p.fillRect(flag, red);
    p.setPen(Qt::white);
    p.drawText(flag, Qt::AlignCenter, cursorLabel(f.asOf));
}

QString TimelinePainter::cursorLabel(TimeMs t)
{
    return QDateTime::fromMSecsSinceEpoch(t).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QRect TimelinePainter::cursorFlag(const TimelineFrame &f) const
{
    if (f.asOf == kUnknownTime)
        return QRect();
    const TimelineGeometry &g = *f.geometry;
    const double x = g.timeToX(double(f.asOf));
    if (x < g.plotLeft() || x > g.plotRight())
        return QRect();
    const QRect axis = g.axisRect();
    const int w = QFontMetrics(m_font).horizontalAdvance(cursorLabel(f.asOf)) + 2 * kTextPad;
    const int left = x + w <= g.plotRight() ? int(x) : int(x) - w; // flips at the right edge
    return QRect(left, axis.top() + 1, w, axis.height() - 2);
}

} // namespace StateScope
