#pragma once

#include "feedevent.h"

#include <QByteArrayView>
#include <QString>

#include <memory>
#include <vector>

namespace StateScope {

// Parser of statescope-feed/1 frames (SPEC 4) into FeedEvent values. Pure: no I/O, no signals;
// one instance per thread (it reuses its simdjson parser and buffers between calls, which is
// what makes it cheap on the live ingest path, BARS P1).
//
// Rules beyond SPEC 4's table: a member whose value is null counts as absent; unknown members
// are ignored (newer servers may add some); of a repeated member the first counts;
// recovery_*, consistency, alert_* and metric_update may carry an optional `timestamp`
// (RFC 3339 or epoch ms) that becomes FeedEvent::time; recovery_*.toState goes to
// FeedEvent::stateName; consistency nodes also take readConsistencyNodes' alternative names.
// Strings are counted against maxStringBytes after unescaping, keys included.
class FeedParser final
{
public:
    explicit FeedParser(FeedLimits limits = {});
    ~FeedParser();
    FeedParser(const FeedParser &) = delete;
    FeedParser &operator=(const FeedParser &) = delete;

    // One WebSocket text frame: one event object or a JSON array of event objects. Appends the good
    // events to `out` (in order), counts every rejected frame/event by problem kind; returns the number appended.
    int parseFrame(QByteArrayView frame, std::vector<FeedEvent> &out);
    // Bytes past a frame that parseFramePadded may read (and ignore) instead of copying it.
    static constexpr qsizetype kPadding = 64;
    // The same for a frame followed by at least kPadding readable bytes (a line in a larger
    // buffer): the parser reads it in place instead of copying it first.
    int parseFramePadded(QByteArrayView frame, std::vector<FeedEvent> &out);

    const FeedProblemCounts &problems() const { return m_counts; }
    // The first message seen for each problem kind (for "logged once per kind"), empty if none.
    QString firstMessage(FeedProblem problem) const;
    // The message of the most recent rejection, e.g. `missing_field: transition seq 7: payload.toState
    // is missing` (readers of logs report it per record); empty if nothing was rejected yet.
    QString lastMessage() const;
    // Zeroes the counts and forgets the first messages, so the next problem of each kind is logged again.
    void resetCounts();

    const FeedLimits &limits() const { return m_limits; }

    // Everything the message of a rejection is made of; formatted only when asked for.
    struct Rejection
    {
        FeedProblem problem = FeedProblem::MalformedJson;
        int element = -1; // index in an array frame, -1 for a single object
        int eventType = -1; // FeedEventType when known
        bool hasSeq = false;
        quint64 seq = 0;
        const char *prefix = ""; // "payload." or ""
        const char *field = nullptr;
        const char *detail = nullptr;
        qint64 size = 0; // the frame's or the string's size
        char text[48] = {}; // the unknown type's name (cut)
    };

private:
    int parse(QByteArrayView frame, bool padded, std::vector<FeedEvent> &out);
    void reject(const Rejection &rejection);

    struct Private;
    std::unique_ptr<Private> d;
    FeedLimits m_limits;
    FeedProblemCounts m_counts;
    Rejection m_last;
    bool m_hasLast = false;
    QString m_first[int(FeedProblem::Count)];
};

} // namespace StateScope
