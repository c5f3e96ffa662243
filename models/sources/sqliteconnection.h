#pragma once

#include "sqlconnection.h"

struct sqlite3;

namespace StateScope {

// SQLite through its C API: QSqlQuery costs 2-3 times as much per row (BARS.md notes), and
// the loader reads millions of rows.
class SqliteConnection final : public SqlConnection
{
public:
    static std::unique_ptr<SqliteConnection> open(const QString &path, bool readOnly, bool create, QString *error);
    ~SqliteConnection() override;

    Dialect dialect() const override { return Dialect::SQLite; }
    std::unique_ptr<SqlStatement> prepare(const QByteArray &sql, QString *error) override;
    bool tableExists(const QString &table) override;
    bool columnExists(const QString &table, const QString &column) override;
    qint64 estimateRows(const QString &table) override;
    bool begin(QString *error) override;
    bool commit(QString *error) override;
    void rollback() override;
    bool execScript(const QByteArray &sql, QString *error) override;
    QString label() const override { return m_path; }
    sqlite3 *handle() const { return m_db; }

private:
    SqliteConnection(sqlite3 *db, QString path);
    sqlite3 *m_db = nullptr;
    QString m_path;
};

// True when the file starts with the SQLite header.
bool hasSqliteHeader(const QString &path);

} // namespace StateScope
