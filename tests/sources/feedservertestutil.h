#pragma once

// Shared by the feed server tests: a real QWebSocket client on loopback that records what the
// server sends, events to publish, and the waits the tests build on.

#include "feedserver.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslError>
#include <QTest>
#include <QWebSocket>

#include <functional>

namespace StateScope::FeedServerTest {

inline QString s(const char *text)
{
    return QString::fromLatin1(text);
}

inline QJsonObject makeEvent(const char *type, const char *workflowId, int n = 0)
{
    return QJsonObject {{s("type"), s(type)},
                        {s("workflowId"), s(workflowId)},
                        {s("executionId"), QString(s("ex-") + QString::number(n))},
                        {s("payload"), QJsonObject {{s("n"), n}}}};
}

// A real QWebSocket client on loopback that records what the server sends.
class TestClient final : public QObject
{
public:
    explicit TestClient(const QSslConfiguration &ssl = QSslConfiguration::defaultConfiguration())
    {
        m_socket.setSslConfiguration(ssl);
        connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
            const QByteArray bytes = message.toUtf8();
            frames.append(bytes);
            const QJsonDocument doc = QJsonDocument::fromJson(bytes);
            const QJsonArray items = doc.isArray() ? doc.array() : QJsonArray {doc.object()};
            if (doc.isArray())
                ++arrayFrames;
            for (const QJsonValue &v : items) {
                const QJsonObject o = v.toObject();
                (o.contains(s("seq")) ? events : controls).append(o);
            }
        });
        connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &e) { sslErrors += e; });
    }

    bool open(const QUrl &url, const QByteArray &token = {})
    {
        QNetworkRequest request(url);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        QSignalSpy connected(&m_socket, &QWebSocket::connected);
        QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
        m_socket.open(request);
        for (int i = 0; i < 50 && connected.isEmpty() && disconnected.isEmpty(); ++i)
            QTest::qWait(100); // not a spy wait: either of two signals ends it
        return !connected.isEmpty() && m_socket.state() == QAbstractSocket::ConnectedState
            && waitUntil([this] { return !controls.isEmpty(); }) && type(controls.first()) == u"hello";
    }

    bool waitUntil(const std::function<bool()> &done, int timeoutMs = 10000)
    {
        QSignalSpy spy(&m_socket, &QWebSocket::textMessageReceived);
        QDeadlineTimer deadline(timeoutMs);
        while (!done()) {
            if (deadline.hasExpired())
                return false;
            spy.wait(int(std::max<qint64>(1, deadline.remainingTime())));
        }
        return true;
    }
    bool waitForEvents(int count)
    {
        return waitUntil([&] { return events.size() >= count; });
    }
    bool waitForControl(QStringView t)
    {
        return waitUntil([&] { return !controls.isEmpty() && type(controls.last()) == t; });
    }
    bool waitForDisconnect()
    {
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        QSignalSpy spy(&m_socket, &QWebSocket::disconnected);
        return spy.wait(10000);
    }

    void send(const QByteArray &json) { m_socket.sendTextMessage(QString::fromUtf8(json)); }
    void subscribe(const QStringList &topics, qint64 sinceSeq = -1)
    {
        QJsonObject request {{s("action"), s("subscribe")}, {s("topics"), QJsonArray::fromStringList(topics)}};
        if (sinceSeq >= 0)
            request.insert(s("sinceSeq"), sinceSeq);
        send(QJsonDocument(request).toJson(QJsonDocument::Compact));
    }
    QList<qint64> seqs() const
    {
        QList<qint64> out;
        for (const QJsonObject &e : events)
            out.append(e.value(s("seq")).toInteger());
        return out;
    }
    static QString type(const QJsonObject &o) { return o.value(s("type")).toString(); }

    QWebSocket m_socket;
    QList<QByteArray> frames;
    QList<QJsonObject> events; // objects carrying a seq
    QList<QJsonObject> controls; // hello, heartbeat, subscribed, resume_failed, error
    QList<QSslError> sslErrors;
    int arrayFrames = 0;
};

inline QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> out;
    for (qint64 i = first; i <= last; ++i)
        out.append(i);
    return out;
}

// Subscribes and waits until the server has taken the subscription.
inline bool subscribeAndWait(FeedServer &server, TestClient &client, const QStringList &topics, qint64 sinceSeq = -1)
{
    QSignalSpy spy(&server, &FeedServer::subscribed);
    client.subscribe(topics, sinceSeq);
    return spy.wait(10000) && client.waitForControl(u"subscribed");
}

} // namespace StateScope::FeedServerTest
