#include "pgconnection.h"

#include "pgcursor.h"
#include "pgparameters.h"

#include <QUrl>

#include <libpq-fe.h>

#include <vector>

namespace StateScope {

namespace {

QString pgError(PGconn *conn)
{
    return QString::fromUtf8(PQerrorMessage(conn)).trimmed();
}

class PgStatement final : public PgParameterStatement
{
public:
    PgStatement(PGconn *conn, QByteArray name, int paramCount)
        : PgParameterStatement(paramCount), m_conn(conn), m_name(std::move(name))
    {
    }
    ~PgStatement() override
    {
        finishStream();
        const QByteArray sql = "DEALLOCATE " + m_name; // the name is ours, not data
        PQclear(PQexec(m_conn, sql.constData()));
    }

    bool next() override
    {
        if (!m_started) {
            m_started = true;
            if (!PQsendQueryPrepared(m_conn, m_name.constData(), parameterCount(), parameterValues().data(), nullptr, nullptr, 0)) {
                m_error = pgError(m_conn);
                return false;
            }
            PQsetSingleRowMode(m_conn);
            m_streaming = true;
        }
        if (!m_streaming)
            return false;
        PQclear(m_row);
        m_row = PQgetResult(m_conn);
        if (!m_row) {
            m_streaming = false;
            return false;
        }
        const ExecStatusType status = PQresultStatus(m_row);
        if (status == PGRES_SINGLE_TUPLE)
            return true;
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
            m_error = QString::fromUtf8(PQresultErrorMessage(m_row)).trimmed();
        finishStream(false);
        return false;
    }
    bool exec() override
    {
        finishStream();
        PGresult *r = PQexecPrepared(m_conn, m_name.constData(), parameterCount(), parameterValues().data(), nullptr, nullptr, 0);
        const ExecStatusType status = PQresultStatus(r);
        const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
        if (!ok)
            m_error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        m_changes = QByteArray(PQcmdTuples(r)).toLongLong();
        PQclear(r);
        m_started = true;
        return ok;
    }
    void reset() override
    {
        finishStream();
        m_started = false;
        m_error.clear();
        clearParameters();
    }
    QString error() const override { return m_error; }
    qint64 rowsAffected() const override { return m_changes; }
    bool isNull(int c) const override { return !m_row || PQgetisnull(m_row, 0, c); }
    QByteArrayView text(int c) const override
    {
        if (!m_row || PQgetisnull(m_row, 0, c))
            return {};
        return QByteArrayView(PQgetvalue(m_row, 0, c), PQgetlength(m_row, 0, c));
    }
    bool isInteger(int c) const override
    {
        if (!m_row)
            return false;
        const Oid type = PQftype(m_row, c);
        return type == 20 || type == 21 || type == 23; // int8, int2, int4
    }
    qint64 int64(int c, bool *ok) const override { return text(c).toLongLong(ok); }
    QByteArrayView key(int c) const override
    {
        return pgUuidKey(text(c), &m_keyScratch);
    }

private:
    // Stopping early must still drain the connection before it can run anything else.
    void finishStream(bool cancelQuery = true)
    {
        PQclear(m_row);
        m_row = nullptr;
        if (!m_streaming)
            return;
        if (cancelQuery) {
            PGcancel *cancel = PQgetCancel(m_conn);
            char buffer[256];
            if (cancel) {
                PQcancel(cancel, buffer, sizeof buffer);
                PQfreeCancel(cancel);
            }
        }
        while (PGresult *r = PQgetResult(m_conn))
            PQclear(r);
        m_streaming = false;
    }

