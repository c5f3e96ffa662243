#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <algorithm>
#include <array>
#include <cstring>

// The byte scanners behind CsvReader (RFC 4180), apart so the reader's loop stays readable.
namespace StateScope::CsvScanner {

enum class Scan { Complete, NeedMore, Unclosed };

struct RecordShape
{
    int fields = 0;
    int lines = 1; // physical lines the record spans
    qsizetype length = 0; // bytes, with its line end
};

inline const char *findSeparator(const char *p, const char *end)
{
    for (; p != end; ++p) {
        if (*p == ',' || *p == '\n')
            return p;
    }
    return nullptr;
}

// The careful scanner: one record from p, quotes and all. target(field) names where a field's
// text goes (nullptr: skipped); it is cleared first. Text after a closing quote is kept as
// written, as most CSV readers do. NeedMore: the record may go on past `end` (not at eof);
// Unclosed: a quote is still open at the end of the input.
template<typename Target>
Scan scanRecord(const char *p, const char *end, bool eof, const Target &target, RecordShape *shape)
{
    const char *pos = p;
    int field = 0;
    int lines = 1;
    for (;;) {
        QByteArray *out = target(field);
        if (out)
            out->clear();
        if (pos != end && *pos == '"') {
            ++pos;
            for (;;) {
                const char *q = static_cast<const char *>(std::memchr(pos, '"', size_t(end - pos)));
                if (!q)
                    return eof ? Scan::Unclosed : Scan::NeedMore;
                lines += int(std::count(pos, q, '\n'));
                if (out)
                    out->append(pos, q - pos);
                if (q + 1 == end && !eof) // a doubled quote may follow in the next chunk
                    return Scan::NeedMore;
                pos = q + 1;
                if (pos == end || *pos != '"')
                    break;
                if (out)
                    out->append('"');
                ++pos;
            }
        }
        const char *sep = findSeparator(pos, end);
        if (!sep && !eof)
            return Scan::NeedMore;
        const char *valueEnd = sep ? sep : end;
        if ((!sep || *sep == '\n') && valueEnd != pos && valueEnd[-1] == '\r')
            --valueEnd;
        if (out)
            out->append(pos, valueEnd - pos);
        ++field;
        if (sep && *sep == ',') {
            pos = sep + 1;
            continue;
        }
        shape->fields = field;
        shape->lines = lines;
        shape->length = (sep ? sep + 1 : end) - p;
        return Scan::Complete;
    }
}

// The fast path for the common line without quotes: split at commas with memchr; the fields
// numbered in `columns` become views into the buffer. False when a field starts with a quote
// (scanRecord takes over); a quote inside a field is text, as scanRecord also reads it.
inline bool splitLine(const char *p, const char *lineEnd, const std::array<int, 3> &columns,
                      std::array<QByteArrayView, 3> &values, int *fieldCount)
{
    int field = 0;
    for (;;) {
        if (p != lineEnd && *p == '"')
            return false;
        const char *comma = static_cast<const char *>(std::memchr(p, ',', size_t(lineEnd - p)));
        const char *fieldEnd = comma ? comma : lineEnd;
        for (size_t r = 0; r < columns.size(); ++r) {
            if (columns[r] == field)
                values[r] = QByteArrayView(p, fieldEnd - p);
        }
        ++field;
        if (!comma)
            break;
        p = comma + 1;
    }
    *fieldCount = field;
    return true;
}

} // namespace StateScope::CsvScanner
