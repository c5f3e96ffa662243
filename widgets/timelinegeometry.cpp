#include "timelinegeometry.h"

#include <algorithm>
#include <cmath>

namespace StateScope {

void TimelineGeometry::setSize(int width, int height)
{
    m_width = qMax(1, width);
    m_height = qMax(1, height);
    clampView();
}

void TimelineGeometry::setGutterWidth(int width)
{
    m_gutter = qMax(0, width);
    clampView();
}

void TimelineGeometry::setStrips(int axisHeight, int aggregateHeight, int legendHeight)
{
    m_axisHeight = qMax(0, axisHeight);
    m_aggregateHeight = qMax(0, aggregateHeight);
    m_legendHeight = qMax(0, legendHeight);
}

void TimelineGeometry::setLaneMetrics(int laneHeight, int laneGap)
{
    m_laneHeight = qMax(1, laneHeight);
    m_laneGap = qMax(0, laneGap);
}

QRect TimelineGeometry::lanesRect() const
{
    const int top = m_axisHeight + m_aggregateHeight + kStripGap;
    const int bottom = m_height - m_legendHeight;
    return QRect(0, top, m_width, qMax(0, bottom - top));
}

void TimelineGeometry::setDataRange(TimeMs start, TimeMs end)
{
    m_dataStart = start;
    m_dataEnd = qMax(start, end);
    clampView();
}

double TimelineGeometry::maxMsPerPixel() const
{
    // Zooming out stops once the data takes a quarter of the width: further out shows nothing new.
    const double span = qMax(double(m_dataEnd - m_dataStart), 1000.0);
    return qMax(kMinMsPerPixel, span * 4.0 / plotWidth());
}

void TimelineGeometry::clampView()
{
    m_msPerPixel = std::clamp(m_msPerPixel, kMinMsPerPixel, maxMsPerPixel());
    const double span = plotWidth() * m_msPerPixel;
    const double pad = kEdgePadding * m_msPerPixel;
    const double lo = double(m_dataStart) - pad;
    const double hi = double(m_dataEnd) + pad;
    // Zoomed out past the data it stays wholly in view; zoomed in the view stays on the data.
    if (span >= hi - lo)
        m_start = std::clamp(m_start, hi - span, lo);
    else
        m_start = std::clamp(m_start, lo, hi - span);
}

void TimelineGeometry::setVisibleRange(double start, double end)
{
    m_msPerPixel = qMax(end - start, 0.0) / plotWidth();
    m_start = start;
    clampView();
}

void TimelineGeometry::zoomAround(double x, double factor)
{
    if (!(factor > 0))
        return;
    const double t = xToTime(x);
    m_msPerPixel = std::clamp(m_msPerPixel / factor, kMinMsPerPixel, maxMsPerPixel());
    m_start = t - (x - plotLeft()) * m_msPerPixel;
    clampView();
}

void TimelineGeometry::panPixels(double dx)
{
    m_start -= dx * m_msPerPixel;
    clampView();
}

void TimelineGeometry::fitAll()
{
    const double span = qMax(double(m_dataEnd - m_dataStart), 1.0);
    m_msPerPixel = span / qMax(1, plotWidth() - 2 * kEdgePadding);
    m_start = double(m_dataStart) - kEdgePadding * m_msPerPixel;
    clampView();
}

void TimelineGeometry::alignRight(double t)
{
    m_start = t - (plotWidth() - kFollowMargin) * m_msPerPixel;
    clampView();
}

void TimelineGeometry::follow(double now, double windowMs)
{
    const int usable = qMax(1, plotWidth() - kFollowMargin - kEdgePadding);
    const double wanted = std::clamp(now - double(m_dataStart), 1.0, windowMs);
    m_msPerPixel = wanted / usable;
    alignRight(now);
}

qint64 TimelineGeometry::tickStep(int minSpacing) const
{
    static constexpr qint64 kSteps[]
        = {1,       2,       5,       10,       20,       50,       100,      200,       500,       1000,
           2000,    5000,    10000,   15000,    30000,    60000,    120000,   300000,    600000,    900000,
           1800000, 3600000, 7200000, 10800000, 21600000, 43200000, 86400000, 172800000, 604800000, 1209600000};
    const double wanted = minSpacing * m_msPerPixel;
    for (qint64 step : kSteps) {
        if (double(step) >= wanted)
            return step;
    }
    const qint64 week = 604800000;
    return qint64(std::ceil(wanted / double(week))) * week;
}

double TimelineGeometry::firstTick(qint64 step, qint64 utcOffsetMs) const
{
    const double local = m_start + double(utcOffsetMs);
    return std::ceil(local / double(step)) * double(step) - double(utcOffsetMs);
}

int TimelineGeometry::maxScrollY(size_t rowCount) const
{
    return qMax(0, int(rowCount) * laneStride() - lanesRect().height());
}

void TimelineGeometry::visibleRows(size_t rowCount, size_t *first, size_t *last) const
{
    const int stride = laneStride();
    *first = qMin(rowCount, size_t(m_scrollY / stride));
    *last = qMin(rowCount, size_t((m_scrollY + lanesRect().height() + stride - 1) / stride));
}

int TimelineGeometry::rowAt(int y, size_t rowCount) const
{
    const QRect lanes = lanesRect();
    if (y < lanes.top() || y > lanes.bottom())
        return -1;
    const size_t row = size_t((y - lanes.top() + m_scrollY) / laneStride());
    return row < rowCount ? int(row) : -1;
}

size_t TimelineGeometry::bandAt(const TimelineBand *bands, size_t count, double t)
{
    const TimelineBand *it = std::upper_bound(
        bands, bands + count, t, [](double value, const TimelineBand &b) { return value < double(b.start); });
    return it == bands ? kNoBand : size_t(it - bands) - 1;
}

template<typename Visit>
void TimelineGeometry::walkBands(const TimelineBand *bands, size_t count, TimeMs laneEnd, TimeMs cutoff,
                                 Visit &&visit) const
{
    if (count == 0)
        return;
    const double vs = visibleStart();
    const double ve = qMin(visibleEnd(), double(cutoff));
    if (ve < vs)
        return;
    const int right = plotRight();
    int prevEnd = plotLeft(); // columns before it are drawn already
    bool drewLast = false;
    auto put = [&](int x0, int x1, size_t band) {
        x1 = qMin(x1, right);
        if (x1 > x0) {
            visit(x0, x1, band);
            prevEnd = x1;
        }
    };
    size_t i = bandAt(bands, count, vs);
    if (i == kNoBand)
        i = 0;
    while (i < count && prevEnd < right) {
        const double start = double(bands[i].start);
        if (start > ve)
            break;
        const bool last = i + 1 == count;
        const double end = qMin(qMax(last ? double(laneEnd) : double(bands[i + 1].start), start), ve);
        const double x0 = timeToX(qMax(start, vs));
        const double x1 = timeToX(end);
        if (last) {
            if (x1 < plotLeft() - 0.5)
                break; // the lane ended before the visible range
            // A final state (a stay that ends where it begins) gets kFinalMark columns, an open
            // stay narrower than a pixel one: the outcome and the current state always show.
            const bool over = end <= start;
            const int c0 = qMax(int(std::lround(x0)), prevEnd);
            int c1 = qMax(int(std::lround(x1)), drewLast ? c0 : c0 + 1);
            if (over)
                c1 = qMax(c1, (drewLast ? prevEnd - 1 : c0) + kFinalMark);
            put(c0, c1, i);
            break;
        }
        if (x1 <= prevEnd - 0.5) { // wholly inside columns drawn already
            ++i;
            continue;
        }
        if (x1 - x0 >= 1.0) {
            put(qMax(int(std::lround(x0)), prevEnd), int(std::lround(x1)), i);
            ++i;
            continue;
        }
        // Narrower than a pixel: the column shows the band covering its centre, then the walk
        // jumps to the band covering the column's right boundary.
        const int col = qMax(int(std::lround(x0)), prevEnd);
        const size_t atCentre = bandAt(bands + i, count - i, xToTime(col));
        const size_t j = atCentre == kNoBand ? i : i + atCentre;
        put(col, col + 1, j);
        if (j + 1 == count) { // the last band got this column; it may go on
            drewLast = true;
            i = j;
            continue;
        }
        const size_t atBoundary = bandAt(bands + j, count - j, xToTime(col + 0.5));
        i = atBoundary == kNoBand ? j : j + atBoundary;
    }
}

void TimelineGeometry::bandRuns(const TimelineBand *bands, size_t count, TimeMs laneEnd, TimeMs cutoff,
                                std::vector<TimelineRun> &out) const
{
    out.clear();
    walkBands(bands, count, laneEnd, cutoff, [&](int x0, int x1, size_t band) {
        const StateId state = bands[band].state;
        if (!out.empty() && out.back().state == state && out.back().x1 == x0)
            out.back().x1 = x1;
        else
            out.push_back(TimelineRun {x0, x1, state});
    });
}

size_t TimelineGeometry::bandAtPixel(const TimelineBand *bands, size_t count, TimeMs laneEnd, TimeMs cutoff,
                                     int x) const
{
    size_t found = kNoBand;
    walkBands(bands, count, laneEnd, cutoff, [&](int x0, int x1, size_t band) {
        if (x >= x0 && x < x1)
            found = band;
    });
    return found;
}

} // namespace StateScope
