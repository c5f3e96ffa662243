#include "predictionsmodel.h"

#include "timeutil.h"

#include <algorithm>
#include <cmath>

namespace StateScope {

namespace {
QString durationText(double ms)
{
    return std::isnan(ms) ? QStringLiteral("—") : TimeUtil::formatDuration(ms);
}

QString percentText(double fraction)
{
    return std::isnan(fraction) ? QStringLiteral("—") : QString(QString::number(fraction * 100.0, 'f', 1) + QLatin1Char('%'));
}

// Unknown values sort below every real one instead of breaking the proxy's ordering (NaN
// compares false both ways).
double sortable(double value)
{
    return std::isnan(value) ? -1.0 : value;
}


// Index and value of the largest entry; (-1, NaN) when empty.
std::pair<int, double> largest(const std::vector<double> &values)
{
    std::pair<int, double> best{-1, std::nan("")};
    for (int i = 0; i < int(values.size()); ++i) {
        if (best.first < 0 || values[size_t(i)] > best.second)
            best = {i, values[size_t(i)]};
    }
    return best;
}

constexpr int kNextStatesShown = 3;
} // namespace

PredictionsModel::PredictionsModel(Kind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
{
}

QStringList PredictionsModel::keysOf(Kind kind, const AnalysisReport &report)
{
    QStringList keys;
    if (kind == Kind::States) {
        for (const AnalysisReport::StatePrediction &p : report.statePredictions)
            keys.append(size_t(p.state) < report.states.size() ? report.states[size_t(p.state)].name : QString());
        keys.append(QString()); // outcome columns after an empty separator
        keys.append(report.absorptionColumns);
    } else {
        for (const AnalysisReport::ExecutionPrediction &p : report.executionPredictions)
            keys.append(p.executionId);
    }
    return keys;
}

void PredictionsModel::setReport(const AnalysisReport &report)
{
    QStringList keys = keysOf(m_kind, report);
    const bool sameShape = keys == m_keys;
    if (!sameShape)
        beginResetModel();
    m_keys = std::move(keys);
    m_running = report.runningExecutions;
    m_stateNames.clear();
    for (const AnalysisReport::StateRow &s : report.states)
        m_stateNames.append(s.name);
    m_outcomes = report.absorptionColumns;
    m_states = report.statePredictions;
    for (AnalysisReport::StatePrediction &p : m_states) // most likely first, once per report
        std::stable_sort(p.next.begin(), p.next.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    m_executions = m_kind == Kind::Executions ? report.executionPredictions
                                              : std::vector<AnalysisReport::ExecutionPrediction>();
    m_predictionOfState.assign(report.states.size(), -1);
    for (int i = 0; i < int(m_states.size()); ++i) {
        if (size_t(m_states[size_t(i)].state) < m_predictionOfState.size())
            m_predictionOfState[size_t(m_states[size_t(i)].state)] = i;
    }
    if (!sameShape)
        endResetModel();
    else if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int PredictionsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_kind == Kind::States ? int(m_states.size()) : int(m_executions.size());
}

int PredictionsModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_kind == Kind::States ? FirstOutcome + int(m_outcomes.size()) : ExecutionColumnCount;
}

const AnalysisReport::StatePrediction *PredictionsModel::predictionOf(int state) const
{
    if (state < 0 || size_t(state) >= m_predictionOfState.size() || m_predictionOfState[size_t(state)] < 0)
        return nullptr;
    return &m_states[size_t(m_predictionOfState[size_t(state)])];
}

QString PredictionsModel::stateName(int state) const
{
    return state >= 0 && state < m_stateNames.size() ? m_stateNames[state] : QString();
}

QVariant PredictionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::TextAlignmentRole) {
        const bool text = m_kind == Kind::States
            ? (index.column() == StateName || index.column() == NextStates)
            : (index.column() == Execution || index.column() == ExecutionState || index.column() == LikelyNext
               || index.column() == LikelyOutcome);
        return text ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::DecorationRole) {
        const bool stateColumn = m_kind == Kind::States ? index.column() == StateName : index.column() == ExecutionState;
        if (!stateColumn || !m_stateColor)
            return {};
        return m_stateColor(index.data(SortRole).toString()); // the state's name in both kinds
    }
    return m_kind == Kind::States ? stateData(index.row(), index.column(), role)
                                  : executionData(index.row(), index.column(), role);
}

