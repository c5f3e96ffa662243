#pragma once

#include "domaintypes.h"
#include "selection.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <vector>

namespace StateScope {

class EventStore;

// What an evidence bundle holds of a store (see writeEvidenceBundle): the selected workflows;
// the executions of those that have a transition, checkpoint or recovery in the window (or,
// without transitions, were entered in it); the workflows' consistency samples up to the
// window's end (the report counts them all, and scores from the one in force at its start).
struct BundlePlan
{
    std::vector<bool> workflows;  // by workflow index
    std::vector<bool> executions; // by execution index
    std::vector<const ConsistencySample *> consistency;
    QSet<QByteArray> executionIds, workflowIds, checkpointIds;
};

BundlePlan planEvidenceBundle(const EventStore &store, const Selection &selection);

// What an evidence bundle copies verbatim from the database the store was read from, because the
// store does not keep it: checkpoint contents (snapshot, variables, checksum, location), each
// execution's variables and state version, and the audit_log rows about the bundled records.
struct BundleSourceRows
{
    struct Checkpoint
    {
        QByteArray snapshot;
        QByteArray variables;
        QByteArray checksum; // empty = NULL
        QByteArray location; // empty = NULL
    };
    struct ExecutionState
    {
        qint64 version = 0;
        QByteArray variables;
    };
    struct Audit
    {
        QByteArray id;
        TimeMs at = kUnknownTime;
        QByteArray actor;
        QByteArray action;
        QByteArray target; // empty = NULL
        QByteArray reason; // empty = NULL
        QByteArray details;
    };

    QHash<QByteArray, Checkpoint> checkpoints;          // by checkpoint id
    QHash<QByteArray, ExecutionState> executionStates;  // by execution id (the latest row)
    std::vector<Audit> audit;
    bool sourceHasAudit = false;
};

// Reads those rows for the given ids from a SQLite file or PostgreSQL URL, read-only, on the
// calling thread (the bundle's worker). An audit row concerns the bundle when its details name
// one of the executions or workflows (recoveries write executionId and workflowId), or its
// target names one of the executions. False with *error when the source cannot be read.
bool readBundleSourceRows(const QString &source, const QSet<QByteArray> &executionIds,
                          const QSet<QByteArray> &workflowIds, const QSet<QByteArray> &checkpointIds,
                          BundleSourceRows *rows, QString *error);

} // namespace StateScope
