#include "feedservertestutil.h"
#include "timeutil.h"


using namespace StateScope;
using namespace StateScope::FeedServerTest;

// The statescope-feed/1 server side of SPEC 4 as a client sees it: hello, topics, replay with
// sinceSeq, resume_failed, unsubscribe, heartbeats, batching into frames, numbering across a
// restart. Hostile input, tokens, TLS and slow clients: tst_feedserverlimits.
class TestFeedServer : public QObject
{
    Q_OBJECT

private slots:
    void hello();
    void liveEventsMatchTopics();
    void replaySinceSeq();
    void resumeFailed();
    void unsubscribe();
    void heartbeats();
    void batching();
    void restartOnSamePort();
    void publishSerialized();
};

void TestFeedServer::hello()
{
    FeedServer server({});
    QVERIFY(server.listen(nullptr));
    QCOMPARE(server.url().scheme(), s("ws"));
    QCOMPARE(server.url().host(), s("127.0.0.1"));
    TestClient empty;
    QVERIFY(empty.open(server.url()));
    QJsonObject payload = empty.controls.first().value(s("payload")).toObject();
    QCOMPARE(payload.value(s("protocol")).toString(), s("statescope-feed/1"));
    QCOMPARE(payload.value(s("oldestSeq")).toInteger(), 1);
    QCOMPARE(payload.value(s("latestSeq")).toInteger(), 0);
    TimeMs t = kUnknownTime;
    QVERIFY(TimeUtil::parse(payload.value(s("serverTime")).toString(), &t));
    QVERIFY(qAbs(t - QDateTime::currentMSecsSinceEpoch()) < 60000);

    for (int i = 0; i < 3; ++i)
        QCOMPARE(server.publish(makeEvent("transition", "wf-1", i)), quint64(i + 1));
    TestClient client;
    QVERIFY(client.open(server.url()));
    payload = client.controls.first().value(s("payload")).toObject();
    QCOMPARE(payload.value(s("oldestSeq")).toInteger(), 1);
    QCOMPARE(payload.value(s("latestSeq")).toInteger(), 3);
    QCOMPARE(server.clientCount(), 2);
    QVERIFY(client.events.isEmpty()); // nothing without a subscription
}

void TestFeedServer::liveEventsMatchTopics()
{
    FeedServer server({});
    QVERIFY(server.listen(nullptr));
    server.publish(makeEvent("transition", "wf-1")); // before the subscription: not sent
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(subscribeAndWait(server, client, {s("transition:wf-1"), s("state:*")}));
    const QJsonObject reply = client.controls.last();
    QCOMPARE(reply.value(s("topics")).toArray().size(), 2);
    QCOMPARE(reply.value(s("replayFrom")).toInteger(), 2);

    server.publish(makeEvent("transition", "wf-1", 1)); // 2 yes
    server.publish(makeEvent("transition", "wf-2", 2)); // 3 no
    server.publish(makeEvent("state_change", "wf-2", 3)); // 4 yes (state:*)
    server.publish(makeEvent("alert_triggered", "wf-1")); // 5 no
    server.publish(makeEvent("metric_update", "wf-1")); // 6 no
    server.publish(makeEvent("execution_started", "wf-1")); // 7 no
    server.publish(makeEvent("transition", "wf-1", 8)); // 8 yes
    QVERIFY(client.waitForEvents(3));
    QCOMPARE(client.seqs(), QList<qint64>({2, 4, 8}));
    QCOMPARE(client.events[1].value(s("type")).toString(), s("state_change"));
    QCOMPARE(client.events[1].value(s("payload")).toObject().value(s("n")).toInt(), 3);
    QCOMPARE(client.events[0].value(s("workflowId")).toString(), s("wf-1"));

    // A second client with every transition: gets wf-2 too, and types without a topic.
    TestClient all;
    QVERIFY(all.open(server.url()));
    QVERIFY(subscribeAndWait(server, all, {s("transition:*")}));
    server.publish(makeEvent("transition", "wf-2")); // 9 all only
    server.publish(makeEvent("mystery_type", "wf-9")); // 10 both: unknown types go to every subscriber
    QVERIFY(all.waitForEvents(2));
    QCOMPARE(all.seqs(), QList<qint64>({9, 10}));
    QVERIFY(client.waitForEvents(4));
    QCOMPARE(client.seqs(), QList<qint64>({2, 4, 8, 10}));
}