QVariant PredictionsModel::stateData(int row, int column, int role) const
{
    const AnalysisReport::StatePrediction &p = m_states[size_t(row)];
    const std::vector<std::pair<int, double>> &next = p.next;
    const int outcome = column - FirstOutcome;
    const double outcomeP = outcome >= 0 && size_t(outcome) < p.outcomes.size() ? p.outcomes[size_t(outcome)] : 0.0;
    switch (role) {
    case KeyRole:
        return stateName(p.state);
    case ExecutionIdRole:
        return QString();
    case SortRole:
        switch (column) {
        case StateName: return stateName(p.state);
        case Running: return double(p.running);
        case StateRemaining: return sortable(p.expectedRemainingMs);
        case NextStates: return next.empty() ? 0.0 : next.front().second;
        default: return outcomeP;
        }
    case Qt::DisplayRole:
        switch (column) {
        case StateName: return stateName(p.state);
        case Running: return QString::number(p.running);
        case StateRemaining: return durationText(p.expectedRemainingMs);
        case NextStates: {
            QStringList parts;
            for (size_t i = 0; i < next.size() && i < size_t(kNextStatesShown); ++i)
                parts.append(stateName(next[i].first) + QLatin1Char(' ') + percentText(next[i].second));
            if (next.size() > size_t(kNextStatesShown))
                parts.append(tr("+%n more", nullptr, int(next.size()) - kNextStatesShown));
            return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(", "));
        }
        default:
            return percentText(outcomeP);
        }
    case Qt::ToolTipRole:
        if (column == NextStates && !next.empty()) {
            QStringList lines{tr("Next state from %1:").arg(stateName(p.state))};
            for (const auto &[to, probability] : next)
                lines.append(tr("%1: %2").arg(stateName(to), percentText(probability)));
            return lines.join(QLatin1Char('\n'));
        }
        if (column >= FirstOutcome)
            return tr("Probability that an execution in %1 ends in %2").arg(stateName(p.state), m_outcomes.value(outcome));
        return {};
    default:
        return {};
    }
}

QVariant PredictionsModel::executionData(int row, int column, int role) const
{
    const AnalysisReport::ExecutionPrediction &e = m_executions[size_t(row)];
    const AnalysisReport::StatePrediction *p = predictionOf(e.state);
    const std::pair<int, double> next = p && !p->next.empty() ? p->next.front() : std::pair<int, double>{-1, std::nan("")};
    const std::pair<int, double> outcome = p ? largest(p->outcomes) : std::pair<int, double>{-1, std::nan("")};
    switch (role) {
    case KeyRole:
    case ExecutionIdRole:
        return e.executionId;
    case SortRole:
        switch (column) {
        case Execution: return e.executionId;
        case ExecutionState: return stateName(e.state);
        case InState: return sortable(e.inStateMs);
        case Remaining: return sortable(e.expectedRemainingMs);
        case LikelyNext: return sortable(next.second);
        case LikelyOutcome: return sortable(outcome.second);
        default: return {};
        }
    case Qt::DisplayRole:
        switch (column) {
        case Execution: return e.executionId;
        case ExecutionState: return stateName(e.state);
        case InState: return durationText(e.inStateMs);
        case Remaining: return durationText(e.expectedRemainingMs);
        case LikelyNext:
            return next.first < 0 ? QStringLiteral("—") : tr("%1 (%2)").arg(stateName(next.first), percentText(next.second));
        case LikelyOutcome:
            return outcome.first < 0 ? QStringLiteral("—")
                                     : tr("%1 (%2)").arg(m_outcomes.value(outcome.first), percentText(outcome.second));
        default: return {};
        }
    case Qt::ToolTipRole:
        if (column == LikelyOutcome && p) {
            QStringList lines{tr("Outcome of %1:").arg(e.executionId)};
            for (int i = 0; i < int(p->outcomes.size()) && i < m_outcomes.size(); ++i)
                lines.append(tr("%1: %2").arg(m_outcomes[i], percentText(p->outcomes[size_t(i)])));
            return lines.join(QLatin1Char('\n'));
        }
        if (column == LikelyNext && p) {
            QStringList lines{tr("Next state from %1:").arg(stateName(e.state))};
            for (const auto &[to, probability] : p->next)
                lines.append(tr("%1: %2").arg(stateName(to), percentText(probability)));
            return lines.join(QLatin1Char('\n'));
        }
        return column == Execution ? tr("Double-click to show execution %1").arg(e.executionId) : QVariant();
    default:
        return {};
    }
}

QVariant PredictionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (m_kind == Kind::States) {
        switch (section) {
        case StateName: return tr("State");
        case Running: return tr("Running");
        case StateRemaining: return role == Qt::ToolTipRole ? tr("Expected time until a terminal state") : tr("Expected remaining");
        case NextStates: return tr("Next state");
        default:
            if (section - FirstOutcome < m_outcomes.size())
                return role == Qt::ToolTipRole ? tr("Probability of ending in %1").arg(m_outcomes[section - FirstOutcome])
                                               : tr("→ %1").arg(m_outcomes[section - FirstOutcome]);
            return {};
        }
    }
    switch (section) {
    case Execution: return tr("Execution");
    case ExecutionState: return tr("State");
    case InState: return tr("In state for");
    case Remaining: return role == Qt::ToolTipRole ? tr("Expected time until a terminal state") : tr("Expected remaining");
    case LikelyNext: return tr("Most likely next");
    case LikelyOutcome: return tr("Most likely outcome");
    default: return {};
    }
}

} // namespace StateScope
