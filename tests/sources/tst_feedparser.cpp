#include "feedeventjson.h"
#include "feedparser.h"

#include <QTest>

#include <functional>

using namespace StateScope;

Q_DECLARE_METATYPE(StateScope::FeedEvent)

namespace {

// 2026-01-01T00:00:00Z
constexpr TimeMs kT0 = 1767225600000LL;
using Events = QList<FeedEvent>;

FeedEvent make(FeedEventType type, const std::function<void(FeedEvent &)> &fill = {})
{
    FeedEvent e;
    e.type = type;
    e.workflowId = "wf-1";
    e.executionId = "ex-1";
    if (fill)
        fill(e);
    return e;
}

FeedEvent transition(const QByteArray &from, const QByteArray &to, TimeMs time,
                     const std::function<void(FeedEvent &)> &fill = {})
{
    return make(FeedEventType::Transition, [&](FeedEvent &e) {
        e.fromState = from;
        e.toState = to;
        e.time = time;
        if (fill)
            fill(e);
    });
}

QByteArray eventFrame(const char *type, const QByteArray &payload, const QByteArray &extra = {})
{
    return QByteArray(R"({"type":")") + type + R"(","workflowId":"wf-1","executionId":"ex-1")" + extra
        + R"(,"payload":)" + payload + '}';
}

QByteArray transitionFrame(const QByteArray &payloadExtra, const QByteArray &extra = {})
{
    return eventFrame(
        "transition",
        QByteArray(R"({"fromState":"A","toState":"B","timestamp":"2026-01-01T00:00:00Z")") + payloadExtra + '}', extra);
}

// "missing_field=2,wrong_type=1" -> counts per kind
FeedProblemCounts countsOf(const QString &spec)
{
    FeedProblemCounts counts;
    for (const QString &part : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList kv = part.split(QLatin1Char('='));
        for (int k = 0; k < int(FeedProblem::Count); ++k) {
            if (feedProblemName(FeedProblem(k)) == kv.value(0).toLatin1())
                counts.counts[k] = kv.value(1, QStringLiteral("1")).toULongLong();
        }
    }
    return counts;
}

QString describe(const FeedProblemCounts &counts)
{
    QStringList parts;
    for (int k = 0; k < int(FeedProblem::Count); ++k) {
        if (counts.counts[k])
            parts << QString::fromLatin1(feedProblemName(FeedProblem(k))) + QLatin1Char('=')
                    + QString::number(counts.counts[k]);
    }
    return parts.join(QLatin1Char(','));
}

QByteArray nested(int depth, const QByteArray &inner = "1")
{
    return QByteArray(depth, '[') + inner + QByteArray(depth, ']');
}

} // namespace

class TestFeedParser : public QObject
{
    Q_OBJECT

private slots:
    void names();
    void goodFrames_data();
    void goodFrames();
    void badFrames_data();
    void badFrames();
    void frameTooLarge();
    void nesting();
    void stringLength();
    void customLimits();
    void messages();
    void roundTrip_data();
    void roundTrip();
    void roundTripBatch();
};

void TestFeedParser::names()
{
    QCOMPARE(feedEventTypeName(FeedEventType::Transition), QByteArray("transition"));
    QCOMPARE(feedEventTypeName(FeedEventType::CheckpointCreated), QByteArray("checkpoint_created"));
    QCOMPARE(feedEventTypeName(FeedEventType::ResumeFailed), QByteArray("resume_failed"));
    for (int t = 0; t <= int(FeedEventType::Error); ++t) {
        FeedEventType back = FeedEventType::Heartbeat;
        QVERIFY(feedEventTypeFromName(feedEventTypeName(FeedEventType(t)), &back));
        QCOMPARE(int(back), t);
    }
    FeedEventType unused;
    QVERIFY(!feedEventTypeFromName("Transition", &unused));
    const char *problems[] = {"malformed_json", "frame_too_large", "too_deep",    "string_too_long",
                              "missing_field",  "wrong_type",      "unknown_type"};
    for (int p = 0; p < int(FeedProblem::Count); ++p)
        QCOMPARE(feedProblemName(FeedProblem(p)), QByteArray(problems[p]));
}

void TestFeedParser::goodFrames_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<Events>("expected");

