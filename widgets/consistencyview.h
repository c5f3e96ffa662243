#pragma once

#include "analysisreport.h"

#include <QWidget>

#include <vector>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QListWidget;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace StateScope {

class GaugeWidget;
class ReplicaNodesModel;

// The Consistency pane (SPEC 7): for one workflow's replica set, gauges of the consistency
// score, nodes in sync against the replication factor, max lag against the threshold, pending
// changes and conflicts of the latest sample; the nodes of that sample in a sortable table; its
// divergence lines. A selector picks the workflow when the report has several and keeps the
// choice (by workflow id) across reports. setReport() may come several times a second: it
// updates values in place and rebuilds nothing that did not change.
class ConsistencyView final : public QWidget
{
    Q_OBJECT
public:
    enum class Gauge { Score, InSync, MaxLag, Pending, Conflicts };

    explicit ConsistencyView(QWidget *parent = nullptr);

    void setReport(const AnalysisReport &report);
    // Shows this workflow (e.g. from an alert); ignored when the report does not have it.
    void selectWorkflow(const QString &workflowId);

    QString selectedWorkflowId() const;
    const GaugeWidget *gauge(Gauge which) const;
    QAbstractItemModel *nodesModel() const; // the sorted view of the nodes table
    QStringList divergence() const { return m_divergence; }
    bool showsPlaceholder() const;
    QString statusText() const;

Q_SIGNALS:
    void workflowSelected(const QString &workflowId);

private:
    void buildGauges();
    void syncSelector();
    void showCurrent();
    void updateGauges(const AnalysisReport::WorkflowConsistency &c);
    void updateDivergence(const QStringList &lines);
    void onSelectorActivated(int index);
    int currentIndex() const;

    std::vector<AnalysisReport::WorkflowConsistency> m_workflows;
    double m_thresholdMs = 1000;
    QString m_preferredId; // the user's choice, kept while the workflow is absent
    QStringList m_selectorKeys; // what the selector shows, to rebuild it only when it changes
    QStringList m_divergence;
    double m_pendingMax = 0; // auto-scaled maxima (hysteresis, see GaugeGeometry)
    double m_conflictsMax = 0;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_selectorLabel = nullptr;
    QComboBox *m_selector = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_health = nullptr;
    std::vector<GaugeWidget *> m_gauges; // indexed by Gauge
    ReplicaNodesModel *m_nodes = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_divergenceTitle = nullptr;
    QListWidget *m_divergenceList = nullptr;
};

} // namespace StateScope
