#include "bottleneckchart.h"

#include "charttheme.h"
#include "statepalette.h"
#include "timeutil.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCursor>
#include <QGraphicsSimpleTextItem>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace StateScope {

namespace {
QString percentText(double fraction)
{
    return QString(QString::number(fraction * 100.0, 'f', 1) + QLatin1Char('%'));
}
} // namespace

BottleneckChart::BottleneckChart(QWidget *parent)
    : QChartView(parent)
    , m_chart(new QChart)
    , m_series(new QHorizontalStackedBarSeries)
    , m_thresholdLine(new QLineSeries)
    , m_categories(new QBarCategoryAxis)
    , m_values(new QValueAxis)
    , m_lineAxis(new QValueAxis)
{
    setAccessibleName(tr("Bottlenecks"));
    setRenderHint(QPainter::Antialiasing);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->hide();
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 12, 4));

    m_series->setBarWidth(0.72);
    m_chart->addSeries(m_series);
    m_chart->addAxis(m_categories, Qt::AlignLeft);
    m_chart->addAxis(m_values, Qt::AlignBottom);
    m_series->attachAxis(m_categories);
    m_series->attachAxis(m_values);
    m_values->setTitleText(tr("Share of the time spent in non-terminal states (%)"));
    m_values->setLabelFormat(QStringLiteral("%.0f"));
    m_values->setMinorTickCount(1);
    m_categories->setGridLineVisible(false);

    m_thresholdLine->setName(tr("bottleneck threshold"));
    m_chart->addSeries(m_thresholdLine);
    m_chart->addAxis(m_lineAxis, Qt::AlignRight);
    m_thresholdLine->attachAxis(m_values);
    m_thresholdLine->attachAxis(m_lineAxis);
    m_lineAxis->setRange(0, 1);
    m_lineAxis->setVisible(false);

    connect(m_chart, &QChart::plotAreaChanged, this, &BottleneckChart::placeValueLabels);
    connect(m_series, &QAbstractBarSeries::hovered, this,
            [this](bool hovering, int, QBarSet *set) { showBarToolTip(hovering, set); });
    setChart(m_chart);
    applyTheme();
    rebuild();
}

// The chart theme resets fonts and colors: what this chart sets itself comes after it.
void BottleneckChart::applyTheme()
{
    ChartTheme::apply(m_chart, palette());
    QFont titleFont = m_chart->titleFont();
    titleFont.setBold(true);
    m_chart->setTitleFont(titleFont);
    QColor line = palette().color(QPalette::Text);
    line.setAlpha(170);
    m_thresholdLine->setPen(QPen(line, 1.5, Qt::DashLine));
    for (QGraphicsSimpleTextItem *item : m_valueLabels)
        item->setFont(m_categories->labelsFont());
}

void BottleneckChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyTheme();
        rebuild();
    }
}

std::vector<BottleneckChart::Bar> BottleneckChart::barsOf(const AnalysisReport &report, int cap, int *omitted)
{
    std::vector<Bar> bars;
    for (const AnalysisReport::Bottleneck &b : report.bottlenecks) {
        const QString name = size_t(b.state) < report.states.size() ? report.states[size_t(b.state)].name : QString();
        bars.push_back({name, b.share, b.meanMs, b.severity, b.isBottleneck});
    }
    // The report ranks them already; sort again so a hand-made report reads the same.
    std::stable_sort(bars.begin(), bars.end(), [](const Bar &a, const Bar &b) { return a.share > b.share; });
    const int keep = std::min<int>(int(bars.size()), std::max(0, cap));
    if (omitted)
        *omitted = int(bars.size()) - keep;
    bars.resize(size_t(keep));
    return bars;
}

QString BottleneckChart::label(const Bar &bar)
{
    return bar.isBottleneck ? tr("%1 (bottleneck)").arg(bar.state) : bar.state;
}

QString BottleneckChart::toolTip(const Bar &bar)
{
    QString text = tr("%1\n%2 of the time in non-terminal states\nmean stay %3\nseverity %4 (standard deviations above the mean of state means)")
                       .arg(bar.state, percentText(bar.share), TimeUtil::formatDuration(bar.meanMs),
                            QString::number(bar.severity, 'f', 2));
    if (bar.isBottleneck)
        text += QLatin1Char('\n') + tr("Bottleneck: at least twice its fair share of the time");
    return text;
}

void BottleneckChart::setReport(const AnalysisReport &report)
{
    int omitted = 0;
    std::vector<Bar> bars = barsOf(report, kMaxBars, &omitted);
    const double threshold = report.bottlenecks.size() > 1 ? 2.0 / double(report.bottlenecks.size()) : 0.0;
    const bool same = StatePalette::generation() == m_paletteGeneration && omitted == m_omitted && threshold == m_threshold && bars.size() == m_bars.size()
        && std::equal(bars.cbegin(), bars.cend(), m_bars.cbegin(), [](const Bar &a, const Bar &b) {
               return a.state == b.state && a.share == b.share && a.meanMs == b.meanMs && a.isBottleneck == b.isBottleneck;
           });
    if (same)
        return; // nothing to redraw
    m_bars = std::move(bars);
    m_omitted = omitted;
    m_threshold = threshold;
    m_paletteGeneration = StatePalette::generation();
    // A hidden chart (another tab) catches up when shown: live reports cost it nothing.
    m_stale = !isVisible();
    if (!m_stale)
        rebuild();
}

