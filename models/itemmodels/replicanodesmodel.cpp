#include "replicanodesmodel.h"

#include "timeutil.h"

#include <QColor>
#include <QLocale>

#include <algorithm>

namespace StateScope {

ReplicaNodesModel::ReplicaNodesModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

QColor ReplicaNodesModel::criticalColor()
{
    return QColor(0xd5, 0x5e, 0x00);
}

QColor ReplicaNodesModel::goodColor()
{
    return QColor(0x00, 0x9e, 0x73);
}

void ReplicaNodesModel::setSample(const ConsistencySample &sample, double lagThresholdMs)
{
    setNodes(sample.nodes, lagThresholdMs);
}

void ReplicaNodesModel::clear()
{
    setNodes({}, m_thresholdMs);
}

void ReplicaNodesModel::setNodes(std::vector<ReplicaNode> nodes, double lagThresholdMs)
{
    const int oldRows = int(m_nodes.size());
    const int newRows = int(nodes.size());
    const int common = std::min(oldRows, newRows);
    const bool samePrefix = std::equal(nodes.begin(), nodes.begin() + common, m_nodes.begin(),
                                       [](const ReplicaNode &a, const ReplicaNode &b) { return a.nodeId == b.nodeId; });
    const bool thresholdChanged = lagThresholdMs != m_thresholdMs;
    if (!samePrefix) {
        beginResetModel();
        m_nodes = std::move(nodes);
        m_thresholdMs = lagThresholdMs;
        endResetModel();
        return;
    }
    // Rows kept in place: insert or remove the tail, then report what changed in the rest.
    std::vector<ReplicaNode> before = m_nodes;
    if (newRows > oldRows) {
        beginInsertRows({}, oldRows, newRows - 1);
        m_nodes = std::move(nodes);
        m_thresholdMs = lagThresholdMs;
        endInsertRows();
    } else if (newRows < oldRows) {
        beginRemoveRows({}, newRows, oldRows - 1);
        m_nodes = std::move(nodes);
        m_thresholdMs = lagThresholdMs;
        endRemoveRows();
    } else {
        m_nodes = std::move(nodes);
        m_thresholdMs = lagThresholdMs;
    }
    emitChangedRows(before, thresholdChanged, common);
}

void ReplicaNodesModel::emitChangedRows(const std::vector<ReplicaNode> &before, bool thresholdChanged, int rows)
{
    int first = -1;
    int last = -1;
    for (int i = 0; i < rows; ++i) {
        const ReplicaNode &a = before[size_t(i)];
        const ReplicaNode &b = m_nodes[size_t(i)];
        if (thresholdChanged || a.lagMs != b.lagMs || a.pendingChanges != b.pendingChanges || a.inSync != b.inSync) {
            if (first < 0)
                first = i;
            last = i;
        }
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

bool ReplicaNodesModel::overThreshold(const ReplicaNode &node) const
{
    return node.lagMs > m_thresholdMs;
}

int ReplicaNodesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_nodes.size());
}

int ReplicaNodesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReplicaNodesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_nodes.size()))
        return {};
    const ReplicaNode &n = m_nodes[size_t(index.row())];
    const bool over = overThreshold(n);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Node:
            return n.nodeId;
        case InSync:
            return n.inSync ? tr("yes") : tr("no");
        case Lag:
            return TimeUtil::formatDuration(n.lagMs);
        case Pending:
            return QLocale().toString(n.pendingChanges);
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case Node:
            return n.nodeId;
        case InSync:
            return n.inSync ? 1 : 0;
        case Lag:
            return n.lagMs;
        case Pending:
            return n.pendingChanges;
        default:
            return {};
        }
    case OverThresholdRole:
        return over;
    case Qt::TextAlignmentRole:
        return index.column() == Node || index.column() == InSync ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                                                  : int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        // A darker shade than the gauges' fill so the text keeps its contrast on white.
        if (over && (index.column() == Node || index.column() == Lag))
            return criticalColor().darker(125);
        return {};
    case Qt::DecorationRole:
        if (index.column() == InSync)
            return n.inSync ? goodColor() : criticalColor();
        if (index.column() == Lag && over)
            return criticalColor();
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Lag)
            return over
                ? tr("%1: lag %2, over the %3 threshold")
                      .arg(n.nodeId, TimeUtil::formatDuration(n.lagMs), TimeUtil::formatDuration(m_thresholdMs))
                : tr("%1: lag %2, within the %3 threshold")
                      .arg(n.nodeId, TimeUtil::formatDuration(n.lagMs), TimeUtil::formatDuration(m_thresholdMs));
        return {};
    default:
        return {};
    }
}

QVariant ReplicaNodesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Node:
        return tr("Node");
    case InSync:
        return tr("In sync");
    case Lag:
        return tr("Lag");
    case Pending:
        return tr("Pending changes");
    default:
        return {};
    }
}

} // namespace StateScope