void TestFeedServer::replaySinceSeq()
{
    FeedServer server({});
    QVERIFY(server.listen(nullptr));
    for (int i = 1; i <= 250; ++i)
        server.publish(makeEvent(i % 5 == 0 ? "alert_triggered" : "transition", i % 2 ? "wf-a" : "wf-b", i));
    QList<qint64> expected;
    for (qint64 i = 101; i <= 250; ++i)
        if (i % 5 != 0)
            expected.append(i);

    TestClient client;
    QVERIFY(client.open(server.url()));
    QSignalSpy spy(&server, &FeedServer::subscribed);
    QVERIFY(subscribeAndWait(server, client, {s("transition:*")}, 100));
    QCOMPARE(spy.first().at(1).value<quint64>(), quint64(100));
    QCOMPARE(client.controls.last().value(s("replayFrom")).toInteger(), 101);
    QVERIFY(client.waitForEvents(int(expected.size())));
    for (int i = 251; i <= 260; ++i)
        server.publish(makeEvent("transition", "wf-a", i));
    expected += range(251, 260);
    QVERIFY(client.waitForEvents(int(expected.size())));
    QCOMPARE(client.seqs(), expected); // exact, in order, no gaps, no duplicates

    // A workflow-specific replay from the very start.
    TestClient one;
    QVERIFY(one.open(server.url()));
    QVERIFY(subscribeAndWait(server, one, {s("transition:wf-b")}, 0));
    QVERIFY(one.waitForEvents(100)); // even i in 1..250, not multiples of 5
    for (const QJsonObject &e : std::as_const(one.events))
        QCOMPARE(e.value(s("workflowId")).toString(), s("wf-b"));
    QCOMPARE(one.seqs().first(), 2);
    QCOMPARE(one.seqs().last(), 248);
}

void TestFeedServer::resumeFailed()
{
    FeedServerOptions options;
    options.resumeBufferEvents = 40;
    FeedServer server(options);
    QVERIFY(server.listen(nullptr));
    for (int i = 1; i <= 50; ++i)
        server.publish(makeEvent("transition", "wf-1", i));
    server.flush();
    QCOMPARE(server.oldestSeq(), quint64(11));
    server.dropBufferBefore(30);
    QCOMPARE(server.oldestSeq(), quint64(30));
    QCOMPARE(server.latestSeq(), quint64(50));

    TestClient client;
    QVERIFY(client.open(server.url()));
    QSignalSpy failed(&server, &FeedServer::resumeFailed);
    client.subscribe({s("transition:*")}, 10);
    QVERIFY(client.waitForControl(u"resume_failed"));
    QCOMPARE(client.controls.last().value(s("oldestSeq")).toInteger(), 30);
    QCOMPARE(failed.size(), 1);
    client.subscribe({s("transition:*")}, 99); // ahead of the feed: not resumable either
    QVERIFY(client.waitUntil([&] { return failed.size() == 2; }));

    // Live only after the failure.
    QVERIFY(subscribeAndWait(server, client, {s("transition:*")}));
    QCOMPARE(client.controls.last().value(s("replayFrom")).toInteger(), 51);
    server.publish(makeEvent("transition", "wf-1"));
    QVERIFY(client.waitForEvents(1));
    QCOMPARE(client.seqs(), QList<qint64>({51}));

    // The oldest held event's predecessor is still a valid resume point.
    TestClient edge;
    QVERIFY(edge.open(server.url()));
    QVERIFY(subscribeAndWait(server, edge, {s("transition:*")}, 29));
    QVERIFY(edge.waitForEvents(22));
    QCOMPARE(edge.seqs(), range(30, 51));
}

void TestFeedServer::unsubscribe()
{
    FeedServer server({});
    QVERIFY(server.listen(nullptr));
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(subscribeAndWait(server, client, {s("transition:*"), s("alert:*")}));
    server.publish(makeEvent("transition", "wf-1"));
    server.publish(makeEvent("alert_triggered", "wf-1"));
    QVERIFY(client.waitForEvents(2));
    QSignalSpy spy(&server, &FeedServer::unsubscribed);
    client.send(R"({"action":"unsubscribe","topics":["transition:*","state:never-held"]})");
    QVERIFY(spy.wait(10000));
    server.publish(makeEvent("transition", "wf-1")); // 3: no longer
    server.publish(makeEvent("alert_resolved", "wf-1")); // 4
    QVERIFY(client.waitForEvents(3));
    QCOMPARE(client.seqs(), QList<qint64>({1, 2, 4}));
}

