#include "recoveryhistorychart.h"

#include "charttheme.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QCursor>
#include <QDateTime>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QSet>
#include <QStackedBarSeries>
#include <QTime>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace StateScope {

namespace {
constexpr TimeMs kMinute = 60 * 1000;
constexpr TimeMs kHour = 60 * kMinute;
constexpr TimeMs kDay = 24 * kHour;
constexpr TimeMs kYear = 365 * kDay;

// Okabe-Ito: told apart with any colour vision; the vermilion is the engineer-mode banner's.
const QColor kSucceeded(0x00, 0x9e, 0x73);
const QColor kFailed(0xd5, 0x5e, 0x00);
const QColor kUnknown(0x99, 0x99, 0x99);

QDateTime local(TimeMs t)
{
    return QDateTime::fromMSecsSinceEpoch(t);
}

void styleSet(QBarSet *set, const QColor &color)
{
    set->setColor(color);
    set->setBorderColor(color.darker(130));
}

// Failed bars are hatched as well as vermilion: told from succeeded ones without color.
QBrush hatched(const QColor &color)
{
    QPixmap tile(8, 8);
    tile.fill(color);
    QPainter p(&tile);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color.darker(170), 1.6));
    p.drawLine(QPointF(-1, 9), QPointF(9, -1));
    p.drawLine(QPointF(-5, 5), QPointF(5, -5));
    p.drawLine(QPointF(3, 13), QPointF(13, 3));
    return QBrush(color, tile); // the color stays the set's color(), for the legend and the tests
}

// 1, 2, 5, 10, 20, 50, ...: the smallest tick step that reaches `largest` in maxTicks ticks.
qint64 countStep(quint64 largest, int maxTicks)
{
    for (qint64 magnitude = 1;; magnitude *= 10) {
        for (qint64 m : {1, 2, 5}) {
            if (quint64(m * magnitude) * quint64(maxTicks) >= largest)
                return m * magnitude;
        }
    }
}
} // namespace

RecoveryHistoryChart::RecoveryHistoryChart(QWidget *parent)
    : QChartView(parent)
    , m_chart(new QChart)
    , m_series(new QStackedBarSeries)
    , m_succeeded(new QBarSet(tr("succeeded")))
    , m_failed(new QBarSet(tr("failed")))
    , m_unknown(new QBarSet(tr("outcome unknown")))
    , m_time(new QCategoryAxis)
    , m_counts(new QValueAxis)
{
    setAccessibleName(tr("Recovery history chart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(2, 2, 6, 2));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setMarkerShape(QLegend::MarkerShapeRectangle);
    m_series->append(QList<QBarSet *> {m_succeeded, m_failed, m_unknown});
    m_series->setBarWidth(0.8);
    m_chart->addSeries(m_series);
    // A value axis under the bars (bar i sits at x = i) lets the labels skip buckets.
    m_time->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_time->setGridLineVisible(false);
    m_counts->setLabelFormat(QStringLiteral("%.0f"));
    m_counts->setTickType(QValueAxis::TicksDynamic);
    m_counts->setTickAnchor(0);
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_counts, Qt::AlignLeft);
    m_series->attachAxis(m_time);
    m_series->attachAxis(m_counts);

    m_emptyItem = new QGraphicsSimpleTextItem(m_chart);
    applyTheme();
    connect(m_chart, &QChart::plotAreaChanged, this, [this] {
        rescaleCounts();
        relabel();
        placeEmptyText();
    });
    connect(m_series, &QAbstractBarSeries::hovered, this, [this](bool hovering, int index, QBarSet *) {
        if (!hovering || index < 0 || size_t(index) >= m_history.buckets.size()) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(), bucketToolTip(m_history.buckets[size_t(index)], m_history.bucketWidthMs),
                           this);
    });
    setChart(m_chart);
    rebuild();
}

// The chart theme resets fonts and colors: what this chart sets itself comes after it.
void RecoveryHistoryChart::applyTheme()
{
    ChartTheme::apply(m_chart, palette());
    QFont titleFont = m_chart->titleFont();
    titleFont.setBold(true);
    m_chart->setTitleFont(titleFont);
    QFont small = font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() - 1));
    m_chart->legend()->setFont(small);
    m_time->setLabelsFont(small);
    m_time->setTitleFont(small);
    m_counts->setLabelsFont(small);
    styleSet(m_succeeded, kSucceeded);
    styleSet(m_failed, kFailed);
    m_failed->setBrush(hatched(kFailed));
    styleSet(m_unknown, kUnknown);
    m_emptyItem->setBrush(palette().color(QPalette::PlaceholderText));
}

void RecoveryHistoryChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyTheme();
}

QSize RecoveryHistoryChart::sizeHint() const
{
    return {360, 240};
}

