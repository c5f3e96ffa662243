#include "recoveryplanner.h"

#include "jsonrow.h"
#include "sqlcells.h"
#include "sqlconnection.h"

#include <QUuid>

#include <algorithm>

namespace StateScope {

namespace {

QString idText(QByteArrayView id)
{
    return QString::fromUtf8(id);
}

// Reads the rest of a result: a PostgreSQL statement must be drained before the connection
// runs the next one, and a second row is worth knowing about.
int drain(SqlStatement &q)
{
    int more = 0;
    while (q.next())
        ++more;
    return more;
}

} // namespace

RecoveryPlanner::RecoveryPlanner(SqlConnection &connection)
    : m_connection(connection)
    , m_json(std::make_unique<JsonRow>())
{ }

RecoveryPlanner::~RecoveryPlanner() = default;

bool RecoveryPlanner::postgres() const
{
    return m_connection.dialect() == SqlConnection::Dialect::PostgreSQL;
}

bool RecoveryPlanner::usableId(QByteArrayView id) const
{
    return !id.isEmpty() && (!postgres() || !QUuid::fromString(QLatin1String(id.data(), id.size())).isNull());
}

std::unique_ptr<SqlStatement> RecoveryPlanner::select(RecoveryPreview &p, const char *table,
                                                      const QByteArray &sqliteSql, const QByteArray &postgresSql,
                                                      QByteArrayView id, bool *hasRow)
{
    QString error;
    auto q = m_connection.prepare(postgres() ? postgresSql : sqliteSql, &error);
    if (q) {
        q->bindText(1, id);
        *hasRow = q->next();
        error = q->error();
    }
    if (q && error.isEmpty())
        return q;
    p.refusals.append(QStringLiteral("cannot read %1: %2").arg(QLatin1String(table), error));
    return nullptr;
}

bool RecoveryPlanner::verifyCheckpoints(QByteArrayView executionId, std::vector<CheckpointCheck> *checks,
                                       QString *error)
{
    checks->clear();
    if (!usableId(executionId))
        return true; // no such execution in this database
    auto q = m_connection.prepare(
        postgres() ? QByteArray("SELECT c.id::text, c.state_snapshot::text, c.variables::text, c.checksum, c.recoverable "
                                "FROM state_checkpoints c JOIN workflow_states s ON s.id = c.workflow_state_id "
                                "WHERE s.execution_id = $1")
                   : QByteArray("SELECT c.id, c.state_snapshot, c.variables, c.checksum, c.recoverable "
                                "FROM state_checkpoints c JOIN workflow_states s ON s.id = c.workflow_state_id "
                                "WHERE s.execution_id = $1"),
        error);
    if (!q)
        return false;
    q->bindText(1, executionId);
    while (q->next()) {
        CheckpointCheck c;
        c.checkpointId = QString::fromUtf8(q->text(0));
        c.status = verifyCheckpoint(q->text(1), q->text(2), q->text(3));
        bool recoverable = false;
        c.recoverable = !q->isNull(4) && SqlCells::boolean(*q, 4, &recoverable) && recoverable;
        checks->push_back(std::move(c));
    }
    *error = q->error();
    return error->isEmpty();
}

bool RecoveryPlanner::readToTheEnd(RecoveryPreview &p, const char *table, const SqlStatement &q)
{
    if (q.error().isEmpty())
        return true;
    p.refusals.append(QStringLiteral("cannot read %1: %2").arg(QLatin1String(table), q.error()));
    return false;
}

RecoveryPreview RecoveryPlanner::preview(QByteArrayView executionId, QByteArrayView checkpointId)
{
    RecoveryPreview p;
    p.requestedExecutionId = executionId.toByteArray();
    p.requestedCheckpointId = checkpointId.toByteArray();
    p.sourceLabel = m_connection.label();
    const bool haveExecution = readExecution(p);
    QByteArray owner;
    const bool haveCheckpoint = readCheckpoint(p, &owner);
    if (haveExecution && haveCheckpoint && owner != p.executionId) {
        p.refusals.append(owner.isEmpty() ? QStringLiteral("checkpoint %1 belongs to no readable execution, not to %2")
                                                .arg(idText(p.checkpointId), idText(p.executionId))
                                          : QStringLiteral("checkpoint %1 belongs to execution %2, not to %3")
                                                .arg(idText(p.checkpointId), idText(owner), idText(p.executionId)));
    }
    if (haveExecution && haveCheckpoint && owner == p.executionId && readTransitions(p))
        compare(p);
    return p;
}

bool RecoveryPlanner::readExecution(RecoveryPreview &p)
{
    const QString unknown
        = QStringLiteral("there is no execution %1 in %2").arg(idText(p.requestedExecutionId), p.sourceLabel);
    if (!usableId(p.requestedExecutionId)) {
        p.refusals.append(unknown);
        return false;
    }
    bool hasRow = false;
    const auto q = select(p, "workflow_states",
                          "SELECT id, workflow_id, execution_id, state_version, current_state, variables, created_at "
                          "FROM workflow_states WHERE execution_id = $1",
                          "SELECT id::text, workflow_id::text, execution_id::text, state_version, current_state::text, "
                          "variables::text, floor(extract(epoch from created_at) * 1000)::int8 "
                          "FROM workflow_states WHERE execution_id = $1",
                          p.requestedExecutionId, &hasRow);
    if (!q || !hasRow) {
        if (q)
            p.refusals.append(unknown);
        return false;
    }
    p.workflowStateId = q->text(0).toByteArray();
    p.workflowId = q->text(1).toByteArray();
    p.executionId = q->text(2).toByteArray();
    bool versionOk = false;
    p.stateVersion = q->isNull(3) ? -1 : q->int64(3, &versionOk);
    p.currentSnapshot = q->text(4).toByteArray();
    p.currentVariables = q->isNull(5) ? QByteArray("{}") : q->text(5).toByteArray();
    if (!SqlCells::timestamp(*q, 6, &p.currentStateSince))
        p.currentStateSince = kUnknownTime;
    QByteArray stateName;
    QString error;
    if (!m_json->objectStringMember(p.currentSnapshot, "stateName", &stateName, &error))
        p.notes.append(QStringLiteral("workflow_states %1: current_state: %2").arg(idText(p.workflowStateId), error));
    p.currentState = QString::fromUtf8(stateName);
    const int more = drain(*q);
    if (!versionOk) {
        p.refusals.append(
            QStringLiteral("workflow_states %1: state_version is not an integer, so the update cannot be made "
                           "conditional on it")
                .arg(idText(p.workflowStateId)));
    }
    if (more > 0) {
        p.refusals.append(QStringLiteral("execution %1 has %2 workflow_states rows; a recovery needs exactly one")
                              .arg(idText(p.executionId))
                              .arg(more + 1));
    }
    return versionOk && more == 0;
}

bool RecoveryPlanner::readCheckpoint(RecoveryPreview &p, QByteArray *ownerExecution)
{
    const QString unknown
        = QStringLiteral("there is no checkpoint %1 in %2").arg(idText(p.requestedCheckpointId), p.sourceLabel);
    if (!usableId(p.requestedCheckpointId)) {
        p.refusals.append(unknown);
        return false;
    }
    bool hasRow = false;
    const auto q
        = select(p, "state_checkpoints",
                 "SELECT c.id, c.checkpoint_type, c.timestamp, c.state_snapshot, c.variables, c.checksum, "
                 "c.recoverable, s.execution_id "
                 "FROM state_checkpoints c LEFT JOIN workflow_states s ON s.id = c.workflow_state_id WHERE c.id = $1",
                 "SELECT c.id::text, c.checkpoint_type, floor(extract(epoch from c.timestamp) * 1000)::int8, "
                 "c.state_snapshot::text, c.variables::text, c.checksum, c.recoverable, s.execution_id::text "
                 "FROM state_checkpoints c LEFT JOIN workflow_states s ON s.id = c.workflow_state_id WHERE c.id = $1",
                 p.requestedCheckpointId, &hasRow);
    if (!q || !hasRow) {
        if (q)
            p.refusals.append(unknown);
        return false;
    }
    p.checkpointId = q->text(0).toByteArray();
    const QString id = idText(p.checkpointId);
    p.checkpointType = QString::fromUtf8(q->text(1));
    bool ok = true;
    if (!SqlCells::timestamp(*q, 2, &p.checkpointTime) || p.checkpointTime == kUnknownTime) {
        p.refusals.append(QStringLiteral("checkpoint %1: its timestamp is not a time, so the transitions after it are "
                                         "unknown")
                              .arg(id));
        ok = false;
    }
    p.checkpointSnapshot = q->text(3).toByteArray();
    p.checkpointVariables = q->text(4).toByteArray();
    const QByteArray storedChecksum = q->text(5).toByteArray();
    p.checksumStatus
        = verifyCheckpoint(p.checkpointSnapshot, p.checkpointVariables, storedChecksum, &p.checksumProblem);
    bool recoverable = false;
    p.recoverable = !q->isNull(6) && SqlCells::boolean(*q, 6, &recoverable) && recoverable;
    *ownerExecution = q->text(7).toByteArray();
    drain(*q);

    if (p.checksumStatus == ChecksumStatus::Corrupted)
        p.refusals.append(QStringLiteral("checkpoint %1 is corrupted: %2").arg(id, p.checksumProblem));
    else if (p.checksumStatus == ChecksumStatus::Unverifiable)
        p.refusals.append(QStringLiteral("checkpoint %1 is unverifiable: it has no checksum, so its snapshot cannot be "
                                         "trusted")
                              .arg(id));
    if (!p.recoverable)
        p.refusals.append(QStringLiteral("checkpoint %1 is marked not recoverable").arg(id));
    QByteArray stateName;
    QString error;
    if (!m_json->objectStringMember(p.checkpointSnapshot, "stateName", &stateName, &error) || stateName.isEmpty()) {
        if (p.checksumStatus != ChecksumStatus::Corrupted) // unreadable JSON is already reported as corruption
            p.refusals.append(QStringLiteral("checkpoint %1: its state_snapshot names no state (stateName)").arg(id));
        ok = false;
    }
    p.checkpointState = QString::fromUtf8(stateName);
    const ChecksumResult after = checkpointChecksum(p.checkpointSnapshot, p.checkpointVariables);
    p.afterChecksum = after.hex;
    return ok;
}

bool RecoveryPlanner::readUndone(RecoveryPreview &p, std::vector<std::pair<TimeMs, TimeMs>> *undone)
{
    bool hasRow = false;
    const auto q = select(p, "state_recovery_log",
                          "SELECT c.timestamp, r.recovery_time, r.success "
                          "FROM state_recovery_log r JOIN state_checkpoints c ON c.id = r.from_checkpoint "
                          "WHERE r.workflow_state_id = $1",
                          "SELECT floor(extract(epoch from c.timestamp) * 1000)::int8, "
                          "floor(extract(epoch from r.recovery_time) * 1000)::int8, r.success "
                          "FROM state_recovery_log r JOIN state_checkpoints c ON c.id = r.from_checkpoint "
                          "WHERE r.workflow_state_id = $1",
                          p.workflowStateId, &hasRow);
    for (bool row = q && hasRow; row; row = q->next()) {
        TimeMs from = kUnknownTime, to = kUnknownTime;
        bool success = false;
        if (SqlCells::timestamp(*q, 0, &from) && SqlCells::timestamp(*q, 1, &to) && from != kUnknownTime
            && to != kUnknownTime && !q->isNull(2) && SqlCells::boolean(*q, 2, &success) && success)
            undone->emplace_back(from, to);
    }
    return q && readToTheEnd(p, "state_recovery_log", *q);
}

bool RecoveryPlanner::readTransitions(RecoveryPreview &p)
{
    // A transition an earlier recovery already undid (after that recovery's checkpoint, before
    // its rollback) is history, not something this recovery loses.
    std::vector<std::pair<TimeMs, TimeMs>> undone;
    if (!readUndone(p, &undone))
        return false;
    const auto wasUndone = [&undone](TimeMs at) {
        return std::any_of(undone.begin(), undone.end(), [at](const auto &u) { return u.first < at && at < u.second; });
    };
    bool hasRow = false;
    const auto q = select(
        p, "state_transitions",
        "SELECT from_state, to_state, timestamp FROM state_transitions WHERE workflow_state_id = $1 ORDER BY rowid",
        "SELECT from_state, to_state, floor(extract(epoch from timestamp) * 1000)::int8 "
        "FROM state_transitions WHERE workflow_state_id = $1 ORDER BY timestamp, created_at",
        p.workflowStateId, &hasRow);
    std::vector<RolledBackTransition> after;
    TimeMs last = kUnknownTime;
    QString lastTo;
    qint64 unreadable = 0;
    for (bool row = q && hasRow; row; row = q->next()) {
        RolledBackTransition t {QString::fromUtf8(q->text(0)), QString::fromUtf8(q->text(1)), kUnknownTime};
        if (!SqlCells::timestamp(*q, 2, &t.at) || t.at == kUnknownTime) {
            ++unreadable;
            continue;
        }
        if (last == kUnknownTime || t.at >= last) {
            last = t.at;
            lastTo = t.to;
        }
        if (t.at > p.checkpointTime && !wasUndone(t.at))
            after.push_back(std::move(t));
    }
    if (!q || !readToTheEnd(p, "state_transitions", *q))
        return false;
    if (unreadable > 0) {
        p.notes.append(QStringLiteral("%1 transitions of execution %2 have no readable timestamp and are not counted")
                           .arg(unreadable)
                           .arg(idText(p.executionId)));
    }
    // SQLite text and integer timestamps do not sort together in SQL: order by time here.
    std::stable_sort(after.begin(), after.end(), [](const auto &a, const auto &b) { return a.at < b.at; });
    if (last != kUnknownTime)
        p.currentStateSince = last;
    if (p.currentState.isEmpty())
        p.currentState = lastTo;
    p.dataLoss.transitionsRolledBack = qint64(after.size());
    p.dataLoss.transitions = std::move(after);
    return true;
}

void RecoveryPlanner::compare(RecoveryPreview &p)
{
    QString error;
    p.dataLoss.variables = RecoveryDataLoss::diffVariables(p.currentVariables, p.checkpointVariables, &error);
    if (!error.isEmpty())
        p.notes.append(error);
    const ChecksumResult before = checkpointChecksum(p.currentSnapshot, p.currentVariables);
    p.beforeChecksum = before.hex;
    if (!before.error.isEmpty())
        p.notes.append(QStringLiteral("the current row has no checksum: %1").arg(before.error));
}

} // namespace StateScope
