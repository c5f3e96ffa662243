// Replays the fuzz corpus (tests/fuzz/corpus/feedparser: seeds and every crasher found so far)
// through FeedParser, feedEventToJson and JsonLinesReader with the normal compiler, so the
// ASan + UBSan build of the tests (scripts/test.sh --sanitize) covers it in every CI run.

#include "feedeventjson.h"
#include "feedparser.h"
#include "jsonlinesreader.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace StateScope;

class TestFeedParserCorpus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void frame_data();
    void frame();
    void log_data();
    void log();

private:
    void addRows();
    QString m_dir;
};

void TestFeedParserCorpus::initTestCase()
{
    m_dir = QFINDTESTDATA("../fuzz/corpus/feedparser");
    QVERIFY2(!m_dir.isEmpty(), "tests/fuzz/corpus/feedparser not found");
    QVERIFY(QDir(m_dir).entryList(QDir::Files).size() >= 20);
}

void TestFeedParserCorpus::addRows()
{
    QTest::addColumn<QByteArray>("input");
    const QDir dir(m_dir);
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QTest::newRow(qPrintable(name)) << file.readAll();
    }
}

void TestFeedParserCorpus::frame_data()
{
    addRows();
}

void TestFeedParserCorpus::frame()
{
    QFETCH(QByteArray, input);
    FeedParser parser;
    FeedParser tiny({512, 6, 24});
    FeedParser again;
    for (FeedParser *p : {&parser, &tiny}) {
        std::vector<FeedEvent> events;
        const int added = p->parseFrame(input, events);
        QCOMPARE(size_t(added), events.size());
        QVERIFY(size_t(added) <= size_t(input.size()) / 8 + 1);
        if (added == 0 && p->problems().total() == 0) {
            // Only an empty array frame gives nothing and is no problem.
            const QJsonDocument doc = QJsonDocument::fromJson(input);
            QVERIFY(doc.isArray() && doc.array().isEmpty());
        }
        if (p->problems().total() > 0)
            QVERIFY(!p->lastMessage().isEmpty());
        for (const FeedEvent &event : events) {
            const QByteArray json = feedEventToJson(event);
            std::vector<FeedEvent> back;
            QVERIFY2(again.parseFrame(json, back) == 1, qPrintable(again.lastMessage()));
            const QByteArray diff = feedEventDifference(back.front(), event);
            QVERIFY2(diff.isEmpty(), QByteArray(diff + " in " + json).constData());
        }
        // The parser goes on after whatever it was given.
        QCOMPARE(p->parseFrame(R"({"type":"heartbeat","payload":{"serverTime":0}})", events), 1);
    }
}

void TestFeedParserCorpus::log_data()
{
    addRows();
}

void TestFeedParserCorpus::log()
{
    QFETCH(QByteArray, input);
    const qsizetype lines = input.count('\n') + 1;
    for (const qsizetype chunk : {qsizetype(1), qsizetype(5), qsizetype(1 << 20)}) {
        QBuffer buffer(&input);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        JsonLinesReader reader({256, 8, 64});
        reader.setChunkSize(chunk);
        LoadResult result;
        size_t events = 0;
        QVERIFY(reader.read(
            &buffer, QStringLiteral("corpus.jsonl"),
            [&events](std::vector<FeedEvent> &batch) {
                events += batch.size();
                return true;
            },
            &result));
        QVERIFY(result.error.isEmpty());
        QVERIFY(result.issueCount <= quint64(lines));
        QVERIFY(events <= size_t(input.size()));
        for (const LoadIssue &issue : result.issues)
            QVERIFY(issue.id.startsWith(QLatin1String("line ")) && !issue.problem.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestFeedParserCorpus)
#include "tst_feedparsercorpus.moc"