void RecoveryHistoryChart::setHistory(const RecoveryHistory &history, const QString &emptyText)
{
    // The pane refreshes live once a second; most refreshes change nothing drawn.
    const auto sameBucket = [](const RecoveryHistory::Bucket &a, const RecoveryHistory::Bucket &b) {
        return a.start == b.start && a.succeeded == b.succeeded && a.failed == b.failed && a.unknown == b.unknown;
    };
    const bool same = emptyText == m_emptyText && history.attempts == m_history.attempts
        && history.successes == m_history.successes && history.bucketWidthMs == m_history.bucketWidthMs
        && std::equal(history.buckets.cbegin(), history.buckets.cend(), m_history.buckets.cbegin(),
                      m_history.buckets.cend(), sameBucket);
    m_history = history;
    if (same)
        return;
    m_emptyText = emptyText;
    m_stale = !isVisible(); // live refreshes of a hidden pane cost nothing
    if (!m_stale)
        rebuild();
}

QString RecoveryHistoryChart::title() const
{
    if (m_history.attempts == 0)
        return {};
    QString text = tr("Success rate %1 % (%2 of %3)")
                       .arg(QLocale().toString(100.0 * m_history.successRate, 'f', 0))
                       .arg(m_history.successes)
                       .arg(m_history.attempts);
    if (!m_history.buckets.empty())
        text += QStringLiteral(" · ") + widthName(m_history.bucketWidthMs);
    return text;
}

QString RecoveryHistoryChart::emptyStateText() const
{
    if (m_history.attempts == 0)
        return m_emptyText.isEmpty() ? tr("No recoveries") : m_emptyText;
    if (m_history.buckets.empty())
        return tr("No recovery here has a recorded time");
    return {};
}

QString RecoveryHistoryChart::widthName(TimeMs width)
{
    const auto per = [](qint64 n, const QString &one, const QString &many) -> QString {
        return n == 1 ? one : many.arg(n);
    };
    if (width % kYear == 0)
        return per(width / kYear, tr("per year"), tr("per %1 years"));
    if (width % (7 * kDay) == 0)
        return per(width / (7 * kDay), tr("per week"), tr("per %1 weeks"));
    if (width % kDay == 0)
        return per(width / kDay, tr("per day"), tr("per %1 days"));
    if (width % kHour == 0)
        return per(width / kHour, tr("per hour"), tr("per %1 hours"));
    if (width % kMinute == 0)
        return per(width / kMinute, tr("per minute"), tr("per %1 minutes"));
    return per(width / 1000, tr("per second"), tr("per %1 seconds"));
}

QString RecoveryHistoryChart::bucketLabel(TimeMs start, TimeMs step)
{
    const QDateTime t = local(start);
    const QLocale locale;
    if (step < kMinute)
        return locale.toString(t, QStringLiteral("HH:mm:ss"));
    if (step < kDay) // midnight names the day, so that the hours that follow have one
        return locale.toString(t, t.time() == QTime(0, 0) ? QStringLiteral("d MMM") : QStringLiteral("HH:mm"));
    if (step < 91 * kDay)
        return locale.toString(t, QStringLiteral("d MMM"));
    if (step < kYear)
        return locale.toString(t, QStringLiteral("MMM yyyy"));
    return locale.toString(t, QStringLiteral("yyyy"));
}

QString RecoveryHistoryChart::bucketToolTip(const RecoveryHistory::Bucket &bucket, TimeMs width)
{
    const QLocale locale;
    QString text = locale.toString(local(bucket.start), QLocale::ShortFormat) + QStringLiteral(" – ")
        + locale.toString(local(bucket.start + width), QLocale::ShortFormat) + QLatin1Char('\n')
        + tr("%1 succeeded, %2 failed").arg(bucket.succeeded).arg(bucket.failed);
    if (bucket.unknown > 0)
        text += QLatin1Char('\n') + tr("%1 of unknown outcome").arg(bucket.unknown);
    return text;
}

void RecoveryHistoryChart::showEvent(QShowEvent *event)
{
    if (m_stale) {
        m_stale = false;
        rebuild();
    }
    QChartView::showEvent(event);
}

void RecoveryHistoryChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    relabel();
}

void RecoveryHistoryChart::rebuild()
{
    const std::vector<RecoveryHistory::Bucket> &buckets = m_history.buckets;
    const int n = int(buckets.size());
    const bool empty = m_history.attempts == 0;
    m_chart->setTitle(title());
    // Each set is emptied and refilled in one call: the series redraws once, not per bucket.
    QList<qreal> succeeded, failed, unknown;
    for (const RecoveryHistory::Bucket &b : buckets) {
        succeeded.append(qreal(b.succeeded));
        failed.append(qreal(b.failed));
        unknown.append(qreal(b.unknown));
    }
    const bool anyUnknown = std::any_of(buckets.cbegin(), buckets.cend(), [](const auto &b) { return b.unknown > 0; });
    m_succeeded->remove(0, m_succeeded->count());
    m_failed->remove(0, m_failed->count());
    m_unknown->remove(0, m_unknown->count());
    m_succeeded->append(succeeded);
    m_failed->append(failed);
    m_unknown->append(unknown);
    for (QLegendMarker *marker : m_chart->legend()->markers(m_series))
        marker->setVisible(marker->label() != m_unknown->label() || anyUnknown);

    rescaleCounts();
    m_time->setRange(-0.5, std::max(0, n - 1) + 0.5);
    m_time->setStartValue(-0.5);
    // The days the buckets cover, for an axis whose labels are times of day (see relabel()).
    QString days;
    if (n > 0) {
        const QLocale locale;
        const QString from = locale.toString(local(buckets.front().start).date(), QLocale::ShortFormat);
        const QString to
            = locale.toString(local(buckets.back().start + m_history.bucketWidthMs - 1).date(), QLocale::ShortFormat);
        days = from == to ? from : from + QStringLiteral(" – ") + to;
    }
    m_time->setTitleText(days);
    m_time->setVisible(!empty && n > 0);
    m_counts->setVisible(!empty && n > 0);
    m_chart->legend()->setVisible(!empty && n > 0);
    m_emptyItem->setText(emptyStateText());
    relabel();
    placeEmptyText();
}

