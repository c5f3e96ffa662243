#pragma once

#include "feedtopics.h"
#include "timeutil.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace StateScope {

// A client request of statescope-feed/1, parsed and validated.
struct FeedRequest
{
    enum class Action : quint8 { Subscribe, Unsubscribe };
    Action action = Action::Subscribe;
    QStringList topicNames; // as sent, in order
    std::vector<std::pair<FeedTopics::Category, QString>> topics;
    std::optional<quint64> sinceSeq; // absent (or null): live only
};

// The control messages of statescope-feed/1 (SPEC 4): client requests (parse and build) and
// the server's frames that are not events. Pure, so it is tested and fuzzed without sockets.
class FeedControl
{
    Q_DECLARE_TR_FUNCTIONS(FeedControl)

public:
    static constexpr int kMaxTopicsPerMessage = 1000;

    // False with *error set (one line, for the "error" reply) unless the message is
    // {"action":"subscribe"|"unsubscribe","topics":[non-empty, valid topics],"sinceSeq":N?}
    // with N a non-negative integer. Never fails hard on any input.
    static bool parseRequest(const QByteArray &message, FeedRequest *request, QString *error);

    // Client -> server, compact JSON.
    static QByteArray subscribeRequest(const QStringList &topics, std::optional<quint64> sinceSeq = {});
    static QByteArray unsubscribeRequest(const QStringList &topics);

    // Server -> client, compact JSON objects without "seq".
    static QByteArray hello(quint64 oldestSeq, quint64 latestSeq, TimeMs serverTime);
    static QByteArray heartbeat(TimeMs serverTime);
    static QByteArray subscribed(const QStringList &topics, quint64 replayFrom);
    static QByteArray resumeFailed(quint64 oldestSeq);
    static QByteArray error(const QString &code, const QString &message); // code: "bad_request", ...
};

} // namespace StateScope
