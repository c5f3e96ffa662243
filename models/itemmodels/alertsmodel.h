#pragma once

#include "analysisreport.h"

#include <QAbstractTableModel>
#include <QColor>

namespace StateScope {

// The report's alerts (SPEC 6 `alerts`): severity (colored), kind, title, target, description.
// A target that names an execution (a stuck execution, a failed recovery's execution) is
// given by ExecutionIdRole. setReport() emits dataChanged() alone when the same alerts come
// back in the same order, else resets once.
class AlertsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Severity, Kind, Title, Target, Description, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1; // severity sorts by rank: info 0 .. emergency 3
    static constexpr int ExecutionIdRole = Qt::UserRole + 2;
    static constexpr int KeyRole = Qt::UserRole + 3;

    explicit AlertsModel(QObject *parent = nullptr);

    void setReport(const AnalysisReport &report);
    quint64 alertsOmitted() const { return m_omitted; }
    int countOfSeverity(const QString &severity) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static int severityRank(const QString &severity); // -1 when unknown
    // The severity's strong color (tab text, badges) and the pale tint its table cell uses.
    static QColor severityColor(const QString &severity);
    static QColor severityTint(const QString &severity);
    static QString severityName(const QString &severity);
    static QString kindName(const QString &kind);
    // The execution an alert is about, or empty (a checkpoint, a workflow).
    static QString executionOf(const AnalysisReport::Alert &alert);

private:
    struct Row
    {
        AnalysisReport::Alert alert;
        QString executionId;
    };
    std::vector<Row> m_rows;
    quint64 m_omitted = 0;
};

} // namespace StateScope
