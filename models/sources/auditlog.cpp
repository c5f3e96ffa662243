#include "auditlog.h"

#include "schemainstaller.h"
#include "sqlconnection.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

namespace StateScope {

AuditLog::AuditLog(SqlConnection &connection)
    : m_connection(connection)
{ }

AuditLog::~AuditLog() = default;

QByteArray AuditLog::tableSql(bool postgres)
{
    // Taken from the shipped schema rather than written again, so the two never drift apart.
    // PostgreSQL's id default needs uuid-ossp, which the schema's first statement creates.
    QByteArray withoutComments;
    for (const QByteArray &line : schemaSql(postgres).split('\n')) {
        if (!line.trimmed().startsWith("--"))
            withoutComments += line + '\n';
    }
    // Callers write inside a transaction: SET LOCAL keeps PostgreSQL's "already exists, skipping"
    // notices off a command's stderr for it alone.
    QByteArray sql = postgres ? QByteArray("SET LOCAL client_min_messages = warning;\n") : QByteArray();
    for (const QByteArray &statement : withoutComments.split(';')) {
        if (statement.contains("audit_log") || statement.contains("CREATE EXTENSION"))
            sql += statement.trimmed() + ";\n";
    }
    return sql;
}

bool AuditLog::prepare(QString *error)
{
    // Checked on every write (a cheap query; audit rows are few): a table this object created
    // goes again when the transaction that created it rolls back, and its statement with it.
    if (!m_connection.tableExists(QStringLiteral("audit_log"))) {
        m_insert.reset();
        QString ddlError;
        if (!m_connection.execScript(tableSql(m_connection.dialect() == SqlConnection::Dialect::PostgreSQL),
                                     &ddlError)) {
            *error = QStringLiteral("audit_log is missing and cannot be created: %1").arg(ddlError);
            return false;
        }
    }
    if (m_insert)
        return true;
    QString prepareError;
    m_insert = m_connection.prepare("INSERT INTO audit_log (id, at, actor, action, target, reason, details) "
                                    "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                                    &prepareError);
    if (!m_insert)
        *error = QStringLiteral("audit_log: %1").arg(prepareError);
    return bool(m_insert);
}

// A write error as the user should read it: missing rights are said plainly, whatever the
// database's own words (SQLite: "attempt to write a readonly database"; PostgreSQL: "permission
// denied for table ..." or "cannot execute UPDATE in a read-only transaction").
QString describeWriteError(const QString &table, const QString &databaseError)
{
    // One line: libpq's messages span several.
    const QString error = databaseError.trimmed().isEmpty() ? QStringLiteral("the database gave no reason")
                                                            : databaseError.simplified();
    const QString lower = error.toLower();
    if (lower.contains(QLatin1String("permission denied")))
        return QStringLiteral("the database user may not write %1: permission denied").arg(table);
    if (lower.contains(QLatin1String("readonly")) || lower.contains(QLatin1String("read-only")))
        return QStringLiteral("the database user may not write %1: the database is read-only").arg(table);
    if (error.startsWith(table + QLatin1Char(':')))
        return error;
    return QStringLiteral("%1: %2").arg(table, error);
}

bool AuditLog::writeAlone(const AuditEntry &entry, QByteArray *id, QString *error)
{
    QString why;
    if (m_connection.begin(&why) && write(entry, id, &why) && m_connection.commit(&why))
        return true;
    m_connection.rollback();
    *error = describeWriteError(QStringLiteral("audit_log"), why);
    return false;
}

bool AuditLog::write(const AuditEntry &entry, QByteArray *id, QString *error)
{
    if (!prepare(error))
        return false;
    SqlStatement &q = *m_insert;
    q.reset();
    *id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    q.bindText(1, *id);
    q.bindText(2, TimeUtil::formatUtc(entry.at == kUnknownTime ? QDateTime::currentMSecsSinceEpoch() : entry.at));
    // The column widths of the schema: a long name given on a command line must not make the
    // audit row itself fail (PostgreSQL rejects what does not fit).
    q.bindText(3, entry.actor.left(255).toUtf8());
    q.bindText(4, entry.action.left(100).toUtf8());
    q.bindText(5, entry.target.left(500).toUtf8());
    if (entry.reason.isEmpty())
        q.bindNull(6);
    else
        q.bindText(6, entry.reason.toUtf8());
    q.bindText(7, QJsonDocument(entry.details).toJson(QJsonDocument::Compact));
    if (!q.exec()) {
        *error = QStringLiteral("audit_log: %1").arg(q.error());
        return false;
    }
    return true;
}

} // namespace StateScope
