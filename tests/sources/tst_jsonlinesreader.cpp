#include "feedeventjson.h"
#include "jsonlinesreader.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace StateScope;

namespace {

constexpr TimeMs kT0 = 1767225600000LL; // 2026-01-01T00:00:00Z

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray transitionLine(quint64 seq)
{
    FeedEvent e;
    e.type = FeedEventType::Transition;
    e.hasSeq = true;
    e.seq = seq;
    e.workflowId = "wf-1";
    e.executionId = "ex-" + QByteArray::number(seq % 97);
    e.fromState = "S" + QByteArray::number(seq % 13);
    e.toState = "S" + QByteArray::number((seq + 1) % 13);
    e.time = kT0 + TimeMs(seq);
    return feedEventToJson(e);
}

struct Collected
{
    std::vector<FeedEvent> events;
    std::vector<size_t> batchSizes;
    LoadResult result;
    bool ok = false;
};

Collected readBytes(const QByteArray &bytes, qsizetype chunkSize = 4 * 1024 * 1024, FeedLimits limits = {})
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    JsonLinesReader reader(limits);
    reader.setChunkSize(chunkSize);
    Collected c;
    c.ok = reader.read(
        &buffer, QStringLiteral("log.jsonl"),
        [&c](std::vector<FeedEvent> &batch) {
            c.batchSizes.push_back(batch.size());
            for (FeedEvent &e : batch)
                c.events.push_back(std::move(e));
            return true;
        },
        &c.result);
    return c;
}

QStringList issueLines(const LoadResult &result)
{
    QStringList lines;
    for (const LoadIssue &issue : result.issues)
        lines << issue.id + QLatin1Char(' ') + issue.problem.section(QLatin1Char(':'), 0, 0);
    return lines;
}

} // namespace

class TestJsonLinesReader : public QObject
{
    Q_OBJECT

private slots:
    void mixedFile_data();
    void mixedFile();
    void fromPath();
    void emptyAndBlank();
    void batches();
    void consumerStops();
    void missingFile();
    void cancel();
    void tooLongLines_data();
    void tooLongLines();
    void byteOrderMark();
    void progress();
};

void TestJsonLinesReader::mixedFile_data()
{
    QTest::addColumn<QByteArray>("ending");
    QTest::addColumn<qsizetype>("chunkSize");
    for (const qsizetype chunk : {qsizetype(1), qsizetype(7), qsizetype(64), qsizetype(4 * 1024 * 1024)}) {
        QTest::addRow("LF, chunk %lld", qlonglong(chunk)) << QByteArray("\n") << chunk;
        QTest::addRow("CRLF, chunk %lld", qlonglong(chunk)) << QByteArray("\r\n") << chunk;
    }
}

void TestJsonLinesReader::mixedFile()
{
    QFETCH(QByteArray, ending);
    QFETCH(qsizetype, chunkSize);
    QByteArray bytes = readFile(QFINDTESTDATA("../data/feed/mixed.jsonl"));
    QVERIFY(!bytes.isEmpty());
    QVERIFY(!bytes.endsWith('\n')); // the last line has no end
    bytes.replace("\n", ending);

    const Collected c = readBytes(bytes, chunkSize);
    QVERIFY(c.ok);
    QVERIFY(c.result.error.isEmpty());
    QCOMPARE(c.events.size(), size_t(4));
    QCOMPARE(int(c.events[0].type), int(FeedEventType::Hello));
    QCOMPARE(c.events[1].seq, quint64(1));
    QCOMPARE(c.events[1].toState, QByteArray("Review"));
    QCOMPARE(c.events[2].seq, quint64(4));
    QCOMPARE(c.events[2].time, kT0 + 3000);
    QCOMPARE(int(c.events[3].type), int(FeedEventType::ExecutionCompleted));
    QCOMPARE(c.events[3].time, kT0 + 5000);
    QCOMPARE(issueLines(c.result),
             QStringList({QStringLiteral("line 4 malformed_json"), QStringLiteral("line 5 unknown_type"),
                          QStringLiteral("line 6 missing_field")}));
    QCOMPARE(c.result.issueCount, quint64(3));
    QCOMPARE(c.result.issues[0].table, QStringLiteral("log.jsonl"));
    QVERIFY(c.result.issues[2].problem.contains(QLatin1String("element 1")));
    QCOMPARE(c.result.transitionsRead, quint64(2));
}

