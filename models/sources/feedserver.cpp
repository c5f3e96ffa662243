#include "feedserver.h"

#include "feedcontrol.h"
#include "feedlistener.h"
#include "feedtopics.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QWebSocket>

#include <algorithm>

namespace StateScope {

namespace {

constexpr int kMaxHeartbeatIntervalMs = 5000; // SPEC 4
constexpr qint64 kPumpBytesPerTurn = 4 << 20; // per client and event-loop turn

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

struct FeedServer::Client
{
    QWebSocket *socket = nullptr;
    FeedTopics topics;
    quint64 cursor = 0; // highest seq this client has been sent (or did not need)
    bool blocked = false; // stopped at maxClientBacklogBytes; resumes as the socket drains
    bool dead = false;
};

FeedServer::FeedServer(FeedServerOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_listener(new FeedListener(this))
{
    m_options.maxBatchEvents = std::max(1, m_options.maxBatchEvents);
    m_options.resumeBufferEvents = std::max(0, m_options.resumeBufferEvents);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0); // end of the current event-loop turn: coalesces a burst of publish()
    connect(&m_flushTimer, &QTimer::timeout, this, &FeedServer::flush);
    m_sweepTimer.setSingleShot(true);
    m_sweepTimer.setInterval(0);
    connect(&m_sweepTimer, &QTimer::timeout, this, &FeedServer::sweepClients);
    m_heartbeatTimer.setInterval(std::clamp(m_options.heartbeatIntervalMs, 1, kMaxHeartbeatIntervalMs));
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &FeedServer::sendHeartbeat);
    connect(m_listener, &FeedListener::webSocketConnected, this, &FeedServer::addClient);
}

FeedServer::~FeedServer()
{
    close();
    m_clients.clear();
}

bool FeedServer::listen(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const bool hasCert = !m_options.certificateFile.isEmpty();
    const bool hasKey = !m_options.privateKeyFile.isEmpty();
    if (hasCert != hasKey) {
        *error = tr("wss:// needs both a certificate file and a private key file");
        return false;
    }
    if (hasCert && !m_listener->isSecure()
        && !m_listener->setCertificate(m_options.certificateFile, m_options.privateKeyFile, error))
        return false;
    m_listener->setBearerToken(m_options.bearerToken);
    if (!m_listener->listen(m_options.address, m_options.port, error))
        return false;
    m_options.port = m_listener->serverPort(); // a restart after close() comes back on the same address
    m_heartbeatTimer.start();
    return true;
}

bool FeedServer::isListening() const
{
    return m_listener->isListening();
}

quint16 FeedServer::port() const
{
    return m_listener->serverPort();
}

QUrl FeedServer::url() const
{
    const QHostAddress &a = m_options.address;
    const bool secure = m_listener->isSecure();
    QString host = a.toString();
    // A certificate names "localhost" rather than an address; plain ws uses the address, so
    // no resolver is involved.
    if (a.isLoopback() || a == QHostAddress::Any || a == QHostAddress::AnyIPv4 || a == QHostAddress::AnyIPv6) {
        const bool v6 = a == QHostAddress::LocalHostIPv6 || a == QHostAddress::AnyIPv6;
        host = secure ? QStringLiteral("localhost") : v6 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1");
    }
    QUrl url;
    url.setScheme(secure ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(host);
    url.setPort(port());
    return url;
}

quint64 FeedServer::publish(const QJsonObject &event)
{
    const QLatin1String seqKey("seq");
    QByteArray json;
    if (event.contains(seqKey)) {
        QJsonObject copy = event;
        copy.remove(seqKey);
        json = compact(copy);
    } else {
        json = compact(event);
    }
    const QByteArray type = event.value(QLatin1String("type")).toString().toUtf8();
    const QByteArray workflowId = event.value(QLatin1String("workflowId")).toString().toUtf8();
    return publishSerialized(json, type, workflowId);
}

quint64 FeedServer::publishSerialized(const QByteArray &objectJson, QByteArrayView type, QByteArrayView workflowId)
{
    const QByteArrayView body = QByteArrayView(objectJson).trimmed();
    if (body.size() < 2 || !body.startsWith('{') || !body.endsWith('}'))
        return 0;
    BufferedEvent event;
    event.seq = m_nextSeq++;
    const QByteArrayView rest = body.sliced(1).trimmed(); // after '{': members, then '}'
    event.json.reserve(rest.size() + 32);
    event.json += "{\"seq\":";
    event.json += QByteArray::number(event.seq);
    if (rest != "}")
        event.json += ',';
    event.json += rest;
    event.workflowId = intern(workflowId);
    FeedTopics::Category category;
    if (FeedTopics::categoryForEventType(type, &category))
        event.category = qint8(category);
    m_bufferBytes += event.json.size();
    m_buffer.push_back(std::move(event));
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
    return m_buffer.back().seq;
}

void FeedServer::flush()
{
    m_flushTimer.stop();
    ++m_loopDepth;
    for (size_t i = 0; i < m_clients.size(); ++i)
        pump(*m_clients[i]);
    --m_loopDepth;
    trimBuffer();
}

quint64 FeedServer::oldestSeq() const
{
    return m_buffer.empty() ? latestSeq() + 1 : m_buffer.front().seq;
}

int FeedServer::clientCount() const
{
    return int(std::count_if(m_clients.begin(), m_clients.end(), [](const auto &c) { return !c->dead; }));
}

void FeedServer::close()
{
    closeClients(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server closing"));
}

void FeedServer::endFeed()
{
    flush();
    closeClients(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("end of feed"));
}

void FeedServer::closeClients(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    m_listener->close();
    m_heartbeatTimer.stop();
    ++m_loopDepth;
    for (size_t i = 0; i < m_clients.size(); ++i) {
        Client &c = *m_clients[i];
        if (c.dead)
            continue;
        QWebSocket *socket = c.socket;
        removeClient(c);
        socket->close(code, reason);
    }
    --m_loopDepth;
}

void FeedServer::setNextSeq(quint64 seq)
{
    m_nextSeq = std::max(m_nextSeq, seq);
}

void FeedServer::dropBufferBefore(quint64 seq)
{
    flush(); // what was published is sent first: only clients that lag lose events
    while (!m_buffer.empty() && m_buffer.front().seq < seq) {
        m_droppedThrough = m_buffer.front().seq;
        m_bufferBytes -= m_buffer.front().json.size();
        m_buffer.pop_front();
    }
    dropLaggingClients();
}

void FeedServer::addClient(QWebSocket *socket)
{
    socket->setParent(this);
    socket->setMaxAllowedIncomingMessageSize(quint64(m_options.maxClientMessageBytes));
    auto owned = std::make_unique<Client>();
    Client *c = owned.get();
    c->socket = socket;
    m_clients.push_back(std::move(owned));
    // Capture the client, never sender(): the socket is disconnected from this before it goes.
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, c](const QString &message) { handleMessage(*c, message.toUtf8()); });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this, c](const QByteArray &) {
        sendError(*c, tr("binary frames are not part of statescope-feed/1: send JSON text frames"));
    });
    connect(socket, &QWebSocket::bytesWritten, this, [this, c] {
        if (c->blocked && !c->dead && c->socket->bytesToWrite() <= m_options.maxClientBacklogBytes / 2) {
            c->blocked = false;
            pump(*c);
        }
    });
    connect(socket, &QWebSocket::disconnected, this, [this, c] { removeClient(*c); });

    send(*c, FeedControl::hello(oldestSeq(), latestSeq(), QDateTime::currentMSecsSinceEpoch()));
    emit clientConnected();
}

