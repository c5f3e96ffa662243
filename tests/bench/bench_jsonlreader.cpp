// BARS P4 (JSONL): parse + ingest of a ~500 MB JSONL event log, the path `statescope analyze
// log.jsonl` takes (loadJsonLinesSource: JsonLinesReader, JsonLinesFastPath for the common events,
// FeedParser + FeedIngestor for the rest, EventStore).
//
//   bench_jsonlreader [--file PATH] [--mb N] [--runs N] [--load-only]
//
// Generates the file once (default /tmp/statescope-bench/events.jsonl): what `statescope
// simulate` publishes, one statescope-feed/1 event per line with the server's seq first —
// executions of the order-processing machine (execution_started, transitions, a checkpoint
// after ~30 % of them, execution_completed/failed), ~2,000 in flight at a time, a consistency
// sample per workflow each simulated second with its replication-lag alerts. Prints one JSON
// line per figure (medians of --runs, the file warm in the page cache; cpu_seconds is the
// process's user + sys time during the run, steadier than wall time on a shared machine):
//   {"bench":"jsonl_load",...}            the product's path: the P4 figure
//   {"bench":"jsonl_load_feedparser",...} the same with every line through FeedParser (the fast path off)
//   {"bench":"jsonl_parse",...}           JsonLinesReader + FeedParser into FeedEvents only (the live feed's parser)

#include "benchstats.h"
#include "eventstore.h"
#include "feedeventjson.h"
#include "jsonlinesreader.h"
#include "machinemodel.h"
#include "storeloader.h"
#include "uuidgenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace StateScope;

namespace {

using StateScope::Bench::cpuSeconds;
using StateScope::Bench::median;

class Generator
{
public:
    explicit Generator(QFile &file)
        : m_file(file)
        , m_machine(MachineModel::orderProcessing())
        , m_gen(20260102)
    {
        for (int w = 0; w < 3; ++w)
            m_workflows.push_back(m_gen.uuid());
        m_open.resize(2000);
        for (Open &o : m_open)
            start(o);
    }

    bool run(qint64 targetBytes)
    {
        while (m_written + m_out.size() < targetBytes) {
            m_time += TimeMs(m_gen.uniform() * 2.5);
            if (m_time >= m_nextSample)
                sampleConsistency();
            Open &o = m_open[size_t(m_gen.rng()() % m_open.size())];
            advance(o);
            if (m_out.size() > (1 << 22) && !flush())
                return false;
        }
        return flush();
    }

private:
    struct Open
    {
        QByteArray id;
        int workflow = 0;
        int state = 0;
        TimeMs enteredAt = 0;
    };

    void publish(const FeedEvent &event)
    {
        // As FeedServer::publishSerialized: the seq goes first.
        m_line.clear();
        appendFeedEventJson(event, m_line);
        m_out += "{\"seq\":";
        m_out += QByteArray::number(++m_seq);
        m_out += ',';
        m_out.append(m_line.constData() + 1, m_line.size() - 1);
        m_out += '\n';
    }

    void start(Open &o)
    {
        o.id = m_gen.uuid();
        o.workflow = int(m_started++ % m_workflows.size());
        o.state = m_machine.initial;
        o.enteredAt = m_time;
        FeedEvent e;
        e.type = FeedEventType::ExecutionStarted;
        e.workflowId = m_workflows[size_t(o.workflow)];
        e.executionId = o.id;
        e.stateName = m_machine.states[size_t(o.state)].name;
        e.time = m_time;
        publish(e);
    }

