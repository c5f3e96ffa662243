#include "variantsmodel.h"

#include <cmath>

namespace StateScope {

namespace {
QString percentText(double fraction)
{
    return std::isnan(fraction) ? QStringLiteral("—") : QString(QString::number(fraction * 100.0, 'f', 1) + QLatin1Char('%'));
}
} // namespace

VariantsModel::VariantsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void VariantsModel::setReport(const AnalysisReport &report)
{
    std::vector<Row> rows;
    rows.reserve(report.variants.size());
    for (const AnalysisReport::Variant &v : report.variants)
        rows.push_back({v, v.path.join(QStringLiteral(" → "))});
    const bool sameRows = rows.size() == m_rows.size()
        && std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                      [](const Row &a, const Row &b) { return a.variant.path == b.variant.path; });
    if (!sameRows)
        beginResetModel();
    m_rows = std::move(rows);
    m_variantCount = report.variantCount;
    m_finished = report.finishedExecutions;
    if (!sameRows)
        endResetModel();
    else if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int VariantsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VariantsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double VariantsModel::share(const Row &row) const
{
    return m_finished > 0 ? double(row.variant.count) / double(m_finished) : std::nan("");
}

QVariant VariantsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const AnalysisReport::Variant &v = row.variant;
    switch (role) {
    case ExecutionIdRole:
        return v.exampleExecution;
    case KeyRole:
        return row.pathText;
    case Qt::TextAlignmentRole:
        return index.column() == Path || index.column() == Example ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                                                   : int(Qt::AlignRight | Qt::AlignVCenter);
    case SortRole:
        switch (index.column()) {
        case Rank: return index.row() + 1;
        case Count: return double(v.count);
        case Share: return share(row);
        case Steps: return double(std::max<qsizetype>(0, v.path.size() - 1));
        case Path: return row.pathText;
        case Example: return v.exampleExecution;
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Path)
            return tr("Steps: %1\n%2").arg(std::max<qsizetype>(0, v.path.size() - 1)).arg(row.pathText);
        if (index.column() == Example && !v.exampleExecution.isEmpty())
            return tr("Double-click to show execution %1").arg(v.exampleExecution);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Rank: return QString::number(index.row() + 1);
        case Count: return QString::number(v.count);
        case Share: return percentText(share(row));
        case Steps: return QString::number(std::max<qsizetype>(0, v.path.size() - 1));
        case Path: return row.pathText;
        case Example: return v.exampleExecution.isEmpty() ? QStringLiteral("—") : v.exampleExecution;
        default: return {};
        }
    default:
        return {};
    }
}

QVariant VariantsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Rank: return tr("#");
    case Count: return tr("Executions");
    case Share: return tr("Share");
    case Steps: return tr("Steps");
    case Path: return tr("Path");
    case Example: return tr("Example execution");
    default: return {};
    }
}

} // namespace StateScope
