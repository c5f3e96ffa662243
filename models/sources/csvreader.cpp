#include "csvreader.h"

#include "caseentrybuilder.h"
#include "csvscanner.h"
#include "eventstore.h"
#include "timeutil.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace StateScope {

using namespace CsvScanner;

namespace {

enum Role { CaseRole, StateRole, TimeRole, RoleCount };

struct RoleNames
{
    const char *what;
    std::array<const char *, 4> names; // in order of preference; nullptr = unused
};
// SPEC 2.2.
constexpr std::array<RoleNames, RoleCount> kRoleNames {{
    {"case id", {"case_id", "case", "case:concept:name", "execution_id"}},
    {"state", {"state", "activity", "concept:name", "to_state"}},
    {"timestamp", {"timestamp", "time", "time:timestamp", nullptr}},
}};

QString expectedNames(const RoleNames &role)
{
    QStringList names;
    for (const char *n : role.names) {
        if (n)
            names << QString::fromLatin1(n);
    }
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

QString cleanHeaderField(const QByteArray &field)
{
    QString name = QString::fromUtf8(field).trimmed();
    if (name.startsWith(QChar(0xFEFF))) // a BOM inside quotes, or one left by a re-encoding
        name = name.mid(1).trimmed();
    return name;
}

} // namespace

CsvColumns CsvReader::findColumns(const QStringList &header)
{
    std::array<int, RoleCount> found {-1, -1, -1};
    for (int r = 0; r < RoleCount; ++r) {
        for (const char *name : kRoleNames[size_t(r)].names) {
            if (!name || found[size_t(r)] >= 0)
                continue;
            for (int c = 0; c < header.size(); ++c) {
                if (header[c].trimmed().compare(QLatin1String(name), Qt::CaseInsensitive) == 0) {
                    found[size_t(r)] = c;
                    break;
                }
            }
        }
    }
    return {found[CaseRole], found[StateRole], found[TimeRole]};
}

QStringList CsvReader::readHeader(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = path + QStringLiteral(": ") + file.errorString();
        return {};
    }
    return readHeader(&file, QFileInfo(path).fileName(), error);
}

QStringList CsvReader::readHeader(QIODevice *device, const QString &name, QString *error)
{
    CsvReader reader;
    reader.setChunkSize(64 * 1024);
    LoadResult result;
    QStringList header;
    reader.run(device, name, nullptr, &result, {}, nullptr, &header);
    if (error)
        *error = result.error;
    return header;
}

bool CsvReader::read(const QString &path, CaseEntryBuilder &builder, LoadResult *result,
                     const ProgressCallback &progress, const std::atomic_bool *cancel)
{
    QFile file(path);
    if (!openLogFile(file, result))
        return false;
    return read(&file, QFileInfo(path).fileName(), builder, result, progress, cancel);
}

bool CsvReader::read(QIODevice *device, const QString &name, CaseEntryBuilder &builder, LoadResult *result,
                     const ProgressCallback &progress, const std::atomic_bool *cancel)
{
    LoadResult local;
    return run(device, name, &builder, result ? result : &local, progress, cancel, nullptr);
}

// Works out the columns from the header row; false (with res.error) when one is missing.
bool CsvReader::resolveColumns(const QStringList &header, const QString &name, LoadResult &res)
{
    const CsvColumns named = findColumns(header);
    const std::array<int, RoleCount> fromNames {named.caseColumn, named.stateColumn, named.timeColumn};
    const std::array<int, RoleCount> chosen {m_columns.caseColumn, m_columns.stateColumn, m_columns.timeColumn};
    QStringList missing;
    for (int r = 0; r < RoleCount; ++r) {
        const int column = chosen[size_t(r)] >= 0 ? chosen[size_t(r)] : fromNames[size_t(r)];
        if (column >= header.size()) {
            res.error = name
                + QStringLiteral(": the %1 column is number %2, but the header has %3 fields")
                      .arg(QLatin1String(kRoleNames[size_t(r)].what))
                      .arg(column + 1)
                      .arg(header.size());
            return false;
        }
        if (column < 0)
            missing << QStringLiteral("no %1 column (expected %2")
                           .arg(QLatin1String(kRoleNames[size_t(r)].what), expectedNames(kRoleNames[size_t(r)]));
        m_active[size_t(r)] = column;
    }
    if (missing.isEmpty())
        return true;
    // "orders.csv: no timestamp column (expected timestamp, time or time:timestamp; found: id, step, when)"
    res.unmappedHeader = header;
    res.error = name + QStringLiteral(": ") + missing.join(QStringLiteral("), ")) + QStringLiteral("; found: ")
        + header.join(QStringLiteral(", ")) + QLatin1Char(')');
    return false;
}

