// CSV event logs (SPEC 2.2): dialects, timestamps, bad rows with their physical line numbers,
// header errors, explicit column mappings, chunk boundaries, cancel.
#include "caseentrybuilder.h"
#include "csvreader.h"
#include "eventstore.h"
#include "storeloader.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace StateScope;

namespace {

constexpr TimeMs kT0 = 1767225600000LL; // 2026-01-01T00:00:00Z
const QList<qsizetype> kChunks {1, 2, 3, 7, 64, 4 * 1024 * 1024};

struct Loaded
{
    bool ok = false;
    LoadResult result;
    std::shared_ptr<EventStore> store;
    qint64 rows = 0;
};

Loaded readBytes(const QByteArray &bytes, qsizetype chunk = 4 * 1024 * 1024, CsvColumns columns = {},
                 qsizetype maxRecord = 0, const QString &name = QStringLiteral("log.csv"))
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader;
    reader.setChunkSize(chunk);
    reader.setColumns(columns);
    if (maxRecord > 0)
        reader.setMaxRecordBytes(maxRecord);
    CaseEntryBuilder builder;
    Loaded l;
    l.ok = reader.read(&buffer, name, builder, &l.result);
    l.rows = reader.rowsRead();
    if (l.ok)
        l.store = builder.build(QStringLiteral("log"));
    return l;
}

// "case: first@ms next@ms ...", ms after kT0, sorted by case.
QStringList dump(const EventStore &store)
{
    QStringList lines;
    for (ExecutionIndex e = 0; e < store.executionCount(); ++e) {
        QString line = store.executionId(e) + QStringLiteral(": ") + store.stateName(store.executionInitialState(e))
            + QLatin1Char('@') + QString::number(store.executionEntryTime(e) - kT0);
        quint32 t = store.firstTransitionOf(e);
        for (quint32 i = 0; i < store.transitionCountOf(e); ++i, t = store.nextTransition(t))
            line += QLatin1Char(' ') + store.stateName(store.transitionTo(t)) + QLatin1Char('@')
                + QString::number(store.transitionTime(t) - kT0);
        lines << line;
    }
    lines.sort();
    return lines;
}

QStringList issues(const LoadResult &result)
{
    QStringList lines;
    for (const LoadIssue &issue : result.issues)
        lines << issue.id + QStringLiteral(": ") + issue.problem;
    return lines;
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void dialects_data();
    void dialects();
    void timestamps_data();
    void timestamps();
    void unsortedRows();
    void badRows();
    void headerErrors_data();
    void headerErrors();
    void explicitColumns();
    void readHeader();
    void longRecords();
    void chunkBoundaries();
    void loadThroughStoreLoader();
    void cancel();
    void progress();
    void savedFuzzCorpus();
};

