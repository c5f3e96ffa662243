#pragma once

#include "analysisreport.h"

#include <QAbstractTableModel>

namespace StateScope {

// Conformance and validation findings of a report as one list (SPEC 6 `conformance`,
// `validation`): invalid transitions (count, example executions) first, then the definition's
// unreachable, deadlock, trapped, non-deterministic and missing-error-handling states. The
// conformance rate and the definition's name are accessors for the view's summary line.
// setReport() emits dataChanged() alone when the same findings come back in the same order.
class ConformanceModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Finding, Subject, Count, Details, ColumnCount };
    enum class Kind { InvalidTransition, Unreachable, Deadlock, Trapped, NonDeterministic, MissingErrorHandling };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int ExecutionIdRole = Qt::UserRole + 2; // the first example execution
    static constexpr int KeyRole = Qt::UserRole + 3;
    static constexpr int ExamplesRole = Qt::UserRole + 4;    // all example executions (QStringList)

    explicit ConformanceModel(QObject *parent = nullptr);

    void setReport(const AnalysisReport &report);
    bool hasDefinition() const { return m_hasDefinition; }
    QString definitionName() const { return m_definitionName; }
    double conformanceRate() const { return m_conformanceRate; } // NaN when nothing was checked
    quint64 executions() const { return m_executions; }
    int invalidTransitionCount() const { return m_invalidCount; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString kindName(Kind kind);

private:
    struct Row
    {
        Kind kind = Kind::InvalidTransition;
        QString subject;
        quint64 count = 0;
        QStringList examples;
        QString details;
    };
    static std::vector<Row> rowsOf(const AnalysisReport &report);
    static QString keyOf(const Row &row);

    std::vector<Row> m_rows;
    bool m_hasDefinition = false;
    QString m_definitionName;
    double m_conformanceRate = 1;
    quint64 m_executions = 0;
    int m_invalidCount = 0;
};

} // namespace StateScope
