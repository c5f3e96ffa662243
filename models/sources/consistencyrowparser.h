#pragma once

#include "domaintypes.h"

#include <QByteArrayView>
#include <QJsonObject>

namespace StateScope {

// Fills the replica figures of a sample from the JSON columns of a state_consistency row:
// synchronization (the seed's SyncStatus: nodes [{nodeId, lagMs, pendingChanges, inSync}],
// syncLag, pendingChanges), conflict_resolution (conflictLog: its length is the conflict
// count) and divergence (an array; each entry becomes one readable line).
bool parseConsistencyRow(QByteArrayView conflictResolution, QByteArrayView synchronization, QByteArrayView divergence,
                         ConsistencySample *sample, QString *error);

// The same figures from a feed `consistency` payload (SPEC 4).
void readConsistencyNodes(const QJsonObject &object, ConsistencySample *sample);

} // namespace StateScope
