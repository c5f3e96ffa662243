#pragma once

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

class QHttpServer;

namespace StateScope {

class SimulatedEngine;

// The engine's REST API (SPEC 5.4) for the simulated engine:
// POST /api/v1/workflow-state-analytics/states/{workflowId}/recover with JSON
// {"executionId","checkpointId","reason","actor","expectedStateVersion"}; with a bearer token
// configured, requests without "Authorization: Bearer <token>" get 401.
class EngineHttpApi final : public QObject
{
    Q_OBJECT
public:
    EngineHttpApi(SimulatedEngine &engine, QByteArray bearerToken, QObject *parent = nullptr);
    ~EngineHttpApi() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    QUrl baseUrl() const;

private:
    SimulatedEngine &m_engine;
    QByteArray m_token;
    std::unique_ptr<QHttpServer> m_server;
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace StateScope
