#pragma once

#include "analysisoptions.h"

#include <QString>
#include <QStringList>

namespace StateScope {

class EventStore;

struct EvidenceBundleOptions
{
    // The selection (workflows, time window), source label, definition and "as of" time: what is
    // bundled, and what the report stored in the bundle is the analysis of.
    AnalysisOptions analysis;
    // The database the store was read from (SQLite path or postgresql:// URL), read-only:
    // checkpoint contents, execution variables and audit_log rows are copied from it. Empty for
    // event logs and feeds, whose bundles carry what the store holds.
    QString sourceDatabase;
    QString selectionDescription; // empty = describeSelection()
};

struct EvidenceBundleSummary
{
    QString error; // empty = the bundle was written
    quint64 workflows = 0;
    quint64 definitions = 0;
    quint64 executions = 0;
    quint64 transitions = 0;
    quint64 checkpoints = 0;
    quint64 recoveries = 0;
    quint64 consistencySamples = 0;
    quint64 auditRows = 0;
    QStringList notes; // what the reader of the bundle should know (also stored in it)
};

// Writes the selection as one SQLite file of the SPEC 2.1 schema that StateScope opens like any
// state database (offline evidence after an incident):
// - the selected workflows, the definitions they reference (and the one the analysis used);
// - the executions of those workflows that have a transition, checkpoint or recovery in the
//   window (or, without transitions, entered in it), each with ALL its transitions,
//   checkpoints and recovery rows, so that analysing the bundle with the same window gives the
//   same report (a path cut by the window stays cut, first stays keep their entry times);
// - consistency samples of the selected workflows up to the window's end;
// - audit_log rows about them, when the source is a database that has them;
// - table statescope_bundle (key, value): format_version, created_at (UTC), source, selection,
//   selection_from/selection_to, report (the analysis of the selection as `analyze --format
//   json` prints it), contents (row counts) and notes.
// Built as "<path>.partial" beside the target and renamed over it only when complete; on
// failure the partial file is removed and the target left as it was. Runs on the calling
// thread (a worker); reads the store only.
EvidenceBundleSummary writeEvidenceBundle(const EventStore &store, const EvidenceBundleOptions &options,
                                          const QString &path);

// "workflow order-processing, 2026-01-01T00:00:00.000Z to 2026-01-02T00:00:00.000Z" and the like.
QString describeSelection(const EventStore &store, const Selection &selection);

} // namespace StateScope
