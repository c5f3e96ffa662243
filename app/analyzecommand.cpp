#include "analyzecommand.h"

#include "analyzer.h"
#include "commandlinetools.h"
#include "definitionparser.h"
#include "eventstore.h"
#include "reportjson.h"
#include "reporttext.h"
#include "storeloader.h"
#include "timeutil.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace StateScope {

namespace {

// The definition conformance is checked against: --definition, else the state machine that the
// selected workflows reference (when they agree on one).
std::optional<StateMachineDefinition> pickDefinition(const EventStore &store, const Selection &selection,
                                                     QStringList *notes)
{
    QStringList ids;
    for (quint32 w = 0; w < store.workflows().size(); ++w) {
        const QString &id = store.workflows()[w].stateMachineId;
        if (selection.containsWorkflow(w) && !id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    if (ids.size() > 1) {
        notes->append(QStringLiteral("the selected workflows use %1 different state machines: choose one with --workflow "
                                     "to check conformance").arg(ids.size()));
        return std::nullopt;
    }
    if (ids.size() == 1) {
        if (const StateMachineDefinition *d = store.definitionById(ids.first()))
            return *d;
        notes->append(QStringLiteral("state machine %1 is referenced but not readable in state_machines").arg(ids.first()));
    }
    return std::nullopt;
}

} // namespace

int AnalyzeCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Prints the analytics report of a workflow state source."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("SOURCE"), QStringLiteral("SQLite file or postgresql:// URL"));
    parser.addOption({QStringLiteral("workflow"), QStringLiteral("Only this workflow (id or name)."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("from"), QStringLiteral("Only transitions at or after T (RFC 3339 or epoch ms)."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("Only transitions at or before T (RFC 3339 or epoch ms)."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("definition"), QStringLiteral("Check conformance against this state machine definition."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("Report format: text or json."), QStringLiteral("FORMAT"),
                      QStringLiteral("text")});
    if (const std::optional<int> exitCode = Cli::parseArguments(parser, arguments))
        return *exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return Cli::fail(positional.isEmpty() ? QStringLiteral("analyze: missing SOURCE")
                                              : QStringLiteral("analyze: expected one SOURCE, got %1").arg(positional.size()));
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return Cli::fail(QStringLiteral("--format: \"%1\" is not text or json").arg(format));

    AnalysisOptions options;
    SourceFilter filter; // also what the reader may leave out (PostgreSQL: SqlPushdown)
    QString error;
    if (!Cli::parseSourceFilter(parser, &filter, &error))
        return Cli::fail(error);
    options.selection.from = filter.from;
    options.selection.to = filter.to;
    if (parser.isSet(QStringLiteral("definition"))) {
        DefinitionParseResult definition = parseDefinitionFile(parser.value(QStringLiteral("definition")));
        if (!definition.ok())
            return Cli::fail(QStringLiteral("--definition: ") + definition.error);
        options.definition = std::move(definition.definition);
    }

    const QString source = positional.first();
    const SourceLocation location = locateSource(source);
    switch (location.kind) {
    case SourceLocation::Kind::SQLite:
    case SourceLocation::Kind::PostgreSQL:
    case SourceLocation::Kind::JsonLines:
    case SourceLocation::Kind::Csv:
    case SourceLocation::Kind::Xes:
    case SourceLocation::Kind::Definition:
        break;
    case SourceLocation::Kind::Invalid:
        return Cli::fail(location.error);
    case SourceLocation::Kind::Feed:
        return Cli::fail(QStringLiteral("%1: a live feed; use statescope watch").arg(source));
    default:
        return Cli::fail(QStringLiteral("%1: this kind of source is not supported by analyze yet (use an SQLite file, a "
                                        "postgresql:// URL or a .jsonl event log)").arg(source));
    }
    LoadResult load;
    const std::shared_ptr<EventStore> store = loadSource(source, &load, {}, nullptr, {}, filter);
    if (!store)
        return Cli::fail(load.error);
    QStringList definitionProblems;
    if (location.kind == SourceLocation::Kind::Definition) {
        // A definition alone: its states (no executions) and the validation of its graph.
        options.definition = store->definitions().front();
        definitionProblems = options.definition->problems;
    }

    if (parser.isSet(QStringLiteral("workflow"))) {
        const QString wanted = parser.value(QStringLiteral("workflow"));
        const quint32 w = store->workflowForIdOrName(wanted);
        if (w == kNoIndex)
            return Cli::fail(QStringLiteral("--workflow: no workflow \"%1\" in %2").arg(wanted, source));
        options.selection.workflows.assign(store->workflows().size(), false);
        options.selection.workflows[w] = true;
    }
    QStringList notes = load.notes;
    if (!options.definition)
        options.definition = pickDefinition(*store, options.selection, &notes);
    options.sourceLabel = location.kind == SourceLocation::Kind::PostgreSQL ? QUrl(source).toDisplayString(QUrl::RemovePassword) : source;

    QElapsedTimer timer;
    timer.start();
    AnalysisReport report = analyze(*store, options);
    if (location.kind == SourceLocation::Kind::Definition && report.states.empty()) {
        // No data: the report's states are the definition's, final ones terminal.
        for (const DefinitionState &state : options.definition->states) {
            AnalysisReport::StateRow row;
            row.name = state.name;
            row.terminal = options.definition->finalStates.contains(state.name);
            report.states.push_back(row);
        }
    }
    if (qEnvironmentVariableIsSet("STATESCOPE_PROFILE"))
        std::fprintf(stderr, "statescope: analytics in %lld ms, store %zu MB\n", static_cast<long long>(timer.elapsed()),
                     store->memoryBytes() >> 20);
    if (load.issueCount > 0) {
        Cli::warn(QStringLiteral("%1 records skipped as unreadable; first: %2").arg(load.issueCount).arg(load.issues.front().toString()));
        notes.append(QStringLiteral("%1 records were skipped as unreadable").arg(load.issueCount));
    }
    report.notes = notes + report.notes;

    if (format == QLatin1String("json")) {
        QJsonObject json = reportToJson(report);
        QJsonArray issues;
        for (const LoadIssue &i : load.issues) {
            issues.append(QJsonObject{{QStringLiteral("table"), i.table}, {QStringLiteral("id"), i.id},
                                      {QStringLiteral("problem"), i.problem}});
        }
        json.insert(QStringLiteral("skippedRecords"), QJsonObject{{QStringLiteral("count"), qint64(load.issueCount)},
                                                                  {QStringLiteral("records"), issues}});
        Cli::printOut(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
    } else {
        QString text = reportToText(report);
        if (!load.issues.empty()) {
            text += QStringLiteral("\nSkipped records (%1)\n").arg(load.issueCount);
            for (size_t i = 0; i < load.issues.size() && i < 20; ++i)
                text += QStringLiteral("  ") + load.issues[i].toString() + QLatin1Char('\n');
        }
        Cli::printOut(text);
    }
    // The report says everything; the exit code says the definition is structurally broken.
    if (!definitionProblems.isEmpty())
        return Cli::fail(QStringLiteral("%1: structurally broken: %2%3")
                             .arg(source, definitionProblems.first(),
                                  definitionProblems.size() > 1
                                      ? QStringLiteral(" (and %1 more, under validation)").arg(definitionProblems.size() - 1)
                                      : QString()));
    return Cli::kExitOk;
}

} // namespace StateScope
