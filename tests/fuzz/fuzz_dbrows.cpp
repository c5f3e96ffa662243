// libFuzzer target for what the database readers parse out of cells (BARS R2): a state_machines
// row (parseDefinitionRow, then validateDefinition), a workflow_states row (JsonRow's
// current_state.stateName and the created_at cell), a state_consistency row
// (parseConsistencyRow) and timestamp cells (TimeUtil::parse, and SqlCells::timestamp /
// boolean on the cell as a real in-memory SQLite database hands it back from TEXT, INTEGER and
// untyped columns). The input is split into cells as tests/fuzz/dbrowsframing.h says.
// It aborts on a crash, a sanitizer report, or a broken invariant: a definition that does not
// read back as itself from what the writers store (JSON arrays, PostgreSQL's array literal), a
// timestamp that does not survive formatUtc, SQLite's text cell read differently from the bytes.
//
// Build (clang; the parsers, the SQLite connection and the time code are compiled into the
// target with coverage and sanitizers):
//   CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
//       -DSTATESCOPE_FUZZ=ON -DSTATESCOPE_BUILD_TESTS=ON -DSTATESCOPE_BUILD_BENCH=OFF
//   ninja -C build-fuzz -j1 fuzz_dbrows
// Run (a scratch corpus seeded from the saved one), or all targets with scripts/fuzz-soak.sh:
//   mkdir -p /tmp/dbcorpus && cp tests/fuzz/corpus/dbrows/* /tmp/dbcorpus/
//   build-fuzz/tests/fuzz/fuzz_dbrows /tmp/dbcorpus -max_total_time=600 -timeout=10 -rss_limit_mb=2048
// A crash leaves crash-<sha1> behind: fix it, then save the input in tests/fuzz/corpus/dbrows/
// under a name that says what it was (tst_dbrowscorpus replays that folder in every CI run).

#include "consistencyrowparser.h"
#include "dbrowsframing.h"
#include "definitionparser.h"
#include "definitionvalidator.h"
#include "jsonrow.h"
#include "sqlcells.h"
#include "sqliteconnection.h"

#include <QJsonDocument>
#include <QSet>
#include <QUtf8StringView>

#include <cstdio>
#include <cstdlib>

using namespace StateScope;
using DbRowsFraming::Row;

namespace {

void check(bool condition, const char *what, const QByteArray &detail = {})
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_dbrows: %s %s\n", what, detail.constData());
    std::abort();
}

// A text as it comes back from UTF-8: compared this way on both sides, a lone surrogate (which
// JSON's \ud800 can hold and UTF-8 cannot) counts as kept.
QString viaUtf8(const QString &s)
{
    return QString::fromUtf8(s.toUtf8());
}

// final_states as StateDatabaseWriter stores them in PostgreSQL (TEXT[] literal, items quoted).
QByteArray postgresArray(const QStringList &items)
{
    QStringList quoted;
    for (QString s : items)
        quoted.append(QLatin1Char('"') + s.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""))
                      + QLatin1Char('"'));
    return QString(QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}')).toUtf8();
}

QByteArray describe(const DefinitionTransition &t)
{
    return QStringLiteral("%1 %2->%3 [%4] if %5 p%6%7")
        .arg(t.id, t.source, t.target, t.event, t.condition)
        .arg(t.priority)
        .arg(t.isError ? QStringLiteral(" error") : QString())
        .toUtf8();
}

void compareDefinitions(const StateMachineDefinition &a, const StateMachineDefinition &b)
{
    check(a.states.size() == b.states.size() && a.transitions.size() == b.transitions.size(), "counts change on re-reading");
    for (size_t i = 0; i < a.states.size(); ++i)
        check(viaUtf8(a.states[i].name) == viaUtf8(b.states[i].name) && viaUtf8(a.states[i].type) == viaUtf8(b.states[i].type),
              "a state changes on re-reading:", a.states[i].name.toUtf8());
    for (size_t i = 0; i < a.transitions.size(); ++i) {
        const DefinitionTransition &x = a.transitions[i];
        const DefinitionTransition &y = b.transitions[i];
        check(viaUtf8(x.id) == viaUtf8(y.id) && viaUtf8(x.source) == viaUtf8(y.source) && viaUtf8(x.target) == viaUtf8(y.target)
                  && viaUtf8(x.event) == viaUtf8(y.event) && viaUtf8(x.condition) == viaUtf8(y.condition) && x.priority == y.priority
                  && x.isError == y.isError,
              "a transition changes on re-reading:", describe(x) + " became " + describe(y));
    }
    QStringList finals, backFinals;
    for (const QString &f : a.finalStates)
        finals.append(viaUtf8(f));
    for (const QString &f : b.finalStates)
        backFinals.append(viaUtf8(f));
    check(finals == backFinals, "final states change on re-reading:", a.finalStates.join(QLatin1Char('|')).toUtf8());
}

