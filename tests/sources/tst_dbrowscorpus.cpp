// Replays the fuzz_dbrows corpus (tests/fuzz/corpus/dbrows, one database row per file, framed as
// tests/fuzz/dbrowsframing.h says): each row through the parser its table uses, then all of them
// as rows of one real SQLite database through the loader, which must report every bad row by its
// id and load the rest (BARS R2). Under ASan + UBSan in scripts/test.sh --sanitize.
// good_* files must be accepted, bad_* rejected, edge_* either way.

#include "../fuzz/dbrowsframing.h"
#include "consistencyrowparser.h"
#include "definitionparser.h"
#include "definitionvalidator.h"
#include "eventstore.h"
#include "jsonrow.h"
#include "schemainstaller.h"
#include "sqliteconnection.h"
#include "storeloader.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace StateScope;
using DbRowsFraming::Kind;

namespace {

struct CorpusFile
{
    QString name;
    QByteArray bytes;
    DbRowsFraming::Row row() const { return DbRowsFraming::split(bytes); }
};

// Compared through UTF-8 on both sides: a lone surrogate (JSON's \ud800) counts as kept.
QString viaUtf8(const QString &s)
{
    return QString::fromUtf8(s.toUtf8());
}

QString postgresArray(const QStringList &items) // as StateDatabaseWriter writes final_states
{
    QStringList quoted;
    for (QString s : items)
        quoted.append(QLatin1Char('"') + s.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""))
                      + QLatin1Char('"'));
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

// What the parser of the row's table makes of it: accepted or not, and the time cells that parse.
bool accepted(const DbRowsFraming::Row &row, int *timesParsed = nullptr)
{
    switch (row.kind) {
    case Kind::Definition:
        return parseDefinitionRow(QStringLiteral("m"), QStringLiteral("m"), QStringLiteral("1"), row.cell(0), row.cell(1),
                                  QString::fromUtf8(row.cell(3)), row.cell(2))
            .ok();
    case Kind::WorkflowState: {
        JsonRow json;
        QByteArray name;
        QString error;
        TimeMs t = kUnknownTime;
        return json.objectStringMember(row.cell(0), "stateName", &name, &error) && TimeUtil::parse(row.cell(1), &t);
    }
    case Kind::Consistency: {
        ConsistencySample sample;
        QString error;
        return parseConsistencyRow(row.cell(0), row.cell(1), row.cell(2), &sample, &error);
    }
    case Kind::Timestamps: {
        int parsed = 0;
        for (const QByteArrayView cell : row.cells) {
            TimeMs t = kUnknownTime;
            parsed += TimeUtil::parse(cell, &t) ? 1 : 0;
        }
        if (timesParsed)
            *timesParsed = parsed;
        return parsed == row.cells.size();
    }
    }
    return false;
}

} // namespace

class TestDbRowsCorpus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parsers_data();
    void parsers();
    void postgresFinalStates_data();
    void postgresFinalStates();
    void loaderReportsBadRowsAndGoesOn();

private:
    std::vector<CorpusFile> m_files;
};