    QTest::newRow("transition minimal") << transitionFrame({}) << Events {transition("A", "B", kT0)};
    QTest::newRow("transition full") << eventFrame(
        "transition",
        R"({"transitionId":"t-9","fromState":"A","toState":"B","transitionType":"retry",)"
        R"("timestamp":"2026-01-01T02:00:00.123+02:00","durationMs":250,"stateType":"task"})",
        R"(,"seq":42)") << Events {transition("A", "B", kT0 + 123, [](FeedEvent &e) {
        e.hasSeq = true;
        e.seq = 42;
        e.transitionId = "t-9";
        e.transitionType = TransitionType::Retry;
        e.durationMs = 250;
        e.stateType = "task";
    })};
    QTest::newRow("epoch ms timestamp") << eventFrame("transition",
                                                      R"({"fromState":"A","toState":"B","timestamp":1767225600000})")
                                        << Events {transition("A", "B", kT0)};
    QTest::newRow("negative offset") << eventFrame(
        "transition", R"({"fromState":"A","toState":"B","timestamp":"2025-12-31T18:30:00-05:30"})")
                                     << Events {transition("A", "B", kT0)};
    QTest::newRow("space separator, no zone")
        << eventFrame("transition", R"({"fromState":"A","toState":"B","timestamp":"2026-01-01 00:00:01.5"})")
        << Events {transition("A", "B", kT0 + 1500)};
    QTest::newRow("fractional duration rounds")
        << transitionFrame(R"(,"durationMs":12.6)")
        << Events {transition("A", "B", kT0, [](FeedEvent &e) { e.durationMs = 13; })};
    QTest::newRow("ROLLBACK") << transitionFrame(R"(,"transitionType":"ROLLBACK")")
                              << Events {transition("A", "B", kT0,
                                                    [](FeedEvent &e) { e.transitionType = TransitionType::Rollback; })};
    QTest::newRow("other transition type")
        << transitionFrame(R"(,"transitionType":"teleport")")
        << Events {transition("A", "B", kT0, [](FeedEvent &e) { e.transitionType = TransitionType::Other; })};
    QTest::newRow("nulls are absent") << transitionFrame(R"(,"durationMs":null,"transitionId":null)", R"(,"seq":null)")
                                      << Events {transition("A", "B", kT0)};
    QTest::newRow("unknown members ignored")
        << transitionFrame(R"(,"future":{"x":[1,2]})", R"(,"v":2)") << Events {transition("A", "B", kT0)};
    QTest::newRow("unicode") << eventFrame("transition",
                                           QByteArray(R"({"fromState":"Zustand \u00c4","toState":"\ud83d\ude00 )")
                                               + "\xe2\x86\x92" + R"(","timestamp":"2026-01-01T00:00:00Z"})")
                             << Events {transition("Zustand \xc3\x84", "\xf0\x9f\x98\x80 \xe2\x86\x92", kT0)};
    QTest::newRow("escapes") << eventFrame(
        "transition", R"({"fromState":"a\"b\\c\/d\n","toState":"\u0000","timestamp":"2026-01-01T00:00:00Z"})")
                             << Events {transition("a\"b\\c/d\n", QByteArray(1, '\0'), kT0)};
    QTest::newRow("largest seq") << transitionFrame({}, R"(,"seq":18446744073709551615)")
                                 << Events {transition("A", "B", kT0, [](FeedEvent &e) {
                                        e.hasSeq = true;
                                        e.seq = 18446744073709551615ULL;
                                    })};
    QTest::newRow("seq 0") << transitionFrame({}, R"(,"seq":0)")
                           << Events {transition("A", "B", kT0, [](FeedEvent &e) { e.hasSeq = true; })};
    QTest::newRow("whitespace around") << QByteArray(" \r\n\t" + transitionFrame({}) + "\n ")
                                       << Events {transition("A", "B", kT0)};
    QTest::newRow("state_change") << eventFrame(
        "state_change",
        R"({"stateName":"Review","stateType":"task","enteredAt":"2026-01-01T00:00:00Z","stateVersion":3,"data":{ "a" : [1, 2.5, {"b":null}], "c":"\u00e9" }})")
                                  << Events {make(FeedEventType::StateChange, [](FeedEvent &e) {
                                         e.stateName = "Review";
                                         e.stateType = "task";
                                         e.time = kT0;
                                         e.stateVersion = 3;
                                         e.data = R"({"a":[1,2.5,{"b":null}],"c":"é"})";
                                     })};
    QTest::newRow("state_change minimal") << eventFrame("state_change", R"({"stateName":"S","enteredAt":0})")
                                          << Events {make(FeedEventType::StateChange, [](FeedEvent &e) {
                                                 e.stateName = "S";
                                                 e.time = 0;
                                             })};
    QTest::newRow("execution_started") << eventFrame("execution_started",
                                                     R"({"startedAt":"2026-01-01T00:00:00Z","stateName":"Init"})")
                                       << Events {make(FeedEventType::ExecutionStarted, [](FeedEvent &e) {
                                              e.time = kT0;
                                              e.stateName = "Init";
                                          })};
    QTest::newRow("execution_completed") << eventFrame("execution_completed", R"({"completedAt":1767225600001})")
                                         << Events {make(FeedEventType::ExecutionCompleted,
                                                         [](FeedEvent &e) { e.time = kT0 + 1; })};
    QTest::newRow("execution_failed") << eventFrame("execution_failed",
                                                    R"({"completedAt":"2026-01-01T00:00:00Z","stateName":"Pay"})")
                                      << Events {make(FeedEventType::ExecutionFailed, [](FeedEvent &e) {
                                             e.time = kT0;
                                             e.stateName = "Pay";
                                         })};
    QTest::newRow("checkpoint_created") << eventFrame(
        "checkpoint_created",
        R"({"checkpointId":"cp-1","checkpointType":"automatic","timestamp":"2026-01-01T00:00:00Z","stateName":"Pay",)"
        R"("sizeBytes":2048,"checksum":"ab12","recoverable":false})")
                                        << Events {make(FeedEventType::CheckpointCreated, [](FeedEvent &e) {
                                               e.checkpointId = "cp-1";
                                               e.checkpointType = "automatic";
                                               e.time = kT0;
                                               e.stateName = "Pay";
                                               e.sizeBytes = 2048;
                                               e.checksum = "ab12";
                                               e.recoverable = false;
                                           })};
    QTest::newRow("checkpoint_created minimal")
        << eventFrame("checkpoint_created", R"({"checkpointId":"cp-2","timestamp":1767225600000})")
        << Events {make(FeedEventType::CheckpointCreated, [](FeedEvent &e) {
               e.checkpointId = "cp-2";
               e.time = kT0;
           })};
    QTest::newRow("recovery_initiated") << eventFrame("recovery_initiated", R"({"recoveryId":"r-1"})")
                                        << Events {make(FeedEventType::RecoveryInitiated,
                                                        [](FeedEvent &e) { e.recoveryId = "r-1"; })};
    QTest::newRow("recovery_completed") << eventFrame(
        "recovery_completed",
        R"({"recoveryId":"r-1","checkpointId":"cp-1","toState":"Pay","success":true,"durationMs":80,)"
        R"("dataLoss":["t-1","t-2"],"actor":"ops","reason":"stuck","timestamp":"2026-01-01T00:00:00Z"})")
                                        << Events {make(FeedEventType::RecoveryCompleted, [](FeedEvent &e) {
                                               e.recoveryId = "r-1";
                                               e.checkpointId = "cp-1";
                                               e.stateName = "Pay";
                                               e.success = 1;
                                               e.durationMs = 80;
                                               e.data = R"(["t-1","t-2"])";
                                               e.actor = "ops";
                                               e.reason = "stuck";
                                               e.time = kT0;
                                           })};
    QTest::newRow("recovery failed") << eventFrame("recovery_completed", R"({"recoveryId":"r-2","success":false})")
                                     << Events {make(FeedEventType::RecoveryCompleted, [](FeedEvent &e) {
                                            e.recoveryId = "r-2";
                                            e.success = 0;
                                        })};
    QTest::newRow("consistency") << QByteArray(
        R"({"type":"consistency","workflowId":"wf-1","payload":{"consistencyLevel":"strong","replicationFactor":3,)"
        R"("quorumSize":2,"nodes":[{"nodeId":"n1","lagMs":5,"pendingChanges":1,"inSync":true},)"
        R"({"nodeId":"n2","lagMs":120.5,"pendingChanges":7,"inSync":false},{"id":3,"status":"IN_SYNC"}],)"
        R"("conflicts":[{"k":1},{"k":2}],"divergence":["x differs",{"key":"y"}]}})")
                                 << Events {make(FeedEventType::Consistency, [](FeedEvent &e) {
                                        e.executionId.clear();
                                        ConsistencySample &c = e.consistency;
                                        c.level = QStringLiteral("strong");
                                        c.replicationFactor = 3;
                                        c.quorumSize = 2;
                                        c.nodes = {{QStringLiteral("n1"), 5, 1, true},
                                                   {QStringLiteral("n2"), 120.5, 7, false},
                                                   {QStringLiteral("3"), 0, 0, true}};
                                        c.maxLagMs = 120.5;
                                        c.pendingChanges = 8;
                                        c.nodesInSync = 2;
                                        c.conflicts = 2;
                                        c.divergence = QStringList {QStringLiteral("x differs"),
                                                                    QStringLiteral(R"({"key":"y"})")};
                                    })};
    QTest::newRow("consistency without nodes")
        << eventFrame("consistency", R"({"nodes":[],"syncLag":40,"pendingChanges":3,"nodesInSync":1,"conflicts":4})")
        << Events {make(FeedEventType::Consistency, [](FeedEvent &e) {
               e.consistency.maxLagMs = 40;
               e.consistency.pendingChanges = 3;
               e.consistency.nodesInSync = 1;
               e.consistency.conflicts = 4;
           })};
    QTest::newRow("alert_triggered") << eventFrame(
        "alert_triggered", R"({"alertId":"al-1","severity":"critical","title":"Stuck","description":"5 min in Pay"})")
                                     << Events {make(FeedEventType::AlertTriggered, [](FeedEvent &e) {
                                            e.alertId = "al-1";
                                            e.severity = "critical";
                                            e.title = "Stuck";
                                            e.description = "5 min in Pay";
                                        })};
    QTest::newRow("alert_resolved") << eventFrame("alert_resolved", R"({"alertId":"al-1","severity":"info"})")
                                    << Events {make(FeedEventType::AlertResolved, [](FeedEvent &e) {
                                           e.alertId = "al-1";
                                           e.severity = "info";
                                       })};
    QTest::newRow("metric_update int") << eventFrame("metric_update", R"({"name":"queue","value":17})")
                                       << Events {make(FeedEventType::MetricUpdate, [](FeedEvent &e) {
                                              e.metricName = "queue";
                                              e.metricValue = 17;
                                          })};
    QTest::newRow("metric_update double")
        << eventFrame("metric_update", R"({"name":"rate","value":-0.25e1,"timestamp":0})")
        << Events {make(FeedEventType::MetricUpdate, [](FeedEvent &e) {
               e.metricName = "rate";
               e.metricValue = -2.5;
               e.time = 0;
           })};
    FeedEvent hello;
    hello.type = FeedEventType::Hello;
    hello.protocol = "statescope-feed/1";
    hello.time = kT0;
    hello.oldestSeq = 5;
    hello.latestSeq = 900;
    QTest::newRow("hello") << QByteArray(
        R"({"type":"hello","payload":{"protocol":"statescope-feed/1","serverTime":"2026-01-01T00:00:00Z","oldestSeq":5,"latestSeq":900}})")
                           << Events {hello};
    FeedEvent heartbeat;
    heartbeat.time = kT0;
    QTest::newRow("heartbeat") << QByteArray(R"({"type":"heartbeat","payload":{"serverTime":1767225600000}})")
                               << Events {heartbeat};
    FeedEvent subscribed;
    subscribed.type = FeedEventType::Subscribed;
    subscribed.topics = QStringList {QStringLiteral("transition:*"), QStringLiteral("alert:wf-1")};
    subscribed.replayFrom = 77;
    QTest::newRow("subscribed") << QByteArray(
        R"({"type":"subscribed","topics":["transition:*","alert:wf-1"],"replayFrom":77})")
                                << Events {subscribed};
    FeedEvent resumeFailed;
    resumeFailed.type = FeedEventType::ResumeFailed;
    resumeFailed.oldestSeq = 1000;
    QTest::newRow("resume_failed") << QByteArray(R"({"type":"resume_failed","oldestSeq":1000})")
                                   << Events {resumeFailed};
    FeedEvent error;
    error.type = FeedEventType::Error;
    error.errorCode = "bad_topic";
    error.errorMessage = "no such topic";
    QTest::newRow("error") << QByteArray(R"({"type":"error","code":"bad_topic","message":"no such topic"})")
                           << Events {error};
    error.errorCode = "4001";
    QTest::newRow("error numeric code") << QByteArray(R"({"type":"error","code":4001,"message":"no such topic"})")
                                        << Events {error};
    QTest::newRow("control answer in payload")
        << QByteArray(R"({"type":"resume_failed","payload":{"oldestSeq":1000}})") << Events {resumeFailed};
    QTest::newRow("batch") << QByteArray(
        "[" + transitionFrame({}, R"(,"seq":1)") + ","
        + QByteArray(R"({"type":"heartbeat","payload":{"serverTime":1767225600000}})") + ","
        + eventFrame("execution_completed", R"({"completedAt":1767225600001})", R"(,"seq":2)") + "]")
                           << Events {transition("A", "B", kT0,
                                                 [](FeedEvent &e) {
                                                     e.hasSeq = true;
                                                     e.seq = 1;
                                                 }),
                                      heartbeat, make(FeedEventType::ExecutionCompleted, [](FeedEvent &e) {
                                          e.time = kT0 + 1;
                                          e.hasSeq = true;
                                          e.seq = 2;
                                      })};
    QTest::newRow("empty batch") << QByteArray("[]") << Events {};
    QTest::newRow("nesting 63 with data")
        << eventFrame("state_change", R"({"stateName":"S","enteredAt":0,"data":)" + nested(61) + "}")
        << Events {make(FeedEventType::StateChange, [](FeedEvent &e) {
               e.stateName = "S";
               e.time = 0;
               e.data = nested(61);
           })};
}

