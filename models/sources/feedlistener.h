#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

QT_BEGIN_NAMESPACE
class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;
QT_END_NAMESPACE

namespace StateScope {

// The accepting half of FeedServer: TCP or TLS, then the HTTP upgrade request is read and
// checked (bearer token) before QWebSocketServer completes the handshake, so an unauthorized
// client gets "401 Unauthorized" and never a WebSocket. A client that does not finish its
// request in time, or sends an oversized one, is dropped.
class FeedListener final : public QObject
{
    Q_OBJECT

public:
    explicit FeedListener(QObject *parent = nullptr);
    ~FeedListener() override;

    // Non-empty: the upgrade request must carry "Authorization: Bearer <token>".
    void setBearerToken(const QByteArray &token) { m_token = token; }
    // A PEM certificate (chain, leaf first) and its unencrypted PEM private key (RSA or EC);
    // connections are then TLS. The error names the file and the problem.
    bool setCertificate(const QString &certificateFile, const QString &privateKeyFile, QString *error);
    bool isSecure() const { return m_secure; }

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    bool isListening() const;
    quint16 serverPort() const;
    // Stops listening and drops connections still in their handshake.
    void close();

    static constexpr int kRequestTimeoutMs = 10000;
    static constexpr qsizetype kMaxRequestBytes = 16 * 1024;

signals:
    // A client completed the WebSocket handshake. The receiver owns the socket.
    void webSocketConnected(QWebSocket *socket);

private:
    void acceptPending();
    void readRequest(QTcpSocket *socket);
    void reject(QTcpSocket *socket, QByteArrayView statusLine, QByteArrayView extraHeaders = {});
    void forget(QTcpSocket *socket);
    bool authorized(QByteArrayView requestHead) const;
    void takeWebSockets();

    QTcpServer *m_tcp = nullptr;
    QWebSocketServer *m_webSockets = nullptr;
    QSslConfiguration m_ssl;
    bool m_secure = false;
    QByteArray m_token;
    QHash<QTcpSocket *, qint64> m_reading; // accepted, request not read yet -> deadline (ms)
};

} // namespace StateScope