void TestJsonLinesReader::fromPath()
{
    const QString path = QFINDTESTDATA("../data/feed/mixed.jsonl");
    JsonLinesReader reader;
    LoadResult result;
    int events = 0;
    const auto count = [&events](std::vector<FeedEvent> &batch) {
        events += int(batch.size());
        return true;
    };
    QVERIFY(reader.read(path, count, &result));
    QCOMPARE(events, 4);
    QCOMPARE(result.issueCount, quint64(3));
    QCOMPARE(result.issues[0].table, QStringLiteral("mixed.jsonl"));
    QCOMPARE(result.issues[0].id, QStringLiteral("line 4"));
}

void TestJsonLinesReader::emptyAndBlank()
{
    for (const QByteArray &bytes :
         {QByteArray(), QByteArray("\n"), QByteArray("\r\n\r\n  \n\t\n"), QByteArray("   ")}) {
        const Collected c = readBytes(bytes, 3);
        QVERIFY(c.ok);
        QVERIFY(c.events.empty());
        QVERIFY(c.batchSizes.empty());
        QCOMPARE(c.result.issueCount, quint64(0));
    }
}

void TestJsonLinesReader::batches()
{
    QByteArray bytes;
    for (quint64 seq = 1; seq <= 10000; ++seq)
        bytes += transitionLine(seq) + '\n';
    for (const qsizetype chunk : {qsizetype(1000), qsizetype(4 * 1024 * 1024)}) {
        const Collected c = readBytes(bytes, chunk);
        QVERIFY(c.ok);
        // Full batches of kBatchSize, then the rest.
        std::vector<size_t> expected(10000 / JsonLinesReader::kBatchSize, JsonLinesReader::kBatchSize);
        if (10000 % JsonLinesReader::kBatchSize != 0)
            expected.push_back(10000 % JsonLinesReader::kBatchSize);
        QCOMPARE(c.batchSizes, expected);
        QCOMPARE(c.events.size(), size_t(10000));
        for (size_t i = 0; i < c.events.size(); ++i) {
            QCOMPARE(c.events[i].seq, quint64(i) + 1);
            QCOMPARE(c.events[i].time, kT0 + TimeMs(i) + 1);
        }
        QCOMPARE(c.result.transitionsRead, quint64(10000));
        QCOMPARE(c.result.issueCount, quint64(0));
    }
}

void TestJsonLinesReader::consumerStops()
{
    QByteArray bytes;
    for (quint64 seq = 1; seq <= 10000; ++seq)
        bytes += transitionLine(seq) + '\n';
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    JsonLinesReader reader;
    LoadResult result;
    size_t received = 0;
    QVERIFY(reader.read(
        &buffer, QStringLiteral("x"),
        [&received](std::vector<FeedEvent> &batch) {
            received += batch.size();
            return false;
        },
        &result));
    QCOMPARE(received, JsonLinesReader::kBatchSize);
    QVERIFY(result.ok());
}

void TestJsonLinesReader::missingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("absent.jsonl"));
    JsonLinesReader reader;
    LoadResult result;
    bool called = false;
    QVERIFY(!reader.read(
        path, [&called](std::vector<FeedEvent> &) { return called = true; }, &result));
    QVERIFY(!called);
    QVERIFY2(result.error.startsWith(path + QStringLiteral(": ")), qPrintable(result.error));
    QVERIFY(result.error.size() > path.size() + 2);
    QVERIFY(!result.ok());
    // A directory is not a log either.
    LoadResult dirResult;
    QVERIFY(!reader.read(
        dir.path(), [](std::vector<FeedEvent> &) { return true; }, &dirResult));
    QVERIFY2(dirResult.error.startsWith(dir.path() + QStringLiteral(": ")), qPrintable(dirResult.error));
}

