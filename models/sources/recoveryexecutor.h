#pragma once

#include "auditlog.h"
#include "recoverypreview.h"

#include <QElapsedTimer>
#include <QJsonObject>

#include <functional>
#include <memory>

namespace StateScope {

class SqlConnection;
class SqlStatement;
class StateDatabaseWriter;

// What the user asks for, beside the preview they saw.
struct RecoveryRequest
{
    QString reason; // required (SPEC 5.1)
    QString actor; // who acts; the audit row's actor
    bool engineerMode = false; // required (SPEC 5.1); the command line implies it
};

struct RecoveryResult
{
    enum class Status : quint8 {
        Succeeded,
        Refused, // nothing was attempted (SPEC 5.1, or the execution moved on): audit row only
        Failed, // the transaction failed and was rolled back; the attempt is logged when possible
    };
    Status status = Status::Refused;
    bool success = false;
    QString outcome; // one sentence: what was done, or why not
    qint64 newStateVersion = -1; // after a success
    QByteArray recoveryId; // the state_recovery_log row: the recovery, or the logged failed attempt
    qint64 durationMs = 0;
    QByteArray auditId; // the audit_log row; empty when it could not be written
    QString auditError; // why the attempt could not be logged (a read-only database, a lost connection)
};

QString recoveryStatusName(RecoveryResult::Status status); // "succeeded" | "refused" | "failed"

// The writes of one recovery, in order, inside one transaction (SPEC 5.3).
enum class RecoveryStep : quint8 { UpdateState = 1, InsertRollbackTransition, InsertRecoveryLog, InsertAuditLog };

// Carries out a recovery previewed by RecoveryPlanner against its database, all or nothing
// (SPEC 5.3, BARS R4): in one transaction it updates the workflow_states row to the checkpoint's
// snapshot and variables with state_version + 1 only if the version is still the previewed one,
// inserts the 'rollback' transition, the state_recovery_log row and the audit_log row. Every
// attempt leaves an audit row (BARS S4): a refusal (engineer mode off, no reason, a preview
// refusal, a stale version) writes it in a transaction of its own and changes nothing else; a
// failure inside the transaction rolls back, then logs the failed attempt (state_recovery_log
// success = false with error_details, and audit_log) in a second transaction if the connection
// still works. The connection must be writable; one executor per connection and thread.
class RecoveryExecutor final
{
public:
    explicit RecoveryExecutor(SqlConnection &connection);
    ~RecoveryExecutor();

    RecoveryResult execute(const RecoveryPreview &preview, const RecoveryRequest &request);

    // SPEC 5.2's typed confirmation: the execution id, or at least its first 8 characters.
    static bool confirmationMatches(QStringView typed, QByteArrayView executionId);
    // The audit row of an attempt (BARS S4): the preview's ids, states, version and checksums
    // in details, with `details` given added. Also for recoveries an engine's API carried out.
    static AuditEntry auditEntry(const RecoveryPreview &preview, const RecoveryRequest &request, const QString &action,
                                 QJsonObject details);

    // For tests only: called after each step of the recovery transaction. Returning false (with
    // *error set) makes that step fail, as a constraint error or a lost connection would; the hook
    // may also break the connection itself. Proves that a failure in the middle changes nothing.
    using StepHook = std::function<bool(RecoveryStep step, QString *error)>;
    void setStepHookForTesting(StepHook hook) { m_stepHook = std::move(hook); }

private:
    struct Attempt;
    bool prepare(QString *error);
    bool runSteps(Attempt &attempt);
    RecoveryResult refuse(const RecoveryPreview &preview, const RecoveryRequest &request, const QString &why);
    RecoveryResult fail(Attempt &attempt);
    qint64 currentVersion(const QByteArray &workflowStateId);
    // Writes the audit row in a transaction of its own (refusals, logged failures).
    void auditAlone(const AuditEntry &entry, RecoveryResult &result);

    SqlConnection &m_connection;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<StateDatabaseWriter> m_writer; // the state_recovery_log row, as the engines write it
    std::unique_ptr<SqlStatement> m_update, m_transition, m_version;
    StepHook m_stepHook;
};

} // namespace StateScope
