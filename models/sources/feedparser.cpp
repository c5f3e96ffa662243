#include "feedparser.h"

#include <QScopeGuard>

#include <simdjson.h>

#include <cmath>
#include <cstring>
#include <limits>

namespace StateScope {

namespace dom = simdjson::dom;
using Rejection = FeedParser::Rejection;
using FieldList = std::initializer_list<const char *>;

namespace {

constexpr size_t kInitialCapacity = 64 * 1024;
// After a frame bigger than this the parser is rebuilt, so one 16 MiB frame does not pin
// hundreds of MiB of simdjson buffers for the rest of the connection (BARS R3).
constexpr qsizetype kKeepCapacity = 1024 * 1024;

QByteArray bytes(std::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QByteArray minified(dom::element e)
{
    return QByteArray::fromStdString(simdjson::minify(e));
}

// The size of the first string (value or key) longer than `limit` in e, 0 if there is none.
size_t longString(dom::element e, size_t limit)
{
    std::string_view s;
    dom::array array;
    dom::object object;
    if (e.get(s) == simdjson::SUCCESS)
        return s.size() > limit ? s.size() : 0;
    if (e.get(array) == simdjson::SUCCESS) {
        for (dom::element child : array) {
            if (const size_t n = longString(child, limit))
                return n;
        }
    } else if (e.get(object) == simdjson::SUCCESS) {
        for (dom::key_value_pair member : object) {
            if (member.key.size() > limit)
                return member.key.size();
            if (const size_t n = longString(member.value, limit))
                return n;
        }
    }
    return 0;
}

// Nesting of containers in e (e itself is 1 when it is an array or object).
int containerDepth(dom::element e)
{
    dom::array array;
    dom::object object;
    int deepest = 0;
    if (e.get(array) == simdjson::SUCCESS) {
        for (dom::element child : array)
            deepest = std::max(deepest, containerDepth(child));
    } else if (e.get(object) == simdjson::SUCCESS) {
        for (dom::key_value_pair member : object)
            deepest = std::max(deepest, containerDepth(member.value));
    } else {
        return 0;
    }
    return deepest + 1;
}

// An integer, or (when allowed) a number rounded to one; false for anything else.
bool integerOf(dom::element v, qint64 *out, bool allowFraction)
{
    int64_t i = 0;
    if (v.get(i) == simdjson::SUCCESS) {
        *out = i;
        return true;
    }
    double d = 0;
    if (!allowFraction || v.type() != dom::element_type::DOUBLE || v.get(d) != simdjson::SUCCESS)
        return false;
    if (!(std::fabs(d) < 9.0e18))
        return false;
    *out = std::llround(d);
    return true;
}

// Keys, names and ids compare inline, 8 bytes at a time: a libc memcmp call costs more than
// the comparison at these sizes.
inline quint64 load8(const char *p)
{
    quint64 v;
    std::memcpy(&v, p, 8);
    return v;
}

inline bool sameBytes(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        quint64 diff = load8(a + n - 8) ^ load8(b + n - 8);
        for (size_t i = 0; i + 8 < n; i += 8)
            diff |= load8(a + i) ^ load8(b + i);
        return diff == 0;
    }
    if (n >= 4) {
        quint32 a0, a1, b0, b1;
        std::memcpy(&a0, a, 4);
        std::memcpy(&b0, b, 4);
        std::memcpy(&a1, a + n - 4, 4);
        std::memcpy(&b1, b + n - 4, 4);
        return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
    for (size_t i = 0; i < n; ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

// The members of an object, read off the tape once: looking up a dozen fields then compares
// lengths in a small array instead of walking the tape for each (a third of the parse time).
class FlatObject
{
public:
    void load(dom::object object)
    {
        m_object = object;
        m_count = 0;
        m_overflow = false;
        for (dom::key_value_pair member : object) {
            if (m_count == kMax) {
                m_overflow = true;
                break;
            }
            m_keys[m_count] = member.key;
            m_values[m_count++] = member.value;
        }
    }
    // The first member named `key` (as dom::object::at_key), when present and not null.
    bool find(std::string_view key, dom::element *v) const
    {
        for (int i = 0; i < m_count; ++i) {
            if (m_keys[i].size() == key.size() && sameBytes(m_keys[i].data(), key.data(), key.size())) {
                *v = m_values[i];
                return !v->is_null();
            }
        }
        return m_overflow && m_object.at_key(key).get(*v) == simdjson::SUCCESS && !v->is_null();
    }

private:
    static constexpr int kMax = 24;
    dom::object m_object;
    std::string_view m_keys[kMax];
    dom::element m_values[kMax];
    int m_count = 0;
    bool m_overflow = false;
};

// Names repeat from event to event (workflows, states, executions in flight): a hit shares the
// text instead of allocating it again. Direct-mapped, so its memory is bounded.
class StringCache
{
public:
    QByteArray get(std::string_view s)
    {
        if (s.size() > kMaxLength || s.empty())
            return bytes(s);
        QByteArray &slot = m_slots[hash(s) & (kSlots - 1)];
        if (slot.size() != qsizetype(s.size()) || !sameBytes(slot.constData(), s.data(), s.size()))
            slot = bytes(s);
        return slot;
    }

private:
    static quint64 load(const char *p, size_t n)
    {
        quint64 v = 0;
        std::memcpy(&v, p, std::min<size_t>(n, 8));
        return v;
    }
    static size_t hash(std::string_view s)
    {
        const quint64 h = (load(s.data(), s.size()) * 0x9E3779B97F4A7C15ULL)
            ^ (s.size() > 8 ? load(s.data() + s.size() - 8, 8) * 0xC2B2AE3D27D4EB4FULL : 0) ^ s.size();
        return size_t(h ^ (h >> 29) ^ (h >> 47));
    }
    static constexpr size_t kMaxLength = 64;
    static constexpr size_t kSlots = 4096;
    std::vector<QByteArray> m_slots = std::vector<QByteArray>(kSlots);
};

// A member name whose length is known at compile time (no strlen per lookup).
struct Key
{
    template<size_t N>
    constexpr Key(const char (&text)[N])
        : name(text)
        , size(N - 1)
    { }
    explicit Key(const char *text)
        : name(text)
        , size(std::strlen(text))
    { }
    std::string_view view() const { return {name, size}; }
    const char *name;
    size_t size;
};

// Reads the members of one event object into a FeedEvent; stops at the first problem, which
// it describes in the Rejection.
class EventReader
{
public:
    // The two FlatObjects are scratch space, kept by the caller from event to event.
    EventReader(FeedEvent &event, Rejection &rejection, StringCache &cache, FlatObject &object, FlatObject &fallback)
        : m_event(event)
        , m_rejection(rejection)
        , m_cache(cache)
        , m_object(object)
        , m_fallback(fallback)
    { }

    bool read(dom::object envelope);

private:
    bool fail(FeedProblem problem, const char *field, const char *detail)
    {
        m_rejection.problem = problem;
        m_rejection.prefix = m_prefix;
        m_rejection.field = field;
        m_rejection.detail = detail;
        return false;
    }
    bool fail(FeedProblem problem, Key key, const char *detail) { return fail(problem, key.name, detail); }
    bool missing(Key key) { return fail(FeedProblem::MissingField, key.name, "is missing"); }
    // A member present and not null, looked up in the payload (or, for the control answers, at
    // top level first and then in a payload if there is one).
    bool find(Key key, dom::element *v) const
    {
        return m_object.find(key.view(), v) || (m_hasFallback && m_fallback.find(key.view(), v));
    }
    // `unique`: an id that does not repeat, not worth caching.
    bool string(Key key, QByteArray *out, bool required, bool unique = false)
    {
        std::string_view s;
        bool present = false;
        if (!view(key, &s, required, &present))
            return false;
        if (present)
            *out = unique ? bytes(s) : m_cache.get(s);
        return true;
    }
    // A string member without copying it.
    bool view(Key key, std::string_view *out, bool required, bool *present)
    {
        dom::element v;
        *present = find(key, &v);
        if (!*present)
            return !required || missing(key);
        if (v.get(*out) != simdjson::SUCCESS)
            return fail(FeedProblem::WrongType, key, "is not a string");
        return true;
    }
    bool timestamp(Key key, TimeMs *out, bool required)
    {
        dom::element v;
        if (!find(key, &v))
            return !required || missing(key);
        std::string_view s;
        int64_t ms = 0;
        if (v.get(s) == simdjson::SUCCESS) {
            if (TimeUtil::parse(QByteArrayView(s.data(), qsizetype(s.size())), out))
                return true;
        } else if (v.type() == dom::element_type::INT64 && v.get(ms) == simdjson::SUCCESS && ms != kUnknownTime) {
            *out = ms;
            return true;
        }
        return fail(FeedProblem::WrongType, key, "is not an RFC 3339 time or integer epoch milliseconds");
    }
    bool unsignedInt(Key key, quint64 *out, bool required, bool *present = nullptr)
    {
        dom::element v;
        const bool found = find(key, &v);
        if (present)
            *present = found;
        if (!found)
            return !required || missing(key);
        uint64_t u = 0;
        if (v.type() == dom::element_type::DOUBLE || v.get(u) != simdjson::SUCCESS)
            return fail(FeedProblem::WrongType, key, "is not an unsigned integer");
        *out = u;
        return true;
    }
    // Optional; -1 stays for absent.
    bool nonNegative(Key key, qint64 *out, bool allowFraction)
    {
        dom::element v;
        if (!find(key, &v))
            return true;
        if (!integerOf(v, out, allowFraction) || *out < 0) {
            *out = -1;
            return fail(FeedProblem::WrongType, key, "is not a non-negative integer");
        }
        return true;
    }
    bool smallInt(Key key, int *out)
    {
        qint64 i = -1;
        if (!nonNegative(key, &i, false))
            return false;
        if (i > std::numeric_limits<int>::max())
            return fail(FeedProblem::WrongType, key, "is too large");
        *out = i < 0 ? 0 : int(i);
        return true;
    }
    bool boolean(Key key, bool *out)
    {
        dom::element v;
        if (find(key, &v) && v.get(*out) != simdjson::SUCCESS)
            return fail(FeedProblem::WrongType, key, "is not a boolean");
        return true;
    }
    bool raw(Key key, QByteArray *out)
    {
        dom::element v;
        if (find(key, &v))
            *out = minified(v);
        return true;
    }

    bool readPayload();
    bool readConsistency();
    bool readNode(dom::object o, ReplicaNode *node);

    FeedEvent &m_event;
    Rejection &m_rejection;
    StringCache &m_cache;
    FlatObject &m_object;
    FlatObject &m_fallback;
    bool m_hasFallback = false;
    const char *m_prefix = "";
};

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

} // namespace

struct FeedParser::Private
{
    // simdjson counts a scalar as a level of its own (at max_depth 64, 64 empty arrays parse
    // but not 64 arrays around a number), FeedLimits counts containers: simdjson's figure is
    // the containers' or one more. So what `parser` takes is never too deep, and only what it
    // refuses as too deep goes to `boundary` (one level more) and has its containers counted.
    std::unique_ptr<dom::parser> parser;
    std::unique_ptr<dom::parser> boundary;
    int maxDepth = 64;
    StringCache cache;
    FlatObject object;
    FlatObject fallback;

    static std::unique_ptr<dom::parser> make(size_t depth)
    {
        auto p = std::make_unique<dom::parser>();
        // Out of memory here, Qt's own allocations are about to fail too.
        [[maybe_unused]] const auto error = p->allocate(kInitialCapacity, depth);
        return p;
    }
    void reset()
    {
        parser = make(size_t(maxDepth));
        boundary.reset();
    }
    dom::parser &boundaryParser()
    {
        if (!boundary)
            boundary = make(size_t(maxDepth) + 1);
        return *boundary;
    }
};

FeedParser::FeedParser(FeedLimits limits)
    : d(std::make_unique<Private>())
    , m_limits(limits)
{
    d->maxDepth = std::clamp(m_limits.maxDepth, 1, 100000);
    d->reset();
}

FeedParser::~FeedParser() = default;

int FeedParser::parseFrame(QByteArrayView frame, std::vector<FeedEvent> &out)
{
    Rejection r;
    r.size = frame.size();
    if (frame.size() > m_limits.maxFrameBytes) {
        r.problem = FeedProblem::FrameTooLarge;
        reject(r);
        return 0;
    }
    const auto shrink = qScopeGuard([&] {
        if (frame.size() > kKeepCapacity)
            d->reset();
    });
    dom::element root;
    const char *data = frame.isNull() ? "" : frame.data();
    auto error = d->parser->parse(data, size_t(frame.size())).get(root);
    if (error == simdjson::DEPTH_ERROR) {
        error = d->boundaryParser().parse(data, size_t(frame.size())).get(root);
        if (!error && containerDepth(root) > d->maxDepth)
            error = simdjson::DEPTH_ERROR;
    }
    if (error) {
        r.problem = error == simdjson::DEPTH_ERROR ? FeedProblem::TooDeep : FeedProblem::MalformedJson;
        r.detail = simdjson::error_message(error);
        reject(r);
        return 0;
    }
    // No string can be longer than its frame: small frames need no walk.
    const size_t stringLimit = size_t(std::max<qsizetype>(m_limits.maxStringBytes, 0));
    const bool checkStrings = size_t(frame.size()) > stringLimit;
    int added = 0;
    const auto take = [&](dom::element element, int index) {
        Rejection er;
        er.element = index;
        if (checkStrings) {
            if (const size_t n = longString(element, stringLimit)) {
                er.problem = FeedProblem::StringTooLong;
                er.size = qint64(n);
                reject(er);
                return;
            }
        }
        dom::object object;
        if (element.get(object) != simdjson::SUCCESS) {
            er.problem = FeedProblem::MalformedJson;
            er.detail = "expected an event object";
            reject(er);
            return;
        }
        FeedEvent &event = out.emplace_back();
        if (EventReader(event, er, d->cache, d->object, d->fallback).read(object)) {
            ++added;
        } else {
            out.pop_back();
            reject(er);
        }
    };
    dom::array array;
    if (root.get(array) == simdjson::SUCCESS) {
        int index = 0;
        for (dom::element element : array)
            take(element, index++);
    } else {
        take(root, -1);
    }
    return added;
}

void FeedParser::reject(const Rejection &rejection)
{
    const int kind = int(rejection.problem);
    ++m_counts.counts[kind];
    m_last = rejection;
    m_hasLast = true;
    if (m_first[kind].isEmpty())
        m_first[kind] = lastMessage();
}

QString FeedParser::firstMessage(FeedProblem problem) const
{
    const int kind = int(problem);
    return kind >= 0 && kind < int(FeedProblem::Count) ? m_first[kind] : QString();
}

QString FeedParser::lastMessage() const
{
    if (!m_hasLast)
        return {};
    const Rejection &r = m_last;
    QString where;
    if (r.element >= 0)
        where += QStringLiteral("element %1: ").arg(r.element);
    if (r.eventType >= 0) {
        where += QString::fromLatin1(feedEventTypeName(FeedEventType(r.eventType)));
        if (r.hasSeq)
            where += QStringLiteral(" seq %1").arg(r.seq);
        where += QStringLiteral(": ");
    }
    QString what;
    switch (r.problem) {
    case FeedProblem::FrameTooLarge:
        what = QStringLiteral("a frame of %1 bytes is over the limit of %2 bytes")
                   .arg(r.size)
                   .arg(m_limits.maxFrameBytes);
        break;
    case FeedProblem::TooDeep:
        what = QStringLiteral("nesting deeper than %1 levels").arg(m_limits.maxDepth);
        break;
    case FeedProblem::StringTooLong:
        what = QStringLiteral("a string of %1 bytes is over the limit of %2 bytes")
                   .arg(r.size)
                   .arg(m_limits.maxStringBytes);
        break;
    case FeedProblem::UnknownType:
        what = QStringLiteral("unknown event type \"%1\"").arg(QString::fromUtf8(r.text));
        break;
    case FeedProblem::MissingField:
    case FeedProblem::WrongType:
        what = QLatin1String(r.prefix) + QLatin1String(r.field ? r.field : "?") + QLatin1Char(' ')
            + QLatin1String(r.detail ? r.detail : "");
        break;
    case FeedProblem::MalformedJson:
    case FeedProblem::Count:
        what = QLatin1String(r.detail ? r.detail : "not JSON");
        break;
    }
    return QString::fromLatin1(feedProblemName(r.problem)) + QStringLiteral(": ") + where + what;
}

void FeedParser::resetCounts()
{
    m_counts = {};
    for (QString &message : m_first)
        message.clear();
}

} // namespace StateScope
