#pragma once

#include "domaintypes.h"

#include <QRect>

#include <cstddef>
#include <vector>

namespace StateScope {

// One stay of an execution in a state: it starts at `start` and lasts until the next band's
// start (or the lane's end).
struct TimelineBand
{
    TimeMs start = 0;
    StateId state = kNoState;
};

// Pixel columns [x0, x1) of a lane drawn in one state.
struct TimelineRun
{
    int x0 = 0;
    int x1 = 0;
    StateId state = kNoState;
};

// The timeline's geometry as a value: layout of the strips (axis, aggregate lane, execution
// lanes, legend), the time <-> x mapping with zoom, pan and clamping, vertical scrolling of
// lanes, hit tests and the level of detail that turns a lane's bands into at most one run per
// pixel column. No widget: unit-tested without a GUI.
//
// Pixel convention: column c covers x in [c - 0.5, c + 0.5) of the continuous mapping, so a
// band is drawn over the columns round(x(start)) .. round(x(end)) and neighbours tile exactly.
class TimelineGeometry final
{
public:
    static constexpr double kMinMsPerPixel = 0.01; // 100 px per millisecond at most
    static constexpr int kEdgePadding = 20; // air around the data when fitted or clamped
    static constexpr int kFollowMargin = kEdgePadding; // follow-live keeps "now" this far from the right
    static constexpr int kBucketWidth = 3; // aggregate lane: one bucket per 3 px
    static constexpr int kStripGap = 6; // between the aggregate lane and the lanes
    static constexpr int kFinalMark = 3; // columns for a finished execution's final state
    static constexpr size_t kNoBand = size_t(-1);

    // --- layout ---
    void setSize(int width, int height);
    void setGutterWidth(int width);
    void setStrips(int axisHeight, int aggregateHeight, int legendHeight);
    void setLaneMetrics(int laneHeight, int laneGap);
    int width() const { return m_width; }
    int height() const { return m_height; }
    int gutterWidth() const { return m_gutter; }
    int laneHeight() const { return m_laneHeight; }
    int laneStride() const { return m_laneHeight + m_laneGap; }
    int plotLeft() const { return m_gutter; }
    int plotRight() const { return m_width; } // exclusive
    int plotWidth() const { return qMax(1, m_width - m_gutter); }
    QRect axisRect() const { return QRect(0, 0, m_width, m_axisHeight); }
    QRect aggregateRect() const { return QRect(0, m_axisHeight, m_width, m_aggregateHeight); }
    QRect lanesRect() const; // between the aggregate lane and the legend, full width
    QRect legendRect() const { return QRect(0, m_height - m_legendHeight, m_width, m_legendHeight); }

    // --- time axis ---
    // The range the view may show; pan and zoom are clamped to it (plus a little air).
    void setDataRange(TimeMs start, TimeMs end);
    TimeMs dataStart() const { return m_dataStart; }
    TimeMs dataEnd() const { return m_dataEnd; }
    double msPerPixel() const { return m_msPerPixel; }
    double visibleStart() const { return m_start; }
    double visibleEnd() const { return m_start + plotWidth() * m_msPerPixel; }
    double timeToX(double t) const { return plotLeft() + (t - m_start) / m_msPerPixel; }
    double xToTime(double x) const { return m_start + (x - plotLeft()) * m_msPerPixel; }
    void setVisibleRange(double start, double end);
    // Scales by `factor` (> 1 zooms in) keeping the time under x where it is.
    void zoomAround(double x, double factor);
    // Moves the content dx pixels to the right (earlier times come into view).
    void panPixels(double dx);
    void fitAll();
    // Puts t kFollowMargin pixels left of the right edge, keeping the scale.
    void alignRight(double t);
    // Following live with the span chosen automatically: all the data while it is shorter than
    // `windowMs`, then the last `windowMs` of it; `now` at the right edge.
    void follow(double now, double windowMs);
    double maxMsPerPixel() const;

    // Tick spacing (ms) giving at least minSpacing pixels between ticks, from a 1-2-5 / clock
    // series; first tick at or after the visible start, aligned in a zone `utcOffsetMs` ahead.
    qint64 tickStep(int minSpacing) const;
    double firstTick(qint64 step, qint64 utcOffsetMs) const;

    // --- lanes ---
    void setScrollY(int y) { m_scrollY = qMax(0, y); }
    int scrollY() const { return m_scrollY; }
    int maxScrollY(size_t rowCount) const;
    int rowTop(size_t row) const { return lanesRect().top() + int(row) * laneStride() - m_scrollY; }
    // Rows at least partly inside the lanes strip: [first, last).
    void visibleRows(size_t rowCount, size_t *first, size_t *last) const;
    // The row whose stride contains y, or -1 (outside the lanes strip or past the last row).
    int rowAt(int y, size_t rowCount) const;
    bool inPlot(QPoint p) const { return p.x() >= plotLeft() && p.x() < plotRight(); }

    // --- level of detail ---
    // Runs of one lane for the visible range, clipped to `cutoff` (nothing after it). A band
    // wider than a pixel becomes one run; where bands are narrower, each pixel column shows the
    // band covering its centre and consecutive bands are skipped by binary search, so the cost
    // depends on pixels, not bands. Adjacent runs of one state are merged. `laneEnd` is where
    // the last band ends: its own start for a finished execution, whose final state still gets
    // kFinalMark columns so the outcome shows.
    void bandRuns(const TimelineBand *bands, size_t count, TimeMs laneEnd, TimeMs cutoff,
                  std::vector<TimelineRun> &out) const;
    // The last band starting at or before t, or kNoBand.
    static size_t bandAt(const TimelineBand *bands, size_t count, double t);
    // The band drawn in column x (what bandRuns() shows there), or kNoBand.
    size_t bandAtPixel(const TimelineBand *bands, size_t count, TimeMs laneEnd, TimeMs cutoff, int x) const;

    // --- aggregate buckets ---
    int bucketCount() const { return (plotWidth() + kBucketWidth - 1) / kBucketWidth; }
    double bucketStart(int b) const { return xToTime(plotLeft() + b * kBucketWidth - 0.5); }

private:
    void clampView();
    // Calls visit(x0, x1, bandIndex) for the columns each shown band gets (see bandRuns()).
    template<typename Visit>
    void walkBands(const TimelineBand *bands, size_t count, TimeMs laneEnd, TimeMs cutoff, Visit &&visit) const;

    int m_width = 800;
    int m_height = 600;
    int m_gutter = 96;
    int m_axisHeight = 22;
    int m_aggregateHeight = 72;
    int m_legendHeight = 22;
    int m_laneHeight = 14;
    int m_laneGap = 3;
    int m_scrollY = 0;
    TimeMs m_dataStart = 0;
    TimeMs m_dataEnd = 1000;
    double m_start = 0;
    double m_msPerPixel = 1;
};

} // namespace StateScope
