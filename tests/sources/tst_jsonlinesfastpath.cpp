// JsonLinesFastPath must make of a JSONL log exactly what FeedParser + FeedIngestor make of it:
// the same store (down to the order states and ids are numbered in) and the same issues, for
// canonical lines and for every kind of line it has to decline.
#include "eventstore.h"
#include "feedeventjson.h"
#include "feedingestor.h"
#include "jsonlinesfastpath.h"
#include "storeloader.h"
#include "uuidgenerator.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace StateScope;

namespace {

constexpr TimeMs kT0 = 1767225600000LL; // 2026-01-01T00:00:00Z

// As FeedServer writes an event: the seq first.
QByteArray line(quint64 seq, const FeedEvent &e)
{
    QByteArray json;
    appendFeedEventJson(e, json);
    return "{\"seq\":" + QByteArray::number(seq) + ',' + json.mid(1);
}

// A few thousand events as `simulate` would record them, with executions interleaved.
QByteArrayList canonicalLines(int count, quint32 seed)
{
    std::mt19937 rng(seed);
    UuidGenerator ids(seed);
    const QByteArrayList states{"queued", "validating", "charging", "shipping", "done", "failed"};
    std::vector<QByteArray> open(40);
    for (QByteArray &id : open)
        id = ids.uuid();
    QByteArrayList lines;
    TimeMs t = kT0;
    for (int i = 0; i < count; ++i) {
        FeedEvent e;
        e.workflowId = (i % 3) ? "wf-a" : "wf-b";
        const size_t slot = rng() % open.size();
        e.executionId = open[slot];
        t += rng() % 5;
        e.time = t;
        switch (rng() % 10) {
        case 0:
            e.type = FeedEventType::ExecutionStarted;
            e.executionId = open[slot] = ids.uuid();
            e.stateName = states[0];
            break;
        case 1:
            e.type = FeedEventType::CheckpointCreated;
            e.checkpointId = ids.uuid();
            e.checkpointType = (rng() % 2) ? "automatic" : "manual";
            e.stateName = states[rng() % states.size()];
            e.sizeBytes = 300 + rng() % 50;
            e.checksum = QByteArray(64, 'a');
            e.recoverable = rng() % 7 != 0;
            break;
        case 2:
            e.type = (rng() % 2) ? FeedEventType::ExecutionCompleted : FeedEventType::ExecutionFailed;
            e.stateName = states[4];
            break;
        default:
            e.type = FeedEventType::Transition;
            e.transitionId = "tr-" + QByteArray::number(i);
            e.fromState = states[rng() % states.size()];
            e.toState = states[rng() % states.size()];
            e.transitionType = TransitionType(rng() % 3);
            e.durationMs = qint64(rng() % 100);
            e.stateType = "task";
            break;
        }
        lines << line(quint64(i + 1), e);
    }
    return lines;
}

const char *const kTransition = R"({"seq":%1,"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"transitionId":"t","fromState":"A","toState":"B","transitionType":"retry","timestamp":"2026-01-01T00:00:01.000Z","durationMs":3,"stateType":"task"}})";