void BottleneckChart::showEvent(QShowEvent *event)
{
    if (m_stale) {
        m_stale = false;
        rebuild();
    }
    QChartView::showEvent(event);
}

void BottleneckChart::rebuild()
{
    const int n = int(m_bars.size());
    QString title;
    if (n == 0)
        title = tr("No completed stays in non-terminal states yet");
    else if (m_omitted > 0)
        title = tr("Where the time goes: the %1 largest of %2 states").arg(n).arg(n + m_omitted);
    else
        title = tr("Where the time goes");
    if (n > 0 && m_threshold > 0 && m_threshold <= 1)
        title += QStringLiteral(" — ") + tr("dashed line: bottleneck threshold %1 (twice the fair share)").arg(percentText(m_threshold));
    m_chart->setTitle(title);

    // Set i draws bar i (rank i) in row n - 1 - i: the category axis runs bottom to top and the
    // largest goes on top. The sets stay while the number of bars does: an update then only
    // moves values and recolors, which costs a fraction of building n x n bar items anew.
    if (int(m_sets.size()) != n) {
        m_series->clear();
        for (QGraphicsSimpleTextItem *item : m_valueLabels)
            delete item;
        m_sets.clear();
        m_valueLabels.clear();
        QList<QBarSet *> sets;
        for (int i = 0; i < n; ++i) {
            auto *set = new QBarSet(QString());
            set->append(QList<qreal>(n, 0.0));
            sets.append(set);
            m_sets.push_back(set);
            auto *item = new QGraphicsSimpleTextItem(m_chart);
            item->setFont(m_categories->labelsFont());
            item->setZValue(10);
            m_valueLabels.push_back(item);
        }
        m_series->append(sets);
    }
    QStringList categories;
    for (int row = 0; row < n; ++row)
        categories.append(label(m_bars[size_t(n - 1 - row)]));
    const QPen outline(palette().color(QPalette::Text), 2.0); // the bottleneck mark, in either theme
    for (int i = 0; i < n; ++i) {
        const Bar &bar = m_bars[size_t(i)];
        QBarSet *set = m_sets[size_t(i)];
        set->setLabel(bar.state);
        set->replace(n - 1 - i, bar.share * 100.0);
        const QColor color = StatePalette::color(bar.state);
        set->setColor(color);
        set->setBorderColor(bar.isBottleneck ? outline.color() : color.darker(130));
        set->setPen(bar.isBottleneck ? outline : QPen(color.darker(130), 1.0));
        m_valueLabels[size_t(i)]->setText(percentText(bar.share));
    }
    m_categories->setCategories(categories);

    const double largest = n > 0 ? m_bars.front().share * 100.0 : 0.0;
    const double top = std::max({largest * 1.08, m_threshold * 100.0 * 1.08, 5.0});
    m_values->setRange(0, top);
    m_values->applyNiceNumbers();
    m_thresholdLine->clear();
    if (m_threshold > 0 && m_threshold <= 1 && n > 0)
        m_thresholdLine->replace(QList<QPointF>{{m_threshold * 100.0, 0.0}, {m_threshold * 100.0, 1.0}});
    placeValueLabels();
}

void BottleneckChart::placeValueLabels()
{
    const QRectF plot = m_chart->plotArea();
    const int n = int(m_bars.size());
    for (int i = 0; i < n && size_t(i) < m_valueLabels.size(); ++i) {
        QGraphicsSimpleTextItem *item = m_valueLabels[size_t(i)];
        const double value = m_bars[size_t(i)].share * 100.0;
        const QPointF end = m_chart->mapToPosition(QPointF(value, n - 1 - i), m_series);
        const QRectF box = item->boundingRect();
        // Beside the bar's end; inside it, in the bar's text color, when it would leave the plot.
        double x = end.x() + 6;
        QBrush brush = m_categories->labelsBrush();
        if (x + box.width() > plot.right()) {
            x = end.x() - 6 - box.width();
            brush = QBrush(StatePalette::textOn(StatePalette::color(m_bars[size_t(i)].state)));
        }
        item->setBrush(brush);
        item->setPos(x, end.y() - box.height() / 2);
    }
}

void BottleneckChart::showBarToolTip(bool hovering, QBarSet *set)
{
    const auto it = std::find(m_sets.cbegin(), m_sets.cend(), set);
    if (!hovering || it == m_sets.cend()) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(), toolTip(m_bars[size_t(it - m_sets.cbegin())]), this);
}

} // namespace StateScope
