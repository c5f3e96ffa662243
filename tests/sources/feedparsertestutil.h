#pragma once

// Shared by the feed parser tests: expected events and hand-written frames.

#include "feedeventjson.h"
#include "feedparser.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace StateScope::FeedParserTest {

// 2026-01-01T00:00:00Z
constexpr TimeMs kT0 = 1767225600000LL;
using Events = QList<FeedEvent>;

inline FeedEvent make(FeedEventType type, const std::function<void(FeedEvent &)> &fill = {})
{
    FeedEvent e;
    e.type = type;
    e.workflowId = "wf-1";
    e.executionId = "ex-1";
    if (fill)
        fill(e);
    return e;
}

inline FeedEvent transition(const QByteArray &from, const QByteArray &to, TimeMs time,
                     const std::function<void(FeedEvent &)> &fill = {})
{
    return make(FeedEventType::Transition, [&](FeedEvent &e) {
        e.fromState = from;
        e.toState = to;
        e.time = time;
        if (fill)
            fill(e);
    });
}

inline QByteArray eventFrame(const char *type, const QByteArray &payload, const QByteArray &extra = {})
{
    return QByteArray(R"({"type":")") + type + R"(","workflowId":"wf-1","executionId":"ex-1")" + extra
        + R"(,"payload":)" + payload + '}';
}

inline QByteArray transitionFrame(const QByteArray &payloadExtra, const QByteArray &extra = {})
{
    return eventFrame(
        "transition",
        QByteArray(R"({"fromState":"A","toState":"B","timestamp":"2026-01-01T00:00:00Z")") + payloadExtra + '}', extra);
}

// "missing_field=2,wrong_type=1" -> counts per kind
inline FeedProblemCounts countsOf(const QString &spec)
{
    FeedProblemCounts counts;
    for (const QString &part : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList kv = part.split(QLatin1Char('='));
        for (int k = 0; k < int(FeedProblem::Count); ++k) {
            if (feedProblemName(FeedProblem(k)) == kv.value(0).toLatin1())
                counts.counts[k] = kv.value(1, QStringLiteral("1")).toULongLong();
        }
    }
    return counts;
}

inline QString describe(const FeedProblemCounts &counts)
{
    QStringList parts;
    for (int k = 0; k < int(FeedProblem::Count); ++k) {
        if (counts.counts[k])
            parts << QString::fromLatin1(feedProblemName(FeedProblem(k))) + QLatin1Char('=')
                    + QString::number(counts.counts[k]);
    }
    return parts.join(QLatin1Char(','));
}

inline QByteArray nested(int depth, const QByteArray &inner = "1")
{
    return QByteArray(depth, '[') + inner + QByteArray(depth, ']');
}

} // namespace StateScope::FeedParserTest
