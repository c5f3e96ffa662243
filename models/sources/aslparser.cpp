#include "aslparser.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <simdjson.h>

namespace StateScope {

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The string at `key`, empty when absent or not a string.
QString stringAt(const object &o, std::string_view key)
{
    std::string_view s;
    return o.at_key(key).get_string().get(s) == simdjson::SUCCESS ? qs(s) : QString();
}

// The ErrorEquals names of a Retry or Catch rule.
QStringList errorNames(const object &rule)
{
    QStringList errors;
    simdjson::dom::array equals;
    if (rule.at_key("ErrorEquals").get(equals) == simdjson::SUCCESS) {
        for (const element e : equals) {
            std::string_view text;
            if (e.get(text) == simdjson::SUCCESS)
                errors.append(qs(text));
        }
    }
    return errors;
}

bool has(const object &o, std::string_view key)
{
    return o.at_key(key).error() == simdjson::SUCCESS;
}

const QSet<QString> &knownTypes()
{
    static const QSet<QString> types{QStringLiteral("Task"), QStringLiteral("Pass"),    QStringLiteral("Wait"),
                                     QStringLiteral("Choice"), QStringLiteral("Parallel"), QStringLiteral("Map"),
                                     QStringLiteral("Succeed"), QStringLiteral("Fail")};
    return types;
}

// One States object (the top machine, a Parallel branch, a Map iteration) being flattened.
struct Scope
{
    QString label;  // "the machine", "branch 2 of Fork", "the iteration of Each"
    QString parent; // the enclosing Parallel or Map state; empty at the top
    int branch = -1; // the index of this Parallel branch; -1 at the top and in a Map
    QStringList names;
    QStringList ends; // states that end this scope (End: true, Succeed; Fail ends the whole run)
    bool terminal = false; // some state ends it: one of `ends`, or a Parallel or Map with End
};

class Flattener
{
public:
    explicit Flattener(StateMachineDefinition &d) : m_d(d) { }

    // Reads one machine object; false with *error when it is no machine at all.
    bool machine(const object &m, Scope &scope, QString *error, QString *startAt);
    void checkTargets();

private:
    void state(const QString &name, const object &s, Scope &scope, QString *error);
    void nested(const QString &name, const object &s, Scope &outer, QString *error);
    void link(const QString &from, const QString &to, const QString &event, const QString &condition, int priority,
              bool isError, const Scope &scope);

