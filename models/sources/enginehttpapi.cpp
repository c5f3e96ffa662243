#include "enginehttpapi.h"

#include "simulatedengine.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>

namespace StateScope {

namespace {
QHttpServerResponse jsonResponse(const QJsonObject &body, QHttpServerResponse::StatusCode status)
{
    return QHttpServerResponse(body, status);
}

QHttpServerResponse errorResponse(const QString &message, QHttpServerResponse::StatusCode status)
{
    return jsonResponse(QJsonObject{{QStringLiteral("success"), false}, {QStringLiteral("error"), message}}, status);
}
} // namespace

EngineHttpApi::EngineHttpApi(SimulatedEngine &engine, QByteArray bearerToken, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_token(std::move(bearerToken))
    , m_server(std::make_unique<QHttpServer>())
{
    using Method = QHttpServerRequest::Method;
    using Status = QHttpServerResponse::StatusCode;
    m_server->route(QStringLiteral("/api/v1/workflow-state-analytics/states/<arg>/recover"), Method::Post,
                    [this](const QString &workflowId, const QHttpServerRequest &request) {
                        if (!m_token.isEmpty() && request.value("Authorization") != QByteArray("Bearer " + m_token))
                            return errorResponse(QStringLiteral("missing or wrong bearer token"), Status::Unauthorized);
                        QJsonParseError pe;
                        const QJsonObject body = QJsonDocument::fromJson(request.body(), &pe).object();
                        if (pe.error != QJsonParseError::NoError)
                            return errorResponse(QStringLiteral("the body is not a JSON object: %1").arg(pe.errorString()),
                                                 Status::BadRequest);
                        const QJsonValue version = body.value(QStringLiteral("expectedStateVersion"));
                        if (!version.isDouble())
                            return errorResponse(QStringLiteral("expectedStateVersion must be a number"), Status::BadRequest);
                        const EngineRecoveryResult r = m_engine.recover(
                            workflowId.toUtf8(), body.value(QStringLiteral("executionId")).toString().toUtf8(),
                            body.value(QStringLiteral("checkpointId")).toString().toUtf8(),
                            body.value(QStringLiteral("reason")).toString().toUtf8(),
                            body.value(QStringLiteral("actor")).toString().toUtf8(), version.toInteger());
                        QJsonObject answer{{QStringLiteral("success"), r.httpStatus == 200}};
                        if (!r.recoveryId.isEmpty())
                            answer.insert(QStringLiteral("recoveryId"), QString::fromLatin1(r.recoveryId));
                        if (r.stateVersion >= 0)
                            answer.insert(QStringLiteral("stateVersion"), r.stateVersion);
                        if (!r.toState.isEmpty())
                            answer.insert(QStringLiteral("toState"), QString::fromUtf8(r.toState));
                        if (!r.error.isEmpty())
                            answer.insert(QStringLiteral("error"), QString::fromUtf8(r.error));
                        return jsonResponse(answer, static_cast<Status>(r.httpStatus));
                    });
}

EngineHttpApi::~EngineHttpApi() = default;

bool EngineHttpApi::listen(const QHostAddress &address, quint16 port, QString *error)
{
    const quint16 bound = m_server->listen(address, port);
    if (bound == 0) {
        *error = QStringLiteral("cannot listen for the REST API on %1:%2").arg(address.toString()).arg(port);
        return false;
    }
    m_address = address;
    m_port = bound;
    return true;
}

QUrl EngineHttpApi::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_address.toString());
    url.setPort(m_port);
    return url;
}

} // namespace StateScope
