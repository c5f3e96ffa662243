#include "sqlpushdown.h"

#include "sqlconnection.h"

#include <QStringList>

namespace StateScope {

namespace {
// Window bounds as timestamptz from epoch milliseconds ($1, $2), computed exactly (integer
// intervals). The upper bound is exclusive at to + 1 ms: a row at 12:00:00.1239 reads as
// ...123 ms and belongs to a window ending at ...123.
QByteArray inWindow(const QByteArray &column)
{
    return "(($1::int8 IS NULL OR " + column + " >= 'epoch'::timestamptz + $1::int8 * interval '1 millisecond') AND "
        "($2::int8 IS NULL OR " + column + " < 'epoch'::timestamptz + ($2::int8 + 1) * interval '1 millisecond'))";
}

// One element of an array literal: ids are quoted, with " and \ escaped (any text id works).
void appendElement(QByteArray &array, QByteArrayView id)
{
    if (array.size() > 1)
        array += ',';
    array += '"';
    for (const char c : id) {
        if (c == '"' || c == '\\')
            array += '\\';
        array += c;
    }
    array += '"';
}
} // namespace

QString describeFilter(const SourceFilter &filter)
{
    QStringList parts;
    if (!filter.workflow.isEmpty())
        parts.append(QStringLiteral("workflow ") + filter.workflow);
    if (filter.from != kUnknownTime)
        parts.append(QStringLiteral("from ") + QString::fromLatin1(TimeUtil::formatUtc(filter.from)));
    if (filter.to != kUnknownTime)
        parts.append(QStringLiteral("to ") + QString::fromLatin1(TimeUtil::formatUtc(filter.to)));
    return parts.join(QLatin1Char(' '));
}

SqlPushdown::SqlPushdown(SqlConnection &connection, const SourceFilter &filter)
    : m_active(!filter.isEmpty() && connection.dialect() == SqlConnection::Dialect::PostgreSQL)
    , m_filter(filter)
{
}

QByteArray SqlPushdown::touchedSql(bool checkpoints, bool recoveries) const
{
    if (!m_active || (m_filter.from == kUnknownTime && m_filter.to == kUnknownTime))
        return {};
    QByteArray sql = "SELECT t.workflow_state_id FROM state_transitions t WHERE " + inWindow("t.timestamp");
    if (checkpoints)
        sql += " UNION ALL SELECT c.workflow_state_id FROM state_checkpoints c WHERE " + inWindow("c.timestamp");
    if (recoveries)
        sql += " UNION ALL SELECT r.workflow_state_id FROM state_recovery_log r WHERE " + inWindow("r.recovery_time");
    return sql;
}

void SqlPushdown::bindWindow(SqlStatement &statement) const
{
    auto bindTime = [&statement](int index, TimeMs t) {
        if (t == kUnknownTime)
            statement.bindNull(index);
        else
            statement.bindInt64(index, t);
    };
    bindTime(1, m_filter.from);
    bindTime(2, m_filter.to);
}

QByteArray SqlPushdown::statesWhere() const
{
    if (!m_active)
        return {};
    return " WHERE ($1::text IS NULL OR ws.workflow_id IN "
           "(SELECT w.id FROM workflows w WHERE w.id::text = $1 OR w.name = $1))";
}

void SqlPushdown::bindStatesQuery(SqlStatement &statement) const
{
    if (m_filter.workflow.isEmpty())
        statement.bindNull(1);
    else
        statement.bindText(1, m_filter.workflow.toUtf8());
}

bool SqlPushdown::keepState(QByteArrayView stateRowKey, TimeMs createdAt) const
{
    if (!m_active || (m_filter.from == kUnknownTime && m_filter.to == kUnknownTime))
        return true;
    if (m_touched.find(stateRowKey) != IdInterner::kNotFound)
        return true;
    return createdAt != kUnknownTime && (m_filter.from == kUnknownTime || createdAt >= m_filter.from)
        && (m_filter.to == kUnknownTime || createdAt <= m_filter.to);
}

void SqlPushdown::addState(QByteArrayView stateRowId, QByteArrayView executionId)
{
    appendElement(m_stateRowIds, stateRowId);
    appendElement(m_executionIds, executionId);
}

QByteArray SqlPushdown::restrict(const char *column) const
{
    return m_active ? " WHERE " + QByteArray(column) + " = ANY($1)" : QByteArray();
}

void SqlPushdown::bindRestriction(SqlStatement &statement, Ids ids) const
{
    const QByteArray array = (ids == Ids::StateRows ? m_stateRowIds : m_executionIds) + '}';
    statement.bindText(1, array);
}

} // namespace StateScope