// Lines the fast path must leave to FeedParser, or read exactly as it would.
QByteArrayList edgeLines()
{
    return {
        R"({"type":"execution_started","workflowId":"wf-a","executionId":"ex-1","payload":{"startedAt":"2026-01-01T00:00:00Z","stateName":"A"}})",
        QByteArray(kTransition).replace("%1", "2"),
        R"({"payload":{"fromState":"A","toState":"B","timestamp":5},"type":"transition","workflowId":"wf-a","executionId":"ex-2"})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","extra":[1,{"a":null}],"payload":{"fromState":"B","toState":"C","timestamp":6}})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"C","toState":"D","timestamp":7,"note":"x"}})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":null,"toState":"D","timestamp":8}})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"D","fromState":"X","toState":"E","timestamp":9}})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-\u0031","payload":{"fromState":"E\"q","toState":"F","timestamp":10}})",
        R"({"type":"transition","workflowId":"wf-a","execution\u0049d":"ex-3","payload":{"fromState":"F","toState":"G","timestamp":11}})",
        R"({"seq":1.5,"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"G","toState":"H","timestamp":12}})",
        R"({"seq":-1,"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"G","toState":"H","timestamp":12}})",
        R"({"seq":99999999999999999999,"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"G","toState":"H","timestamp":12}})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"G","toState":"H","timestamp":-0}})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"G","toState":"H","timestamp":12.0}})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"G","toState":"H","timestamp":"yesterday"}})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"G","toState":"H","timestamp":"2026-01-01 00:00:13.5"}})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"H","toState":"I","timestamp":14,"durationMs":1.6}})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"H","toState":"I","timestamp":14,"durationMs":-2}})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"H","toState":"I","timestamp":15,"transitionType":"ERROR"}})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"I","timestamp":16}})",
        R"({"type":"transition","workflowId":"wf-a","payload":{"fromState":"I","toState":"J","timestamp":16}})",
        R"({"type":"transition","workflowId":7,"executionId":"ex-1","payload":{"fromState":"I","toState":"J","timestamp":16}})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"I","toState":"J","timestamp":17}} x)",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"I","toState":"J","timestamp":18}}{"type":"heartbeat"})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"I","toState":"J","timestamp":19}})",
        R"([{"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"J","toState":"K","timestamp":20}}])",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"K","toState":"L","timestamp":21})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"K","toState":"L","timestamp":tru}})",
        R"(   {"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"K","toState":"L","timestamp":22}}   )",
        "\t{\"type\":\"transition\",\"workflowId\":\"wf-a\",\"executionId\":\"ex-1\",\"payload\":{\"fromState\":\"L\",\"toState\":\"M\",\"timestamp\":23}}\r",
        "{\"type\":\"transition\",\"workflowId\":\"wf-a\",\"executionId\":\"ex-\xff\",\"payload\":{\"fromState\":\"L\",\"toState\":\"M\",\"timestamp\":24}}",
        "{\"type\":\"transition\",\"workflowId\":\"wf-a\",\"executionId\":\"ex-\x01\",\"payload\":{\"fromState\":\"L\",\"toState\":\"M\",\"timestamp\":24}}",
        R"({"type":"transition","workflowId":"","executionId":"","payload":{"fromState":"","toState":"M","timestamp":25}})",
        "",
        "   ",
        R"({"type":"checkpoint_created","workflowId":"wf-a","executionId":"ex-1","payload":{"checkpointId":"cp-1","checkpointType":"manual","timestamp":26,"stateName":"M","sizeBytes":10,"checksum":"ab","recoverable":false}})",
        R"({"type":"checkpoint_created","workflowId":"wf-a","executionId":"ex-1","payload":{"checkpointId":"cp-1","timestamp":27}})",
        R"({"type":"checkpoint_created","workflowId":"wf-a","executionId":"ex-1","payload":{"checkpointId":"cp-2","timestamp":28,"sizeBytes":2.5}})",
        R"({"type":"checkpoint_created","workflowId":"wf-a","executionId":"ex-1","payload":{"checkpointId":"cp-3","timestamp":29,"recoverable":"yes"}})",
        R"({"type":"checkpoint_created","workflowId":"wf-a","executionId":"ex-1","payload":{"timestamp":30}})",
        R"({"type":"execution_completed","workflowId":"wf-a","executionId":"ex-1","payload":{"completedAt":"2026-01-01T00:00:31Z"}})",
        R"({"type":"execution_failed","workflowId":"wf-b","executionId":"ex-9","payload":{"completedAt":32,"stateName":"Z"}})",
        R"({"type":"execution_failed","workflowId":"wf-b","executionId":"ex-9","payload":{"startedAt":32}})",
        R"({"type":"execution_started","workflowId":"wf-b","executionId":"ex-10","payload":{"startedAt":33,"stateName":""}})",
        R"({"type":"state_change","workflowId":"wf-b","executionId":"ex-11","payload":{"stateName":"Q","enteredAt":34}})",
        R"({"type":"consistency","workflowId":"wf-a","payload":{"consistencyLevel":"strong","replicationFactor":3,"quorumSize":2,"nodes":[{"nodeId":"n1","lagMs":5,"inSync":true}]}})",
        R"({"type":"alert_triggered","workflowId":"wf-a","payload":{"alertId":"a1","severity":"warning","timestamp":35}})",
        R"({"type":"bogus","workflowId":"wf-a"})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":[1,2]})",
        R"({"type":"transition","workflowId":"wf-a","executionId":"ex-1","payload":{"fromState":"M","toState":"N","timestamp":36,"stateType":{"deep":[[[1]]]}}})",
        "not json at all",
        R"("a string")",
        "{}",
        QByteArray(kTransition).replace("%1", "3"),
    };
}