void TestJsonLinesReader::cancel()
{
    QByteArray bytes;
    for (quint64 seq = 1; seq <= 20000; ++seq)
        bytes += transitionLine(seq) + '\n';
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    JsonLinesReader reader;
    LoadResult result;
    std::atomic_bool stop = false;
    size_t received = 0;
    QVERIFY(!reader.read(
        &buffer, QStringLiteral("x"),
        [&](std::vector<FeedEvent> &batch) {
            received += batch.size();
            stop = true; // as the user's Cancel button would, from another thread
            return true;
        },
        &result, {}, &stop));
    QVERIFY(result.cancelled);
    QVERIFY(!result.ok());
    QCOMPARE(received, JsonLinesReader::kBatchSize);

    // Cancelled before it starts: nothing is read.
    buffer.seek(0);
    LoadResult early;
    received = 0;
    QVERIFY(!reader.read(
        &buffer, QStringLiteral("x"),
        [&](std::vector<FeedEvent> &batch) {
            received += batch.size();
            return true;
        },
        &early, {}, &stop));
    QVERIFY(early.cancelled);
    QCOMPARE(received, size_t(0));
}

void TestJsonLinesReader::tooLongLines_data()
{
    QTest::addColumn<qsizetype>("chunkSize");
    QTest::addColumn<QByteArray>("ending");
    for (const qsizetype chunk : {qsizetype(1), qsizetype(16), qsizetype(150), qsizetype(1 << 20)}) {
        QTest::addRow("chunk %lld LF", qlonglong(chunk)) << chunk << QByteArray("\n");
        QTest::addRow("chunk %lld CRLF", qlonglong(chunk)) << chunk << QByteArray("\r\n");
    }
}

void TestJsonLinesReader::tooLongLines()
{
    QFETCH(qsizetype, chunkSize);
    QFETCH(QByteArray, ending);
    const QByteArray good = transitionLine(1);
    const qsizetype limit = 300;
    QVERIFY(good.size() < limit - 10);
    const QByteArray atLimit = good.left(good.size() - 1) + QByteArray(limit - good.size(), ' ') + '}';
    QCOMPARE(atLimit.size(), limit);
    const QByteArray overLimit = good + QByteArray(limit + 1 - good.size(), ' ');
    const QByteArray huge = good.left(good.size() - 1) + ",\"pad\":\"" + QByteArray(5000, 'x') + "\"}";
    const QByteArray bytes
        = good + ending + atLimit + ending + overLimit + ending + huge + ending + good + ending + huge;

    const Collected c = readBytes(bytes, chunkSize, {limit, 64, 1 << 20});
    QVERIFY(c.ok);
    QCOMPARE(c.events.size(), size_t(3));
    QCOMPARE(issueLines(c.result),
             QStringList({QStringLiteral("line 3 frame_too_large"), QStringLiteral("line 4 frame_too_large"),
                          QStringLiteral("line 6 frame_too_large")}));
}

void TestJsonLinesReader::byteOrderMark()
{
    const Collected c = readBytes("\xEF\xBB\xBF" + transitionLine(1) + "\n\xEF\xBB\xBF" + transitionLine(2));
    QCOMPARE(c.events.size(), size_t(1)); // only where a file starts
    QCOMPARE(issueLines(c.result), QStringList {QStringLiteral("line 2 malformed_json")});
}

void TestJsonLinesReader::progress()
{
    QByteArray bytes;
    for (quint64 seq = 1; seq <= 5000; ++seq)
        bytes += transitionLine(seq) + '\n';
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    JsonLinesReader reader;
    reader.setChunkSize(64 * 1024);
    LoadResult result;
    std::vector<LoadProgress> reports;
    QVERIFY(reader.read(
        &buffer, QStringLiteral("x"), [](std::vector<FeedEvent> &) { return true; }, &result,
        [&reports](const LoadProgress &p) { reports.push_back(p); }));
    QVERIFY(reports.size() > 5);
    QCOMPARE(reports.back().done, qint64(5000));
    QCOMPARE(reports.back().total, qint64(5000));
    for (size_t i = 1; i < reports.size(); ++i)
        QVERIFY(reports[i].done >= reports[i - 1].done);
}

QTEST_GUILESS_MAIN(TestJsonLinesReader)
#include "tst_jsonlinesreader.moc"
