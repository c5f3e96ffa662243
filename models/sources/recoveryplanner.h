#pragma once

#include "recoverypreview.h"

#include <QByteArrayView>

#include <memory>
#include <utility>
#include <vector>

namespace StateScope {

class JsonRow;
class SqlConnection;
class SqlStatement;

// Reads from a state database what a recovery of an execution to one of its checkpoints would
// do (SPEC 5.2) and whether it must be refused (SPEC 5.1): the execution's workflow_states row
// and state version, the checkpoint and its checksum status, the transitions after the
// checkpoint's time and the variables that change. Reads only; prepared statements with bound
// ids (BARS S1). One planner per connection and thread.
class RecoveryPlanner final
{
public:
    explicit RecoveryPlanner(SqlConnection &connection);
    ~RecoveryPlanner();

    RecoveryPreview preview(QByteArrayView executionId, QByteArrayView checkpointId);

    // The checksum status and recoverable flag of each of an execution's checkpoints, read from
    // the database: what a feed, which announces checkpoints without their content, cannot
    // tell. False with *error when the tables cannot be read.
    struct CheckpointCheck
    {
        QString checkpointId;
        CheckpointStatus status = CheckpointStatus::Unverifiable;
        bool recoverable = false;
    };
    bool verifyCheckpoints(QByteArrayView executionId, std::vector<CheckpointCheck> *checks, QString *error);

private:
    bool readExecution(RecoveryPreview &p);
    bool readCheckpoint(RecoveryPreview &p, QByteArray *ownerExecution);
    bool readUndone(RecoveryPreview &p, std::vector<std::pair<TimeMs, TimeMs>> *undone);
    bool readTransitions(RecoveryPreview &p);
    void compare(RecoveryPreview &p);
    // Runs the dialect's statement with `id` bound to $1 and fetches the first row (*hasRow).
    // Null, with a refusal naming the table, when the query fails.
    std::unique_ptr<SqlStatement> select(RecoveryPreview &p, const char *table, const QByteArray &sqliteSql,
                                         const QByteArray &postgresSql, QByteArrayView id, bool *hasRow);
    // After the last row: false, with a refusal naming the table, when the rows ended in an error.
    static bool readToTheEnd(RecoveryPreview &p, const char *table, const SqlStatement &q);
    bool postgres() const;
    // A PostgreSQL UUID column cannot be compared with text that is no UUID: such an id names nothing.
    bool usableId(QByteArrayView id) const;

    SqlConnection &m_connection;
    std::unique_ptr<JsonRow> m_json;
};

} // namespace StateScope