void TestFeedParser::goodFrames()
{
    QFETCH(QByteArray, frame);
    QFETCH(Events, expected);

    FeedParser parser;
    std::vector<FeedEvent> out;
    out.emplace_back(); // appends, never replaces
    const int added = parser.parseFrame(frame, out);
    QVERIFY2(parser.problems().total() == 0, qPrintable(parser.lastMessage()));
    QCOMPARE(qsizetype(added), expected.size());
    QCOMPARE(qsizetype(out.size()), expected.size() + 1);
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QByteArray diff = feedEventDifference(out[size_t(i) + 1], expected[i]);
        QVERIFY2(diff.isEmpty(), diff.constData());
    }
    // And back: the serialised event reads as the same event.
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QByteArray json = feedEventToJson(out[size_t(i) + 1]);
        std::vector<FeedEvent> again;
        QCOMPARE(parser.parseFrame(json, again), 1);
        const QByteArray diff = feedEventDifference(again.front(), expected[i]);
        QVERIFY2(diff.isEmpty(), QByteArray(diff + " in " + json).constData());
    }
}

void TestFeedParser::badFrames_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("good");
    QTest::addColumn<QString>("problems");

    const auto row = [](const char *name, const QByteArray &frame, const char *problems, int good = 0) {
        QTest::newRow(name) << frame << good << QString::fromLatin1(problems);
    };
    const QByteArray good = transitionFrame({});
    // Not JSON, or not an event object.
    row("not JSON", "hello world", "malformed_json");
    row("empty frame", "", "malformed_json");
    row("only blanks", " \n ", "malformed_json");
    row("top-level number", "42", "malformed_json");
    row("top-level string", R"("transition")", "malformed_json");
    row("top-level null", "null", "malformed_json");
    row("top-level true", "true", "malformed_json");
    row("truncated", good.left(good.size() - 1), "malformed_json");
    row("trailing garbage", good + " x", "malformed_json");
    row("two objects", good + good, "malformed_json");
    row("trailing comma", R"({"type":"heartbeat",})", "malformed_json");
    row("single quotes", "{'type':'heartbeat'}", "malformed_json");
    row("NUL after object", good + QByteArray(1, '\0'), "malformed_json");
    row("NUL inside string", QByteArray(R"({"type":"heart)") + QByteArray(1, '\0') + R"(beat"})", "malformed_json");
    row("raw newline in string", "{\"type\":\"heart\nbeat\"}", "malformed_json");
    row("invalid UTF-8", transitionFrame(",\"stateType\":\"\xff\xfe\""), "malformed_json");
    row("NaN", R"({"type":"metric_update","payload":{"name":"x","value":NaN}})", "malformed_json");
    row("number too big", R"({"type":"metric_update","workflowId":"w","payload":{"name":"x","value":1e999}})",
        "malformed_json");
    // Arrays: bad elements are skipped and counted, good ones kept.
    row("array with a number", "[1," + good + "]", "malformed_json", 1);
    row("array in array", "[[" + good + "]]", "malformed_json");
    row("array of mixed problems",
        "[" + good + "," + eventFrame("transition", R"({"fromState":"A","timestamp":0})") + R"(,{"type":"teleported"},)"
            + good + ",null]",
        "missing_field,unknown_type,malformed_json", 2);
    // Envelope.
    row("no type", R"({"workflowId":"w","payload":{}})", "missing_field");
    row("type not a string", R"({"type":5})", "wrong_type");
    row("type null", R"({"type":null})", "missing_field");
    row("unknown type", R"({"type":"transitions","workflowId":"w","payload":{}})", "unknown_type");
    row("type in capitals", R"({"type":"TRANSITION"})", "unknown_type");
    row("empty type", R"({"type":""})", "unknown_type");
    row("no workflowId",
        R"({"type":"transition","executionId":"e","payload":{"fromState":"A","toState":"B","timestamp":0}})",
        "missing_field");
    row("workflowId a number",
        R"({"type":"transition","workflowId":1,"executionId":"e","payload":{"fromState":"A","toState":"B","timestamp":0}})",
        "wrong_type");
    row("no executionId",
        R"({"type":"transition","workflowId":"w","payload":{"fromState":"A","toState":"B","timestamp":0}})",
        "missing_field");
    row("executionId an object",
        R"({"type":"transition","workflowId":"w","executionId":{},"payload":{"fromState":"A","toState":"B","timestamp":0}})",
        "wrong_type");
    row("no payload", R"({"type":"transition","workflowId":"w","executionId":"e"})", "missing_field");
    row("payload an array", R"({"type":"transition","workflowId":"w","executionId":"e","payload":[]})", "wrong_type");
    row("heartbeat without payload", R"({"type":"heartbeat","serverTime":0})", "missing_field");
    row("seq negative", transitionFrame({}, R"(,"seq":-1)"), "wrong_type");
    row("seq float", transitionFrame({}, R"(,"seq":1.5)"), "wrong_type");
    row("seq 1.0", transitionFrame({}, R"(,"seq":1.0)"), "wrong_type");
    row("seq exponent", transitionFrame({}, R"(,"seq":1e3)"), "wrong_type");
    row("seq string", transitionFrame({}, R"(,"seq":"5")"), "wrong_type");
    row("seq bool", transitionFrame({}, R"(,"seq":true)"), "wrong_type");
    // Payloads, per type.
    row("transition no fromState", eventFrame("transition", R"({"toState":"B","timestamp":0})"), "missing_field");
    row("transition no toState", eventFrame("transition", R"({"fromState":"A","timestamp":0})"), "missing_field");
    row("transition no timestamp", eventFrame("transition", R"({"fromState":"A","toState":"B"})"), "missing_field");
    row("transition toState number", eventFrame("transition", R"({"fromState":"A","toState":2,"timestamp":0})"),
        "wrong_type");
    row("timestamp words", eventFrame("transition", R"({"fromState":"A","toState":"B","timestamp":"yesterday"})"),
        "wrong_type");
    row("timestamp month 13",
        eventFrame("transition", R"({"fromState":"A","toState":"B","timestamp":"2026-13-01T00:00:00Z"})"),
        "wrong_type");
    row("timestamp float", eventFrame("transition", R"({"fromState":"A","toState":"B","timestamp":1.5})"),
        "wrong_type");
    row("timestamp bool", eventFrame("transition", R"({"fromState":"A","toState":"B","timestamp":true})"),
        "wrong_type");
    row("timestamp object", eventFrame("transition", R"({"fromState":"A","toState":"B","timestamp":{}})"),
        "wrong_type");
    row("timestamp over int64",
        eventFrame("transition", R"({"fromState":"A","toState":"B","timestamp":18446744073709551615})"), "wrong_type");
    row("durationMs negative", transitionFrame(R"(,"durationMs":-5)"), "wrong_type");
    row("durationMs string", transitionFrame(R"(,"durationMs":"5")"), "wrong_type");
    row("transitionType number", transitionFrame(R"(,"transitionType":3)"), "wrong_type");
    row("state_change no stateName", eventFrame("state_change", R"({"enteredAt":0})"), "missing_field");
    row("state_change no enteredAt", eventFrame("state_change", R"({"stateName":"S"})"), "missing_field");
    row("stateVersion negative", eventFrame("state_change", R"({"stateName":"S","enteredAt":0,"stateVersion":-1})"),
        "wrong_type");
    row("stateVersion fraction", eventFrame("state_change", R"({"stateName":"S","enteredAt":0,"stateVersion":1.5})"),
        "wrong_type");
    row("execution_started no startedAt", eventFrame("execution_started", R"({"completedAt":0})"), "missing_field");
    row("execution_completed no completedAt", eventFrame("execution_completed", R"({"startedAt":0})"), "missing_field");
    row("execution_failed stateName bool", eventFrame("execution_failed", R"({"completedAt":0,"stateName":false})"),
        "wrong_type");
    row("checkpoint no checkpointId", eventFrame("checkpoint_created", R"({"timestamp":0})"), "missing_field");
    row("checkpoint no timestamp", eventFrame("checkpoint_created", R"({"checkpointId":"c"})"), "missing_field");
    row("recoverable a string",
        eventFrame("checkpoint_created", R"({"checkpointId":"c","timestamp":0,"recoverable":"yes"})"), "wrong_type");
    row("sizeBytes negative", eventFrame("checkpoint_created", R"({"checkpointId":"c","timestamp":0,"sizeBytes":-1})"),
        "wrong_type");
    row("recovery no recoveryId", eventFrame("recovery_initiated", R"({"checkpointId":"c"})"), "missing_field");
    row("recovery success a string", eventFrame("recovery_completed", R"({"recoveryId":"r","success":"true"})"),
        "wrong_type");
    row("recovery no executionId", R"({"type":"recovery_completed","workflowId":"w","payload":{"recoveryId":"r"}})",
        "missing_field");
    row("consistency no nodes", eventFrame("consistency", R"({"consistencyLevel":"strong"})"), "missing_field");
    row("consistency nodes object", eventFrame("consistency", R"({"nodes":{}})"), "wrong_type");
    row("consistency node a string", eventFrame("consistency", R"({"nodes":["n1"]})"), "wrong_type");
    row("consistency lag a string", eventFrame("consistency", R"({"nodes":[{"nodeId":"n","lagMs":"5"}]})"),
        "wrong_type");
    row("consistency conflicts string", eventFrame("consistency", R"({"nodes":[],"conflicts":"2"})"), "wrong_type");
    row("consistency divergence object", eventFrame("consistency", R"({"nodes":[],"divergence":{}})"), "wrong_type");
    row("consistency replicationFactor negative", eventFrame("consistency", R"({"nodes":[],"replicationFactor":-3})"),
        "wrong_type");
    row("alert no severity", eventFrame("alert_triggered", R"({"alertId":"a"})"), "missing_field");
    row("alert id a number", eventFrame("alert_resolved", R"({"alertId":1,"severity":"info"})"), "wrong_type");
    row("alert no workflowId", R"({"type":"alert_triggered","payload":{"alertId":"a","severity":"info"}})",
        "missing_field");
    row("metric no value", eventFrame("metric_update", R"({"name":"x"})"), "missing_field");
    row("metric no name", eventFrame("metric_update", R"({"value":1})"), "missing_field");
    row("metric value a string", eventFrame("metric_update", R"({"name":"x","value":"1"})"), "wrong_type");
    row("hello no protocol", R"({"type":"hello","payload":{"serverTime":0}})", "missing_field");
    row("hello latestSeq negative", R"({"type":"hello","payload":{"protocol":"p","latestSeq":-1}})", "wrong_type");
    row("heartbeat no serverTime", R"({"type":"heartbeat","payload":{}})", "missing_field");
    row("subscribed no topics", R"({"type":"subscribed","replayFrom":1})", "missing_field");
    row("subscribed topic a number", R"({"type":"subscribed","topics":[1]})", "wrong_type");
    row("resume_failed no oldestSeq", R"({"type":"resume_failed"})", "missing_field");
    row("resume_failed oldestSeq negative", R"({"type":"resume_failed","oldestSeq":-4})", "wrong_type");
    row("error code an object", R"({"type":"error","code":{},"message":"m"})", "wrong_type");
    row("error message a number", R"({"type":"error","message":5})", "wrong_type");
}

