#include "matrixview.h"

#include "charttheme.h"
#include "eventstore.h"
#include "statepalette.h"

#include <QContextMenuEvent>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace StateScope {

namespace {
// A live store is walked for the mean dwell mode at most this often.
constexpr qint64 kDwellIntervalMs = 1000;
} // namespace

MatrixView::MatrixView(QWidget *parent)
    : QWidget(parent)
    , m_dwellTimer(new QTimer(this))
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Probability matrix"));
    m_data.setEmptyColor(MatrixGeometry::emptyColor(ChartTheme::isDark(palette())));
    m_dwellTimer->setSingleShot(true);
    connect(m_dwellTimer, &QTimer::timeout, this, [this] {
        if (mode() != Mode::MeanDwell)
            return;
        refreshDwell(true);
        rebuildCells();
    });
    for (int i = 0; i <= 10; ++i)
        m_legendGradient.setColorAt(i / 10.0, MatrixGeometry::heatColor(i / 10.0));
    relayout();
}

MatrixView::~MatrixView() = default;

void MatrixView::setReport(const AnalysisReport &report)
{
    if (mode() == Mode::MeanDwell) {
        refreshDwell(false);
    } else if (m_dwellValid && !dwellIsCurrent()) {
        // Stale: walked again when the mode is shown, never per report.
        m_dwellValid = false;
        m_data.setDwell(nullptr);
    }
    if (m_data.setReport(report)) {
        m_hover = {}; // it may name a state that is gone
        relayout();
    }
    rebuildCells();
}

void MatrixView::setStore(const EventStore *store, const Selection &selection)
{
    m_store = store;
    m_selection = selection;
    m_dwellTimer->stop();
    m_dwellValid = false;
    m_data.setDwell(nullptr);
    m_dwell = EdgeDwell();
    if (mode() == Mode::MeanDwell)
        refreshDwell(true);
    rebuildCells();
}

void MatrixView::setMode(Mode mode)
{
    if (mode == this->mode())
        return;
    m_data.setMode(mode);
    if (mode == Mode::MeanDwell)
        refreshDwell(true);
    rebuildCells();
    Q_EMIT modeChanged(mode);
}

bool MatrixView::dwellIsCurrent() const
{
    return m_dwellValid && m_store && m_dwell.transitionCount() == m_store->transitionCount()
        && m_dwell.executionCount() == m_store->executionCount();
}

void MatrixView::refreshDwell(bool force)
{
    if (!m_store || dwellIsCurrent())
        return;
    if (!force && m_dwellValid && m_dwellClock.isValid() && m_dwellClock.elapsed() < kDwellIntervalMs) {
        // Keep showing the last figures; catch up once the interval is over.
        if (!m_dwellTimer->isActive())
            m_dwellTimer->start(int(kDwellIntervalMs - m_dwellClock.elapsed()));
        return;
    }
    m_dwell = EdgeDwell::compute(*m_store, m_selection);
    m_dwellValid = true;
    m_dwellClock.start();
    m_data.setDwell(&m_dwell);
}

void MatrixView::rebuildCells()
{
    m_data.rebuild();
    rebuildTexts();
    update();
}

