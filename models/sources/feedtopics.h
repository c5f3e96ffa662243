#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>

namespace StateScope {

// Topics of statescope-feed/1 (SPEC 4): "CATEGORY:ID" where ID is a workflowId or "*".
// The static helpers parse topics and map event types to categories (shared by the feed
// server and client); a FeedTopics value is one subscriber's set of topics and answers
// "does this event go to it" without allocating.
class FeedTopics
{
public:
    enum class Category : quint8 { State, Transition, Checkpoint, Recovery, Consistency, Execution, Alert, Metric };
    static constexpr int kCategoryCount = 8;
    // Longest ID accepted in a topic; workflow ids are UUIDs or short names.
    static constexpr qsizetype kMaxIdLength = 1024;

    // "state:wf-1" -> (State, "wf-1"). False for an unknown category, an empty or overlong ID,
    // or control characters in it. Outputs may be null.
    static bool parseTopic(QStringView topic, Category *category, QString *id);
    static QString topic(Category category, QStringView id);
    static QByteArray categoryName(Category category); // "state", "transition", ...
    static bool categoryFromName(QByteArrayView name, Category *category);

    // The topic category an event type is published under: "transition" -> "transition",
    // "state_change" -> "state", "execution_failed" -> "execution", ... Empty for hello,
    // heartbeat, control answers and unknown types.
    static QByteArray topicCategoryForEventType(QByteArrayView type);
    static bool categoryForEventType(QByteArrayView type, Category *category);

    // The set. IDs are kept as UTF-8 to match events' workflowIds without conversion.
    bool add(Category category, const QString &id); // true when it was not held yet
    bool remove(Category category, const QString &id); // true when it was held
    bool add(QStringView topic); // parses; false when malformed or held
    bool contains(Category category, const QString &id) const;
    // True when an event of this category and workflow goes to the holder of the set:
    // "CATEGORY:*" or "CATEGORY:workflowId" is held.
    bool matches(Category category, const QByteArray &workflowId) const;
    // True when every category is held with "*" (every event matches).
    bool matchesEverything() const;
    bool isEmpty() const { return m_size == 0; }
    int size() const { return m_size; }
    QStringList toStringList() const; // sorted by category, then ID
    void clear();

private:
    struct Entry
    {
        bool all = false;
        QSet<QByteArray> ids;
    };
    std::array<Entry, kCategoryCount> m_entries;
    int m_size = 0;
};

} // namespace StateScope
