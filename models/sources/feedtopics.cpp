#include "feedtopics.h"

#include <algorithm>

namespace StateScope {

namespace {

struct CategoryName
{
    FeedTopics::Category category;
    QByteArrayView name;
};

constexpr std::array<CategoryName, FeedTopics::kCategoryCount> kCategoryNames = {{
    {FeedTopics::Category::State, "state"},
    {FeedTopics::Category::Transition, "transition"},
    {FeedTopics::Category::Checkpoint, "checkpoint"},
    {FeedTopics::Category::Recovery, "recovery"},
    {FeedTopics::Category::Consistency, "consistency"},
    {FeedTopics::Category::Execution, "execution"},
    {FeedTopics::Category::Alert, "alert"},
    {FeedTopics::Category::Metric, "metric"},
}};

struct TypeCategory
{
    QByteArrayView type;
    FeedTopics::Category category;
};

// SPEC 4's event types and the topic each is published under.
constexpr std::array<TypeCategory, 12> kTypeCategories = {{
    {"transition", FeedTopics::Category::Transition},
    {"state_change", FeedTopics::Category::State},
    {"execution_started", FeedTopics::Category::Execution},
    {"execution_completed", FeedTopics::Category::Execution},
    {"execution_failed", FeedTopics::Category::Execution},
    {"checkpoint_created", FeedTopics::Category::Checkpoint},
    {"recovery_initiated", FeedTopics::Category::Recovery},
    {"recovery_completed", FeedTopics::Category::Recovery},
    {"consistency", FeedTopics::Category::Consistency},
    {"alert_triggered", FeedTopics::Category::Alert},
    {"alert_resolved", FeedTopics::Category::Alert},
    {"metric_update", FeedTopics::Category::Metric},
}};

} // namespace

bool FeedTopics::categoryFromName(QByteArrayView name, Category *category)
{
    for (const CategoryName &c : kCategoryNames) {
        if (c.name == name) {
            if (category)
                *category = c.category;
            return true;
        }
    }
    return false;
}

QByteArray FeedTopics::categoryName(Category category)
{
    return kCategoryNames[int(category)].name.toByteArray();
}

bool FeedTopics::parseTopic(QStringView topic, Category *category, QString *id)
{
    const qsizetype colon = topic.indexOf(u':');
    if (colon <= 0)
        return false;
    const QStringView name = topic.left(colon);
    const QStringView rest = topic.mid(colon + 1);
    if (rest.isEmpty() || rest.size() > kMaxIdLength)
        return false;
    if (std::any_of(rest.begin(), rest.end(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; }))
        return false;
    // Category names are ASCII; anything longer than the longest one cannot match.
    if (name.size() > 16)
        return false;
    const QByteArray latin = name.toLatin1();
    Category parsed;
    if (!categoryFromName(latin, &parsed))
        return false;
    if (category)
        *category = parsed;
    if (id)
        *id = rest.toString();
    return true;
}

QString FeedTopics::topic(Category category, QStringView id)
{
    return QString::fromLatin1(categoryName(category)) + u':' + id;
}

QByteArray FeedTopics::topicCategoryForEventType(QByteArrayView type)
{
    Category category;
    return categoryForEventType(type, &category) ? categoryName(category) : QByteArray();
}

bool FeedTopics::categoryForEventType(QByteArrayView type, Category *category)
{
    for (const TypeCategory &t : kTypeCategories) {
        if (t.type == type) {
            if (category)
                *category = t.category;
            return true;
        }
    }
    return false;
}

bool FeedTopics::add(Category category, const QString &id)
{
    Entry &e = m_entries[int(category)];
    if (id == u"*") {
        if (e.all)
            return false;
        e.all = true;
    } else {
        const qsizetype before = e.ids.size();
        e.ids.insert(id.toUtf8());
        if (e.ids.size() == before)
            return false;
    }
    ++m_size;
    return true;
}

bool FeedTopics::add(QStringView topic)
{
    Category category;
    QString id;
    return parseTopic(topic, &category, &id) && add(category, id);
}

bool FeedTopics::remove(Category category, const QString &id)
{
    Entry &e = m_entries[int(category)];
    if (id == u"*") {
        if (!e.all)
            return false;
        e.all = false;
    } else if (!e.ids.remove(id.toUtf8())) {
        return false;
    }
    --m_size;
    return true;
}

bool FeedTopics::contains(Category category, const QString &id) const
{
    const Entry &e = m_entries[int(category)];
    return id == u"*" ? e.all : e.ids.contains(id.toUtf8());
}

bool FeedTopics::matches(Category category, const QByteArray &workflowId) const
{
    const Entry &e = m_entries[int(category)];
    return e.all || (!e.ids.isEmpty() && e.ids.contains(workflowId));
}

bool FeedTopics::matchesEverything() const
{
    return std::all_of(m_entries.begin(), m_entries.end(), [](const Entry &e) { return e.all; });
}

QStringList FeedTopics::toStringList() const
{
    QStringList out;
    out.reserve(m_size);
    for (int c = 0; c < kCategoryCount; ++c) {
        const Entry &e = m_entries[c];
        const QString prefix = QString::fromLatin1(categoryName(Category(c))) + u':';
        if (e.all)
            out.append(prefix + u'*');
        QStringList ids;
        for (const QByteArray &id : e.ids)
            ids.append(prefix + QString::fromUtf8(id));
        ids.sort();
        out += ids;
    }
    return out;
}

void FeedTopics::clear()
{
    for (Entry &e : m_entries)
        e = Entry();
    m_size = 0;
}

} // namespace StateScope