// Canonical lines with one value changed each: after the canonical ones, which teach the fast
// path their layouts, these fit a layout in everything but the value (LineShapes).
QByteArrayList layoutVariants()
{
    const QByteArrayList canonical = canonicalLines(200, 5);
    QByteArray transition, checkpoint, started;
    for (const QByteArray &l : canonical) {
        for (auto [kind, first] : {std::pair{"\"transition\"", &transition}, std::pair{"\"checkpoint_created\"", &checkpoint},
                                   std::pair{"\"execution_started\"", &started}}) {
            if (first->isEmpty() && l.contains(kind))
                *first = l;
        }
    }
    if (transition.isEmpty() || checkpoint.isEmpty() || started.isEmpty())
        qFatal("the canonical lines lack a kind of event");
    const auto value = [](const QByteArray &line, const char *member) {
        const QByteArray key = QByteArray("\"") + member + "\":";
        if (!line.contains(key))
            qFatal("no member %s in %s", member, line.constData());
        const qsizetype at = line.indexOf(key) + key.size();
        qsizetype end = at;
        if (line[at] == '"')
            end = line.indexOf('"', at + 1) + 1;
        else
            while (end < line.size() && line[end] != ',' && line[end] != '}')
                ++end;
        return std::pair{at, end - at};
    };
    QByteArrayList out = canonical;
    const auto vary = [&](const QByteArray &line, const char *member, const QList<QByteArray> &values) {
        const auto [at, size] = value(line, member);
        for (const QByteArray &v : values)
            out << QByteArray(line).replace(at, size, v);
    };
    const QList<QByteArray> numbers{"0", "01", "00", "7", "-1", "-0", "1.0", "1e3", "123456789012345678",
                                    "1234567890123456789", "99999999999999999999", "\"5\"", "null", "true"};
    vary(transition, "seq", numbers);
    vary(transition, "durationMs", numbers);
    vary(checkpoint, "sizeBytes", numbers);
    vary(transition, "timestamp", numbers);
    vary(transition, "timestamp", {"\"2026-13-01T00:00:00.000Z\"", "\" 2026-01-01T00:00:00.000Z\"",
                                   "\"2026-01-01T00:00:00Z\"", "\"\"", "\"2026-01-01T00:00:00.000\\u005a\""});
    const QList<QByteArray> strings{"\"\"", "\"a\\u0062c\"", "\"a\\\"b\"", "\"tab\there\"", "\"caf\xc3\xa9\"",
                                    "\"\x01\"", "\"\xff\"", "7", "null", "\"x\"", "\"" + QByteArray(40, 'q') + "\""};
    for (const char *member : {"workflowId", "executionId", "fromState", "toState", "transitionType", "transitionId",
                               "stateType"})
        vary(transition, member, strings);
    for (const char *member : {"checkpointId", "checkpointType", "stateName", "checksum"})
        vary(checkpoint, member, strings);
    vary(checkpoint, "recoverable", {"true", "false", "tru", "falsey", "null", "1", "\"true\""});
    vary(started, "startedAt", {"1767225600000", "\"2026-01-01T00:00:00.000Z\"", "\"soon\""});
    out << transition + "  " << transition + "\t " << transition + " x" << transition + "}" << transition.chopped(1)
        << " " + transition << transition.replace("\"transition\"", "\"transitions\"");
    return out;
}

// Everything in the store that a view or report can see, in the store's own order.
QStringList dump(const EventStore &s)
{
    QStringList out;
    for (StateId i = 0; i < s.stateCount(); ++i)
        out << QStringLiteral("state %1 %2").arg(i).arg(s.stateName(i));
    for (const Workflow &w : s.workflows())
        out << QStringLiteral("workflow %1").arg(w.id);
    for (ExecutionIndex e = 0; e < s.executionCount(); ++e) {
        out << QStringLiteral("execution %1 wf %2 entry %3 status %4 initial %5")
                   .arg(s.executionId(e))
                   .arg(s.executionWorkflow(e))
                   .arg(s.executionEntryTime(e))
                   .arg(int(s.executionStatus(e)))
                   .arg(s.executionInitialState(e));
        for (quint32 t = s.firstTransitionOf(e); t != kNoIndex; t = s.nextTransition(t))
            out << QStringLiteral("  %1 -> %2 at %3 type %4")
                       .arg(s.transitionFrom(t))
                       .arg(s.transitionTo(t))
                       .arg(s.transitionTime(t))
                       .arg(int(s.transitionType(t)));
    }
    for (const CheckpointInfo &c : s.checkpoints())
        out << QStringLiteral("checkpoint %1 %2 %3 exec %4 at %5 size %6 recoverable %7 status %8")
                   .arg(s.checkpointId(c), s.checkpointType(c), s.checkpointStateName(c))
                   .arg(c.execution)
                   .arg(c.timestamp)
                   .arg(c.sizeBytes)
                   .arg(c.recoverable)
                   .arg(int(c.status));
    out << QStringLiteral("consistency samples %1").arg(s.consistency().size());
    return out;
}

