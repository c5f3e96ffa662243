#include "conformancemodel.h"

#include <cmath>

namespace StateScope {

ConformanceModel::ConformanceModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString ConformanceModel::kindName(Kind kind)
{
    switch (kind) {
    case Kind::InvalidTransition: return tr("Invalid transition");
    case Kind::Unreachable: return tr("Unreachable state");
    case Kind::Deadlock: return tr("Deadlock");
    case Kind::Trapped: return tr("Trapped state");
    case Kind::NonDeterministic: return tr("Non-deterministic");
    case Kind::MissingErrorHandling: return tr("Missing error handling");
    }
    return {};
}

std::vector<ConformanceModel::Row> ConformanceModel::rowsOf(const AnalysisReport &report)
{
    std::vector<Row> rows;
    for (const AnalysisReport::InvalidTransition &t : report.invalidTransitions) {
        rows.push_back({Kind::InvalidTransition, tr("%1 → %2").arg(t.from, t.to), t.count, t.exampleExecutions,
                        t.exampleExecutions.isEmpty() ? QString() : tr("e.g. %1").arg(t.exampleExecutions.join(QStringLiteral(", ")))});
    }
    const auto addStates = [&rows](Kind kind, const QStringList &states, const QString &details) {
        for (const QString &s : states)
            rows.push_back({kind, s, 0, {}, details});
    };
    addStates(Kind::Unreachable, report.unreachable, tr("not reachable from the initial state"));
    addStates(Kind::Deadlock, report.deadlocks, tr("not final, and no transition leaves it"));
    addStates(Kind::Trapped, report.trapped, tr("no path from it reaches a final state"));
    for (const AnalysisReport::NonDeterminism &n : report.nonDeterministic) {
        const QString trigger = n.event.isEmpty() ? tr("without an event") : tr("on %1").arg(n.event);
        rows.push_back({Kind::NonDeterministic, n.state, 0, {},
                        tr("%1 goes to %2").arg(trigger, n.targets.join(QStringLiteral(", ")))});
    }
    addStates(Kind::MissingErrorHandling, report.missingErrorHandling, tr("a task without an error transition"));
    return rows;
}

QString ConformanceModel::keyOf(const Row &row)
{
    return QString::number(int(row.kind)) + QLatin1Char(':') + row.subject;
}

void ConformanceModel::setReport(const AnalysisReport &report)
{
    std::vector<Row> rows = rowsOf(report);
    const bool sameRows = rows.size() == m_rows.size()
        && std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                      [](const Row &a, const Row &b) { return a.kind == b.kind && a.subject == b.subject; });
    if (!sameRows)
        beginResetModel();
    m_rows = std::move(rows);
    m_hasDefinition = report.hasDefinition;
    m_definitionName = report.definitionName;
    m_conformanceRate = report.conformanceRate;
    m_executions = report.executions;
    m_invalidCount = int(report.invalidTransitions.size());
    if (!sameRows)
        endResetModel();
    else if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ConformanceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConformanceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConformanceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const bool invalid = row.kind == Kind::InvalidTransition;
    switch (role) {
    case ExecutionIdRole:
        return row.examples.value(0);
    case ExamplesRole:
        return row.examples;
    case KeyRole:
        return keyOf(row);
    case Qt::TextAlignmentRole:
        return index.column() == Count ? int(Qt::AlignRight | Qt::AlignVCenter) : int(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole:
        switch (index.column()) {
        case Finding: return int(row.kind);
        case Subject: return row.subject;
        case Count: return double(row.count);
        case Details: return row.details;
        default: return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Finding: return kindName(row.kind);
        case Subject: return row.subject;
        case Count: return invalid ? QString::number(row.count) : QString();
        case Details: return row.details;
        default: return {};
        }
    case Qt::ToolTipRole:
        if (invalid && !row.examples.isEmpty()) {
            return QString(tr("%1, seen %2 times. Example executions (double-click shows the first):")
                               .arg(row.subject)
                               .arg(row.count)
                           + QLatin1Char('\n') + row.examples.join(QLatin1Char('\n')));
        }
        return row.details.isEmpty() ? QVariant() : QVariant(row.details);
    default:
        return {};
    }
}

QVariant ConformanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Finding: return tr("Finding");
    case Subject: return tr("Transition / state");
    case Count: return tr("Count");
    case Details: return tr("Details");
    default: return {};
    }
}

} // namespace StateScope
