#pragma once

// Internal to the feed parser (feedparser.cpp, feedeventreader.cpp): reading one event object
// of statescope-feed/1 from simdjson's DOM into a FeedEvent. Not part of the sources API.

#include "bytewords.h"
#include "feedparser.h"

#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace StateScope::FeedJson {

namespace dom = simdjson::dom;
using Rejection = FeedParser::Rejection;
using FieldList = std::initializer_list<const char *>;

inline QByteArray bytes(std::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

inline QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

inline QByteArray minified(dom::element e)
{
    return QByteArray::fromStdString(simdjson::minify(e));
}

// The size of the first string (value or key) longer than `limit` in e, 0 if there is none.
inline size_t longString(dom::element e, size_t limit)
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
inline int containerDepth(dom::element e)
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
inline bool integerOf(dom::element v, qint64 *out, bool allowFraction)
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
            if (m_keys[i].size() == key.size() && ByteWords::same(m_keys[i].data(), key.data(), key.size())) {
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
        if (slot.size() != qsizetype(s.size()) || !ByteWords::same(slot.constData(), s.data(), s.size()))
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

} // namespace StateScope::FeedJson
