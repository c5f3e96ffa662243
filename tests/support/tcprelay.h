#pragma once

#include <QObject>
#include <QTcpServer>

#include <vector>

class QTcpSocket;

namespace StateScope {

// A TCP relay on loopback between clients and one server port, for tests that need the network
// to fail: cut() drops every connection and refuses new ones (an outage), restore() listens
// again on the same port. Bytes pass unchanged; what the server sends before it closes reaches
// the client before the client's side is closed.
class TcpRelay final : public QObject
{
public:
    explicit TcpRelay(quint16 targetPort, QObject *parent = nullptr);
    ~TcpRelay() override; // cuts first: no relay handler may run while the sockets are destroyed

    bool listen(); // on any free loopback port, kept for restore()
    quint16 port() const { return m_port; }
    void cut();
    bool restore();
    int connectionsAccepted() const { return m_accepted; }
    qint64 bytesToClients() const { return m_bytesToClients; }

private:
    struct Connection
    {
        QTcpSocket *client = nullptr;
        QTcpSocket *server = nullptr;
    };
    void accept();

    QTcpServer m_listener;
    quint16 m_targetPort = 0;
    quint16 m_port = 0;
    int m_accepted = 0;
    qint64 m_bytesToClients = 0;
    std::vector<Connection> m_connections;
};

} // namespace StateScope
