#include "jsonlinesmembers.h"

#include "feedingestor.h"

#include <cstring>

namespace StateScope::FastJson {

using simdjson::SUCCESS;

namespace {

bool handledType(std::string_view name, FeedEventType *type)
{
    if (name == "transition")
        *type = FeedEventType::Transition;
    else if (name == "checkpoint_created")
        *type = FeedEventType::CheckpointCreated;
    else if (name == "execution_started")
        *type = FeedEventType::ExecutionStarted;
    else if (name == "execution_completed")
        *type = FeedEventType::ExecutionCompleted;
    else if (name == "execution_failed")
        *type = FeedEventType::ExecutionFailed;
    else
        return false;
    return true;
}

// A string member's text. Without escapes it is read in place from the line (simdjson's first
// stage has checked its UTF-8 and control characters); only escaped ones are copied out.
// `noEscapes`: the caller knows the text has no backslash at all, so none is looked for.
bool string(od::value &v, std::string_view *out, bool noEscapes)
{
    const std::string_view token = v.raw_json_token(); // runs on to the next structural character
    const size_t n = size_t(lastNonBlank(token.data(), token.data() + token.size(), true) - token.data());
    if (n >= 2 && token[0] == '"' && token[n - 1] == '"') {
        const std::string_view inner = token.substr(1, n - 2);
        if (noEscapes || inner.find('\\') == std::string_view::npos) {
            *out = inner;
            return true;
        }
    }
    return v.get_string().get(*out) == SUCCESS;
}

// The member names the fast path knows.
enum class Name {
    Unknown, Type, Seq, WorkflowId, ExecutionId, Payload, FromState, ToState, Timestamp, TransitionId,
    TransitionType, DurationMs, StateType, StateName, StartedAt, CompletedAt, CheckpointId, CheckpointType,
    SizeBytes, Checksum, Recoverable,
};

// `raw` spelled `literal` and then its closing quote. A name with escapes never matches (those
// lines are FeedParser's); reading past a shorter name stays inside the padded line.
template<size_t N>
bool spelled(const char *raw, const char (&literal)[N])
{
    return std::memcmp(raw, literal, N - 1) == 0 && raw[N - 1] == '"';
}

// A string member whose text is not needed. Without escapes in the line, that it is a string
// is all there is to check (simdjson's first stage has checked the rest).
bool isString(od::value &v, bool noEscapes)
{
    if (!noEscapes) {
        std::string_view text;
        return v.get_string().get(text) == SUCCESS;
    }
    od::json_type type;
    return v.type().get(type) == SUCCESS && type == od::json_type::string;
}

// A member's name, told apart by its first letter and then compared whole.
Name nameOf(od::field &field)
{
    const char *raw = reinterpret_cast<const char *>(field.key().raw());
    switch (raw[0]) {
    case 't':
        return spelled(raw, "type")         ? Name::Type
            : spelled(raw, "timestamp")      ? Name::Timestamp
            : spelled(raw, "toState")        ? Name::ToState
            : spelled(raw, "transitionId")   ? Name::TransitionId
            : spelled(raw, "transitionType") ? Name::TransitionType
                                             : Name::Unknown;
    case 's':
        return spelled(raw, "seq")       ? Name::Seq
            : spelled(raw, "stateName")  ? Name::StateName
            : spelled(raw, "stateType")  ? Name::StateType
            : spelled(raw, "startedAt")  ? Name::StartedAt
            : spelled(raw, "sizeBytes")  ? Name::SizeBytes
                                         : Name::Unknown;
    case 'c':
        return spelled(raw, "completedAt")     ? Name::CompletedAt
            : spelled(raw, "checkpointId")     ? Name::CheckpointId
            : spelled(raw, "checkpointType")   ? Name::CheckpointType
            : spelled(raw, "checksum")         ? Name::Checksum
                                               : Name::Unknown;
    case 'w':
        return spelled(raw, "workflowId") ? Name::WorkflowId : Name::Unknown;
    case 'e':
        return spelled(raw, "executionId") ? Name::ExecutionId : Name::Unknown;
    case 'p':
        return spelled(raw, "payload") ? Name::Payload : Name::Unknown;
    case 'f':
        return spelled(raw, "fromState") ? Name::FromState : Name::Unknown;
    case 'd':
        return spelled(raw, "durationMs") ? Name::DurationMs : Name::Unknown;
    case 'r':
        return spelled(raw, "recoverable") ? Name::Recoverable : Name::Unknown;
    default:
        return Name::Unknown;
    }
}

// As EventReader::timestamp: an RFC 3339 string or integer epoch milliseconds.
bool time(od::value &v, TimeMs *out)
{
    od::json_type type;
    if (v.type().get(type) != SUCCESS)
        return false;
    if (type == od::json_type::string) {
        std::string_view s;
        return v.get_string().get(s) == SUCCESS && TimeUtil::parse(QByteArrayView(s.data(), qsizetype(s.size())), out);
    }
    int64_t ms = 0;
    if (type != od::json_type::number || v.get_int64().get(ms) != SUCCESS || ms == kUnknownTime)
        return false;
    *out = ms;
    return true;
}

// A non-negative integer. FeedParser also rounds fractions for some members; those lines are
// declined rather than copying that rule.
bool count(od::value &v, qint64 *out)
{
    int64_t i = 0;
    if (v.get_int64().get(i) != SUCCESS || i < 0)
        return false;
    *out = i;
    return true;
}

// One payload member of `m.type`; false for a member this path does not take or a bad value.
bool payloadMember(Name name, od::value &v, Members &m, quint32 *bit)
{
    // Members FeedIngestor does not use are still read, so that a bad one is FeedParser's to report.
    qint64 unusedCount = 0;
    const FeedEventType t = m.type;
    const bool transition = t == FeedEventType::Transition;
    const bool checkpoint = t == FeedEventType::CheckpointCreated;
    const bool ends = t == FeedEventType::ExecutionCompleted || t == FeedEventType::ExecutionFailed;
    switch (name) {
    case Name::FromState:
        return transition && (*bit = kFrom, string(v, &m.from, m.noEscapes));
    case Name::ToState:
        return transition && (*bit = kTo, string(v, &m.to, m.noEscapes));
    case Name::TransitionId:
        return transition && (*bit = kTransitionId, isString(v, m.noEscapes));
    case Name::TransitionType:
        return transition && (*bit = kTransitionType, string(v, &m.transitionType, m.noEscapes));
    case Name::DurationMs:
        return transition && (*bit = kDuration, count(v, &unusedCount));
    case Name::StateType:
        return transition && (*bit = kStateType, isString(v, m.noEscapes));
    case Name::Timestamp:
        return (transition || checkpoint) && (*bit = kTime, time(v, &m.time));
    case Name::StartedAt:
        return t == FeedEventType::ExecutionStarted && (*bit = kTime, time(v, &m.time));
    case Name::CompletedAt:
        return ends && (*bit = kTime, time(v, &m.time));
    case Name::StateName:
        return !transition && (*bit = kStateName, string(v, &m.stateName, m.noEscapes));
    case Name::CheckpointId:
        if (!checkpoint || (*bit = kCheckpointId, !string(v, &m.checkpointId, m.noEscapes)))
            return false;
        m.ingestor->prefetchCheckpoint(QByteArrayView(m.checkpointId.data(), qsizetype(m.checkpointId.size())));
        return true;
    case Name::CheckpointType:
        return checkpoint && (*bit = kCheckpointType, string(v, &m.checkpointType, m.noEscapes));
    case Name::SizeBytes:
        return checkpoint && (*bit = kSize, count(v, &m.sizeBytes));
    case Name::Checksum:
        return checkpoint && (*bit = kChecksum, isString(v, m.noEscapes));
    case Name::Recoverable:
        return checkpoint && (*bit = kRecoverable, v.get_bool().get(m.recoverable) == SUCCESS);
    default:
        return false;
    }
}

bool readPayload(od::value &v, Members &m)
{
    // Results are used in place (value_unsafe once checked): get() would copy their iterators, and
    // reading those back just after they were stored stalls on every member.
    auto payload = v.get_object();
    if (payload.error() != SUCCESS)
        return false;
    for (auto member : payload.value_unsafe()) {
        if (member.error() != SUCCESS)
            return false;
        od::field &field = member.value_unsafe();
        quint32 bit = 0;
        if (!payloadMember(nameOf(field), field.value(), m, &bit) || (m.seen & bit))
            return false;
        m.seen |= bit;
    }
    return true;
}

} // namespace

bool readEvent(od::object &envelope, Members &m)
{
    for (auto member : envelope) {
        if (member.error() != SUCCESS)
            return false;
        od::field &field = member.value_unsafe();
        od::value &v = field.value();
        quint32 bit = 0;
        bool ok = false;
        switch (nameOf(field)) {
        case Name::Type: {
            std::string_view name;
            bit = kType;
            ok = string(v, &name, m.noEscapes) && handledType(name, &m.type);
            break;
        }
        case Name::Seq: {
            uint64_t seq = 0;
            bit = kSeq;
            ok = v.get_uint64().get(seq) == SUCCESS;
            break;
        }
        case Name::WorkflowId:
            bit = kWorkflow;
            ok = string(v, &m.workflowId, m.noEscapes);
            break;
        case Name::ExecutionId:
            bit = kExecution;
            ok = string(v, &m.executionId, m.noEscapes);
            if (ok) // the rest of the line is read while its table slots are fetched
                m.ingestor->prefetchExecution(QByteArrayView(m.executionId.data(), qsizetype(m.executionId.size())),
                                              (m.seen & kType) && m.type == FeedEventType::ExecutionStarted);
            break;
        case Name::Payload:
            bit = kPayload;
            ok = (m.seen & kType) && readPayload(v, m);
            break;
        default:
            break; // a member FeedParser ignores, or one of the payload's out of place
        }
        if (!ok || (m.seen & bit))
            return false;
        m.seen |= bit;
    }
    constexpr quint32 required = kType | kWorkflow | kExecution | kPayload;
    if ((m.seen & required) != required || !(m.seen & kTime))
        return false;
    if (m.type == FeedEventType::Transition)
        return (m.seen & (kFrom | kTo)) == (kFrom | kTo);
    if (m.type == FeedEventType::CheckpointCreated)
        return m.seen & kCheckpointId;
    return true;
}

} // namespace StateScope::FastJson
