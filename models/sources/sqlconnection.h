#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVariant>

#include <memory>
#include <vector>

namespace StateScope {

// A prepared statement. Values are bound by position (1-based, as both SQLite and libpq
// number them); SQL text never contains data (BARS S1). Rows are streamed: next() fetches one
// row at a time, so a read of millions of rows never holds them all.
class SqlStatement
{
public:
    virtual ~SqlStatement() = default;

    virtual void bindText(int index, QByteArrayView utf8) = 0;
    virtual void bindInt64(int index, qint64 value) = 0;
    virtual void bindDouble(int index, double value) = 0;
    virtual void bindNull(int index) = 0;
    virtual void bindBool(int index, bool value) = 0;

    // Executes (first call) and advances to the next row. False at the end or on error; then
    // error() says which.
    virtual bool next() = 0;
    // Executes a statement that returns no rows. Returns false on error.
    virtual bool exec() = 0;
    virtual void reset() = 0; // ready to bind and run again
    virtual QString error() const = 0;
    virtual qint64 rowsAffected() const = 0;

    virtual bool isNull(int column) const = 0;
    // Column text as UTF-8; valid until the next call of next(). Integers come as their digits.
    virtual QByteArrayView text(int column) const = 0;
    // Whether the stored value is an integer (SQLite's dynamic type; PostgreSQL int columns).
    virtual bool isInteger(int column) const = 0;
    virtual qint64 int64(int column, bool *ok = nullptr) const = 0;
    // A cell as a lookup key: equal values of one column type give equal keys (PostgreSQL
    // uuids: their 16 bytes, which hash and compare faster than 36 characters). Not for display.
    virtual QByteArrayView key(int column) const { return text(column); }
};

class SqlConnection
{
public:
    enum class Dialect { SQLite, PostgreSQL };

    virtual ~SqlConnection() = default;
    virtual Dialect dialect() const = 0;
    virtual std::unique_ptr<SqlStatement> prepare(const QByteArray &sql, QString *error) = 0;
    // A statement for a large read-only scan, streamed the fastest way the database offers
    // (PostgreSQL: a server-side cursor in binary format). Rows as prepare() gives them, except
    // that timestamp columns read as integers of epoch milliseconds.
    virtual std::unique_ptr<SqlStatement> prepareRead(const QByteArray &sql, QString *error) { return prepare(sql, error); }
    virtual bool tableExists(const QString &table) = 0;
    virtual bool columnExists(const QString &table, const QString &column) = 0;
    // A cheap estimate of a table's row count (for progress), or -1.
    virtual qint64 estimateRows(const QString &table) = 0;
    virtual bool begin(QString *error) = 0;
    virtual bool commit(QString *error) = 0;
    virtual void rollback() = 0;
    // Executes constant SQL text without parameters (DDL, pragmas). Never used with data.
    virtual bool execScript(const QByteArray &sql, QString *error) = 0;
    virtual QString label() const = 0; // what to show the user: a path or a password-free URL
};

// What a SOURCE argument names (SPEC 2).
struct SourceLocation
{
    enum class Kind { Invalid, SQLite, PostgreSQL, Feed, JsonLines, Csv, Xes, Definition };
    Kind kind = Kind::Invalid;
    QString location; // path or URL
    QString error;    // why it is Invalid
};

SourceLocation locateSource(const QString &argument);

// Opens a database source. readOnly opens SQLite files read-only and makes PostgreSQL
// sessions read-only, so analysing can never change a production database.
std::unique_ptr<SqlConnection> openSqlConnection(const SourceLocation &source, bool readOnly, QString *error);

} // namespace StateScope
