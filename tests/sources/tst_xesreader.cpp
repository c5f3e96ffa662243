// XES event logs (SPEC 2.3), plain and gzip: traces become executions, counted events entries
// into states; bad events are reported and skipped, broken XML or gzip fails with file and line.
#include "caseentrybuilder.h"
#include "eventstore.h"
#include "gzipdevice.h"
#include "storeloader.h"
#include "xesreader.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace StateScope;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// One gzip member, as gzip(1) writes it.
QByteArray gzip(const QByteArray &data)
{
    z_stream z {};
    if (deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&z, uLong(data.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return rc == Z_STREAM_END ? out : QByteArray();
}

QByteArray xesLog(const QByteArray &body, const QByteArray &header = {})
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<log xes.version=\"1849-2016\" xes.features=\"nested-attributes\" xmlns=\"http://www.xes-standard.org/\">\n"
        + header + body + "</log>\n";
}

QByteArray xesEvent(const QByteArray &state, const QByteArray &time, const QByteArray &lifecycle = {})
{
    QByteArray e = "<event>";
    if (!state.isNull())
        e += "<string key=\"concept:name\" value=\"" + state + "\"/>";
    if (!lifecycle.isNull())
        e += "<string key=\"lifecycle:transition\" value=\"" + lifecycle + "\"/>";
    if (!time.isNull())
        e += "<date key=\"time:timestamp\" value=\"" + time + "\"/>";
    return e + "</event>\n";
}

QByteArray trace(const QByteArray &id, const QByteArray &events)
{
    return "<trace><string key=\"concept:name\" value=\"" + id + "\"/>\n" + events + "</trace>\n";
}

struct Loaded
{
    std::shared_ptr<EventStore> store;
    LoadResult result;
    bool ok = false;
    QString logName;
    quint64 lifecycleSkipped = 0;
};

Loaded readBytes(const QByteArray &bytes, const std::atomic_bool *cancel = nullptr,
                 const ProgressCallback &progress = {})
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CaseEntryBuilder builder;
    XesReader reader;
    Loaded l;
    l.ok = reader.read(&buffer, QStringLiteral("log.xes"), &builder, &l.result, progress, cancel);
    l.logName = reader.logName();
    l.lifecycleSkipped = reader.lifecycleSkipped();
    l.store = builder.build(QStringLiteral("wf"));
    return l;
}

// "a@t1 > b@t2 > ..." for one execution: its first state, then where each transition went.
QString path(const EventStore &store, QByteArrayView caseId, bool withTimes = false)
{
    const ExecutionIndex e = store.findExecution(caseId);
    if (e == kNoIndex)
        return QStringLiteral("(none)");
    QString text = store.stateName(store.executionInitialState(e));
    if (withTimes)
        text += QLatin1Char('@') + TimeUtil::formatUtcString(store.executionEntryTime(e));
    for (quint32 t = store.firstTransitionOf(e); t != kNoIndex; t = store.nextTransition(t)) {
        text += QStringLiteral(" > ") + store.stateName(store.transitionTo(t));
        if (withTimes)
            text += QLatin1Char('@') + TimeUtil::formatUtcString(store.transitionTime(t));
    }
    return text;
}

QStringList issueTexts(const LoadResult &result)
{
    QStringList lines;
    for (const LoadIssue &issue : result.issues)
        lines << issue.toString();
    return lines;
}

} // namespace

class TestXesReader : public QObject
{
    Q_OBJECT

private slots:
    void everyEventWithoutLifecycle();
    void onlyCompleteEventsCount();
    void globalLifecycleDefault();
    void headerAndNestedAttributesSkipped();
    void unsortedEventsWithinTrace();
    void badEventsAndTracesAreReported();
    void brokenXmlFails_data();
    void brokenXmlFails();
    void promLogFromFile();
    void pm4pyLogWithZonesAndUnicode();
    void gzipLogLoadsLikePlain();
    void brokenGzipFails_data();
    void brokenGzipFails();
    void gzipDeviceStreamsInPieces();
    void cancelAndProgress();
    void fuzzCorpusReplays();
};

