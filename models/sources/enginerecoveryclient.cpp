#include "enginerecoveryclient.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QTimer>

#include <initializer_list>
#include <utility>

namespace StateScope {

namespace {

// An answer is a few hundred bytes; anything this large is not an engine's answer.
constexpr qint64 kMaxAnswerBytes = 1 << 20;
constexpr int kDefaultTimeoutMs = 30000;

// Engines name the same field differently (camelCase here, snake_case in a FastAPI engine):
// the first of the names present wins.
QString firstString(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isString())
            return v.toString();
    }
    return {};
}

qint64 firstInteger(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isDouble())
            return v.toInteger(-1);
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        if (ok)
            return n;
    }
    return -1;
}

QString oneLine(const QString &text)
{
    const QString line = text.simplified();
    return line.size() > 300 ? line.left(300) + QChar(0x2026) : line;
}

// The engine's error text: {"error": "..."} (ours), {"message": "..."}, or FastAPI's
// {"detail": "..."} and {"detail": [{"msg": "...", "loc": [...]}, ...]} (its 422 for a body
// it could not validate).
QString errorText(const QJsonObject &o)
{
    QString text = firstString(o, {"error", "message", "detail", "reason"});
    if (text.isEmpty() && o.value(QLatin1String("error")).isObject())
        text = firstString(o.value(QLatin1String("error")).toObject(), {"message", "detail"});
    if (text.isEmpty() && o.value(QLatin1String("detail")).isArray()) {
        QStringList parts;
        for (const QJsonValue &item : o.value(QLatin1String("detail")).toArray()) {
            const QString msg = item.toObject().value(QLatin1String("msg")).toString();
            if (!msg.isEmpty())
                parts.append(msg);
        }
        text = parts.join(QLatin1String("; "));
    }
    return oneLine(text);
}

QString withDetail(const QString &line, const QString &detail)
{
    return detail.isEmpty() ? line : QString(line + QLatin1String(": ") + detail);
}

} // namespace

EngineRecoveryClient::EngineRecoveryClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &EngineRecoveryClient::onTimeout);
}

EngineRecoveryClient::~EngineRecoveryClient()
{
    if (m_reply) {
        m_reply->disconnect(this); // nobody is left to tell
        m_reply->abort();
    }
}

QUrl EngineRecoveryClient::endpoint(const QUrl &baseUrl, const QString &workflowId)
{
    QUrl url = baseUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    // Percent-encoded: a workflow id may hold '/', '?' or spaces and still names one segment.
    path += QLatin1String("/api/v1/workflow-state-analytics/states/")
        + QString::fromLatin1(QUrl::toPercentEncoding(workflowId)) + QLatin1String("/recover");
    url.setPath(path, QUrl::TolerantMode);
    return url;
}

bool EngineRecoveryClient::isLoopbackHost(const QString &host)
{
    // Only the name every resolver maps to loopback, and loopback addresses: any other name may
    // resolve to a remote machine.
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || QHostAddress(host).isLoopback();
}

QString EngineRecoveryClient::checkRequest(const EngineRecoveryRequest &request) const
{
    const QUrl &base = request.baseUrl;
    const QString shown = base.toDisplayString(QUrl::RemoveUserInfo);
    const QString scheme = base.scheme().toLower();
    if (!base.isValid() || base.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return tr("\"%1\" is not an engine API URL (expected https://HOST[:PORT])").arg(shown);
    if (scheme == QLatin1String("http") && !isLoopbackHost(base.host())) {
        return request.bearerToken.isEmpty()
            ? tr("refused to send a recovery request to %1 over plain http://: it would travel unencrypted and "
                 "unauthenticated; use https:// (http:// is allowed only for loopback hosts)")
                  .arg(base.host())
            : tr("refused to send the bearer token to %1 over plain http://: it would travel in clear; use https:// "
                 "(http:// is allowed only for loopback hosts)")
                  .arg(base.host());
    }
    if (scheme == QLatin1String("https") && !QSslSocket::supportsSsl())
        return tr("https:// needs a TLS backend, and none is available");
    if (request.workflowId.isEmpty() || request.executionId.isEmpty() || request.checkpointId.isEmpty())
        return tr("a workflow, an execution and a checkpoint are required");
    if (request.reason.trimmed().isEmpty())
        return tr("a reason is required");
    if (request.expectedStateVersion < 0)
        return tr("the expected state version (the one the preview showed) is required");
    for (const char c : request.bearerToken) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return tr("the bearer token contains control characters");
    }
    return {};
}

void EngineRecoveryClient::finishWithoutRequest(const EngineRecoveryRequest &request, const QString &why)
{
    EngineRecoveryReply r;
    r.outcome = EngineRecoveryReply::Outcome::NotSent;
    r.error = why;
    r.summary = tr("Not sent: %1.").arg(why);
    r.workflowId = request.workflowId;
    r.executionId = request.executionId;
    r.checkpointId = request.checkpointId;
    // Queued: every answer arrives from the event loop, never from inside recover().
    QMetaObject::invokeMethod(
        this, [this, r] { emit finished(r); }, Qt::QueuedConnection);
}

