#pragma once

#include "analysisreport.h"

#include <QAbstractTableModel>
#include <QColor>

namespace StateScope {

// Predictions for running executions (SPEC 6 `prediction`), either per state (next-state
// probabilities, one column per terminal outcome, expected remaining time) or per execution
// (its state, time in it, expected remaining time, most likely next state and outcome).
// setReport() emits dataChanged() alone when the same rows come back in the same order, else
// resets once. Unknown times show as "—" and sort as -1.
class PredictionsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Kind { States, Executions };
    // Kind::States: the outcome columns follow NextStates, one per report.absorptionColumns.
    enum StateColumn { StateName, Running, StateRemaining, NextStates, FirstOutcome };
    enum ExecutionColumn { Execution, ExecutionState, InState, Remaining, LikelyNext, LikelyOutcome, ExecutionColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int ExecutionIdRole = Qt::UserRole + 2;
    static constexpr int KeyRole = Qt::UserRole + 3;

    // The color of a state by name; the view passes its palette (models know no widgets).
    using StateColor = QColor (*)(const QString &stateName);

    explicit PredictionsModel(Kind kind, QObject *parent = nullptr);

    void setReport(const AnalysisReport &report);
    // State cells get a swatch of this color (DecorationRole); none when unset.
    void setStateColor(StateColor color) { m_stateColor = color; }
    Kind kind() const { return m_kind; }
    quint64 runningExecutions() const { return m_running; }
    // Execution rows listed (the report caps them, longest in state first).
    int listedExecutions() const { return int(m_executions.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant stateData(int row, int column, int role) const;
    QVariant executionData(int row, int column, int role) const;
    const AnalysisReport::StatePrediction *predictionOf(int state) const;
    QString stateName(int state) const;
    static QStringList keysOf(Kind kind, const AnalysisReport &report);

    Kind m_kind;
    StateColor m_stateColor = nullptr;
    quint64 m_running = 0;
    QStringList m_stateNames;
    QStringList m_outcomes;
    std::vector<AnalysisReport::StatePrediction> m_states;
    std::vector<AnalysisReport::ExecutionPrediction> m_executions;
    std::vector<int> m_predictionOfState; // report state index -> index into m_states, -1 if none
    QStringList m_keys; // row identities (and outcome columns): same keys = same shape
};

} // namespace StateScope
