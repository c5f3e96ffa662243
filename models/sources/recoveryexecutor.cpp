#include "recoveryexecutor.h"

#include "sqlconnection.h"
#include "statedatabasewriter.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

#include <limits>

namespace StateScope {

QString recoveryStatusName(RecoveryResult::Status status)
{
    switch (status) {
    case RecoveryResult::Status::Succeeded:
        return QStringLiteral("succeeded");
    case RecoveryResult::Status::Refused:
        return QStringLiteral("refused");
    case RecoveryResult::Status::Failed:
        break;
    }
    return QStringLiteral("failed");
}

namespace {

QString stepName(RecoveryStep step)
{
    switch (step) {
    case RecoveryStep::UpdateState:
        return QStringLiteral("update workflow_states");
    case RecoveryStep::InsertRollbackTransition:
        return QStringLiteral("insert state_transitions");
    case RecoveryStep::InsertRecoveryLog:
        return QStringLiteral("insert state_recovery_log");
    case RecoveryStep::InsertAuditLog:
        break;
    }
    return QStringLiteral("insert audit_log");
}


QByteArray newId()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

} // namespace

struct RecoveryExecutor::Attempt
{
    Attempt(const RecoveryPreview &p, const RecoveryRequest &r)
        : preview(p)
        , request(r)
    {
        timer.start();
    }

