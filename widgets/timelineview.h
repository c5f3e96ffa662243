#pragma once

#include "timelinegeometry.h"
#include "timelinelanes.h"
#include "timelinepainter.h"

#include <QWidget>

class QScrollBar;

namespace StateScope {

class EventStore;

// The transition timeline (SPEC 7): one lane per execution with its stays as colored bands
// over time, an aggregate lane of executions per state on top, zoom and pan on time, vertical
// scrolling through lanes, follow-live and the shared "as of" time. Reads the store directly
// while painting (both live on the GUI thread) through TimelineLanes, which takes band arrays
// from it once per change; painting visits only the visible lanes and draws at most one run
// per pixel column (TimelineGeometry), so a million bands stay interactive (BARS P6).
//
// Mouse: drag pans (and scrolls lanes), wheel scrolls lanes, Ctrl+wheel zooms around the
// cursor, Shift+wheel pans, click selects a lane. Keys: + and - zoom, Left/Right pan,
// Up/Down/PageUp/PageDown scroll, Home fits everything, End goes to the latest data.
class TimelineView final : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    // The store to show (nullptr: nothing). It must outlive the view or be replaced first.
    void setStore(const EventStore *store);
    // reset: everything may differ (indices renumbered); otherwise transitions or executions
    // were appended since the last call.
    void storeChanged(bool reset);
    // The time scrubber: a cursor at t and nothing after it; kUnknownTime: no cursor.
    void setAsOf(TimeMs t);
    TimeMs asOf() const { return m_asOf; }
    // Keeps the right edge at the latest event time (or the "as of" time) as data arrives.
    // Panning by hand turns it off (followLiveChanged).
    void setFollowLive(bool follow);
    // The state colors changed (StatePalette::assign): repaint with the new ones.
    void refreshColors();
    bool followLive() const { return m_follow; }
    void setSelectedExecution(ExecutionIndex e);
    ExecutionIndex selectedExecution() const { return m_selected; }

    // What the view shows, for the window and for tests.
    const TimelineGeometry &geometry() const { return m_geometry; }
    int laneCount() const { return int(rowsShown()); }
    int bandCount(ExecutionIndex e) const; // bands shown (begun by the "as of" time)
    ExecutionIndex executionAt(QPoint pos) const;
    QString toolTipAt(QPoint pos) const;
    // Where time t falls on the lane of e (its vertical middle); (-1, -1) without a lane.
    QPoint pointAt(ExecutionIndex e, TimeMs t) const;
    void ensureVisible(ExecutionIndex e);
    QSize sizeHint() const override { return QSize(900, 480); }
    QSize minimumSizeHint() const override { return QSize(320, 200); }

public slots:
    void zoomIn();
    void zoomOut();
    void zoomToFit();

signals:
    void executionSelected(StateScope::ExecutionIndex execution);
    void followLiveChanged(bool follow);

protected:
    bool event(QEvent *e) override;
    void changeEvent(QEvent *e) override;
    void paintEvent(QPaintEvent *e) override;
    void resizeEvent(QResizeEvent *e) override;
    void wheelEvent(QWheelEvent *e) override;
    void mousePressEvent(QMouseEvent *e) override;
    void mouseMoveEvent(QMouseEvent *e) override;
    void mouseReleaseEvent(QMouseEvent *e) override;
    void keyPressEvent(QKeyEvent *e) override;

private:
    // "now" for open stays, and the time after which nothing is drawn.
    TimeMs now() const;
    TimeMs cutoff() const;
    size_t rowsShown() const;
    void updateLayout();
    void updateDataRange();
    void updateScrollRange();
    void panBy(double dx);
    void zoomBy(double factor, double x);
    void stopFollowing();
    QString aggregateToolTip(int x) const;
    QString bandToolTip(ExecutionIndex e, size_t band) const;

    const EventStore *m_store = nullptr;
    TimelineLanes m_lanes;
    TimelineGeometry m_geometry;
    QScrollBar *m_scrollBar = nullptr;
    TimeMs m_asOf = kUnknownTime;
    bool m_follow = false;
    bool m_autoSpan = true; // following live, the span grows with the data until the user zooms
    bool m_fitted = false; // the range was fitted to data once (later data keeps the user's view)
    ExecutionIndex m_selected = kNoIndex;
    QString m_selectedId; // finds the selection again after a reset renumbers executions

    // Mouse drag.
    QPoint m_pressPos;
    QPoint m_lastDragPos;
    bool m_pressed = false;
    bool m_dragging = false;

    TimelinePainter m_painter;
};

} // namespace StateScope
