#include "recoverydataloss.h"

#include "canonicaljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace StateScope {

QString variableChangeKindName(VariableChange::Kind kind)
{
    switch (kind) {
    case VariableChange::Kind::Changed:
        return QStringLiteral("changed");
    case VariableChange::Kind::Removed:
        return QStringLiteral("removed");
    case VariableChange::Kind::Restored:
        break;
    }
    return QStringLiteral("restored");
}

namespace {

// The canonical text of a whole document, or its raw text when it is not JSON: the change is
// still shown, and the raw bytes are what the column holds.
QByteArray documentValue(QByteArrayView json, const QJsonDocument &document, bool valid)
{
    if (!valid)
        return json.toByteArray();
    const QByteArray canonical
        = canonicalJson(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()));
    return canonical.isEmpty() ? json.toByteArray() : canonical;
}

QJsonValue jsonValue(const QByteArray &canonical)
{
    // Wrapped in an array because QJsonDocument only parses objects and arrays at the top.
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray('[' + canonical + ']'));
    return d.isArray() && !d.array().isEmpty() ? d.array().first() : QJsonValue(QString::fromUtf8(canonical));
}

} // namespace

std::vector<VariableChange> RecoveryDataLoss::diffVariables(QByteArrayView currentJson, QByteArrayView checkpointJson,
                                                            QString *error)
{
    QJsonParseError currentError, checkpointError;
    const QJsonDocument current = QJsonDocument::fromJson(currentJson.toByteArray(), &currentError);
    const QJsonDocument checkpoint = QJsonDocument::fromJson(checkpointJson.toByteArray(), &checkpointError);
    const bool currentValid = currentError.error == QJsonParseError::NoError;
    const bool checkpointValid = checkpointError.error == QJsonParseError::NoError;
    if (error) {
        error->clear();
        if (!currentValid)
            *error = QStringLiteral("current variables are not valid JSON: %1").arg(currentError.errorString());
        else if (!checkpointValid)
            *error = QStringLiteral("checkpoint variables are not valid JSON: %1").arg(checkpointError.errorString());
    }

    std::vector<VariableChange> changes;
    if (!currentValid || !checkpointValid || !current.isObject() || !checkpoint.isObject()) {
        VariableChange whole;
        whole.currentValue = documentValue(currentJson, current, currentValid);
        whole.checkpointValue = documentValue(checkpointJson, checkpoint, checkpointValid);
        if (whole.currentValue != whole.checkpointValue)
            changes.push_back(std::move(whole));
        return changes;
    }
    const QJsonObject now = current.object();
    const QJsonObject then = checkpoint.object();
    QStringList keys = now.keys() + then.keys();
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const QString &key : std::as_const(keys)) {
        VariableChange c;
        c.key = key;
        if (now.contains(key))
            c.currentValue = canonicalJson(now.value(key));
        if (then.contains(key))
            c.checkpointValue = canonicalJson(then.value(key));
        if (c.currentValue == c.checkpointValue)
            continue;
        c.kind = c.checkpointValue.isEmpty() ? VariableChange::Kind::Removed
            : c.currentValue.isEmpty()       ? VariableChange::Kind::Restored
                                             : VariableChange::Kind::Changed;
        changes.push_back(std::move(c));
    }
    return changes;
}

QJsonObject RecoveryDataLoss::toJsonObject(size_t maxListedTransitions) const
{
    QJsonArray listed;
    for (size_t i = 0; i < transitions.size() && i < maxListedTransitions; ++i) {
        const RolledBackTransition &t = transitions[i];
        listed.append(
            QJsonObject {{QStringLiteral("from"), t.from},
                         {QStringLiteral("to"), t.to},
                         {QStringLiteral("timestamp"),
                          t.at == kUnknownTime ? QJsonValue() : QJsonValue(TimeUtil::formatUtcString(t.at))}});
    }
    QJsonArray variableList;
    for (const VariableChange &v : variables) {
        QJsonObject o {{QStringLiteral("key"), v.key}, {QStringLiteral("change"), variableChangeKindName(v.kind)}};
        if (!v.currentValue.isEmpty())
            o.insert(QStringLiteral("current"), jsonValue(v.currentValue));
        if (!v.checkpointValue.isEmpty())
            o.insert(QStringLiteral("checkpoint"), jsonValue(v.checkpointValue));
        variableList.append(o);
    }
    QJsonObject o {{QStringLiteral("transitionsRolledBack"), transitionsRolledBack},
                   {QStringLiteral("variables"), variableList}};
    if (!transitions.empty())
        o.insert(QStringLiteral("transitions"), listed);
    return o;
}

namespace {

// A count member, else the length of a list member, else -1. Counts are JSON numbers that are
// whole and not negative (JSONB may print 3 as 3.0); anything else is not a count.
qint64 countOf(const QJsonObject &o, QLatin1String countKey, QLatin1String listKey)
{
    const QJsonValue count = o.value(countKey);
    if (count.isDouble()) {
        const double d = count.toDouble();
        if (d >= 0 && d <= 9007199254740992.0 && d == std::floor(d))
            return qint64(d);
    }
    const QJsonValue list = o.value(listKey);
    return list.isArray() ? qint64(list.toArray().size()) : -1;
}

} // namespace

bool RecoveryDataLoss::summarize(QByteArrayView json, qint64 *transitions, qint64 *variables)
{
    *transitions = -1;
    *variables = -1;
    // Only an object says what its numbers count; skip the parser for NULL, null and numbers.
    const QByteArrayView text = json.trimmed();
    if (text.isEmpty() || text.front() != '{')
        return false;
    const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray());
    if (!document.isObject())
        return false;
    const QJsonObject o = document.object();
    *transitions = countOf(o, QLatin1String("transitionsRolledBack"), QLatin1String("transitions"));
    *variables = countOf(o, QLatin1String("variablesChanged"), QLatin1String("variables"));
    return *transitions >= 0 || *variables >= 0;
}

QByteArray RecoveryDataLoss::toJson() const
{
    return QJsonDocument(toJsonObject(kMaxListedTransitions)).toJson(QJsonDocument::Compact);
}

} // namespace StateScope