    const RecoveryPreview &preview;
    const RecoveryRequest &request;
    QByteArray recoveryId = newId();
    TimeMs now = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer timer;
    RecoveryStep step = RecoveryStep::UpdateState;
    QString what; // why it failed, as the user reads it
    bool stale = false;
    QByteArray auditId;
};

RecoveryExecutor::RecoveryExecutor(SqlConnection &connection)
    : m_connection(connection)
    , m_audit(std::make_unique<AuditLog>(connection))
{ }

RecoveryExecutor::~RecoveryExecutor() = default;

bool RecoveryExecutor::confirmationMatches(QStringView typed, QByteArrayView executionId)
{
    const QString id = QString::fromUtf8(executionId);
    const QStringView t = typed.trimmed();
    return !id.isEmpty() && t.size() >= std::min<qsizetype>(8, id.size()) && id.startsWith(t, Qt::CaseInsensitive);
}

bool RecoveryExecutor::prepare(QString *error)
{
    if (m_writer)
        return true;
    m_update = m_connection.prepare("UPDATE workflow_states SET current_state = $2, variables = $3, "
                                    "state_version = state_version + 1, updated_at = $4 "
                                    "WHERE id = $1 AND state_version = $5",
                                    error);
    m_transition
        = m_connection.prepare("INSERT INTO state_transitions (id, workflow_state_id, transition_id, from_state, "
                               "to_state, transition_type, timestamp, duration_ms, trigger, created_at) "
                               "VALUES ($1, $2, $3, $4, $5, 'rollback', $6, $7, $8, $6)",
                               error);
    m_version = m_connection.prepare("SELECT state_version FROM workflow_states WHERE id = $1", error);
    if (!m_update || !m_transition || !m_version)
        return false;
    auto writer = std::make_unique<StateDatabaseWriter>(m_connection);
    if (!writer->prepare(error))
        return false;
    m_writer = std::move(writer);
    return true;
}

AuditEntry RecoveryExecutor::auditEntry(const RecoveryPreview &p, const RecoveryRequest &request, const QString &action,
                                        QJsonObject details)
{
    const QByteArray execution = p.executionId.isEmpty() ? p.requestedExecutionId : p.executionId;
    const QByteArray checkpoint = p.checkpointId.isEmpty() ? p.requestedCheckpointId : p.checkpointId;
    const auto text = [](const QByteArray &b) {
        return b.isEmpty() ? QJsonValue() : QJsonValue(QString::fromUtf8(b));
    };
    details.insert(QStringLiteral("source"), p.sourceLabel);
    details.insert(QStringLiteral("workflowId"), text(p.workflowId));
    details.insert(QStringLiteral("executionId"), text(execution));
    details.insert(QStringLiteral("workflowStateId"), text(p.workflowStateId));
    details.insert(QStringLiteral("checkpointId"), text(checkpoint));
    details.insert(QStringLiteral("fromState"), p.currentState);
    details.insert(QStringLiteral("toState"), p.checkpointState);
    details.insert(QStringLiteral("expectedStateVersion"), p.stateVersion);
    details.insert(QStringLiteral("checksumStatus"),
                   p.checkpointId.isEmpty() ? QJsonValue() : QJsonValue(checksumStatusName(p.checksumStatus)));
    // The SPEC 5 checksums of {state, variables}: of the row before, and of what it holds after.
    details.insert(QStringLiteral("beforeChecksum"), text(p.beforeChecksum));
    details.insert(QStringLiteral("afterChecksum"), text(p.afterChecksum));
    details.insert(QStringLiteral("transitionsRolledBack"), p.dataLoss.transitionsRolledBack);
    details.insert(QStringLiteral("variablesChanged"), qint64(p.dataLoss.variables.size()));
    details.insert(QStringLiteral("engineerMode"), request.engineerMode);
    AuditEntry entry;
    entry.actor = request.actor.trimmed().isEmpty() ? QStringLiteral("(unknown)") : request.actor.trimmed();
    entry.action = action;
    entry.target
        = QStringLiteral("execution %1 checkpoint %2").arg(QString::fromUtf8(execution), QString::fromUtf8(checkpoint));
    entry.reason = request.reason.trimmed();
    entry.details = std::move(details);
    return entry;
}

RecoveryResult RecoveryExecutor::execute(const RecoveryPreview &preview, const RecoveryRequest &request)
{
    QStringList refusals;
    if (!request.engineerMode)
        refusals.append(QStringLiteral("engineer mode is off: recoveries are refused until an engineer turns it on"));
    if (request.reason.trimmed().isEmpty())
        refusals.append(QStringLiteral("no reason is given: every recovery needs one for the audit trail"));
    if (request.actor.trimmed().isEmpty())
        refusals.append(QStringLiteral("no actor is named: the audit trail needs to know who acts"));
    refusals += preview.refusals;
    if (!refusals.isEmpty())
        return refuse(preview, request, refusals.join(QStringLiteral("; ")));

    Attempt attempt(preview, request);
    if (!runSteps(attempt)) {
        m_connection.rollback();
        if (!attempt.stale)
            return fail(attempt);
        const qint64 current = currentVersion(preview.workflowStateId);
        return refuse(preview, request,
                      current < 0
                          ? QStringLiteral("the execution moved on: its workflow_states row is gone (expected state "
                                           "version %1)")
                                .arg(preview.stateVersion)
                          : QStringLiteral("the execution moved on (state version %1, expected %2)")
                                .arg(current)
                                .arg(preview.stateVersion));
    }
    RecoveryResult r;
    r.status = RecoveryResult::Status::Succeeded;
    r.success = true;
    r.newStateVersion = preview.stateVersion + 1;
    r.recoveryId = attempt.recoveryId;
    r.auditId = attempt.auditId;
    r.durationMs = attempt.timer.elapsed();
    r.outcome = QStringLiteral(
                    "recovered execution %1 to checkpoint %2: %3 → %4, state version %5, %6 transitions rolled back")
                    .arg(QString::fromUtf8(preview.executionId), QString::fromUtf8(preview.checkpointId),
                         preview.currentState, preview.checkpointState)
                    .arg(r.newStateVersion)
                    .arg(preview.dataLoss.transitionsRolledBack);
    return r;
}

bool RecoveryExecutor::runSteps(Attempt &a)
{
    const RecoveryPreview &p = a.preview;
    const auto failed = [&a](RecoveryStep step, const QString &table, const QString &error) {
        a.step = step;
        a.what = describeWriteError(table, error);
        return false;
    };
    // Test-only fault injection: the step counts as failed after its write went through.
    const auto injected = [this, &a](RecoveryStep step) {
        QString error;
        if (!m_stepHook || m_stepHook(step, &error))
            return false;
        a.step = step;
        a.what = error.isEmpty()
            ? QStringLiteral("failure injected after step %1 (%2)").arg(int(step)).arg(stepName(step))
            : error;
        return true;
    };

    QString error;
    if (!prepare(&error) || !m_connection.begin(&error))
        return failed(RecoveryStep::UpdateState, QStringLiteral("workflow_states"), error);

    SqlStatement &update = *m_update;
    update.reset();
    update.bindText(1, p.workflowStateId);
    update.bindText(2, p.checkpointSnapshot);
    update.bindText(3, p.checkpointVariables);
    update.bindText(4, TimeUtil::formatUtc(a.now));
    update.bindInt64(5, p.stateVersion);
    if (!update.exec())
        return failed(RecoveryStep::UpdateState, QStringLiteral("workflow_states"), update.error());
    if (update.rowsAffected() == 0) { // the only guard against a lost update (BARS S4)
        a.stale = true;
        return false;
    }
    if (injected(RecoveryStep::UpdateState))
        return false;

    SqlStatement &transition = *m_transition;
    transition.reset();
    transition.bindText(1, newId());
    transition.bindText(2, p.workflowStateId);
    transition.bindText(3, QByteArray("recovery-" + a.recoveryId));
    transition.bindText(4, p.currentState.toUtf8());
    transition.bindText(5, p.checkpointState.toUtf8());
    transition.bindText(6, TimeUtil::formatUtc(a.now));
    // The time spent in the state left; duration_ms is a 32-bit INTEGER, and an execution can
    // sit for longer than 24 days before someone recovers it: then it is unknown.
    if (p.currentStateSince == kUnknownTime || a.now < p.currentStateSince
        || a.now - p.currentStateSince > std::numeric_limits<qint32>::max())
        transition.bindNull(7);
    else
        transition.bindInt64(7, a.now - p.currentStateSince);
    // Who moved the execution: an engineer, not the engine.
    transition.bindText(8,
                        QJsonDocument(QJsonObject {{QStringLiteral("type"), QStringLiteral("manual")},
                                                   {QStringLiteral("source"), QStringLiteral("recovery")},
                                                   {QStringLiteral("recoveryId"), QString::fromUtf8(a.recoveryId)},
                                                   {QStringLiteral("checkpointId"), QString::fromUtf8(p.checkpointId)},
                                                   {QStringLiteral("actor"), a.request.actor.trimmed()}})
                            .toJson(QJsonDocument::Compact));
    if (!transition.exec())
        return failed(RecoveryStep::InsertRollbackTransition, QStringLiteral("state_transitions"), transition.error());
    if (injected(RecoveryStep::InsertRollbackTransition))
        return false;

    if (!m_writer->insertRecovery(a.recoveryId, p.workflowStateId, a.now, p.checkpointId, p.checkpointState.toUtf8(),
                                  a.timer.elapsed(), p.dataLoss.toJson(), true, {}))
        return failed(RecoveryStep::InsertRecoveryLog, QStringLiteral("state_recovery_log"), m_writer->error());
    if (injected(RecoveryStep::InsertRecoveryLog))
        return false;

    QJsonObject details {{QStringLiteral("outcome"), QStringLiteral("succeeded")},
                         {QStringLiteral("recoveryId"), QString::fromUtf8(a.recoveryId)},
                         {QStringLiteral("newStateVersion"), p.stateVersion + 1}};
    if (!m_audit->write(auditEntry(p, a.request, QStringLiteral("recovery"), details), &a.auditId, &error))
        return failed(RecoveryStep::InsertAuditLog, QStringLiteral("audit_log"), error);
    if (injected(RecoveryStep::InsertAuditLog))
        return false;

    if (!m_connection.commit(&error))
        return failed(RecoveryStep::InsertAuditLog, QStringLiteral("the commit"), error);
    return true;
}

RecoveryResult RecoveryExecutor::refuse(const RecoveryPreview &preview, const RecoveryRequest &request,
                                        const QString &why)
{
    QElapsedTimer timer;
    timer.start();
    RecoveryResult r;
    r.status = RecoveryResult::Status::Refused;
    r.outcome = why;
    auditAlone(auditEntry(preview, request, QStringLiteral("recovery_refused"),
                          QJsonObject {{QStringLiteral("outcome"), QStringLiteral("refused")},
                                       {QStringLiteral("refusal"), why}}),
               r);
    if (!r.auditError.isEmpty())
        r.outcome += QStringLiteral("; the refused attempt could not be logged: ") + r.auditError;
    r.durationMs = timer.elapsed();
    return r;
}

RecoveryResult RecoveryExecutor::fail(Attempt &a)
{
    RecoveryResult r;
    r.status = RecoveryResult::Status::Failed;
    r.recoveryId = a.recoveryId;
    r.outcome = QStringLiteral("the recovery failed and was rolled back: %1").arg(a.what);
    // The failed attempt is itself logged (SPEC 5.3), in a transaction of its own: the first one
    // is gone. When the connection is lost or the user may not write, this fails too, and says so.
    const QByteArray errorDetails
        = QJsonDocument(QJsonObject {{QStringLiteral("message"), a.what}, {QStringLiteral("step"), stepName(a.step)}})
              .toJson(QJsonDocument::Compact);
    QString error;
    bool logged = prepare(&error) && m_connection.begin(&error);
    if (!logged)
        error = describeWriteError(QStringLiteral("state_recovery_log"), error);
    if (logged
        && !m_writer->insertRecovery(a.recoveryId, a.preview.workflowStateId, a.now, a.preview.checkpointId,
                                     a.preview.checkpointState.toUtf8(), a.timer.elapsed(), a.preview.dataLoss.toJson(),
                                     false, errorDetails)) {
        error = describeWriteError(QStringLiteral("state_recovery_log"), m_writer->error());
        logged = false;
    }
    QJsonObject details {{QStringLiteral("outcome"), QStringLiteral("failed")},
                         {QStringLiteral("error"), a.what},
                         {QStringLiteral("step"), stepName(a.step)},
                         {QStringLiteral("recoveryId"), QString::fromUtf8(a.recoveryId)}};
    if (logged
        && !m_audit->write(auditEntry(a.preview, a.request, QStringLiteral("recovery_failed"), details), &r.auditId,
                           &error)) {
        error = describeWriteError(QStringLiteral("audit_log"), error);
        logged = false;
    }
    if (logged && !m_connection.commit(&error)) {
        error = describeWriteError(QStringLiteral("the commit"), error);
        logged = false;
    }
    if (!logged) {
        m_connection.rollback();
        r.auditId.clear();
        r.auditError = error;
        r.outcome += QStringLiteral("; the failed attempt could not be logged: ") + error;
    }
    r.durationMs = a.timer.elapsed();
    return r;
}

qint64 RecoveryExecutor::currentVersion(const QByteArray &workflowStateId)
{
    SqlStatement &q = *m_version;
    q.reset();
    q.bindText(1, workflowStateId);
    qint64 version = -1;
    if (q.next())
        version = q.int64(0);
    while (q.next()) { }
    return version;
}

void RecoveryExecutor::auditAlone(const AuditEntry &entry, RecoveryResult &result)
{
    if (!m_audit->writeAlone(entry, &result.auditId, &result.auditError))
        result.auditId.clear();
}

} // namespace StateScope