void MatrixView::rebuildTexts()
{
    m_cellTexts.clear();
    const double cell = m_geometry.cellSize();
    const QFontMetricsF fm(m_cellFont);
    if (!m_geometry.isEmpty() && cell >= fm.height() + 4) {
        // One form for (nearly) the whole matrix, the widest in which nine values in ten fit
        // (mixed "1.5 s" and "53min" read badly); the rest narrow further or are left to the
        // tooltip.
        const std::vector<AnalysisReport::Edge> &edges = m_data.edges();
        const auto fits = [&](const QString &text) {
            return fm.horizontalAdvance(text) <= cell - 4;
        };
        size_t values = 0;
        for (size_t e = 0; e < edges.size(); ++e)
            values += std::isnan(m_data.value(e)) ? 0 : 1;
        int level = 0;
        for (; level < MatrixData::kFormatLevels - 1; ++level) {
            size_t misfits = 0;
            for (size_t e = 0; e < edges.size() && misfits * 10 <= values; ++e) {
                const double v = m_data.value(e);
                misfits += std::isnan(v) || fits(m_data.formatValue(v, level)) ? 0 : 1;
            }
            if (misfits * 10 <= values)
                break;
        }
        for (size_t e = 0; e < edges.size(); ++e) {
            const double v = m_data.value(e);
            if (std::isnan(v))
                continue;
            QString text = m_data.formatValue(v, level);
            for (int narrower = level + 1; !fits(text) && narrower < MatrixData::kFormatLevels; ++narrower)
                text = m_data.formatValue(v, narrower);
            if (!fits(text))
                continue;
            const QColor background = m_data.cellColor(edges[e].from, edges[e].to);
            m_cellTexts.push_back({edges[e].from, edges[e].to, text, StatePalette::textOn(background)});
        }
    }

    m_steadyTexts.clear();
    m_timeShareTexts.clear();
    m_numberWidth = QFontMetricsF(m_labelFont).horizontalAdvance(QStringLiteral("100.0%")) + 6;
    // Numbers only where a row is tall enough for a line of text, i.e. every label is drawn.
    if (m_stride == 1 && !m_geometry.isEmpty()) {
        for (const AnalysisReport::StateRow &s : m_data.states()) {
            m_steadyTexts.push_back(MatrixData::percent(s.steadyState));
            m_timeShareTexts.push_back(MatrixData::percent(s.timeShare));
        }
    }
}

QString MatrixView::cellText(int row, int column) const
{
    for (const CellText &t : m_cellTexts) {
        if (t.row == row && t.column == column)
            return t.text;
    }
    return {};
}

void MatrixView::relayout()
{
    const QFont base = font();
    const QFontMetricsF baseMetrics(base);
    const QStringList &names = m_data.names();
    const int n = m_data.stateCount();
    double widest = 0;
    for (const QString &name : names)
        widest = std::max(widest, baseMetrics.horizontalAdvance(name));
    MatrixGeometry::Input input;
    input.viewport = QSizeF(size());
    input.stateCount = n;
    input.labelWidth = widest;
    input.lineHeight = baseMetrics.height();
    m_geometry = MatrixGeometry(input);

    m_labelFont = base;
    const double scale = m_geometry.labelScale();
    if (base.pointSizeF() > 0)
        m_labelFont.setPointSizeF(base.pointSizeF() * scale);
    else
        m_labelFont.setPixelSize(std::max(6, int(std::lround(base.pixelSize() * scale))));
    const QFontMetricsF fm(m_labelFont);
    if (scale < 1.0) {
        // Second pass with the labels measured at the scaled font (hinting does not scale
        // linearly), so no name is elided that would have fit.
        double scaledWidest = 0;
        for (const QString &name : names)
            scaledWidest = std::max(scaledWidest, fm.horizontalAdvance(name));
        input.labelScale = scale;
        input.labelWidth = scaledWidest / scale;
        m_geometry = MatrixGeometry(input);
    }
    m_cellFont = base;
    if (base.pointSizeF() > 0)
        m_cellFont.setPointSizeF(base.pointSizeF() * 0.9);
    m_labelHeight = fm.height();
    m_stride = m_geometry.labelStride(m_labelHeight);

    m_rowLabels.clear();
    m_columnLabels.clear();
    m_rowStatic.clear();
    m_columnStatic.clear();
    const auto makeStatic = [this](const QString &text) {
        QStaticText s(text);
        s.setTextFormat(Qt::PlainText);
        s.prepare(QTransform(), m_labelFont);
        return s;
    };
    for (int i = 0; i < n && !m_geometry.isEmpty(); i += m_stride) {
        const QString row = fm.elidedText(names[i], Qt::ElideMiddle, m_geometry.rowLabelWidth());
        const double rowWidth = fm.horizontalAdvance(row);
        const QRectF slot = m_geometry.rowLabelRect(i, m_labelHeight);
        m_rowLabels.push_back({i, row, QRectF(slot.right() - rowWidth, slot.top(), rowWidth, slot.height())});
        m_rowStatic.push_back(makeStatic(row));

        const QString column = fm.elidedText(names[i], Qt::ElideMiddle, m_geometry.columnLabelLength());
        const double columnWidth = fm.horizontalAdvance(column);
        const QRectF box = m_geometry.columnLabelRect(i, m_labelHeight);
        m_columnLabels.push_back({i, column, QRectF(box.left(), box.bottom() - columnWidth, box.width(), columnWidth)});
        m_columnStatic.push_back(makeStatic(column));
    }
    m_rowStrip = QImage(1, std::max(n, 1), QImage::Format_RGB32);
    m_columnStrip = QImage(std::max(n, 1), 1, QImage::Format_RGB32);
    m_stateColors.clear();
    for (int i = 0; i < n; ++i) {
        m_stateColors.push_back(StatePalette::color(names[i]));
        m_rowStrip.setPixel(0, i, m_stateColors.back().rgb());
        m_columnStrip.setPixel(i, 0, m_stateColors.back().rgb());
    }
    rebuildTexts();
    update();
}

