#pragma once

#include "loadresult.h"

#include <QByteArray>

#include <atomic>
#include <functional>

namespace StateScope {

class SqlConnection;
class SqlPushdown;
class SqlStatement;

// What one reading thread needs to stream a table: its connection, where its findings go,
// and the caller's progress callback and cancel flag.
struct TableScanContext
{
    SqlConnection &connection;
    LoadResult &result;
    const ProgressCallback *progress = nullptr;
    const std::atomic_bool *cancel = nullptr;
    bool profile = false; // STATESCOPE_PROFILE: rows and milliseconds per table on stderr
    const SqlPushdown *pushdown = nullptr; // what may be left out of a read (PostgreSQL)
};

// Streams one table through a prepared statement, calling `row` for each row. A missing
// optional table is a note; a missing required table or a failed query of one is fatal
// (result.error). Progress and cancel are checked every 65,536 rows. False = stop loading.
// bind, if given, binds the statement's parameters before it runs.
bool scanTable(TableScanContext &context, const char *table, const QByteArray &sqliteSql, const QByteArray &postgresSql,
               bool required, const std::function<void(SqlStatement &)> &row,
               const std::function<void(SqlStatement &)> &bind = {});

} // namespace StateScope
