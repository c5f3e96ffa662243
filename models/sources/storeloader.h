#pragma once

#include "csvreader.h"
#include "feedevent.h"
#include "loadresult.h"
#include "sqlconnection.h"
#include "sqlpushdown.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace StateScope {

class EventStore;

// Loads a database source into a new EventStore on the thread this object lives on (a worker
// QThread owned by the caller). The finished store is handed over whole through a queued
// signal; progress is throttled by the reader. cancel() may be called from any thread.
class StoreLoader final : public QObject
{
    Q_OBJECT
public:
    explicit StoreLoader(QObject *parent = nullptr);

    void cancel() { m_cancel.store(true); }

public slots:
    void load(const QString &source, quint64 generation, const StateScope::CsvColumns &csvColumns = {},
              const StateScope::SourceFilter &filter = {});

signals:
    void progress(const StateScope::LoadProgress &progress, quint64 generation);
    void finished(std::shared_ptr<StateScope::EventStore> store, const StateScope::LoadResult &result, quint64 generation);

private:
    std::atomic_bool m_cancel{false};
};

struct JsonLinesLoadOptions
{
    // Common events read straight into the store (JsonLinesFastPath) rather than through
    // FeedParser; the store and issues are the same. STATESCOPE_JSONL_FASTPATH=0 turns it off too.
    bool fastPath = true;
    qsizetype chunkBytes = 0; // bytes read at a time; 0 for the reader's default
    FeedLimits limits; // a longer line is reported and skipped (frame_too_large)
};

// Reads a JSONL event log (one feed event per line, SPEC 4) into a new store.
std::shared_ptr<EventStore> loadJsonLinesSource(const QString &path, LoadResult *result,
                                                const ProgressCallback &progress = {},
                                                const std::atomic_bool *cancel = nullptr,
                                                const JsonLinesLoadOptions &options = {});

// A state machine definition file alone (ASL or the row form): no executions, its states, and the
// definition in store.definitions().
std::shared_ptr<EventStore> loadDefinitionSource(const QString &path, LoadResult *result);

// Reads any offline source the store can hold (database, event log, definition) by its kind.
// csvColumns: the columns of a CSV log when the user mapped them (else found by name).
// filter: what the caller will select; a database reader may leave the rest out (SqlPushdown).
std::shared_ptr<EventStore> loadSource(const QString &source, LoadResult *result, const ProgressCallback &progress = {},
                                       const std::atomic_bool *cancel = nullptr, const CsvColumns &csvColumns = {},
                                       const SourceFilter &filter = {});

// Reads a source synchronously on the calling thread (the CLI; StoreLoader uses it too).
std::shared_ptr<EventStore> loadDatabaseSource(const QString &source, LoadResult *result,
                                               const ProgressCallback &progress = {},
                                               const std::atomic_bool *cancel = nullptr, const SourceFilter &filter = {});

} // namespace StateScope

Q_DECLARE_METATYPE(StateScope::LoadProgress)
Q_DECLARE_METATYPE(StateScope::LoadResult)
