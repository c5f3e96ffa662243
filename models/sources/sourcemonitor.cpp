#include "sourcemonitor.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTimer>

namespace StateScope {

namespace {

bool isDatabase(SourceLocation::Kind kind)
{
    return kind == SourceLocation::Kind::SQLite || kind == SourceLocation::Kind::PostgreSQL;
}

bool isEventLog(SourceLocation::Kind kind)
{
    return kind == SourceLocation::Kind::JsonLines || kind == SourceLocation::Kind::Csv || kind == SourceLocation::Kind::Xes;
}

} // namespace

SourceMonitor::SourceMonitor(Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    qRegisterMetaType<SourceHealth>();
}

SourceMonitor::~SourceMonitor() = default;

bool SourceMonitor::canWatch(const QString &source)
{
    const SourceLocation::Kind kind = locateSource(source).kind;
    return isDatabase(kind) || isEventLog(kind);
}

bool SourceMonitor::probeOnce(const QString &source, QByteArray *fingerprint, qint64 *queryMs, QString *error)
{
    if (m_location.location != source) {
        m_location = locateSource(source);
        m_connection.reset();
        m_probeSql.clear();
    }
    m_lastQueryMs = 0;
    const bool ok = this->fingerprint(fingerprint, error);
    *queryMs = m_lastQueryMs;
    return ok;
}

void SourceMonitor::watch(const QString &source, quint64 generation)
{
    if (!m_timer) {
        m_timer = new QTimer(this); // created here: on the thread this object was moved to
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &SourceMonitor::probe);
    }
    m_location = locateSource(source);
    m_generation = generation;
    m_connection.reset();
    m_probeSql.clear();
    m_baseline.clear();
    m_haveBaseline = false;
    m_backoffMs = m_options.initialBackoffMs;
    m_health = SourceHealth{};
    probe();
}

void SourceMonitor::stop()
{
    if (m_timer)
        m_timer->stop();
    m_connection.reset();
    m_location = SourceLocation{};
}

void SourceMonitor::probeNow()
{
    if (m_timer && m_location.kind != SourceLocation::Kind::Invalid) {
        m_timer->stop();
        probe();
    }
}

void SourceMonitor::probe()
{
    QByteArray print;
    QString error;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (fingerprint(&print, &error)) {
        const SourceHealth before = m_health;
        if (!m_haveBaseline) {
            m_baseline = print;
            m_haveBaseline = true;
        }
        m_health.reachable = true;
        m_health.changed = print != m_baseline;
        m_health.confirmedAtMs = now;
        m_health.lostAtMs = -1;
        m_health.retryInMs = 0;
        m_health.attempts = 0;
        m_health.error.clear();
        m_backoffMs = m_options.initialBackoffMs;
        // Every probe confirms the data's age; the caller hears of it only when something changed,
        // and on the first probe.
        if (before.confirmedAtMs < 0 || !before.reachable || before.changed != m_health.changed)
            emit healthChanged(m_health, m_generation);
        // Counting rows of a big database takes a while: probes stay under 5 % of a core
        // (the query's time only: connecting is not the database's work).
        schedule(int(std::clamp<qint64>(20 * m_lastQueryMs, m_options.probeIntervalMs, 120000)));
        return;
    }
    m_connection.reset(); // reopened on the next attempt
    m_probeSql.clear();
    if (m_health.reachable)
        m_health.lostAtMs = now;
    m_health.reachable = false;
    m_health.error = error.simplified(); // libpq says it over several lines
    ++m_health.attempts;
    // Capped exponential backoff with jitter, so dashboards do not all come back at once.
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    m_health.retryInMs = int(double(m_backoffMs) * jitter);
    m_backoffMs = std::min(m_options.maxBackoffMs, m_backoffMs * 2);
    emit healthChanged(m_health, m_generation);
    schedule(m_health.retryInMs);
}

void SourceMonitor::schedule(int delayMs)
{
    m_timer->start(delayMs);
}

bool SourceMonitor::fingerprint(QByteArray *print, QString *error)
{
    if (isEventLog(m_location.kind)) {
        const QFileInfo info(m_location.location);
        if (!info.exists() || !info.isReadable()) {
            *error = info.exists() ? QStringLiteral("%1: permission denied").arg(m_location.location)
                                   : QStringLiteral("%1: the file is gone").arg(m_location.location);
            return false;
        }
        *print = QByteArray::number(info.size()) + '|' + QByteArray::number(info.lastModified().toMSecsSinceEpoch());
        return true;
    }
    if (!isDatabase(m_location.kind)) {
        *error = m_location.error.isEmpty() ? QStringLiteral("%1: not a source that can be watched").arg(m_location.location)
                                            : m_location.error;
        return false;
    }
    return databaseFingerprint(print, error);
}

bool SourceMonitor::databaseFingerprint(QByteArray *print, QString *error)
{
    // An SQLite file is reopened for every probe: a deleted or replaced file must not keep
    // answering through the old inode. A PostgreSQL session is kept until it fails.
    if (m_location.kind == SourceLocation::Kind::SQLite) {
        if (!QFileInfo::exists(m_location.location)) {
            *error = QStringLiteral("%1: the file is gone").arg(m_location.location);
            return false;
        }
        m_connection.reset();
    }
    if (!m_connection) {
        m_connection = openSqlConnection(m_location, true, error);
        if (!m_connection)
            return false;
    }
    if (m_probeSql.isEmpty()) {
        // Constant SQL, built from the tables this database has (another engine's may lack some).
        QByteArrayList parts;
        for (const char *table : {"state_transitions", "workflow_states", "state_checkpoints", "state_recovery_log",
                                  "state_consistency"}) {
            if (m_connection->tableExists(QString::fromLatin1(table)))
                parts << QByteArray("(SELECT count(*) FROM ") + table + ')';
        }
        if (m_connection->columnExists(QStringLiteral("workflow_states"), QStringLiteral("state_version")))
            parts << "(SELECT coalesce(sum(state_version), 0) FROM workflow_states)";
        if (parts.isEmpty()) {
            *error = QStringLiteral("%1: no state tables").arg(m_connection->label());
            return false;
        }
        m_probeSql = "SELECT " + parts.join(", ");
        m_probeColumns = int(parts.size());
    }
    QElapsedTimer queryTime;
    queryTime.start();
    auto q = m_connection->prepare(m_probeSql, error);
    if (!q)
        return false;
    if (!q->next()) {
        *error = q->error().isEmpty() ? QStringLiteral("the probe returned no row") : q->error();
        return false;
    }
    print->clear();
    for (int column = 0; column < m_probeColumns; ++column)
        *print += q->text(column).toByteArray() + '|';
    while (q->next()) {
    }
    m_lastQueryMs = queryTime.elapsed();
    return true;
}

} // namespace StateScope
