#include "consistencyrowparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtNumeric>

#include <algorithm>
#include <limits>

namespace StateScope {

namespace {
QJsonValue firstOf(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (!v.isUndefined() && !v.isNull())
            return v;
    }
    return {};
}

bool parseJson(QByteArrayView text, const char *column, QJsonValue *out, QString *error)
{
    if (text.isEmpty()) { // an empty or NULL cell: absent, not JSON null
        *out = QJsonValue(QJsonValue::Undefined);
        return true;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text.data(), text.size()), &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: invalid JSON (%2)").arg(QLatin1String(column), pe.errorString());
        return false;
    }
    *out = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    return true;
}
} // namespace

void readConsistencyNodes(const QJsonObject &o, ConsistencySample *sample)
{
    sample->nodes.clear();
    for (const QJsonValue &v : o.value(QLatin1String("nodes")).toArray()) {
        const QJsonObject n = v.toObject();
        ReplicaNode node;
        node.nodeId = firstOf(n, {"nodeId", "id", "node"}).toVariant().toString();
        node.lagMs = firstOf(n, {"lagMs", "lag", "syncLag"}).toDouble();
        node.pendingChanges = firstOf(n, {"pendingChanges", "pending"}).toInteger();
        const QJsonValue inSync = firstOf(n, {"inSync", "synced"});
        node.inSync = inSync.isBool() ? inSync.toBool()
                                      : n.value(QLatin1String("status")).toString().toLower().remove(QLatin1Char('_'))
                                          == QLatin1String("insync");
        sample->nodes.push_back(node);
    }
    if (!sample->nodes.empty()) {
        sample->maxLagMs = 0;
        sample->pendingChanges = 0;
        sample->nodesInSync = 0;
        for (const ReplicaNode &n : sample->nodes) {
            sample->maxLagMs = std::max(sample->maxLagMs, n.lagMs);
            // Saturates: a row can hold any int64, and a wrapped sum would show as negative.
            if (qAddOverflow(sample->pendingChanges, n.pendingChanges, &sample->pendingChanges))
                sample->pendingChanges = n.pendingChanges > 0 ? std::numeric_limits<qint64>::max()
                                                              : std::numeric_limits<qint64>::min();
            sample->nodesInSync += n.inSync ? 1 : 0;
        }
    } else {
        sample->maxLagMs = firstOf(o, {"syncLag", "lagMs", "maxLagMs"}).toDouble();
        sample->pendingChanges = firstOf(o, {"pendingChanges"}).toInteger();
        sample->nodesInSync = firstOf(o, {"nodesInSync"}).toInt();
    }
    const QJsonValue conflicts = o.value(QLatin1String("conflicts"));
    if (conflicts.isDouble())
        sample->conflicts = conflicts.toInteger();
    else if (conflicts.isArray())
        sample->conflicts = conflicts.toArray().size();
    const QJsonValue divergence = o.value(QLatin1String("divergence"));
    if (divergence.isArray()) {
        sample->divergence.clear();
        for (const QJsonValue &d : divergence.toArray())
            sample->divergence.append(d.isString() ? d.toString() : QString::fromUtf8(QJsonDocument(d.toObject()).toJson(QJsonDocument::Compact)));
    }
}

bool parseConsistencyRow(QByteArrayView conflictResolution, QByteArrayView synchronization, QByteArrayView divergence,
                         ConsistencySample *sample, QString *error)
{
    QJsonValue conflicts, sync, div;
    if (!parseJson(conflictResolution, "conflict_resolution", &conflicts, error)
        || !parseJson(synchronization, "synchronization", &sync, error) || !parseJson(divergence, "divergence", &div, error))
        return false;
    if (!sync.isObject() && !sync.isUndefined()) {
        *error = QStringLiteral("synchronization: expected a JSON object");
        return false;
    }
    QJsonObject merged = sync.toObject();
    if (div.isArray())
        merged.insert(QStringLiteral("divergence"), div);
    if (!merged.contains(QLatin1String("conflicts")))
        merged.insert(QStringLiteral("conflicts"), conflicts.toObject().value(QLatin1String("conflictLog")));
    readConsistencyNodes(merged, sample);
    return true;
}

} // namespace StateScope
