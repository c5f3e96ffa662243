#pragma once

#include "timelinegeometry.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QImage>
#include <QPalette>

#include <vector>

class QPainter;

namespace StateScope {

class EventStore;
class TimelineLanes;

// What one frame of the timeline shows, as the view knows it.
struct TimelineFrame
{
    const EventStore *store = nullptr;
    const TimelineLanes *lanes = nullptr;
    const TimelineGeometry *geometry = nullptr;
    TimeMs now = 0; // where open stays end
    TimeMs cutoff = 0; // nothing is drawn after it
    TimeMs asOf = kUnknownTime; // the scrubber's cursor
    size_t rows = 0; // rows shown: executions begun by the cutoff
    ExecutionIndex selected = kNoIndex;
    qreal devicePixelRatio = 1;
};

// Paints the timeline's strips (time axis, aggregate lane, execution lanes, legend, cursor)
// and keeps what painting reuses from frame to frame: colors, names and text widths per
// state, lane labels, and the aggregate lane as an image redrawn only when the visible range,
// the size, the data or the cutoff changed. Lanes are drawn from TimelineGeometry::bandRuns(),
// so the work per lane is bounded by its pixels.
class TimelinePainter final
{
public:
    // Brings the per-state caches up to the store's states; `reset` drops everything cached
    // (a new store, renumbered executions, another font).
    void sync(const EventStore *store, const QFont &font, bool reset);
    void paint(QPainter &p, const TimelineFrame &frame, const QPalette &palette);
    // Pixels the tick labels need apart.
    int tickSpacing() const { return m_tickSpacing; }

private:
    void paintAxis(QPainter &p, const TimelineFrame &f, const QPalette &palette, qint64 step) const;
    void paintAggregate(QPainter &p, const TimelineFrame &f, const QPalette &palette);
    void paintLanes(QPainter &p, const TimelineFrame &f, const QPalette &palette, qint64 step);
    void paintLegend(QPainter &p, const TimelineFrame &f, const QPalette &palette) const;
    void paintCursor(QPainter &p, const TimelineFrame &f) const;
    void paintGrid(QPainter &p, const TimelineFrame &f, const QColor &color, qint64 step, int top, int bottom) const;
    void renderAggregate(const TimelineFrame &f);
    QRect cursorFlag(const TimelineFrame &f) const; // the "as of" label on the axis; empty when not shown
    static QString cursorLabel(TimeMs t);
    QString laneLabel(const TimelineFrame &f, ExecutionIndex e);
    QColor colorOf(StateId s) const { return s < m_colors.size() ? m_colors[s] : QColor(0x9e, 0x9e, 0x9e); }

    QFont m_font;
    QFont m_boldFont;
    int m_ascent = 0;
    int m_descent = 0;
    int m_tickSpacing = 100;
    int m_labelWidth = 80;
    std::vector<QColor> m_colors; // by StateId
    std::vector<QColor> m_textColors; // text on each state's color
    std::vector<bool> m_failure; // StatePalette::isFailure: hatched, not told by hue alone
    std::vector<QString> m_names;
    std::vector<int> m_nameWidths;
    QHash<ExecutionIndex, QString> m_labels; // lane labels, shortened to the gutter

    struct AggregateKey
    {
        double start = 0;
        double msPerPixel = 0;
        int width = 0;
        int height = 0;
        TimeMs cutoff = 0;
        quint64 version = 0;
        qreal dpr = 0;
        bool operator==(const AggregateKey &) const = default;
    };
    AggregateKey m_aggregateKey;
    QImage m_aggregateImage;
    std::vector<float> m_aggregateValues; // [bucket * states + state]: mean executions
    std::vector<double> m_bounds; // bucket bounds in time, clipped to the cutoff
    double m_aggregateScale = 1; // the count at the top of the lane
    std::vector<TimelineRun> m_runs; // scratch
};

} // namespace StateScope