void EngineRecoveryClient::recover(const EngineRecoveryRequest &request)
{
    if (m_reply) {
        finishWithoutRequest(request, tr("a recovery request is still in progress"));
        return;
    }
    if (const QString problem = checkRequest(request); !problem.isEmpty()) {
        finishWithoutRequest(request, problem);
        return;
    }
    m_url = endpoint(request.baseUrl, request.workflowId);
    QNetworkRequest http(m_url);
    http.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    http.setRawHeader("Accept", "application/json");
    if (!request.bearerToken.isEmpty())
        http.setRawHeader("Authorization", QByteArray("Bearer " + request.bearerToken));
    // A redirect would carry the token and the request wherever it points: it is reported instead.
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (m_url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!request.caFile.isEmpty() && !tls.addCaCertificates(request.caFile)) {
            finishWithoutRequest(request, tr("%1: no CA certificate could be read").arg(request.caFile));
            return;
        }
        http.setSslConfiguration(tls);
    }
    const QJsonObject body {
        {QStringLiteral("executionId"), request.executionId},
        {QStringLiteral("checkpointId"), request.checkpointId},
        {QStringLiteral("reason"), request.reason},
        {QStringLiteral("actor"), request.actor},
        {QStringLiteral("expectedStateVersion"), request.expectedStateVersion},
    };

    m_pending = EngineRecoveryReply {};
    m_pending.workflowId = request.workflowId;
    m_pending.executionId = request.executionId;
    m_pending.checkpointId = request.checkpointId;
    m_expectedVersion = request.expectedStateVersion;
    m_timeoutMs = request.timeoutMs > 0 ? request.timeoutMs : kDefaultTimeoutMs;
    m_tlsErrors.clear();
    m_timedOut = m_cancelled = m_tooLarge = false;

    m_reply = m_network->post(http, QJsonDocument(body).toJson(QJsonDocument::Compact));
    // Certificate errors are collected for the message and never ignored (BARS S2): the
    // handshake then fails and the reply ends with an error.
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            m_tlsErrors.append(e.errorString());
    });
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received > kMaxAnswerBytes && m_reply && !m_tooLarge) {
            m_tooLarge = true;
            m_reply->abort();
        }
    });
    connect(m_reply, &QNetworkReply::finished, this, &EngineRecoveryClient::onReplyFinished);
    m_timer->start(m_timeoutMs);
}

void EngineRecoveryClient::abort()
{
    if (!m_reply)
        return;
    m_cancelled = true;
    m_reply->abort(); // finished() follows at once, through onReplyFinished
}

void EngineRecoveryClient::onTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort();
}

void EngineRecoveryClient::onReplyFinished()
{
    m_timer->stop();
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    if (!reply)
        return;
    reply->deleteLater();
    EngineRecoveryReply r = std::exchange(m_pending, EngineRecoveryReply {});
    const QString where = m_url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath);
    using Outcome = EngineRecoveryReply::Outcome;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Without an answer the engine may still have applied the request (whether the body reached
    // it is unknowable here: the network thread reports progress late). A retry with the same
    // expected state version is safe: it then answers 409.
    const QString unknownFate = tr("the engine may or may not have applied it; a retry with the same state version "
                                   "cannot apply it twice");
    if (m_cancelled) {
        r.outcome = Outcome::Cancelled;
        r.error = tr("cancelled");
        r.summary = tr("Cancelled while waiting for %1: %2.").arg(where, unknownFate);
    } else if (m_timedOut) {
        r.outcome = Outcome::TimedOut;
        r.error = tr("no answer within %1 s").arg(m_timeoutMs / 1000.0);
        r.summary
            = tr("No answer from %1 within %2 s: %3.").arg(where, QString::number(m_timeoutMs / 1000.0), unknownFate);
    } else if (m_tooLarge) {
        r.outcome = Outcome::UnexpectedAnswer;
        r.httpStatus = status;
        r.error = tr("the answer is larger than %1 bytes").arg(kMaxAnswerBytes);
        r.summary = tr("%1 sent an answer larger than %2 bytes, which is not a recovery answer: %3.")
                        .arg(where, QString::number(kMaxAnswerBytes), unknownFate);
    } else if (status > 0) {
        r.httpStatus = status;
        if (status >= 300 && status < 400) {
            r.outcome = Outcome::UnexpectedAnswer;
            r.error = QString::fromUtf8(reply->rawHeader("Location"));
            r.summary = tr("%1 redirected the request (HTTP %2) to \"%3\"; redirects are not followed: configure the "
                           "engine URL it points to.")
                            .arg(where, QString::number(status), r.error);
        } else {
            interpretHttp(r, reply->read(kMaxAnswerBytes));
        }
    } else {
        r.error = reply->errorString();
        if (!m_tlsErrors.isEmpty() || reply->error() == QNetworkReply::SslHandshakeFailedError) {
            r.outcome = Outcome::TlsError;
            if (!m_tlsErrors.isEmpty())
                r.error = m_tlsErrors.join(QLatin1String("; "));
        } else {
            r.outcome = Outcome::NetworkError;
        }
        r.summary = networkSummary(r) + QLatin1Char('.');
        if (reply->error() == QNetworkReply::RemoteHostClosedError)
            r.summary = tr("%1 closed the connection before answering: %2.").arg(where, unknownFate);
    }
    m_tlsErrors.clear();
    emit finished(r);
}