void TestCsvReader::dialects_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("expected");
    const QStringList ab {QStringLiteral("c1: a@0 b@1500")};
    const QByteArray rows = "c1,a,2026-01-01T00:00:00Z\nc1,b,2026-01-01T00:00:01.5Z\n";
    QTest::newRow("LF") << "case_id,state,timestamp\n" + rows << ab;
    QTest::newRow("CRLF") << QByteArray("case_id,state,timestamp\r\n" + rows).replace("Z\n", "Z\r\n") << ab;
    QTest::newRow("no final line end") << "case_id,state,timestamp\n" + rows.chopped(1) << ab;
    QTest::newRow("CRLF, no final line end")
        << QByteArray("case_id,state,timestamp\r\nc1,a,2026-01-01T00:00:00Z\r\nc1,b,1767225601500\r") << ab;
    QTest::newRow("blank lines") << "\n\r\ncase_id,state,timestamp\n\n" + rows + "\r\n\n" << ab;
    QTest::newRow("BOM, names in any case and order, blanks around")
        << QByteArray("\xEF\xBB\xBF Time:Timestamp ,\tConcept:Name,CASE:concept:name\n"
                      "2026-01-01T00:00:00Z,a,c1\n2026-01-01T00:00:01.500Z,b,c1\n")
        << ab;
    QTest::newRow("extra columns") << QByteArray(
        "id,Case,resource,Activity,Time,cost\n1,c1,ann,a,2026-01-01T00:00:00Z,3\n"
        "2,c1,,b,2026-01-01T00:00:01.5Z,\n")
                                   << ab;
    QTest::newRow("execution_id, to_state")
        << QByteArray("execution_id,from_state,to_state,time\nc1,,a,2026-01-01T00:00:00Z\n"
                      "c1,a,b,2026-01-01T00:00:01.5Z\n")
        << ab;
    QTest::newRow("spec order wins: state before activity, case_id before case") << QByteArray(
        "activity,case,state,case_id,timestamp\nx,y,a,c1,2026-01-01T00:00:00Z\nx,y,b,c1,2026-01-01T00:00:01.5Z\n")
                                                                                 << ab;
    QTest::newRow("quoted header and fields")
        << QByteArray("\"case_id\",\"state\",\"timestamp\"\r\n\"c1\",\"a\",\"2026-01-01T00:00:00Z\"\r\n"
                      "c1,\"b\",\"2026-01-01T00:00:01.5Z\"\r\n")
        << ab;
    QTest::newRow("commas and doubled quotes in quotes") << QByteArray(
        "case_id,state,timestamp\n\"c,1\",\"say \"\"hi\"\"\",2026-01-01T00:00:00Z\n\"c,1\",\"\"\"\",1767225602000\n")
                                                         << QStringList {QStringLiteral("c,1: say \"hi\"@0 \"@2000")};
    QTest::newRow("line breaks in quotes") << QByteArray(
        "case_id,state,timestamp\r\nc1,\"two\nlines\",2026-01-01T00:00:00Z\r\nc1,\"crlf\r\ninside\",1767225601000\r\n")
                                           << QStringList {QStringLiteral("c1: two\nlines@0 crlf\r\ninside@1000")};
    QTest::newRow("quotes inside unquoted text are text")
        << QByteArray("case_id,state,timestamp\nc1,say \"hi\",2026-01-01T00:00:00Z\n")
        << QStringList {QStringLiteral("c1: say \"hi\"@0")};
    QTest::newRow("text after a closing quote is kept")
        << QByteArray("case_id,state,timestamp\nc1,\"a\"b,2026-01-01T00:00:00Z\n")
        << QStringList {QStringLiteral("c1: ab@0")};
    QTest::newRow("UTF-8 names") << QByteArray("case_id,state,timestamp\nc1,Gepr\xC3\xBC"
                                               "ft,2026-01-01T00:00:00Z\n")
                                 << QStringList {QStringLiteral("c1: Gepr\u00FCft@0")};
}

void TestCsvReader::dialects()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, expected);
    for (const qsizetype chunk : kChunks) {
        const Loaded l = readBytes(csv, chunk);
        QVERIFY2(l.ok, qPrintable(l.result.error));
        QCOMPARE(issues(l.result), QStringList());
        QCOMPARE(dump(*l.store), expected);
    }
}