struct Loaded
{
    QStringList store;
    QStringList issues;
    qint64 transitionsRead = 0;
};

Loaded load(const QString &path, bool fastPath, qsizetype chunk, FeedLimits limits = {})
{
    LoadResult result;
    JsonLinesLoadOptions options;
    options.fastPath = fastPath;
    options.chunkBytes = chunk;
    options.limits = limits;
    const auto store = loadJsonLinesSource(path, &result, {}, nullptr, options);
    Loaded l;
    if (!store) {
        l.issues << QStringLiteral("failed: %1").arg(result.error);
        return l;
    }
    l.store = dump(*store);
    for (const LoadIssue &issue : result.issues)
        l.issues << issue.toString();
    l.transitionsRead = result.transitionsRead;
    return l;
}

} // namespace

class TestJsonLinesFastPath : public QObject
{
    Q_OBJECT

private slots:
    void sameStoreAndIssues_data();
    void sameStoreAndIssues();
    void takesCanonicalLines();
    void linesOverTheFrameLimit();

private:
    QTemporaryDir m_dir;
};

void TestJsonLinesFastPath::sameStoreAndIssues_data()
{
    QTest::addColumn<QByteArray>("content");
    const QByteArrayList canonical = canonicalLines(3000, 7);
    const QByteArrayList edges = edgeLines();
    QTest::newRow("canonical") << canonical.join('\n') + '\n';
    QTest::newRow("edges") << edges.join('\n') + '\n';
    QTest::newRow("edges, CRLF, no final newline") << edges.join("\r\n");
    QByteArray bom = "\xEF\xBB\xBF" + edges.join('\n');
    QTest::newRow("byte order mark") << bom;
    // Edge lines scattered through a canonical log: the block pass must pick up after each.
    QByteArrayList mixed = canonical;
    std::mt19937 rng(3);
    for (const QByteArray &edge : edges)
        mixed.insert(qsizetype(rng() % quint32(mixed.size())), edge);
    QTest::newRow("mixed") << mixed.join('\n') + '\n';
    QTest::newRow("layout variants") << layoutVariants().join('\n') + '\n';
    const QByteArray longValue = QByteArray('"' + QByteArray(70 * 1024, 'x') + '"');
    const QByteArray longLine = QByteArray(kTransition).replace("\"task\"", longValue).replace("%1", "9");
    // A small fuzzer: the log with bytes changed to ones that matter to JSON here and there
    // (STATESCOPE_TEST_MUTATIONS=N for a longer run than CI's).
    const QByteArray significant = "\"\\{}[],: \t\nx0-.e\xff\x01";
    const quint32 mutations = quint32(qEnvironmentVariableIntValue("STATESCOPE_TEST_MUTATIONS"));
    for (quint32 seed = 1; seed <= (mutations > 0 ? mutations : 80); ++seed) {
        std::mt19937 mutate(seed);
        QByteArray bytes = mixed.mid(0, 400).join('\n') + '\n';
        for (int i = 0; i < int(seed % 7) * 20 + 5; ++i)
            bytes[qsizetype(mutate() % quint32(bytes.size()))] = significant[qsizetype(mutate() % significant.size())];
        QTest::newRow(qPrintable(QStringLiteral("mutated %1").arg(seed))) << bytes;
    }
    // The fuzz corpus of the feed readers, crashers included.
    const QDir corpus(QFINDTESTDATA("../fuzz/corpus/feedparser"));
    QVERIFY(corpus.entryList(QDir::Files).size() >= 20);
    for (const QString &name : corpus.entryList(QDir::Files, QDir::Name)) {
        QFile input(corpus.filePath(name));
        QVERIFY(input.open(QIODevice::ReadOnly));
        QTest::newRow(qPrintable(QStringLiteral("corpus %1").arg(name))) << input.readAll();
    }
    QTest::newRow("long line") << canonical.mid(0, 50).join('\n') + '\n' + longLine + '\n' + canonical.mid(50, 50).join('\n');
}

