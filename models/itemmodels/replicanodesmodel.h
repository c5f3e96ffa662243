#pragma once

#include "domaintypes.h"

#include <QAbstractTableModel>

#include <vector>

namespace StateScope {

// The replica nodes of one consistency sample (the latest of a workflow) as a table: node id,
// in sync, lag, pending changes. A node lagging more than the threshold is flagged: its lag
// and node cells get the critical color (ForegroundRole) and OverThresholdRole is true.
//
// Live samples arrive several times a second, so setSample() keeps rows where it can: the same
// nodes in the same order only emit dataChanged for what changed, nodes added or removed at
// the end are inserted or removed, anything else is one model reset.
class ReplicaNodesModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Node, InSync, Lag, Pending, ColumnCount };
    // Raw values for sorting: node id, in sync as 0/1, lag in ms, pending changes.
    static constexpr int SortRole = Qt::UserRole + 1;
    // True for a row whose lag is over the threshold.
    static constexpr int OverThresholdRole = Qt::UserRole + 2;

    explicit ReplicaNodesModel(QObject *parent = nullptr);

    void setSample(const ConsistencySample &sample, double lagThresholdMs);
    void clear();
    double lagThresholdMs() const { return m_thresholdMs; }
    const std::vector<ReplicaNode> &nodes() const { return m_nodes; }

    // Colors of the flags, shared with the gauges' zones (Okabe-Ito vermillion and bluish green).
    static QColor criticalColor();
    static QColor goodColor();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    bool overThreshold(const ReplicaNode &node) const;
    void setNodes(std::vector<ReplicaNode> nodes, double lagThresholdMs);
    void emitChangedRows(const std::vector<ReplicaNode> &before, bool thresholdChanged, int rows);

    std::vector<ReplicaNode> m_nodes;
    double m_thresholdMs = 1000;
};

} // namespace StateScope