void TestCsvReader::timestamps_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("ms"); // after kT0
    QTest::addColumn<bool>("zoned");
    QTest::newRow("RFC 3339 Z") << QByteArray("2026-01-01T00:00:00Z") << 0LL << true;
    QTest::newRow("canonical") << QByteArray("2026-01-01T00:00:01.234Z") << 1234LL << true;
    QTest::newRow("canonical, leap second") << QByteArray("2025-12-31T23:59:60.500Z") << -1LL << true;
    QTest::newRow("canonical, 29 February") << QByteArray("2028-02-29T00:00:00.000Z") << 68169600000LL << true;
    QTest::newRow("lower case t and z") << QByteArray("2026-01-01t00:00:01z") << 1000LL << true;
    QTest::newRow("one fraction digit") << QByteArray("2026-01-01T00:00:00.1Z") << 100LL << true;
    QTest::newRow("nine fraction digits") << QByteArray("2026-01-01T00:00:00.123456789Z") << 123LL << true;
    QTest::newRow("offset +02:00") << QByteArray("2026-01-01T02:00:00.250+02:00") << 250LL << true;
    QTest::newRow("offset -0130") << QByteArray("2025-12-31T22:30:00-0130") << 0LL << true;
    QTest::newRow("offset +01") << QByteArray("2026-01-01T01:00:00+01") << 0LL << true;
    QTest::newRow("space, no zone") << QByteArray("2026-01-01 00:00:02") << 2000LL << false;
    QTest::newRow("space, fraction, no zone") << QByteArray("2026-01-01 00:00:02.5") << 2500LL << false;
    QTest::newRow("no seconds, no zone") << QByteArray("2026-01-01T00:01") << 60000LL << false;
    QTest::newRow("epoch ms") << QByteArray("1767225600042") << 42LL << true;
    QTest::newRow("blanks around") << QByteArray("  2026-01-01T00:00:03Z ") << 3000LL << true;
    QTest::newRow("quoted, comma fraction") << QByteArray("\"2026-01-01 00:00:00,5 UTC\"") << 500LL << true;
}

void TestCsvReader::timestamps()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, ms);
    QFETCH(bool, zoned);
    const Loaded l = readBytes("case,state,time\nc1,s," + text + "\n");
    QVERIFY2(l.ok, qPrintable(l.result.error));
    QCOMPARE(issues(l.result), QStringList());
    QCOMPARE(dump(*l.store), QStringList {QStringLiteral("c1: s@%1").arg(ms)});
    const QStringList note {QStringLiteral("log.csv: 1 of the timestamps had no time zone and were read as UTC")};
    QCOMPARE(l.result.notes, zoned ? QStringList() : note);
}

void TestCsvReader::unsortedRows()
{
    // Cases interleaved, out of time order; equal times keep the file's order.
    const QByteArray csv = "case_id,state,timestamp\n"
                           "c2,packed,2026-01-01T00:00:05Z\n"
                           "c1,shipped,2026-01-01T00:00:09Z\n"
                           "c2,received,2026-01-01T00:00:01Z\n"
                           "c1,received,2026-01-01T00:00:02Z\n"
                           "c3,received,2026-01-01T00:00:03Z\n"
                           "c1,packed,2026-01-01T00:00:04Z\n"
                           "c3,held,2026-01-01T00:00:03Z\n";
    const Loaded l = readBytes(csv);
    QVERIFY(l.ok);
    QCOMPARE(l.rows, 7);
    QCOMPARE(
        dump(*l.store),
        (QStringList {QStringLiteral("c1: received@2000 packed@4000 shipped@9000"),
                      QStringLiteral("c2: received@1000 packed@5000"), QStringLiteral("c3: received@3000 held@3000")}));
    QCOMPARE(l.store->transitionCount(), quint32(4));
}