void TestFeedParser::badFrames()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, good);
    QFETCH(QString, problems);

    FeedParser parser;
    std::vector<FeedEvent> out;
    QCOMPARE(parser.parseFrame(frame, out), good);
    QCOMPARE(int(out.size()), good);
    QCOMPARE(describe(parser.problems()), describe(countsOf(problems)));
    for (const FeedEvent &e : out)
        QVERIFY(feedEventDifference(e, transition("A", "B", kT0)).isEmpty());
    QVERIFY(!parser.lastMessage().isEmpty());
    // The parser goes on after any of these.
    QCOMPARE(parser.parseFrame(transitionFrame({}), out), 1);
}

void TestFeedParser::frameTooLarge()
{
    FeedParser parser;
    std::vector<FeedEvent> out;
    const QByteArray padding(17 * 1024 * 1024, ' ');
    QCOMPARE(parser.parseFrame(QByteArray(transitionFrame({}) + padding), out), 0);
    QCOMPARE(describe(parser.problems()), QStringLiteral("frame_too_large=1"));
    QVERIFY(parser.firstMessage(FeedProblem::FrameTooLarge).contains(QLatin1String("17825")));
    // Exactly at the limit is allowed.
    const QByteArray frame = transitionFrame({});
    QCOMPARE(parser.parseFrame(QByteArray(frame + QByteArray(16 * 1024 * 1024 - frame.size(), ' ')), out), 1);
    QCOMPARE(parser.problems().total(), quint64(1));
    QCOMPARE(parser.parseFrame(frame, out), 1);
}

