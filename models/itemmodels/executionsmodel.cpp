#include "executionsmodel.h"

#include "eventstore.h"

namespace StateScope {

ExecutionsModel::ExecutionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ExecutionsModel::setStore(const EventStore *store)
{
    m_store = store;
    refresh();
}

void ExecutionsModel::setFilter(const ExecutionFilter &filter)
{
    m_filter = filter;
    refresh();
}

StateId ExecutionsModel::currentState(ExecutionIndex e) const
{
    const quint32 t = m_store->lastTransitionOf(e);
    return t == kNoIndex ? m_store->executionInitialState(e) : m_store->transitionTo(t);
}

TimeMs ExecutionsModel::currentSince(ExecutionIndex e) const
{
    const quint32 t = m_store->lastTransitionOf(e);
    return t == kNoIndex ? m_store->executionEntryTime(e) : m_store->transitionTime(t);
}

bool ExecutionsModel::matches(ExecutionIndex e, StateId state) const
{
    if (m_filter.status != ExecutionStatus::Unknown && m_store->executionStatus(e) != m_filter.status)
        return false;
    if (!m_filter.state.isEmpty() && currentState(e) != state)
        return false;
    if (m_filter.activeFrom != kUnknownTime || m_filter.activeTo != kUnknownTime) {
        const TimeMs start = m_store->executionEntryTime(e) != kUnknownTime ? m_store->executionEntryTime(e)
            : (m_store->firstTransitionOf(e) != kNoIndex ? m_store->transitionTime(m_store->firstTransitionOf(e)) : kUnknownTime);
        const TimeMs end = currentSince(e);
        if (m_filter.activeTo != kUnknownTime && start != kUnknownTime && start > m_filter.activeTo)
            return false;
        const bool running = m_store->executionStatus(e) == ExecutionStatus::Running;
        if (m_filter.activeFrom != kUnknownTime && !running && end != kUnknownTime && end < m_filter.activeFrom)
            return false;
    }
    // The id last: it is the one test that builds text.
    return m_filter.idContains.isEmpty() || m_store->executionId(e).contains(m_filter.idContains, Qt::CaseInsensitive);
}

void ExecutionsModel::refresh()
{
    beginResetModel();
    m_rows.clear();
    m_matches = 0;
    if (m_store) {
        StateId state = kNoState;
        bool possible = true;
        if (!m_filter.state.isEmpty()) {
            state = m_store->findState(m_filter.state.toUtf8());
            possible = state != StringInterner::kNotFound;
        }
        // Newest first: executions are numbered in arrival order.
        for (ExecutionIndex e = m_store->executionCount(); possible && e-- > 0;) {
            if (!matches(e, state))
                continue;
            ++m_matches;
            if (m_rows.size() < size_t(kMaxRows))
                m_rows.push_back(e);
        }
    }
    endResetModel();
}

int ExecutionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExecutionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ExecutionsModel::rowOf(ExecutionIndex e) const
{
    const auto it = std::find(m_rows.begin(), m_rows.end(), e);
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

QVariant ExecutionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_store)
        return {};
    const ExecutionIndex e = m_rows[size_t(index.row())];
    if (role == ExecutionRole)
        return QVariant::fromValue(e);
    if (role == Qt::TextAlignmentRole)
        return index.column() == Transitions ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    auto time = [role](TimeMs t) -> QVariant {
        if (role == SortRole)
            return t;
        return t == kUnknownTime ? QStringLiteral("—") : TimeUtil::formatUtcString(t);
    };
    switch (Column(index.column())) {
    case Id: return m_store->executionId(e);
    case Workflow: {
        const quint32 w = m_store->executionWorkflow(e);
        if (w >= m_store->workflows().size())
            return QString();
        const StateScope::Workflow &workflow = m_store->workflows()[w];
        return workflow.name.isEmpty() ? workflow.id : workflow.name;
    }
    case Status: return statusText(m_store->executionStatus(e));
    case State: {
        const StateId s = currentState(e);
        return s == kNoState ? QString() : m_store->stateName(s);
    }
    case Since: return time(currentSince(e));
    case Transitions: return m_store->transitionCountOf(e);
    case Started: return time(m_store->executionEntryTime(e));
    case ColumnCount: break;
    }
    return {};
}

QString ExecutionsModel::statusText(ExecutionStatus status)
{
    switch (status) {
    case ExecutionStatus::Running: return tr("running");
    case ExecutionStatus::Completed: return tr("completed");
    case ExecutionStatus::Failed: return tr("failed");
    case ExecutionStatus::Cancelled: return tr("cancelled");
    case ExecutionStatus::Unknown: break;
    }
    return tr("unknown");
}

QVariant ExecutionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Id: return tr("Execution");
    case Workflow: return tr("Workflow");
    case Status: return tr("Status");
    case State: return tr("State");
    case Since: return tr("In state since");
    case Transitions: return tr("Transitions");
    case Started: return tr("Started");
    case ColumnCount: break;
    }
    return {};
}

} // namespace StateScope