void TestCsvReader::badRows()
{
    const QByteArray csv = "case_id,state,timestamp\n" // 1
                           "c1,a,2026-01-01T00:00:00Z\n" // 2
                           "c1,b\n" // 3
                           "c2,\"x\n" // 4
                           "y\",2026-01-01T00:00:01Z\n" // 5
                           ",a,2026-01-01T00:00:00Z\n" // 6
                           "c3,,2026-01-01T00:00:00Z\n" // 7
                           "c3,a,yesterday\r\n" // 8
                           "c3,a,\n" // 9
                           "c3,a,2026-01-01T00:00:00Z,extra\n" // 10
                           "\"c4\",\"multi\n" // 11
                           "line\r\n" // 12
                           "state\",not a time\n" // 13
                           "c5,b,2026-02-29T00:00:00.000Z\n" // 14
                           "c1,c,2026-01-01T00:00:02Z\n" // 15
                           "   \n" // 16
                           "c6,\"unclosed,2026-01-01T00:00:00Z\n" // 17
                           "c7,a,2026-01-01T00:00:03Z\n"; // 18, read again after the unclosed quote
    const QStringList expectedIssues {
        QStringLiteral("line 3: 2 fields where the header has 3"),
        QStringLiteral("line 6: empty case id"),
        QStringLiteral("line 7: empty state"),
        QStringLiteral("line 8: unreadable timestamp \"yesterday\""),
        QStringLiteral("line 9: empty timestamp"),
        QStringLiteral("line 10: 4 fields where the header has 3"),
        QStringLiteral("line 11: unreadable timestamp \"not a time\""),
        QStringLiteral("line 14: unreadable timestamp \"2026-02-29T00:00:00.000Z\""),
        QStringLiteral("line 16: 1 field where the header has 3"),
        QStringLiteral("line 17: unclosed quote"),
    };
    for (const qsizetype chunk : kChunks) {
        const Loaded l = readBytes(csv, chunk);
        QVERIFY2(l.ok, qPrintable(l.result.error));
        QCOMPARE(issues(l.result), expectedIssues);
        QCOMPARE(l.result.issueCount, quint64(expectedIssues.size()));
        QCOMPARE(l.result.issues.front().table, QStringLiteral("log.csv"));
        QCOMPARE(dump(*l.store),
                 (QStringList {QStringLiteral("c1: a@0 c@2000"), QStringLiteral("c2: x\ny@1000"),
                               QStringLiteral("c7: a@3000")}));
        QCOMPARE(l.rows, 4);
    }
}

void TestCsvReader::headerErrors_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("error");
    QTest::newRow("no timestamp column") << QByteArray("case_id,state,when\nc1,a,x\n")
                                         << QStringLiteral("orders.csv: no timestamp column (expected timestamp, time "
                                                           "or time:timestamp; found: case_id, state, when)");
    QTest::newRow("nothing known")
        << QByteArray("\xEF\xBB\xBFid,step,when\r\n")
        << QStringLiteral("orders.csv: no case id column (expected case_id, case, case:concept:name or execution_id), "
                          "no state column (expected state, activity, concept:name or to_state), "
                          "no timestamp column (expected timestamp, time or time:timestamp; found: id, step, when)");
    QTest::newRow("near misses")
        << QByteArray("caseid,state,time_stamp\n")
        << QStringLiteral(
               "orders.csv: no case id column (expected case_id, case, case:concept:name or execution_id), "
               "no timestamp column (expected timestamp, time or time:timestamp; found: caseid, state, time_stamp)");
    const QString empty = QStringLiteral(
        "orders.csv: empty file (expected a header row naming the case id, state and timestamp columns)");
    QTest::newRow("empty file") << QByteArray() << empty;
    QTest::newRow("blank lines only") << QByteArray("\n\r\n\n") << empty;
    QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << empty;
    QTest::newRow("unclosed quote in the header")
        << QByteArray("\"case_id,state,timestamp\nc1,a,2026-01-01T00:00:00Z\n")
        << QStringLiteral("orders.csv: unclosed quote in the header row");
}

void TestCsvReader::headerErrors()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, error);
    for (const qsizetype chunk : {qsizetype(1), qsizetype(4 * 1024 * 1024)}) {
        const Loaded l = readBytes(csv, chunk, {}, 0, QStringLiteral("orders.csv"));
        QVERIFY(!l.ok);
        QCOMPARE(l.result.error, error);
        QCOMPARE(l.rows, 0);
    }
}