    struct PendingLink
    {
        QString from;
        QString to;
        QString scope;
    };
    StateMachineDefinition &m_d;
    QHash<QString, QString> m_scopeOf; // state name → its scope's label
    std::vector<PendingLink> m_links;
};

bool Flattener::machine(const object &m, Scope &scope, QString *error, QString *startAt)
{
    *startAt = stringAt(m, "StartAt");
    object states;
    if (startAt->isEmpty() || m.at_key("States").get(states) != simdjson::SUCCESS) {
        *error = QStringLiteral("%1 has no \"StartAt\" string and \"States\" object").arg(scope.label);
        return false;
    }
    // Iterating the parsed object sees every key, also the duplicates a map would merge.
    for (const simdjson::dom::key_value_pair field : states) {
        const QString name = qs(field.key);
        object s;
        if (field.value.get(s) != simdjson::SUCCESS) {
            *error = QStringLiteral("state \"%1\" in %2 is not an object").arg(name, scope.label);
            return false;
        }
        if (scope.names.contains(name))
            m_d.problems.append(QStringLiteral("duplicate state name \"%1\" in %2").arg(name, scope.label));
        else if (m_scopeOf.contains(name))
            m_d.problems.append(QStringLiteral("state name \"%1\" is used in %2 and in %3 (names must be unique in the whole machine)")
                                    .arg(name, m_scopeOf.value(name), scope.label));
        else
            m_scopeOf.insert(name, scope.label);
        scope.names.append(name);
        state(name, s, scope, error);
        if (!error->isEmpty())
            return false;
    }
    if (!scope.names.contains(*startAt))
        m_d.problems.append(QStringLiteral("%1: StartAt names a missing state \"%2\"").arg(scope.label, *startAt));
    if (!scope.terminal && !scope.names.isEmpty())
        m_d.problems.append(QStringLiteral("%1 has no terminal state (End, Succeed or Fail)").arg(scope.label));
    return true;
}

void Flattener::state(const QString &name, const object &s, Scope &scope, QString *error)
{
    const QString type = stringAt(s, "Type");
    m_d.states.push_back({name, type.toLower(), scope.parent, scope.branch});
    if (type.isEmpty()) {
        m_d.problems.append(QStringLiteral("state \"%1\" has no Type").arg(name));
        return;
    }
    if (!knownTypes().contains(type)) {
        m_d.problems.append(QStringLiteral("state \"%1\" has an unknown Type \"%2\"").arg(name, type));
        return;
    }
    bool end = false;
    const bool hasEnd = s.at_key("End").get(end) == simdjson::SUCCESS && end;
    const QString next = stringAt(s, "Next");
    if (type == QLatin1String("Succeed") || type == QLatin1String("Fail")) {
        if (!next.isEmpty())
            m_d.problems.append(QStringLiteral("%1 state \"%2\" cannot have Next").arg(type, name));
        scope.ends.append(name);
        scope.terminal = true;
        if (scope.parent.isEmpty() || type == QLatin1String("Fail"))
            m_d.finalStates.append(name); // a Fail anywhere ends the execution
        return;
    }
    if (type == QLatin1String("Choice")) {
        // A default-constructed simdjson array must not be iterated: only one that was read.
        simdjson::dom::array choices;
        const bool hasChoices = s.at_key("Choices").get(choices) == simdjson::SUCCESS && choices.size() > 0;
        if (!hasChoices)
            m_d.problems.append(QStringLiteral("Choice state \"%1\" has no Choices").arg(name));
        int priority = 0;
        if (hasChoices) {
            for (const element c : choices) {
                object rule;
                if (c.get(rule) != simdjson::SUCCESS)
                    continue;
                // Each rule is its own condition (JSONPath comparison or JSONata "Condition"):
                // distinct priorities keep a Choice deterministic.
                link(name, stringAt(rule, "Next"), QString(), qs(simdjson::minify(c)), priority++, false, scope);
            }
        }
        if (has(s, "Default"))
            link(name, stringAt(s, "Default"), QStringLiteral("default"), QString(), priority, false, scope);
        if (hasEnd || !next.isEmpty())
            m_d.problems.append(QStringLiteral("Choice state \"%1\" cannot have Next or End").arg(name));
        return;
    }
    if (hasEnd == !next.isEmpty())
        m_d.problems.append(hasEnd ? QStringLiteral("state \"%1\" has both Next and End").arg(name)
                                   : QStringLiteral("state \"%1\" has neither Next nor End").arg(name));
    // A Parallel or Map is left through its nested machines' ends (nested()), not directly.
    const bool container = type == QLatin1String("Parallel") || type == QLatin1String("Map");
    if (!next.isEmpty() && container)
        m_links.push_back({name, next, scope.label}); // its Next must still be a state of this scope
    else if (!next.isEmpty())
        link(name, next, QString(), QString(), 0, false, scope);
    // A Parallel or Map with End ends its scope too, though through its nested machines' ends.
    scope.terminal = scope.terminal || hasEnd;
    if (hasEnd && !container) {
        scope.ends.append(name);
        if (scope.parent.isEmpty())
            m_d.finalStates.append(name);
    }
    simdjson::dom::array list;
    if (s.at_key("Retry").get(list) == simdjson::SUCCESS) {
        for (const element r : list) {
            object rule;
            if (r.get(rule) == simdjson::SUCCESS)
                link(name, name, QStringLiteral("retry: ") + errorNames(rule).join(QLatin1Char(',')), QString(), 0,
                     false, scope);
        }
    }
    if (s.at_key("Catch").get(list) == simdjson::SUCCESS) {
        for (const element c : list) {
            object rule;
            if (c.get(rule) != simdjson::SUCCESS)
                continue;
            link(name, stringAt(rule, "Next"), errorNames(rule).join(QLatin1Char(',')), QString(), 0, true, scope);
        }
    }
    if (container)
        nested(name, s, scope, error);
}

void Flattener::nested(const QString &name, const object &s, Scope &outer, QString *error)
{
    const bool parallel = stringAt(s, "Type") == QLatin1String("Parallel");
    std::vector<object> machines;
    if (parallel) {
        simdjson::dom::array branches;
        if (s.at_key("Branches").get(branches) == simdjson::SUCCESS) {
            for (const element b : branches) {
                object m;
                if (b.get(m) == simdjson::SUCCESS)
                    machines.push_back(m);
            }
        }
        if (machines.empty())
            m_d.problems.append(QStringLiteral("Parallel state \"%1\" has no Branches").arg(name));
    } else {
        object m;
        if (s.at_key("ItemProcessor").get(m) == simdjson::SUCCESS || s.at_key("Iterator").get(m) == simdjson::SUCCESS)
            machines.push_back(m);
        else
            m_d.problems.append(QStringLiteral("Map state \"%1\" has no ItemProcessor (or Iterator)").arg(name));
    }
    const QString after = stringAt(s, "Next");
    for (size_t i = 0; i < machines.size(); ++i) {
        Scope inner;
        inner.parent = name;
        inner.branch = parallel ? int(i) : -1;
        inner.label = parallel ? QStringLiteral("branch %1 of \"%2\"").arg(i + 1).arg(name)
                               : QStringLiteral("the iteration of \"%1\"").arg(name);
        QString start;
        if (!machine(machines[i], inner, error, &start))
            return;
        m_d.transitions.push_back({QString(), name, start, parallel ? QStringLiteral("branch %1").arg(i + 1) : QStringLiteral("iteration"),
                                   QString(), int(i), false});
        for (const QString &end : inner.ends) {
            if (m_d.finalStates.contains(end))
                continue; // a Fail ends the execution, not the branch
            if (!after.isEmpty())
                m_d.transitions.push_back({QString(), end, after, QStringLiteral("join"), QString(), 0, false});
            else if (outer.parent.isEmpty())
                m_d.finalStates.append(end); // the enclosing state ends the machine
            else
                outer.ends.append(end); // ... or its own branch: the join happens further out
        }
    }
}

void Flattener::link(const QString &from, const QString &to, const QString &event, const QString &condition,
                     int priority, bool isError, const Scope &scope)
{
    if (to.isEmpty()) {
        m_d.problems.append(QStringLiteral("state \"%1\": a transition without a target state").arg(from));
        return;
    }
    m_d.transitions.push_back({QString(), from, to, event, condition, priority, isError});
    m_links.push_back({from, to, scope.label});
}

// After every scope is read: each target must be a state of the same scope. Links to missing
// states are reported here and dropped from the graph.
void Flattener::checkTargets()
{
    std::erase_if(m_d.transitions, [this](const DefinitionTransition &t) { return !m_scopeOf.contains(t.target); });
    for (const PendingLink &l : m_links) {
        const auto where = m_scopeOf.constFind(l.to);
        if (where == m_scopeOf.cend())
            m_d.problems.append(QStringLiteral("state \"%1\" goes to a missing state \"%2\"").arg(l.from, l.to));
        else if (*where != l.scope)
            m_d.problems.append(QStringLiteral("state \"%1\" in %2 goes to \"%3\" in %4: a branch or iteration cannot be "
                                               "left or entered except through its Parallel or Map state")
                                    .arg(l.from, l.scope, l.to, *where));
    }
}

} // namespace