void definitionRow(const Row &row)
{
    const QString initial = QString::fromUtf8(row.cell(3));
    const DefinitionParseResult r = parseDefinitionRow(QStringLiteral("m"), QStringLiteral("n"), QStringLiteral("1"), row.cell(0),
                                                       row.cell(1), initial, row.cell(2));
    if (!r.ok())
        return;
    const StateMachineDefinition &d = r.definition;
    QSet<QString> known;
    for (const DefinitionState &s : d.states)
        known.insert(s.name);
    for (const DefinitionTransition &t : d.transitions)
        known << t.source << t.target;
    const DefinitionFindings f = validateDefinition(d);
    for (const QStringList *list : {&f.unreachable, &f.deadlocks, &f.trapped, &f.missingErrorHandling})
        for (const QString &name : *list)
            check(known.contains(name), "a finding about a state that does not exist:", name.toUtf8());

    // What the writers store reads back as what was read: JSON arrays, and final_states both as
    // a JSON array (SQLite) and as PostgreSQL's array literal.
    const QByteArray states = QJsonDocument(definitionStatesJson(d)).toJson(QJsonDocument::Compact);
    const QByteArray transitions = QJsonDocument(definitionTransitionsJson(d)).toJson(QJsonDocument::Compact);
    for (const QByteArray &finals : {QJsonDocument(QJsonArray::fromStringList(d.finalStates)).toJson(QJsonDocument::Compact),
                                     postgresArray(d.finalStates)}) {
        const DefinitionParseResult back = parseDefinitionRow(d.id, d.name, d.version, states, transitions, d.initialState, finals);
        check(back.ok(), "a written definition does not read:", back.error.toUtf8() + ' ' + finals);
        compareDefinitions(d, back.definition);
    }
}

// One SQLite table whose columns hand the same cell back as TEXT, INTEGER (numeric affinity)
// and untyped, the ways database readers meet timestamp and boolean cells.
struct CellTable
{
    CellTable()
    {
        QString error;
        db = SqliteConnection::open(QStringLiteral(":memory:"), false, true, &error);
        check(db && db->execScript("CREATE TABLE cells (t TEXT, n INTEGER, a)", &error), "SQLite:", error.toUtf8());
        insert = db->prepare("INSERT INTO cells VALUES ($1, $1, $1)", &error);
        select = db->prepare("SELECT t, n, a FROM cells", &error);
        clear = db->prepare("DELETE FROM cells", &error);
        check(insert && select && clear, "SQLite:", error.toUtf8());
    }
    std::unique_ptr<SqliteConnection> db;
    std::unique_ptr<SqlStatement> insert, select, clear;
};

void timestampCell(QByteArrayView cell)
{
    TimeMs direct = kUnknownTime;
    bool zoned = false;
    const bool parsed = TimeUtil::parse(cell, &direct, &zoned);
    TimeMs plain = kUnknownTime;
    check(TimeUtil::parse(cell, &plain) == parsed && plain == direct, "the two parse overloads disagree");
    TimeMs wide = kUnknownTime;
    check(TimeUtil::parse(QString::fromLatin1(cell), &wide) == parsed && wide == direct, "QStringView parse disagrees");
    if (parsed) {
        // Any time shows as text; years 0..9999 read back from it exactly.
        const QByteArray text = TimeUtil::formatUtc(direct);
        TimeMs back = kUnknownTime;
        if (direct >= -62167219200000LL && direct <= 253402300799999LL)
            check(TimeUtil::parse(text, &back) && back == direct, "formatUtc does not read back:", text);
    }

    static CellTable table;
    table.insert->bindText(1, cell);
    check(table.insert->exec(), "SQLite insert:", table.insert->error().toUtf8());
    table.insert->reset();
    check(table.select->next(), "SQLite select:", table.select->error().toUtf8());
    for (int column = 0; column < 3; ++column) {
        TimeMs value = kUnknownTime;
        const bool ok = SqlCells::timestamp(*table.select, column, &value);
        if (column == 0) // TEXT keeps the bytes: the same answer as the parser on them
            check(ok == parsed && (!ok || value == direct), "a TEXT cell reads differently from its bytes");
        if (ok && value != kUnknownTime)
            TimeUtil::formatUtc(value); // an integer cell can hold any int64: it must still show
        bool flag = false;
        SqlCells::boolean(*table.select, column, &flag);
        SqlCells::idText(*table.select, column);
    }
    table.select->reset();
    check(table.clear->exec(), "SQLite delete:", table.clear->error().toUtf8());
    table.clear->reset();
}

void workflowStateRow(const Row &row)
{
    static JsonRow json; // the readers keep one per thread, row after row
    QByteArray stateName;
    QString error;
    const bool ok = json.objectStringMember(row.cell(0), "stateName", &stateName, &error);
    check(ok == error.isEmpty(), "ok and error disagree");
    check(ok || stateName.isEmpty(), "a state name from a rejected cell");
    check(QUtf8StringView(stateName).isValidUtf8(), "a state name that is not UTF-8");
    timestampCell(row.cell(1));
}

void consistencyRow(const Row &row)
{
    ConsistencySample sample;
    QString error;
    const bool ok = parseConsistencyRow(row.cell(0), row.cell(1), row.cell(2), &sample, &error);
    check(ok == error.isEmpty(), "ok and error disagree");
    if (!ok || sample.nodes.empty())
        return;
    check(sample.nodesInSync >= 0 && size_t(sample.nodesInSync) <= sample.nodes.size(), "more nodes in sync than nodes");
    bool noneNegative = true;
    for (const ReplicaNode &n : sample.nodes) {
        check(!(n.lagMs > sample.maxLagMs), "a node lags more than the maximum");
        noneNegative = noneNegative && n.pendingChanges >= 0;
    }
    check(!noneNegative || sample.pendingChanges >= 0, "pending changes add up to less than zero");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Row row = DbRowsFraming::split(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    switch (row.kind) {
    case DbRowsFraming::Kind::Definition:
        definitionRow(row);
        break;
    case DbRowsFraming::Kind::WorkflowState:
        workflowStateRow(row);
        break;
    case DbRowsFraming::Kind::Consistency:
        consistencyRow(row);
        break;
    case DbRowsFraming::Kind::Timestamps:
        for (const QByteArrayView cell : row.cells)
            timestampCell(cell);
        break;
    }
    return 0;
}
