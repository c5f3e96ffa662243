#include "checkpointsmodel.h"

#include "eventstore.h"
#include "timeutil.h"

#include <QLocale>

#include <algorithm>

namespace StateScope {

CheckpointsModel::CheckpointsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void CheckpointsModel::setExecution(const EventStore &store, ExecutionIndex execution)
{
    std::vector<Row> rows;
    if (execution < store.executionCount()) {
        for (const CheckpointInfo &c : store.checkpoints()) {
            if (c.execution != execution)
                continue;
            rows.push_back(Row{store.checkpointId(c), c.timestamp, store.checkpointStateName(c), store.checkpointType(c),
                               c.sizeBytes, c.status, c.recoverable});
        }
        std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.time < b.time; });
    }
    setRows(std::move(rows));
}

void CheckpointsModel::setRows(std::vector<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int CheckpointsModel::rowOf(const QString &checkpointId) const
{
    const auto it = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row &r) { return r.id == checkpointId; });
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

QColor CheckpointsModel::statusColor(CheckpointStatus status)
{
    switch (status) {
    case CheckpointStatus::Verified:
        return QColor(0x00, 0x9e, 0x73);
    case CheckpointStatus::Corrupted:
        return QColor(0xd5, 0x5e, 0x00);
    case CheckpointStatus::Unverifiable:
        break;
    }
    return QColor(0x80, 0x80, 0x80);
}

QString CheckpointsModel::statusText(CheckpointStatus status)
{
    switch (status) {
    case CheckpointStatus::Verified:
        return tr("verified");
    case CheckpointStatus::Corrupted:
        return tr("corrupted");
    case CheckpointStatus::Unverifiable:
        break;
    }
    return tr("unverifiable");
}

int CheckpointsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CheckpointsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckpointsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case SortRole:
        return sortValue(row, index.column());
    case CheckpointIdRole:
        return row.id;
    case Qt::ForegroundRole:
        if (index.column() == Checksum)
            return statusColor(row.status);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Size)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        return tr("Checkpoint %1").arg(row.id);
    default:
        return {};
    }
}

QVariant CheckpointsModel::display(const Row &row, int column) const
{
    switch (column) {
    case Time:
        return row.time == kUnknownTime ? tr("unknown") : TimeUtil::formatUtcString(row.time);
    case State:
        return row.state;
    case Type:
        return row.type;
    case Size:
        return row.sizeBytes < 0 ? tr("unknown") : QLocale().formattedDataSize(row.sizeBytes);
    case Checksum:
        return statusText(row.status);
    case Recoverable:
        return row.recoverable ? tr("yes") : tr("no");
    default:
        return {};
    }
}

QVariant CheckpointsModel::sortValue(const Row &row, int column) const
{
    switch (column) {
    case Time:
        return qint64(row.time);
    case State:
        return row.state;
    case Type:
        return row.type;
    case Size:
        return row.sizeBytes;
    case Checksum:
        return int(row.status);
    case Recoverable:
        return row.recoverable ? 1 : 0;
    default:
        return {};
    }
}

QVariant CheckpointsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case State:
        return tr("State");
    case Type:
        return tr("Type");
    case Size:
        return tr("Size");
    case Checksum:
        return tr("Checksum");
    case Recoverable:
        return tr("Recoverable");
    default:
        return {};
    }
}

} // namespace StateScope
