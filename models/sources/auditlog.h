#pragma once

#include "timeutil.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace StateScope {

class SqlConnection;
class SqlStatement;

QString describeWriteError(const QString &table, const QString &databaseError);

// One row of StateScope's audit_log (SPEC 2.1): who did what to which record, and why.
struct AuditEntry
{
    QString actor;
    QString action;
    QString target;
    QString reason; // empty = NULL
    QJsonObject details; // stored as compact JSON
    TimeMs at = kUnknownTime; // unknown = now
};

// Writes audit_log rows through a prepared statement, inside the caller's transaction (a
// recovery's audit row commits or rolls back with the recovery itself). The table is created
// only when a row must be written and it is missing (SPEC 2.1: StateScope never alters tables
// it did not create, and creates audit_log only when it needs to and has the right to), with
// the shipped schema's own DDL.
class AuditLog final
{
public:
    explicit AuditLog(SqlConnection &connection);
    ~AuditLog();

    // Inserts one row; *id receives its new id. False with *error naming the problem.
    bool write(const AuditEntry &entry, QByteArray *id, QString *error);
    // The same in a transaction of its own (refusals, failed attempts, an engine's recoveries);
    // *error as describeWriteError() puts it.
    bool writeAlone(const AuditEntry &entry, QByteArray *id, QString *error);

    // The audit_log statements of the shipped schema for a dialect (CREATE TABLE and its index),
    // to run inside a transaction.
    static QByteArray tableSql(bool postgres);

private:
    bool prepare(QString *error);

    SqlConnection &m_connection;
    std::unique_ptr<SqlStatement> m_insert;
};

} // namespace StateScope
