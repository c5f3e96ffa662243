#pragma once

#include "feedparser.h"
#include "loadresult.h"

#include <QString>

#include <algorithm>
#include <atomic>
#include <functional>
#include <vector>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace StateScope {

// Streaming reader of a JSONL event log: one statescope-feed/1 event (or array of events) per
// line, read by the same FeedParser as the live feed. The file goes through in large chunks
// (BARS P4), never whole and never line by line through a text stream.
class JsonLinesReader final
{
public:
    // Gets each batch of up to kBatchSize events, in file order; may move them out. False stops the read.
    using BatchCallback = std::function<bool(std::vector<FeedEvent> &batch)>;
    // Small enough that a batch (FeedEvent is ~800 bytes) is still in the cache when the
    // consumer reads what the parser wrote: with 4096 a load took a fifth longer (BARS P4).
    static constexpr size_t kBatchSize = 256;

    explicit JsonLinesReader(FeedLimits limits = {});

    // Blank lines are skipped; each bad line becomes a LoadIssue {file name, "line N", problem} in
    // *result; an unreadable file sets result->error ("<path>: <reason>"). A line over
    // maxFrameBytes is rejected (frame_too_large) without being held in memory whole.
    // result->transitionsRead counts the transition events handed on. False when the file could
    // not be read or the read was cancelled (result->cancelled); true otherwise, also when
    // onBatch stopped it.
    bool read(const QString &path, const BatchCallback &onBatch, LoadResult *result,
              const ProgressCallback &progress = {}, const std::atomic_bool *cancel = nullptr);
    // The same from an open device, read until read() returns 0 (a file, a buffer, a pipe that
    // has ended); `name` stands for it in issues and errors.
    bool read(QIODevice *device, const QString &name, const BatchCallback &onBatch, LoadResult *result,
              const ProgressCallback &progress = {}, const std::atomic_bool *cancel = nullptr);

    // Offered each line first (without its CR or byte order mark, never blank, followed by
    // FeedParser::kPadding readable bytes): returns how many transitions it applied itself, or -1
    // to leave the line to the FeedParser and onBatch. With a handler set, the lines left over
    // are handed on one at a time, so events keep their file order.
    using LineHandler = std::function<int(const char *line, qsizetype size)>;
    // The block handler (optional, with a line handler) first gets each run of complete lines
    // read, from the start of its first line through its last '\n', before the line handler
    // gets them one by one (but not the lines it skips: blank, too long). It is called once per
    // chunk read, with size 0 when the chunk completes no line: a block is valid only until the
    // next call.
    using BlockHandler = std::function<void(const char *block, qsizetype size)>;
    void setLineHandler(LineHandler handler, BlockHandler blockHandler = {})
    {
        m_lineHandler = std::move(handler);
        m_blockHandler = std::move(blockHandler);
    }
    const FeedLimits &limits() const { return m_parser.limits(); }

    // Bytes read from the device at a time (tests use tiny chunks to cross every boundary).
    void setChunkSize(qsizetype bytes) { m_chunkSize = std::max<qsizetype>(bytes, 1); }

private:
    FeedParser m_parser;
    LineHandler m_lineHandler;
    BlockHandler m_blockHandler;
    qsizetype m_chunkSize = 256 * 1024; // a chunk copied in does not flush the store's hot lines from L2
};

} // namespace StateScope
