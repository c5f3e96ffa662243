#include "sampledatabase.h"

#include "checksum.h"
#include "machinemodel.h"
#include "sqlconnection.h"
#include "statedatabasewriter.h"
#include "uuidgenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace StateScope {

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray snapshotJson(const MachineModel::State &s, TimeMs entered)
{
    return StateDatabaseWriter::stateSnapshotJson(s.name, s.type, entered);
}

const char *statusOf(const MachineModel &m, int state)
{
    if (!m.states[size_t(state)].terminal)
        return "running";
    if (m.states[size_t(state)].type == "succeed")
        return "completed";
    return m.states[size_t(state)].name == "cancelled" ? "cancelled" : "failed";
}

// Replica health samples for one workflow across the span.
bool writeConsistency(StateDatabaseWriter &w, UuidGenerator &gen, const QByteArray &workflowId, TimeMs start, TimeMs span,
                      int samples)
{
    for (int i = 0; i < samples; ++i) {
        const TimeMs at = start + span * i / std::max(1, samples);
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
        QJsonArray conflictLog, divergence;
        if (spike) {
            conflictLog.append(QJsonObject{{QStringLiteral("key"), QStringLiteral("variables.amount")},
                                           {QStringLiteral("resolvedBy"), QStringLiteral("last_write_wins")}});
            divergence.append(QJsonObject{{QStringLiteral("nodeId"), QStringLiteral("node-3")},
                                          {QStringLiteral("field"), QStringLiteral("variables.amount")}});
        }
        const QByteArray sync = json(QJsonObject{{QStringLiteral("lastSync"), TimeUtil::formatUtcString(at)},
                                                 {QStringLiteral("syncLag"), maxLag},
                                                 {QStringLiteral("pendingChanges"), pending},
                                                 {QStringLiteral("nodes"), nodes}});
        const QByteArray conflicts = json(QJsonObject{{QStringLiteral("strategy"), QStringLiteral("last_write_wins")},
                                                      {QStringLiteral("conflictLog"), conflictLog}});
        if (!w.insertConsistency(gen.uuid(), workflowId, "strong", 3, 2, conflicts, sync,
                                 QJsonDocument(divergence).toJson(QJsonDocument::Compact), at))
            return false;
    }
    return true;
}

} // namespace

QByteArray sampleDefinitionJson()
{
    return MachineModel::orderProcessing().definitionJson();
}

SampleDatabaseSummary writeSampleDatabase(SqlConnection &connection, const SampleDatabaseOptions &options)
{
    SampleDatabaseSummary summary;
    StateDatabaseWriter w(connection);
    if (!w.prepare(&summary.error) || !connection.begin(&summary.error))
        return summary;
    auto failed = [&] {
        if (summary.error.isEmpty())
            summary.error = w.error();
        connection.rollback();
        return summary;
    };

    const MachineModel machine = MachineModel::orderProcessing();
    UuidGenerator gen(options.seed);
    const TimeMs span = TimeMs(options.spanDays) * 86400000;
    const TimeMs start = options.end - span;
    const QByteArray machineId = gen.uuid();
    if (!w.insertStateMachine(machineId, machine.definition()))
        return failed();

    static const char *const kWorkflowNames[] = {"order-processing", "invoice-approval", "data-sync", "refunds", "onboarding"};
    std::vector<QByteArray> workflowIds;
    for (int i = 0; i < std::clamp(options.workflows, 1, 5); ++i) {
        workflowIds.push_back(gen.uuid());
        if (!w.insertWorkflow(workflowIds.back(), kWorkflowNames[i], machineId, start))
            return failed();
    }

    // Retries that jump straight to a terminal state: moves the definition does not allow.
    int retrying = -1;
    for (size_t i = 0; i < machine.states.size(); ++i) {
        if (machine.states[i].name == "retrying")
            retrying = int(i);
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
        path.assign(1, machine.initial);
        times.assign(1, created);
        while (!machine.states[size_t(path.back())].terminal) {
            const TimeMs leave = times.back() + TimeMs(machine.sampleDwellMs(path.back(), gen.rng()));
            if (leave > options.end)
                break; // still running at the end of the sample
            path.push_back(machine.next(path.back(), gen.rng(), path.back() == retrying ? options.invalidMoveShare : 0));
            times.push_back(leave);
        }
        const int current = path.back();
        const bool finished = machine.states[size_t(current)].terminal;
        if (!w.insertExecution(executionId, workflowId, statusOf(machine, current), created,
                               finished ? times.back() : kUnknownTime))
            return failed();
        const QByteArray variables = json(QJsonObject{{QStringLiteral("orderId"), qint64(100000 + e)},
                                                      {QStringLiteral("amount"), double(qint64(gen.uniform() * 100000)) / 100.0},
                                                      {QStringLiteral("attempt"), int(path.size())}});
        if (!w.insertWorkflowState(stateRowId, workflowId, executionId, qint64(path.size()),
                                   snapshotJson(machine.states[size_t(current)], times.back()), variables, created, times.back()))
            return failed();
        for (size_t i = 1; i < path.size(); ++i) {
            if (!w.insertTransition(gen.uuid(), stateRowId, QByteArray("tr-" + QByteArray::number(++transitionSerial)),
                                    machine.states[size_t(path[i - 1])].name, machine.states[size_t(path[i])].name,
                                    transitionTypeName(machine.moveType(path[i - 1], path[i])).toLatin1(), times[i],
                                    times[i] - times[i - 1]))
                return failed();
            ++summary.transitions;
        }

        if (gen.uniform() < options.checkpointShare) {
            const size_t at = size_t(gen.uniform() * double(path.size())) % path.size();
            const QByteArray checkpointId = gen.uuid();
            const QByteArray snapshot = snapshotJson(machine.states[size_t(path[at])], times[at]);
            QByteArray checksum = checkpointChecksum(snapshot, variables).hex;
            const double u = gen.uniform();
            if (u < options.unverifiableShare)
                checksum.clear();
            else if (u < options.unverifiableShare + options.corruptedShare)
                checksum[0] = checksum[0] == '0' ? '1' : '0';
            if (!w.insertCheckpoint(checkpointId, stateRowId, at % 2 ? "milestone" : "automatic", times[at], snapshot,
                                    variables, QByteArray("db://checkpoints/" + checkpointId),
                                    snapshot.size() + variables.size(), checksum, gen.uniform() > 0.05))
                return failed();
            ++summary.checkpoints;

            if (gen.uniform() < options.recoveryShare / std::max(options.checkpointShare, 1e-9)) {
                const bool success = gen.uniform() < 0.9;
                const QByteArray dataLoss = json(QJsonObject{{QStringLiteral("transitionsRolledBack"), int(path.size() - 1 - at)}});
                if (!w.insertRecovery(gen.uuid(), stateRowId, times.back() + 1000, checkpointId,
                                      machine.states[size_t(path[at])].name, 200 + qint64(gen.exponential(800)), dataLoss,
                                      success, success ? QByteArray() : QByteArray(R"({"message":"engine rejected the snapshot"})")))
                    return failed();
            }
        }
        ++summary.executions;
        if (options.progress && (e % 65536) == 0)
            options.progress(e, options.executions);
    }
    for (const QByteArray &workflowId : workflowIds) {
        if (!writeConsistency(w, gen, workflowId, start, span, options.consistencySamplesPerWorkflow))
            return failed();
    }
    if (!connection.commit(&summary.error))
        return failed();
    return summary;
}

} // namespace StateScope
