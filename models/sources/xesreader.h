#pragma once

#include "loadresult.h"

#include <QString>

#include <atomic>
#include <memory>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace StateScope {

class CaseEntryBuilder;
class EventStore;

// Streaming reader of IEEE 1849 XES event logs (SPEC 2.3), plain or gzip-compressed (found by
// the gzip magic, whatever the file is called), as ProM, Disco and PM4Py write them. Each trace
// is an execution named by its concept:name; each counted event is an entry into the state
// named by its concept:name at its time:timestamp. Lifecycle: an event whose
// lifecycle:transition is present counts only when it is "complete" (any case); an event
// without one counts as complete (the XES lifecycle extension's meaning of an atomic event), or
// takes the value of a <global scope="event"> lifecycle:transition when the log declares one.
// So a log without lifecycle attributes uses every event, and a start/complete log only its
// completions, even if some events lack the attribute.
// Extensions, classifiers, other globals, other attributes and nested attributes (lists,
// containers, attributes inside attributes) are skipped.
class XesReader final
{
public:
    // Adds the counted events of every good trace to *builder (trace by trace, in file order).
    // A bad event (no concept:name, no or unparsable time:timestamp) becomes a LoadIssue
    // {name, "trace <id> event <n>", problem}; a trace without concept:name, an event outside a
    // trace, become {name, "line N", problem} and are skipped. A log that is not well-formed XML,
    // is not an XES <log>, is cut short, or whose gzip data is broken sets result->error
    // ("<name>: line L, column C: <XML error>" or "<name>: <gzip error>") and returns false, as
    // does a cancelled read (result->cancelled).
    // Progress: phase "events", done = events counted, total = an estimate from the share of the
    // device's bytes read (the compressed bytes for a gzip log); throttled to about every MiB.
    bool read(QIODevice *device, const QString &name, CaseEntryBuilder *builder, LoadResult *result,
              const ProgressCallback &progress = {}, const std::atomic_bool *cancel = nullptr);

    // The log's own concept:name, empty when it has none (after read()).
    const QString &logName() const { return m_logName; }
    // Events read and not counted because of their lifecycle:transition (e.g. "start").
    quint64 lifecycleSkipped() const { return m_lifecycleSkipped; }

private:
    QString m_logName;
    quint64 m_lifecycleSkipped = 0;
};

// Loads an XES log (SPEC 2.3) from `path` (.xes or .xes.gz) into a new store with one workflow
// named after the log's concept:name, else the file's name without .xes/.xes.gz. Null when
// the file cannot be read or the read failed (result->error) or was cancelled.
std::shared_ptr<EventStore> loadXesSource(const QString &path, LoadResult *result,
                                          const ProgressCallback &progress = {},
                                          const std::atomic_bool *cancel = nullptr);

} // namespace StateScope
