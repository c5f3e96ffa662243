#include "feedclient.h"

#include "feedcontrol.h"
#include "feedparser.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QTimer>
#include <QWebSocket>

namespace StateScope {

namespace {
constexpr size_t kMaxPendingUnderBackpressure = 2048;
constexpr qint64 kReadBufferUnderBackpressure = 1 << 20;
} // namespace

namespace {
// Frames over our own limit must still arrive whole to be counted and dropped; only far
// larger ones make QtWebSockets close the connection (it is then resumed).
constexpr quint64 kTransportMessageLimit = 256ull * 1024 * 1024;
} // namespace

FeedClient::FeedClient(FeedClientOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_parser(std::make_unique<FeedParser>(m_options.limits))
{
    qRegisterMetaType<StateScope::FeedBatch>();
    qRegisterMetaType<StateScope::FeedGap>();
    qRegisterMetaType<StateScope::FeedClient::State>();
    qRegisterMetaType<StateScope::FeedStats>();
}

FeedClient::~FeedClient() = default;

void FeedClient::setState(State state, const QString &detail)
{
    m_state = state;
    emit stateChanged(state, detail);
}

void FeedClient::start()
{
    // Timers are created here, on the thread the client was moved to.
    m_reconnectTimer = new QTimer(this);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &FeedClient::connectSocket);
    m_heartbeatTimer = new QTimer(this);
    m_heartbeatTimer->setSingleShot(true);
    connect(m_heartbeatTimer, &QTimer::timeout, this, [this] {
        ++m_stats.heartbeatTimeouts;
        emit errorOccurred(QStringLiteral("%1: no frame for %2 ms (heartbeat lost); reconnecting")
                               .arg(m_options.url.toDisplayString()).arg(m_options.heartbeatTimeoutMs));
        if (m_socket)
            m_socket->abort(); // disconnected() follows and schedules the reconnect
    });
    m_flushTimer = new QTimer(this);
    m_flushTimer->setSingleShot(true);
    connect(m_flushTimer, &QTimer::timeout, this, &FeedClient::flush);
    m_backoffMs = m_options.initialBackoffMs;
    m_disconnectedSince = QDateTime::currentMSecsSinceEpoch();
    connectSocket();
}

void FeedClient::stop()
{
    finish(QStringLiteral("stopped"));
}

void FeedClient::finish(const QString &why)
{
    if (m_state == State::Closed)
        return;
    m_stopping = true;
    flush();
    if (m_reconnectTimer)
        m_reconnectTimer->stop();
    if (m_heartbeatTimer)
        m_heartbeatTimer->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    setState(State::Closed, why);
    emit finished(why, m_stats);
}

void FeedClient::connectSocket()
{
    if (m_stopping)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    if (m_options.inFlight)
        m_socket->setReadBufferSize(kReadBufferUnderBackpressure); // the kernel and server hold the rest
    m_socket->setMaxAllowedIncomingMessageSize(kTransportMessageLimit);
    m_socket->setMaxAllowedIncomingFrameSize(kTransportMessageLimit);
    if (m_options.url.scheme() == QLatin1String("wss")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_options.caFile.isEmpty() && !tls.addCaCertificates(m_options.caFile)) {
            finish(QStringLiteral("%1: no CA certificate could be read").arg(m_options.caFile));
            return;
        }
        m_socket->setSslConfiguration(tls);
        // Certificate errors are never ignored (BARS S2): they are shown and the handshake fails.
        connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            QStringList messages;
            for (const QSslError &e : errors)
                messages.append(e.errorString());
            emit errorOccurred(QStringLiteral("%1: TLS certificate rejected: %2")
                                   .arg(m_options.url.toDisplayString(), messages.join(QStringLiteral("; "))));
        });
    }
    connect(m_socket, &QWebSocket::connected, this, &FeedClient::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &FeedClient::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &FeedClient::onText);
    QNetworkRequest request(m_options.url);
    if (!m_options.bearerToken.isEmpty())
        request.setRawHeader("Authorization", QByteArray("Bearer " + m_options.bearerToken));
    setState(m_everConnected ? State::Reconnecting : State::Connecting, m_options.url.toDisplayString());
    m_heartbeatTimer->start(m_options.heartbeatTimeoutMs); // also bounds the handshake
    m_socket->open(request);
}

void FeedClient::onConnected()
{
    if (m_everConnected)
        ++m_stats.reconnects; // connections re-established, not attempts: a long outage counts once
    m_everConnected = true;
    m_backoffMs = m_options.initialBackoffMs;
    m_disconnectedSince = -1;
    m_heartbeatTimer->start(m_options.heartbeatTimeoutMs);
    m_subscribedWithResume = m_stats.lastSeq > 0;
    m_socket->sendTextMessage(QString::fromUtf8(FeedControl::subscribeRequest(
        m_options.topics, m_subscribedWithResume ? std::optional<quint64>(m_stats.lastSeq) : std::nullopt)));
    setState(State::Connected, m_options.url.toDisplayString());
}

