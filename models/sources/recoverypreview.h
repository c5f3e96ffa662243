#pragma once

#include "checksum.h"
#include "recoverydataloss.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace StateScope {

// What a recovery of an execution to a checkpoint would do (SPEC 5.2), read by RecoveryPlanner
// and carried out by RecoveryExecutor. A value: it crosses threads (a worker reads it, the
// Recovery pane shows it) and it fixes what the user saw, above all the state version the
// update is conditional on (BARS S4: no lost update).
struct RecoveryPreview
{
    // As asked for; kept when they name nothing, so that a refusal's audit row says what was asked.
    QByteArray requestedExecutionId;
    QByteArray requestedCheckpointId;
    QString sourceLabel; // the database, without any password

    // The execution: its workflow_states row as it is now.
    QByteArray workflowId;
    QByteArray executionId;
    QByteArray workflowStateId; // workflow_states.id; empty when the execution is unknown
    QString currentState; // current_state.stateName
    qint64 stateVersion = -1; // the update is conditional on exactly this value
    QByteArray currentSnapshot; // current_state JSON
    QByteArray currentVariables; // variables JSON
    TimeMs currentStateSince = kUnknownTime; // the last transition's time (or created_at)

    // The checkpoint.
    QByteArray checkpointId; // empty when the checkpoint is unknown
    QString checkpointType;
    TimeMs checkpointTime = kUnknownTime;
    QString checkpointState; // state_snapshot.stateName
    QByteArray checkpointSnapshot; // state_snapshot JSON
    QByteArray checkpointVariables; // variables JSON
    ChecksumStatus checksumStatus = ChecksumStatus::Unverifiable;
    QString checksumProblem; // why it is corrupted or unverifiable
    bool recoverable = false;

    // SPEC 5 checksums of {"state", "variables"}: of the row now and of the checkpoint (which is
    // what the row holds after a recovery). Empty when the JSON cannot be read.
    QByteArray beforeChecksum;
    QByteArray afterChecksum;

    RecoveryDataLoss dataLoss; // transitions after the checkpoint's time, variables that change

    // Why the recovery must be refused (SPEC 5.1), one sentence each; empty when it may go
    // ahead. Engineer mode and the reason depend on the user: RecoveryExecutor checks those.
    QStringList refusals;
    // Things the user should know that do not block the recovery (e.g. unreadable current variables).
    QStringList notes;

    bool refused() const { return !refusals.isEmpty(); }
};

} // namespace StateScope