void TestFeedParser::nesting()
{
    FeedParser parser;
    std::vector<FeedEvent> out;
    // The event object and payload are two levels: data at depth 62 makes 64 in all.
    const auto frame = [](int dataDepth) {
        return eventFrame("state_change", R"({"stateName":"S","enteredAt":0,"data":)" + nested(dataDepth) + "}");
    };
    QCOMPARE(parser.parseFrame(frame(62), out), 1);
    QCOMPARE(parser.parseFrame(frame(63), out), 0);
    QCOMPARE(describe(parser.problems()), QStringLiteral("too_deep=1"));
    QCOMPARE(parser.parseFrame(nested(65), out), 0);
    QCOMPARE(parser.parseFrame(nested(64), out), 0); // deep enough, but not an event
    QCOMPARE(describe(parser.problems()), QStringLiteral("malformed_json=1,too_deep=2"));
    QCOMPARE(parser.parseFrame(nested(100000), out), 0);
    QCOMPARE(parser.problems()[FeedProblem::TooDeep], quint64(3));
    // In an array frame the array itself is a level.
    QCOMPARE(parser.parseFrame(QByteArray("[" + frame(62) + "]"), out), 0);
    QCOMPARE(parser.parseFrame(QByteArray("[" + frame(61) + "]"), out), 1);
    QCOMPARE(parser.problems()[FeedProblem::TooDeep], quint64(4));
    // Containers count, whatever they hold (simdjson alone would let 65 empty ones through).
    const auto empty = [](int depth) -> QByteArray {
        return QByteArray(depth, '[') + QByteArray(depth, ']');
    };
    QCOMPARE(parser.parseFrame(empty(65), out), 0);
    QCOMPARE(parser.parseFrame(
                 eventFrame("state_change", R"({"stateName":"S","enteredAt":0,"data":)" + empty(62) + "}"), out),
             1);
    QCOMPARE(parser.parseFrame(
                 eventFrame("state_change", R"({"stateName":"S","enteredAt":0,"data":)" + empty(63) + "}"), out),
             0);
    QCOMPARE(
        parser.parseFrame(
            eventFrame(
                "state_change",
                R"({"stateName":"S","enteredAt":0,"x":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})"),
            out),
        1);
    QCOMPARE(parser.problems()[FeedProblem::TooDeep], quint64(6));
    QCOMPARE(parser.problems().total(), quint64(7));
}