QString jsonPosition(const QByteArray &json, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, json.size());
    const qsizetype line = json.left(offset).count('\n') + 1;
    const qsizetype column = offset - (json.lastIndexOf('\n', offset - 1) + 1) + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

AslParseResult parseAslMachine(const QByteArray &json, const QString &label)
{
    AslParseResult r;
    // Qt's parser first: it says where the JSON breaks. simdjson then walks every key.
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        r.error = QStringLiteral("%1: invalid JSON at %2: %3").arg(label, jsonPosition(json, pe.offset), pe.errorString());
        return r;
    }
    simdjson::dom::parser parser;
    const simdjson::padded_string padded(json.constData(), size_t(json.size()));
    object top;
    if (parser.parse(padded).get(top) != simdjson::SUCCESS) {
        r.error = QStringLiteral("%1: not a JSON object").arg(label);
        return r;
    }
    StateMachineDefinition &d = r.definition;
    d.id = label;
    d.name = has(top, "Comment") ? stringAt(top, "Comment") : label;
    d.version = stringAt(top, "Version");
    const QString language = stringAt(top, "QueryLanguage");
    if (!language.isEmpty() && language != QLatin1String("JSONPath") && language != QLatin1String("JSONata"))
        d.problems.append(QStringLiteral("unknown QueryLanguage \"%1\" (JSONPath or JSONata)").arg(language));
    Flattener flattener(d);
    Scope scope;
    scope.label = QStringLiteral("the machine");
    QString error;
    if (!flattener.machine(top, scope, &error, &d.initialState)) {
        r.error = QStringLiteral("%1: %2").arg(label, error);
        return r;
    }
    flattener.checkTargets();
    d.finalStates.removeDuplicates();
    return r;
}

} // namespace StateScope
