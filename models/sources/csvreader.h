#pragma once

#include "loadresult.h"

#include <QString>
#include <QStringList>

#include <algorithm>
#include <array>
#include <atomic>
#include <memory>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace StateScope {

class CaseEntryBuilder;
class EventStore;

// Which fields of a CSV row hold the case id, the state and the time (0-based; -1 = none).
struct CsvColumns
{
    int caseColumn = -1;
    int stateColumn = -1;
    int timeColumn = -1;

    bool isComplete() const { return caseColumn >= 0 && stateColumn >= 0 && timeColumn >= 0; }
    friend bool operator==(const CsvColumns &, const CsvColumns &) = default;
};

// Streaming reader of a CSV event log (SPEC 2.2): a header row, then one row per entry of a case
// into a state at a time, in any order. RFC 4180 quoting (commas, doubled quotes and line breaks
// inside quotes), CRLF or LF, an optional UTF-8 byte order mark. The file goes through in large
// chunks and a byte scanner (BARS P4); fields are handed to the CaseEntryBuilder as views, so no
// string is made per field.
class CsvReader final
{
public:
    // The columns named as SPEC 2.2 says (case-insensitive, surrounding blanks ignored); a role
    // with several candidate columns takes the name listed first in the spec.
    static CsvColumns findColumns(const QStringList &header);
    // The header row's fields as written (a BOM and surrounding blanks removed), for a
    // column-mapping dialog. Empty, with *error set, when the file cannot be read or is empty.
    static QStringList readHeader(const QString &path, QString *error = nullptr);
    static QStringList readHeader(QIODevice *device, const QString &name, QString *error = nullptr);

    // Columns to use instead of the header's names; the header row is still skipped.
    void setColumns(const CsvColumns &columns) { m_columns = columns; }
    // Bytes read from the device at a time (tests use tiny chunks to cross every boundary).
    void setChunkSize(qsizetype bytes) { m_chunkSize = std::max<qsizetype>(bytes, 1); }
    // A record longer than this (an unclosed quote, or no line ends) is reported and skipped.
    void setMaxRecordBytes(qsizetype bytes) { m_maxRecordBytes = std::max<qsizetype>(bytes, 16); }

    // Adds every good row to `builder`. A bad row (wrong field count, empty case id or state,
    // unreadable time, unclosed quote) becomes a LoadIssue {file name, "line N", problem}, N
    // being the physical line the row starts on; the rest is read. A missing column or an
    // unreadable file sets result->error and returns false, as does a cancelled read
    // (result->cancelled). Progress: phase = the file's name, rows read, total estimated from
    // the bytes read so far.
    bool read(const QString &path, CaseEntryBuilder &builder, LoadResult *result, const ProgressCallback &progress = {},
              const std::atomic_bool *cancel = nullptr);
    // The same from an open device, read until read() returns 0; `name` stands for it in issues.
    bool read(QIODevice *device, const QString &name, CaseEntryBuilder &builder, LoadResult *result,
              const ProgressCallback &progress = {}, const std::atomic_bool *cancel = nullptr);

    // Of the last read: good rows handed on, rows whose time had no zone (taken as UTC).
    qint64 rowsRead() const { return m_rowsRead; }
    qint64 zonelessTimes() const { return m_zonelessTimes; }

private:
    // The read itself; with headerOut, it stops after the header row and hands its fields there.
    bool run(QIODevice *device, const QString &name, CaseEntryBuilder *builder, LoadResult *result,
             const ProgressCallback &progress, const std::atomic_bool *cancel, QStringList *headerOut);
    bool resolveColumns(const QStringList &header, const QString &name, LoadResult &res);

    CsvColumns m_columns;
    std::array<int, 3> m_active {-1, -1, -1}; // case, state, time columns of the current read
    qsizetype m_chunkSize = 4 * 1024 * 1024;
    qsizetype m_maxRecordBytes = 1024 * 1024;
    qint64 m_rowsRead = 0;
    qint64 m_zonelessTimes = 0;
};

// Reads a CSV event log into a new store: one workflow named after the file (its base name),
// one execution per case. `columns`, when complete, overrides the header's names.
std::shared_ptr<EventStore> loadCsvSource(const QString &path, LoadResult *result,
                                          const ProgressCallback &progress = {},
                                          const std::atomic_bool *cancel = nullptr);
std::shared_ptr<EventStore> loadCsvSource(const QString &path, const CsvColumns &columns, LoadResult *result,
                                          const ProgressCallback &progress = {},
                                          const std::atomic_bool *cancel = nullptr);

} // namespace StateScope
