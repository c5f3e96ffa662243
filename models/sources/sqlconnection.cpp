#include "sqlconnection.h"

#include "pgconnection.h"
#include "sqliteconnection.h"

#include <QFile>
#include <QFileInfo>

namespace StateScope {

SourceLocation locateSource(const QString &argument)
{
    SourceLocation s;
    s.location = argument;
    const QString lower = argument.toLower();
    if (lower.startsWith(QLatin1String("postgresql://")) || lower.startsWith(QLatin1String("postgres://"))) {
        s.kind = SourceLocation::Kind::PostgreSQL;
        return s;
    }
    if (lower.startsWith(QLatin1String("ws://")) || lower.startsWith(QLatin1String("wss://"))) {
        s.kind = SourceLocation::Kind::Feed;
        return s;
    }
    if (lower.contains(QLatin1String("://"))) {
        s.error = QStringLiteral("%1: unsupported URL scheme (expected postgresql://, ws:// or wss://)").arg(argument);
        return s;
    }
    const QFileInfo info(argument);
    if (!info.exists()) {
        s.error = QStringLiteral("%1: no such file").arg(argument);
        return s;
    }
    if (info.isDir()) {
        s.error = QStringLiteral("%1: is a directory, not a source").arg(argument);
        return s;
    }
    if (!info.isReadable()) {
        s.error = QStringLiteral("%1: permission denied").arg(argument);
        return s;
    }
    if (lower.endsWith(QLatin1String(".jsonl")))
        s.kind = SourceLocation::Kind::JsonLines;
    else if (lower.endsWith(QLatin1String(".csv")))
        s.kind = SourceLocation::Kind::Csv;
    else if (lower.endsWith(QLatin1String(".xes")) || lower.endsWith(QLatin1String(".xes.gz")))
        s.kind = SourceLocation::Kind::Xes;
    else if (lower.endsWith(QLatin1String(".json")))
        s.kind = SourceLocation::Kind::Definition;
    else if (hasSqliteHeader(argument))
        s.kind = SourceLocation::Kind::SQLite;
    else if (lower.endsWith(QLatin1String(".sqlite")) || lower.endsWith(QLatin1String(".db")))
        s.error = QStringLiteral("%1: not an SQLite database (no SQLite header)").arg(argument);
    else
        s.error = QStringLiteral("%1: unknown source type (expected an SQLite file, a PostgreSQL or feed URL, "
                                 ".jsonl, .csv, .xes, .xes.gz or a definition .json)").arg(argument);
    return s;
}

std::unique_ptr<SqlConnection> openSqlConnection(const SourceLocation &source, bool readOnly, QString *error)
{
    switch (source.kind) {
    case SourceLocation::Kind::SQLite:
        return SqliteConnection::open(source.location, readOnly, false, error);
    case SourceLocation::Kind::PostgreSQL:
        return PgConnection::open(source.location, readOnly, error);
    default:
        break;
    }
    *error = source.error.isEmpty() ? QStringLiteral("%1: not a database source").arg(source.location) : source.error;
    return nullptr;
}

} // namespace StateScope
