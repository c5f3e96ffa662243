#include "feedparsertestutil.h"

#include <QTest>

using namespace StateScope;
using namespace StateScope::FeedParserTest;

Q_DECLARE_METATYPE(StateScope::FeedEvent)

// Frames the parser must reject, count by kind and survive: bad JSON, wrong and missing fields,
// the limits of BARS S5, and the messages that name the problem.
class TestFeedParserRejects : public QObject
{
    Q_OBJECT

private slots:
    void badFrames_data();
    void badFrames();
    void frameTooLarge();
    void nesting();
    void stringLength();
    void customLimits();
    void messages();
};

void TestFeedParserRejects::badFrames_data()
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

void TestFeedParserRejects::badFrames()
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

    // Read in place, followed by bytes that would close or mend it, the frame is as bad.
    FeedParser inPlace;
    std::vector<FeedEvent> inPlaceOut;
    const QByteArray buffer = frame + QByteArray("\"}]}\n{\"type\":\"heartbeat\"}") + QByteArray(FeedParser::kPadding, '}');
    QCOMPARE(inPlace.parseFramePadded(QByteArrayView(buffer).first(frame.size()), inPlaceOut), good);
    QCOMPARE(describe(inPlace.problems()), describe(countsOf(problems)));
    FeedParser copying;
    std::vector<FeedEvent> copyingOut;
    copying.parseFrame(frame, copyingOut);
    QCOMPARE(inPlace.lastMessage(), copying.lastMessage());
}

void TestFeedParserRejects::frameTooLarge()
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

void TestFeedParserRejects::nesting()
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

void TestFeedParserRejects::stringLength()
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

void TestFeedParserRejects::customLimits()
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

void TestFeedParserRejects::messages()
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

QTEST_GUILESS_MAIN(TestFeedParserRejects)
#include "tst_feedparserrejects.moc"