void TestJsonLinesFastPath::sameStoreAndIssues()
{
    QFETCH(QByteArray, content);
    const QString path = m_dir.filePath(QStringLiteral("log.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    file.close();

    const Loaded reference = load(path, false, 0);
    QVERIFY(!reference.store.isEmpty());
    for (const qsizetype chunk : {qsizetype(0), qsizetype(7), qsizetype(300), qsizetype(4096)}) {
        const Loaded fast = load(path, true, chunk);
        for (const QString &issue : reference.issues) {
            if (!fast.issues.contains(issue))
                qWarning() << "only without the fast path:" << issue;
        }
        for (const QString &issue : fast.issues) {
            if (!reference.issues.contains(issue))
                qWarning() << "only with the fast path:" << issue;
        }
        QCOMPARE(fast.issues, reference.issues);
        QCOMPARE(fast.store, reference.store);
        QCOMPARE(fast.transitionsRead, reference.transitionsRead);
    }
}

// The fast path must really take the lines it is for (else the comparisons above prove little).
void TestJsonLinesFastPath::takesCanonicalLines()
{
    EventStore store;
    FeedIngestor ingestor(store);
    JsonLinesFastPath fastPath(ingestor, FeedLimits{});
    const QByteArrayList lines = canonicalLines(500, 11);
    QByteArray block = lines.join('\n') + '\n';
    const qsizetype size = block.size();
    block.append(QByteArray(64, ' ')); // the padding the reader keeps behind its text
    fastPath.beginBlock(block.constData(), size);
    qsizetype offset = 0;
    int transitions = 0;
    for (const QByteArray &l : lines) {
        const int taken = fastPath.take(block.constData() + offset, l.size());
        QVERIFY2(taken >= 0, l.constData());
        transitions += taken;
        offset += l.size() + 1;
    }
    QCOMPARE(fastPath.taken(), quint64(lines.size()));
    // All but the first of each kind by the layout of the one before (LineShapes).
    QCOMPARE(fastPath.shaped(), quint64(lines.size() - 5));
    QCOMPARE(int(store.transitionCount()), transitions);
    QVERIFY(transitions > 300);

    // A line it does not handle is declined with nothing applied.
    QByteArray consistency;
    for (const QByteArray &l : edgeLines()) {
        if (l.contains("\"consistency\""))
            consistency = l + QByteArray(64, ' ');
    }
    const quint32 before = store.executionCount();
    QCOMPARE(fastPath.take(consistency.constData(), consistency.size() - 64), -1);
    QCOMPARE(store.executionCount(), before);
    QCOMPARE(fastPath.declined(), quint64(1));
}

// A line over the frame limit is skipped while it is read, across chunks: the block the fast
// path was given goes stale meanwhile and must not be used for the lines after it.
void TestJsonLinesFastPath::linesOverTheFrameLimit()
{
    FeedLimits limits;
    limits.maxFrameBytes = 2048;
    QByteArrayList lines = canonicalLines(400, 5);
    const QByteArray longValue = QByteArray('"' + QByteArray(5000, 'x') + '"');
    for (int i : {3, 150, 151, 300})
        lines[i] = QByteArray(kTransition).replace("\"task\"", longValue).replace("%1", QByteArray::number(i));
    const QString path = m_dir.filePath(QStringLiteral("long.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(lines.join('\n') + '\n');
    file.close();

    // How the line is worded depends on whether it fits a chunk (FeedParser measures it whole)
    // or not (the reader drops it as it comes): compared at the same chunk size.
    for (const qsizetype chunk : {qsizetype(0), qsizetype(300), qsizetype(1000), qsizetype(4096)}) {
        const Loaded reference = load(path, false, chunk, limits);
        QCOMPARE(reference.issues.size(), 4);
        QVERIFY(reference.issues.first().contains(QLatin1String("frame_too_large")));
        const Loaded fast = load(path, true, chunk, limits);
        QCOMPARE(fast.issues, reference.issues);
        QCOMPARE(fast.store, reference.store);
    }
}

QTEST_GUILESS_MAIN(TestJsonLinesFastPath)
#include "tst_jsonlinesfastpath.moc"
