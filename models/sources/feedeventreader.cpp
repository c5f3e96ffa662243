#include "feedeventreader.h"

namespace StateScope::FeedJson {

bool EventReader::read(dom::object envelope)
{
    m_object.load(envelope);
    dom::element v;
    if (!find("type", &v))
        return missing("type");
    std::string_view typeName;
    if (v.get(typeName) != simdjson::SUCCESS)
        return fail(FeedProblem::WrongType, "type", "is not a string");
    FeedEventType &type = m_event.type;
    if (!feedEventTypeFromName(QByteArrayView(typeName.data(), qsizetype(typeName.size())), &type)) {
        m_rejection.problem = FeedProblem::UnknownType;
        const size_t n = std::min(typeName.size(), sizeof m_rejection.text - 1);
        std::memcpy(m_rejection.text, typeName.data(), n);
        m_rejection.text[n] = '\0';
        return false;
    }
    m_rejection.eventType = int(type);
    if (!unsignedInt("seq", &m_event.seq, false, &m_event.hasSeq))
        return false;
    m_rejection.hasSeq = m_event.hasSeq;
    m_rejection.seq = m_event.seq;

    const bool control
        = type == FeedEventType::Subscribed || type == FeedEventType::ResumeFailed || type == FeedEventType::Error;
    const bool domain = !control && type != FeedEventType::Hello && type != FeedEventType::Heartbeat;
    const bool needsExecution = domain && type != FeedEventType::Consistency && type != FeedEventType::AlertTriggered
        && type != FeedEventType::AlertResolved && type != FeedEventType::MetricUpdate;
    if (!string("workflowId", &m_event.workflowId, domain)
        || !string("executionId", &m_event.executionId, needsExecution))
        return false;
    if (find("payload", &v)) {
        dom::object payload;
        if (v.get(payload) != simdjson::SUCCESS)
            return fail(FeedProblem::WrongType, "payload", "is not an object");
        if (control) {
            m_fallback.load(payload);
            m_hasFallback = true;
        } else {
            m_object.load(payload);
            m_prefix = "payload.";
        }
    } else if (!control) {
        return missing("payload");
    }
    return readPayload();
}

bool EventReader::readPayload()
{
    FeedEvent &e = m_event;
    switch (e.type) {
    case FeedEventType::Transition: {
        std::string_view transitionType;
        bool hasType = false;
        if (!string("transitionId", &e.transitionId, false, true) || !string("fromState", &e.fromState, true)
            || !string("toState", &e.toState, true) || !view("transitionType", &transitionType, false, &hasType)
            || !timestamp("timestamp", &e.time, true) || !nonNegative("durationMs", &e.durationMs, true)
            || !string("stateType", &e.stateType, false))
            return false;
        if (hasType && transitionType != "normal")
            e.transitionType
                = transitionTypeFromString(QByteArrayView(transitionType.data(), qsizetype(transitionType.size())));
        return true;
    }
    case FeedEventType::StateChange:
        return string("stateName", &e.stateName, true) && string("stateType", &e.stateType, false)
            && timestamp("enteredAt", &e.time, true) && nonNegative("stateVersion", &e.stateVersion, false)
            && raw("data", &e.data);
    case FeedEventType::ExecutionStarted:
        return timestamp("startedAt", &e.time, true) && string("stateName", &e.stateName, false);
    case FeedEventType::ExecutionCompleted:
    case FeedEventType::ExecutionFailed:
        return timestamp("completedAt", &e.time, true) && string("stateName", &e.stateName, false);
    case FeedEventType::CheckpointCreated:
        return string("checkpointId", &e.checkpointId, true, true) && string("checkpointType", &e.checkpointType, false)
            && timestamp("timestamp", &e.time, true) && string("stateName", &e.stateName, false)
            && nonNegative("sizeBytes", &e.sizeBytes, false) && string("checksum", &e.checksum, false, true)
            && boolean("recoverable", &e.recoverable);
    case FeedEventType::RecoveryInitiated:
    case FeedEventType::RecoveryCompleted: {
        dom::element v;
        bool success = false;
        if (!string("recoveryId", &e.recoveryId, true, true) || !string("checkpointId", &e.checkpointId, false)
            || !string("toState", &e.stateName, false) || !boolean("success", &success)
            || !nonNegative("durationMs", &e.durationMs, true) || !raw("dataLoss", &e.data)
            || !string("actor", &e.actor, false) || !string("reason", &e.reason, false)
            || !timestamp("timestamp", &e.time, false))
            return false;
        e.success = find("success", &v) ? int(success) : -1;
        return true;
    }
    case FeedEventType::Consistency:
        return readConsistency();
    case FeedEventType::AlertTriggered:
    case FeedEventType::AlertResolved:
        return string("alertId", &e.alertId, true) && string("severity", &e.severity, true)
            && string("title", &e.title, false) && string("description", &e.description, false, true)
            && timestamp("timestamp", &e.time, false);
    case FeedEventType::MetricUpdate: {
        dom::element v;
        if (!string("name", &e.metricName, true))
            return false;
        if (!find("value", &v))
            return missing("value");
        if (v.get(e.metricValue) != simdjson::SUCCESS)
            return fail(FeedProblem::WrongType, "value", "is not a number");
        return timestamp("timestamp", &e.time, false);
    }
    case FeedEventType::Hello:
        return string("protocol", &e.protocol, true) && timestamp("serverTime", &e.time, false)
            && unsignedInt("oldestSeq", &e.oldestSeq, false) && unsignedInt("latestSeq", &e.latestSeq, false);
    case FeedEventType::Heartbeat:
        return timestamp("serverTime", &e.time, true);
    case FeedEventType::Subscribed: {
        dom::element v;
        dom::array topics;
        if (!find("topics", &v))
            return missing("topics");
        if (v.get(topics) != simdjson::SUCCESS)
            return fail(FeedProblem::WrongType, "topics", "is not an array");
        for (dom::element topic : topics) {
            std::string_view s;
            if (topic.get(s) != simdjson::SUCCESS)
                return fail(FeedProblem::WrongType, "topics", "holds a value that is not a string");
            e.topics.append(text(s));
        }
        return unsignedInt("replayFrom", &e.replayFrom, false);
    }
    case FeedEventType::ResumeFailed:
        return unsignedInt("oldestSeq", &e.oldestSeq, true);
    case FeedEventType::Error: {
        dom::element v;
        if (find("code", &v)) {
            std::string_view s;
            qint64 code = 0;
            if (v.get(s) == simdjson::SUCCESS)
                e.errorCode = bytes(s);
            else if (integerOf(v, &code, false))
                e.errorCode = QByteArray::number(code);
            else
                return fail(FeedProblem::WrongType, "code", "is neither a string nor an integer");
        }
        return string("message", &e.errorMessage, false, true);
    }
    }
    return true;
}

// The field conventions of readConsistencyNodes (consistencyrowparser.h), so a sample reads the
// same from the feed as from a state_consistency row.
bool EventReader::readConsistency()
{
    FeedEvent &e = m_event;
    ConsistencySample &c = e.consistency;
    QByteArray level;
    if (!string("consistencyLevel", &level, false) || !smallInt("replicationFactor", &c.replicationFactor)
        || !smallInt("quorumSize", &c.quorumSize) || !timestamp("timestamp", &e.time, false))
        return false;
    c.level = QString::fromUtf8(level);
    c.time = e.time;
    dom::element v;
    dom::array nodes;
    if (!find("nodes", &v))
        return missing("nodes");
    if (v.get(nodes) != simdjson::SUCCESS)
        return fail(FeedProblem::WrongType, "nodes", "is not an array");
    c.nodes.reserve(nodes.size());
    for (dom::element n : nodes) {
        dom::object o;
        if (n.get(o) != simdjson::SUCCESS)
            return fail(FeedProblem::WrongType, "nodes", "holds a value that is not an object");
        if (!readNode(o, &c.nodes.emplace_back()))
            return false;
    }
    if (!c.nodes.empty()) {
        for (const ReplicaNode &node : c.nodes) {
            c.maxLagMs = std::max(c.maxLagMs, node.lagMs);
            c.pendingChanges += node.pendingChanges;
            c.nodesInSync += node.inSync ? 1 : 0;
        }
    } else {
        // Without nodes, the sample's own figures.
        for (const char *key : FieldList {"syncLag", "lagMs", "maxLagMs"}) {
            if (find(Key(key), &v)) {
                if (v.get(c.maxLagMs) != simdjson::SUCCESS)
                    return fail(FeedProblem::WrongType, key, "is not a number");
                break;
            }
        }
        qint64 pending = -1;
        if (!nonNegative("pendingChanges", &pending, true) || !smallInt("nodesInSync", &c.nodesInSync))
            return false;
        c.pendingChanges = std::max<qint64>(pending, 0);
    }
    if (find("conflicts", &v)) {
        dom::array list;
        if (v.get(list) == simdjson::SUCCESS)
            c.conflicts = qint64(list.size());
        else if (!integerOf(v, &c.conflicts, true))
            return fail(FeedProblem::WrongType, "conflicts", "is neither a number nor an array");
    }
    if (find("divergence", &v)) {
        dom::array list;
        if (v.get(list) != simdjson::SUCCESS)
            return fail(FeedProblem::WrongType, "divergence", "is not an array");
        for (dom::element entry : list) {
            std::string_view s;
            c.divergence.append(entry.get(s) == simdjson::SUCCESS ? text(s) : QString::fromUtf8(minified(entry)));
        }
    }
    return true;
}

bool EventReader::readNode(dom::object o, ReplicaNode *node)
{
    const auto first = [o](FieldList keys, dom::element *v) {
        for (const char *key : keys) {
            if (o.at_key(key).get(*v) == simdjson::SUCCESS && !v->is_null())
                return true;
        }
        return false;
    };
    const auto wrong = [this](const char *detail) {
        return fail(FeedProblem::WrongType, "nodes", detail);
    };
    dom::element v;
    std::string_view s;
    if (first({"nodeId", "id", "node"}, &v)) {
        if (v.get(s) == simdjson::SUCCESS)
            node->nodeId = text(s);
        else if (v.is_number())
            node->nodeId = QString::fromUtf8(minified(v));
        else
            return wrong("holds a nodeId that is neither a string nor a number");
    }
    if (first({"lagMs", "lag", "syncLag"}, &v) && v.get(node->lagMs) != simdjson::SUCCESS)
        return wrong("holds a lagMs that is not a number");
    if (first({"pendingChanges", "pending"}, &v) && !integerOf(v, &node->pendingChanges, true))
        return wrong("holds a pendingChanges that is not an integer");
    if (first({"inSync", "synced"}, &v)) {
        if (v.get(node->inSync) != simdjson::SUCCESS)
            return wrong("holds an inSync that is not a boolean");
    } else if (first({"status"}, &v) && v.get(s) == simdjson::SUCCESS) {
        QByteArray status = bytes(s).toLower();
        status.replace('_', QByteArray());
        node->inSync = status == "insync";
    }
    return true;
}

} // namespace StateScope::FeedJson
