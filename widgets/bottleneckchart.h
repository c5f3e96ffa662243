#pragma once

#include "analysisreport.h"

#include <QChartView>

class QBarCategoryAxis;
class QBarSet;
class QGraphicsSimpleTextItem;
class QHorizontalStackedBarSeries;
class QLineSeries;
class QValueAxis;

namespace StateScope {

// The bottleneck ranking of a report (SPEC 6 `bottlenecks`) as horizontal bars: share of the
// total dwell time per non-terminal state, largest on top, at most kMaxBars. Each bar has its
// state's StatePalette color and its share at its end; bottleneck states (share >= twice the
// fair share) carry a dark outline and a "(bottleneck)" label, and a dashed line marks that
// threshold.
//
// Qt Charts colors per set, not per bar, so the bars are a stacked series with one set per
// state that is non-zero only in its own row. setReport() moves values in the sets it has (or
// replaces them in one append when the number of bars changes) and never animates: live
// updates every couple of seconds must not flicker.
class BottleneckChart final : public QChartView
{
    Q_OBJECT
public:
    struct Bar
    {
        QString state;
        double share = 0; // 0..1
        double meanMs = 0;
        double severity = 0;
        bool isBottleneck = false;
    };
    static constexpr int kMaxBars = 20;

    explicit BottleneckChart(QWidget *parent = nullptr);

    void setReport(const AnalysisReport &report);
    // The bars shown, largest share first, and how many candidates did not fit.
    const std::vector<Bar> &bars() const { return m_bars; }
    int omitted() const { return m_omitted; }
    // The bottleneck threshold (twice the fair share over all candidates), 0..1; 0 when none.
    double threshold() const { return m_threshold; }
    // The axis label of a bar and its hover text.
    static QString label(const Bar &bar);
    static QString toolTip(const Bar &bar);
    // The bars of a report: bottleneck candidates by share, the first `cap`.
    static std::vector<Bar> barsOf(const AnalysisReport &report, int cap, int *omitted = nullptr);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();
    void rebuild();
    void placeValueLabels();
    void showBarToolTip(bool hovering, QBarSet *set);

    QChart *m_chart = nullptr;
    QHorizontalStackedBarSeries *m_series = nullptr;
    QLineSeries *m_thresholdLine = nullptr;
    QBarCategoryAxis *m_categories = nullptr;
    QValueAxis *m_values = nullptr;
    QValueAxis *m_lineAxis = nullptr; // hidden 0..1 axis the threshold line spans
    std::vector<Bar> m_bars;
    std::vector<QBarSet *> m_sets; // parallel to m_bars; owned by m_series
    // "80.0%" beside each bar's end, one decimal (the series' own labels print "80%" and
    // clip inside short bars); owned by m_chart.
    std::vector<QGraphicsSimpleTextItem *> m_valueLabels;
    int m_omitted = 0;
    double m_threshold = 0;
    bool m_stale = false; // bars changed while hidden
    quint64 m_paletteGeneration = 0; // of StatePalette, when the bars were colored
};

} // namespace StateScope