void MatrixView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void MatrixView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        relayout();
    if (event->type() == QEvent::PaletteChange) {
        m_data.setEmptyColor(MatrixGeometry::emptyColor(ChartTheme::isDark(palette())));
        rebuildCells();
    }
}

QString MatrixView::toolTipAt(QPoint pos) const
{
    const MatrixGeometry::Hit hit = m_geometry.hitTest(QPointF(pos));
    switch (hit.region) {
    case MatrixGeometry::Region::Cell:
        return m_data.cellToolTip(hit.row, hit.column);
    case MatrixGeometry::Region::RowLabel:
    case MatrixGeometry::Region::SteadyStateBar:
    case MatrixGeometry::Region::TimeShareBar:
        return m_data.stateToolTip(hit.row);
    case MatrixGeometry::Region::ColumnLabel:
        return m_data.stateToolTip(hit.column);
    case MatrixGeometry::Region::Legend:
        return tr("Cell color: %1. Grey cells: no transitions. Right-click to show probability, count or mean dwell.")
            .arg(m_data.legendTitle(m_store != nullptr));
    case MatrixGeometry::Region::None:
        break;
    }
    return {};
}

bool MatrixView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void MatrixView::mouseMoveEvent(QMouseEvent *event)
{
    const MatrixGeometry::Hit hit = m_geometry.hitTest(event->position());
    if (!(hit == m_hover)) {
        m_hover = hit;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void MatrixView::leaveEvent(QEvent *event)
{
    m_hover = {};
    update();
    QWidget::leaveEvent(event);
}

void MatrixView::mousePressEvent(QMouseEvent *event)
{
    const MatrixGeometry::Hit hit = m_geometry.hitTest(event->position());
    if (event->button() == Qt::LeftButton && hit.region == MatrixGeometry::Region::Cell
        && m_data.edgeIndex(hit.row, hit.column) >= 0) {
        Q_EMIT cellActivated(m_data.names()[hit.row], m_data.names()[hit.column]);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void MatrixView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const auto add = [&](const QString &text, Mode mode) {
        QAction *action = menu.addAction(text);
        action->setCheckable(true);
        action->setChecked(this->mode() == mode);
        connect(action, &QAction::triggered, this, [this, mode] { setMode(mode); });
    };
    add(tr("Transition probability"), Mode::Probability);
    add(tr("Transition count"), Mode::Count);
    add(tr("Mean dwell per edge"), Mode::MeanDwell);
    menu.exec(event->globalPos());
}

// --- painting ---

void MatrixView::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    const QPalette &pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::Base));
    if (m_geometry.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter,
                         m_data.stateCount() == 0 ? tr("No transitions to show") : tr("Too small to show the matrix"));
        return;
    }
    paintCells(painter);
    paintLabels(painter);
    paintBars(painter);
    paintLegend(painter);
}

