#pragma once

#include "sqlconnection.h"

struct pg_conn;

namespace StateScope {

// PostgreSQL through libpq: prepared statements with text parameters, rows streamed in
// single-row mode (about twice QPSQL's rate, BARS.md notes). The password comes from
// PGPASSWORD or ~/.pgpass, which libpq reads itself, never from the URL.
class PgConnection final : public SqlConnection
{
public:
    static std::unique_ptr<PgConnection> open(const QString &url, bool readOnly, QString *error);
    ~PgConnection() override;

    Dialect dialect() const override { return Dialect::PostgreSQL; }
    std::unique_ptr<SqlStatement> prepare(const QByteArray &sql, QString *error) override;
    std::unique_ptr<SqlStatement> prepareRead(const QByteArray &sql, QString *error) override;
    bool tableExists(const QString &table) override;
    bool columnExists(const QString &table, const QString &column) override;
    qint64 estimateRows(const QString &table) override;
    bool begin(QString *error) override;
    bool commit(QString *error) override;
    void rollback() override;
    bool execScript(const QByteArray &sql, QString *error) override;
    QString label() const override { return m_label; }
    pg_conn *handle() const { return m_conn; }

private:
    PgConnection(pg_conn *conn, QString label);
    pg_conn *m_conn = nullptr;
    QString m_label;
    int m_statementCounter = 0;
};

// "postgresql://user:secret@host/db" -> an error: passwords never come from the command line.
bool postgresUrlHasPassword(const QString &url);

} // namespace StateScope