void TestDbRowsCorpus::initTestCase()
{
    const QString dir = QFINDTESTDATA("../fuzz/corpus/dbrows");
    QVERIFY2(!dir.isEmpty(), "tests/fuzz/corpus/dbrows not found");
    QSet<QString> kinds;
    for (const QFileInfo &info : QDir(dir).entryInfoList(QDir::Files, QDir::Name)) {
        QFile file(info.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_files.push_back({info.fileName(), file.readAll()});
        kinds.insert(info.completeBaseName().section(QLatin1Char('_'), 0, 1)); // "good_definition", "bad_consistency" ...
    }
    QVERIFY(m_files.size() >= 30);
    for (const char *kind : {"definition", "workflow", "consistency", "timestamps"})
        for (const char *expect : {"good", "bad"})
            QVERIFY2(kinds.contains(QLatin1String(expect) + QLatin1Char('_') + QLatin1String(kind)), kind);
}

void TestDbRowsCorpus::parsers_data()
{
    QTest::addColumn<int>("index");
    for (size_t i = 0; i < m_files.size(); ++i)
        QTest::newRow(qPrintable(m_files[i].name)) << int(i);
}

void TestDbRowsCorpus::parsers()
{
    QFETCH(int, index);
    const CorpusFile &file = m_files[size_t(index)];
    const DbRowsFraming::Row row = file.row();
    int timesParsed = 0;
    const bool ok = accepted(row, &timesParsed);
    if (file.name.startsWith(QLatin1String("good_")))
        QVERIFY(ok);
    if (file.name.startsWith(QLatin1String("bad_")))
        QVERIFY(row.kind == Kind::Timestamps ? timesParsed == 0 : !ok);
    if (row.kind != Kind::Definition || !ok)
        return;

    // A definition read from a row reads back the same from what the writers store.
    const DefinitionParseResult r = parseDefinitionRow(QStringLiteral("m"), QStringLiteral("m"), QStringLiteral("1"), row.cell(0),
                                                       row.cell(1), QString::fromUtf8(row.cell(3)), row.cell(2));
    const StateMachineDefinition &d = r.definition;
    validateDefinition(d);
    const QByteArray states = QJsonDocument(definitionStatesJson(d)).toJson(QJsonDocument::Compact);
    const QByteArray transitions = QJsonDocument(definitionTransitionsJson(d)).toJson(QJsonDocument::Compact);
    QStringList finals;
    for (const QString &f : d.finalStates)
        finals.append(viaUtf8(f));
    for (const QByteArray &finalsCell : {QJsonDocument(QJsonArray::fromStringList(d.finalStates)).toJson(QJsonDocument::Compact),
                                         postgresArray(d.finalStates).toUtf8()}) {
        const DefinitionParseResult back = parseDefinitionRow(d.id, d.name, d.version, states, transitions, d.initialState, finalsCell);
        QVERIFY2(back.ok(), qPrintable(back.error));
        QStringList backFinals;
        for (const QString &f : back.definition.finalStates)
            backFinals.append(viaUtf8(f));
        QCOMPARE(backFinals, finals);
        QCOMPARE(back.definition.states.size(), d.states.size());
        QCOMPARE(back.definition.transitions.size(), d.transitions.size());
        for (size_t i = 0; i < d.transitions.size(); ++i) {
            const DefinitionTransition &x = d.transitions[i];
            const DefinitionTransition &y = back.definition.transitions[i];
            QCOMPARE(viaUtf8(y.id), viaUtf8(x.id));
            QCOMPARE(viaUtf8(y.source), viaUtf8(x.source));
            QCOMPARE(viaUtf8(y.target), viaUtf8(x.target));
            QCOMPARE(viaUtf8(y.event), viaUtf8(x.event));
            QCOMPARE(viaUtf8(y.condition), viaUtf8(x.condition));
            QCOMPARE(y.priority, x.priority);
            QCOMPARE(y.isError, x.isError);
        }
    }
}

void TestDbRowsCorpus::postgresFinalStates_data()
{
    QTest::addColumn<QByteArray>("cell");
    QTest::addColumn<QStringList>("finals"); // {"(error)"} when the row must be rejected
    const QStringList error{QStringLiteral("(error)")};
    QTest::newRow("plain") << QByteArray("{a,b}") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("empty") << QByteArray(" { } ") << QStringList();
    QTest::newRow("quoted comma") << QByteArray(R"({"a,b", c})") << QStringList{QStringLiteral("a,b"), QStringLiteral("c")};
    QTest::newRow("escapes") << QByteArray(R"({"a\"b","c\\","d\\\"e"})")
                             << QStringList{QStringLiteral("a\"b"), QStringLiteral("c\\"), QStringLiteral("d\\\"e")};
    QTest::newRow("empty string") << QByteArray(R"({""})") << QStringList{QString()};
    QTest::newRow("NULL is no state") << QByteArray("{a,NULL,null}") << QStringList{QStringLiteral("a")};
    QTest::newRow("quoted NULL is a name") << QByteArray(R"({"NULL"})") << QStringList{QStringLiteral("NULL")};
    QTest::newRow("spaces inside") << QByteArray("{ two words , x }") << QStringList{QStringLiteral("two words"), QStringLiteral("x")};
    QTest::newRow("unclosed quote") << QByteArray(R"({"a,b})") << error;
    QTest::newRow("JSON object") << QByteArray(R"({"a":1})") << error;
    QTest::newRow("nested") << QByteArray("{{a},{b}}") << error;
}

void TestDbRowsCorpus::postgresFinalStates()
{
    QFETCH(QByteArray, cell);
    QFETCH(QStringList, finals);
    const DefinitionParseResult r = parseDefinitionRow(QStringLiteral("m"), QStringLiteral("m"), QStringLiteral("1"), "[]", "[]",
                                                       QString(), cell);
    if (finals == QStringList{QStringLiteral("(error)")}) {
        QVERIFY(!r.ok());
        QVERIFY2(r.error.startsWith(QLatin1String("final_states")), qPrintable(r.error));
    } else {
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.definition.finalStates, finals);
    }
}