    void advance(Open &o)
    {
        const int from = o.state;
        const int to = m_machine.next(from, m_gen.rng());
        FeedEvent t;
        t.type = FeedEventType::Transition;
        t.workflowId = m_workflows[size_t(o.workflow)];
        t.executionId = o.id;
        t.transitionId = "tr-" + QByteArray::number(++m_transitions);
        t.fromState = m_machine.states[size_t(from)].name;
        t.toState = m_machine.states[size_t(to)].name;
        t.transitionType = m_machine.moveType(from, to);
        t.time = m_time;
        t.durationMs = m_time - o.enteredAt;
        t.stateType = m_machine.states[size_t(to)].type;
        publish(t);
        o.state = to;
        o.enteredAt = m_time;
        const MachineModel::State &state = m_machine.states[size_t(to)];
        if (state.terminal) {
            FeedEvent done;
            done.type = state.type == "succeed" ? FeedEventType::ExecutionCompleted : FeedEventType::ExecutionFailed;
            done.workflowId = t.workflowId;
            done.executionId = o.id;
            done.stateName = state.name;
            done.time = m_time;
            publish(done);
            start(o);
            return;
        }
        if (m_gen.uniform() < 0.3) {
            FeedEvent c;
            c.type = FeedEventType::CheckpointCreated;
            c.workflowId = t.workflowId;
            c.executionId = o.id;
            c.checkpointId = m_gen.uuid();
            c.checkpointType = "automatic";
            c.time = m_time;
            c.stateName = state.name;
            c.sizeBytes = 280 + qint64(m_gen.rng()() % 60);
            c.checksum = QByteArray::number(qulonglong(m_gen.rng()()), 16).rightJustified(16, '0').repeated(4);
            c.recoverable = m_gen.uniform() > 0.05;
            publish(c);
        }
    }

    void sampleConsistency()
    {
        m_nextSample = m_time + 1000;
        for (size_t w = 0; w < m_workflows.size(); ++w) {
            FeedEvent e;
            e.type = FeedEventType::Consistency;
            e.workflowId = m_workflows[w];
            e.time = m_time;
            ConsistencySample &s = e.consistency;
            s.level = QStringLiteral("strong");
            s.replicationFactor = 3;
            s.quorumSize = 2;
            const bool spike = m_gen.uniform() < 0.08;
            for (int n = 0; n < 3; ++n) {
                ReplicaNode node;
                node.nodeId = QStringLiteral("node-%1").arg(n + 1);
                node.lagMs = std::round(spike && n == 2 ? 1500 + m_gen.exponential(1000) : m_gen.exponential(120));
                node.pendingChanges = qint64(node.lagMs / 100);
                node.inSync = node.lagMs < 1000;
                s.nodes.push_back(node);
            }
            if (spike) {
                s.conflicts = 1;
                s.divergence.append(QStringLiteral("node-3 variables.amount"));
            }
            publish(e);
            if (spike != m_alertRaised[w]) {
                m_alertRaised[w] = spike;
                FeedEvent alert;
                alert.type = spike ? FeedEventType::AlertTriggered : FeedEventType::AlertResolved;
                alert.workflowId = m_workflows[w];
                alert.alertId = "replication-lag-" + QByteArray::number(qulonglong(w));
                alert.severity = "warning";
                alert.title = "Replication lag over 1 s";
                alert.description = "a replica of the workflow is behind";
                alert.time = m_time;
                publish(alert);
            }
        }
    }

    bool flush()
    {
        const qint64 n = m_file.write(m_out);
        if (n != m_out.size())
            return false;
        m_written += n;
        m_out.clear();
        return true;
    }

