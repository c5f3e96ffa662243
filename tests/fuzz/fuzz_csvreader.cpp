// libFuzzer target for the CSV event-log reader (BARS R2): CsvReader on the input as a CSV file
// (as is, behind a valid header, and with an explicit column mapping), each read both in tiny
// chunks and whole, and CsvReader::readHeader. It aborts on a crash, a sanitizer report, or a
// broken invariant: a result that depends on the chunk size, a store whose counts do not match
// the rows read, an issue without its line.
//
// Build (clang; the reader, the time parser and the interner are compiled into the target with
// coverage and sanitizers, the rest of statescope_core is linked as built):
//   CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
//       -DSTATESCOPE_FUZZ=ON -DSTATESCOPE_BUILD_TESTS=ON -DSTATESCOPE_BUILD_BENCH=OFF
//   ninja -C build-fuzz -j1 fuzz_csvreader
// Run (a scratch corpus seeded from the saved one):
//   mkdir -p /tmp/csvcorpus && cp tests/fuzz/corpus/csvreader/* /tmp/csvcorpus/
//   build-fuzz/tests/fuzz/fuzz_csvreader /tmp/csvcorpus -max_total_time=600 -timeout=10 \
//       -rss_limit_mb=2048
// A crash leaves crash-<sha1> behind: fix it, then save the input in tests/fuzz/corpus/csvreader/
// under a name that says what it was.

#include "caseentrybuilder.h"
#include "csvreader.h"
#include "eventstore.h"

#include <QBuffer>

#include <cstdio>
#include <cstdlib>

using namespace StateScope;

namespace {

void check(bool condition, const char *what, const QByteArray &detail = {})
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_csvreader: %s %s\n", what, detail.constData());
    std::abort();
}

struct Outcome
{
    bool ok = false;
    QString error;
    QStringList issues;
    QStringList notes;
    qint64 rows = 0;
    size_t entries = 0;
    quint32 cases = 0;
};

Outcome readCsv(const QByteArray &bytes, qsizetype chunk, const CsvColumns &columns, bool build)
{
    QByteArray copy = bytes; // QBuffer wants a non-const array
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader;
    reader.setChunkSize(chunk);
    reader.setMaxRecordBytes(96); // small, so the too-long paths are reached too
    reader.setColumns(columns);
    CaseEntryBuilder builder;
    LoadResult result;
    Outcome o;
    o.ok = reader.read(&buffer, QStringLiteral("fuzz.csv"), builder, &result);
    o.error = result.error;
    for (const LoadIssue &issue : result.issues) {
        check(issue.table == QLatin1String("fuzz.csv") && issue.id.startsWith(QLatin1String("line "))
                  && !issue.problem.isEmpty(),
              "an issue without file, line or problem");
        o.issues << issue.id + QLatin1Char(' ') + issue.problem;
    }
    check(result.issueCount == quint64(result.issues.size()), "issues counted but not kept");
    check(o.ok == o.error.isEmpty(), "ok and error disagree");
    o.notes = result.notes;
    o.rows = reader.rowsRead();
    o.entries = builder.entryCount();
    o.cases = builder.caseCount();
    check(o.entries == size_t(o.rows), "entries differ from rows read");
    const qint64 lines = bytes.count('\n') + 1;
    check(o.rows + qint64(result.issueCount) <= lines, "more rows and issues than lines");
    if (o.ok && build) {
        const auto store = builder.build(QStringLiteral("fuzz"));
        check(store->executionCount() == o.cases, "executions differ from cases");
        check(quint64(store->transitionCount()) + o.cases == quint64(o.entries),
              "transitions differ from entries - cases");
    }
    return o;
}

void compare(const Outcome &a, const Outcome &b, const QByteArray &input)
{
    const bool same = a.ok == b.ok && a.error == b.error && a.issues == b.issues && a.notes == b.notes
        && a.rows == b.rows && a.entries == b.entries && a.cases == b.cases;
    if (same)
        return;
    std::fprintf(stderr, "whole: ok=%d rows=%lld error=%s\n  %s\ntiny: ok=%d rows=%lld error=%s\n  %s\n", a.ok,
                 qlonglong(a.rows), qPrintable(a.error), qPrintable(a.issues.join(QStringLiteral("\n  "))), b.ok,
                 qlonglong(b.rows), qPrintable(b.error), qPrintable(b.issues.join(QStringLiteral("\n  "))));
    check(false, "the result depends on the chunk size for", input.toPercentEncoding());
}

void readBothWays(const QByteArray &bytes, const CsvColumns &columns)
{
    // The chunk size comes from the input, so records straddle chunk ends everywhere.
    const qsizetype tiny = 1 + qsizetype(qHash(bytes) % 17);
    const Outcome whole = readCsv(bytes, bytes.size() + 1, columns, true);
    const Outcome chunked = readCsv(bytes, tiny, columns, false);
    compare(whole, chunked, bytes);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    readBothWays(bytes, {});
    readBothWays("case_id,state,timestamp\n" + bytes, {});
    readBothWays(bytes, CsvColumns {0, 1, 2});

    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QString error;
    const QStringList header = CsvReader::readHeader(&buffer, QStringLiteral("fuzz.csv"), &error);
    check(header.isEmpty() || error.isEmpty(), "a header and an error");
    const CsvColumns found = CsvReader::findColumns(header);
    check(found.caseColumn < int(header.size()) && found.stateColumn < int(header.size())
              && found.timeColumn < int(header.size()),
          "findColumns out of range");
    return 0;
}
