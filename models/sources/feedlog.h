#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

namespace StateScope {

class SqliteConnection;
class SqlStatement;

// A durable log of what a feed server published (seq, type, workflow, event JSON), so that a
// server killed and started again can still resume its clients: it reloads the newest events
// into its resume buffer and continues the numbering. Written ahead: the caller commits
// before the events' frames are sent, so no client ever holds a seq the log lost.
class FeedLog final
{
public:
    struct Entry
    {
        quint64 seq = 0;
        QByteArray type;
        QByteArray workflowId;
        QByteArray json; // the event object without "seq"
    };

    FeedLog();
    ~FeedLog();
    bool open(const QString &path, QString *error);
    quint64 lastSeq() const;
    // The newest `count` entries, oldest first.
    std::vector<Entry> newest(int count, QString *error) const;
    bool append(quint64 seq, QByteArrayView type, QByteArrayView workflowId, QByteArrayView json);
    bool commit(QString *error); // makes the appended entries durable
    // Keeps the newest `keep` entries (the log must not grow without bound).
    bool trim(quint64 keep, QString *error);

private:
    std::unique_ptr<SqliteConnection> m_db;
    std::unique_ptr<SqlStatement> m_insert;
    bool m_inTransaction = false;
    quint64 m_lastSeq = 0;
};

} // namespace StateScope
