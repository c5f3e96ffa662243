#include "feedevent.h"

#include <iterator>

namespace StateScope {

namespace {

// Indexed by FeedEventType; the spelling of SPEC 4.
constexpr const char *kTypeNames[] = {
    "hello",
    "transition",
    "state_change",
    "execution_started",
    "execution_completed",
    "execution_failed",
    "checkpoint_created",
    "recovery_initiated",
    "recovery_completed",
    "consistency",
    "alert_triggered",
    "alert_resolved",
    "metric_update",
    "heartbeat",
    "subscribed",
    "resume_failed",
    "error",
};
static_assert(std::size(kTypeNames) == size_t(FeedEventType::Error) + 1);

constexpr const char *kProblemNames[] = {
    "malformed_json", "frame_too_large", "too_deep", "string_too_long", "missing_field", "wrong_type", "unknown_type",
};
static_assert(std::size(kProblemNames) == size_t(FeedProblem::Count));

// The live feed is mostly transitions: look them up first.
constexpr FeedEventType kLookupOrder[] = {
    FeedEventType::Transition,
    FeedEventType::StateChange,
    FeedEventType::MetricUpdate,
    FeedEventType::Heartbeat,
    FeedEventType::ExecutionStarted,
    FeedEventType::ExecutionCompleted,
    FeedEventType::ExecutionFailed,
    FeedEventType::CheckpointCreated,
    FeedEventType::Consistency,
    FeedEventType::AlertTriggered,
    FeedEventType::AlertResolved,
    FeedEventType::RecoveryInitiated,
    FeedEventType::RecoveryCompleted,
    FeedEventType::Hello,
    FeedEventType::Subscribed,
    FeedEventType::ResumeFailed,
    FeedEventType::Error,
};
static_assert(std::size(kLookupOrder) == std::size(kTypeNames));

} // namespace

QByteArray feedEventTypeName(FeedEventType type)
{
    const auto i = size_t(type);
    return i < std::size(kTypeNames) ? QByteArray(kTypeNames[i]) : QByteArray("unknown");
}

bool feedEventTypeFromName(QByteArrayView name, FeedEventType *type)
{
    for (FeedEventType t : kLookupOrder) {
        if (name == QByteArrayView(kTypeNames[size_t(t)])) {
            *type = t;
            return true;
        }
    }
    return false;
}

QByteArray feedProblemName(FeedProblem problem)
{
    const auto i = size_t(problem);
    return i < std::size(kProblemNames) ? QByteArray(kProblemNames[i]) : QByteArray("unknown");
}

QByteArray feedEventDifference(const FeedEvent &a, const FeedEvent &b)
{
#define STATESCOPE_COMPARE(field)                                                                                      \
    if (!(a.field == b.field))                                                                                         \
        return QByteArrayLiteral(#field);
    STATESCOPE_COMPARE(type)
    STATESCOPE_COMPARE(hasSeq)
    STATESCOPE_COMPARE(seq)
    STATESCOPE_COMPARE(workflowId)
    STATESCOPE_COMPARE(executionId)
    STATESCOPE_COMPARE(transitionId)
    STATESCOPE_COMPARE(fromState)
    STATESCOPE_COMPARE(toState)
    STATESCOPE_COMPARE(transitionType)
    STATESCOPE_COMPARE(durationMs)
    STATESCOPE_COMPARE(stateName)
    STATESCOPE_COMPARE(stateType)
    STATESCOPE_COMPARE(stateVersion)
    STATESCOPE_COMPARE(data)
    STATESCOPE_COMPARE(time)
    STATESCOPE_COMPARE(checkpointId)
    STATESCOPE_COMPARE(checkpointType)
    STATESCOPE_COMPARE(sizeBytes)
    STATESCOPE_COMPARE(checksum)
    STATESCOPE_COMPARE(recoverable)
    STATESCOPE_COMPARE(recoveryId)
    STATESCOPE_COMPARE(success)
    STATESCOPE_COMPARE(actor)
    STATESCOPE_COMPARE(reason)
    STATESCOPE_COMPARE(consistency.workflow)
    STATESCOPE_COMPARE(consistency.time)
    STATESCOPE_COMPARE(consistency.level)
    STATESCOPE_COMPARE(consistency.replicationFactor)
    STATESCOPE_COMPARE(consistency.quorumSize)
    STATESCOPE_COMPARE(consistency.nodes.size())
    for (size_t i = 0; i < a.consistency.nodes.size(); ++i) {
        STATESCOPE_COMPARE(consistency.nodes[i].nodeId)
        STATESCOPE_COMPARE(consistency.nodes[i].lagMs)
        STATESCOPE_COMPARE(consistency.nodes[i].pendingChanges)
        STATESCOPE_COMPARE(consistency.nodes[i].inSync)
    }
    STATESCOPE_COMPARE(consistency.maxLagMs)
    STATESCOPE_COMPARE(consistency.pendingChanges)
    STATESCOPE_COMPARE(consistency.nodesInSync)
    STATESCOPE_COMPARE(consistency.conflicts)
    STATESCOPE_COMPARE(consistency.divergence)
    STATESCOPE_COMPARE(alertId)
    STATESCOPE_COMPARE(severity)
    STATESCOPE_COMPARE(title)
    STATESCOPE_COMPARE(description)
    STATESCOPE_COMPARE(metricName)
    STATESCOPE_COMPARE(metricValue)
    STATESCOPE_COMPARE(protocol)
    STATESCOPE_COMPARE(oldestSeq)
    STATESCOPE_COMPARE(latestSeq)
    STATESCOPE_COMPARE(topics)
    STATESCOPE_COMPARE(replayFrom)
    STATESCOPE_COMPARE(errorCode)
    STATESCOPE_COMPARE(errorMessage)
#undef STATESCOPE_COMPARE
    return {};
}

} // namespace StateScope
