#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QUrl>

class QJsonObject;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace StateScope {

// One recovery request to an engine's REST API (SPEC 5.4).
struct EngineRecoveryRequest
{
    QUrl baseUrl;           // https://engine.example:8443 (a path prefix is kept); http:// only for loopback
    QByteArray bearerToken; // from the keychain (BARS S3), never from settings; empty: no Authorization header
    QString caFile;         // extra CA certificates (PEM) to trust for https://, e.g. a private CA (BARS S2)
    QString workflowId;
    QString executionId;
    QString checkpointId;
    QString reason;
    QString actor;
    qint64 expectedStateVersion = -1; // the version the preview showed: the engine applies nothing if it moved on
    int timeoutMs = 30000;            // the whole exchange, connect to last byte
};

// What came of a request: the engine's answer, or why there was none. Errors are data.
struct EngineRecoveryReply
{
    enum class Outcome {
        Recovered,        // 2xx: the engine applied it
        BadRequest,       // 400
        NotAuthorized,    // 401, 403
        NotFound,         // 404: unknown execution or checkpoint (or no such API at that URL)
        Conflict,         // 409: the execution moved on; stateVersion holds the engine's current one when it said
        Refused,          // 422: the engine would not do it (checkpoint not recoverable, ...)
        ServerError,      // 5xx
        UnexpectedAnswer, // any other status, a redirect, or a 2xx that is not a JSON object
        NotSent,          // refused before any request: bad URL, plain http:// to a remote host, no CA file, ...
        NetworkError,     // no HTTP answer: connection refused, host not found, reset, ...
        TlsError,         // the certificate (or the handshake) was rejected
        TimedOut,         // no complete answer within timeoutMs: the engine may or may not have applied it
        Cancelled,        // abort() was called: the engine may or may not have applied it
    };

    Outcome outcome = Outcome::NotSent;
    int httpStatus = 0;       // 0: no HTTP answer
    QString recoveryId;       // 2xx
    qint64 stateVersion = -1; // 2xx: the execution's new version; 409: its current one (when the engine says)
    QString toState;          // 2xx: the state the execution is now in (when the engine says)
    QString error;            // the engine's error text, or the network / TLS error
    QString summary;          // one line for the user, naming the outcome
    // The request this answers (no token), so a pane can match answers to what it asked.
    QString workflowId;
    QString executionId;
    QString checkpointId;

    bool ok() const { return outcome == Outcome::Recovered; }
};

// An asynchronous client for the engine's recovery endpoint (SPEC 5.4):
// POST {base}/api/v1/workflow-state-analytics/states/{workflowId}/recover with JSON
// {"executionId","checkpointId","reason","actor","expectedStateVersion"}. Lives on any thread
// with an event loop and never blocks it; one request at a time; every recover() ends in
// exactly one finished(). TLS is verified: a certificate is trusted only through the system's
// CAs or the request's caFile, never by ignoring errors. Redirects are not followed (the token
// would go wherever a redirect points).
class EngineRecoveryClient final : public QObject
{
    Q_OBJECT
public:
    explicit EngineRecoveryClient(QObject *parent = nullptr);
    ~EngineRecoveryClient() override; // aborts a request in flight without emitting

    void recover(const EngineRecoveryRequest &request);
    void abort(); // ends the request in flight with Outcome::Cancelled
    bool isBusy() const { return m_reply != nullptr; }

    // The endpoint's URL for a base and a workflow (the workflow id percent-encoded).
    static QUrl endpoint(const QUrl &baseUrl, const QString &workflowId);
    // True when a plain http:// URL may be used: its host is a loopback name or address.
    static bool isLoopbackHost(const QString &host);

signals:
    void finished(const StateScope::EngineRecoveryReply &reply);

private:
    QString checkRequest(const EngineRecoveryRequest &request) const;
    void finishWithoutRequest(const EngineRecoveryRequest &request, const QString &why);
    void onReplyFinished();
    void onTimeout();
    void interpretHttp(EngineRecoveryReply &r, const QByteArray &body) const;
    void interpretFailure(EngineRecoveryReply &r, const QJsonObject &answer) const; // a status other than 2xx
    QString networkSummary(const EngineRecoveryReply &r) const;

    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_timer = nullptr;
    QNetworkReply *m_reply = nullptr;
    EngineRecoveryReply m_pending; // the echo of the request in flight
    QUrl m_url;                    // its endpoint, for messages
    qint64 m_expectedVersion = -1;
    int m_timeoutMs = 0;
    QStringList m_tlsErrors;
    bool m_timedOut = false;
    bool m_cancelled = false;
    bool m_tooLarge = false;
};

} // namespace StateScope

Q_DECLARE_METATYPE(StateScope::EngineRecoveryReply)
