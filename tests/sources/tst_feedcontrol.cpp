#include "feedcontrol.h"
#include "feedtopics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace StateScope;

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

// Topics and control messages of statescope-feed/1, without sockets.
class TestFeedControl : public QObject
{
    Q_OBJECT

private slots:
    void topicParsing_data();
    void topicParsing();
    void eventTypeCategories();
    void topicSet();
    void goodRequests();
    void badRequests_data();
    void badRequests();
    void serverMessages();
};

void TestFeedControl::topicParsing_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("id");
    QTest::newRow("state star") << s("state:*") << true << s("state") << s("*");
    QTest::newRow("transition id") << s("transition:wf-1") << true << s("transition") << s("wf-1");
    QTest::newRow("id with colon") << s("metric:a:b") << true << s("metric") << s("a:b");
    QTest::newRow("consistency") << s("consistency:x") << true << s("consistency") << s("x");
    QTest::newRow("unicode id") << QString::fromUtf8("alert:wörk") << true << s("alert") << QString::fromUtf8("wörk");
    QTest::newRow("unknown category") << s("states:*") << false << QString() << QString();
    QTest::newRow("upper case") << s("STATE:*") << false << QString() << QString();
    QTest::newRow("empty id") << s("alert:") << false << QString() << QString();
    QTest::newRow("no colon") << s("alert") << false << QString() << QString();
    QTest::newRow("no category") << s(":wf") << false << QString() << QString();
    QTest::newRow("empty") << QString() << false << QString() << QString();
    QTest::newRow("control char") << s("alert:a\nb") << false << QString() << QString();
    QTest::newRow("too long") << s("alert:") + QString(2000, u'x') << false << QString() << QString();
}

void TestFeedControl::topicParsing()
{
    QFETCH(QString, topic);
    QFETCH(bool, valid);
    QFETCH(QString, category);
    QFETCH(QString, id);
    FeedTopics::Category parsed;
    QString parsedId;
    QCOMPARE(FeedTopics::parseTopic(topic, &parsed, &parsedId), valid);
    if (valid) {
        QCOMPARE(QString::fromLatin1(FeedTopics::categoryName(parsed)), category);
        QCOMPARE(parsedId, id);
        QCOMPARE(FeedTopics::topic(parsed, parsedId), topic);
    }
}

void TestFeedControl::eventTypeCategories()
{
    QCOMPARE(FeedTopics::topicCategoryForEventType("transition"), QByteArray("transition"));
    QCOMPARE(FeedTopics::topicCategoryForEventType("state_change"), QByteArray("state"));
    for (const char *t : {"execution_started", "execution_completed", "execution_failed"})
        QCOMPARE(FeedTopics::topicCategoryForEventType(t), QByteArray("execution"));
    QCOMPARE(FeedTopics::topicCategoryForEventType("checkpoint_created"), QByteArray("checkpoint"));
    QCOMPARE(FeedTopics::topicCategoryForEventType("recovery_initiated"), QByteArray("recovery"));
    QCOMPARE(FeedTopics::topicCategoryForEventType("recovery_completed"), QByteArray("recovery"));
    QCOMPARE(FeedTopics::topicCategoryForEventType("consistency"), QByteArray("consistency"));
    QCOMPARE(FeedTopics::topicCategoryForEventType("alert_triggered"), QByteArray("alert"));
    QCOMPARE(FeedTopics::topicCategoryForEventType("alert_resolved"), QByteArray("alert"));
    QCOMPARE(FeedTopics::topicCategoryForEventType("metric_update"), QByteArray("metric"));
    for (const char *t : {"hello", "heartbeat", "subscribed", "resume_failed", "error", "Transition", ""})
        QVERIFY(FeedTopics::topicCategoryForEventType(t).isEmpty());
}

