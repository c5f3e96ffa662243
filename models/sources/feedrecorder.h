#pragma once

#include "feedevent.h"

#include <QHash>
#include <QSet>

#include <memory>
#include <vector>

namespace StateScope {

class SqlConnection;
class SqlStatement;
class StateDatabaseWriter;

// Records what a live feed delivers into a database of the SPEC 2.1 schema (`--record FILE`),
// so the session can be opened offline later: workflows and executions as first seen,
// transitions, checkpoints, recoveries and consistency samples. Each batch is one transaction.
// A feed announces checkpoints without their content, so recorded checkpoints carry their
// state name only and no checksum (they read back as unverifiable, which is what they are);
// workflows get an empty name, since the feed does not carry it.
class FeedRecorder final
{
public:
    FeedRecorder();
    ~FeedRecorder();
    // Creates (or extends) a SQLite recording at path; false with error naming the problem.
    bool open(const QString &path, QString *error);
    bool record(const std::vector<FeedEvent> &batch);
    QString error() const { return m_error; }
    quint64 eventsRecorded() const { return m_events; }

private:
    struct Execution
    {
        QByteArray rowId;
        QByteArray state;
        qint64 version = 1;
        TimeMs enteredAt = kUnknownTime;
        bool dirty = false;
    };
    Execution &execution(const FeedEvent &event, TimeMs started);
    bool findRecorded(const QByteArray &executionId, Execution *execution);
    bool write(const FeedEvent &event);

    std::unique_ptr<SqlConnection> m_connection;
    std::unique_ptr<StateDatabaseWriter> m_writer;
    QSet<QByteArray> m_workflows;
    // Executions still running; finished ones are forgotten at the end of their batch (memory
    // stays bounded) and looked up in the recording if a late event names them.
    QHash<QByteArray, Execution> m_executions;
    std::unique_ptr<SqlStatement> m_findExecution;
    std::vector<QByteArray> m_dirty;    // executions whose current state changed in this batch
    std::vector<QByteArray> m_finished; // executions to forget at the end of this batch
    QString m_error;
    quint64 m_events = 0;
};

} // namespace StateScope