void TestXesReader::everyEventWithoutLifecycle()
{
    const Loaded l
        = readBytes(xesLog(trace("c1",
                                 xesEvent("a", "2026-01-01T00:00:00Z") + xesEvent("b", "2026-01-01T00:00:01.5Z")
                                     + xesEvent("a", "2026-01-01T00:00:03Z"))
                           + trace("c2", xesEvent("a", "2026-01-01T01:00:00Z"))));
    QVERIFY2(l.ok, qPrintable(l.result.error));
    QCOMPARE(l.result.issueCount, quint64(0));
    QCOMPARE(l.lifecycleSkipped, quint64(0));
    QCOMPARE(l.store->executionCount(), 2u);
    QCOMPARE(l.store->transitionCount(), 2u);
    QCOMPARE(path(*l.store, "c1", true),
             QStringLiteral("a@2026-01-01T00:00:00.000Z > b@2026-01-01T00:00:01.500Z > a@2026-01-01T00:00:03.000Z"));
    QCOMPARE(path(*l.store, "c2"), QStringLiteral("a"));
    QVERIFY(l.logName.isEmpty());
}

void TestXesReader::onlyCompleteEventsCount()
{
    const Loaded l = readBytes(xesLog(trace(
        "c1",
        xesEvent("a", "2026-01-01T00:00:00Z", "start") + xesEvent("a", "2026-01-01T00:00:05Z", "complete")
            + xesEvent("b", "2026-01-01T00:00:06Z", "start") + xesEvent("b", "2026-01-01T00:00:09Z", "Complete")
            + xesEvent("c", "2026-01-01T00:00:10Z", "schedule") + xesEvent("c", "2026-01-01T00:00:11Z", " COMPLETE ")
            + xesEvent("d", "2026-01-01T00:00:12Z", "ate_abort"))));
    QVERIFY2(l.ok, qPrintable(l.result.error));
    QCOMPARE(l.lifecycleSkipped, quint64(4));
    QCOMPARE(l.result.issueCount, quint64(0));
    QCOMPARE(path(*l.store, "c1", true),
             QStringLiteral("a@2026-01-01T00:00:05.000Z > b@2026-01-01T00:00:09.000Z > c@2026-01-01T00:00:11.000Z"));
    // A start event that lacks its name or time is not counted, so not a problem either.
    const Loaded m = readBytes(
        xesLog(trace("c1", xesEvent("a", {}, "start") + xesEvent("a", "2026-01-01T00:00:05Z", "complete"))));
    QCOMPARE(m.result.issueCount, quint64(0));
    // In a log that has lifecycles, an event without one is atomic: it counts.
    const Loaded n = readBytes(
        xesLog(trace("c1",
                     xesEvent("a", "2026-01-01T00:00:00Z", "start") + xesEvent("a", "2026-01-01T00:00:05Z", "complete")
                         + xesEvent("note", "2026-01-01T00:00:07Z"))));
    QCOMPARE(path(*n.store, "c1"), QStringLiteral("a > note"));
}

void TestXesReader::globalLifecycleDefault()
{
    // A global declares the lifecycle of events that do not state theirs.
    const QByteArray header
        = "<global scope=\"event\"><string key=\"lifecycle:transition\" value=\"start\"/></global>\n";
    const Loaded l = readBytes(
        xesLog(trace("c1",
                     xesEvent("a", "2026-01-01T00:00:00Z") + xesEvent("a", "2026-01-01T00:00:05Z", "complete")
                         + xesEvent("b", "2026-01-01T00:00:06Z") + xesEvent("b", "2026-01-01T00:00:08Z", "complete")),
               header));
    QCOMPARE(path(*l.store, "c1", true), QStringLiteral("a@2026-01-01T00:00:05.000Z > b@2026-01-01T00:00:08.000Z"));
    QCOMPARE(l.lifecycleSkipped, quint64(2));
    // A trace-scoped global says nothing about events.
    const QByteArray traceScope
        = "<global scope=\"trace\"><string key=\"lifecycle:transition\" value=\"start\"/></global>\n";
    const Loaded m = readBytes(
        xesLog(trace("c1", xesEvent("a", "2026-01-01T00:00:00Z") + xesEvent("b", "2026-01-01T00:00:05Z")), traceScope));
    QCOMPARE(path(*m.store, "c1"), QStringLiteral("a > b"));
}

