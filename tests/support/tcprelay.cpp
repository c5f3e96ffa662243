#include "tcprelay.h"

#include <QTcpSocket>

namespace StateScope {

TcpRelay::TcpRelay(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetPort(targetPort)
{
    connect(&m_listener, &QTcpServer::newConnection, this, &TcpRelay::accept);
}

TcpRelay::~TcpRelay()
{
    cut();
}

bool TcpRelay::listen()
{
    if (!m_listener.listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_listener.serverPort();
    return true;
}

bool TcpRelay::restore()
{
    return m_port != 0 && listen();
}

void TcpRelay::cut()
{
    m_listener.close();
    for (const Connection &c : m_connections) {
        for (QTcpSocket *socket : {c.client, c.server}) {
            socket->disconnect(); // no handler runs for the aborts
            socket->abort();
            socket->deleteLater();
        }
    }
    m_connections.clear();
}

void TcpRelay::accept()
{
    while (QTcpSocket *client = m_listener.nextPendingConnection()) {
        ++m_accepted;
        client->setParent(this);
        auto *server = new QTcpSocket(this);
        m_connections.push_back({client, server});
        auto toServer = [client, server] { server->write(client->readAll()); };
        auto toClient = [this, client, server] {
            const QByteArray bytes = server->readAll();
            m_bytesToClients += bytes.size();
            client->write(bytes);
        };
        // The client's bytes wait in its socket until the server side is connected.
        connect(server, &QTcpSocket::connected, client, [client, toServer] {
            toServer();
            connect(client, &QTcpSocket::readyRead, client, toServer);
        });
        connect(server, &QTcpSocket::readyRead, client, toClient);
        // One side gone: the other gets what is left, then is closed (after its writes went out).
        connect(server, &QTcpSocket::disconnected, client, [client, toClient] {
            toClient();
            client->disconnectFromHost();
        });
        connect(server, &QTcpSocket::errorOccurred, client, [client](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError) // that one: disconnected() follows
                client->abort();
        });
        connect(client, &QTcpSocket::disconnected, server, [server] { server->disconnectFromHost(); });
        server->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }
}

} // namespace StateScope
