#pragma once

#include "analysisreport.h"

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QModelIndex;
class QPoint;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace StateScope {

class AlertsModel;
class BottleneckChart;
class ConformanceModel;
class PredictionsModel;
class StatesTableModel;
class VariantsModel;

// The dashboard's Analytics pane (SPEC 7): tabs for dwell statistics, the bottleneck chart,
// variants, conformance, predictions and alerts of one report.
//
// setReport() comes every couple of seconds with live data: the models replace their rows in
// one step, and each table keeps the user's sort column, scroll position and selection (rows
// are matched by a stable key, not by position). Double-clicking (or Enter on) a row that
// names an execution — a variant's example, a prediction, an invalid transition's first
// example, an alert about an execution — emits executionActivated(); the context menu lists
// every example of an invalid transition.
class AnalyticsView final : public QWidget
{
    Q_OBJECT
public:
    enum Tab { DwellTab, BottlenecksTab, VariantsTab, ConformanceTab, PredictionsTab, AlertsTab };

    explicit AnalyticsView(QWidget *parent = nullptr);

    void setReport(const StateScope::AnalysisReport &report);
    void setCurrentTab(Tab tab);

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    void executionActivated(const QString &executionId);

private:
    struct Table
    {
        QTableView *view = nullptr;
        QSortFilterProxyModel *proxy = nullptr;
        int keyRole = 0;
        int keyColumn = 0;
        bool sized = false; // columns fitted to the first rows shown; the user's widths after that
    };
    struct ViewState
    {
        int vertical = 0;
        int horizontal = 0;
        QStringList selected;
        QString current;
    };

    QTableView *addTable(QAbstractItemModel *model, const QString &name, int keyRole, int keyColumn);
    ViewState saveState(const Table &table) const;
    void restoreState(Table &table, const ViewState &state);
    void fitColumns();
    void activate(const QModelIndex &index);
    void showContextMenu(QTableView *view, const QPoint &pos);
    void filterExecutionsByState();
    void updateSummaries(const AnalysisReport &report);

    QTabWidget *m_tabs = nullptr;
    StatesTableModel *m_states = nullptr;
    BottleneckChart *m_chart = nullptr;
    VariantsModel *m_variants = nullptr;
    ConformanceModel *m_conformance = nullptr;
    PredictionsModel *m_statePredictions = nullptr;
    PredictionsModel *m_executionPredictions = nullptr;
    AlertsModel *m_alerts = nullptr;
    QLabel *m_variantsSummary = nullptr;
    QLabel *m_conformanceSummary = nullptr;
    QLabel *m_predictionsSummary = nullptr;
    QLabel *m_executionsCaption = nullptr;
    QLabel *m_alertsSummary = nullptr;
    QTableView *m_statePredictionsView = nullptr;
    QTableView *m_executionPredictionsView = nullptr;
    std::vector<Table> m_tables;
};

} // namespace StateScope