void TestDbRowsCorpus::loaderReportsBadRowsAndGoesOn()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("corpus.sqlite"));
    QString error;
    std::unique_ptr<SqliteConnection> db = SqliteConnection::open(path, false, true, &error);
    QVERIFY2(db && installSchema(*db, &error), qPrintable(error));
    QVERIFY(db->execScript(R"SQL(
        INSERT INTO workflow_states (id, workflow_id, execution_id, state_version, current_state, persistence, created_at)
            VALUES ('ws', 'w', 'e', 1, '{"stateName":"a"}', '{}', '2026-01-01T00:00:00Z');)SQL", &error));
    auto machine = db->prepare("INSERT INTO state_machines (id, name, version, definition, states, transitions, final_states, "
                               "initial_state) VALUES ($1, $1, '1', '{}', $2, $3, $4, $5)", &error);
    auto state = db->prepare("INSERT INTO workflow_states (id, workflow_id, execution_id, state_version, current_state, "
                             "persistence, created_at) VALUES ($1, 'w', $1, 1, $2, '{}', $3)", &error);
    auto consistency = db->prepare("INSERT INTO state_consistency (id, workflow_id, consistency_level, replication_factor, "
                                   "quorum_size, conflict_resolution, synchronization, divergence) "
                                   "VALUES ($1, 'w', 'strong', 3, 2, $2, $3, $4)", &error);
    auto transition = db->prepare("INSERT INTO state_transitions (id, workflow_state_id, transition_id, from_state, to_state, "
                                  "transition_type, timestamp, trigger) VALUES ($1, 'ws', 'x', 'a', 'b', 'normal', $2, '{}')", &error);
    QVERIFY2(machine && state && consistency && transition, qPrintable(error));

    QSet<QString> rejected; // ids the loader must report
    int definitions = 0, executions = 1, samples = 0, transitions = 0;
    for (const CorpusFile &file : m_files) {
        const DbRowsFraming::Row row = file.row();
        const QByteArray id = file.name.toUtf8();
        const bool ok = accepted(row);
        SqlStatement *q = nullptr;
        switch (row.kind) {
        case Kind::Definition:
            q = machine.get();
            definitions += ok ? 1 : 0;
            break;
        case Kind::WorkflowState:
            q = state.get();
            executions += ok ? 1 : 0;
            break;
        case Kind::Consistency:
            q = consistency.get();
            samples += ok ? 1 : 0;
            break;
        case Kind::Timestamps:
            for (qsizetype i = 0; i < row.cells.size(); ++i) {
                const QByteArray cellId = id + ':' + QByteArray::number(i + 1);
                transition->bindText(1, cellId);
                transition->bindText(2, row.cell(i));
                QVERIFY2(transition->exec(), qPrintable(transition->error()));
                transition->reset();
                TimeMs t = kUnknownTime;
                if (TimeUtil::parse(row.cell(i), &t))
                    ++transitions;
                else
                    rejected.insert(QString::fromUtf8(cellId));
            }
            continue;
        }
        q->bindText(1, id);
        for (int cell = 0; cell < (row.kind == Kind::Definition ? 4 : row.kind == Kind::Consistency ? 3 : 2); ++cell)
            q->bindText(cell + 2, row.cell(cell));
        QVERIFY2(q->exec(), qPrintable(q->error()));
        q->reset();
        if (!ok)
            rejected.insert(file.name);
    }
    machine.reset();
    state.reset();
    consistency.reset();
    transition.reset();
    db.reset();

    LoadResult load;
    const std::shared_ptr<EventStore> store = loadDatabaseSource(path, &load);
    QVERIFY2(store, qPrintable(load.error));
    QSet<QString> reported;
    for (const LoadIssue &issue : load.issues) {
        QVERIFY(!issue.problem.isEmpty());
        reported.insert(issue.id);
    }
    QCOMPARE(load.issueCount, quint64(load.issues.size()));
    QCOMPARE(reported, rejected);
    QVERIFY(rejected.size() >= 25);
    QCOMPARE(int(store->definitions().size()), definitions);
    QCOMPARE(int(store->executionCount()), executions);
    QCOMPARE(int(store->consistency().size()), samples);
    QCOMPARE(int(store->transitionCount()), transitions);
}

QTEST_GUILESS_MAIN(TestDbRowsCorpus)
#include "tst_dbrowscorpus.moc"
