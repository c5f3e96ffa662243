#include "storeloader.h"

#include "csvreader.h"
#include "definitionparser.h"
#include "eventstore.h"
#include "feedingestor.h"
#include "jsonlinesfastpath.h"
#include "jsonlinesreader.h"
#include "sqlstorereader.h"
#include "xesreader.h"

#include <QFileInfo>

#include <algorithm>

namespace StateScope {

std::shared_ptr<EventStore> loadDatabaseSource(const QString &source, LoadResult *result, const ProgressCallback &progress,
                                               const std::atomic_bool *cancel, const SourceFilter &filter)
{
    const SourceLocation location = locateSource(source);
    QString error;
    auto connection = openSqlConnection(location, true, &error);
    if (!connection) {
        result->error = error;
        return nullptr;
    }
    auto store = std::make_shared<EventStore>();
    SqlStoreReader reader(*connection, *store);
    // A second connection lets the side tables load in parallel; without one, in sequence.
    QString secondError;
    auto second = openSqlConnection(location, true, &secondError);
    reader.setSecondConnection(second.get());
    reader.setProgressCallback(progress);
    reader.setCancelFlag(cancel);
    reader.setFilter(filter);
    *result = reader.read();
    if (!result->ok())
        return nullptr;
    return store;
}

namespace {

// After the first part of a large log, room is made for the whole file at the rate seen so
// far: the store's columns and id tables then do not regrow and copy themselves as it loads.
class ReserveAhead
{
public:
    ReserveAhead(EventStore &store, qint64 fileBytes)
        : m_store(store)
        , m_fileBytes(fileBytes)
        , m_done(fileBytes < 4 * kSampleBytes)
    { }
    void seen(qsizetype lineBytes)
    {
        if (m_done || (m_bytes += lineBytes + 1) < kSampleBytes)
            return;
        m_done = true;
        // A little over the rate: the start of a log has more new executions than the rest.
        const double scale = 1.05 * double(m_fileBytes) / double(m_bytes);
        m_store.reserveTransitions(size_t(scale * m_store.transitionCount()));
        m_store.reserveExecutions(quint32(std::min(scale * m_store.executionCount(), 4e9)));
        m_store.reserveCheckpoints(size_t(scale * double(m_store.checkpoints().size())));
    }

private:
    static constexpr qint64 kSampleBytes = 16 * 1024 * 1024;
    EventStore &m_store;
    qint64 m_fileBytes;
    qint64 m_bytes = 0;
    bool m_done;
};

} // namespace

std::shared_ptr<EventStore> loadJsonLinesSource(const QString &path, LoadResult *result, const ProgressCallback &progress,
                                                const std::atomic_bool *cancel, const JsonLinesLoadOptions &options)
{
    auto store = std::make_shared<EventStore>();
    FeedIngestor ingestor(*store);
    ingestor.setExecutionsStable(true); // the store is this load's own until it is handed over
    JsonLinesReader reader(options.limits);
    if (options.chunkBytes > 0)
        reader.setChunkSize(options.chunkBytes);
    JsonLinesFastPath fastPath(ingestor, reader.limits());
    ReserveAhead reserve(*store, QFileInfo(path).size());
    if (options.fastPath && qEnvironmentVariable("STATESCOPE_JSONL_FASTPATH") != QLatin1String("0")) {
        reader.setLineHandler(
            [&fastPath, &reserve](const char *line, qsizetype size) {
                reserve.seen(size);
                return fastPath.take(line, size);
            },
            [&fastPath](const char *block, qsizetype size) { fastPath.beginBlock(block, size); });
    }
    const bool ok = reader.read(
        path, [&ingestor](std::vector<FeedEvent> &batch) { ingestor.apply(batch); return true; }, result, progress, cancel);
    if (!ok || !result->ok())
        return nullptr;
    store->finalize();
    return store;
}

std::shared_ptr<EventStore> loadDefinitionSource(const QString &path, LoadResult *result)
{
    DefinitionParseResult parsed = parseDefinitionFile(path);
    if (!parsed.ok()) {
        result->error = parsed.error;
        return nullptr;
    }
    auto store = std::make_shared<EventStore>();
    for (const DefinitionState &state : parsed.definition.states)
        store->internState(state.name.toUtf8());
    store->definitions().push_back(std::move(parsed.definition));
    return store;
}

std::shared_ptr<EventStore> loadSource(const QString &source, LoadResult *result, const ProgressCallback &progress,
                                       const std::atomic_bool *cancel, const CsvColumns &csvColumns,
                                       const SourceFilter &filter)
{
    const SourceLocation location = locateSource(source);
    if (location.kind == SourceLocation::Kind::JsonLines)
        return loadJsonLinesSource(source, result, progress, cancel);
    if (location.kind == SourceLocation::Kind::Xes)
        return loadXesSource(source, result, progress, cancel);
    if (location.kind == SourceLocation::Kind::Csv)
        return loadCsvSource(source, csvColumns, result, progress, cancel);
    if (location.kind == SourceLocation::Kind::Definition)
        return loadDefinitionSource(source, result);
    return loadDatabaseSource(source, result, progress, cancel, filter);
}

StoreLoader::StoreLoader(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<StateScope::LoadProgress>();
    qRegisterMetaType<StateScope::LoadResult>();
    qRegisterMetaType<std::shared_ptr<StateScope::EventStore>>();
}

void StoreLoader::load(const QString &source, quint64 generation, const CsvColumns &csvColumns, const SourceFilter &filter)
{
    m_cancel.store(false);
    LoadResult result;
    auto store = loadSource(
        source, &result, [this, generation](const LoadProgress &p) { emit progress(p, generation); }, &m_cancel, csvColumns, filter);
    emit finished(std::move(store), result, generation);
}

} // namespace StateScope