void TestFeedControl::topicSet()
{
    FeedTopics set;
    QVERIFY(set.isEmpty());
    QVERIFY(set.add(s("state:wf-1")));
    QVERIFY(!set.add(s("state:wf-1")));
    QVERIFY(!set.add(s("bogus:wf-1")));
    QVERIFY(set.add(s("alert:*")));
    QCOMPARE(set.size(), 2);
    QVERIFY(set.matches(FeedTopics::Category::State, "wf-1"));
    QVERIFY(!set.matches(FeedTopics::Category::State, "wf-2"));
    QVERIFY(set.matches(FeedTopics::Category::Alert, "anything"));
    QVERIFY(!set.matches(FeedTopics::Category::Metric, "wf-1"));
    QVERIFY(!set.matchesEverything());
    QCOMPARE(set.toStringList(), QStringList({s("state:wf-1"), s("alert:*")}));
    QVERIFY(set.remove(FeedTopics::Category::State, s("wf-1")));
    QVERIFY(!set.remove(FeedTopics::Category::State, s("wf-1")));
    QVERIFY(!set.matches(FeedTopics::Category::State, "wf-1"));
    for (const char *c : {"state", "transition", "checkpoint", "recovery", "consistency", "execution", "metric"})
        set.add(QString(s(c) + s(":*")));
    QVERIFY(set.matchesEverything());
    set.clear();
    QVERIFY(set.isEmpty());
}

void TestFeedControl::goodRequests()
{
    FeedRequest r;
    QString error;
    QVERIFY2(FeedControl::parseRequest(R"({"action":"subscribe","topics":["state:*","transition:wf-1"],"sinceSeq":42})",
                                       &r, &error),
             qPrintable(error));
    QCOMPARE(r.action, FeedRequest::Action::Subscribe);
    QCOMPARE(r.topicNames, QStringList({s("state:*"), s("transition:wf-1")}));
    QCOMPARE(r.topics.size(), size_t(2));
    QCOMPARE(r.topics[1].first, FeedTopics::Category::Transition);
    QCOMPARE(r.topics[1].second, s("wf-1"));
    QCOMPARE(r.sinceSeq, std::optional<quint64>(42));

    QVERIFY(FeedControl::parseRequest(R"({"action":"subscribe","topics":["alert:*"],"sinceSeq":null})", &r, &error));
    QVERIFY(!r.sinceSeq);
    QVERIFY(FeedControl::parseRequest(R"({"action":"subscribe","topics":["alert:*"],"sinceSeq":0})", &r, &error));
    QCOMPARE(r.sinceSeq, std::optional<quint64>(0));
    QVERIFY(FeedControl::parseRequest(R"({"action":"unsubscribe","topics":["alert:*"]})", &r, &error));
    QCOMPARE(r.action, FeedRequest::Action::Unsubscribe);

    // The builders produce what the parser takes.
    QVERIFY(FeedControl::parseRequest(FeedControl::subscribeRequest({s("metric:*")}, 7), &r, &error));
    QCOMPARE(r.sinceSeq, std::optional<quint64>(7));
    QVERIFY(FeedControl::parseRequest(FeedControl::subscribeRequest({s("metric:*")}), &r, &error));
    QVERIFY(!r.sinceSeq);
    QVERIFY(FeedControl::parseRequest(FeedControl::unsubscribeRequest({s("metric:*")}), &r, &error));
    QCOMPARE(r.action, FeedRequest::Action::Unsubscribe);
}