void FeedServer::removeClient(Client &client)
{
    if (client.dead)
        return;
    client.dead = true;
    client.socket->disconnect(this);
    client.socket->deleteLater();
    // Erasing now could pull the client from under a loop or a lambda that holds it.
    m_sweepTimer.start();
}

void FeedServer::sweepClients()
{
    if (m_loopDepth > 0) {
        m_sweepTimer.start();
        return;
    }
    const auto firstDead
        = std::stable_partition(m_clients.begin(), m_clients.end(), [](const auto &c) { return !c->dead; });
    const int removed = int(m_clients.end() - firstDead);
    m_clients.erase(firstDead, m_clients.end());
    for (int i = 0; i < removed; ++i)
        emit clientDisconnected();
}

void FeedServer::handleMessage(Client &client, const QByteArray &message)
{
    if (client.dead)
        return;
    FeedRequest request;
    QString error;
    if (!FeedControl::parseRequest(message, &request, &error))
        sendError(client, error);
    else if (request.action == FeedRequest::Action::Subscribe)
        subscribe(client, request);
    else
        unsubscribe(client, request);
}

void FeedServer::subscribe(Client &client, const FeedRequest &request)
{
    if (client.topics.size() + int(request.topics.size()) > kMaxTopicsPerClient) {
        sendError(client, tr("too many topics on one connection (at most %1)").arg(kMaxTopicsPerClient));
        return;
    }
    const quint64 since = request.sinceSeq.value_or(kLiveOnly);
    if (request.sinceSeq && (since + 1 < oldestSeq() || since > latestSeq())) {
        // Events after sinceSeq are gone, or were never issued by this numbering.
        send(client, FeedControl::resumeFailed(oldestSeq()));
        emit resumeFailed(since);
        return;
    }
    // The first subscription of a connection starts its stream; later ones join it at its
    // current position, so a connection never sees seqs go backwards.
    if (client.topics.isEmpty())
        client.cursor = request.sinceSeq ? since : latestSeq();
    for (const auto &[category, id] : request.topics)
        client.topics.add(category, id);
    send(client, FeedControl::subscribed(request.topicNames, client.cursor + 1));
    // Replay at the end of the turn, so subscribes that arrived together share one stream start.
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
    emit subscribed(request.topicNames, since);
}

