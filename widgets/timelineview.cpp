#include "timelineview.h"

#include "eventstore.h"
#include "executionsmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace StateScope {

namespace {
constexpr TimeMs kNoCutoff = std::numeric_limits<TimeMs>::max();
constexpr int kAggregateHeight = 76;
constexpr double kZoomStep = 1.5;
constexpr double kFollowWindowMs = 120000; // following live: the last two minutes at most

// Shown in the user's time zone (SPEC 3), to the millisecond.
QString localTime(TimeMs ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}
} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , m_scrollBar(new QScrollBar(Qt::Vertical, this))
{
    setAccessibleName(tr("Transition timeline"));
    setFocusPolicy(Qt::WheelFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_scrollBar->setAccessibleName(tr("Executions"));
    connect(m_scrollBar, &QScrollBar::valueChanged, this, [this](int value) {
        m_geometry.setScrollY(value);
        update();
    });
    m_painter.sync(nullptr, font(), true);
    updateLayout();
}

TimelineView::~TimelineView() = default;

void TimelineView::setStore(const EventStore *store)
{
    m_store = store;
    m_fitted = false;
    storeChanged(true);
}

void TimelineView::storeChanged(bool reset)
{
    const bool atBottom = m_scrollBar->value() >= m_scrollBar->maximum();
    const double oldStart = m_geometry.visibleStart();
    const double oldEnd = m_geometry.visibleEnd();
    if (reset || !m_store) {
        m_lanes.reset(m_store);
        m_selected = kNoIndex;
        if (m_store && !m_selectedId.isEmpty()) { // indices were renumbered: find it by id
            const ExecutionIndex e = m_store->findExecution(m_selectedId.toLatin1());
            m_selected = e < m_store->executionCount() ? e : kNoIndex;
        }
    } else {
        m_lanes.update(*m_store);
    }
    m_painter.sync(m_store, font(), reset);
    updateDataRange();
    // Fit the first data, and data the old range does not touch (another source); keep the
    // user's range otherwise.
    if (!m_lanes.isEmpty()
        && (!m_fitted || oldEnd < double(m_lanes.dataStart()) || oldStart > double(m_lanes.dataEnd()))) {
        m_geometry.fitAll();
        m_fitted = true;
    }
    if (m_follow && m_autoSpan)
        m_geometry.follow(double(now()), kFollowWindowMs);
    else if (m_follow)
        m_geometry.alignRight(double(now()));
    updateScrollRange();
    if (m_follow && atBottom)
        m_scrollBar->setValue(m_scrollBar->maximum());
    update();
}

void TimelineView::setAsOf(TimeMs t)
{
    m_asOf = t;
    updateDataRange();
    if (m_follow)
        m_geometry.alignRight(double(now()));
    updateScrollRange();
    update();
}

void TimelineView::refreshColors()
{
    m_painter.sync(m_store, font(), true);
    update();
}

void TimelineView::setFollowLive(bool follow)
{
    if (follow == m_follow)
        return;
    m_follow = follow;
    if (follow) {
        m_geometry.alignRight(double(now()));
        m_scrollBar->setValue(m_scrollBar->maximum());
    }
    emit followLiveChanged(follow);
    update();
}

void TimelineView::setSelectedExecution(ExecutionIndex e)
{
    const bool known = m_store && e < m_store->executionCount();
    m_selected = known ? e : kNoIndex;
    m_selectedId = known ? m_store->executionId(e) : QString();
    if (known)
        ensureVisible(e);
    update();
}

TimeMs TimelineView::now() const
{
    return m_asOf != kUnknownTime ? m_asOf : m_lanes.dataEnd();
}

TimeMs TimelineView::cutoff() const
{
    return m_asOf != kUnknownTime ? m_asOf : kNoCutoff;
}

size_t TimelineView::rowsShown() const
{
    return m_asOf != kUnknownTime ? m_lanes.rowsStartedBy(m_asOf) : m_lanes.rowCount();
}

int TimelineView::bandCount(ExecutionIndex e) const
{
    if (m_lanes.rowOf(e) < 0)
        return 0;
    const std::vector<TimelineBand> &bands = m_lanes.bands(e);
    const size_t last = TimelineGeometry::bandAt(bands.data(), bands.size(), double(cutoff()));
    return last == TimelineGeometry::kNoBand ? 0 : int(last + 1);
}

ExecutionIndex TimelineView::executionAt(QPoint pos) const
{
    if (pos.x() < 0 || pos.x() >= m_geometry.plotRight())
        return kNoIndex;
    const int row = m_geometry.rowAt(pos.y(), rowsShown());
    return row < 0 ? kNoIndex : m_lanes.executionAt(size_t(row));
}

QPoint TimelineView::pointAt(ExecutionIndex e, TimeMs t) const
{
    const int row = m_lanes.rowOf(e);
    if (row < 0 || size_t(row) >= rowsShown())
        return QPoint(-1, -1);
    return QPoint(int(std::lround(m_geometry.timeToX(double(t)))),
                  m_geometry.rowTop(size_t(row)) + m_geometry.laneHeight() / 2);
}

void TimelineView::ensureVisible(ExecutionIndex e)
{
    const int row = m_lanes.rowOf(e);
    if (row < 0 || size_t(row) >= rowsShown())
        return;
    const int top = row * m_geometry.laneStride();
    const int height = m_geometry.lanesRect().height();
    if (top < m_scrollBar->value())
        m_scrollBar->setValue(top);
    else if (top + m_geometry.laneStride() > m_scrollBar->value() + height)
        m_scrollBar->setValue(top + m_geometry.laneStride() - height);
}

void TimelineView::zoomIn()
{
    zoomBy(kZoomStep, m_geometry.plotLeft() + m_geometry.plotWidth() / 2.0);
}

void TimelineView::zoomOut()
{
    zoomBy(1.0 / kZoomStep, m_geometry.plotLeft() + m_geometry.plotWidth() / 2.0);
}

void TimelineView::zoomToFit()
{
    m_autoSpan = true;
    m_geometry.fitAll();
    update();
}

void TimelineView::zoomBy(double factor, double x)
{
    m_autoSpan = false; // the user chose a span
    // Following, the zoom keeps "now" at the right edge wherever the cursor is.
    if (m_follow) {
        m_geometry.zoomAround(m_geometry.timeToX(double(now())), factor);
        m_geometry.alignRight(double(now()));
    } else {
        m_geometry.zoomAround(x, factor);
    }
    update();
}

void TimelineView::panBy(double dx)
{
    stopFollowing();
    m_geometry.panPixels(dx);
    update();
}

void TimelineView::stopFollowing()
{
    if (!m_follow)
        return;
    m_follow = false;
    emit followLiveChanged(false);
}

void TimelineView::updateLayout()
{
    const QFontMetrics fm(font());
    m_geometry.setGutterWidth(fm.horizontalAdvance(QStringLiteral("00000000-0000")) + 16);
    m_geometry.setStrips(fm.height() + 8, kAggregateHeight, fm.height() + 10);
    m_geometry.setLaneMetrics(qMax(12, fm.height() + 2), 3);
    const int bar = m_scrollBar->sizeHint().width();
    m_geometry.setSize(width() - bar, height());
    const QRect lanes = m_geometry.lanesRect();
    m_scrollBar->setGeometry(width() - bar, lanes.top(), bar, lanes.height());
    updateScrollRange();
}

void TimelineView::updateDataRange()
{
    const TimeMs end = m_asOf != kUnknownTime ? qMax(m_lanes.dataEnd(), m_asOf) : m_lanes.dataEnd();
    m_geometry.setDataRange(m_lanes.dataStart(), end);
}

void TimelineView::updateScrollRange()
{
    m_scrollBar->setRange(0, m_geometry.maxScrollY(rowsShown()));
    m_scrollBar->setPageStep(qMax(1, m_geometry.lanesRect().height()));
    m_scrollBar->setSingleStep(m_geometry.laneStride());
    m_geometry.setScrollY(m_scrollBar->value());
}

QString TimelineView::toolTipAt(QPoint pos) const
{
    if (!m_store || m_lanes.isEmpty())
        return QString();
    if (m_geometry.aggregateRect().contains(pos))
        return m_geometry.inPlot(pos) ? aggregateToolTip(pos.x()) : QString();
    const int row = m_geometry.rowAt(pos.y(), rowsShown());
    if (row < 0 || pos.x() >= m_geometry.plotRight())
        return QString();
    const ExecutionIndex e = m_lanes.executionAt(size_t(row));
    const std::vector<TimelineBand> &bands = m_lanes.bands(e);
    if (!m_geometry.inPlot(pos)) { // the label: the whole id
        return tr("Execution %1\nStatus: %2, %n stay(s)", nullptr, bandCount(e))
            .arg(m_store->executionId(e), ExecutionsModel::statusText(m_store->executionStatus(e)));
    }
    const size_t band
        = m_geometry.bandAtPixel(bands.data(), bands.size(), m_lanes.laneEnd(e, now()), cutoff(), pos.x());
    return band == TimelineGeometry::kNoBand ? QString() : bandToolTip(e, band);
}

QString TimelineView::bandToolTip(ExecutionIndex e, size_t band) const
{
    const std::vector<TimelineBand> &bands = m_lanes.bands(e);
    const TimelineBand &b = bands[band];
    const bool last = band + 1 == bands.size();
    QStringList lines;
    lines << tr("Execution %1").arg(m_store->executionId(e));
    lines << tr("State: %1").arg(m_store->stateName(b.state));
    lines << tr("Entered: %1").arg(localTime(b.start));
    if (!last && bands[band + 1].start <= cutoff()) {
        const TimeMs left = bands[band + 1].start;
        lines << tr("Left: %1").arg(localTime(left));
        lines << tr("Dwell: %1").arg(TimeUtil::formatDuration(double(left - b.start)));
    } else if (!last || m_lanes.isOpen(e)) { // not left by now (or by the "as of" time)
        lines << tr("Left: still there");
        lines << tr("Dwell: %1 so far").arg(TimeUtil::formatDuration(double(now() - b.start)));
    } else {
        const ExecutionStatus status = m_store->executionStatus(e);
        lines << (status == ExecutionStatus::Unknown
                      ? tr("Final state")
                      : tr("Final state (execution %1)").arg(ExecutionsModel::statusText(status)));
    }
    return lines.join(QLatin1Char('\n'));
}

QString TimelineView::aggregateToolTip(int x) const
{
    const int b = (x - m_geometry.plotLeft()) / TimelineGeometry::kBucketWidth;
    const double from = m_geometry.bucketStart(b);
    const double to = qMin(m_geometry.bucketStart(b + 1), double(cutoff()));
    if (!(to > from))
        return QString();
    const TimelineAggregate &aggregate = m_lanes.aggregate();
    std::vector<std::pair<double, StateId>> counts;
    double total = 0;
    for (StateId s = 0; s < aggregate.stateCount(); ++s) {
        const double v = aggregate.meanCount(s, from, to);
        if (v >= 0.005) {
            counts.emplace_back(v, s);
            total += v;
        }
    }
    std::sort(counts.begin(), counts.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList lines;
    lines << tr("%1 to %2").arg(localTime(TimeMs(std::floor(from))), localTime(TimeMs(std::ceil(to))));
    lines << tr("Executions in a state (mean): %1").arg(total, 0, 'f', total < 10 ? 2 : 1);
    const size_t shown = qMin(counts.size(), size_t(12));
    for (size_t i = 0; i < shown; ++i) {
        const StateId s = counts[i].second;
        lines << tr("  %1: %2").arg(m_store->stateName(s)).arg(counts[i].first, 0, 'f', counts[i].first < 10 ? 2 : 1);
    }
    if (counts.size() > shown)
        lines << tr("  and %n more state(s)", nullptr, int(counts.size() - shown));
    return lines.join(QLatin1Char('\n'));
}

bool TimelineView::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(e);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            e->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(e);
}

void TimelineView::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::FontChange) {
        m_painter.sync(m_store, font(), true);
        updateLayout();
    } else if (e->type() == QEvent::PaletteChange) {
        update();
    }
    QWidget::changeEvent(e);
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window)); // the corner beside the scroll bar too
    TimelineFrame frame;
    frame.store = m_store;
    frame.lanes = &m_lanes;
    frame.geometry = &m_geometry;
    frame.now = now();
    frame.cutoff = cutoff();
    frame.asOf = m_asOf;
    frame.rows = rowsShown();
    frame.selected = m_selected;
    frame.devicePixelRatio = devicePixelRatioF();
    m_painter.paint(p, frame, palette());
}