void TestXesReader::headerAndNestedAttributesSkipped()
{
    const QByteArray header
        = "<extension name=\"Lifecycle\" prefix=\"lifecycle\" uri=\"http://www.xes-standard.org/lifecycle.xesext\"/>\n"
          "<extension name=\"Concept\" prefix=\"concept\" uri=\"http://www.xes-standard.org/concept.xesext\"/>\n"
          "<global scope=\"trace\"><string key=\"concept:name\" value=\"__INVALID__\"/></global>\n"
          "<global><string key=\"concept:name\" value=\"__INVALID__\"/>"
          "<date key=\"time:timestamp\" value=\"1970-01-01T00:00:00Z\"/></global>\n"
          "<classifier name=\"Activity\" keys=\"concept:name lifecycle:transition\"/>\n"
          "<classifier name=\"Resource\" keys=\"org:resource\"/>\n"
          "<!-- a comment --><?some-instruction?>\n"
          "<string key=\"source\" value=\"test\"><string key=\"concept:name\" value=\"nested in a log "
          "attribute\"/></string>\n"
          "<string key=\"concept:name\" value=\"Orders &amp; Returns\"/>\n"
          "<list key=\"meta\"><values><string key=\"concept:name\" value=\"x\"/></values></list>\n";
    const QByteArray nestedEvent
        = "<event><string key=\"concept:name\" value=\"b\"><string key=\"concept:name\" value=\"inner\"/></string>"
          "<list key=\"l\"><values><date key=\"time:timestamp\" value=\"1999-01-01T00:00:00Z\"/>"
          "<string key=\"concept:name\" value=\"listed\"/></values></list>"
          "<container key=\"c\"><string key=\"lifecycle:transition\" value=\"start\"/>"
          "<container key=\"deeper\"><string key=\"concept:name\" value=\"deep\"/></container></container>"
          "<date key=\"time:timestamp\" value=\"2026-01-01T00:00:02Z\"/><unknownThing key=\"concept:name\" "
          "value=\"?\"/></event>\n";
    const QByteArray body
        = "<trace><list key=\"ids\"><values><string key=\"concept:name\" value=\"not the id\"/></values></list>"
          "<string key=\"concept:name\" value=\"c1\"/><string key=\"concept:name\" value=\"second id\"/>\n"
        + xesEvent("a", "2026-01-01T00:00:00Z") + nestedEvent + "</trace>\n";
    const Loaded l = readBytes(xesLog(body, header));
    QVERIFY2(l.ok, qPrintable(l.result.error));
    QCOMPARE(l.result.issueCount, quint64(0));
    QCOMPARE(l.logName, QStringLiteral("Orders & Returns"));
    QCOMPARE(l.store->executionCount(), 1u);
    QCOMPARE(path(*l.store, "c1", true), QStringLiteral("a@2026-01-01T00:00:00.000Z > b@2026-01-01T00:00:02.000Z"));
}

void TestXesReader::unsortedEventsWithinTrace()
{
    const Loaded l = readBytes(
        xesLog(trace("c1",
                     xesEvent("c", "2026-01-01T00:00:03Z") + xesEvent("a", "2026-01-01T00:00:01Z")
                         + xesEvent("b1", "2026-01-01T00:00:02Z") + xesEvent("b2", "2026-01-01T00:00:02Z"))
               + trace("c2", xesEvent("y", "2026-01-02T00:00:00+02:00") + xesEvent("x", "2026-01-01T23:00:00Z"))));
    QCOMPARE(path(*l.store, "c1"), QStringLiteral("a > b1 > b2 > c")); // equal times keep the file's order
    QCOMPARE(path(*l.store, "c2", true), QStringLiteral("y@2026-01-01T22:00:00.000Z > x@2026-01-01T23:00:00.000Z"));
    QCOMPARE(l.store->transitionCount(), 4u);
}