void FeedClient::onDisconnected()
{
    if (m_stopping)
        return;
    QString why = m_socket ? m_socket->closeReason() : QString();
    const auto code = m_socket ? m_socket->closeCode() : QWebSocketProtocol::CloseCodeAbnormalDisconnection;
    // A normal close from the server with its reason ends the feed for good; anything else
    // (restarts, network loss, a killed server) is reconnected and resumed.
    if (m_everConnected && code == QWebSocketProtocol::CloseCodeNormal && why == QLatin1String("end of feed")) {
        finish(QStringLiteral("the server ended the feed"));
        return;
    }
    if (why.isEmpty() && m_socket)
        why = m_socket->errorString();
    // A refused token does not get better by retrying.
    if (!m_everConnected && why.contains(QLatin1String("401"))) {
        emit errorOccurred(QStringLiteral("%1: the server refused the credentials (HTTP 401)").arg(m_options.url.toDisplayString()));
        finish(QStringLiteral("authentication failed (HTTP 401)"));
        return;
    }
    scheduleReconnect(why);
}

void FeedClient::scheduleReconnect(const QString &why)
{
    flush();
    m_heartbeatTimer->stop();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_disconnectedSince < 0)
        m_disconnectedSince = now;
    if (m_options.giveUpAfterMs > 0 && now - m_disconnectedSince >= m_options.giveUpAfterMs) {
        finish(QStringLiteral("no connection for %1 s: %2").arg(m_options.giveUpAfterMs / 1000).arg(why));
        return;
    }
    // Capped exponential backoff with jitter, so a restarted server is not hit by every client at once.
    const double jitter = 0.7 + 0.6 * QRandomGenerator::global()->generateDouble();
    const int delay = int(double(m_backoffMs) * jitter);
    m_backoffMs = std::min(m_options.maxBackoffMs, m_backoffMs * 2);
    setState(State::Reconnecting, QStringLiteral("reconnecting in %1 ms: %2").arg(delay).arg(why));
    m_reconnectTimer->start(delay);
}

void FeedClient::onText(const QString &message)
{
    m_heartbeatTimer->start(m_options.heartbeatTimeoutMs);
    const QByteArray utf8 = message.toUtf8();
    ++m_stats.frames;
    m_stats.bytes += quint64(utf8.size());
    // Parse straight into the pending batch, then keep in place what is to be delivered.
    const size_t start = m_pending.size();
    const FeedProblemCounts before = m_parser->problems();
    m_parser->parseFrame(utf8, m_pending);
    for (int p = 0; p < int(FeedProblem::Count); ++p) {
        const auto problem = FeedProblem(p);
        const quint64 added = m_parser->problems()[problem] - before[problem];
        if (added && m_stats.problems[problem] == 0) // logged once per kind
            emit errorOccurred(QStringLiteral("%1: %2 (%3); counted, the feed goes on")
                                   .arg(m_options.url.toDisplayString(), QString::fromLatin1(feedProblemName(problem)),
                                        m_parser->firstMessage(problem)));
        m_stats.problems[problem] += added;
    }
    size_t kept = start;
    for (size_t i = start; i < m_pending.size(); ++i) {
        FeedEvent &event = m_pending[i];
        switch (event.type) {
        case FeedEventType::Hello:
        case FeedEventType::Heartbeat:
        case FeedEventType::Subscribed:
        case FeedEventType::ResumeFailed:
        case FeedEventType::Error:
            handleControl(event);
            continue;
        default:
            break;
        }
        if (event.hasSeq) {
            if (event.seq <= m_stats.lastSeq) {
                ++m_stats.duplicates;
                continue;
            }
            m_stats.lastSeq = event.seq;
            if (m_stats.firstSeq == 0)
                m_stats.firstSeq = event.seq;
        }
        if (m_gapOpen) {
            m_gapOpen = false;
            FeedGap &gap = m_stats.gaps.back();
            gap.to = event.time;
            // Where the feed really resumed (after a live subscription: later than oldestSeq).
            if (event.hasSeq && event.seq > gap.resumedAtSeq) {
                gap.resumedAtSeq = event.seq;
                if (gap.missedEvents >= 0)
                    gap.missedEvents = qint64(event.seq - gap.afterSeq - 1);
            }
            emit gapDetected(gap);
        }
        if (event.time != kUnknownTime)
            m_lastEventTime = event.time;
        ++m_stats.events;
        if (kept != i)
            m_pending[kept] = std::move(event);
        ++kept;
    }
    m_pending.resize(kept);
    // Under backpressure a burst read after a pause must not pile up here either.
    if (m_options.inFlight && m_pending.size() >= kMaxPendingUnderBackpressure)
        flush();
    else if (!m_pending.empty() && !m_flushTimer->isActive())
        m_flushTimer->start(m_options.batchIntervalMs);
}