    QFile &m_file;
    MachineModel m_machine;
    UuidGenerator m_gen;
    std::vector<QByteArray> m_workflows;
    std::vector<Open> m_open;
    bool m_alertRaised[3] = {};
    TimeMs m_time = 1767225600000LL;
    TimeMs m_nextSample = 0;
    quint64 m_seq = 0;
    quint64 m_started = 0;
    quint64 m_transitions = 0;
    qint64 m_written = 0;
    QByteArray m_out;
    QByteArray m_line;
};

bool generate(const QString &path, qint64 targetBytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path + QStringLiteral(".part"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    Generator generator(file);
    if (!generator.run(targetBytes))
        return false;
    file.close();
    QFile::remove(path);
    return file.rename(path);
}

struct Timed
{
    std::vector<double> wall, cpu;
    void print(const char *name, double mb, const char *countName, qint64 count) const
    {
        const double seconds = median(wall);
        std::printf("{\"bench\":\"%s\",\"mb\":%.1f,\"seconds\":%.3f,\"mb_per_s\":%.1f,\"cpu_seconds\":%.3f,"
                    "\"cpu_mb_per_s\":%.1f,\"%s\":%lld}\n",
                    name, mb, seconds, mb / seconds, median(cpu), mb / median(cpu), countName, qlonglong(count));
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("file"), QStringLiteral("JSONL file (generated if missing)"), QStringLiteral("path"),
                      QStringLiteral("/tmp/statescope-bench/events.jsonl")});
    parser.addOption(
        {QStringLiteral("mb"), QStringLiteral("size to generate"), QStringLiteral("MB"), QStringLiteral("500")});
    parser.addOption(
        {QStringLiteral("runs"), QStringLiteral("runs (median)"), QStringLiteral("n"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("load-only"), QStringLiteral("jsonl_load only (for profiling)")});
    parser.process(app);
    const bool loadOnly = parser.isSet(QStringLiteral("load-only"));
    const QString path = parser.value(QStringLiteral("file"));
    if (!QFileInfo::exists(path)) {
        std::fprintf(stderr, "generating %s\n", qPrintable(path));
        if (!generate(path, parser.value(QStringLiteral("mb")).toLongLong() * 1000 * 1000)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
    }
    const double mb = double(QFileInfo(path).size()) / 1e6;
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    Timed parse, load, loadFeedParser;
    qint64 events = 0;
    quint32 transitions = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        if (!loadOnly) {
            timer.start();
            double cpu = cpuSeconds();
            JsonLinesReader reader;
            LoadResult parsed;
            qint64 count = 0;
            if (!reader.read(
                    path, [&count](std::vector<FeedEvent> &batch) { count += qint64(batch.size()); return true; },
                    &parsed)) {
                std::fprintf(stderr, "%s\n", qPrintable(parsed.error));
                return 1;
            }
            parse.wall.push_back(double(timer.nsecsElapsed()) / 1e9);
            parse.cpu.push_back(cpuSeconds() - cpu);
            events = count;
        }
        for (const bool fastPath : {true, false}) {
            if (loadOnly && !fastPath)
                continue;
            Timed &timed = fastPath ? load : loadFeedParser;
            timer.start();
            const double cpu = cpuSeconds();
            LoadResult result;
            JsonLinesLoadOptions options;
            options.fastPath = fastPath;
            const auto store = loadJsonLinesSource(path, &result, {}, nullptr, options);
            if (!store) {
                std::fprintf(stderr, "%s\n", qPrintable(result.error));
                return 1;
            }
            timed.wall.push_back(double(timer.nsecsElapsed()) / 1e9);
            timed.cpu.push_back(cpuSeconds() - cpu);
            if (fastPath)
                transitions = store->transitionCount();
            else if (store->transitionCount() != transitions) {
                std::fprintf(stderr, "the two paths disagree: %u against %u transitions\n", store->transitionCount(),
                             transitions);
                return 1;
            }
            if (run == 0)
                std::fprintf(stderr,
                             "%s: %u executions, %u transitions, %zu checkpoints, %zu consistency samples, "
                             "%llu issues, store %.1f MB\n",
                             fastPath ? "fast path" : "FeedParser", store->executionCount(), store->transitionCount(),
                             store->checkpoints().size(), store->consistency().size(), qulonglong(result.issueCount),
                             double(store->memoryBytes()) / 1e6);
        }
    }
    load.print("jsonl_load", mb, "transitions", transitions);
    if (!loadOnly) {
        loadFeedParser.print("jsonl_load_feedparser", mb, "transitions", transitions);
        parse.print("jsonl_parse", mb, "events", events);
    }
    return 0;
}