void FeedServer::unsubscribe(Client &client, const FeedRequest &request)
{
    for (const auto &[category, id] : request.topics)
        client.topics.remove(category, id);
    emit unsubscribed(request.topicNames);
}

void FeedServer::sendError(Client &client, const QString &message)
{
    send(client, FeedControl::error(QStringLiteral("bad_request"), message));
}

void FeedServer::send(Client &client, const QByteArray &json)
{
    if (client.dead)
        return;
    // Events stop at maxClientBacklogBytes (pump); only a client that sends requests but
    // never reads the answers gets this far.
    if (client.socket->bytesToWrite() > 2 * m_options.maxClientBacklogBytes + m_options.maxBatchBytes) {
        QWebSocket *socket = client.socket;
        removeClient(client);
        socket->abort();
        emit slowClientDropped();
        return;
    }
    client.socket->sendTextMessage(QString::fromUtf8(json));
}

bool FeedServer::matches(const Client &client, const BufferedEvent &event) const
{
    return event.category < 0 || client.topics.matches(FeedTopics::Category(event.category), event.workflowId);
}

void FeedServer::pump(Client &client)
{
    if (client.dead || client.topics.isEmpty() || client.cursor >= latestSeq())
        return;
    auto it = std::lower_bound(m_buffer.cbegin(), m_buffer.cend(), client.cursor + 1,
                               [](const BufferedEvent &e, quint64 seq) { return e.seq < seq; });
    QByteArray frame;
    qint64 sent = 0;
    while (it != m_buffer.cend() && !client.dead) {
        if (client.socket->bytesToWrite() >= m_options.maxClientBacklogBytes) {
            client.blocked = true; // bytesWritten resumes it
            return;
        }
        if (sent >= kPumpBytesPerTurn) {
            // A long replay goes on in the next turns, so live clients and heartbeats are not held up.
            if (!m_flushTimer.isActive())
                m_flushTimer.start();
            return;
        }
        // One frame: up to maxBatchEvents matching events, a single one as a bare object.
        const BufferedEvent *single = nullptr;
        int count = 0;
        qint64 bytes = 0;
        for (; it != m_buffer.cend() && count < m_options.maxBatchEvents && bytes < m_options.maxBatchBytes; ++it) {
            if (!matches(client, *it))
                continue;
            if (count == 0) {
                single = &*it;
            } else {
                if (count == 1) {
                    frame.clear();
                    frame.reserve(std::min(single->json.size() * m_options.maxBatchEvents, m_options.maxBatchBytes)
                                  + single->json.size() + 2);
                    frame += '[';
                    frame += single->json;
                }
                frame += ',';
                frame += it->json;
            }
            ++count;
            bytes += it->json.size() + 1;
        }
        client.cursor = it == m_buffer.cend() ? latestSeq() : std::prev(it)->seq;
        if (count == 1) {
            send(client, single->json);
        } else if (count > 1) {
            frame += ']';
            send(client, frame);
        }
        sent += bytes;
    }
    if (!client.dead)
        client.cursor = latestSeq();
}

void FeedServer::trimBuffer()
{
    bool trimmed = false;
    while (
        !m_buffer.empty()
        && (qsizetype(m_buffer.size()) > m_options.resumeBufferEvents || m_bufferBytes > m_options.resumeBufferBytes)) {
        m_droppedThrough = m_buffer.front().seq;
        m_bufferBytes -= m_buffer.front().json.size();
        m_buffer.pop_front();
        trimmed = true;
    }
    if (trimmed)
        dropLaggingClients();
}

void FeedServer::dropLaggingClients()
{
    ++m_loopDepth;
    for (size_t i = 0; i < m_clients.size(); ++i) {
        Client &c = *m_clients[i];
        if (c.dead || c.topics.isEmpty() || c.cursor >= m_droppedThrough)
            continue;
        // It was still owed events the buffer no longer holds: a reconnect with sinceSeq
        // resumes it or tells it resume_failed, either way nothing is lost silently.
        QWebSocket *socket = c.socket;
        removeClient(c);
        socket->abort();
        emit slowClientDropped();
    }
    --m_loopDepth;
}

void FeedServer::sendHeartbeat()
{
    const QByteArray json = FeedControl::heartbeat(QDateTime::currentMSecsSinceEpoch());
    ++m_loopDepth;
    for (size_t i = 0; i < m_clients.size(); ++i)
        send(*m_clients[i], json);
    --m_loopDepth;
}

QByteArray FeedServer::intern(QByteArrayView workflowId)
{
    // One copy of each workflowId shared by all its buffered events.
    const auto it = m_workflowIds.constFind(QByteArray::fromRawData(workflowId.data(), workflowId.size()));
    if (it != m_workflowIds.cend())
        return *it;
    if (m_workflowIds.size() >= 100000)
        m_workflowIds.clear(); // unbounded distinct ids: stop sharing rather than grow
    return *m_workflowIds.insert(workflowId.toByteArray());
}

} // namespace StateScope
