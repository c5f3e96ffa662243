#pragma once

#include <QPointF>
#include <QRectF>

#include <vector>

namespace StateScope {

// The maths of one speedometer gauge, without a widget: value → fraction of the scale → angle
// on a 240° arc, the colored zones as arc segments, tick values, and where the arc, the value
// and the caption go in a rectangle. Angles are in degrees, Qt's convention (0° = 3 o'clock,
// counter-clockwise positive), so they feed QPainter::drawArc directly (× 16).
//
// The scale is linear from minimum to maximum unless knots are set: then it is piecewise
// linear through them, which lets a gauge spend most of its arc where the interesting values
// are (a consistency score between 90 and 100 %).
class GaugeGeometry final
{
public:
    enum class Zone { Neutral, Good, Warning, Critical };
    struct ZoneSpan
    {
        double from = 0;
        double to = 0;
        Zone zone = Zone::Neutral;
        friend bool operator==(const ZoneSpan &, const ZoneSpan &) = default;
    };
    struct Knot
    {
        double value = 0;
        double fraction = 0;
        friend bool operator==(const Knot &, const Knot &) = default;
    };
    // One arc segment to draw: starts at startDeg and runs spanDeg (negative = clockwise).
    struct Arc
    {
        double startDeg = 0;
        double spanDeg = 0;
        Zone zone = Zone::Neutral;
    };
    struct Layout
    {
        QPointF center;
        double radius = 0; // outer radius of the arc track
        QRectF valueRect; // the large value text, in the middle of the dial
        QRectF captionRect; // under the dial, the full width of the rectangle
    };

    static constexpr double kStartDeg = 210; // lower left: the minimum
    static constexpr double kSpanDeg = 240; // clockwise to lower right (-30°): the maximum

    GaugeGeometry() = default;
    GaugeGeometry(double minimum, double maximum);

    // A range with maximum <= minimum becomes [minimum, minimum + 1] so no division by zero.
    void setRange(double minimum, double maximum);
    // Knots must rise in value and fraction; the first and last set the range. Fewer than two
    // knots = linear scale over the current range.
    void setKnots(std::vector<Knot> knots);
    // Zones are half-open [from, to), except that a zone ending at the maximum includes it; the
    // first zone whose span holds a value wins. Values outside every zone are Neutral.
    void setZones(std::vector<ZoneSpan> zones);

    double minimum() const { return m_min; }
    double maximum() const { return m_max; }
    const std::vector<ZoneSpan> &zones() const { return m_zones; }
    bool isLinear() const { return m_knots.size() < 2; }

    // Position of a value on the scale, 0..1, clamped; NaN stays NaN (no value to show).
    double fraction(double value) const;
    double angleDeg(double value) const;
    // A point on the circle of `radius` around `center` at the value's angle (y grows down).
    static QPointF pointAt(QPointF center, double radius, double angleDeg);
    QPointF pointFor(double value, QPointF center, double radius) const;

    Zone zoneAt(double value) const;
    // The zones clipped to the range, as arcs; empty zones are left out.
    std::vector<Arc> zoneArcs() const;
    // The arc from the minimum to the value (zero span for the minimum or NaN).
    Arc valueArc(double value) const;

    // Tick values: round steps (1, 2, 5 × 10^k) at most maxCount + 1 of them for a linear
    // scale, the knots' values for a piecewise one. Always includes both ends.
    std::vector<double> ticks(int maxCount) const;
    // A round step giving at most maxCount intervals over `span`.
    static double niceStep(double span, int maxCount);
    // For auto-scaling gauges: the smallest round number (1, 2, 5 × 10^k) >= value, at least floor.
    static double niceCeiling(double value, double floor);
    // Auto-scaling with hysteresis so a live value does not make the scale jump back and forth:
    // grows to niceCeiling(value) when the value passes the current maximum, shrinks only when
    // the value falls under a quarter of it.
    static double autoScaleMaximum(double currentMaximum, double value, double floor);

    // Fits the dial into `rect`: `labelMargin` is kept free around the arc for tick labels and
    // `captionHeight` under it for the caption.
    static Layout layout(const QRectF &rect, double labelMargin, double captionHeight);
    // The height at which layout() of a rectangle `width` wide is limited by its width alone:
    // what a gauge asks for so a row of gauges wastes no height.
    static double heightForWidth(double width, double labelMargin, double captionHeight);

    friend bool operator==(const GaugeGeometry &, const GaugeGeometry &) = default;

private:
    double m_min = 0;
    double m_max = 1;
    std::vector<Knot> m_knots;
    std::vector<ZoneSpan> m_zones;
};

} // namespace StateScope
