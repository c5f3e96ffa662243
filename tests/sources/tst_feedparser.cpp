#include "feedparsertestutil.h"

#include <QTest>

using namespace StateScope;
using namespace StateScope::FeedParserTest;

Q_DECLARE_METATYPE(StateScope::FeedEvent)

class TestFeedParser : public QObject
{
    Q_OBJECT

private slots:
    void names();
    void goodFrames_data();
    void goodFrames();
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
    // Read in place (a line in a larger buffer), followed by more text: the same events.
    const QByteArray buffer = frame + QByteArray("\n{\"seq\":1,\"type\":\"heartbeat\"}") + QByteArray(FeedParser::kPadding, ' ');
    std::vector<FeedEvent> inPlace;
    QCOMPARE(parser.parseFramePadded(QByteArrayView(buffer).first(frame.size()), inPlace), added);
    QVERIFY2(parser.problems().total() == 0, qPrintable(parser.lastMessage()));
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QByteArray diff = feedEventDifference(inPlace[size_t(i)], expected[i]);
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
