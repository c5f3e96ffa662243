#include "sqliteconnection.h"

#include "schematables.h"

#include <QFile>

#include <sqlite3.h>

namespace StateScope {

namespace {

class SqliteStatement final : public SqlStatement
{
public:
    SqliteStatement(sqlite3 *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}
    ~SqliteStatement() override { sqlite3_finalize(m_stmt); }

    void bindText(int i, QByteArrayView v) override
    {
        sqlite3_bind_text(m_stmt, i, v.data() ? v.data() : "", int(v.size()), SQLITE_TRANSIENT);
    }
    void bindInt64(int i, qint64 v) override { sqlite3_bind_int64(m_stmt, i, v); }
    void bindDouble(int i, double v) override { sqlite3_bind_double(m_stmt, i, v); }
    void bindNull(int i) override { sqlite3_bind_null(m_stmt, i); }
    void bindBool(int i, bool v) override { sqlite3_bind_int(m_stmt, i, v ? 1 : 0); }

    bool next() override
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    bool exec() override
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
            m_changes = sqlite3_changes64(m_db);
            return true;
        }
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    void reset() override
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        m_error.clear();
    }
    QString error() const override { return m_error; }
    qint64 rowsAffected() const override { return m_changes; }
    bool isNull(int c) const override { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
    QByteArrayView text(int c) const override
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
        return p ? QByteArrayView(p, sqlite3_column_bytes(m_stmt, c)) : QByteArrayView();
    }
    bool isInteger(int c) const override { return sqlite3_column_type(m_stmt, c) == SQLITE_INTEGER; }
    qint64 int64(int c, bool *ok) const override
    {
        const int type = sqlite3_column_type(m_stmt, c);
        if (type == SQLITE_INTEGER) {
            if (ok)
                *ok = true;
            return sqlite3_column_int64(m_stmt, c);
        }
        return text(c).toLongLong(ok);
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt;
    QString m_error;
    qint64 m_changes = 0;
};

} // namespace

bool hasSqliteHeader(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(16) == QByteArray("SQLite format 3\0", 16);
}

SqliteConnection::SqliteConnection(sqlite3 *db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{
}

SqliteConnection::~SqliteConnection()
{
    sqlite3_close_v2(m_db);
}

std::unique_ptr<SqliteConnection> SqliteConnection::open(const QString &path, bool readOnly, bool create, QString *error)
{
    if (!create) {
        if (!QFile::exists(path)) {
            *error = QStringLiteral("%1: no such file").arg(path);
            return nullptr;
        }
        if (!hasSqliteHeader(path)) {
            *error = QStringLiteral("%1: not an SQLite database (no SQLite header)").arg(path);
            return nullptr;
        }
    }
    sqlite3 *db = nullptr;
    const int flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0));
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        *error = QStringLiteral("%1: %2").arg(path, QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
        sqlite3_close_v2(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 5000);
    auto connection = std::unique_ptr<SqliteConnection>(new SqliteConnection(db, path));
    // A file with the header can still be damaged: ask SQLite to read its schema now.
    QString probeError;
    auto probe = connection->prepare("SELECT count(*) FROM sqlite_master", &probeError);
    if (!probe || !probe->next()) {
        *error = QStringLiteral("%1: unreadable database: %2").arg(path, probe ? probe->error() : probeError);
        return nullptr;
    }
    return connection;
}

// Statements are written once with PostgreSQL's $1 placeholders; SQLite spells them ?1.
static QByteArray sqlitePlaceholders(const QByteArray &sql)
{
    QByteArray out = sql;
    char quote = 0;
    for (qsizetype i = 0; i + 1 < out.size(); ++i) {
        const char c = out[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '$' && out[i + 1] >= '1' && out[i + 1] <= '9') {
            out[i] = '?';
        }
    }
    return out;
}

std::unique_ptr<SqlStatement> SqliteConnection::prepare(const QByteArray &sqlText, QString *error)
{
    const QByteArray sql = sqlitePlaceholders(sqlText);
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.constData(), int(sql.size()), &stmt, nullptr) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_finalize(stmt);
        return nullptr;
    }
    return std::make_unique<SqliteStatement>(m_db, stmt);
}

bool SqliteConnection::tableExists(const QString &table)
{
    auto q = prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1", nullptr);
    if (!q)
        return false;
    q->bindText(1, table.toUtf8());
    return q->next();
}

bool SqliteConnection::columnExists(const QString &table, const QString &column)
{
    auto q = prepare("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", nullptr);
    if (!q)
        return false;
    q->bindText(1, table.toUtf8());
    q->bindText(2, column.toUtf8());
    return q->next();
}

qint64 SqliteConnection::estimateRows(const QString &table)
{
    // max(rowid) is a b-tree descent, not a scan; a count(*) would read the whole table.
    // Table names are not bindable: only the schema's own names are accepted.
    if (!SchemaTables::isKnown(table))
        return -1;
    auto q = prepare("SELECT max(rowid) FROM " + table.toLatin1(), nullptr);
    if (!q || !q->next() || q->isNull(0))
        return -1;
    return q->int64(0);
}

bool SqliteConnection::begin(QString *error)
{
    return execScript("BEGIN IMMEDIATE", error);
}

bool SqliteConnection::commit(QString *error)
{
    return execScript("COMMIT", error);
}

void SqliteConnection::rollback()
{
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

bool SqliteConnection::execScript(const QByteArray &sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(message ? message : sqlite3_errmsg(m_db));
        sqlite3_free(message);
        return false;
    }
    return true;
}

} // namespace StateScope
