#include "jsonlinesshapes.h"

#include "bytewords.h"
#include "feedingestor.h"
#include "timeutil.h"

#include <QtEndian>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace StateScope::FastJson {

namespace {

int shapeIndex(FeedEventType type)
{
    switch (type) {
    case FeedEventType::Transition:
        return 0;
    case FeedEventType::CheckpointCreated:
        return 1;
    case FeedEventType::ExecutionStarted:
        return 2;
    case FeedEventType::ExecutionCompleted:
        return 3;
    case FeedEventType::ExecutionFailed:
        return 4;
    default:
        return -1;
    }
}

QByteArrayView view(std::string_view s)
{
    return QByteArrayView(s.data(), qsizetype(s.size()));
}

// The closing quote of the string text starting at p, or null when the text has a backslash, a
// control or non-ASCII character first (those lines go to simdjson, which checks them) or does
// not end before `end`. Reads up to 15 bytes past `end` (the padding).
const char *stringEnd(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(' ');
    for (; p < end; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        // Signed, bytes below ' ' are the control characters and those of 0x80 and up.
        const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                             _mm_cmplt_epi8(v, space));
        if (const unsigned mask = unsigned(_mm_movemask_epi8(special))) {
            const char *q = p + __builtin_ctz(mask);
            return q < end && *q == '"' ? q : nullptr;
        }
    }
    return nullptr;
#else
    for (; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"')
            return p;
        if (c == '\\' || c < 0x20 || c >= 0x80)
            return nullptr;
    }
    return nullptr;
#endif
}

// How many of the 8 bytes at p are digits before the first that is not (8: all are).
int leadingDigits(const char *p)
{
    const quint64 x = qFromLittleEndian(ByteWords::load8(p));
    constexpr quint64 ones = 0x0101010101010101ULL;
    // A byte is a digit when its high nibble is 3 and its low one at most 9; no sum carries
    // from one byte into the next.
    const quint64 wrong = ((x & (ones * 0xf0)) ^ (ones * 0x30)) | (((x & (ones * 0x0f)) + ones * 6) & (ones * 0xf0));
    const quint64 nonZero = (((wrong & (ones * 0x7f)) + ones * 0x7f) | wrong) & (ones * 0x80);
    return nonZero ? __builtin_ctzll(nonZero) / 8 : 8;
}

// The end of the JSON integer without sign at p: no leading zero, at most 18 digits (so that it
// neither overflows nor needs simdjson's rules for big numbers); null otherwise. A fraction or
// exponent after it fails the comparison with the text that follows. Its value, if asked.
const char *digitsEnd(const char *p, const char *end, qint64 *value = nullptr)
{
    int n = leadingDigits(p); // the padding makes 8 bytes readable
    if (n == 8)
        n += leadingDigits(p + 8);
    if (n > 8)
        n += leadingDigits(p + 16);
    const char *q = p + n;
    if (n == 0 || n > 18 || q > end || (*p == '0' && n > 1))
        return nullptr;
    if (value) {
        quint64 v = 0;
        for (const char *d = p; d < q; ++d)
            v = v * 10 + unsigned(*d - '0');
        *value = qint64(v);
    }
    return q;
}

// line[0, n) == literal[0, n); both have at least 15 readable bytes behind (the line's padding,
// the layout's own).
bool sameText(const char *line, const char *literal, quint32 n)
{
#if defined(__SSE2__)
    quint32 i = 0;
    for (; i + 16 <= n; i += 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(line + i));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(literal + i));
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(a, b)) != 0xffff)
            return false;
    }
    if (i == n)
        return true;
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(line + i));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(literal + i));
    const unsigned wanted = (1u << (n - i)) - 1;
    return (unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(a, b))) & wanted) == wanted;
#else
    return ByteWords::same(line, literal, n);
#endif
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

} // namespace

bool LineShapes::slotOf(std::string_view key, int depth, char valueStart, Slot *slot)
{
    const bool text = valueStart == '"';
    const bool number = valueStart == '-' || (valueStart >= '0' && valueStart <= '9');
    const bool boolean = valueStart == 't' || valueStart == 'f';
    const auto pick = [slot](bool ok, Slot s) {
        *slot = s;
        return ok;
    };
    if (depth == 1) {
        if (key == "seq")
            return pick(number, Slot::Seq);
        if (key == "workflowId")
            return pick(text, Slot::WorkflowId);
        if (key == "executionId")
            return pick(text, Slot::ExecutionId);
        return false;
    }
    if (depth != 2)
        return false;
    if (key == "timestamp" || key == "startedAt" || key == "completedAt")
        return pick(text || number, text ? Slot::TimeText : Slot::TimeNumber);
    if (key == "fromState")
        return pick(text, Slot::From);
    if (key == "toState")
        return pick(text, Slot::To);
    if (key == "transitionType")
        return pick(text, Slot::TransitionType);
    if (key == "stateName")
        return pick(text, Slot::StateName);
    if (key == "checkpointId")
        return pick(text, Slot::CheckpointId);
    if (key == "checkpointType")
        return pick(text, Slot::CheckpointType);
    if (key == "transitionId" || key == "stateType" || key == "checksum")
        return pick(text, Slot::Ignored);
    if (key == "durationMs")
        return pick(number, Slot::Duration);
    if (key == "sizeBytes")
        return pick(number, Slot::Size);
    if (key == "recoverable")
        return pick(boolean, Slot::Recoverable);
    return false;
}