void TestCsvReader::explicitColumns()
{
    const QByteArray csv = "id,step,when,note\nc1,a,2026-01-01T00:00:00Z,x\nc1,b,2026-01-01T00:00:01Z,y\n";
    const Loaded mapped = readBytes(csv, 5, CsvColumns {0, 1, 2});
    QVERIFY2(mapped.ok, qPrintable(mapped.result.error));
    QCOMPARE(dump(*mapped.store), QStringList {QStringLiteral("c1: a@0 b@1000")});

    // A mapping overrides the names; roles it leaves at -1 still come from the header.
    const QByteArray named = "case,state,when,timestamp\nc1,a,2026-01-01T00:00:00Z,junk\n";
    const Loaded partial = readBytes(named, 4 * 1024 * 1024, CsvColumns {-1, -1, 2});
    QVERIFY2(partial.ok, qPrintable(partial.result.error));
    QCOMPARE(dump(*partial.store), QStringList {QStringLiteral("c1: a@0")});
    const Loaded byName = readBytes(named);
    QVERIFY(byName.ok);
    QCOMPARE(issues(byName.result), QStringList {QStringLiteral("line 2: unreadable timestamp \"junk\"")});

    // One column in two roles (a dialog allows it): quoted or not, both get its text.
    const Loaded twice
        = readBytes("id,when\n\"c,1\",2026-01-01T00:00:00Z\nc2,2026-01-01T00:00:00Z\n", 3, CsvColumns {0, 0, 1});
    QVERIFY2(twice.ok, qPrintable(twice.result.error));
    QCOMPARE(dump(*twice.store), (QStringList {QStringLiteral("c,1: c,1@0"), QStringLiteral("c2: c2@0")}));

    const Loaded outOfRange = readBytes(csv, 64, CsvColumns {0, 1, 4}, 0, QStringLiteral("orders.csv"));
    QVERIFY(!outOfRange.ok);
    QCOMPARE(outOfRange.result.error,
             QStringLiteral("orders.csv: the timestamp column is number 5, but the header has 4 fields"));

    QCOMPARE(CsvReader::findColumns(
                 {QStringLiteral(" Case "), QStringLiteral("x"), QStringLiteral("TIME"), QStringLiteral("Activity")}),
             (CsvColumns {0, 3, 2}));
    QCOMPARE(CsvReader::findColumns({QStringLiteral("a")}), (CsvColumns {-1, -1, -1}));
}

