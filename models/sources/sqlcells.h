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

// An id as a compact hash key: a canonical UUID becomes 17 bytes (a NUL marker, which text ids
// never contain, and its 16 bytes), halving the memory of the id maps used while loading.
inline QByteArrayView compactKey(QByteArrayView id, char (&buffer)[17])
{
    if (id.size() != 36 || id[8] != '-' || id[13] != '-' || id[18] != '-' || id[23] != '-')
        return id;
    buffer[0] = '\0';
    int out = 1;
    for (qsizetype i = 0; i < 36; i += 2) {
        if (id[i] == '-')
            ++i;
        const auto nibble = [](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        };
        const int hi = nibble(id[i]);
        const int lo = nibble(id[i + 1]);
        if (hi < 0 || lo < 0)
            return id;
        buffer[out++] = char(hi << 4 | lo);
    }
    return QByteArrayView(buffer, 17);
}

inline QString idText(const SqlStatement &q, int column)
{
    return q.isNull(column) ? QStringLiteral("(no id)") : QString::fromUtf8(q.text(column));
}

} // namespace StateScope::SqlCells
