#include "jsonlinesreader.h"

#include <QFile>
#include <QFileInfo>

#include <cstring>

namespace StateScope {

namespace {

bool isBlank(const char *p, qsizetype n)
{
    for (qsizetype i = 0; i < n; ++i) {
        if (p[i] != ' ' && p[i] != '\t')
            return false;
    }
    return true;
}

} // namespace

JsonLinesReader::JsonLinesReader(FeedLimits limits)
    : m_parser(limits)
{ }

bool JsonLinesReader::read(const QString &path, const BatchCallback &onBatch, LoadResult *result,
                           const ProgressCallback &progress, const std::atomic_bool *cancel)
{
    QFile file(path);
    if (!openLogFile(file, result))
        return false;
    return read(&file, QFileInfo(path).fileName(), onBatch, result, progress, cancel);
}

bool JsonLinesReader::read(QIODevice *device, const QString &name, const BatchCallback &onBatch, LoadResult *result,
                           const ProgressCallback &progress, const std::atomic_bool *cancel)
{
    LoadResult local;
    LoadResult &res = result ? *result : local;
    const qint64 totalBytes = device->isSequential() ? -1 : device->size();
    const qsizetype maxFrame = m_parser.limits().maxFrameBytes;
    const qsizetype chunk = m_chunkSize;

    // buffer[start, end) holds unread text; `scan` is where the search for '\n' goes on.
    // Behind the text, always FeedParser::kPadding bytes more: lines are parsed in place.
    std::vector<char> buffer(static_cast<size_t>(chunk + FeedParser::kPadding));
    qsizetype start = 0, scan = 0, end = 0;
    qint64 lineNumber = 1;
    qint64 bytesRead = 0;
    qint64 events = 0;
    bool skipping = false; // inside a line already known to be too long
    bool eof = false;
    std::vector<FeedEvent> batch;
    batch.reserve(kBatchSize);

    const auto cancelled = [&] {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            res.cancelled = true;
            return true;
        }
        return false;
    };
    const auto tooLong = [&] {
        res.addIssue({name, QStringLiteral("line %1").arg(lineNumber),
                      QStringLiteral("frame_too_large: a line of more than %1 bytes").arg(maxFrame)});
    };
    const auto handleLine = [&](const char *p, qsizetype n) {
        if (n > 0 && p[n - 1] == '\r')
            --n;
        if (lineNumber == 1 && n >= 3
            && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) { // a byte order mark, from some editors
            p += 3;
            n -= 3;
        }
        if (isBlank(p, n))
            return;
        if (m_lineHandler) {
            if (const int transitions = m_lineHandler(p, n); transitions >= 0) {
                ++events;
                res.transitionsRead += transitions;
                return;
            }
        }
        const quint64 before = m_parser.problems().total();
        m_parser.parseFramePadded(QByteArrayView(p, n), batch); // the buffer has padding behind its text
        const quint64 problems = m_parser.problems().total() - before;
        if (problems == 0)
            return;
        QString text = m_parser.lastMessage();
        if (problems > 1)
            text += QStringLiteral(" (%1 problems in this line)").arg(problems);
        res.addIssue({name, QStringLiteral("line %1").arg(lineNumber), text});
    };
    // False when the consumer stops the read.
    const auto flush = [&] {
        if (batch.empty())
            return true;
        events += qint64(batch.size());
        for (const FeedEvent &e : batch)
            res.transitionsRead += e.type == FeedEventType::Transition ? 1 : 0;
        const bool goOn = onBatch(batch);
        batch.clear();
        return goOn;
    };

    for (;;) {
        if (m_blockHandler) {
            // Every round, also with no complete line (size 0): the block the handler had is
            // gone once the buffer moves.
            const void *last = !skipping && end > scan ? memrchr(buffer.data() + scan, '\n', size_t(end - scan)) : nullptr;
            m_blockHandler(buffer.data() + start,
                           last ? static_cast<const char *>(last) + 1 - (buffer.data() + start) : 0);
        }
        while (const void *found = std::memchr(buffer.data() + scan, '\n', size_t(end - scan))) {
            const qsizetype newline = static_cast<const char *>(found) - buffer.data();
            if (skipping) {
                tooLong();
                skipping = false;
            } else {
                handleLine(buffer.data() + start, newline - start);
            }
            ++lineNumber;
            start = scan = newline + 1;
            if (batch.size() >= kBatchSize || (m_lineHandler && !batch.empty())) {
                if (!flush())
                    return true;
                if (cancelled())
                    return false;
            }
        }
        scan = end;
        // A line without its end yet; over the limit (even without a CR) it is dropped as it comes.
        if (!skipping && end - start > maxFrame + 1)
            skipping = true;
        if (skipping)
            start = scan = end;
        if (eof) {
            if (skipping)
                tooLong();
            else if (end > start)
                handleLine(buffer.data() + start, end - start);
            break;
        }
        // Keep the unfinished line, read the next chunk behind it.
        const qsizetype pending = end - start;
        if (start > 0 && pending > 0)
            std::memmove(buffer.data(), buffer.data() + start, size_t(pending));
        start = 0;
        scan = end = pending;
        if (qsizetype(buffer.size()) < end + chunk + FeedParser::kPadding)
            buffer.resize(size_t(end + chunk + FeedParser::kPadding));
        const qint64 n = device->read(buffer.data() + end, chunk);
        if (n < 0) {
            res.error = name + QStringLiteral(": ") + device->errorString();
            return false;
        }
        end += qsizetype(n);
        bytesRead += n;
        eof = n == 0;
        if (progress) {
            const qint64 estimate = totalBytes > 0 && bytesRead > 0
                ? qint64(double(events) * double(totalBytes) / double(bytesRead))
                : -1;
            progress({QStringLiteral("events"), events, estimate});
        }
        if (cancelled())
            return false;
    }
    flush();
    if (progress)
        progress({QStringLiteral("events"), events, events});
    return true;
}

} // namespace StateScope
