#pragma once

#include "domaintypes.h"

#include <QAbstractTableModel>

#include <vector>

namespace StateScope {

class EventStore;

// What the execution browser filters by; empty fields match everything.
struct ExecutionFilter
{
    QString idContains;                          // case-insensitive substring of the execution id
    QString state;                               // current state name
    ExecutionStatus status = ExecutionStatus::Unknown; // Unknown = any
    TimeMs activeFrom = kUnknownTime;            // the execution was active in [from, to]
    TimeMs activeTo = kUnknownTime;
};

// The workflow/execution browser of the Sources pane: the executions of a store that match a
// filter, newest first, at most kMaxRows of them (the filter narrows the rest down). Refilled
// in one reset by refresh(); the store is read on the GUI thread, where it lives.
class ExecutionsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Workflow, Status, State, Since, Transitions, Started, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int ExecutionRole = Qt::UserRole + 2; // the ExecutionIndex
    static constexpr int kMaxRows = 5000;
    // The status as the dashboard shows it, in its language (executionStatusName() is the
    // machine-readable form of reports and the CLI).
    static QString statusText(ExecutionStatus status);

    explicit ExecutionsModel(QObject *parent = nullptr);

    void setStore(const EventStore *store);
    void setFilter(const ExecutionFilter &filter);
    const ExecutionFilter &filter() const { return m_filter; }
    // Re-reads the store (after a load, a live tick or a compaction).
    void refresh();
    quint64 matchCount() const { return m_matches; } // may exceed rowCount()

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    int rowOf(ExecutionIndex e) const;

private:
    StateId currentState(ExecutionIndex e) const;
    TimeMs currentSince(ExecutionIndex e) const;
    bool matches(ExecutionIndex e, StateId state) const;

    const EventStore *m_store = nullptr;
    ExecutionFilter m_filter;
    std::vector<ExecutionIndex> m_rows;
    quint64 m_matches = 0;
};

} // namespace StateScope