void TestCsvReader::readHeader()
{
    QByteArray bytes("\xEF\xBB\xBF\n\"Case ID\" ,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",\r\nc1,a,b,c,d\n");
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QString error;
    QCOMPARE(CsvReader::readHeader(&buffer, QStringLiteral("x.csv"), &error),
             (QStringList {QStringLiteral("Case ID"), QStringLiteral("a,b"), QStringLiteral("say \"x\""),
                           QStringLiteral("two\nlines"), QString()}));
    QVERIFY(error.isEmpty());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("orders.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("id,step,when\nc1,a,1\n");
    file.close();
    QCOMPARE(CsvReader::readHeader(path, &error),
             (QStringList {QStringLiteral("id"), QStringLiteral("step"), QStringLiteral("when")}));
    QVERIFY(error.isEmpty());
    QCOMPARE(CsvReader::findColumns(CsvReader::readHeader(path)), (CsvColumns {-1, -1, -1}));

    QVERIFY(CsvReader::readHeader(dir.filePath(QStringLiteral("missing.csv")), &error).isEmpty());
    QVERIFY2(error.startsWith(dir.filePath(QStringLiteral("missing.csv")) + QStringLiteral(": ")), qPrintable(error));
    QByteArray none;
    QBuffer empty(&none);
    empty.open(QIODevice::ReadOnly);
    QVERIFY(CsvReader::readHeader(&empty, QStringLiteral("e.csv"), &error).isEmpty());
    QVERIFY(error.startsWith(QLatin1String("e.csv: empty file")));
}

void TestCsvReader::longRecords()
{
    // Over the limit: an unquoted line is skipped; an unclosed quote is reported where it starts
    // and reading goes on at the next line.
    QByteArray csv = "case_id,state,timestamp\n";
    csv += "c1,a,2026-01-01T00:00:00Z\n"; // 2
    csv += "c1," + QByteArray(100, 'x') + ",2026-01-01T00:00:01Z\n"; // 3
    csv += "c1,\"oops,2026-01-01T00:00:01Z\n"; // 4
    for (int i = 0; i < 8; ++i) // 5..12
        csv += "c2,s" + QByteArray::number(i) + ",2026-01-01T00:00:0" + QByteArray::number(i) + "Z\n";
    for (const qsizetype chunk : kChunks) {
        const Loaded l = readBytes(csv, chunk, {}, 64);
        QVERIFY2(l.ok, qPrintable(l.result.error));
        QCOMPARE(issues(l.result),
                 (QStringList {QStringLiteral("line 3: a record of more than 64 bytes (an unclosed quote?)"),
                               QStringLiteral("line 4: a record of more than 64 bytes (an unclosed quote?)")}));
        QCOMPARE(l.rows, 9);
        QCOMPARE(l.store->executionCount(), quint32(2));
    }
}

void TestCsvReader::chunkBoundaries()
{
    // A generated log with every dialect feature, read whole and in chunks of 1 to 40 bytes.
    QRandomGenerator random(42);
    QByteArray csv = "\xEF\xBB\xBFnote,Case_ID,Timestamp,State\r\n";
    QStringList expectedStates;
    for (int row = 0; row < 400; ++row) {
        const int kind = random.bounded(5);
        QByteArray state = "s" + QByteArray::number(row % 7);
        if (kind == 0)
            state = "\"s,\"\"" + QByteArray::number(row % 7) + "\"\"\""; // s,"N"
        else if (kind == 1)
            state = "\"line\nbreak\"";
        const QByteArray time = row % 2 ? QByteArray::number(kT0 + row * 10) : "2026-01-01T00:00:00Z";
        csv += (kind == 2 ? "\"\"" : "n") + QByteArray(",c") + QByteArray::number(row % 13) + ',' + time + ',' + state
            + (row % 3 ? "\r\n" : "\n");
    }
    const Loaded whole = readBytes(csv);
    QVERIFY(whole.ok);
    QCOMPARE(whole.rows, 400);
    QCOMPARE(issues(whole.result), QStringList());
    QCOMPARE(whole.store->executionCount(), quint32(13));
    const QStringList reference = dump(*whole.store);
    QVERIFY(reference.join(QLatin1Char('\n')).contains(QLatin1String("s,\"3\"")));
    for (qsizetype chunk = 1; chunk <= 40; ++chunk) {
        const Loaded l = readBytes(csv, chunk);
        QVERIFY(l.ok);
        QCOMPARE(l.rows, 400);
        QCOMPARE(dump(*l.store), reference);
    }
}

void TestCsvReader::loadThroughStoreLoader()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("orders.2026.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("case_id,state,timestamp\nc1,a,2026-01-01 00:00:00\nc1,b,2026-01-01 00:00:01\nc2,a,x\n");
    file.close();
    LoadResult result;
    const auto store = loadSource(path, &result);
    QVERIFY2(store, qPrintable(result.error));
    QCOMPARE(store->workflows().size(), size_t(1));
    QCOMPARE(store->workflows().front().name, QStringLiteral("orders.2026"));
    QCOMPARE(dump(*store), QStringList {QStringLiteral("c1: a@0 b@1000")});
    QCOMPARE(result.executionsRead, quint64(1));
    QCOMPARE(result.transitionsRead, quint64(1));
    QCOMPARE(issues(result), QStringList {QStringLiteral("line 4: unreadable timestamp \"x\"")});
    QCOMPARE(result.issues.front().table, QStringLiteral("orders.2026.csv"));
    QCOMPARE(
        result.notes,
        QStringList {QStringLiteral("orders.2026.csv: 2 of the timestamps had no time zone and were read as UTC")});

    LoadResult missing;
    QVERIFY(!loadSource(dir.filePath(QStringLiteral("none.csv")), &missing));
    QVERIFY2(missing.error.startsWith(dir.filePath(QStringLiteral("none.csv"))), qPrintable(missing.error));

    QFile bad(dir.filePath(QStringLiteral("bad.csv")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("id,step,when\n");
    bad.close();
    LoadResult header;
    QVERIFY(!loadCsvSource(bad.fileName(), &header));
    QVERIFY2(header.error.startsWith(QLatin1String("bad.csv: no case id column")), qPrintable(header.error));
    LoadResult mapped;
    const auto viaMapping = loadCsvSource(bad.fileName(), CsvColumns {0, 1, 2}, &mapped);
    QVERIFY2(viaMapping, qPrintable(mapped.error));
    QCOMPARE(viaMapping->executionCount(), quint32(0));
}

void TestCsvReader::cancel()
{
    QByteArray csv = "case,state,time\n";
    for (int i = 0; i < 1000; ++i)
        csv += "c" + QByteArray::number(i % 10) + ",s,2026-01-01T00:00:00Z\n";
    std::atomic_bool flag {true};
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader;
    reader.setChunkSize(1024);
    CaseEntryBuilder builder;
    LoadResult result;
    QVERIFY(!reader.read(&buffer, QStringLiteral("x.csv"), builder, &result, {}, &flag));
    QVERIFY(result.cancelled);
    QVERIFY(!result.ok());

    // Cancelled part way through: the reader stops at the next chunk.
    flag = false;
    buffer.seek(0);
    LoadResult partial;
    CaseEntryBuilder partialBuilder;
    int calls = 0;
    const auto progress = [&](const LoadProgress &) {
        if (++calls == 3)
            flag = true;
    };
    QVERIFY(!reader.read(&buffer, QStringLiteral("x.csv"), partialBuilder, &partial, progress, &flag));
    QVERIFY(partial.cancelled);
    QVERIFY(reader.rowsRead() > 0 && reader.rowsRead() < 1000);
    QCOMPARE(qint64(partialBuilder.entryCount()), reader.rowsRead());
}

void TestCsvReader::progress()
{
    QByteArray csv = "case,state,time\n";
    for (int i = 0; i < 1000; ++i)
        csv += "c" + QByteArray::number(i % 10) + ",s,2026-01-01T00:00:00Z\n";
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader;
    reader.setChunkSize(4096);
    CaseEntryBuilder builder;
    LoadResult result;
    std::vector<LoadProgress> seen;
    QVERIFY(reader.read(&buffer, QStringLiteral("x.csv"), builder, &result,
                        [&seen](const LoadProgress &p) { seen.push_back(p); }));
    QVERIFY(seen.size() >= 8);
    for (size_t i = 1; i < seen.size(); ++i)
        QVERIFY(seen[i].done >= seen[i - 1].done);
    QCOMPARE(seen.front().phase, QStringLiteral("x.csv"));
    QVERIFY(seen[seen.size() / 2].total > 900 && seen[seen.size() / 2].total < 1100); // estimated from bytes
    QCOMPARE(seen.back().done, 1000);
    QCOMPARE(seen.back().total, 1000);
}

// The fuzz target's seeds and every crasher saved since (tests/fuzz/corpus/csvreader), replayed
// in each CI run (under ASan + UBSan in the sanitizer build): no crash, and the same outcome in
// 1-byte chunks as whole.
void TestCsvReader::savedFuzzCorpus()
{
    const QString dir = QFINDTESTDATA("../fuzz/corpus/csvreader");
    QVERIFY2(!dir.isEmpty(), "tests/fuzz/corpus/csvreader not found");
    const QFileInfoList files = QDir(dir).entryInfoList(QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 5);
    int loaded = 0;
    for (const QFileInfo &info : files) {
        QFile file(info.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const Loaded whole = readBytes(bytes);
        const Loaded tiny = readBytes(bytes, 1);
        QVERIFY2(whole.ok == tiny.ok && whole.result.error == tiny.result.error, qPrintable(info.fileName()));
        QVERIFY2(issues(whole.result) == issues(tiny.result), qPrintable(info.fileName()));
        if (whole.ok) {
            QVERIFY2(dump(*whole.store) == dump(*tiny.store), qPrintable(info.fileName()));
            loaded += whole.rows > 0 ? 1 : 0;
        }
        QCOMPARE(whole.ok, !info.fileName().startsWith(QLatin1String("bad_header")));
    }
    QVERIFY(loaded >= 4);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
