#pragma once

#include "domaintypes.h"
#include "timeutil.h"

#include <QByteArray>
#include <QStringList>

#include <vector>

namespace StateScope {

// The event types of statescope-feed/1 (SPEC 4), server -> client.
enum class FeedEventType : quint8 {
    Hello,
    Transition,
    StateChange,
    ExecutionStarted,
    ExecutionCompleted,
    ExecutionFailed,
    CheckpointCreated,
    RecoveryInitiated,
    RecoveryCompleted,
    Consistency,
    AlertTriggered,
    AlertResolved,
    MetricUpdate,
    Heartbeat,
    Subscribed,   // control answers of the server
    ResumeFailed,
    Error,
};
QByteArray feedEventTypeName(FeedEventType type); // "transition", ...
// The type named by `name` (SPEC 4 spelling); false for a name SPEC 4 does not define.
bool feedEventTypeFromName(QByteArrayView name, FeedEventType *type);

// One event as value: the envelope plus the payload fields of its type (unused ones stay
// empty / unknown). Strings are UTF-8.
struct FeedEvent
{
    FeedEventType type = FeedEventType::Heartbeat;
    bool hasSeq = false;
    quint64 seq = 0;
    QByteArray workflowId;
    QByteArray executionId;

    // transition
    QByteArray transitionId;
    QByteArray fromState;
    QByteArray toState;
    TransitionType transitionType = TransitionType::Normal;
    qint64 durationMs = -1; // also recovery durationMs
    // state_change, execution_*, checkpoint_created, recovery_*: the state named
    QByteArray stateName;
    QByteArray stateType;
    qint64 stateVersion = -1;
    QByteArray data; // raw JSON of state_change.data / recovery dataLoss, when present
    // The event's time: transition.timestamp, state_change.enteredAt, execution_started.startedAt,
    // execution_completed/failed.completedAt, checkpoint_created.timestamp, hello/heartbeat serverTime.
    TimeMs time = kUnknownTime;
    // checkpoint_created
    QByteArray checkpointId; // also recovery_*.checkpointId
    QByteArray checkpointType;
    qint64 sizeBytes = -1;
    QByteArray checksum;
    bool recoverable = true;
    // recovery_*
    QByteArray recoveryId;
    int success = -1; // -1 absent, 0 false, 1 true
    QByteArray actor;
    QByteArray reason;
    // consistency (nodes, lag, pending, in-sync count and divergence as in ConsistencySample)
    ConsistencySample consistency;
    // alert_*
    QByteArray alertId;
    QByteArray severity;
    QByteArray title;
    QByteArray description;
    // metric_update
    QByteArray metricName;
    double metricValue = 0;
    // hello
    QByteArray protocol;
    quint64 oldestSeq = 0;
    quint64 latestSeq = 0;
    // subscribed / resume_failed / error
    QStringList topics;
    quint64 replayFrom = 0;
    QByteArray errorCode;
    QByteArray errorMessage;
};

// Why a frame or an event in it was not taken. Counted per kind; never ends a connection.
enum class FeedProblem : quint8 {
    MalformedJson,   // not JSON, or not an object/array of objects
    FrameTooLarge,   // over FeedLimits::maxFrameBytes
    TooDeep,         // nesting over FeedLimits::maxDepth
    StringTooLong,   // a string over FeedLimits::maxStringBytes
    MissingField,    // a required field absent
    WrongType,       // a field of the wrong JSON type, or a timestamp that is not one
    UnknownType,     // an event type SPEC 4 does not define
    Count
};
QByteArray feedProblemName(FeedProblem problem);

// BARS S5 defaults.
struct FeedLimits
{
    qsizetype maxFrameBytes = 16 * 1024 * 1024;
    int maxDepth = 64;
    qsizetype maxStringBytes = 1024 * 1024;
};

struct FeedProblemCounts
{
    quint64 counts[int(FeedProblem::Count)] = {};
    quint64 &operator[](FeedProblem p) { return counts[int(p)]; }
    quint64 operator[](FeedProblem p) const { return counts[int(p)]; }
    quint64 total() const
    {
        quint64 t = 0;
        for (quint64 c : counts)
            t += c;
        return t;
    }
};

// The name of the first field in which a and b differ, empty when they are equal: round-trip
// tests and the fuzz target use it (ConsistencySample has no operator==).
QByteArray feedEventDifference(const FeedEvent &a, const FeedEvent &b);

} // namespace StateScope