    PGconn *m_conn;
    QByteArray m_name;
    PGresult *m_row = nullptr;
    mutable QByteArray m_keyScratch;
    bool m_started = false;
    bool m_streaming = false;
    QString m_error;
    qint64 m_changes = 0;
};

} // namespace

bool postgresUrlHasPassword(const QString &url)
{
    return !QUrl(url).password().isEmpty();
}

PgConnection::PgConnection(PGconn *conn, QString label)
    : m_conn(conn)
    , m_label(std::move(label))
{
}

PgConnection::~PgConnection()
{
    PQfinish(m_conn);
}

std::unique_ptr<PgConnection> PgConnection::open(const QString &url, bool readOnly, QString *error)
{
    if (postgresUrlHasPassword(url)) {
        *error = QStringLiteral("%1: the URL contains a password; use PGPASSWORD or ~/.pgpass instead")
                     .arg(QUrl(url).toDisplayString(QUrl::RemovePassword));
        return nullptr;
    }
    const QString label = QUrl(url).toDisplayString(QUrl::RemovePassword);
    // Defaults the URL may override (it is expanded last): an unreachable server fails within
    // seconds instead of hanging, and a dead one is noticed on an idle session (BARS R4).
    const QByteArray dbname = url.toUtf8();
    const char *const keywords[] = {"connect_timeout", "keepalives_idle", "keepalives_interval", "keepalives_count",
                                    "tcp_user_timeout", "dbname", nullptr};
    const char *const values[] = {"10", "30", "10", "3", "30000", dbname.constData(), nullptr};
    PGconn *conn = PQconnectdbParams(keywords, values, 1);
    if (PQstatus(conn) != CONNECTION_OK) {
        *error = QStringLiteral("%1: %2").arg(label, pgError(conn));
        PQfinish(conn);
        return nullptr;
    }
    auto connection = std::unique_ptr<PgConnection>(new PgConnection(conn, label));
    // Cursors here are always read to the end: plan them for every row, not the first 10 %.
    // Scans start at the table's first page rather than joining another scan midway, so rows
    // come in the same order on every read, and so do a report's example executions.
    QByteArray setup = "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; SET cursor_tuple_fraction = 1.0; "
                       "SET synchronize_seqscans = off;";
    if (readOnly)
        setup += " SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY;";
    if (!connection->execScript(setup, error))
        return nullptr;
    return connection;
}

std::unique_ptr<SqlStatement> PgConnection::prepare(const QByteArray &sql, QString *error)
{
    const QByteArray name = "statescope_" + QByteArray::number(++m_statementCounter);
    const int params = pgParameterCount(sql); // every parameter needs a slot
    PGresult *r = PQprepare(m_conn, name.constData(), sql.constData(), params, nullptr);
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok && error)
        *error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
    PQclear(r);
    if (!ok)
        return nullptr;
    return std::make_unique<PgStatement>(m_conn, name, params);
}

std::unique_ptr<SqlStatement> PgConnection::prepareRead(const QByteArray &sql, QString *error)
{
    return preparePgCursor(m_conn, sql, pgParameterCount(sql), error);
}

bool PgConnection::tableExists(const QString &table)
{
    auto q = prepare("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1", nullptr);
    if (!q)
        return false;
    q->bindText(1, table.toUtf8());
    const bool found = q->next();
    while (q->next()) {
    }
    return found;
}

bool PgConnection::columnExists(const QString &table, const QString &column)
{
    auto q = prepare("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
                     "AND table_name = $1 AND column_name = $2", nullptr);
    if (!q)
        return false;
    q->bindText(1, table.toUtf8());
    q->bindText(2, column.toUtf8());
    const bool found = q->next();
    while (q->next()) {
    }
    return found;
}

qint64 PgConnection::estimateRows(const QString &table)
{
    auto q = prepare("SELECT reltuples::int8 FROM pg_class WHERE oid = to_regclass($1)", nullptr);
    if (!q)
        return -1;
    q->bindText(1, table.toUtf8());
    qint64 rows = -1;
    if (q->next() && !q->isNull(0))
        rows = q->int64(0);
    while (q->next()) {
    }
    return rows;
}

bool PgConnection::begin(QString *error)
{
    return execScript("BEGIN", error);
}

bool PgConnection::commit(QString *error)
{
    return execScript("COMMIT", error);
}

void PgConnection::rollback()
{
    PQclear(PQexec(m_conn, "ROLLBACK"));
}

bool PgConnection::execScript(const QByteArray &sql, QString *error)
{
    PGresult *r = PQexec(m_conn, sql.constData());
    const ExecStatusType status = PQresultStatus(r);
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok && error) {
        *error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        if (error->isEmpty()) // no result at all (a lost connection): the reason is the connection's
            *error = pgError(m_conn);
    }
    PQclear(r);
    return ok;
}

} // namespace StateScope
