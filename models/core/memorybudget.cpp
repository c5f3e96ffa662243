#include "memorybudget.h"

#include "eventstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

#include <cmath>

#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

namespace StateScope {

namespace {
constexpr double kStoreShare = 0.45;    // of the budget past the baseline: compaction starts
constexpr double kLowWaterShare = 0.30; // ... and evicts down to this
} // namespace

MemoryBudget::MemoryBudget(quint64 budgetBytes, quint64 baselineBytes)
{
    m_counters.budgetBytes = budgetBytes;
    m_counters.requestedBudgetBytes = budgetBytes;
    if (baselineBytes > 0)
        setBaseline(baselineBytes);
}

void MemoryBudget::setBudget(quint64 budgetBytes)
{
    m_counters.requestedBudgetBytes = budgetBytes;
    m_counters.budgetBytes = budgetBytes;
    if (m_counters.baselineBytes > 0)
        setBaseline(m_counters.baselineBytes);
}

void MemoryBudget::setBaseline(quint64 baselineBytes)
{
    m_counters.budgetBytes = std::max(m_counters.requestedBudgetBytes, baselineBytes + kMinimumRoomBytes);
    const quint64 room = m_counters.budgetBytes > baselineBytes ? m_counters.budgetBytes - baselineBytes : 0;
    m_counters.baselineBytes = baselineBytes;
    m_counters.storeLimitBytes = quint64(double(room) * kStoreShare);
    m_lowWaterBytes = quint64(double(room) * kLowWaterShare);
}

bool MemoryBudget::enforce(EventStore &store)
{
    if (m_counters.baselineBytes == 0)
        setBaseline(std::max<quint64>(1, residentBytes()));
    quint64 used = store.usedBytes();
    m_counters.peakStoreBytes = std::max(m_counters.peakStoreBytes, used);
    if (used <= m_counters.storeLimitBytes)
        return false;
    QElapsedTimer timer;
    timer.start();
    // The estimate of what an execution gives back leaves out shared parts (the id table
    // shrinks in steps), so a second round may be needed to get well under the limit.
    const quint64 enough = (m_lowWaterBytes + m_counters.storeLimitBytes) / 2;
    for (int round = 0; round < 4 && used > enough; ++round) {
        if (!evictOldest(store, used - m_lowWaterBytes))
            break; // nothing left to evict
        used = store.usedBytes();
    }
#ifdef __GLIBC__
    // Batches are allocated on the socket thread and freed here: give the freed pages of the
    // arenas back, or they count against the budget (about 10 MB at 100,000 events/s).
    malloc_trim(0);
#endif
    ++m_counters.compactions;
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    m_counters.compactionMs += ms;
    m_counters.longestCompactionMs = std::max(m_counters.longestCompactionMs, ms);
    return true;
}

bool MemoryBudget::evictOldest(EventStore &store, quint64 need)
{
    // What evicting an execution gives back: its columns and packed id (17 bytes, offset and
    // hash slots), and its transitions' columns with their link.
    const quint64 perExecution = EventStore::kExecutionColumnBytes + 17 + 12;
    const quint64 perTransition = EventStore::kTransitionColumnBytes + sizeof(quint32);
    const quint32 executions = store.executionCount();
    std::vector<bool> evict(executions, false);
    quint64 freed = 0;
    quint64 count = 0;
    // Oldest first: executions are numbered in arrival order. Finished ones first; running
    // ones only when finished ones cannot make the room.
    for (int pass = 0; pass < 2 && freed < need; ++pass) {
        for (ExecutionIndex e = 0; e < executions && freed < need; ++e) {
            const ExecutionStatus status = store.executionStatus(e);
            const bool finished = status != ExecutionStatus::Running && status != ExecutionStatus::Unknown;
            if (evict[e] || finished != (pass == 0))
                continue;
            evict[e] = true;
            ++count;
            freed += perExecution + quint64(store.transitionCountOf(e)) * perTransition;
            m_counters.summarizedTransitions += store.transitionCountOf(e);
            m_counters.summarizedRunning += finished ? 0 : 1;
        }
    }
    if (count == 0)
        return false;
    m_counters.summarizedExecutions += count;
    store.evictExecutions(evict);
    return true;
}

std::optional<quint64> MemoryBudget::parseSize(const QString &text, QString *error)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(i?)(B?)\\s*$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch()) {
        if (error)
            *error = QStringLiteral("\"%1\" is not a size (examples: 1GiB, 512MiB, 800MB)").arg(text);
        return std::nullopt;
    }
    const double number = m.captured(1).toDouble();
    const QString unit = m.captured(2).toUpper();
    // "MB" is decimal; "MiB" and a bare "M" (as ulimit and docker read it) are binary.
    const bool decimal = m.captured(3).isEmpty() && !m.captured(4).isEmpty();
    const double base = decimal ? 1000.0 : 1024.0;
    const int power = unit.isEmpty() ? 0 : int(QStringLiteral("KMGT").indexOf(unit)) + 1;
    const double bytes = number * std::pow(base, power);
    if (bytes < double(kMinimumBytes) || bytes > 1e15) {
        if (error)
            *error = QStringLiteral("\"%1\" is outside the possible range (at least 48MiB)").arg(text);
        return std::nullopt;
    }
    return quint64(bytes);
}

quint64 MemoryBudget::residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toULongLong() * quint64(sysconf(_SC_PAGESIZE)) : 0;
}

quint64 MemoryBudget::peakResidentBytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return quint64(usage.ru_maxrss) * 1024;
}

} // namespace StateScope