void TestFeedParser::stringLength()
{
    FeedParser parser;
    std::vector<FeedEvent> out;
    const qsizetype limit = 1024 * 1024;
    const QByteArray atLimit(limit, 'x');
    const QByteArray overLimit(limit + 1, 'x');
    QCOMPARE(parser.parseFrame(transitionFrame(R"(,"stateType":")" + atLimit + "\""), out), 1);
    QCOMPARE(out.back().stateType.size(), limit);
    QCOMPARE(parser.parseFrame(transitionFrame(R"(,"stateType":")" + overLimit + "\""), out), 0);
    QCOMPARE(describe(parser.problems()), QStringLiteral("string_too_long=1"));
    // Escapes count as the bytes they stand for: 2 * 524288 + 1 escaped bytes over the limit.
    QByteArray escaped;
    for (int i = 0; i < limit / 2; ++i)
        escaped += "\\u00e9"; // 2 bytes each
    QCOMPARE(parser.parseFrame(transitionFrame(R"(,"stateType":")" + escaped + "\""), out), 1);
    QCOMPARE(parser.parseFrame(transitionFrame(R"(,"stateType":")" + escaped + "x\""), out), 0);
    // Keys, unknown members and strings deep in data count too.
    QCOMPARE(parser.parseFrame(transitionFrame(",\"" + overLimit + "\":1"), out), 0);
    QCOMPARE(parser.parseFrame(
                 eventFrame("state_change", R"({"stateName":"S","enteredAt":0,"data":[[")" + overLimit + "\"]]}"), out),
             0);
    QCOMPARE(parser.problems()[FeedProblem::StringTooLong], quint64(4));
    // In an array frame only the element holding it goes.
    const QByteArray batch = "[" + transitionFrame({}) + "," + transitionFrame(R"(,"stateType":")" + overLimit + "\"")
        + "," + transitionFrame({}) + "]";
    QCOMPARE(parser.parseFrame(batch, out), 2);
    QCOMPARE(describe(parser.problems()), QStringLiteral("string_too_long=5"));
    QVERIFY(parser.firstMessage(FeedProblem::StringTooLong).contains(QLatin1String("1048577")));
}

