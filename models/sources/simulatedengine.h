#pragma once

#include "feedevent.h"
#include "machinemodel.h"
#include "uuidgenerator.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <deque>
#include <memory>
#include <queue>
#include <vector>

class QTimer;

namespace StateScope {

class FeedLog;
class FeedServer;
class SqlConnection;
class StateDatabaseWriter;

struct SimulationOptions
{
    double eventsPerSecond = 200;  // all event types together, approximately
    quint64 executions = 0;        // stop starting executions after this many (0 = no limit)
    double dwellScale = 1.0;       // multiplies the machine's mean dwell times
    double failureScale = 1.0;     // multiplies the probability of error moves
    double checkpointShare = 0.3;  // chance of a checkpoint after a transition
    int workflows = 3;
    int replicaNodes = 3;
    int consistencyIntervalMs = 1000;
    // Rows are committed this often; 0 = at the end of every tick, before the server sends
    // that tick's frames, so the database always holds what any client was sent (a gap a
    // client cannot resume can then be filled from it).
    int databaseFlushMs = 0;
    quint64 seed = 42;
    int keepFinishedExecutions = 50000; // finished executions kept for recovery requests
};

// The answer to a recovery request (SPEC 5.4), as the engine's REST endpoint returns it.
struct EngineRecoveryResult
{
    int httpStatus = 200; // 200 done; 400 bad request; 404 unknown execution/checkpoint; 409 stale version; 422 refused
    QByteArray recoveryId;
    QByteArray error;
    qint64 stateVersion = -1;
    QByteArray toState;
};

struct SimulationStats
{
    quint64 events = 0;
    quint64 executionsStarted = 0;
    quint64 executionsFinished = 0;
    quint64 transitions = 0;
    quint64 checkpoints = 0;
    quint64 recoveries = 0;
    quint64 databaseErrors = 0;
};

// A headless workflow engine: runs executions of a state machine in real time (scaled dwell
// times), publishes every step as statescope-feed/1 events on a FeedServer, writes the same
// facts to a SPEC 2.1 database, creates checkpoints with valid checksums (SPEC 5), samples a
// simulated replica set, and applies recovery requests. Runs on the thread it lives on; a
// 10 ms tick drives it. The demo's engine and the tests' engine.
class SimulatedEngine final : public QObject
{
    Q_OBJECT
public:
    SimulatedEngine(MachineModel machine, SimulationOptions options, QObject *parent = nullptr);
    ~SimulatedEngine() override;

    void setFeedServer(FeedServer *server) { m_server = server; }
    // Every published event is also appended here and committed at the end of each tick,
    // before the server sends that tick's frames (a durable resume buffer for restarts).
    void setFeedLog(FeedLog *log) { m_log = log; }
    // Writes to this database (its schema must exist); false with error if statements fail.
    bool setDatabase(SqlConnection *connection, QString *error);
    // An upper bound on the seqs of every event an engine like this one sent while it wrote this
    // database, from the rows it left (each event sent has its row committed first). A restart
    // without a feed log does not know its last seq: numbering past this bound keeps seqs
    // strictly increasing over the whole feed (SPEC 4), so no resume is answered with other events.
    static bool seqsUsedBound(SqlConnection &connection, quint64 *bound, QString *error);

    void start();
    void stop(); // commits what is pending
    const SimulationStats &stats() const { return m_stats; }
    EngineRecoveryResult recover(QByteArrayView workflowId, QByteArrayView executionId, QByteArrayView checkpointId,
                                 QByteArrayView reason, QByteArrayView actor, qint64 expectedStateVersion);

signals:
    void allFinished(); // the execution limit was reached and every execution ended
    void errorOccurred(const QString &message);

private:
    struct Checkpoint
    {
        QByteArray id;
        int state = 0;
        TimeMs at = kUnknownTime;
        QByteArray snapshot;
        QByteArray variables;
        bool recoverable = true;
        quint32 transitionsBefore = 0;
    };
    struct Execution
    {
        QByteArray id;
        QByteArray rowId;
        int workflow = 0;
        int state = 0;
        TimeMs enteredAt = kUnknownTime;
        qint64 version = 1;
        quint32 transitions = 0;
        quint32 events = 0;
        bool finished = false;
        quint64 generation = 0; // bumps on recovery: stale queue entries are skipped
        std::vector<Checkpoint> checkpoints;
    };
    struct Due
    {
        TimeMs at;
        quint32 execution;
        quint64 generation;
        bool operator>(const Due &o) const { return at > o.at; }
    };

    void tick();
    void startExecution(TimeMs now);
    void advance(quint32 index, TimeMs now);
    void schedule(quint32 index, TimeMs now);
    void finish(Execution &e, TimeMs now);
    void createCheckpoint(Execution &e, TimeMs now);
    void sampleConsistency(TimeMs now);
    void publish(FeedEvent &event, Execution *execution);
    void flushDatabase();
    void commitFeedLog();
    void dbCheck(bool ok);
    QByteArray variablesOf(const Execution &e) const;
    QByteArray snapshotOf(const Execution &e) const;
    void forgetOldExecutions();

    MachineModel m_machine;
    SimulationOptions m_options;
    UuidGenerator m_gen;
    FeedServer *m_server = nullptr;
    FeedLog *m_log = nullptr;
    int m_ticksSinceTrim = 0;
    SqlConnection *m_db = nullptr;
    std::unique_ptr<StateDatabaseWriter> m_writer;
    bool m_inTransaction = false;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    TimeMs m_lastTick = kUnknownTime;
    TimeMs m_lastFlush = kUnknownTime;
    TimeMs m_lastConsistency = kUnknownTime;
    double m_startCarry = 0;
    double m_eventsPerExecution = 6; // learnt from finished executions
    // Executions by a global index; the front ones, finished long ago, are forgotten as the
    // engine runs (m_firstKept is the global index of the deque's front).
    std::deque<Execution> m_executions;
    quint32 m_firstKept = 0;
    Execution *executionAt(quint32 index);
    QHash<QByteArray, quint32> m_byId;
    std::priority_queue<Due, std::vector<Due>, std::greater<Due>> m_due;
    std::vector<QByteArray> m_workflowIds;
    std::vector<bool> m_alertRaised;
    quint64 m_transitionSerial = 0;
    quint64 m_active = 0;
    SimulationStats m_stats;
};

} // namespace StateScope