void TestFeedServer::heartbeats()
{
    FeedServerOptions options;
    options.heartbeatIntervalMs = 100;
    FeedServer server(options);
    QVERIFY(server.listen(nullptr));
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.waitUntil([&] { return client.controls.size() >= 3; })); // hello + 2 heartbeats
    for (int i = 1; i < 3; ++i) {
        const QJsonObject beat = client.controls[i];
        QCOMPARE(TestClient::type(beat), s("heartbeat"));
        QVERIFY(!beat.contains(s("seq")));
        TimeMs t = kUnknownTime;
        QVERIFY(TimeUtil::parse(beat.value(s("payload")).toObject().value(s("serverTime")).toString(), &t));
    }
}

void TestFeedServer::batching()
{
    FeedServer server({});
    QVERIFY(server.listen(nullptr));
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(subscribeAndWait(server, client, {s("transition:*")}));
    const qsizetype framesBefore = client.frames.size();
    for (int i = 0; i < 100; ++i) // one event-loop turn
        server.publish(makeEvent("transition", "wf-1", i));
    QVERIFY(client.waitForEvents(100));
    QVERIFY(client.frames.size() - framesBefore <= 2);
    QCOMPARE(client.arrayFrames, 1);
    QVERIFY(client.frames.last().startsWith('['));
    QCOMPARE(client.seqs(), range(1, 100));

    // A single event goes as a bare object; maxBatchEvents splits bigger turns.
    server.publish(makeEvent("transition", "wf-1"));
    QVERIFY(client.waitForEvents(101));
    QVERIFY(client.frames.last().startsWith('{'));

    FeedServerOptions options;
    options.maxBatchEvents = 30;
    FeedServer small(options);
    QVERIFY(small.listen(nullptr));
    TestClient split;
    QVERIFY(split.open(small.url()));
    QVERIFY(subscribeAndWait(small, split, {s("transition:*")}));
    for (int i = 0; i < 100; ++i)
        small.publish(makeEvent("transition", "wf-1", i));
    QVERIFY(split.waitForEvents(100));
    QCOMPARE(split.arrayFrames, 4); // 30 + 30 + 30 + 10
    QCOMPARE(split.seqs(), range(1, 100));
}

void TestFeedServer::restartOnSamePort()
{
    auto first = std::make_unique<FeedServer>(FeedServerOptions {});
    QVERIFY(first->listen(nullptr));
    const QUrl url = first->url();
    TestClient client;
    QVERIFY(client.open(url));
    QVERIFY(subscribeAndWait(*first, client, {s("transition:*")}));
    for (int i = 1; i <= 20; ++i)
        first->publish(makeEvent("transition", "wf-1", i));
    QVERIFY(client.waitForEvents(20));
    first->close();
    QVERIFY(client.waitForDisconnect());
    first.reset();

    FeedServerOptions options;
    options.port = url.port();
    FeedServer second(options);
    second.setNextSeq(21);
    QString error;
    QVERIFY2(second.listen(&error), qPrintable(error));
    QCOMPARE(second.url(), url);
    TestClient again;
    QVERIFY(again.open(url));
    const QJsonObject payload = again.controls.first().value(s("payload")).toObject();
    QCOMPARE(payload.value(s("latestSeq")).toInteger(), 20);
    QCOMPARE(payload.value(s("oldestSeq")).toInteger(), 21);
    again.subscribe({s("transition:*")}, 15); // events 16..20 died with the first server
    QVERIFY(again.waitForControl(u"resume_failed"));
    QVERIFY(subscribeAndWait(second, again, {s("transition:*")}, client.seqs().last()));
    QCOMPARE(again.controls.last().value(s("replayFrom")).toInteger(), 21);
    for (int i = 21; i <= 30; ++i)
        QCOMPARE(second.publish(makeEvent("transition", "wf-1", i)), quint64(i));
    QVERIFY(again.waitForEvents(10));
    QCOMPARE(again.seqs(), range(21, 30));
}

void TestFeedServer::publishSerialized()
{
    FeedServer server({});
    QCOMPARE(server.publishSerialized("[1]", "transition", "wf"), quint64(0));
    QCOMPARE(server.publishSerialized("{}", "x", "wf"), quint64(1));
    QCOMPARE(server.publishSerialized(R"({"type":"transition","workflowId":"wf"})", "transition", "wf"), quint64(2));
    server.setNextSeq(10);
    server.setNextSeq(5); // never backwards
    QCOMPARE(server.publish(QJsonObject {{s("type"), s("x")}, {s("seq"), 999}}), quint64(10));
    QCOMPARE(server.latestSeq(), quint64(10));
    QCOMPARE(server.bufferedEvents(), 3);
}

QTEST_GUILESS_MAIN(TestFeedServer)
#include "tst_feedserver.moc"
