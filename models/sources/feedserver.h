#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QWebSocketProtocol>

#include <deque>
#include <limits>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QWebSocket;
QT_END_NAMESPACE

namespace StateScope {

class FeedListener;
struct FeedRequest;

struct FeedServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0 = any free port
    int resumeBufferEvents = 100000; // events kept for resume (sinceSeq)
    qint64 resumeBufferBytes = 256LL << 20; // and at most this many bytes of them
    int heartbeatIntervalMs = 2000; // SPEC 4: at least every 5 s (larger values are capped)
    QByteArray bearerToken; // non-empty: the handshake must carry "Authorization: Bearer <token>", else HTTP 401
    QString certificateFile, privateKeyFile; // both set: serve wss:// (PEM chain, unencrypted PEM key)
    int maxBatchEvents = 100; // events per array frame
    qint64 maxBatchBytes = 1 << 20; // a frame is closed once it holds this much (one bigger event goes alone)
    qint64 maxClientBacklogBytes = 64LL << 20; // unsent bytes queued per client before the server waits for it
    qint64 maxClientMessageBytes = 1 << 20; // larger client messages close the connection (1009)
};

// The server side of statescope-feed/1 (SPEC 4), for `statescope simulate` and tests.
//
// Every published event gets the next seq, is serialized once and kept (bytes, topic
// category, workflowId) in a bounded resume buffer; each subscriber reads that buffer through
// its own cursor, so replay and live delivery are one path and always in seq order. Events
// published in one event-loop turn go out as array frames at the end of the turn. A client
// that does not read is not written to beyond maxClientBacklogBytes; once the buffer has
// dropped events it was still owed, it is disconnected (it can resume, or is told
// resume_failed). Not thread-safe: use it from the thread it lives in.
class FeedServer final : public QObject
{
    Q_OBJECT

public:
    static constexpr quint64 kLiveOnly = std::numeric_limits<quint64>::max(); // subscribed() without sinceSeq
    static constexpr int kMaxTopicsPerClient = 10000;

    explicit FeedServer(FeedServerOptions options, QObject *parent = nullptr);
    ~FeedServer() override;

    // The error names the problem (port in use, bad certificate file, ...). Listening again after
    // close() uses the port bound the first time.
    bool listen(QString *error);
    bool isListening() const;
    QUrl url() const; // ws://127.0.0.1:PORT or wss://localhost:PORT
    quint16 port() const;
    const FeedServerOptions &options() const { return m_options; }

    // Assigns the next seq (written into the event as "seq"; a "seq" it holds is replaced),
    // buffers the event and queues it for every subscriber whose topics match. Returns the seq.
    quint64 publish(const QJsonObject &event);
    // The same from an already serialized compact JSON object without "seq" (for a faster
    // writer): the seq is spliced in. Returns 0, publishing nothing, if objectJson is not an object.
    quint64 publishSerialized(const QByteArray &objectJson, QByteArrayView type, QByteArrayView workflowId);
    // Sends what was published so far now instead of at the end of the event-loop turn.
    void flush();

    quint64 latestSeq() const { return m_nextSeq - 1; }
    quint64 oldestSeq() const; // oldest buffered seq, latestSeq() + 1 when the buffer is empty
    qsizetype bufferedEvents() const { return qsizetype(m_buffer.size()); }
    int clientCount() const;

    // Stops listening and drops the clients (close code 1001: they reconnect and resume). The
    // buffer and numbering stay.
    void close();
    // The feed is over for good: sends what is pending, then closes every client with code 1000
    // and the reason "end of feed", which tells clients not to reconnect.
    void endFeed();
    // Numbering continues at seq (only forward: seqs stay strictly increasing). With an empty
    // buffer, seqs before it are then not resumable.
    void setNextSeq(quint64 seq);
    // Forgets buffered events older than seq (clients still owed them are disconnected).
    void dropBufferBefore(quint64 seq);

signals:
    void clientConnected();
    void clientDisconnected();
    void subscribed(const QStringList &topics, quint64 sinceSeq); // sinceSeq == kLiveOnly when absent
    void unsubscribed(const QStringList &topics);
    void resumeFailed(quint64 sinceSeq);
    void slowClientDropped(); // it fell behind the resume buffer

private:
    struct Client;
    struct BufferedEvent
    {
        quint64 seq = 0;
        QByteArray json; // the complete event object, "seq" included
        QByteArray workflowId; // interned
        qint8 category = -1; // FeedTopics::Category, -1 for types without one (sent to every subscriber)
    };

    void closeClients(QWebSocketProtocol::CloseCode code, const QString &reason);
    void addClient(QWebSocket *socket);
    void removeClient(Client &client);
    void sweepClients();
    void handleMessage(Client &client, const QByteArray &message);
    void subscribe(Client &client, const FeedRequest &request);
    void unsubscribe(Client &client, const FeedRequest &request);
    void sendError(Client &client, const QString &message);
    void send(Client &client, const QByteArray &json);
    void pump(Client &client);
    void trimBuffer();
    void dropLaggingClients();
    void sendHeartbeat();
    bool matches(const Client &client, const BufferedEvent &event) const;
    QByteArray intern(QByteArrayView workflowId);

    FeedServerOptions m_options;
    FeedListener *m_listener = nullptr;
    std::vector<std::unique_ptr<Client>> m_clients;
    int m_loopDepth = 0; // > 0 while iterating m_clients: removal is deferred to sweepClients()
    std::deque<BufferedEvent> m_buffer;
    qint64 m_bufferBytes = 0;
    quint64 m_nextSeq = 1;
    quint64 m_droppedThrough = 0; // highest seq removed from the buffer
    QSet<QByteArray> m_workflowIds;
    QTimer m_flushTimer;
    QTimer m_sweepTimer;
    QTimer m_heartbeatTimer;
};

} // namespace StateScope
