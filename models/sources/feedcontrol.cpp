#include "feedcontrol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace StateScope {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString shortened(const QString &text)
{
    return text.size() > 80 ? text.left(80) + u"..." : text;
}

QJsonObject typed(const char *type)
{
    return QJsonObject {{QStringLiteral("type"), QString::fromLatin1(type)}};
}

} // namespace

bool FeedControl::parseRequest(const QByteArray &message, FeedRequest *request, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(message, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return false;
    }
    if (!doc.isObject()) {
        *error = tr("a message must be a JSON object with an \"action\"");
        return false;
    }
    const QJsonObject object = doc.object();
    const QJsonValue action = object.value(QLatin1String("action"));
    if (action == QLatin1String("subscribe")) {
        request->action = FeedRequest::Action::Subscribe;
    } else if (action == QLatin1String("unsubscribe")) {
        request->action = FeedRequest::Action::Unsubscribe;
    } else {
        *error = action.isString()
            ? tr("unknown action \"%1\" (expected subscribe or unsubscribe)").arg(shortened(action.toString()))
            : tr("missing \"action\" string");
        return false;
    }

    const QJsonValue topics = object.value(QLatin1String("topics"));
    const QJsonArray array = topics.toArray();
    if (!topics.isArray() || array.isEmpty()) {
        *error = tr("\"topics\" must be a non-empty array of topic strings");
        return false;
    }
    if (array.size() > kMaxTopicsPerMessage) {
        *error = tr("too many topics in one message (at most %1)").arg(kMaxTopicsPerMessage);
        return false;
    }
    request->topicNames.clear();
    request->topics.clear();
    for (const QJsonValue &v : array) {
        FeedTopics::Category category;
        QString id;
        if (!v.isString() || !FeedTopics::parseTopic(v.toString(), &category, &id)) {
            const QString shown = v.isString() ? u'"' + shortened(v.toString()) + u'"' : tr("a non-string");
            *error = tr("bad topic %1: expected CATEGORY:ID with CATEGORY one of state, transition, checkpoint, "
                        "recovery, consistency, execution, alert, metric and ID a workflowId or *")
                         .arg(shown);
            return false;
        }
        request->topicNames.append(v.toString());
        request->topics.emplace_back(category, std::move(id));
    }

    request->sinceSeq.reset();
    const QJsonValue since = object.value(QLatin1String("sinceSeq"));
    if (request->action == FeedRequest::Action::Subscribe && !since.isUndefined() && !since.isNull()) {
        // Integers only: toInteger() refuses fractions and values beyond 64 bits.
        const qint64 seq = since.toInteger(-1);
        if (!since.isDouble() || seq < 0 || double(seq) != since.toDouble()) {
            *error = tr("\"sinceSeq\" must be a non-negative integer");
            return false;
        }
        request->sinceSeq = quint64(seq);
    }
    return true;
}

QByteArray FeedControl::subscribeRequest(const QStringList &topics, std::optional<quint64> sinceSeq)
{
    QJsonObject o {{QStringLiteral("action"), QStringLiteral("subscribe")},
                   {QStringLiteral("topics"), QJsonArray::fromStringList(topics)}};
    if (sinceSeq)
        o.insert(QLatin1String("sinceSeq"), qint64(*sinceSeq));
    return compact(o);
}

QByteArray FeedControl::unsubscribeRequest(const QStringList &topics)
{
    return compact({{QStringLiteral("action"), QStringLiteral("unsubscribe")},
                    {QStringLiteral("topics"), QJsonArray::fromStringList(topics)}});
}

QByteArray FeedControl::hello(quint64 oldestSeq, quint64 latestSeq, TimeMs serverTime)
{
    QJsonObject o = typed("hello");
    o.insert(QLatin1String("payload"),
             QJsonObject {{QStringLiteral("protocol"), QStringLiteral("statescope-feed/1")},
                          {QStringLiteral("serverTime"), TimeUtil::formatUtcString(serverTime)},
                          {QStringLiteral("oldestSeq"), qint64(oldestSeq)},
                          {QStringLiteral("latestSeq"), qint64(latestSeq)}});
    return compact(o);
}

QByteArray FeedControl::heartbeat(TimeMs serverTime)
{
    QJsonObject o = typed("heartbeat");
    o.insert(QLatin1String("payload"),
             QJsonObject {{QStringLiteral("serverTime"), TimeUtil::formatUtcString(serverTime)}});
    return compact(o);
}

QByteArray FeedControl::subscribed(const QStringList &topics, quint64 replayFrom)
{
    QJsonObject o = typed("subscribed");
    o.insert(QLatin1String("topics"), QJsonArray::fromStringList(topics));
    o.insert(QLatin1String("replayFrom"), qint64(replayFrom));
    return compact(o);
}

QByteArray FeedControl::resumeFailed(quint64 oldestSeq)
{
    QJsonObject o = typed("resume_failed");
    o.insert(QLatin1String("oldestSeq"), qint64(oldestSeq));
    return compact(o);
}

QByteArray FeedControl::error(const QString &code, const QString &message)
{
    QJsonObject o = typed("error");
    o.insert(QLatin1String("code"), code);
    o.insert(QLatin1String("message"), message);
    return compact(o);
}

} // namespace StateScope
