#include "definitionparser.h"

#include "aslparser.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace StateScope {

namespace {

bool looksLikeError(const QString &text)
{
    const QString t = text.toLower();
    return t.contains(QLatin1String("error")) || t.contains(QLatin1String("fail")) || t.contains(QLatin1String("catch"))
        || t.contains(QLatin1String("exception")) || t.contains(QLatin1String("timeout"));
}

// The inside of PostgreSQL's one-dimensional array literal, {a,"b c","d\"e",NULL}: items quoted
// (a backslash escapes the next character; commas and braces are text) or bare (trimmed; NULL
// is no item). False for anything else: a nested array, an unclosed quote, an empty item.
bool parsePostgresArray(QByteArrayView inner, QStringList *items)
{
    qsizetype i = 0;
    const qsizetype n = inner.size();
    const auto skipSpace = [&] {
        while (i < n && (inner[i] == ' ' || inner[i] == '\t' || inner[i] == '\n' || inner[i] == '\r'))
            ++i;
    };
    skipSpace();
    if (i == n)
        return true; // {}
    for (;;) {
        skipSpace();
        QByteArray item;
        const bool quoted = i < n && inner[i] == '"';
        if (quoted) {
            for (++i; i < n && inner[i] != '"'; ++i) {
                if (inner[i] == '\\' && i + 1 < n)
                    ++i;
                item += inner[i];
            }
            if (i == n)
                return false;
            ++i;
            skipSpace();
        } else {
            for (; i < n && inner[i] != ','; ++i) {
                if (inner[i] == '"' || inner[i] == '{' || inner[i] == '}')
                    return false;
                if (inner[i] == '\\' && i + 1 < n)
                    ++i;
                item += inner[i];
            }
            item = item.trimmed();
            if (item.isEmpty())
                return false;
        }
        if (quoted || item.compare("NULL", Qt::CaseInsensitive) != 0)
            items->append(QString::fromUtf8(item));
        if (i == n)
            return true;
        if (inner[i] != ',')
            return false;
        ++i;
    }
}

QStringList parseFinalStates(QByteArrayView text, QString *error)
{
    QStringList finals;
    const QByteArray trimmed = QByteArray(text.data(), text.size()).trimmed();
    if (trimmed.isEmpty())
        return finals;
    if (trimmed.startsWith('{') && trimmed.endsWith('}')) { // PostgreSQL array literal
        if (!parsePostgresArray(QByteArrayView(trimmed).sliced(1, trimmed.size() - 2), &finals)) {
            *error = QStringLiteral("final_states is neither a JSON array nor a PostgreSQL array literal");
            return {};
        }
        return finals;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &pe);
    if (!doc.isArray()) {
        *error = QStringLiteral("final_states is not a JSON array");
        return finals;
    }
    for (const QJsonValue &v : doc.array()) {
        if (!v.isString()) {
            *error = QStringLiteral("final_states holds a non-string entry");
            return {};
        }
        finals.append(v.toString());
    }
    return finals;
}

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

DefinitionParseResult fromRowObjects(const QJsonArray &states, const QJsonArray &transitions)
{
    DefinitionParseResult r;
    for (const QJsonValue &v : states) {
        if (v.isString()) { // tolerate a plain list of names
            r.definition.states.push_back({v.toString(), QString()});
            continue;
        }
        const QJsonObject o = v.toObject();
        if (!v.isObject() || !o.value(QLatin1String("name")).isString()) {
            r.error = QStringLiteral("a state has no \"name\"");
            return r;
        }
        r.definition.states.push_back({text(o, "name"), text(o, "type")});
    }
    for (const QJsonValue &v : transitions) {
        const QJsonObject o = v.toObject();
        if (!v.isObject() || !o.value(QLatin1String("source")).isString() || !o.value(QLatin1String("target")).isString()) {
            r.error = QStringLiteral("a transition lacks a string \"source\" or \"target\"");
            return r;
        }
        DefinitionTransition t;
        t.id = o.value(QLatin1String("id")).toVariant().toString();
        t.source = text(o, "source");
        t.target = text(o, "target");
        t.event = text(o, "event");
        t.condition = text(o, "condition");
        t.priority = o.value(QLatin1String("priority")).toInt();
        t.isError = looksLikeError(t.event) || looksLikeError(t.id) || text(o, "type").toLower() == QLatin1String("error");
        r.definition.transitions.push_back(t);
    }
    return r;
}

} // namespace