void RecoveryHistoryChart::rescaleCounts()
{
    quint64 largest = 0;
    for (const RecoveryHistory::Bucket &b : m_history.buckets)
        largest = std::max(largest, b.total());
    // As many whole-number ticks as the plot's height has room for: crowded labels turn to "…".
    const QRectF plot = m_chart->plotArea();
    const double height = plot.height() > 1 ? plot.height() : std::max(40.0, double(this->height()) - 110.0);
    const int maxTicks = std::clamp(int(height / (1.6 * QFontMetrics(m_counts->labelsFont()).height())), 1, 5);
    const qint64 step = countStep(largest, maxTicks);
    const double top = double(std::max<qint64>(step, qint64(std::ceil(double(largest) / double(step))) * step));
    if (m_counts->tickInterval() != double(step) || m_counts->max() != top) {
        m_counts->setTickInterval(double(step));
        m_counts->setRange(0, top);
    }
}

void RecoveryHistoryChart::relabel()
{
    const std::vector<RecoveryHistory::Bucket> &buckets = m_history.buckets;
    const int n = int(buckets.size());
    const TimeMs width = m_history.bucketWidthMs;
    const QRectF plot = m_chart->plotArea();
    const double plotWidth = plot.width() > 1 ? plot.width() : std::max(80.0, double(this->width()) - 50.0);
    const double perBucket = plotWidth / double(std::max(1, n));
    const QFontMetrics metrics(m_time->labelsFont());
    const auto widthOf = [&metrics](const QString &label) {
        return metrics.horizontalAdvance(label);
    };

    // A label every `step`: the smallest step that is a nice width (a quarter hour, a day, a
    // week: labels fall on the clock and the calendar) whose labels keep a gap, else the
    // smallest multiple of the bucket width that does.
    std::vector<int> at;
    QStringList labels;
    TimeMs chosen = width;
    bool found = false;
    for (int pass = 0; pass < 2 && !found; ++pass) {
        for (int k = 1; k <= n && !found; ++k) {
            const TimeMs step = width * k;
            const bool nice = RecoveryHistory::isNiceWidth(step);
            if (pass == 0 && !nice)
                continue;
            at.clear();
            labels.clear();
            int widest = 0;
            for (int j = 0; j < n; ++j) {
                const TimeMs start = buckets[size_t(j)].start;
                const bool aligned
                    = nice ? RecoveryHistory::bucketStart(start, step, m_history.utcOffsetMs) == start : j % k == 0;
                if (!aligned)
                    continue;
                at.push_back(j);
                labels.append(bucketLabel(start, step));
                widest = std::max(widest, widthOf(labels.back()));
            }
            found = !at.empty() && widest + 10 <= double(k) * perBucket;
            chosen = step;
        }
    }
    m_time->setTitleVisible(chosen < kDay && !m_time->titleText().isEmpty());
    if (!found && n > 0) {
        chosen = width;
        at = {0};
        labels = QStringList {bucketLabel(buckets.front().start, width)};
    }
    // A label centred on the last bars would stick out of the chart: leave it out.
    while (at.size() > 1 && (double(n - at.back()) - 0.5) * perBucket + 6 < widthOf(labels.back()) / 2.0) {
        at.pop_back();
        labels.removeLast();
    }
    // Category labels are keys: a repeated text (the same hour on two days) gets invisible
    // zero-width spaces to stay unique.
    QSet<QString> used;
    for (QString &label : labels) {
        while (used.contains(label))
            label += QChar(0x200B);
        used.insert(label);
    }
    if (labels == m_time->categoriesLabels())
        return; // nothing moved: plotAreaChanged after our own relabel ends here
    for (const QString &label : m_time->categoriesLabels())
        m_time->remove(label);
    for (size_t i = 0; i < at.size(); ++i)
        m_time->append(labels[qsizetype(i)], at[i]);
}

void RecoveryHistoryChart::placeEmptyText()
{
    const QRectF area = m_chart->plotArea().isEmpty() ? m_chart->rect() : m_chart->plotArea();
    const QRectF box = m_emptyItem->boundingRect();
    m_emptyItem->setPos(area.center() - QPointF(box.width() / 2, box.height() / 2));
}

} // namespace StateScope
