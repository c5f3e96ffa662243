#pragma once

#include <QFile>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace StateScope {

// A record a reader skipped: which table (or file), which record, what is wrong with it.
struct LoadIssue
{
    QString table;
    QString id;
    QString problem;
    QString toString() const { return QStringLiteral("%1 %2: %3").arg(table, id, problem); }
};

struct LoadProgress
{
    QString phase;     // e.g. "state_transitions"
    qint64 done = 0;   // records read in this phase
    qint64 total = -1; // estimate, -1 = unknown
};

using ProgressCallback = std::function<void(const LoadProgress &)>;

struct LoadResult
{
    QString error;         // fatal: the source could not be read at all
    bool cancelled = false;
    // An event log whose columns could not be found by name: its header fields, so the user can
    // map them (the dashboard's column-mapping dialog); empty otherwise.
    QStringList unmappedHeader;
    std::vector<LoadIssue> issues; // the first kMaxIssues skipped records
    quint64 issueCount = 0;        // all skipped records
    QStringList notes;             // e.g. optional tables that are absent
    quint64 transitionsRead = 0;
    quint64 executionsRead = 0;

    static constexpr size_t kMaxIssues = 1000;
    // Takes in what another reading thread found.
    void merge(LoadResult &&other)
    {
        if (error.isEmpty())
            error = std::move(other.error);
        cancelled = cancelled || other.cancelled;
        for (LoadIssue &i : other.issues) {
            if (issues.size() < kMaxIssues)
                issues.push_back(std::move(i));
        }
        issueCount += other.issueCount;
        notes += other.notes;
        transitionsRead += other.transitionsRead;
        executionsRead += other.executionsRead;
    }
    bool ok() const { return error.isEmpty() && !cancelled; }
    void addIssue(LoadIssue issue)
    {
        ++issueCount;
        if (issues.size() < kMaxIssues)
            issues.push_back(std::move(issue));
    }
};

// Opens an event log (file.fileName()) for reading. False, with result->error "<path>:
// <reason>" when a result is given, if it cannot be opened.
inline bool openLogFile(QFile &file, LoadResult *result)
{
    if (file.open(QIODevice::ReadOnly))
        return true;
    if (result)
        result->error = file.fileName() + QStringLiteral(": ") + file.errorString();
    return false;
}

} // namespace StateScope