void TestXesReader::badEventsAndTracesAreReported()
{
    const QByteArray body
        = trace("t1",
                xesEvent("a", "2026-01-01T00:00:00Z") + xesEvent({}, "2026-01-01T00:00:01Z") + xesEvent("b", {})
                    + xesEvent("c", "yesterday") + xesEvent({}, {}) + xesEvent("", "2026-01-01T00:00:02Z")
                    + xesEvent("d", "2026-02-30T00:00:00Z") + xesEvent("e", "2026-01-01T00:00:09Z"))
        + "<trace>\n" + xesEvent("lost", "2026-01-01T00:00:00Z") + xesEvent("lost2", "2026-01-01T00:00:01Z")
        + "</trace>\n" + xesEvent("orphan", "2026-01-01T00:00:00Z") + trace("", xesEvent("a", "2026-01-01T00:00:00Z"))
        + trace("t2", xesEvent("z", "2026-01-01T00:00:00Z"));
    const Loaded l = readBytes(xesLog(body));
    QVERIFY2(l.ok, qPrintable(l.result.error));
    const QStringList expected = {
        QStringLiteral("log.xes trace t1 event 2: no concept:name"),
        QStringLiteral("log.xes trace t1 event 3: no time:timestamp"),
        QStringLiteral("log.xes trace t1 event 4: unparsable time:timestamp \"yesterday\""),
        QStringLiteral("log.xes trace t1 event 5: no concept:name; no time:timestamp"),
        QStringLiteral("log.xes trace t1 event 6: no concept:name"),
        QStringLiteral("log.xes trace t1 event 7: unparsable time:timestamp \"2026-02-30T00:00:00Z\""),
        QStringLiteral("log.xes line 13: trace without concept:name: skipped with its 2 events"),
        QStringLiteral("log.xes line 17: event outside a trace: skipped"),
        QStringLiteral("log.xes line 18: trace without concept:name: skipped with its event"),
    };
    QCOMPARE(issueTexts(l.result), expected);
    QCOMPARE(l.result.issueCount, quint64(expected.size()));
    QCOMPARE(l.store->executionCount(), 2u);
    QCOMPARE(path(*l.store, "t1"), QStringLiteral("a > e"));
    QCOMPARE(path(*l.store, "t2"), QStringLiteral("z"));
    QVERIFY(l.store->findState("lost") == kNoState);
}

void TestXesReader::brokenXmlFails_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    const QByteArray good = xesLog(trace("c1", xesEvent("a", "2026-01-01T00:00:00Z")));
    QTest::newRow("mismatched tags") << xesLog(
        trace("c1", "<event><string key=\"concept:name\" value=\"a\"/></evnt>\n"))
                                     << QStringLiteral("log.xes: line 4, column 52: Opening and ending tag mismatch.");
    QTest::newRow("truncated")
        << good.left(good.indexOf("</trace>"))
        << QStringLiteral("log.xes: line 5, column 0: Premature end of document. (the file is empty or cut short)");
    QTest::newRow("empty")
        << QByteArray()
        << QStringLiteral("log.xes: line 1, column 0: Premature end of document. (the file is empty or cut short)");
    QTest::newRow("bad attribute") << xesLog(trace("c1", "<event><string key=concept:name/></event>"))
                                   << QStringLiteral(
                                          "log.xes: line 4, column 20: Expected ''' or '\"', but got '[a-zA-Z]'.");
    QTest::newRow("content after log") << good
            + "<log/>" << QStringLiteral("log.xes: line 7, column 6: Extra content at end of document.");
    QTest::newRow("not xes") << QByteArray("<?xml version=\"1.0\"?><html><body/></html>")
                             << QStringLiteral("log.xes: not an XES log (the root element is <html>, not <log>)");
    QTest::newRow("binary") << QByteArray("\x01\x02garbage", 9)
                            << QStringLiteral("log.xes: line 1, column 1: Start tag expected.");
}

void TestXesReader::brokenXmlFails()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const Loaded l = readBytes(bytes);
    QVERIFY(!l.ok);
    QVERIFY(!l.result.cancelled);
    QCOMPARE(l.result.error, error);
}

void TestXesReader::promLogFromFile()
{
    const QString file = QFINDTESTDATA("../data/xes/repair-prom.xes");
    QVERIFY(!file.isEmpty());
    LoadResult result;
    const auto store = loadXesSource(file, &result);
    QVERIFY2(store, qPrintable(result.error));
    QCOMPARE(result.issueCount, quint64(0));
    QCOMPARE(result.executionsRead, quint64(3));
    QCOMPARE(result.transitionsRead, quint64(16));
    QCOMPARE(
        result.notes,
        QStringList {QStringLiteral("2 XES events other than lifecycle \"complete\" (e.g. start) were not counted")});
    QCOMPARE(store->workflows().size(), size_t(1));
    QCOMPARE(store->workflows().front().name, QStringLiteral("repair-example"));
    QCOMPARE(store->transitionCount(), 16u);
    QCOMPARE(path(*store, "1", true),
             QStringLiteral("register request@2010-12-30T10:05:00.000Z > examine thoroughly@2010-12-31T09:36:00.000Z"
                            " > check ticket@2011-01-05T14:12:00.000Z > decide@2011-01-06T10:18:00.000Z"
                            " > reject request@2011-01-07T13:24:00.000Z"));
    QCOMPARE(path(*store, "2"),
             QStringLiteral("register request > check ticket > examine casually > decide > pay compensation"));
    QCOMPARE(path(*store, "3"),
             QStringLiteral("register request > examine casually > check ticket > decide > reinitiate request"
                            " > examine thoroughly > check ticket > decide > pay compensation"));
    QVERIFY(store->findState("nested, not a state") == kNoState);

    // The dashboard's and analyze's entry point picks the reader from the file name.
    LoadResult viaLoader;
    const auto same = loadSource(file, &viaLoader);
    QVERIFY2(same, qPrintable(viaLoader.error));
    QCOMPARE(same->transitionCount(), 16u);
}

