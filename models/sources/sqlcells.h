#pragma once

#include "sqlconnection.h"
#include "timeutil.h"

#include <QByteArray>

namespace StateScope::SqlCells {

// A timestamp cell: integer epoch ms (SQLite integers, PostgreSQL queries that convert with
// extract(epoch)) or RFC 3339 text. False for anything else; NULL gives kUnknownTime and true.
inline bool timestamp(const SqlStatement &q, int column, TimeMs *out)
{
    if (q.isNull(column)) {
        *out = kUnknownTime;
        return true;
    }
    if (q.isInteger(column)) {
        bool ok = false;
        *out = q.int64(column, &ok);
        return ok;
    }
    return TimeUtil::parse(q.text(column), out);
}

// A boolean cell: SQLite 0/1 (SPEC 2.1), or true/false/t/f text from other writers.
inline bool boolean(const SqlStatement &q, int column, bool *out)
{
    if (q.isInteger(column)) {
        *out = q.int64(column) != 0;
        return true;
    }
    const QByteArrayView t = q.text(column);
    if (t == "1" || t.compare("true", Qt::CaseInsensitive) == 0 || t == "t") {
        *out = true;
        return true;
    }
    if (t == "0" || t.compare("false", Qt::CaseInsensitive) == 0 || t == "f") {
        *out = false;
        return true;
    }
    return false;
}

inline QString idText(const SqlStatement &q, int column)
{
    return q.isNull(column) ? QStringLiteral("(no id)") : QString::fromUtf8(q.text(column));
}

} // namespace StateScope::SqlCells
