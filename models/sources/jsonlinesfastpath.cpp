#include "jsonlinesfastpath.h"

#include "feedingestor.h"
#include "feedparser.h"
#include "jsonlinesmembers.h"
#include "jsonlinesshapes.h"

#include <algorithm>
#include <cstring>

namespace StateScope {

using namespace FastJson;
using simdjson::SUCCESS;

namespace {

// Longer lines go to the FeedParser, which checks them against the string limit; this keeps
// the On Demand parser's buffers small.
constexpr qsizetype kMaxLine = 64 * 1024;
// Blocks over this are read line by line (a block this big holds a very long line anyway).
constexpr qsizetype kMaxBlock = 2 * 1024 * 1024;
// Lines of a block that fit no learned layout and are read alone before the rest of the block
// is read with one pass of simdjson's first stage (a log whose lines vary).
constexpr int kMissesBeforeStreaming = 8;

QByteArrayView view(std::string_view s)
{
    return QByteArrayView(s.data(), qsizetype(s.size()));
}

const char *firstNonBlank(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        ++p;
    return p;
}


} // namespace

struct JsonLinesFastPath::Private
{
    explicit Private(FeedIngestor &i)
        : ingestor(i)
    { }
    FeedIngestor &ingestor;
    LineShapes shapes;
    od::parser lineParser;
    od::parser blockParser;
    qsizetype maxLine = kMaxLine;
    // The complete lines of the current block, while their take() calls come.
    const char *blockBegin = nullptr;
    const char *blockEnd = nullptr;
    int blockMisses = 0;
    bool blockStreamed = false; // once per block: a stream that broke off is not started again
    // From a line of the block on, its documents, one per line while they line up with the lines.
    od::document_stream stream;
    od::document_stream::iterator next;
    const char *streamBegin = nullptr;
    bool streaming = false;
    bool streamHasEscapes = true;

