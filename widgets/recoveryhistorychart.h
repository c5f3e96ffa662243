#pragma once

#include "recoveryhistory.h"

#include <QChartView>

class QBarSet;
class QCategoryAxis;
class QGraphicsSimpleTextItem;
class QStackedBarSeries;
class QValueAxis;

namespace StateScope {

// The Recovery pane's history chart (SPEC 7): one stacked bar per time bucket of a
// RecoveryHistory, succeeded (green) under failed (vermilion, hatched) and, when there are any, attempts
// of unknown outcome (grey); the title gives the success rate. Sized for a side dock: the time
// axis labels every k-th bucket so that labels never overlap, and the value axis ticks on whole
// numbers. Without attempts it shows an empty-state text instead of axes. Like
// BottleneckChart it never animates, and a hidden chart catches up when shown.
class RecoveryHistoryChart final : public QChartView
{
    Q_OBJECT
public:
    explicit RecoveryHistoryChart(QWidget *parent = nullptr);

    // emptyText says what has no recoveries ("No recoveries in workflow orders"); a default
    // text is used when it is empty.
    void setHistory(const RecoveryHistory &history, const QString &emptyText = {});
    const RecoveryHistory &history() const { return m_history; }
    // The title line: "Success rate 83 % (10 of 12) · per hour"; empty without attempts.
    QString title() const;
    // What the plot area says instead of bars: the empty text without attempts, a note when
    // none of them has a time; empty when there are bars.
    QString emptyStateText() const;

    // How the axis names a bucket when it labels one every `step` (local time, at the precision
    // the step needs; at midnight the day), and a bucket width ("per 10 minutes").
    static QString bucketLabel(TimeMs start, TimeMs step);
    static QString widthName(TimeMs width);
    // The hover text of a bucket: its time range and counts.
    static QString bucketToolTip(const RecoveryHistory::Bucket &bucket, TimeMs width);

    QSize sizeHint() const override;

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();
    void rebuild();
    void rescaleCounts(); // value-axis ticks that fit the current height
    void relabel(); // time-axis labels that fit the current width
    void placeEmptyText();

    QChart *m_chart = nullptr;
    QStackedBarSeries *m_series = nullptr;
    QBarSet *m_succeeded = nullptr; // owned by m_series
    QBarSet *m_failed = nullptr;
    QBarSet *m_unknown = nullptr;
    QCategoryAxis *m_time = nullptr;
    QValueAxis *m_counts = nullptr;
    QGraphicsSimpleTextItem *m_emptyItem = nullptr; // owned by m_chart
    RecoveryHistory m_history;
    QString m_emptyText;
    bool m_stale = false; // history changed while hidden
};

} // namespace StateScope
