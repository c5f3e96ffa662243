// Benchmark for StateScope::FeedParser (BARS P1) and JsonLinesReader (BARS P4) on realistic
// transition events: the same 100,000 events as 1-event frames, as 100-event frames, and as a
// JSONL log. Prints one JSON line per figure, the median of 7 runs.

#include "benchstats.h"
#include "feedeventjson.h"
#include "feedparser.h"
#include "jsonlinesreader.h"

#include <QBuffer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

namespace {

using StateScope::Bench::median;

using namespace StateScope;

constexpr int kEvents = 100000;
constexpr int kRuns = 7;

QByteArray uuid(std::mt19937_64 &rng)
{
    const quint64 a = rng(), b = rng();
    char text[40];
    std::snprintf(text, sizeof text, "%08x-%04x-4%03x-a%03x-%012llx", unsigned(a >> 32), unsigned(a >> 16) & 0xffff,
                  unsigned(a) & 0xfff, unsigned(b >> 52) & 0xfff,
                  static_cast<unsigned long long>(b & 0xffffffffffffULL));
    return QByteArray(text);
}

// Events as an engine would send them: ~300 bytes, uuids, RFC 3339 times with milliseconds.
std::vector<FeedEvent> makeEvents()
{
    static const char *const states[]
        = {"Received",  "ValidateOrder",  "CheckFraud",    "ReserveInventory", "ChargePayment", "PackItems",
           "ShipOrder", "NotifyCustomer", "AwaitDelivery", "Completed",        "Failed",        "ManualReview"};
    std::mt19937_64 rng(20260101);
    std::vector<QByteArray> executions;
    for (int i = 0; i < 2000; ++i)
        executions.push_back(uuid(rng));
    std::vector<FeedEvent> events;
    events.reserve(kEvents);
    TimeMs time = 1767225600000LL;
    for (int i = 0; i < kEvents; ++i) {
        FeedEvent e;
        e.type = FeedEventType::Transition;
        e.hasSeq = true;
        e.seq = quint64(i) + 1;
        e.workflowId = "wf-order-processing-" + QByteArray::number(int(rng() % 20));
        e.executionId = executions[rng() % executions.size()];
        e.transitionId = uuid(rng);
        const int from = int(rng() % 11);
        e.fromState = states[from];
        e.toState = states[from + 1];
        e.transitionType = rng() % 10 == 0 ? TransitionType::Retry : TransitionType::Normal;
        time += TimeMs(rng() % 50);
        e.time = time;
        e.durationMs = qint64(rng() % 5000);
        e.stateType = "task";
        events.push_back(std::move(e));
    }
    return events;
}

std::vector<QByteArray> frames(const std::vector<FeedEvent> &events, int perFrame)
{
    std::vector<QByteArray> out;
    for (size_t i = 0; i < events.size(); i += size_t(perFrame)) {
        QByteArray frame;
        if (perFrame > 1)
            frame += '[';
        for (size_t j = i; j < std::min(events.size(), i + size_t(perFrame)); ++j) {
            if (j > i)
                frame += ',';
            appendFeedEventJson(events[j], frame);
        }
        if (perFrame > 1)
            frame += ']';
        out.push_back(frame);
    }
    return out;
}

// Nanoseconds per event: parsed into a batch that is handed on (cleared) every 1024 events.
double nsPerEvent(const std::vector<QByteArray> &input)
{
    std::vector<double> runs;
    FeedParser parser;
    std::vector<FeedEvent> batch;
    batch.reserve(1024 + 100);
    for (int r = 0; r < kRuns; ++r) {
        qint64 parsed = 0;
        const auto start = std::chrono::steady_clock::now();
        for (const QByteArray &frame : input) {
            parsed += parser.parseFrame(frame, batch);
            if (batch.size() >= 1024)
                batch.clear();
        }
        batch.clear();
        const auto stop = std::chrono::steady_clock::now();
        if (parsed != kEvents || parser.problems().total() != 0)
            std::fprintf(stderr, "warning: parsed %lld events, %llu problems\n", static_cast<long long>(parsed),
                         static_cast<unsigned long long>(parser.problems().total()));
        runs.push_back(std::chrono::duration<double, std::nano>(stop - start).count() / kEvents);
    }
    return median(runs);
}

double jsonlMegabytesPerSecond(const QByteArray &log)
{
    std::vector<double> runs;
    JsonLinesReader reader;
    for (int r = 0; r < kRuns; ++r) {
        QBuffer buffer;
        buffer.setData(log);
        buffer.open(QIODevice::ReadOnly);
        LoadResult result;
        qint64 events = 0;
        const auto start = std::chrono::steady_clock::now();
        reader.read(
            &buffer, QStringLiteral("bench"),
            [&events](std::vector<FeedEvent> &batch) {
                events += qint64(batch.size());
                return true;
            },
            &result);
        const auto stop = std::chrono::steady_clock::now();
        if (events != kEvents || result.issueCount != 0)
            std::fprintf(stderr, "warning: read %lld events, %llu issues\n", static_cast<long long>(events),
                         static_cast<unsigned long long>(result.issueCount));
        runs.push_back(double(log.size()) / 1e6 / std::chrono::duration<double>(stop - start).count());
    }
    return median(runs);
}

void report(const char *metric, double value, const char *unit)
{
    std::printf("{\"metric\":\"%s\",\"value\":%.3f,\"unit\":\"%s\",\"peer\":null,\"peerValue\":null,\"ratio\":null}\n",
                metric, value, unit);
}

} // namespace

int main()
{
    const std::vector<FeedEvent> events = makeEvents();
    const std::vector<QByteArray> single = frames(events, 1);
    const std::vector<QByteArray> hundred = frames(events, 100);
    QByteArray log;
    for (const QByteArray &frame : single)
        log += frame + '\n';
    std::fprintf(stderr, "%d events, %.1f bytes per event\n", kEvents, double(log.size()) / kEvents);
    report("feedparser_ns_per_event_1", nsPerEvent(single), "ns");
    report("feedparser_ns_per_event_100", nsPerEvent(hundred), "ns");
    report("jsonl_read_mb_per_s", jsonlMegabytesPerSecond(log), "MB/s");
    return 0;
}
