#pragma once

#include "analysisreport.h"

#include <QAbstractTableModel>

namespace StateScope {

// The distinct complete paths of finished executions (SPEC 6 `variants`), most frequent first.
// A value snapshot of the report: setReport() replaces the rows, with dataChanged() alone when
// the same variants come back in the same order (the usual live update), else in one reset.
class VariantsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Rank, Count, Share, Steps, Example, Path, ColumnCount }; // the path last: it takes the room left
    // The roles every analytics model shares: raw numbers for sorting, the execution a row
    // leads to (empty when none) and a stable identity of the row across reports.
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int ExecutionIdRole = Qt::UserRole + 2;
    static constexpr int KeyRole = Qt::UserRole + 3;

    explicit VariantsModel(QObject *parent = nullptr);

    void setReport(const AnalysisReport &report);
    quint64 variantCount() const { return m_variantCount; }
    quint64 finishedExecutions() const { return m_finished; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        AnalysisReport::Variant variant;
        QString pathText; // joined once per report, not per paint
    };
    double share(const Row &row) const;

    std::vector<Row> m_rows;
    quint64 m_variantCount = 0;
    quint64 m_finished = 0;
};

} // namespace StateScope