void FeedClient::handleControl(const FeedEvent &event)
{
    switch (event.type) {
    case FeedEventType::ResumeFailed: {
        const bool restartedNumbering = event.oldestSeq <= m_stats.lastSeq;
        // A second answer for the same gap: the oldest held event moved on before the replay
        // began (a fast feed trims its buffer every tick). Chasing that edge can fail forever,
        // so take the feed live from here; the gap ends at the first event that arrives.
        const bool again = m_gapOpen;
        if (!m_gapOpen) { // one gap, however many answers it takes to get past it
            FeedGap gap;
            gap.afterSeq = m_stats.lastSeq;
            gap.from = m_lastEventTime;
            m_stats.gaps.push_back(gap);
            m_gapOpen = true;
        }
        FeedGap &gap = m_stats.gaps.back();
        gap.resumedAtSeq = event.oldestSeq;
        // A server whose numbering started again cannot say how much was missed.
        if (!again || gap.missedEvents >= 0)
            gap.missedEvents = restartedNumbering ? -1 : qint64(event.oldestSeq - gap.afterSeq - 1);
        // Continue from the oldest event the server still holds (sinceSeq 0 replays from 1).
        m_stats.lastSeq = event.oldestSeq > 0 ? event.oldestSeq - 1 : 0;
        m_subscribedWithResume = !again;
        if (m_socket)
            m_socket->sendTextMessage(QString::fromUtf8(again ? FeedControl::subscribeRequest(m_options.topics)
                                                               : FeedControl::subscribeRequest(m_options.topics, m_stats.lastSeq)));
        emit errorOccurred(restartedNumbering
                               ? QStringLiteral("%1: the server started its numbering again (it holds events from seq %2 on): "
                                                "gap recorded after seq %3")
                                     .arg(m_options.url.toDisplayString()).arg(event.oldestSeq).arg(gap.afterSeq)
                               : QStringLiteral("%1: the server no longer holds events %2..%3: gap recorded")
                                     .arg(m_options.url.toDisplayString()).arg(gap.afterSeq + 1).arg(event.oldestSeq - 1));
        break;
    }
    case FeedEventType::Error:
        emit errorOccurred(QStringLiteral("%1: server error %2: %3")
                               .arg(m_options.url.toDisplayString(), QString::fromUtf8(event.errorCode),
                                    QString::fromUtf8(event.errorMessage)));
        break;
    case FeedEventType::Hello:
        if (!event.protocol.isEmpty() && event.protocol != "statescope-feed/1")
            emit errorOccurred(QStringLiteral("%1: server speaks %2, expected statescope-feed/1")
                                   .arg(m_options.url.toDisplayString(), QString::fromUtf8(event.protocol)));
        break;
    case FeedEventType::Subscribed:
        // Resuming, the server starts after what we have: anything between is a gap too.
        if (m_subscribedWithResume && !m_gapOpen && event.replayFrom > m_stats.lastSeq + 1) {
            FeedGap gap;
            gap.afterSeq = m_stats.lastSeq;
            gap.resumedAtSeq = event.replayFrom;
            gap.from = m_lastEventTime;
            gap.missedEvents = qint64(event.replayFrom - m_stats.lastSeq - 1);
            m_stats.gaps.push_back(gap);
            m_gapOpen = true;
        }
        m_subscribedWithResume = false;
        break;
    default:
        break; // heartbeats only keep the connection known alive
    }
}

void FeedClient::flush()
{
    if (m_flushTimer)
        m_flushTimer->stop();
    if (m_pending.empty())
        return;
    auto batch = std::make_shared<std::vector<FeedEvent>>();
    batch->swap(m_pending);
    m_pending.reserve(batch->size());
    if (m_options.inFlight)
        m_options.inFlight->add(qint64(batch->size()));
    emit eventsReceived(batch);
    if (m_options.inFlight && !m_stopping)
        waitForConsumer();
}

void FeedInFlight::add(qint64 events)
{
    std::lock_guard lock(m_mutex);
    m_events += events;
}

void FeedInFlight::acknowledge(qint64 events)
{
    std::lock_guard lock(m_mutex);
    m_events -= events;
    if (m_events <= m_limit / 2)
        m_drained.notify_all();
}

qint64 FeedInFlight::waitWhileOver(std::chrono::milliseconds patience)
{
    std::unique_lock lock(m_mutex);
    if (m_events <= m_limit)
        return 0;
    QElapsedTimer waited;
    waited.start();
    m_drained.wait_for(lock, patience, [this] { return m_events <= m_limit / 2; });
    return waited.elapsed();
}

// Blocks this thread, so nothing more is read from the socket.
void FeedClient::waitForConsumer()
{
    // A consumer that stopped acknowledging must not hang the feed for good.
    const qint64 waitedMs = m_options.inFlight->waitWhileOver(std::chrono::seconds(60));
    if (waitedMs == 0)
        return;
    m_stats.backpressureWaitMs += quint64(waitedMs);
    // The pause was ours, not the server's silence.
    if (m_heartbeatTimer && m_heartbeatTimer->isActive())
        m_heartbeatTimer->start(m_options.heartbeatTimeoutMs);
}

} // namespace StateScope