void TestFeedControl::badRequests_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("hello?");
    QTest::newRow("truncated") << QByteArray(R"({"action":"subscribe","topics":["state:*")");
    QTest::newRow("array") << QByteArray("[1,2]");
    QTest::newRow("number") << QByteArray("42");
    QTest::newRow("no action") << QByteArray(R"({"topics":["state:*"]})");
    QTest::newRow("unknown action") << QByteArray(R"({"action":"dance","topics":["state:*"]})");
    QTest::newRow("action not string") << QByteArray(R"({"action":7})");
    QTest::newRow("no topics") << QByteArray(R"({"action":"subscribe"})");
    QTest::newRow("topics string") << QByteArray(R"({"action":"subscribe","topics":"state:*"})");
    QTest::newRow("topics object") << QByteArray(R"({"action":"subscribe","topics":{"a":1}})");
    QTest::newRow("topics empty") << QByteArray(R"({"action":"subscribe","topics":[]})");
    QTest::newRow("topic number") << QByteArray(R"({"action":"subscribe","topics":[1]})");
    QTest::newRow("topic category") << QByteArray(R"({"action":"subscribe","topics":["nope:*"]})");
    QTest::newRow("topic id") << QByteArray(R"({"action":"subscribe","topics":["state:"]})");
    QTest::newRow("one bad topic") << QByteArray(R"({"action":"subscribe","topics":["state:*","x"]})");
    QTest::newRow("since negative") << QByteArray(R"({"action":"subscribe","topics":["state:*"],"sinceSeq":-1})");
    QTest::newRow("since fraction") << QByteArray(R"({"action":"subscribe","topics":["state:*"],"sinceSeq":1.5})");
    QTest::newRow("since string") << QByteArray(R"({"action":"subscribe","topics":["state:*"],"sinceSeq":"3"})");
    QTest::newRow("since huge") << QByteArray(R"({"action":"subscribe","topics":["state:*"],"sinceSeq":1e300})");
    QTest::newRow("since bool") << QByteArray(R"({"action":"subscribe","topics":["state:*"],"sinceSeq":true})");
    QTest::newRow("unsubscribe null") << QByteArray(R"({"action":"unsubscribe","topics":[null]})");
    QTest::newRow("deep") << QByteArray(5000, '[') + QByteArray(5000, ']');
    QTest::newRow("invalid utf8") << QByteArray("{\"action\":\"subscribe\",\"topics\":[\"state:\xff\xfe\"]}");
    QTest::newRow("long topic") << R"({"action":"subscribe","topics":["state:)" + QByteArray(100000, 'x') + R"("]})";
    QByteArray many = R"({"action":"subscribe","topics":[)";
    for (int i = 0; i <= FeedControl::kMaxTopicsPerMessage; ++i)
        many += (i ? ",\"state:w" : "\"state:w") + QByteArray::number(i) + '"';
    QTest::newRow("too many topics") << many + "]}";
}

void TestFeedControl::badRequests()
{
    QFETCH(QByteArray, message);
    FeedRequest r;
    QString error;
    QVERIFY(!FeedControl::parseRequest(message, &r, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(error.size() < 400); // one line for the reply, not an echo of the input
    const QJsonObject reply = object(FeedControl::error(s("bad_request"), error));
    QCOMPARE(reply.value(s("type")).toString(), s("error"));
    QCOMPARE(reply.value(s("code")).toString(), s("bad_request"));
    QCOMPARE(reply.value(s("message")).toString(), error);
}

void TestFeedControl::serverMessages()
{
    const QJsonObject hello = object(FeedControl::hello(5, 9, 1767225600000));
    QCOMPARE(hello.value(s("type")).toString(), s("hello"));
    QVERIFY(!hello.contains(s("seq")));
    const QJsonObject payload = hello.value(s("payload")).toObject();
    QCOMPARE(payload.value(s("protocol")).toString(), s("statescope-feed/1"));
    QCOMPARE(payload.value(s("serverTime")).toString(), s("2026-01-01T00:00:00.000Z"));
    QCOMPARE(payload.value(s("oldestSeq")).toInteger(), 5);
    QCOMPARE(payload.value(s("latestSeq")).toInteger(), 9);

    const QJsonObject beat = object(FeedControl::heartbeat(1767225600000));
    QCOMPARE(beat.value(s("type")).toString(), s("heartbeat"));
    QCOMPARE(beat.value(s("payload")).toObject().value(s("serverTime")).toString(), s("2026-01-01T00:00:00.000Z"));

    const QJsonObject sub = object(FeedControl::subscribed({s("state:*")}, 10));
    QCOMPARE(sub.value(s("type")).toString(), s("subscribed"));
    QCOMPARE(sub.value(s("topics")).toArray(), QJsonArray({s("state:*")}));
    QCOMPARE(sub.value(s("replayFrom")).toInteger(), 10);

    const QJsonObject failed = object(FeedControl::resumeFailed(300));
    QCOMPARE(failed.value(s("type")).toString(), s("resume_failed"));
    QCOMPARE(failed.value(s("oldestSeq")).toInteger(), 300);
    // Seqs beyond 2^53 still travel exactly.
    QVERIFY(FeedControl::resumeFailed(9007199254740993ULL).contains("9007199254740993"));
}

QTEST_GUILESS_MAIN(TestFeedControl)
#include "tst_feedcontrol.moc"
