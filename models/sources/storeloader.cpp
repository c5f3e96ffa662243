#include "storeloader.h"

#include "csvreader.h"
#include "definitionparser.h"
#include "eventstore.h"
#include "feedingestor.h"
#include "jsonlinesreader.h"
#include "sqlstorereader.h"
#include "xesreader.h"

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

std::shared_ptr<EventStore> loadJsonLinesSource(const QString &path, LoadResult *result, const ProgressCallback &progress,
                                                const std::atomic_bool *cancel)
{
    auto store = std::make_shared<EventStore>();
    FeedIngestor ingestor(*store);
    ingestor.setExecutionsStable(true); // the store is this load's own until it is handed over
    JsonLinesReader reader;
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
