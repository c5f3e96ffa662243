#include "sampledatabase.h"

#include "checksum.h"
#include "sqlconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <random>

namespace StateScope {

namespace {

struct MachineState
{
    const char *name;
    const char *type;
    double meanDwellMs;
};

struct MachineMove
{
    int from;
    int to;
    double probability;
    const char *event;
};

enum { Queued, Validating, Preparing, Processing, Retrying, WaitingApproval, Completed, Failed, Cancelled, StateCount };

constexpr MachineState kStates[StateCount] = {
    {"queued", "start", 2000},         {"validating", "task", 600},   {"preparing", "task", 1500},
    {"processing", "task", 8000},      {"retrying", "wait", 3000},    {"waiting_approval", "wait", 45000},
    {"completed", "succeed", 0},       {"failed", "fail", 0},         {"cancelled", "fail", 0},
};

constexpr MachineMove kMoves[] = {
    {Queued, Validating, 0.97, "dequeue"},          {Queued, Cancelled, 0.03, "cancel"},
    {Validating, Preparing, 0.90, "valid"},         {Validating, Failed, 0.10, "validation_error"},
    {Preparing, Processing, 1.00, "prepared"},
    {Processing, Completed, 0.70, "done"},          {Processing, Retrying, 0.12, "transient_error"},
    {Processing, WaitingApproval, 0.10, "needs_approval"}, {Processing, Failed, 0.08, "fatal_error"},
    {Retrying, Processing, 1.00, "retry"},
    {WaitingApproval, Processing, 0.85, "approved"}, {WaitingApproval, Cancelled, 0.15, "rejected"},
};

bool isTerminal(int s)
{
    return s == Completed || s == Failed || s == Cancelled;
}

const char *moveType(int from, int to)
{
    if (to == Failed)
        return "error";
    if (to == Retrying || from == Retrying)
        return "retry";
    return "normal";
}

class Generator
{
public:
    explicit Generator(quint64 seed) : m_rng(seed) {}
    double uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(m_rng); }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
    QByteArray uuid()
    {
        const quint64 a = m_rng(), b = m_rng();
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%08x-%04x-4%03x-%04x-%012llx", unsigned(a >> 32), unsigned((a >> 16) & 0xffff),
                      unsigned(a & 0xfff), unsigned(0x8000 | ((b >> 48) & 0x3fff)),
                      static_cast<unsigned long long>(b & 0xffffffffffffULL));
        return QByteArray(buffer);
    }
    int next(int from, double invalidShare)
    {
        if (from == Retrying && uniform() < invalidShare)
            return Completed; // a move the definition does not allow: conformance finds it
        double u = uniform();
        for (const MachineMove &m : kMoves) {
            if (m.from != from)
                continue;
            if (u < m.probability)
                return m.to;
            u -= m.probability;
        }
        for (const MachineMove &m : kMoves) { // rounding: take the last move of the state
            if (m.from == from)
                from = m.to;
        }
        return from;
    }
    std::mt19937_64 &rng() { return m_rng; }

private:
    std::mt19937_64 m_rng;
};

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

struct Statements
{
    std::unique_ptr<SqlStatement> workflow, machine, execution, state, transition, checkpoint, recovery, consistency;
};

bool prepareAll(SqlConnection &c, Statements *s, QString *error)
{
    s->workflow = c.prepare("INSERT INTO workflows (id, name, state_machine_id, created_at) VALUES ($1, $2, $3, $4)", error);
    s->machine = c.prepare("INSERT INTO state_machines (id, name, version, definition, states, transitions, initial_state, "
                           "final_states) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", error);
    s->execution = c.prepare("INSERT INTO workflow_executions (id, workflow_id, status, started_at, completed_at) "
                             "VALUES ($1, $2, $3, $4, $5)", error);
    s->state = c.prepare("INSERT INTO workflow_states (id, workflow_id, execution_id, state_version, current_state, variables, "
                         "persistence, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", error);
    s->transition = c.prepare("INSERT INTO state_transitions (id, workflow_state_id, transition_id, from_state, to_state, "
                              "transition_type, timestamp, duration_ms, trigger, created_at) "
                              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $7)", error);
    s->checkpoint = c.prepare("INSERT INTO state_checkpoints (id, workflow_state_id, checkpoint_type, timestamp, state_snapshot, "
                              "variables, storage_location, size_bytes, checksum, recoverable) "
                              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", error);
    s->recovery = c.prepare("INSERT INTO state_recovery_log (id, workflow_state_id, recovery_time, recovery_type, "
                            "from_checkpoint, to_state, recovery_duration_ms, data_loss, success, error_details) "
                            "VALUES ($1, $2, $3, 'checkpoint', $4, $5, $6, $7, $8, $9)", error);
    s->consistency = c.prepare("INSERT INTO state_consistency (id, workflow_id, consistency_level, consensus_protocol, "
                               "replication_factor, quorum_size, conflict_resolution, synchronization, divergence, "
                               "last_consensus, created_at, updated_at) VALUES ($1, $2, 'strong', 'raft', 3, 2, $3, $4, $5, $6, $6, $6)",
                               error);
    return s->workflow && s->machine && s->execution && s->state && s->transition && s->checkpoint && s->recovery && s->consistency;
}

bool run(SqlStatement &q, QString *error)
{
    const bool ok = q.exec();
    if (!ok)
        *error = q.error();
    q.reset();
    return ok;
}

} // namespace

