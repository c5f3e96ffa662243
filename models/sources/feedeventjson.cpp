#include "feedeventjson.h"

#include <charconv>
#include <cmath>

namespace StateScope {

namespace {

// RFC 3339 can only spell years 0000-9999; other instants go out as epoch ms.
constexpr TimeMs kFirstRfc3339 = -62167219200000LL; // 0000-01-01T00:00:00Z
constexpr TimeMs kLastRfc3339 = 253402300799999LL; // 9999-12-31T23:59:59.999Z

class JsonWriter
{
public:
    explicit JsonWriter(QByteArray &out)
        : m_out(out)
    { }

    void beginObject()
    {
        m_out += '{';
        m_first = true;
    }
    void beginObject(const char *key)
    {
        name(key);
        beginObject();
    }
    void endObject()
    {
        m_out += '}';
        m_first = false;
    }
    void string(const char *key, QByteArrayView value)
    {
        name(key);
        quote(value);
    }
    void optionalString(const char *key, QByteArrayView value)
    {
        if (!value.isEmpty())
            string(key, value);
    }
    void integer(const char *key, qint64 value)
    {
        name(key);
        m_out += QByteArray::number(value);
    }
    void unsignedInteger(const char *key, quint64 value)
    {
        name(key);
        m_out += QByteArray::number(value);
    }
    void optionalCount(const char *key, qint64 value) // -1 = absent
    {
        if (value >= 0)
            integer(key, value);
    }
    void number(const char *key, double value)
    {
        name(key);
        number(value);
    }
    void number(double value)
    {
        if (!std::isfinite(value)) {
            m_out += "null";
            return;
        }
        char buffer[32];
        // Shortest text that reads back as the same double.
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
        m_out.append(buffer, result.ptr - buffer);
    }
    void boolean(const char *key, bool value)
    {
        name(key);
        m_out += value ? "true" : "false";
    }
    void time(const char *key, TimeMs value)
    {
        if (value == kUnknownTime)
            return;
        if (value < kFirstRfc3339 || value > kLastRfc3339)
            return integer(key, value);
        name(key);
        m_out += '"';
        m_out += TimeUtil::formatUtc(value);
        m_out += '"';
    }
    void raw(const char *key, const QByteArray &json)
    {
        if (json.isEmpty())
            return;
        name(key);
        m_out += json;
    }
    void name(const char *key)
    {
        if (!m_first)
            m_out += ',';
        m_first = false;
        m_out += '"';
        m_out += key;
        m_out += "\":";
    }
    void quote(QByteArrayView value)
    {
        static constexpr char kHex[] = "0123456789abcdef";
        m_out += '"';
        const char *p = value.data();
        const char *end = p + value.size();
        const char *plain = p;
        for (; p != end; ++p) {
            const auto c = static_cast<unsigned char>(*p);
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            m_out.append(plain, p - plain);
            plain = p + 1;
            switch (c) {
            case '"':
                m_out += "\\\"";
                break;
            case '\\':
                m_out += "\\\\";
                break;
            case '\n':
                m_out += "\\n";
                break;
            case '\r':
                m_out += "\\r";
                break;
            case '\t':
                m_out += "\\t";
                break;
            case '\b':
                m_out += "\\b";
                break;
            case '\f':
                m_out += "\\f";
                break;
            default: {
                const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
                m_out.append(escape, sizeof escape);
            }
            }
        }
        m_out.append(plain, end - plain);
        m_out += '"';
    }
    void separator()
    {
        if (!m_first)
            m_out += ',';
        m_first = false;
    }
    void setFirst(bool first) { m_first = first; }

private:
    QByteArray &m_out;
    bool m_first = true;
};

const char *transitionTypeText(TransitionType type)
{
    switch (type) {
    case TransitionType::Normal:
        return "normal";
    case TransitionType::Error:
        return "error";
    case TransitionType::Retry:
        return "retry";
    case TransitionType::Rollback:
        return "rollback";
    case TransitionType::Compensation:
        return "compensation";
    case TransitionType::Other:
        break;
    }
    return "other";
}

void writeConsistency(JsonWriter &w, QByteArray &out, const ConsistencySample &c)
{
    if (!c.level.isEmpty())
        w.string("consistencyLevel", c.level.toUtf8());
    w.integer("replicationFactor", c.replicationFactor);
    w.integer("quorumSize", c.quorumSize);
    w.name("nodes");
    out += '[';
    w.setFirst(true);
    for (const ReplicaNode &n : c.nodes) {
        w.separator();
        w.beginObject();
        w.string("nodeId", n.nodeId.toUtf8());
        w.number("lagMs", n.lagMs);
        w.integer("pendingChanges", n.pendingChanges);
        w.boolean("inSync", n.inSync);
        w.endObject();
    }
    out += ']';
    w.setFirst(false);
    if (c.nodes.empty()) { // the sample's own figures, which nodes would otherwise give
        w.number("maxLagMs", c.maxLagMs);
        w.integer("pendingChanges", c.pendingChanges);
        w.integer("nodesInSync", c.nodesInSync);
    }
    w.integer("conflicts", c.conflicts);
    if (!c.divergence.isEmpty()) {
        w.name("divergence");
        out += '[';
        for (qsizetype i = 0; i < c.divergence.size(); ++i) {
            if (i > 0)
                out += ',';
            w.quote(c.divergence.at(i).toUtf8());
        }
        out += ']';
    }
}

void writePayload(JsonWriter &w, QByteArray &out, const FeedEvent &e)
{
    switch (e.type) {
    case FeedEventType::Transition:
        w.optionalString("transitionId", e.transitionId);
        w.string("fromState", e.fromState);
        w.string("toState", e.toState);
        w.string("transitionType", transitionTypeText(e.transitionType));
        w.time("timestamp", e.time);
        w.optionalCount("durationMs", e.durationMs);
        w.optionalString("stateType", e.stateType);
        break;
    case FeedEventType::StateChange:
        w.string("stateName", e.stateName);
        w.optionalString("stateType", e.stateType);
        w.time("enteredAt", e.time);
        w.optionalCount("stateVersion", e.stateVersion);
        w.raw("data", e.data);
        break;
    case FeedEventType::ExecutionStarted:
        w.time("startedAt", e.time);
        w.optionalString("stateName", e.stateName);
        break;
    case FeedEventType::ExecutionCompleted:
    case FeedEventType::ExecutionFailed:
        w.time("completedAt", e.time);
        w.optionalString("stateName", e.stateName);
        break;
    case FeedEventType::CheckpointCreated:
        w.string("checkpointId", e.checkpointId);
        w.optionalString("checkpointType", e.checkpointType);
        w.time("timestamp", e.time);
        w.optionalString("stateName", e.stateName);
        w.optionalCount("sizeBytes", e.sizeBytes);
        w.optionalString("checksum", e.checksum);
        w.boolean("recoverable", e.recoverable);
        break;
    case FeedEventType::RecoveryInitiated:
    case FeedEventType::RecoveryCompleted:
        w.string("recoveryId", e.recoveryId);
        w.optionalString("checkpointId", e.checkpointId);
        w.optionalString("toState", e.stateName);
        if (e.success >= 0)
            w.boolean("success", e.success > 0);
        w.optionalCount("durationMs", e.durationMs);
        w.raw("dataLoss", e.data);
        w.optionalString("actor", e.actor);
        w.optionalString("reason", e.reason);
        w.time("timestamp", e.time);
        break;
    case FeedEventType::Consistency:
        writeConsistency(w, out, e.consistency);
        w.time("timestamp", e.time);
        break;
    case FeedEventType::AlertTriggered:
    case FeedEventType::AlertResolved:
        w.string("alertId", e.alertId);
        w.string("severity", e.severity);
        w.optionalString("title", e.title);
        w.optionalString("description", e.description);
        w.time("timestamp", e.time);
        break;
    case FeedEventType::MetricUpdate:
        w.string("name", e.metricName);
        w.number("value", e.metricValue);
        w.time("timestamp", e.time);
        break;
    case FeedEventType::Hello:
        w.string("protocol", e.protocol);
        w.time("serverTime", e.time);
        w.unsignedInteger("oldestSeq", e.oldestSeq);
        w.unsignedInteger("latestSeq", e.latestSeq);
        break;
    case FeedEventType::Heartbeat:
        w.time("serverTime", e.time);
        break;
    case FeedEventType::Subscribed:
        w.name("topics");
        out += '[';
        for (qsizetype i = 0; i < e.topics.size(); ++i) {
            if (i > 0)
                out += ',';
            w.quote(e.topics.at(i).toUtf8());
        }
        out += ']';
        w.unsignedInteger("replayFrom", e.replayFrom);
        break;
    case FeedEventType::ResumeFailed:
        w.unsignedInteger("oldestSeq", e.oldestSeq);
        break;
    case FeedEventType::Error:
        w.optionalString("code", e.errorCode);
        w.optionalString("message", e.errorMessage);
        break;
    }
}

} // namespace

void appendFeedEventJson(const FeedEvent &e, QByteArray &out)
{
    JsonWriter w(out);
    w.beginObject();
    w.string("type", feedEventTypeName(e.type));
    if (e.hasSeq)
        w.unsignedInteger("seq", e.seq);
    const bool control = e.type == FeedEventType::Subscribed || e.type == FeedEventType::ResumeFailed
        || e.type == FeedEventType::Error;
    const bool domain = !control && e.type != FeedEventType::Hello && e.type != FeedEventType::Heartbeat;
    if (domain || !e.workflowId.isEmpty())
        w.string("workflowId", e.workflowId);
    const bool needsExecution = domain && e.type != FeedEventType::Consistency
        && e.type != FeedEventType::AlertTriggered && e.type != FeedEventType::AlertResolved
        && e.type != FeedEventType::MetricUpdate;
    if (needsExecution || !e.executionId.isEmpty())
        w.string("executionId", e.executionId);
    if (control) {
        writePayload(w, out, e);
    } else {
        w.beginObject("payload");
        writePayload(w, out, e);
        w.endObject();
    }
    w.endObject();
}

QByteArray feedEventToJson(const FeedEvent &event)
{
    QByteArray out;
    out.reserve(256);
    appendFeedEventJson(event, out);
    return out;
}

} // namespace StateScope
