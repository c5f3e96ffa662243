#include "sqltablescan.h"

#include "sqlconnection.h"

#include <QElapsedTimer>

#include <cstdio>

namespace StateScope {

namespace {
constexpr qint64 kTickRows = 65536; // often enough for ~20 Hz progress, rare enough to be free

bool tick(TableScanContext &c, const char *phase, qint64 done, qint64 total)
{
    if (c.cancel && c.cancel->load(std::memory_order_relaxed)) {
        c.result.cancelled = true;
        return false;
    }
    if (c.progress && *c.progress)
        (*c.progress)({QString::fromLatin1(phase), done, total});
    return true;
}
} // namespace

bool scanTable(TableScanContext &c, const char *table, const QByteArray &sqliteSql, const QByteArray &postgresSql,
               bool required, const std::function<void(SqlStatement &)> &row,
               const std::function<void(SqlStatement &)> &bind)
{
    const QString tableName = QString::fromLatin1(table);
    const QString label = c.connection.label();
    if (!c.connection.tableExists(tableName)) {
        if (required) {
            c.result.error = QStringLiteral("%1: table %2 is missing: not a StateScope state database").arg(label, tableName);
            return false;
        }
        c.result.notes.append(QStringLiteral("table %1 is absent").arg(tableName));
        return true;
    }
    const qint64 total = c.connection.estimateRows(tableName);
    QString error;
    const bool sqlite = c.connection.dialect() == SqlConnection::Dialect::SQLite;
    auto q = c.connection.prepareRead(sqlite ? sqliteSql : postgresSql, &error);
    if (!q) {
        const QString message = QStringLiteral("%1: cannot read table %2: %3").arg(label, tableName, error);
        if (required) {
            c.result.error = message;
            return false;
        }
        c.result.notes.append(message);
        return true;
    }
    if (bind)
        bind(*q);
    if (!tick(c, table, 0, total))
        return false;
    QElapsedTimer timer;
    timer.start();
    qint64 done = 0;
    while (q->next()) {
        row(*q);
        if (++done % kTickRows == 0 && !tick(c, table, done, total))
            return false;
    }
    if (c.profile)
        std::fprintf(stderr, "statescope: read %lld rows of %s in %lld ms\n", static_cast<long long>(done), table,
                     static_cast<long long>(timer.elapsed()));
    if (!q->error().isEmpty()) {
        const QString message = QStringLiteral("%1: reading table %2 failed after %3 rows: %4")
                                    .arg(label, tableName).arg(done).arg(q->error());
        if (required) {
            c.result.error = message;
            return false;
        }
        c.result.notes.append(message);
    }
    return tick(c, table, done, total);
}

} // namespace StateScope