void TestXesReader::pm4pyLogWithZonesAndUnicode()
{
    const QString file = QFINDTESTDATA("../data/xes/pm4py-running.xes");
    QVERIFY(!file.isEmpty());
    LoadResult result;
    const auto store = loadXesSource(file, &result);
    QVERIFY2(store, qPrintable(result.error));
    QVERIFY(result.notes.isEmpty());
    // No log name: the workflow is named after the file.
    QCOMPARE(store->workflows().front().name, QStringLiteral("pm4py-running"));
    QCOMPARE(path(*store, QStringLiteral("case-α").toUtf8(), true),
             QStringLiteral("Bestellung prüfen@2021-03-01T08:00:00.123Z > Versand@2021-03-01T08:30:00.000Z"
                            " > Rechnung@2021-03-01T08:45:00.500Z"));
    QCOMPARE(path(*store, QStringLiteral("case-β").toUtf8()), QStringLiteral("Bestellung prüfen"));
}

void TestXesReader::gzipLogLoadsLikePlain()
{
    const QByteArray plain = readFile(QFINDTESTDATA("../data/xes/repair-prom.xes"));
    QVERIFY(!plain.isEmpty());
    QTemporaryDir dir;
    const QString gz = dir.filePath(QStringLiteral("repair.xes.gz"));
    QVERIFY(writeFile(gz, gzip(plain)));
    LoadResult result;
    const auto store = loadSource(gz, &result);
    QVERIFY2(store, qPrintable(result.error));
    QCOMPARE(store->transitionCount(), 16u);
    QCOMPARE(path(*store, "3"),
             QStringLiteral("register request > examine casually > check ticket > decide > reinitiate request"
                            " > examine thoroughly > check ticket > decide > pay compensation"));

    // Two members (cat a.gz b.gz) read as one log; a name-less log is named after the file.
    const QByteArray log
        = xesLog(trace("c1", xesEvent("a", "2026-01-01T00:00:00Z") + xesEvent("b", "2026-01-01T00:00:01Z")));
    const QString twoMembers = dir.filePath(QStringLiteral("Two.Members.XES.GZ"));
    QVERIFY(writeFile(twoMembers, gzip(log.left(100)) + gzip(log.mid(100))));
    LoadResult second;
    const auto joined = loadXesSource(twoMembers, &second);
    QVERIFY2(joined, qPrintable(second.error));
    QCOMPARE(path(*joined, "c1"), QStringLiteral("a > b"));
    QCOMPARE(joined->workflows().front().name, QStringLiteral("Two.Members"));
}

void TestXesReader::brokenGzipFails_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    QByteArray body;
    for (int i = 0; i < 2000; ++i)
        body += trace("c" + QByteArray::number(i),
                      xesEvent("a", "2026-01-01T00:00:00Z") + xesEvent("b", "2026-01-01T00:00:01Z"));
    const QByteArray compressed = gzip(xesLog(body));
    QByteArray flipped = compressed;
    flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x55);
    QByteArray badCrc = compressed;
    badCrc[badCrc.size() - 6] = char(badCrc[badCrc.size() - 6] ^ 0x01);
    QTest::newRow("cut in the middle") << compressed.left(
        compressed.size() / 2) << QStringLiteral("log.xes: unexpected end of compressed data (truncated gzip file)");
    QTest::newRow("trailer cut") << compressed.left(compressed.size() - 4)
                                 << QStringLiteral("log.xes: unexpected end of compressed data (truncated gzip file)");
    QTest::newRow("header only") << compressed.left(2)
                                 << QStringLiteral("log.xes: unexpected end of compressed data (truncated gzip file)");
    QTest::newRow("bad crc") << badCrc << QStringLiteral("log.xes: bad gzip data: incorrect data check");
    QTest::newRow("corrupt data") << flipped << QString();
    QTest::newRow("bad header") << QByteArray("\x1f\x8b\x07garbage", 10)
                                << QStringLiteral("log.xes: bad gzip data: unknown compression method");
}