QString EngineRecoveryClient::networkSummary(const EngineRecoveryReply &r) const
{
    const QString where = m_url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath);
    if (r.outcome == EngineRecoveryReply::Outcome::TlsError)
        return tr("TLS: the certificate of %1 was rejected (%2); if the engine uses a private CA, name its CA file")
            .arg(where, r.error);
    return tr("Could not reach the engine at %1: %2").arg(where, r.error);
}

void EngineRecoveryClient::interpretHttp(EngineRecoveryReply &r, const QByteArray &body) const
{
    using Outcome = EngineRecoveryReply::Outcome;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const bool isObject = parseError.error == QJsonParseError::NoError && document.isObject();
    const QJsonObject o = document.object();
    // Without JSON (a proxy's error page), the body's text if it is short plain text.
    r.error = isObject ? errorText(o) : (body.startsWith('<') ? QString() : oneLine(QString::fromUtf8(body)));
    const int status = r.httpStatus;
    const QString where = m_url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath);
    if (status >= 200 && status < 300) {
        if (!isObject) {
            r.outcome = Outcome::UnexpectedAnswer;
            r.summary = tr("%1 answered HTTP %2 without a JSON object: the recovery may have been applied; look for "
                           "its recovery_completed event")
                            .arg(where, QString::number(status));
        } else if (o.value(QLatin1String("success")) == QJsonValue(false)) {
            r.outcome = Outcome::Refused;
            r.summary = withDetail(tr("The engine reported the recovery as failed (HTTP %1)").arg(status), r.error);
        } else {
            r.outcome = Outcome::Recovered;
            r.recoveryId = firstString(o, {"recoveryId", "recovery_id"});
            r.stateVersion = firstInteger(o, {"stateVersion", "state_version", "newStateVersion"});
            r.toState = firstString(o, {"toState", "to_state"});
            const QString target = r.toState.isEmpty()
                ? tr("checkpoint %1").arg(r.checkpointId)
                : tr("checkpoint %1 (state \"%2\")").arg(r.checkpointId, r.toState);
            r.summary = tr("Recovered execution %1 to %2: recovery %3, state version now %4.")
                            .arg(r.executionId, target, r.recoveryId.isEmpty() ? tr("(no id given)") : r.recoveryId,
                                 r.stateVersion >= 0 ? QString::number(r.stateVersion) : tr("unknown"));
        }
    } else {
        interpretFailure(r, o);
    }
    if (!r.summary.endsWith(QLatin1Char('.')))
        r.summary += QLatin1Char('.');
}

void EngineRecoveryClient::interpretFailure(EngineRecoveryReply &r, const QJsonObject &o) const
{
    using Outcome = EngineRecoveryReply::Outcome;
    const int status = r.httpStatus;
    switch (status) {
    case 400:
        r.outcome = Outcome::BadRequest;
        r.summary = withDetail(tr("The engine rejected the request as malformed (HTTP 400)"), r.error);
        break;
    case 401:
    case 403:
        r.outcome = Outcome::NotAuthorized;
        r.summary
            = withDetail(status == 401 ? tr("Not authorized (HTTP 401): the engine did not accept the bearer token")
                                       : tr("Not authorized (HTTP 403): this token may not recover executions"),
                         r.error);
        break;
    case 404:
        r.outcome = Outcome::NotFound;
        r.summary = withDetail(tr("Not found (HTTP 404): the engine knows no execution %1 with checkpoint %2 in "
                                  "workflow %3")
                                   .arg(r.executionId, r.checkpointId, r.workflowId),
                               r.error);
        break;
    case 409:
        r.outcome = Outcome::Conflict;
        r.stateVersion = firstInteger(o, {"stateVersion", "currentStateVersion", "state_version"});
        r.summary = r.stateVersion >= 0
            ? tr("Nothing changed: execution %1 moved on (state version %2, the preview showed %3); review the preview "
                 "again.")
                  .arg(r.executionId, QString::number(r.stateVersion), QString::number(m_expectedVersion))
            : tr("Nothing changed: execution %1 moved on (its state version is no longer %2); review the preview "
                 "again.")
                  .arg(r.executionId, QString::number(m_expectedVersion));
        break;
    case 422:
        r.outcome = Outcome::Refused;
        r.summary = withDetail(tr("The engine refused the recovery (HTTP 422)"), r.error);
        break;
    default:
        r.outcome = status >= 500 ? Outcome::ServerError : Outcome::UnexpectedAnswer;
        r.summary = withDetail(status >= 500 ? tr("The engine failed (HTTP %1)").arg(status)
                                             : tr("Unexpected answer from %1 (HTTP %2)")
                                                   .arg(m_url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath),
                                                        QString::number(status)),
                               r.error);
        break;
    }
}

} // namespace StateScope
