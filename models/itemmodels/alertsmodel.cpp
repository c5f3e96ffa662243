#include "alertsmodel.h"

#include <QRegularExpression>

namespace StateScope {

AlertsModel::AlertsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int AlertsModel::severityRank(const QString &severity)
{
    static const QStringList order{QStringLiteral("info"), QStringLiteral("warning"), QStringLiteral("critical"),
                                   QStringLiteral("emergency")};
    return int(order.indexOf(severity));
}

QColor AlertsModel::severityColor(const QString &severity)
{
    switch (severityRank(severity)) {
    case 0: return QColor(0x1e, 0x6f, 0xc8);  // info: blue
    case 1: return QColor(0xf2, 0xa9, 0x00);  // warning: amber
    case 2: return QColor(0xd3, 0x2f, 0x2f);  // critical: red
    case 3: return QColor(0x6a, 0x0d, 0x3a);  // emergency: dark crimson, distinct from critical
    default: return QColor(0x9e, 0x9e, 0x9e);
    }
}

QColor AlertsModel::severityTint(const QString &severity)
{
    if (severityRank(severity) == 3)
        return severityColor(severity); // emergency stays loud
    QColor tint = severityColor(severity);
    tint.setHsl(tint.hslHue(), std::min(255, tint.hslSaturation()), 232);
    return tint;
}

QString AlertsModel::severityName(const QString &severity)
{
    switch (severityRank(severity)) {
    case 0: return tr("Info");
    case 1: return tr("Warning");
    case 2: return tr("Critical");
    case 3: return tr("Emergency");
    default: return severity;
    }
}

QString AlertsModel::kindName(const QString &kind)
{
    if (kind == QLatin1String("stuck_execution"))
        return tr("Stuck execution");
    if (kind == QLatin1String("consistency_violation"))
        return tr("Consistency violation");
    if (kind == QLatin1String("corrupted_checkpoint"))
        return tr("Corrupted checkpoint");
    if (kind == QLatin1String("failed_recovery"))
        return tr("Failed recovery");
    return kind;
}

QString AlertsModel::executionOf(const AnalysisReport::Alert &alert)
{
    if (alert.kind == QLatin1String("stuck_execution"))
        return alert.target;
    if (alert.kind == QLatin1String("failed_recovery")) {
        // alertrules writes "<recovery id> (execution <id>)".
        static const QRegularExpression pattern(QStringLiteral("\\(execution (.+)\\)$"));
        const QRegularExpressionMatch m = pattern.match(alert.target);
        return m.hasMatch() ? m.captured(1) : QString();
    }
    return {};
}

void AlertsModel::setReport(const AnalysisReport &report)
{
    const bool sameRows = report.alerts.size() == m_rows.size()
        && std::equal(report.alerts.cbegin(), report.alerts.cend(), m_rows.cbegin(), [](const auto &a, const Row &b) {
               return a.kind == b.alert.kind && a.target == b.alert.target && a.title == b.alert.title;
           });
    if (!sameRows)
        beginResetModel();
    m_rows.clear();
    m_rows.reserve(report.alerts.size());
    for (const AnalysisReport::Alert &a : report.alerts)
        m_rows.push_back({a, executionOf(a)});
    m_omitted = report.alertsOmitted;
    if (!sameRows)
        endResetModel();
    else if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int AlertsModel::countOfSeverity(const QString &severity) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [&severity](const Row &r) { return r.alert.severity == severity; }));
}

int AlertsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const AnalysisReport::Alert &a = row.alert;
    switch (role) {
    case ExecutionIdRole:
        return row.executionId;
    case KeyRole:
        return QString(a.kind + QLatin1Char('\x1f') + a.target + QLatin1Char('\x1f') + a.title);
    case SortRole:
        switch (index.column()) {
        case Severity: return severityRank(a.severity);
        case Kind: return kindName(a.kind);
        case Title: return a.title;
        case Target: return a.target;
        case Description: return a.description;
        default: return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Severity: return severityName(a.severity);
        case Kind: return kindName(a.kind);
        case Title: return a.title;
        case Target: return a.target;
        case Description: return a.description;
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Target && !row.executionId.isEmpty())
            return tr("Double-click to show execution %1").arg(row.executionId);
        return index.column() == Description || index.column() == Title ? QVariant(a.description) : QVariant();
    case Qt::BackgroundRole:
        return index.column() == Severity ? QVariant(severityTint(a.severity)) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() != Severity)
            return {};
        // Dark text of the severity's hue on its tint (contrast >= 4.5:1); white on emergency.
        if (severityRank(a.severity) == 3)
            return QColor(Qt::white);
        return QColor::fromHsl(severityColor(a.severity).hslHue(), 200, 70);

    case Qt::TextAlignmentRole:
        return index.column() == Severity ? int(Qt::AlignCenter) : int(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Severity: return tr("Severity");
    case Kind: return tr("Kind");
    case Title: return tr("Title");
    case Target: return tr("Target");
    case Description: return tr("Description");
    default: return {};
    }
}

} // namespace StateScope