void LineShapes::learn(const char *line, qsizetype size, const Members &m)
{
    const int index = shapeIndex(m.type);
    if (!m.noEscapes || index < 0)
        return;
    // readEvent has taken the line: it is one object of known members, `type` before `payload`,
    // strings without escapes. What is left to find is where each value starts and ends.
    const char *end = lastNonBlank(line, line + size, false);
    Shape shape;
    shape.type = m.type;
    shape.seen = m.seen;
    const char *literal = line; // where the text before the next value starts
    std::string_view key;
    int depth = 0;
    const auto addStep = [&](const char *valueStart, Slot slot) {
        shape.steps.push_back({quint32(shape.text.size()), quint32(valueStart - literal), slot});
        shape.text.append(literal, size_t(valueStart - literal));
    };
    for (const char *p = line; p < end;) {
        const char c = *p;
        if (c == '"') {
            const auto *close = static_cast<const char *>(std::memchr(p + 1, '"', size_t(end - p - 1)));
            if (!close)
                return;
            const char *after = close + 1;
            while (after < end && isBlank(*after))
                ++after;
            if (after < end && *after == ':') {
                key = std::string_view(p + 1, size_t(close - p - 1));
                p = after + 1;
                continue;
            }
            if (depth == 1 && key == "type") { // the kind of event stays in the text
                p = close + 1;
                continue;
            }
            Slot slot;
            if (!slotOf(key, depth, c, &slot))
                return;
            addStep(p + 1, slot);
            literal = p = close; // the closing quote starts the next text
            ++p;
            continue;
        }
        if (c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f') {
            Slot slot;
            if (!slotOf(key, depth, c, &slot))
                return;
            addStep(p, slot);
            while (p < end && *p != ',' && *p != '}' && *p != ']' && !isBlank(*p))
                ++p;
            literal = p;
            continue;
        }
        if (static_cast<unsigned char>(c) >= 0x80 || c == '[' || c == 'n')
            return;
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        ++p;
    }
    shape.tailBegin = quint32(shape.text.size());
    shape.tailSize = quint32(end - literal);
    shape.text.append(literal, size_t(end - literal));
    shape.text.append(16, '\0'); // for sameText's loads past the end
    m_shapes[size_t(index)] = std::move(shape);
}

bool LineShapes::read(const char *line, qsizetype size, Members &m)
{
    const char *end = line + size;
    for (size_t i = 0; i < m_shapes.size(); ++i) {
        const size_t index = (m_last + i) % m_shapes.size();
        const Shape &shape = m_shapes[index];
        if (shape.type == FeedEventType::Heartbeat)
            continue;
        if (readShape(shape, line, end, m)) {
            m_last = index;
            return true;
        }
    }
    return false;
}

bool LineShapes::readShape(const Shape &shape, const char *p, const char *end, Members &m)
{
    const char *text = shape.text.data();
    m.type = shape.type;
    m.seen = shape.seen;
    // The optional members as readEvent leaves them when absent (the required ones are in every
    // layout of their kind); one by one: a whole new Members is copied through the stack.
    m.stateName = {};
    m.checkpointType = {};
    m.sizeBytes = -1;
    m.recoverable = true;
    for (const Step &step : shape.steps) {
        if (end - p < qsizetype(step.literalSize) || !sameText(p, text + step.literalBegin, step.literalSize))
            return false;
        p += step.literalSize;
        qint64 number = 0;
        switch (step.slot) {
        case Slot::Seq:
        case Slot::Duration:
            if (!(p = digitsEnd(p, end)))
                return false;
            continue;
        case Slot::Size:
            if (!(p = digitsEnd(p, end, &number)))
                return false;
            m.sizeBytes = number;
            continue;
        case Slot::TimeNumber: {
            const bool negative = *p == '-'; // the padding makes *p readable
            if (!(p = digitsEnd(p + negative, end, &number)) || (negative ? -number : number) == kUnknownTime)
                return false;
            m.time = negative ? -number : number;
            continue;
        }
        case Slot::Recoverable:
            if (end - p >= 4 && ByteWords::same(p, "true", 4)) {
                m.recoverable = true;
                p += 4;
            } else if (end - p >= 5 && ByteWords::same(p, "false", 5)) {
                m.recoverable = false;
                p += 5;
            } else {
                return false;
            }
            continue;
        default:
            break;
        }
        const char *close = stringEnd(p, end);
        if (!close)
            return false;
        const std::string_view value(p, size_t(close - p));
        p = close; // the closing quote starts the next text
        switch (step.slot) {
        case Slot::WorkflowId:
            m.workflowId = value;
            break;
        case Slot::ExecutionId:
            m.executionId = value;
            m.ingestor->prefetchExecution(view(value), m.type == FeedEventType::ExecutionStarted);
            break;
        case Slot::From:
            m.from = value;
            break;
        case Slot::To:
            m.to = value;
            break;
        case Slot::TransitionType:
            m.transitionType = value;
            break;
        case Slot::StateName:
            m.stateName = value;
            break;
        case Slot::CheckpointId:
            m.checkpointId = value;
            m.ingestor->prefetchCheckpoint(view(value));
            break;
        case Slot::CheckpointType:
            m.checkpointType = value;
            break;
        case Slot::TimeText:
            if (!TimeUtil::parse(view(value), &m.time))
                return false;
            break;
        default:
            break;
        }
    }
    const quint32 tail = shape.tailSize;
    if (size_t(end - p) < tail || !sameText(p, text + shape.tailBegin, tail))
        return false;
    return lastNonBlank(p + tail, end, false) == p + tail;
}

} // namespace StateScope::FastJson