QByteArray sampleDefinitionJson()
{
    QJsonArray states, transitions;
    for (const MachineState &s : kStates)
        states.append(QJsonObject{{QStringLiteral("name"), QLatin1String(s.name)}, {QStringLiteral("type"), QLatin1String(s.type)}});
    int id = 0;
    for (const MachineMove &m : kMoves) {
        transitions.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("t%1").arg(++id)},
                                       {QStringLiteral("source"), QLatin1String(kStates[m.from].name)},
                                       {QStringLiteral("target"), QLatin1String(kStates[m.to].name)},
                                       {QStringLiteral("event"), QLatin1String(m.event)},
                                       {QStringLiteral("priority"), 0}});
    }
    return json(QJsonObject{{QStringLiteral("name"), QStringLiteral("order-processing")},
                            {QStringLiteral("version"), QStringLiteral("1.0")},
                            {QStringLiteral("states"), states},
                            {QStringLiteral("transitions"), transitions},
                            {QStringLiteral("initial_state"), QStringLiteral("queued")},
                            {QStringLiteral("final_states"), QJsonArray{QStringLiteral("completed"), QStringLiteral("failed"),
                                                                        QStringLiteral("cancelled")}}});
}

SampleDatabaseSummary writeSampleDatabase(SqlConnection &connection, const SampleDatabaseOptions &options)
{
    SampleDatabaseSummary summary;
    Statements q;
    if (!prepareAll(connection, &q, &summary.error))
        return summary;
    if (!connection.begin(&summary.error))
        return summary;
    auto failed = [&connection, &summary] {
        connection.rollback();
        return summary;
    };

    Generator gen(options.seed);
    const TimeMs span = TimeMs(options.spanDays) * 86400000;
    const TimeMs start = options.end - span;
    const QByteArray machineId = gen.uuid();
    const QJsonObject definition = QJsonDocument::fromJson(sampleDefinitionJson()).object();
    q.machine->bindText(1, machineId);
    q.machine->bindText(2, "order-processing");
    q.machine->bindText(3, "1.0");
    q.machine->bindText(4, json(QJsonObject{{QStringLiteral("language"), QStringLiteral("custom")}}));
    q.machine->bindText(5, QJsonDocument(definition.value(QStringLiteral("states")).toArray()).toJson(QJsonDocument::Compact));
    q.machine->bindText(6, QJsonDocument(definition.value(QStringLiteral("transitions")).toArray()).toJson(QJsonDocument::Compact));
    q.machine->bindText(7, "queued");
    q.machine->bindText(8, connection.dialect() == SqlConnection::Dialect::PostgreSQL ? QByteArray("{completed,failed,cancelled}")
                                                                                       : QByteArray(R"(["completed","failed","cancelled"])"));
    if (!run(*q.machine, &summary.error))
        return failed();

    static const char *const kWorkflowNames[] = {"order-processing", "invoice-approval", "data-sync", "refunds", "onboarding"};
    std::vector<QByteArray> workflowIds;
    for (int w = 0; w < std::clamp(options.workflows, 1, 5); ++w) {
        workflowIds.push_back(gen.uuid());
        q.workflow->bindText(1, workflowIds.back());
        q.workflow->bindText(2, kWorkflowNames[w]);
        q.workflow->bindText(3, machineId);
        q.workflow->bindText(4, TimeUtil::formatUtc(start));
        if (!run(*q.workflow, &summary.error))
            return failed();
    }

    std::vector<int> path;
    std::vector<TimeMs> times;
    quint64 transitionSerial = 0;
    for (quint64 e = 0; e < options.executions; ++e) {
        const QByteArray &workflowId = workflowIds[e % workflowIds.size()];
        const QByteArray executionId = gen.uuid();
        const QByteArray stateRowId = gen.uuid();
        // Most executions started any time in the span; a few in the last minute are still
        // in flight at its end, as on a live system.
        const TimeMs created = gen.uniform() < options.inFlightShare ? options.end - TimeMs(gen.uniform() * 60000.0)
                                                                     : start + TimeMs(gen.uniform() * double(span));
        path.assign(1, Queued);
        times.assign(1, created);
        while (!isTerminal(path.back())) {
            const TimeMs leave = times.back() + TimeMs(gen.exponential(kStates[path.back()].meanDwellMs));
            if (leave > options.end)
                break; // still running at the end of the sample
            path.push_back(gen.next(path.back(), options.invalidMoveShare));
            times.push_back(leave);
        }
        const int current = path.back();
        const char *status = !isTerminal(current) ? "running" : current == Completed ? "completed" : current == Failed ? "failed" : "cancelled";
        q.execution->bindText(1, executionId);
        q.execution->bindText(2, workflowId);
        q.execution->bindText(3, status);
        q.execution->bindText(4, TimeUtil::formatUtc(created));
        if (isTerminal(current))
            q.execution->bindText(5, TimeUtil::formatUtc(times.back()));
        if (!run(*q.execution, &summary.error))
            return failed();

        const QByteArray variables = json(QJsonObject{{QStringLiteral("orderId"), qint64(100000 + e)},
                                                      {QStringLiteral("amount"), double(qint64(gen.uniform() * 100000)) / 100.0},
                                                      {QStringLiteral("attempt"), int(path.size())}});
        q.state->bindText(1, stateRowId);
        q.state->bindText(2, workflowId);
        q.state->bindText(3, executionId);
        q.state->bindInt64(4, qint64(path.size()));
        q.state->bindText(5, json(QJsonObject{{QStringLiteral("stateName"), QLatin1String(kStates[current].name)},
                                              {QStringLiteral("stateType"), QLatin1String(kStates[current].type)},
                                              {QStringLiteral("enteredAt"), TimeUtil::formatUtcString(times.back())}}));
        q.state->bindText(6, variables);
        q.state->bindText(7, R"({"backend":"database","strategy":"checkpoint"})");
        q.state->bindText(8, TimeUtil::formatUtc(created));
        q.state->bindText(9, TimeUtil::formatUtc(times.back()));
        if (!run(*q.state, &summary.error))
            return failed();

        for (size_t i = 1; i < path.size(); ++i) {
            q.transition->bindText(1, gen.uuid());
            q.transition->bindText(2, stateRowId);
            q.transition->bindText(3, QByteArray("tr-" + QByteArray::number(++transitionSerial)));
            q.transition->bindText(4, kStates[path[i - 1]].name);
            q.transition->bindText(5, kStates[path[i]].name);
            q.transition->bindText(6, moveType(path[i - 1], path[i]));
            q.transition->bindText(7, TimeUtil::formatUtc(times[i]));
            q.transition->bindInt64(8, times[i] - times[i - 1]);
            q.transition->bindText(9, R"({"type":"automatic"})");
            if (!run(*q.transition, &summary.error))
                return failed();
            ++summary.transitions;
        }

        if (gen.uniform() < options.checkpointShare) {
            const size_t at = size_t(gen.uniform() * double(path.size())) % path.size();
            const QByteArray checkpointId = gen.uuid();
            const QByteArray snapshot = json(QJsonObject{{QStringLiteral("stateName"), QLatin1String(kStates[path[at]].name)},
                                                         {QStringLiteral("stateType"), QLatin1String(kStates[path[at]].type)},
                                                         {QStringLiteral("enteredAt"), TimeUtil::formatUtcString(times[at])}});
            QByteArray checksum = checkpointChecksum(snapshot, variables).hex;
            const double u = gen.uniform();
            q.checkpoint->bindText(1, checkpointId);
            q.checkpoint->bindText(2, stateRowId);
            q.checkpoint->bindText(3, at == 0 ? "automatic" : (at % 2 ? "milestone" : "automatic"));
            q.checkpoint->bindText(4, TimeUtil::formatUtc(times[at]));
            q.checkpoint->bindText(5, snapshot);
            q.checkpoint->bindText(6, variables);
            q.checkpoint->bindText(7, QByteArray("db://checkpoints/" + checkpointId));
            q.checkpoint->bindInt64(8, snapshot.size() + variables.size());
            if (u < options.unverifiableShare) {
                q.checkpoint->bindNull(9);
            } else {
                if (u < options.unverifiableShare + options.corruptedShare)
                    checksum[0] = checksum[0] == '0' ? '1' : '0';
                q.checkpoint->bindText(9, checksum);
            }
            q.checkpoint->bindBool(10, gen.uniform() > 0.05);
            if (!run(*q.checkpoint, &summary.error))
                return failed();
            ++summary.checkpoints;

            if (gen.uniform() < options.recoveryShare / std::max(options.checkpointShare, 1e-9)) {
                const bool success = gen.uniform() < 0.9;
                q.recovery->bindText(1, gen.uuid());
                q.recovery->bindText(2, stateRowId);
                q.recovery->bindText(3, TimeUtil::formatUtc(times.back() + 1000));
                q.recovery->bindText(4, checkpointId);
                q.recovery->bindText(5, kStates[path[at]].name);
                q.recovery->bindInt64(6, 200 + qint64(gen.exponential(800)));
                q.recovery->bindText(7, json(QJsonObject{{QStringLiteral("transitionsRolledBack"), int(path.size() - 1 - at)}}));
                q.recovery->bindBool(8, success);
                if (success)
                    q.recovery->bindNull(9);
                else
                    q.recovery->bindText(9, R"({"message":"engine rejected the snapshot"})");
                if (!run(*q.recovery, &summary.error))
                    return failed();
            }
        }
        ++summary.executions;
        if (options.progress && (e % 65536) == 0)
            options.progress(e, options.executions);
    }

    // Replica health samples for each workflow across the span.
    for (const QByteArray &workflowId : workflowIds) {
        for (int i = 0; i < options.consistencySamplesPerWorkflow; ++i) {
            const TimeMs at = start + span * i / std::max(1, options.consistencySamplesPerWorkflow);
            QJsonArray nodes;
            double maxLag = 0;
            qint64 pending = 0;
            const bool spike = gen.uniform() < 0.1;
            for (int n = 0; n < 3; ++n) {
                const double lag = std::round(spike && n == 2 ? 1500 + gen.exponential(1000) : gen.exponential(150));
                const qint64 p = qint64(lag / 100);
                maxLag = std::max(maxLag, lag);
                pending += p;
                nodes.append(QJsonObject{{QStringLiteral("nodeId"), QStringLiteral("node-%1").arg(n + 1)},
                                         {QStringLiteral("lagMs"), lag},
                                         {QStringLiteral("pendingChanges"), p},
                                         {QStringLiteral("inSync"), lag < 1000}});
            }
            QJsonArray conflictLog;
            if (spike)
                conflictLog.append(QJsonObject{{QStringLiteral("key"), QStringLiteral("variables.amount")},
                                               {QStringLiteral("resolvedBy"), QStringLiteral("last_write_wins")}});
            QJsonArray divergence;
            if (spike)
                divergence.append(QJsonObject{{QStringLiteral("nodeId"), QStringLiteral("node-3")},
                                              {QStringLiteral("field"), QStringLiteral("variables.amount")}});
            q.consistency->bindText(1, gen.uuid());
            q.consistency->bindText(2, workflowId);
            q.consistency->bindText(3, json(QJsonObject{{QStringLiteral("strategy"), QStringLiteral("last_write_wins")},
                                                        {QStringLiteral("conflictLog"), conflictLog}}));
            q.consistency->bindText(4, json(QJsonObject{{QStringLiteral("lastSync"), TimeUtil::formatUtcString(at)},
                                                        {QStringLiteral("syncLag"), maxLag},
                                                        {QStringLiteral("pendingChanges"), pending},
                                                        {QStringLiteral("nodes"), nodes}}));
            q.consistency->bindText(5, QJsonDocument(divergence).toJson(QJsonDocument::Compact));
            q.consistency->bindText(6, TimeUtil::formatUtc(at));
            if (!run(*q.consistency, &summary.error))
                return failed();
        }
    }
    if (!connection.commit(&summary.error))
        return failed();
    return summary;
}

} // namespace StateScope