void MatrixView::paintCells(QPainter &painter)
{
    const QPalette &pal = palette();
    const QRectF m = m_geometry.matrixRect();
    const int n = m_data.stateCount();
    const double cell = m_geometry.cellSize();
    // Nearest-neighbour scaling of one pixel per cell: the whole heat map in one blit.
    painter.drawImage(m, m_data.cellImage());
    painter.drawImage(QRectF(m_geometry.rowStripRect(0).left(), m.top(), MatrixGeometry::kStrip, m.height()),
                      m_rowStrip);
    painter.drawImage(QRectF(m.left(), m_geometry.columnStripRect(0).top(), m.width(), MatrixGeometry::kStrip),
                      m_columnStrip);
    if (cell >= 6) {
        // Gaps in the background color turn the blocks into tiles one can count.
        QVarLengthArray<QLineF, 512> lines;
        for (int i = 1; i < n; ++i) {
            lines.append(QLineF(m.left() + i * cell, m.top(), m.left() + i * cell, m.bottom()));
            lines.append(QLineF(m.left(), m.top() + i * cell, m.right(), m.top() + i * cell));
        }
        painter.setPen(QPen(pal.color(QPalette::Base), 1));
        painter.drawLines(lines.constData(), int(lines.size()));
    }
    if (!m_cellTexts.empty()) {
        painter.setFont(m_cellFont);
        for (const CellText &t : m_cellTexts) {
            painter.setPen(t.color);
            painter.drawText(m_geometry.cellRect(t.row, t.column), Qt::AlignCenter, t.text);
        }
    }
    // Hover: the row and the column faintly, the cell itself strongly.
    QColor line = pal.color(QPalette::Text);
    painter.setBrush(Qt::NoBrush);
    if (m_hover.row >= 0 && m_hover.region != MatrixGeometry::Region::ColumnLabel) {
        line.setAlpha(110);
        painter.setPen(QPen(line, 1));
        painter.drawRect(
            QRectF(m.left(), m.top() + m_hover.row * cell, m.width(), cell).adjusted(-0.5, -0.5, 0.5, 0.5));
    }
    if (m_hover.column >= 0) {
        line.setAlpha(110);
        painter.setPen(QPen(line, 1));
        painter.drawRect(
            QRectF(m.left() + m_hover.column * cell, m.top(), cell, m.height()).adjusted(-0.5, -0.5, 0.5, 0.5));
    }
    if (m_hover.region == MatrixGeometry::Region::Cell) {
        line.setAlpha(255);
        painter.setPen(QPen(line, 2));
        painter.drawRect(m_geometry.cellRect(m_hover.row, m_hover.column).adjusted(-1, -1, 1, 1));
    }
}

void MatrixView::paintLabels(QPainter &painter)
{
    const QPalette &pal = palette();
    QColor highlight = pal.color(QPalette::Highlight);
    highlight.setAlpha(60);
    const double cell = m_geometry.cellSize();
    const QRectF m = m_geometry.matrixRect();
    if (m_hover.row >= 0)
        painter.fillRect(
            QRectF(MatrixGeometry::kMargin, m.top() + m_hover.row * cell, m_geometry.rowLabelWidth(), cell), highlight);
    if (m_hover.column >= 0) {
        const QRectF box = m_geometry.columnLabelRect(m_hover.column, m_labelHeight);
        painter.fillRect(QRectF(m.left() + m_hover.column * cell, box.top(), cell, box.height()), highlight);
    }
    painter.setFont(m_labelFont);
    painter.setPen(pal.color(QPalette::Text));
    for (size_t k = 0; k < m_rowLabels.size(); ++k)
        painter.drawStaticText(m_rowLabels[k].rect.topLeft(), m_rowStatic[k]);
    // Column labels read upwards from the matrix: one rotation for all of them, where widget
    // (x, y) is (-y, x) in the rotated frame.
    painter.save();
    painter.rotate(-90);
    for (size_t k = 0; k < m_columnLabels.size(); ++k) {
        const QRectF &r = m_columnLabels[k].rect;
        painter.drawStaticText(QPointF(-r.bottom(), r.left()), m_columnStatic[k]);
    }
    painter.restore();
}