void TestFeedParser::customLimits()
{
    FeedParser parser({200, 4, 20});
    std::vector<FeedEvent> out;
    QCOMPARE(parser.parseFrame(transitionFrame({}), out), 1);
    QCOMPARE(parser.parseFrame(transitionFrame(R"(,"stateType":"01234567890123456789")"), out), 1);
    QCOMPARE(parser.parseFrame(transitionFrame(R"(,"stateType":"01234567890123456789A")"), out), 0);
    QCOMPARE(parser.parseFrame(transitionFrame(R"(,"x":[[1]])"), out), 1);
    QCOMPARE(parser.parseFrame(transitionFrame(R"(,"x":[[[1]]])"), out), 0);
    QCOMPARE(parser.parseFrame(transitionFrame(QByteArray(200, ' ')), out), 0);
    QCOMPARE(describe(parser.problems()), QStringLiteral("frame_too_large=1,too_deep=1,string_too_long=1"));
    QCOMPARE(parser.limits().maxDepth, 4);
}

void TestFeedParser::messages()
{
    FeedParser parser;
    std::vector<FeedEvent> out;
    QVERIFY(parser.lastMessage().isEmpty());
    QVERIFY(parser.firstMessage(FeedProblem::MissingField).isEmpty());
    parser.parseFrame(eventFrame("transition", R"({"fromState":"A","timestamp":0})", R"(,"seq":7)"), out);
    QCOMPARE(parser.firstMessage(FeedProblem::MissingField),
             QStringLiteral("missing_field: transition seq 7: payload.toState is missing"));
    parser.parseFrame(eventFrame("transition", R"({"toState":"A","timestamp":0})"), out);
    QCOMPARE(parser.firstMessage(FeedProblem::MissingField),
             QStringLiteral("missing_field: transition seq 7: payload.toState is missing"));
    QCOMPARE(parser.lastMessage(), QStringLiteral("missing_field: transition: payload.fromState is missing"));
    parser.parseFrame(QByteArray("[1," + eventFrame("metric_update", R"({"name":"x","value":"1"})") + "]"), out);
    QCOMPARE(parser.firstMessage(FeedProblem::MalformedJson),
             QStringLiteral("malformed_json: element 0: expected an event object"));
    QCOMPARE(parser.lastMessage(),
             QStringLiteral("wrong_type: element 1: metric_update: payload.value is not a number"));
    parser.parseFrame(R"({"type":"teleport"})", out);
    QCOMPARE(parser.lastMessage(), QStringLiteral("unknown_type: unknown event type \"teleport\""));
    parser.parseFrame(R"({"type":"transition","seq":-3})", out);
    QCOMPARE(parser.lastMessage(), QStringLiteral("wrong_type: transition: seq is not an unsigned integer"));
    parser.parseFrame("{", out);
    QVERIFY(parser.lastMessage().startsWith(QLatin1String("malformed_json: ")));
    QCOMPARE(parser.problems().total(), quint64(7));
    parser.resetCounts();
    QCOMPARE(parser.problems().total(), quint64(0));
    QVERIFY(parser.firstMessage(FeedProblem::MissingField).isEmpty());
    parser.parseFrame(eventFrame("transition", R"({"toState":"A","timestamp":0})"), out);
    QCOMPARE(parser.firstMessage(FeedProblem::MissingField),
             QStringLiteral("missing_field: transition: payload.fromState is missing"));
    QVERIFY(out.empty());
}

