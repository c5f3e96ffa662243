#pragma once

#include "domaintypes.h"

#include <QAbstractTableModel>
#include <QColor>

#include <vector>

namespace StateScope {

class EventStore;

// The checkpoints of one execution as a table (SPEC 7, Recovery): time, state, type, size,
// checksum status and whether the engine marked it recoverable. A value snapshot taken from the
// store by setExecution(); the model keeps no pointer into the store. The checksum cell has the
// status color (ForegroundRole); SortRole gives raw values, CheckpointIdRole the checkpoint id.
class CheckpointsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, State, Type, Size, Checksum, Recoverable, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int CheckpointIdRole = Qt::UserRole + 2;

    struct Row
    {
        QString id;
        TimeMs time = kUnknownTime;
        QString state;
        QString type;
        qint64 sizeBytes = -1; // -1 = unknown
        CheckpointStatus status = CheckpointStatus::Unverifiable;
        bool recoverable = false;
    };

    explicit CheckpointsModel(QObject *parent = nullptr);

    // The checkpoints of `execution` in `store`, oldest first; an index past the store's
    // executions (kNoIndex) clears the model.
    void setExecution(const EventStore &store, ExecutionIndex execution);
    void setRows(std::vector<Row> rows);
    void clear() { setRows({}); }
    const std::vector<Row> &rows() const { return m_rows; }
    // The row of a checkpoint id, or -1.
    int rowOf(const QString &checkpointId) const;

    // Okabe-Ito bluish green (verified), vermillion (corrupted) and grey (unverifiable), as the
    // replica nodes and gauges use them.
    static QColor statusColor(CheckpointStatus status);
    static QString statusText(CheckpointStatus status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;

    std::vector<Row> m_rows;
};

} // namespace StateScope
