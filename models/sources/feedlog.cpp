#include "feedlog.h"

#include "sqliteconnection.h"

namespace StateScope {

FeedLog::FeedLog() = default;
FeedLog::~FeedLog()
{
    QString ignored;
    commit(&ignored);
}

bool FeedLog::open(const QString &path, QString *error)
{
    m_db = SqliteConnection::open(path, false, true, error);
    if (!m_db)
        return false;
    // WAL with NORMAL sync: a committed entry survives a killed process (not a power cut).
    if (!m_db->execScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                          "CREATE TABLE IF NOT EXISTS statescope_feed_log (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, "
                          "workflow_id TEXT NOT NULL, event TEXT NOT NULL);", error))
        return false;
    auto last = m_db->prepare("SELECT max(seq) FROM statescope_feed_log", error);
    if (!last || !last->next())
        return false;
    m_lastSeq = last->isNull(0) ? 0 : quint64(last->int64(0));
    m_insert = m_db->prepare("INSERT INTO statescope_feed_log (seq, type, workflow_id, event) VALUES ($1, $2, $3, $4)", error);
    return bool(m_insert);
}

quint64 FeedLog::lastSeq() const
{
    return m_lastSeq;
}

std::vector<FeedLog::Entry> FeedLog::newest(int count, QString *error) const
{
    std::vector<Entry> entries;
    auto q = m_db->prepare("SELECT seq, type, workflow_id, event FROM statescope_feed_log WHERE seq > $1 ORDER BY seq", error);
    if (!q)
        return entries;
    q->bindInt64(1, qint64(m_lastSeq > quint64(count) ? m_lastSeq - quint64(count) : 0));
    while (q->next())
        entries.push_back({quint64(q->int64(0)), q->text(1).toByteArray(), q->text(2).toByteArray(), q->text(3).toByteArray()});
    return entries;
}

bool FeedLog::append(quint64 seq, QByteArrayView type, QByteArrayView workflowId, QByteArrayView json)
{
    QString error;
    if (!m_inTransaction) {
        if (!m_db->begin(&error))
            return false;
        m_inTransaction = true;
    }
    m_insert->bindInt64(1, qint64(seq));
    m_insert->bindText(2, type);
    m_insert->bindText(3, workflowId);
    m_insert->bindText(4, json);
    const bool ok = m_insert->exec();
    m_insert->reset();
    if (ok)
        m_lastSeq = seq;
    return ok;
}

bool FeedLog::commit(QString *error)
{
    if (!m_inTransaction)
        return true;
    m_inTransaction = false;
    if (!m_db->commit(error)) {
        m_db->rollback();
        return false;
    }
    return true;
}

bool FeedLog::trim(quint64 keep, QString *error)
{
    if (m_lastSeq <= keep)
        return true;
    auto q = m_db->prepare("DELETE FROM statescope_feed_log WHERE seq <= $1", error);
    if (!q)
        return false;
    q->bindInt64(1, qint64(m_lastSeq - keep));
    return q->exec();
}

} // namespace StateScope
