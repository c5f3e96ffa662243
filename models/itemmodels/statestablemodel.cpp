#include "statestablemodel.h"

#include "timeutil.h"

#include <cmath>

namespace StateScope {

StatesTableModel::StatesTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void StatesTableModel::setReport(const AnalysisReport &report)
{
    beginResetModel();
    m_rows = report.states;
    endResetModel();
}

int StatesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StatesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatesTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const AnalysisReport::StateRow &r = m_rows[size_t(index.row())];
    const auto value = [&r](int column) -> double {
        switch (column) {
        case Now: return double(r.executionsInState);
        case Stays: return double(r.dwell.count);
        case Mean: return r.dwell.mean;
        case P50: return r.dwell.p50;
        case P95: return r.dwell.p95;
        case P99: return r.dwell.p99;
        case Max: return r.dwell.max;
        case SteadyState: return r.steadyState;
        case TimeShare: return r.timeShare;
        default: return 0;
        }
    };
    if (role == Qt::TextAlignmentRole)
        return index.column() == State ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole)
        return index.column() == State ? QVariant(r.name) : QVariant(value(index.column()));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case State:
        return r.terminal ? tr("%1 (terminal)").arg(r.name) : (r.trapped ? tr("%1 (trapped)").arg(r.name) : r.name);
    case Now:
    case Stays:
        return QString::number(qint64(value(index.column())));
    case SteadyState:
    case TimeShare:
        return QString(QString::number(value(index.column()) * 100.0, 'f', 1) + QLatin1Char('%'));
    default:
        return TimeUtil::formatDuration(value(index.column()));
    }
}

QVariant StatesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case State: return tr("State");
    case Now: return tr("Now");
    case Stays: return tr("Stays");
    case Mean: return tr("Mean");
    case P50: return tr("p50");
    case P95: return tr("p95");
    case P99: return tr("p99");
    case Max: return tr("Max");
    case SteadyState: return tr("Steady state");
    case TimeShare: return tr("Time share");
    default: return {};
    }
}

} // namespace StateScope
