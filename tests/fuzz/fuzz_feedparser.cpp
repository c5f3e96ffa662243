// libFuzzer target for the statescope-feed/1 readers (BARS R2): FeedParser::parseFrame on the
// input as one WebSocket frame (default and tiny limits), feedEventToJson round trips of every
// event it accepts, JsonLinesReader on the input as a JSONL log (small chunks and limits), and
// the same log loaded into a store with and without JsonLinesFastPath (simdjson On Demand and
// the learned line layouts against FeedParser). It aborts on a crash, a sanitizer report, or a
// broken invariant (an accepted event that does not read back as itself, counts that do not add
// up, a store or issue that differs between the two loads).
//
// Build (clang; the readers' sources are compiled into the target with coverage and sanitizers):
//   CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
//       -DSTATESCOPE_FUZZ=ON -DSTATESCOPE_BUILD_TESTS=ON -DSTATESCOPE_BUILD_BENCH=OFF
//   ninja -C build-fuzz -j1 fuzz_feedparser
// Run (a scratch corpus seeded from the saved one; -jobs for more cores):
//   mkdir -p /tmp/feedcorpus && cp tests/fuzz/corpus/feedparser/* /tmp/feedcorpus/
//   build-fuzz/tests/fuzz/fuzz_feedparser /tmp/feedcorpus -max_total_time=600 -timeout=10 \
//       -rss_limit_mb=2048 -use_value_profile=1
// A crash leaves crash-<sha1> behind: fix it, then save the input in tests/fuzz/corpus/feedparser/
// under a name that says what it was (tst_feedparsercorpus replays that folder in every CI run,
// under ASan + UBSan in scripts/test.sh --sanitize).

#include "eventstore.h"
#include "feedeventjson.h"
#include "feedingestor.h"
#include "feedparser.h"
#include "jsonlinesfastpath.h"
#include "jsonlinesreader.h"

#include <QBuffer>

#include <cstdio>
#include <cstdlib>

using namespace StateScope;

namespace {

void check(bool condition, const char *what, const QByteArray &detail = {})
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_feedparser: %s %s\n", what, detail.constData());
    std::abort();
}

void parseAsFrame(FeedParser &parser, QByteArrayView frame)
{
    const quint64 before = parser.problems().total();
    std::vector<FeedEvent> events;
    const int added = parser.parseFrame(frame, events);
    check(added >= 0 && size_t(added) == events.size(), "parseFrame's count differs from the events appended");
    if (added == 0)
        check(parser.problems().total() > before || frame.trimmed().startsWith('['),
              "a frame vanished without a problem");
    if (parser.problems().total() > before)
        check(!parser.lastMessage().isEmpty(), "a problem without a message");

    // Every accepted event reads back as itself (default limits: the text can grow a little).
    static FeedParser again;
    for (const FeedEvent &event : events) {
        const QByteArray json = feedEventToJson(event);
        std::vector<FeedEvent> back;
        check(again.parseFrame(json, back) == 1,
              "a serialised event does not parse:", json + ' ' + again.lastMessage().toUtf8());
        const QByteArray diff = feedEventDifference(back.front(), event);
        check(diff.isEmpty(), "round trip changes", diff + " in " + json);
    }
}

void readAsLog(const uint8_t *data, size_t size)
{
    // The first byte picks the chunk size, so lines straddle chunk ends everywhere.
    const qsizetype chunk = size > 0 ? 1 + data[0] % 64 : 1;
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    JsonLinesReader reader({256, 8, 64});
    reader.setChunkSize(chunk);
    LoadResult result;
    quint64 events = 0;
    const bool ok = reader.read(
        &buffer, QStringLiteral("fuzz.jsonl"),
        [&events](std::vector<FeedEvent> &batch) {
            events += batch.size();
            return true;
        },
        &result);
    check(ok && result.error.isEmpty(), "reading a buffer failed");
    const quint64 lines = quint64(bytes.count('\n')) + 1;
    check(result.issueCount <= lines, "more bad lines than lines");
    check(events <= quint64(size), "more events than bytes");
    for (const LoadIssue &issue : result.issues)
        check(issue.id.startsWith(QLatin1String("line ")) && !issue.problem.isEmpty(),
              "an issue without line or problem");
}

// What a load made: the store's executions with their transitions, its checkpoints, the issues.
QByteArray loadSummary(const QByteArray &bytes, qsizetype chunk, bool fastPath)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    EventStore store;
    FeedIngestor ingestor(store);
    ingestor.setExecutionsStable(true); // as loadJsonLinesSource has it
    JsonLinesReader reader;
    reader.setChunkSize(chunk);
    JsonLinesFastPath fast(ingestor, reader.limits());
    if (fastPath)
        reader.setLineHandler([&fast](const char *line, qsizetype size) { return fast.take(line, size); },
                              [&fast](const char *block, qsizetype size) { fast.beginBlock(block, size); });
    LoadResult result;
    reader.read(
        &buffer, QStringLiteral("fuzz.jsonl"), [&ingestor](std::vector<FeedEvent> &batch) { ingestor.apply(batch); return true; },
        &result);
    store.finalize();
    QByteArray out;
    for (StateId i = 0; i < store.stateCount(); ++i)
        out += "state " + store.stateName(i).toUtf8() + '\n';
    for (ExecutionIndex e = 0; e < store.executionCount(); ++e) {
        out += "execution " + store.executionId(e).toUtf8() + ' ' + QByteArray::number(store.executionWorkflow(e)) + ' '
            + QByteArray::number(store.executionEntryTime(e)) + ' ' + QByteArray::number(int(store.executionStatus(e)))
            + ' ' + QByteArray::number(store.executionInitialState(e)) + '\n';
        for (quint32 t = store.firstTransitionOf(e); t != kNoIndex; t = store.nextTransition(t))
            out += "  " + QByteArray::number(store.transitionFrom(t)) + '>' + QByteArray::number(store.transitionTo(t))
                + '@' + QByteArray::number(store.transitionTime(t)) + ' ' + QByteArray::number(int(store.transitionType(t)))
                + '\n';
    }
    for (const CheckpointInfo &c : store.checkpoints())
        out += "checkpoint " + store.checkpointId(c).toUtf8() + ' ' + store.checkpointType(c).toUtf8() + ' '
            + store.checkpointStateName(c).toUtf8() + ' ' + QByteArray::number(c.execution) + '@' + QByteArray::number(c.timestamp) + ' '
            + QByteArray::number(c.sizeBytes) + ' ' + QByteArray::number(c.recoverable) + '\n';
    for (const LoadIssue &issue : result.issues)
        out += issue.toString().toUtf8() + '\n';
    out += "transitions read " + QByteArray::number(result.transitionsRead) + '\n';
    return out;
}

void compareFastPath(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype chunk = size > 1 ? 1 + data[1] % 512 : 1;
    const QByteArray plain = loadSummary(bytes, chunk, false);
    const QByteArray fast = loadSummary(bytes, chunk, true);
    check(plain == fast, "the fast path loads differently:", "\n-- FeedParser\n" + plain + "-- fast path\n" + fast);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Kept between inputs, as the live client keeps its parser for a whole connection.
    static FeedParser parser;
    static FeedParser tiny({512, 6, 24});
    const QByteArrayView frame(reinterpret_cast<const char *>(data), qsizetype(size));
    parseAsFrame(parser, frame);
    parseAsFrame(tiny, frame);
    readAsLog(data, size);
    compareFastPath(data, size);
    return 0;
}