void MatrixView::paintBars(QPainter &painter)
{
    const QPalette &pal = palette();
    const QFontMetricsF headerMetrics(font());
    const std::vector<AnalysisReport::StateRow> &states = m_data.states();
    const bool numbers = !m_steadyTexts.empty();
    const double cell = m_geometry.cellSize();
    const double pad = cell >= 6 ? std::round(cell * 0.18) : 0;
    for (int c = 0; c < 2; ++c) {
        const QRectF column = m_geometry.barColumnRect(c);
        const QRectF header = m_geometry.barHeaderRect(c);
        const QString title = c == 0 ? tr("Steady state π") : tr("Time share");
        painter.setFont(font());
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(header, Qt::AlignLeft | Qt::AlignBottom,
                         headerMetrics.elidedText(title, Qt::ElideRight, header.width()));
        const double max = c == 0 ? m_data.steadyStateMax() : m_data.timeShareMax();
        const double room = column.width() - (numbers ? m_numberWidth : 0);
        for (size_t i = 0; i < states.size() && max > 0; ++i) {
            const double v = c == 0 ? states[i].steadyState : states[i].timeShare;
            const QRectF slot = m_geometry.barSlot(c, int(i));
            if (v > 0)
                painter.fillRect(
                    QRectF(slot.left(), slot.top() + pad, std::max(1.0, room * v / max), slot.height() - 2 * pad),
                    m_stateColors[i]);
        }
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawLine(QLineF(column.left() - 0.5, column.top(), column.left() - 0.5, column.bottom()));
        if (numbers) {
            painter.setFont(m_labelFont);
            painter.setPen(pal.color(QPalette::Text));
            const std::vector<QString> &texts = c == 0 ? m_steadyTexts : m_timeShareTexts;
            for (size_t i = 0; i < texts.size(); ++i) {
                const QRectF slot = m_geometry.barSlot(c, int(i));
                painter.drawText(QRectF(slot.right() - m_numberWidth, slot.top(), m_numberWidth, slot.height()),
                                 Qt::AlignRight | Qt::AlignVCenter, texts[i]);
            }
        }
    }
}

void MatrixView::paintLegend(QPainter &painter)
{
    const QPalette &pal = palette();
    const QRectF r = m_geometry.legendRect();
    const QFontMetricsF fm(font());
    painter.setFont(font());
    painter.setPen(pal.color(QPalette::Text));
    double x = r.left();
    const double cy = r.center().y();
    const auto text = [&](const QString &s) {
        const double w = fm.horizontalAdvance(s);
        if (x + w <= r.right())
            painter.drawText(QRectF(x, r.top(), w + 1, r.height()), Qt::AlignLeft | Qt::AlignVCenter, s);
        x += w + 6;
    };
    const auto swatch = [&](const QColor &color) {
        const QRectF box(x, cy - 6, 12, 12);
        if (box.right() <= r.right()) {
            painter.fillRect(box, color);
            painter.setPen(pal.color(QPalette::Mid));
            painter.drawRect(box);
            painter.setPen(pal.color(QPalette::Text));
        }
        x += 18;
    };
    text(tr("%1:", "legend title").arg(m_data.legendTitle(m_store != nullptr)));
    const bool probability = mode() == Mode::Probability;
    text(probability ? QStringLiteral("0") : m_data.formatValue(m_data.low()));
    const QRectF bar(x, cy - 6, std::min(160.0, std::max(40.0, r.right() - x - 200)), 12);
    m_legendGradient.setStart(bar.topLeft());
    m_legendGradient.setFinalStop(bar.topRight());
    painter.fillRect(bar, m_legendGradient);
    x = bar.right() + 6;
    text(probability ? QStringLiteral("1") : m_data.formatValue(m_data.high()));
    x += 12;
    swatch(m_data.emptyColor());
    text(tr("no transitions"));
    if (m_data.hasUnknownValues()) {
        x += 6;
        swatch(StatePalette::unknown());
        text(tr("dwell unknown"));
    }
}

} // namespace StateScope