DefinitionParseResult parseDefinitionRow(const QString &id, const QString &name, const QString &version,
                                         QByteArrayView statesJson, QByteArrayView transitionsJson,
                                         const QString &initialState, QByteArrayView finalStates)
{
    const QJsonDocument states = QJsonDocument::fromJson(QByteArray(statesJson.data(), statesJson.size()));
    const QJsonDocument transitions = QJsonDocument::fromJson(QByteArray(transitionsJson.data(), transitionsJson.size()));
    DefinitionParseResult r;
    if (!states.isArray()) {
        r.error = QStringLiteral("states is not a JSON array");
        return r;
    }
    if (!transitions.isArray()) {
        r.error = QStringLiteral("transitions is not a JSON array");
        return r;
    }
    r = fromRowObjects(states.array(), transitions.array());
    if (!r.ok())
        return r;
    QString finalsError;
    r.definition.finalStates = parseFinalStates(finalStates, &finalsError);
    if (!finalsError.isEmpty()) {
        r.error = finalsError;
        return r;
    }
    r.definition.id = id;
    r.definition.name = name;
    r.definition.version = version;
    r.definition.initialState = initialState;
    return r;
}

DefinitionParseResult parseDefinitionJson(const QByteArray &json, const QString &label)
{
    DefinitionParseResult r;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        r.error = QStringLiteral("%1: invalid JSON at %2: %3").arg(label, jsonPosition(json, pe.offset), pe.errorString());
        return r;
    }
    if (!doc.isObject()) {
        r.error = QStringLiteral("%1: a definition must be a JSON object").arg(label);
        return r;
    }
    const QJsonObject o = doc.object();
    if (o.contains(QLatin1String("StartAt")) || o.contains(QLatin1String("States"))) {
        AslParseResult asl = parseAslMachine(json, label);
        r.definition = std::move(asl.definition);
        r.error = asl.error;
        return r;
    }
    if (!o.value(QLatin1String("states")).isArray() || !o.value(QLatin1String("transitions")).isArray()) {
        r.error = QStringLiteral("%1: not a state machine definition (expected \"states\" and \"transitions\" arrays, "
                                 "or Amazon States Language \"StartAt\" and \"States\")").arg(label);
        return r;
    }
    r = fromRowObjects(o.value(QLatin1String("states")).toArray(), o.value(QLatin1String("transitions")).toArray());
    if (!r.ok()) {
        r.error = label + QStringLiteral(": ") + r.error;
        return r;
    }
    const QJsonValue finals = o.contains(QLatin1String("final_states")) ? o.value(QLatin1String("final_states"))
                                                                         : o.value(QLatin1String("finalStates"));
    for (const QJsonValue &v : finals.toArray())
        r.definition.finalStates.append(v.toString());
    r.definition.initialState = o.contains(QLatin1String("initial_state")) ? text(o, "initial_state") : text(o, "initialState");
    r.definition.name = o.contains(QLatin1String("name")) ? text(o, "name") : label;
    r.definition.version = text(o, "version");
    r.definition.id = o.contains(QLatin1String("id")) ? o.value(QLatin1String("id")).toVariant().toString() : label;
    return r;
}

DefinitionParseResult parseDefinitionFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        DefinitionParseResult r;
        r.error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return r;
    }
    if (f.size() > 64 * 1024 * 1024) {
        DefinitionParseResult r;
        r.error = QStringLiteral("%1: too large for a definition (over 64 MiB)").arg(path);
        return r;
    }
    return parseDefinitionJson(f.readAll(), QFileInfo(path).fileName());
}

QJsonArray definitionStatesJson(const StateMachineDefinition &definition)
{
    QJsonArray states;
    for (const DefinitionState &s : definition.states)
        states.append(QJsonObject{{QStringLiteral("name"), s.name}, {QStringLiteral("type"), s.type}});
    return states;
}

QJsonArray definitionTransitionsJson(const StateMachineDefinition &definition)
{
    QJsonArray transitions;
    for (const DefinitionTransition &t : definition.transitions) {
        QJsonObject o{{QStringLiteral("id"), t.id}, {QStringLiteral("source"), t.source}, {QStringLiteral("target"), t.target},
                      {QStringLiteral("event"), t.event}, {QStringLiteral("priority"), t.priority}};
        // Without these a stored Choice loses its conditions, and an error transition whose
        // event and id do not say "error" reads back as a normal one.
        if (!t.condition.isEmpty())
            o.insert(QStringLiteral("condition"), t.condition);
        if (t.isError)
            o.insert(QStringLiteral("type"), QStringLiteral("error"));
        transitions.append(o);
    }
    return transitions;
}

} // namespace StateScope
