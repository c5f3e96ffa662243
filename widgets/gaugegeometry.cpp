#include "gaugegeometry.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace StateScope {

namespace {
constexpr double kArcBottom = 0.5; // sin(30°): how far the arc's ends reach below the center, × radius
} // namespace

GaugeGeometry::GaugeGeometry(double minimum, double maximum)
{
    setRange(minimum, maximum);
}

void GaugeGeometry::setRange(double minimum, double maximum)
{
    m_knots.clear();
    m_min = std::isfinite(minimum) ? minimum : 0;
    m_max = std::isfinite(maximum) && maximum > m_min ? maximum : m_min + 1;
}

void GaugeGeometry::setKnots(std::vector<Knot> knots)
{
    if (knots.size() < 2) {
        m_knots.clear();
        return;
    }
    m_knots = std::move(knots);
    m_min = m_knots.front().value;
    m_max = m_knots.back().value > m_min ? m_knots.back().value : m_min + 1;
}

void GaugeGeometry::setZones(std::vector<ZoneSpan> zones)
{
    m_zones = std::move(zones);
}

double GaugeGeometry::fraction(double value) const
{
    if (std::isnan(value))
        return value;
    if (value <= m_min)
        return 0;
    if (value >= m_max)
        return 1;
    if (isLinear())
        return (value - m_min) / (m_max - m_min);
    // The first knot at or past the value closes the segment it falls in.
    const auto hi
        = std::lower_bound(m_knots.begin(), m_knots.end(), value, [](const Knot &k, double v) { return k.value < v; });
    if (hi == m_knots.begin())
        return hi->fraction;
    const auto lo = hi - 1;
    const double span = hi->value - lo->value;
    const double t = span > 0 ? (value - lo->value) / span : 1;
    return std::clamp(lo->fraction + t * (hi->fraction - lo->fraction), 0.0, 1.0);
}

double GaugeGeometry::angleDeg(double value) const
{
    return kStartDeg - kSpanDeg * fraction(value);
}

QPointF GaugeGeometry::pointAt(QPointF center, double radius, double angleDeg)
{
    const double rad = angleDeg * std::numbers::pi / 180.0;
    return {center.x() + radius * std::cos(rad), center.y() - radius * std::sin(rad)};
}

QPointF GaugeGeometry::pointFor(double value, QPointF center, double radius) const
{
    return pointAt(center, radius, angleDeg(value));
}

GaugeGeometry::Zone GaugeGeometry::zoneAt(double value) const
{
    if (std::isnan(value))
        return Zone::Neutral;
    // Out-of-range values belong to the zone at the nearer end: a lag of 5 × the threshold on a
    // 0..2 × threshold scale is still critical.
    const double v = std::clamp(value, m_min, m_max);
    for (const ZoneSpan &z : m_zones) {
        if (v >= z.from && (v < z.to || (v == z.to && z.to >= m_max)))
            return z.zone;
    }
    return Zone::Neutral;
}

std::vector<GaugeGeometry::Arc> GaugeGeometry::zoneArcs() const
{
    std::vector<Arc> arcs;
    for (const ZoneSpan &z : m_zones) {
        const double f0 = fraction(z.from);
        const double f1 = fraction(z.to);
        if (!(f1 > f0))
            continue;
        arcs.push_back({kStartDeg - kSpanDeg * f0, -kSpanDeg * (f1 - f0), z.zone});
    }
    return arcs;
}

GaugeGeometry::Arc GaugeGeometry::valueArc(double value) const
{
    const double f = fraction(value);
    return {kStartDeg, std::isnan(f) ? 0.0 : -kSpanDeg * f, zoneAt(value)};
}

double GaugeGeometry::niceStep(double span, int maxCount)
{
    if (!(span > 0) || !std::isfinite(span))
        return 1;
    const double raw = span / std::max(1, maxCount);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        // A tiny tolerance so that 10 / 5 gives 2, not 5, after rounding noise.
        if (m * magnitude >= raw * (1 - 1e-9))
            return m * magnitude;
    }
    return 10 * magnitude;
}

std::vector<double> GaugeGeometry::ticks(int maxCount) const
{
    std::vector<double> out;
    if (!isLinear()) {
        for (const Knot &k : m_knots)
            out.push_back(k.value);
        return out;
    }
    const double step = niceStep(m_max - m_min, maxCount);
    out.push_back(m_min);
    // Round ticks too close to an end would crowd its label: keep them a third of a step away.
    for (double t = std::ceil(m_min / step) * step; t < m_max - step * 0.3; t += step) {
        if (t > m_min + step * 0.3)
            out.push_back(t);
    }
    out.push_back(m_max);
    return out;
}

double GaugeGeometry::niceCeiling(double value, double floor)
{
    if (!(value > floor) || !std::isfinite(value))
        return floor;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * magnitude >= value)
            return m * magnitude;
    }
    return 10 * magnitude;
}

double GaugeGeometry::autoScaleMaximum(double currentMaximum, double value, double floor)
{
    if (!(currentMaximum >= floor) || !std::isfinite(currentMaximum))
        return niceCeiling(value, floor);
    if (value > currentMaximum || value < currentMaximum / 4)
        return niceCeiling(value, floor);
    return currentMaximum;
}

GaugeGeometry::Layout GaugeGeometry::layout(const QRectF &rect, double labelMargin, double captionHeight)
{
    const double m = std::max(0.0, labelMargin);
    const double c = std::max(0.0, captionHeight);
    // The dial spans r above the center and reaches 0.5 r below it (the arc's ends), with the
    // label margin all round; the caption goes under all that, across the whole width, so a
    // long caption needs no wrapping. Whichever of width and height runs out first sets r.
    const double byWidth = (rect.width() - 2 * m) / 2;
    const double byHeight = (rect.height() - 2 * m - c) / (1 + kArcBottom);
    const double r = std::max(1.0, std::min(byWidth, byHeight));
    const double used = 2 * m + (1 + kArcBottom) * r + c;
    const QPointF center(rect.center().x(), rect.top() + std::max(0.0, (rect.height() - used) / 2) + m + r);

    Layout l;
    l.center = center;
    l.radius = r;
    // Inside the track and clear of the needle (which starts at 0.57 r).
    l.valueRect = QRectF(center.x() - 0.44 * r, center.y() - 0.3 * r, 0.88 * r, 0.46 * r);
    l.captionRect = QRectF(rect.left(), center.y() + kArcBottom * r + m, rect.width(), c);
    return l;
}

double GaugeGeometry::heightForWidth(double width, double labelMargin, double captionHeight)
{
    const double m = std::max(0.0, labelMargin);
    const double r = std::max(1.0, (width - 2 * m) / 2);
    return 2 * m + (1 + kArcBottom) * r + std::max(0.0, captionHeight);
}

} // namespace StateScope