void TestXesReader::brokenGzipFails()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const Loaded l = readBytes(bytes);
    QVERIFY(!l.ok);
    if (error.isEmpty()) // where a flipped bit surfaces depends on the deflate stream
        QVERIFY2(l.result.error.startsWith(QLatin1String("log.xes: ")), qPrintable(l.result.error));
    else
        QCOMPARE(l.result.error, error);
}

void TestXesReader::gzipDeviceStreamsInPieces()
{
    // Odd read sizes across member and buffer boundaries give back exactly the original bytes.
    QByteArray data;
    QRandomGenerator random(7);
    for (int i = 0; i < 300000; ++i)
        data += char('a' + random.bounded(random.bounded(2) ? 3 : 26));
    QByteArray compressed
        = gzip(data.left(123457)) + gzip(data.mid(123457)) + QByteArray(16, '\0'); // zero padding after
    QBuffer source(&compressed);
    GzipDevice device(&source);
    QVERIFY(device.open(QIODevice::ReadOnly));
    QVERIFY(device.isSequential());
    QByteArray back;
    char piece[4099];
    qint64 n = 0;
    int step = 1;
    while ((n = device.read(piece, step)) > 0) {
        back.append(piece, n);
        step = (step * 7 + 13) % 4099 + 1;
    }
    QCOMPARE(n, qint64(0));
    QVERIFY(!device.failed());
    QCOMPARE(back.size(), data.size());
    QVERIFY(back == data);
    QCOMPARE(device.compressedBytesRead(), qint64(compressed.size()));
    QVERIFY(!device.open(QIODevice::WriteOnly));
}

void TestXesReader::cancelAndProgress()
{
    QByteArray body;
    for (int i = 0; i < 20000; ++i)
        body += trace("c" + QByteArray::number(i),
                      xesEvent("a", "2026-01-01T00:00:00Z") + xesEvent("b", "2026-01-01T00:00:01Z"));
    const QByteArray log = xesLog(body);
    QVERIFY(log.size() > 4 * 1024 * 1024);

    std::vector<LoadProgress> seen;
    const Loaded l = readBytes(log, nullptr, [&seen](const LoadProgress &p) { seen.push_back(p); });
    QVERIFY(l.ok);
    QCOMPARE(l.store->executionCount(), 20000u);
    QVERIFY(seen.size() >= 4 && seen.size() < 100); // throttled by bytes read
    QCOMPARE(seen.back().done, qint64(40000));
    QCOMPARE(seen.back().total, qint64(40000));
    QCOMPARE(seen.front().phase, QStringLiteral("events"));
    QVERIFY(seen.front().total > 30000 && seen.front().total < 50000); // estimated from the bytes read

    std::atomic_bool cancel {false};
    const Loaded c = readBytes(log, &cancel, [&cancel](const LoadProgress &) { cancel.store(true); });
    QVERIFY(!c.ok);
    QVERIFY(c.result.cancelled);
    QVERIFY(c.result.error.isEmpty());
    QVERIFY(c.store->executionCount() < 20000u);
}

void TestXesReader::fuzzCorpusReplays()
{
    // Seeds and crashers of fuzz_xesreader (BARS R2): each reads to an answer, under ASan + UBSan in CI.
    const QString dir = QFINDTESTDATA("../fuzz/corpus/xesreader");
    QVERIFY2(!dir.isEmpty(), "tests/fuzz/corpus/xesreader not found");
    const QStringList files = QDir(dir).entryList(QDir::Files);
    QVERIFY(files.size() >= 5);
    for (const QString &name : files) {
        const Loaded l = readBytes(readFile(dir + QLatin1Char('/') + name));
        QVERIFY2(l.ok != !l.result.error.isEmpty(), qPrintable(name));
        for (const LoadIssue &issue : l.result.issues)
            QVERIFY2(!issue.id.isEmpty() && !issue.problem.isEmpty(), qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(TestXesReader)
#include "tst_xesreader.moc"
