#include "feedlistener.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace StateScope {

namespace {

// Constant time, so the token cannot be guessed byte by byte from response times.
bool sameBytes(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

FeedListener::FeedListener(QObject *parent)
    : QObject(parent)
    , m_webSockets(new QWebSocketServer(QStringLiteral("StateScope"), QWebSocketServer::NonSecureMode, this))
{
    // The TLS layer (when there is one) is ours, so QWebSocketServer only ever sees the
    // decrypted stream and runs in non-secure mode.
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &FeedListener::takeWebSockets);
}

FeedListener::~FeedListener()
{
    close();
}

bool FeedListener::setCertificate(const QString &certificateFile, const QString &privateKeyFile, QString *error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = tr("TLS is not available (no SSL backend loaded)");
        return false;
    }
    QFile cert(certificateFile);
    if (!cert.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read certificate file %1: %2").arg(certificateFile, cert.errorString());
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(cert.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull()) {
        *error = tr("no PEM certificate in %1").arg(certificateFile);
        return false;
    }
    QFile keyFile(privateKeyFile);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read private key file %1: %2").arg(privateKeyFile, keyFile.errorString());
        return false;
    }
    const QByteArray keyData = keyFile.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyData, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = tr("no unencrypted PEM private key (RSA, EC or DSA) in %1").arg(privateKeyFile);
        return false;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with the token, not a certificate
    m_ssl = config;
    m_secure = true;
    return true;
}

bool FeedListener::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (!m_tcp) {
        if (m_secure) {
            auto *ssl = new QSslServer(this);
            ssl->setSslConfiguration(m_ssl);
            ssl->setHandshakeTimeout(kRequestTimeoutMs);
            m_tcp = ssl;
        } else {
            m_tcp = new QTcpServer(this);
        }
        // Both servers announce a connection here; QSslServer only once TLS is established.
        connect(m_tcp, &QTcpServer::pendingConnectionAvailable, this, &FeedListener::acceptPending);
        auto *sweep = new QTimer(m_tcp);
        sweep->setInterval(1000);
        connect(sweep, &QTimer::timeout, this, [this] {
            // Drop clients that connected but never finished their upgrade request.
            const qint64 now = QDeadlineTimer(0).deadline();
            const QList<QTcpSocket *> sockets = m_reading.keys();
            for (QTcpSocket *socket : sockets) {
                if (m_reading.value(socket) < now) {
                    forget(socket);
                    socket->abort();
                    socket->deleteLater();
                }
            }
        });
        sweep->start();
    }
    if (m_tcp->isListening())
        return true;
    if (!m_tcp->listen(address, port)) {
        *error = tr("cannot listen on %1 port %2: %3").arg(address.toString()).arg(port).arg(m_tcp->errorString());
        return false;
    }
    return true;
}

bool FeedListener::isListening() const
{
    return m_tcp && m_tcp->isListening();
}

quint16 FeedListener::serverPort() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

void FeedListener::close()
{
    if (m_tcp)
        m_tcp->close();
    const QList<QTcpSocket *> sockets = m_reading.keys();
    m_reading.clear();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

void FeedListener::acceptPending()
{
    while (m_tcp && m_tcp->hasPendingConnections()) {
        QTcpSocket *socket = m_tcp->nextPendingConnection();
        if (!socket)
            break;
        m_reading.insert(socket, QDeadlineTimer(kRequestTimeoutMs).deadline());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (m_reading.remove(socket))
                socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            readRequest(socket);
    }
}

void FeedListener::readRequest(QTcpSocket *socket)
{
    if (!m_reading.contains(socket))
        return;
    // Peek, so QWebSocketServer can read the same request itself once it is accepted.
    const QByteArray head = socket->peek(kMaxRequestBytes + 1);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() > kMaxRequestBytes)
            reject(socket, "HTTP/1.1 431 Request Header Fields Too Large");
        return;
    }
    if (!m_token.isEmpty() && !authorized(QByteArrayView(head).first(end + 2))) {
        reject(socket, "HTTP/1.1 401 Unauthorized", "WWW-Authenticate: Bearer\r\n");
        return;
    }
    forget(socket);
    m_webSockets->handleConnection(socket);
}

void FeedListener::reject(QTcpSocket *socket, QByteArrayView statusLine, QByteArrayView extraHeaders)
{
    forget(socket);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QByteArray response = statusLine.toByteArray();
    response += "\r\n";
    response += extraHeaders;
    response += "Content-Length: 0\r\nConnection: close\r\n\r\n";
    socket->write(response);
    socket->disconnectFromHost();
}

void FeedListener::forget(QTcpSocket *socket)
{
    m_reading.remove(socket);
    socket->disconnect(this);
}

bool FeedListener::authorized(QByteArrayView requestHead) const
{
    // Header names are case-insensitive (RFC 9110), and so is the "Bearer" scheme.
    qsizetype pos = requestHead.indexOf("\r\n"); // skip the request line
    while (pos >= 0 && pos + 2 < requestHead.size()) {
        const qsizetype start = pos + 2;
        qsizetype next = requestHead.indexOf("\r\n", start);
        const QByteArrayView line = requestHead.sliced(start, (next < 0 ? requestHead.size() : next) - start);
        pos = next;
        const qsizetype colon = line.indexOf(':');
        if (colon < 0 || line.first(colon).trimmed().compare("authorization", Qt::CaseInsensitive) != 0)
            continue;
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        constexpr QByteArrayView scheme = "bearer ";
        if (value.size() <= scheme.size() || value.first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0)
            return false;
        return sameBytes(value.sliced(scheme.size()).trimmed(), m_token);
    }
    return false;
}

void FeedListener::takeWebSockets()
{
    while (m_webSockets->hasPendingConnections()) {
        if (QWebSocket *socket = m_webSockets->nextPendingConnection())
            emit webSocketConnected(socket);
    }
}

} // namespace StateScope
