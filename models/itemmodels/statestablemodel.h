#pragma once

#include "analysisreport.h"

#include <QAbstractTableModel>

namespace StateScope {

// Per-state figures of a report (dwell statistics, steady state, time share) as a table.
// The report is a value snapshot: setReport() replaces it in one model reset.
class StatesTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { State, Now, Stays, Mean, P50, P95, P99, Max, SteadyState, TimeShare, ColumnCount };
    // Raw numbers for sorting and charts, beside the formatted DisplayRole text.
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit StatesTableModel(QObject *parent = nullptr);

    void setReport(const AnalysisReport &report);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<AnalysisReport::StateRow> m_rows;
};

} // namespace StateScope
