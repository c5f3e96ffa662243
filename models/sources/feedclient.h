#pragma once

#include "feedevent.h"

#include <QAbstractSocket>
#include <QObject>
#include <QUrl>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

class QTimer;
class QWebSocket;

namespace StateScope {

class FeedParser;

// A batch of events as it crosses threads: shared, so a queued signal copies a pointer rather
// than every event.
using FeedBatch = std::shared_ptr<const std::vector<FeedEvent>>;

// Events handed to a consumer and not yet applied. Past the limit the client stops reading
// until half of them were acknowledged: TCP, then the server, hold the rest (a server that
// drops us as slow is resumed by seq), so a consumer that cannot keep up never makes memory
// grow without bound (BARS R3). Thread-safe; shared by the client and its consumer.
class FeedInFlight final
{
public:
    explicit FeedInFlight(qint64 limit) : m_limit(limit) {}
    void add(qint64 events);
    void acknowledge(qint64 events);
    // Blocks while over the limit, until half is drained or `patience` passed; returns the
    // time waited in ms.
    qint64 waitWhileOver(std::chrono::milliseconds patience);

private:
    const qint64 m_limit;
    std::mutex m_mutex;
    std::condition_variable m_drained;
    qint64 m_events = 0;
};

struct FeedClientOptions
{
    QUrl url;
    QStringList topics{QStringLiteral("transition:*"), QStringLiteral("state:*"), QStringLiteral("execution:*"),
                       QStringLiteral("checkpoint:*"), QStringLiteral("recovery:*"), QStringLiteral("consistency:*"),
                       QStringLiteral("alert:*"), QStringLiteral("metric:*")};
    QByteArray bearerToken;     // sent as "Authorization: Bearer ..." on the handshake
    QString caFile;             // extra CA certificates (PEM) to trust for wss://, e.g. a private CA
    int initialBackoffMs = 200; // reconnect delay doubles from here ...
    int maxBackoffMs = 10000;   // ... up to here, each delay with +-30% jitter
    int heartbeatTimeoutMs = 15000; // no frame for this long: the connection is dead (SPEC: heartbeats every <= 5 s)
    int giveUpAfterMs = 0;      // > 0: stop when no connection could be made for this long
    int batchIntervalMs = 10;   // events are handed over in batches at most this often
    // Backpressure (optional): shared with the consumer, which acknowledges what it applied.
    std::shared_ptr<class FeedInFlight> inFlight;
    FeedLimits limits;
};

// A hole in the sequence that the server could no longer replay (resume_failed).
struct FeedGap
{
    quint64 afterSeq = 0;       // the last event received before the gap
    quint64 resumedAtSeq = 0;   // the server's oldest held event: the gap ends before it
    TimeMs from = kUnknownTime; // time of the last event before the gap
    TimeMs to = kUnknownTime;   // time of the first event after it (set when it arrives)
    qint64 missedEvents = -1;   // resumedAtSeq - afterSeq - 1 over the whole feed (topics may hold fewer), -1 unknown
    bool backfilled = false;
};

struct FeedStats
{
    quint64 events = 0;      // delivered to the store (after duplicates were dropped)
    quint64 frames = 0;
    quint64 bytes = 0;
    quint64 duplicates = 0;  // events with a seq already delivered
    quint64 reconnects = 0;  // connections re-established after a loss
    quint64 heartbeatTimeouts = 0;
    quint64 backpressureWaitMs = 0; // reading paused for a consumer behind by maxEventsInFlight
    FeedProblemCounts problems;
    std::vector<FeedGap> gaps;
    quint64 firstSeq = 0; // the first seq delivered (0 = none yet)
    quint64 lastSeq = 0;
    quint64 malformed() const { return problems.total() - problems[FeedProblem::UnknownType]; }
    quint64 unknownTypes() const { return problems[FeedProblem::UnknownType]; }
};

// The statescope-feed/1 client (SPEC 4). Lives on a worker thread (moveToThread before
// start()); everything it reports crosses threads through queued signals as values.
// Exactly-once delivery: events are handed over in seq order with duplicates (seq already
// delivered) dropped; after a reconnect it resumes with sinceSeq; if the server can no longer
// replay, the gap is reported and the feed continues live.
class FeedClient final : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Connected, Reconnecting, Closed };
    Q_ENUM(State)

    explicit FeedClient(FeedClientOptions options, QObject *parent = nullptr);
    ~FeedClient() override;

    FeedStats stats() const { return m_stats; }

public slots:
    void start();
    void stop();

signals:
    void eventsReceived(const StateScope::FeedBatch &batch);
    void stateChanged(StateScope::FeedClient::State state, const QString &detail);
    void gapDetected(const StateScope::FeedGap &gap);
    void errorOccurred(const QString &message); // one line naming the problem; the client goes on
    // Closed for good (stop(), the server ended the feed, give-up), with the final figures.
    void finished(const QString &why, const StateScope::FeedStats &stats);

private:
    void connectSocket();
    void onConnected();
    void onDisconnected();
    void onText(const QString &message);
    void handleControl(const FeedEvent &event);
    void scheduleReconnect(const QString &why);
    void flush();
    void waitForConsumer();
    void finish(const QString &why);
    void setState(State state, const QString &detail);

    FeedClientOptions m_options;
    std::unique_ptr<FeedParser> m_parser;
    QWebSocket *m_socket = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    QTimer *m_heartbeatTimer = nullptr;
    QTimer *m_flushTimer = nullptr;
    State m_state = State::Idle;
    int m_backoffMs = 0;
    qint64 m_disconnectedSince = -1; // ms since epoch, -1 while connected
    bool m_everConnected = false;
    bool m_stopping = false;
    bool m_subscribedWithResume = false;
    bool m_gapOpen = false;         // a gap waits for its first event after
    TimeMs m_lastEventTime = kUnknownTime;
    std::vector<FeedEvent> m_pending;
    FeedStats m_stats;
};

} // namespace StateScope

Q_DECLARE_METATYPE(StateScope::FeedBatch)
Q_DECLARE_METATYPE(StateScope::FeedGap)
Q_DECLARE_METATYPE(StateScope::FeedStats)