void TimelineView::resizeEvent(QResizeEvent *)
{
    // A resized view shows the same time range, not more of it.
    const double start = m_geometry.visibleStart();
    const double end = m_geometry.visibleEnd();
    updateLayout();
    if (m_fitted)
        m_geometry.setVisibleRange(start, end);
    if (m_follow)
        m_geometry.alignRight(double(now()));
}

void TimelineView::wheelEvent(QWheelEvent *e)
{
    const QPoint delta = e->angleDelta();
    if (e->modifiers() & Qt::ControlModifier) {
        zoomBy(std::pow(1.2, delta.y() / 120.0), e->position().x());
    } else if ((e->modifiers() & Qt::ShiftModifier) || std::abs(delta.x()) > std::abs(delta.y())) {
        const int d = delta.x() != 0 ? delta.x() : delta.y();
        panBy(d / 120.0 * m_geometry.plotWidth() / 10.0);
    } else {
        m_scrollBar->setValue(m_scrollBar->value() - delta.y() * 3 * m_geometry.laneStride() / 120);
    }
    e->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(e);
    m_pressed = true;
    m_dragging = false;
    m_pressPos = m_lastDragPos = e->position().toPoint();
    setFocus(Qt::MouseFocusReason);
    e->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent *e)
{
    if (!m_pressed)
        return QWidget::mouseMoveEvent(e);
    const QPoint pos = e->position().toPoint();
    if (!m_dragging && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
        m_dragging = true;
        setCursor(Qt::ClosedHandCursor);
    }
    if (m_dragging) {
        const QPoint d = pos - m_lastDragPos;
        m_lastDragPos = pos;
        if (d.x() != 0)
            panBy(d.x());
        if (d.y() != 0)
            m_scrollBar->setValue(m_scrollBar->value() - d.y());
    }
    e->accept();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton || !m_pressed)
        return QWidget::mouseReleaseEvent(e);
    if (!m_dragging) {
        const ExecutionIndex picked = executionAt(e->position().toPoint());
        if (picked != kNoIndex) {
            m_selected = picked;
            m_selectedId = m_store->executionId(picked);
            update();
            emit executionSelected(picked);
        }
    }
    m_pressed = false;
    m_dragging = false;
    unsetCursor();
    e->accept();
}

void TimelineView::keyPressEvent(QKeyEvent *e)
{
    const int stride = m_geometry.laneStride();
    switch (e->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_Left:
        panBy(m_geometry.plotWidth() / 8.0);
        break;
    case Qt::Key_Right:
        panBy(-m_geometry.plotWidth() / 8.0);
        break;
    case Qt::Key_Up:
        m_scrollBar->setValue(m_scrollBar->value() - stride);
        break;
    case Qt::Key_Down:
        m_scrollBar->setValue(m_scrollBar->value() + stride);
        break;
    case Qt::Key_PageUp:
        m_scrollBar->setValue(m_scrollBar->value() - m_scrollBar->pageStep());
        break;
    case Qt::Key_PageDown:
        m_scrollBar->setValue(m_scrollBar->value() + m_scrollBar->pageStep());
        break;
    case Qt::Key_Home:
        zoomToFit();
        break;
    case Qt::Key_End:
        m_geometry.alignRight(double(now()));
        m_scrollBar->setValue(m_scrollBar->maximum());
        update();
        break;
    default:
        QWidget::keyPressEvent(e);
        return;
    }
    e->accept();
}

} // namespace StateScope
