#pragma once

#include "domaintypes.h"
#include "recentids.h"
#include "timeutil.h"

#include <QByteArrayView>
#include <QString>

#include <memory>
#include <vector>

namespace StateScope {

class EventStore;

// Event logs that say "case C entered state S at time T" (CSV, SPEC 2.2; XES, SPEC 2.3), in any
// order: entries are kept compactly (ids and states interned), then grouped by case and sorted
// by time (ties keep file order) and turned into one execution per case, entering its first
// state at its first time, with a transition for each later entry.
class CaseEntryBuilder final
{
public:
    CaseEntryBuilder();
    ~CaseEntryBuilder();
    CaseEntryBuilder(const CaseEntryBuilder &) = delete;
    CaseEntryBuilder &operator=(const CaseEntryBuilder &) = delete;

    void add(QByteArrayView caseId, QByteArrayView state, TimeMs time);
    // Room for this many entries (a reader's estimate from the file's size): no regrowth.
    void reserve(size_t entries);
    size_t entryCount() const { return m_entries.size(); }
    quint32 caseCount() const;

    // A new store holding the log; every execution belongs to one workflow named
    // `workflowName` (the file's name, say). The builder is empty afterwards.
    std::shared_ptr<EventStore> build(const QString &workflowName);

private:
    struct Entry
    {
        quint32 caseIndex;
        quint32 state;
        TimeMs time;
    };
    ExecutionIndex caseIndex(QByteArrayView caseId);

    // Case ids and states go straight into the store being built: case i is execution i, so
    // build() interns nothing again.
    std::shared_ptr<EventStore> m_store;
    // Most rows are of a case seen a moment ago (logs interleave the cases in flight).
    RecentIds m_recentCases;
    std::vector<Entry> m_entries; // in file order
};

} // namespace StateScope
