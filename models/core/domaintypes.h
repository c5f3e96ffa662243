#pragma once

#include "timeutil.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <limits>
#include <vector>

namespace StateScope {

using StateId = quint32;
using ExecutionIndex = quint32;
inline constexpr StateId kNoState = std::numeric_limits<quint32>::max();
inline constexpr quint32 kNoIndex = std::numeric_limits<quint32>::max();

enum class TransitionType : quint8 { Normal, Error, Retry, Rollback, Compensation, Other };
TransitionType transitionTypeFromString(QByteArrayView text);
QString transitionTypeName(TransitionType type);

// Status of an execution as its source reports it (workflow_executions.status, feed events).
enum class ExecutionStatus : quint8 { Unknown, Running, Completed, Failed, Cancelled };
ExecutionStatus executionStatusFromString(QByteArrayView text);
QString executionStatusName(ExecutionStatus status);

enum class CheckpointStatus : quint8 { Verified, Corrupted, Unverifiable };
QString checkpointStatusName(CheckpointStatus status);

struct Workflow
{
    QString id;
    QString name;
    QString stateMachineId; // empty when unknown
};

// A checkpoint as the store keeps it; EventStore::checkpointId()/checkpointType()/
// checkpointStateName() give its strings (key, type and stateName index interned text).
struct CheckpointInfo
{
    quint32 key = kNoIndex;
    ExecutionIndex execution = kNoIndex;
    TimeMs timestamp = kUnknownTime;
    qint64 sizeBytes = -1;
    quint32 type = kNoIndex;
    quint32 stateName = kNoIndex;
    CheckpointStatus status = CheckpointStatus::Unverifiable;
    bool recoverable = true;
};

struct RecoveryRecord
{
    QString id;
    ExecutionIndex execution = kNoIndex;
    TimeMs time = kUnknownTime;
    QString type;
    QString fromCheckpoint;
    QString toState;
    qint64 durationMs = -1;   // -1 = unknown
    int success = -1;         // -1 unknown, 0 failed, 1 succeeded
    QString errorDetails;
    // From the data_loss document (RecoveryDataLoss::summarize); -1 = not recorded.
    qint64 transitionsRolledBack = -1;
    qint64 variablesChanged = -1;
};

struct ReplicaNode
{
    QString nodeId;
    double lagMs = 0;
    qint64 pendingChanges = 0;
    bool inSync = false;
};

struct ConsistencySample
{
    quint32 workflow = kNoIndex;
    TimeMs time = kUnknownTime;
    QString level;
    int replicationFactor = 0;
    int quorumSize = 0;
    std::vector<ReplicaNode> nodes;
    double maxLagMs = 0;       // from nodes, else the sample's own lag figure
    qint64 pendingChanges = 0; // sum over nodes, else the sample's own figure
    int nodesInSync = 0;
    qint64 conflicts = 0;
    QStringList divergence;    // one readable line per divergence entry
};

// A state machine definition: the graph that conformance and validation check against.
struct DefinitionState
{
    QString name;
    QString type;
    QString parent = {}; // the Parallel or Map state whose nested machine holds it (ASL); empty at the top
    int branch = -1; // which of the Parallel's Branches holds it, from 0; -1 at the top or in a Map
};

struct DefinitionTransition
{
    QString id;
    QString source;
    QString target;
    QString event;     // empty = none
    QString condition; // empty = none
    int priority = 0;
    bool isError = false; // an error/catch transition (event or id says so)
};

struct StateMachineDefinition
{
    QString id;
    QString name;
    QString version;
    QString initialState;
    QStringList finalStates;
    std::vector<DefinitionState> states;
    std::vector<DefinitionTransition> transitions;
    QStringList problems = {}; // structural errors found while reading (ASL): validation reports them
};

} // namespace StateScope