    bool startStream(const char *line);
    // 1 taken, 0 declined, -1 the stream no longer matches the lines (read this one alone).
    int readFromStream(const char *line, qsizetype size, Members &m);
    bool readAlone(const char *line, qsizetype size, Members &m);
    int apply(const Members &m);
};

JsonLinesFastPath::JsonLinesFastPath(FeedIngestor &ingestor, const FeedLimits &limits)
    : d(std::make_unique<Private>(ingestor))
{
    // A taken line is two levels deep and holds nothing longer than itself.
    d->maxLine = limits.maxDepth < 2 ? -1 : std::min({kMaxLine, limits.maxFrameBytes, limits.maxStringBytes});
}

JsonLinesFastPath::~JsonLinesFastPath() = default;

void JsonLinesFastPath::beginBlock(const char *block, qsizetype size)
{
    d->streaming = false;
    d->blockMisses = 0;
    d->blockStreamed = false;
    const bool usable = size > 0 && size <= kMaxBlock && d->maxLine >= 0;
    d->blockBegin = usable ? block : nullptr;
    d->blockEnd = usable ? block + size : nullptr;
}

// One pass of simdjson's first stage over the rest of the block, from `line` on, instead of one
// per line.
bool JsonLinesFastPath::Private::startStream(const char *line)
{
    if (blockStreamed || !(line >= blockBegin && line < blockEnd))
        return false;
    blockStreamed = true;
    const size_t size = size_t(blockEnd - line);
    if (blockParser.iterate_many(line, size, std::max<size_t>(size, 1024 * 1024)).get(stream) != SUCCESS)
        return false;
    next = stream.begin();
    streamBegin = line;
    // One look for a backslash in the whole block spares one per string.
    streamHasEscapes = std::memchr(line, '\\', size) != nullptr;
    streaming = true;
    return true;
}

int JsonLinesFastPath::take(const char *line, qsizetype size)
{
    Members m;
    m.ingestor = &d->ingestor;
    bool ok = false;
    if (size <= d->maxLine) {
        if (!d->streaming && d->shapes.read(line, size, m)) {
            ++m_shaped;
            ++m_taken;
            return d->apply(m);
        }
        if (!d->streaming && ++d->blockMisses > kMissesBeforeStreaming)
            d->startStream(line);
        m = Members{};
        m.ingestor = &d->ingestor;
        m.noEscapes = d->streaming && !d->streamHasEscapes;
        const int streamed = d->streaming ? d->readFromStream(line, size, m) : -1;
        if (streamed >= 0) {
            ok = streamed == 1;
        } else {
            m = Members{};
            m.ingestor = &d->ingestor;
            m.noEscapes = !std::memchr(line, '\\', size_t(size));
            ok = d->readAlone(line, size, m);
            if (ok)
                d->shapes.learn(line, size, m);
        }
    }
    if (!ok) {
        ++m_declined;
        return -1;
    }
    ++m_taken;
    return d->apply(m);
}

int JsonLinesFastPath::Private::readFromStream(const char *line, qsizetype size, Members &m)
{
    // The next document must be this line: it starts where the line's text does...
    if (!(next != stream.end()) || streamBegin + next.current_index() != firstNonBlank(line, line + size)) {
        streaming = false;
        return -1;
    }
    auto result = *next;
    if (result.error() != SUCCESS) {
        streaming = false;
        return -1;
    }
    od::document_reference doc = result.value_unsafe();
    auto envelope = doc.get_object();
    bool ok = envelope.error() == SUCCESS && readEvent(envelope.value_unsafe(), m);
    // ...and it ends where the line's text does. Its last byte is the last one before the next
    // document that is not blank; a line cut short would otherwise take in the next one.
    if (ok) {
        const char *after = nullptr;
        if (doc.current_location().get(after) != SUCCESS) // the last document: the stream ends
            after = blockEnd - stream.truncated_bytes(); // before an unfinished value, if any
        ok = lastNonBlank(line, after, true) == lastNonBlank(line, line + size, false);
    }
    // After an unrecoverable error simdjson's stream cannot move on (3.0 crashes trying).
    if (!static_cast<od::document &>(doc).is_alive() || (!ok && envelope.error() != SUCCESS)) {
        streaming = false;
        return -1;
    }
    ++next;
    return ok ? 1 : 0;
}

bool JsonLinesFastPath::Private::readAlone(const char *line, qsizetype size, Members &m)
{
    od::document doc;
    if (lineParser.iterate(line, size_t(size), size_t(size) + size_t(FeedParser::kPadding)).get(doc) != SUCCESS)
        return false;
    auto envelope = doc.get_object(); // used in place: get() would copy the iterator
    if (envelope.error() != SUCCESS || !readEvent(envelope.value_unsafe(), m))
        return false;
    // Anything after the object (a second value, stray text) makes the line FeedParser's.
    const char *after = nullptr;
    return doc.current_location().get(after) != SUCCESS;
}

// What FeedIngestor::apply does with the FeedEvent FeedParser would have made of the line.
int JsonLinesFastPath::Private::apply(const Members &m)
{
    ingestor.begin(m.time);
    const ExecutionIndex e = ingestor.execution(view(m.executionId), view(m.workflowId));
    switch (m.type) {
    case FeedEventType::Transition: {
        const StateId from = ingestor.stateNamed(view(m.from));
        const StateId to = ingestor.stateNamed(view(m.to));
        const TransitionType type = (m.seen & kTransitionType) && m.transitionType != "normal"
            ? transitionTypeFromString(view(m.transitionType))
            : TransitionType::Normal;
        ingestor.applyTransition(e, from, to, m.time, type);
        return 1;
    }
    case FeedEventType::ExecutionStarted:
        ingestor.applyEntry(e, true, view(m.stateName), m.time);
        break;
    case FeedEventType::ExecutionCompleted:
        ingestor.setStatus(e, ExecutionStatus::Completed);
        break;
    case FeedEventType::ExecutionFailed:
        ingestor.setStatus(e, ExecutionStatus::Failed);
        break;
    case FeedEventType::CheckpointCreated:
        ingestor.applyCheckpoint(e, view(m.checkpointId), view(m.checkpointType), view(m.stateName), m.time,
                                 m.sizeBytes, m.recoverable);
        break;
    default:
        break;
    }
    return 0;
}

} // namespace StateScope
