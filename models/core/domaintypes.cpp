#include "domaintypes.h"

namespace StateScope {

TransitionType transitionTypeFromString(QByteArrayView text)
{
    if (text.isEmpty() || text.compare("normal", Qt::CaseInsensitive) == 0)
        return TransitionType::Normal;
    if (text.compare("error", Qt::CaseInsensitive) == 0)
        return TransitionType::Error;
    if (text.compare("retry", Qt::CaseInsensitive) == 0)
        return TransitionType::Retry;
    if (text.compare("rollback", Qt::CaseInsensitive) == 0)
        return TransitionType::Rollback;
    if (text.compare("compensation", Qt::CaseInsensitive) == 0)
        return TransitionType::Compensation;
    return TransitionType::Other;
}

QString transitionTypeName(TransitionType type)
{
    switch (type) {
    case TransitionType::Normal: return QStringLiteral("normal");
    case TransitionType::Error: return QStringLiteral("error");
    case TransitionType::Retry: return QStringLiteral("retry");
    case TransitionType::Rollback: return QStringLiteral("rollback");
    case TransitionType::Compensation: return QStringLiteral("compensation");
    case TransitionType::Other: break;
    }
    return QStringLiteral("other");
}

ExecutionStatus executionStatusFromString(QByteArrayView text)
{
    const auto is = [text](const char *s) { return text.compare(s, Qt::CaseInsensitive) == 0; };
    if (is("running") || is("active") || is("pending") || is("waiting") || is("started"))
        return ExecutionStatus::Running;
    if (is("completed") || is("succeeded") || is("success") || is("done") || is("finished"))
        return ExecutionStatus::Completed;
    if (is("failed") || is("error") || is("timed_out") || is("aborted"))
        return ExecutionStatus::Failed;
    if (is("cancelled") || is("canceled"))
        return ExecutionStatus::Cancelled;
    return ExecutionStatus::Unknown;
}

QString executionStatusName(ExecutionStatus status)
{
    switch (status) {
    case ExecutionStatus::Running: return QStringLiteral("running");
    case ExecutionStatus::Completed: return QStringLiteral("completed");
    case ExecutionStatus::Failed: return QStringLiteral("failed");
    case ExecutionStatus::Cancelled: return QStringLiteral("cancelled");
    case ExecutionStatus::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString checkpointStatusName(CheckpointStatus status)
{
    switch (status) {
    case CheckpointStatus::Verified: return QStringLiteral("verified");
    case CheckpointStatus::Corrupted: return QStringLiteral("corrupted");
    case CheckpointStatus::Unverifiable: break;
    }
    return QStringLiteral("unverifiable");
}

} // namespace StateScope