void TestFeedParser::roundTrip_data()
{
    QTest::addColumn<FeedEvent>("event");

    QTest::newRow("transition") << transition("A", "B", kT0 + 1, [](FeedEvent &e) {
        e.hasSeq = true;
        e.seq = 99;
        e.transitionId = "t";
        e.transitionType = TransitionType::Compensation;
        e.durationMs = 0;
        e.stateType = "choice";
    });
    QTest::newRow("quotes and controls") << transition("\"\\/\b\f\n\r\t\x01\x1f", QByteArray("a\0b", 3), kT0);
    QTest::newRow("before 1970") << transition("A", "B", -86400001);
    QTest::newRow("year 0") << transition("A", "B", -62167219200000LL);
    QTest::newRow("year 10000") << transition("A", "B", 253402300800000LL);
    QTest::newRow("far future") << transition("A", "B", std::numeric_limits<qint64>::max());
    QTest::newRow("far past") << transition("A", "B", std::numeric_limits<qint64>::min() + 1);
    QTest::newRow("empty names") << transition("", "", kT0, [](FeedEvent &e) {
        e.workflowId = "";
        e.executionId = "";
    });
    for (double v : {0.1, 1e300, -1e-300, 123456789.123456789, 5e-324, 9007199254740993.0})
        QTest::newRow(qPrintable(QString::number(v, 'g', 17))) << make(FeedEventType::MetricUpdate, [v](FeedEvent &e) {
            e.metricName = "m";
            e.metricValue = v;
            e.executionId.clear();
        });
    QTest::newRow("consistency") << make(FeedEventType::Consistency, [](FeedEvent &e) {
        e.time = kT0;
        e.consistency.time = kT0;
        e.consistency.level = QStringLiteral("eventual \u00e9");
        e.consistency.nodes = {{QStringLiteral("n1"), 0.5, 3, false}};
        e.consistency.maxLagMs = 0.5;
        e.consistency.pendingChanges = 3;
        e.consistency.conflicts = 1;
        e.consistency.divergence = QStringList {QStringLiteral("a \"quoted\" line")};
    });
    QTest::newRow("checkpoint") << make(FeedEventType::CheckpointCreated, [](FeedEvent &e) {
        e.checkpointId = "c";
        e.time = kT0;
        e.sizeBytes = 0;
        e.recoverable = false;
    });
    QTest::newRow("recovery") << make(FeedEventType::RecoveryInitiated, [](FeedEvent &e) {
        e.recoveryId = "r";
        e.success = 0;
        e.data = R"({"lost":[1,2]})";
    });
    FeedEvent hello;
    hello.type = FeedEventType::Hello;
    hello.protocol = "statescope-feed/1";
    hello.workflowId = "only-this";
    QTest::newRow("hello") << hello;
    FeedEvent subscribed;
    subscribed.type = FeedEventType::Subscribed;
    subscribed.hasSeq = true;
    QTest::newRow("subscribed nothing") << subscribed;
}

void TestFeedParser::roundTrip()
{
    QFETCH(FeedEvent, event);
    const QByteArray json = feedEventToJson(event);
    FeedParser parser;
    std::vector<FeedEvent> out;
    QVERIFY2(parser.parseFrame(json, out) == 1,
             qPrintable(parser.lastMessage() + QLatin1Char(' ') + QString::fromUtf8(json)));
    const QByteArray diff = feedEventDifference(out.front(), event);
    QVERIFY2(diff.isEmpty(), QByteArray(diff + " in " + json).constData());
}

void TestFeedParser::roundTripBatch()
{
    // A 100-event frame as the simulated engine writes them.
    QByteArray frame = "[";
    std::vector<FeedEvent> sent;
    for (int i = 0; i < 100; ++i) {
        sent.push_back(
            transition("S" + QByteArray::number(i), "S" + QByteArray::number(i + 1), kT0 + i, [i](FeedEvent &e) {
                e.hasSeq = true;
                e.seq = quint64(i) + 1;
            }));
        if (i > 0)
            frame += ',';
        appendFeedEventJson(sent.back(), frame);
    }
    frame += ']';
    FeedParser parser;
    std::vector<FeedEvent> out;
    QCOMPARE(parser.parseFrame(frame, out), 100);
    for (size_t i = 0; i < sent.size(); ++i)
        QVERIFY(feedEventDifference(out[i], sent[i]).isEmpty());
}

QTEST_GUILESS_MAIN(TestFeedParser)
#include "tst_feedparser.moc"