bool CsvReader::run(QIODevice *device, const QString &name, CaseEntryBuilder *builder, LoadResult *result,
                    const ProgressCallback &progress, const std::atomic_bool *cancel, QStringList *headerOut)
{
    LoadResult &res = *result;
    m_rowsRead = 0;
    m_zonelessTimes = 0;
    const qint64 totalBytes = device->isSequential() ? -1 : device->size();
    const qsizetype chunk = m_chunkSize;

    // buffer[start, end) holds unread text; the search for the next '\n' goes on at `scan`.
    std::vector<char> buffer(static_cast<size_t>(chunk));
    qsizetype start = 0, scan = 0, end = 0;
    qint64 line = 1; // physical line `start` is on
    qint64 bytesRead = 0;
    bool eof = false;
    bool bomChecked = false;
    bool skipping = false; // inside a line already reported as too long
    bool haveHeader = false;
    int headerFields = 0;
    std::vector<QByteArray> headerText;
    std::array<QByteArray, RoleCount> quoted; // wanted fields of a row that needed the careful scanner
    std::array<QByteArrayView, RoleCount> values;

    const auto headerTarget = [&headerText](int field) -> QByteArray * {
        if (size_t(field) >= headerText.size())
            headerText.resize(size_t(field) + 1);
        return &headerText[size_t(field)];
    };
    const auto rowTarget = [this, &quoted](int field) -> QByteArray * {
        for (int r = 0; r < RoleCount; ++r) {
            if (m_active[size_t(r)] == field)
                return &quoted[size_t(r)];
        }
        return nullptr;
    };
    const auto issue = [&](qint64 at, const QString &problem) {
        res.addIssue({name, QStringLiteral("line %1").arg(at), problem});
    };
    const auto handleRow = [&](int fields, qint64 at) {
        if (fields != headerFields)
            return issue(at,
                         (fields == 1 ? QStringLiteral("1 field") : QStringLiteral("%1 fields").arg(fields))
                             + QStringLiteral(" where the header has %1").arg(headerFields));
        if (values[CaseRole].isEmpty())
            return issue(at, QStringLiteral("empty case id"));
        if (values[StateRole].isEmpty())
            return issue(at, QStringLiteral("empty state"));
        TimeMs time = 0;
        bool zoned = true;
        if (!TimeUtil::parse(values[TimeRole], &time, &zoned)) {
            const QByteArrayView text = values[TimeRole];
            return issue(at,
                         text.isEmpty()
                             ? QStringLiteral("empty timestamp")
                             : QStringLiteral("unreadable timestamp \"%1\"")
                                   .arg(QString::fromUtf8(text.first(std::min<qsizetype>(text.size(), 64)))));
        }
        m_zonelessTimes += zoned ? 0 : 1;
        builder->add(values[CaseRole], values[StateRole], time);
        ++m_rowsRead;
    };
    // A record that never ends (an unclosed quote, a huge line): report it, go on at the next line.
    const auto skipRecord = [&](const QString &problem) {
        issue(line, problem);
        const char *base = buffer.data();
        if (const void *nl = std::memchr(base + start, '\n', size_t(end - start))) {
            start = scan = static_cast<const char *>(nl) - base + 1;
            ++line;
        } else {
            skipping = !eof;
            start = scan = end;
        }
    };
    const QString tooLong = QStringLiteral("a record of more than %1 bytes (an unclosed quote?)").arg(m_maxRecordBytes);
    // Over the length limit: a row is reported and skipped, a header fails the read.
    const auto skipOrFail = [&] {
        if (!haveHeader) {
            res.error = name
                + QStringLiteral(": the header row is longer than %1 bytes (an unclosed quote?)").arg(m_maxRecordBytes);
            return false;
        }
        skipRecord(tooLong);
        return true;
    };

    for (;;) {
        while (start < end) {
            const char *base = buffer.data();
            if (!bomChecked) { // a byte order mark, from some editors and spreadsheet exports
                if (end - start < 3 && !eof)
                    break;
                if (end - start >= 3 && std::memcmp(base + start, "\xEF\xBB\xBF", 3) == 0)
                    start = scan = start + 3;
                bomChecked = true;
                continue;
            }
            if (skipping) {
                const void *nl = std::memchr(base + start, '\n', size_t(end - start));
                start = scan = nl ? static_cast<const char *>(nl) - base + 1 : end;
                if (nl) {
                    ++line;
                    skipping = false;
                }
                continue;
            }
            const char *nl = static_cast<const char *>(std::memchr(base + scan, '\n', size_t(end - scan)));
            if (!nl && !eof) {
                scan = end;
                if (end - start > m_maxRecordBytes && !skipOrFail())
                    return false;
                break;
            }
            const char *lineStart = base + start;
            const char *valueEnd = nl ? nl : base + end;
            qsizetype recordEnd = nl ? nl - base + 1 : end;
            if (valueEnd != lineStart && valueEnd[-1] == '\r')
                --valueEnd;
            if (valueEnd == lineStart) { // a blank line
                start = scan = recordEnd;
                ++line;
                continue;
            }
            int lines = 1;
            int fields = 0;
            if (!haveHeader || !splitLine(lineStart, valueEnd, m_active, values, &fields)) {
                RecordShape shape;
                const Scan s = haveHeader ? scanRecord(lineStart, base + end, eof, rowTarget, &shape)
                                          : scanRecord(lineStart, base + end, eof, headerTarget, &shape);
                // The same records count as too long whatever the chunks: all that is known of them.
                const qsizetype known = s == Scan::Complete ? shape.length : end - start;
                if (known > m_maxRecordBytes) {
                    if (!skipOrFail())
                        return false;
                    continue;
                }
                if (s == Scan::NeedMore) {
                    scan = end;
                    break;
                }
                if (s == Scan::Unclosed) {
                    if (!haveHeader) {
                        res.error = name + QStringLiteral(": unclosed quote in the header row");
                        return false;
                    }
                    skipRecord(QStringLiteral("unclosed quote"));
                    continue;
                }
                recordEnd = start + shape.length;
                lines = shape.lines;
                fields = shape.fields;
                if (!haveHeader) {
                    QStringList header;
                    for (int f = 0; f < fields; ++f)
                        header << cleanHeaderField(headerText[size_t(f)]);
                    if (headerOut) {
                        *headerOut = header;
                        return true;
                    }
                    if (!resolveColumns(header, name, res))
                        return false;
                    headerFields = int(header.size());
                    haveHeader = true;
                    line += lines;
                    start = scan = recordEnd;
                    continue;
                }
                for (size_t r = 0; r < RoleCount; ++r) { // rowTarget fills a column's first role only
                    size_t first = 0;
                    while (m_active[first] != m_active[r])
                        ++first;
                    values[r] = quoted[first];
                }
            } else if (recordEnd - start > m_maxRecordBytes) {
                skipRecord(tooLong);
                continue;
            }
            handleRow(fields, line);
            line += lines;
            start = scan = recordEnd;
        }
        if (eof)
            break;
        // Keep the unfinished record, read the next chunk behind it.
        const qsizetype pending = end - start;
        if (start > 0 && pending > 0)
            std::memmove(buffer.data(), buffer.data() + start, size_t(pending));
        scan -= start;
        start = 0;
        end = pending;
        if (qsizetype(buffer.size()) < end + chunk)
            buffer.resize(size_t(end + chunk));
        if (progress && bytesRead > 0) { // the estimate scales the rows by the bytes behind them
            const qint64 consumed = bytesRead - pending;
            const qint64 estimate = totalBytes > 0 && consumed > 0
                ? qint64(double(m_rowsRead) * double(totalBytes) / double(consumed))
                : -1;
            progress({name, m_rowsRead, estimate});
        }
        const qint64 n = device->read(buffer.data() + end, chunk);
        if (n < 0) {
            res.error = name + QStringLiteral(": ") + device->errorString();
            return false;
        }
        if (builder && bytesRead == 0 && totalBytes > 0 && n > 0) {
            // Room for all the rows at once, estimated from the first chunk's lines: the entry
            // column then never regrows (a copy of it each time) on its way to millions. No
            // row with a case, a state and a time is shorter than 16 bytes: blank lines up
            // front cannot make the estimate reserve more than the file's size.
            const auto lines = std::count(buffer.data() + end, buffer.data() + end + n, '\n');
            const double estimate = double(totalBytes) / double(n) * double(lines) * 1.02 + 16;
            builder->reserve(size_t(std::min(estimate, double(totalBytes) / 16 + 16)));
        }
        end += qsizetype(n);
        bytesRead += n;
        eof = n == 0;
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            res.cancelled = true;
            return false;
        }
    }
    if (!haveHeader) {
        res.error = name
            + QStringLiteral(": empty file (expected a header row naming the case id, state and timestamp columns)");
        return false;
    }
    if (m_zonelessTimes > 0)
        res.notes << QStringLiteral("%1: %2 of the timestamps had no time zone and were read as UTC")
                         .arg(name)
                         .arg(m_zonelessTimes);
    if (progress)
        progress({name, m_rowsRead, m_rowsRead});
    return true;
}

std::shared_ptr<EventStore> loadCsvSource(const QString &path, LoadResult *result, const ProgressCallback &progress,
                                          const std::atomic_bool *cancel)
{
    return loadCsvSource(path, CsvColumns {}, result, progress, cancel);
}

std::shared_ptr<EventStore> loadCsvSource(const QString &path, const CsvColumns &columns, LoadResult *result,
                                          const ProgressCallback &progress, const std::atomic_bool *cancel)
{
    CaseEntryBuilder builder;
    CsvReader reader;
    reader.setColumns(columns);
    if (!reader.read(path, builder, result, progress, cancel) || !result->ok())
        return nullptr;
    auto store = builder.build(QFileInfo(path).completeBaseName());
    result->executionsRead = store->executionCount();
    result->transitionsRead = store->transitionCount();
    return store;
}

} // namespace StateScope
