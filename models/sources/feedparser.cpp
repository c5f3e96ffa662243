#include "feedparser.h"

#include "feedeventreader.h"

#include <QScopeGuard>

#include <simdjson.h>

#include <cmath>
#include <cstring>
#include <limits>

namespace StateScope {

using namespace FeedJson;

namespace {

constexpr size_t kInitialCapacity = 64 * 1024;
// After a frame bigger than this the parser is rebuilt, so one 16 MiB frame does not pin
// hundreds of MiB of simdjson buffers for the rest of the connection (BARS R3).
constexpr qsizetype kKeepCapacity = 1024 * 1024;

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

static_assert(FeedParser::kPadding >= qsizetype(simdjson::SIMDJSON_PADDING));

int FeedParser::parseFrame(QByteArrayView frame, std::vector<FeedEvent> &out)
{
    return parse(frame, false, out);
}

int FeedParser::parseFramePadded(QByteArrayView frame, std::vector<FeedEvent> &out)
{
    return parse(frame, true, out);
}

int FeedParser::parse(QByteArrayView frame, bool padded, std::vector<FeedEvent> &out)
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
    const bool inPlace = padded && !frame.isNull();
    auto error = d->parser->parse(data, size_t(frame.size()), !inPlace).get(root);
    if (error == simdjson::DEPTH_ERROR) {
        error = d->boundaryParser().parse(data, size_t(frame.size()), !inPlace).get(root);
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

