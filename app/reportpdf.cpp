#include "reportpdf.h"

#include "alertsmodel.h"
#include "analysisreport.h"
#include "pdfcomposer.h"
#include "timeutil.h"

#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace StateScope::ReportPdf {

namespace {
const double kNaN = std::nan("");
constexpr int kTopTransitions = 40;
constexpr int kTopVariants = 20;
constexpr int kListLimit = 200; // rows of a findings table; the rest is counted

using Column = PdfComposer::Column;

// The report speaks the dashboard's language; Text::tr() gives its strings one catalog context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(StateScope::ReportPdf)
};

QString pct(double v)
{
    return std::isfinite(v) ? QString::number(v * 100.0, 'f', 1) + QLatin1Char('%') : QStringLiteral("-");
}

QString fixed(double v, int digits)
{
    return std::isfinite(v) ? QString::number(v, 'f', digits) : QStringLiteral("-");
}

QString dur(double ms)
{
    return TimeUtil::formatDuration(ms);
}

QString timeText(TimeMs t)
{
    return t == kUnknownTime ? Text::tr("open") : TimeUtil::formatUtcString(t);
}

QString stateName(const AnalysisReport &r, int i)
{
    return i >= 0 && size_t(i) < r.states.size() ? r.states[size_t(i)].name : QStringLiteral("?");
}

// A table of at most kListLimit rows, saying how many more there were.
void limitedTable(PdfComposer &pdf, const std::vector<Column> &columns, std::vector<QStringList> rows, const QString &emptyText)
{
    const size_t total = rows.size();
    if (rows.size() > size_t(kListLimit))
        rows.resize(size_t(kListLimit));
    pdf.table(columns, rows, emptyText);
    if (total > rows.size())
        pdf.paragraph(Text::tr("… and %n more.", nullptr, int(total - rows.size())), true);
}

void summary(PdfComposer &pdf, const AnalysisReport &r)
{
    pdf.heading(Text::tr("Summary"));
    QString conformance = Text::tr("no definition to check against");
    if (r.hasDefinition)
        conformance = Text::tr("%1 of executions follow %2").arg(pct(r.conformanceRate), r.definitionName);
    QString checkpoints = Text::tr("%1 of %2 verified").arg(r.checkpointsVerified).arg(r.checkpointsTotal);
    if (!r.checkpointsCorrupted.isEmpty())
        checkpoints += Text::tr(", %1 corrupted").arg(r.checkpointsCorrupted.size());
    pdf.facts({{Text::tr("Executions"), Text::tr("%1 (%2 finished, %3 running)").arg(r.executions).arg(r.finishedExecutions).arg(r.runningExecutions)},
               {Text::tr("Transitions"), QString::number(r.transitions)},
               {Text::tr("States"), QString::number(r.states.size())},
               {Text::tr("Conformance rate"), conformance},
               {Text::tr("Variants"), Text::tr("%1 distinct paths of finished executions").arg(r.variantCount)},
               {Text::tr("Checkpoints"), checkpoints},
               {Text::tr("Recoveries"), r.recoveryAttempts == 0 ? Text::tr("none")
                    : Text::tr("%1 of %2 succeeded").arg(r.recoverySuccesses).arg(r.recoveryAttempts)},
               {Text::tr("Alerts"), QString::number(quint64(r.alerts.size()) + r.alertsOmitted)}});
    for (const QString &note : r.notes)
        pdf.paragraph(Text::tr("Note: %1").arg(note), true);
}

void statesAndTransitions(PdfComposer &pdf, const AnalysisReport &r)
{
    pdf.heading(Text::tr("States"));
    std::vector<QStringList> rows;
    for (const AnalysisReport::StateRow &s : r.states) {
        rows.push_back({s.name, s.terminal ? Text::tr("yes") : (s.trapped ? Text::tr("trapped") : QString()),
                        QString::number(s.executionsInState), QString::number(s.dwell.count), dur(s.dwell.mean),
                        dur(s.dwell.p50), dur(s.dwell.p95), dur(s.dwell.p99), dur(s.dwell.max), fixed(s.steadyState, 3),
                        pct(s.timeShare)});
    }
    pdf.table({{Text::tr("State"), 2.1}, {Text::tr("Terminal"), 1.4}, {Text::tr("In state"), 1.3, true},
               {Text::tr("Stays"), 1.1, true}, {Text::tr("Mean"), 1.6, true}, {Text::tr("p50"), 1.6, true},
               {Text::tr("p95"), 1.6, true}, {Text::tr("p99"), 1.6, true}, {Text::tr("Max"), 1.6, true},
               {Text::tr("Steady"), 1.1, true}, {Text::tr("Time share"), 1.6, true}},
              rows, Text::tr("No transitions in the selection."));

    pdf.heading(Text::tr("Top transitions"));
    std::vector<AnalysisReport::Edge> edges = r.edges;
    std::stable_sort(edges.begin(), edges.end(), [](const auto &a, const auto &b) { return a.count > b.count; });
    rows.clear();
    for (size_t i = 0; i < edges.size() && i < size_t(kTopTransitions); ++i) {
        const AnalysisReport::Edge &e = edges[i];
        rows.push_back({stateName(r, e.from), stateName(r, e.to), QString::number(e.count), fixed(e.probability, 3),
                        pct(r.transitions ? double(e.count) / double(r.transitions) : kNaN)});
    }
    pdf.table({{Text::tr("From"), 3}, {Text::tr("To"), 3}, {Text::tr("Count"), 1.2, true},
               {Text::tr("Probability"), 1.3, true}, {Text::tr("Share"), 1.2, true}},
              rows, Text::tr("No transitions."));
    if (edges.size() > size_t(kTopTransitions))
        pdf.paragraph(Text::tr("The %1 most frequent of %2 transitions.").arg(kTopTransitions).arg(edges.size()), true);

    pdf.heading(Text::tr("Bottlenecks"));
    rows.clear();
    for (const AnalysisReport::Bottleneck &b : r.bottlenecks) {
        rows.push_back({stateName(r, b.state), pct(b.share), dur(b.meanMs), fixed(b.severity, 2),
                        b.isBottleneck ? Text::tr("bottleneck") : QString()});
    }
    pdf.table({{Text::tr("State"), 3}, {Text::tr("Time share"), 1.3, true}, {Text::tr("Mean dwell"), 1.4, true},
               {Text::tr("Severity (z)"), 1.3, true}, {QStringLiteral(""), 1.4}},
              rows, Text::tr("No dwell times in the selection."));

    pdf.heading(Text::tr("Top variants"));
    rows.clear();
    for (size_t i = 0; i < r.variants.size() && i < size_t(kTopVariants); ++i) {
        const AnalysisReport::Variant &v = r.variants[i];
        rows.push_back({QString::number(i + 1), QString::number(v.count),
                        pct(r.finishedExecutions ? double(v.count) / double(r.finishedExecutions) : kNaN),
                        v.path.join(QStringLiteral(" → "))});
    }
    // A path elided in the middle keeps how it began and how it ended.
    pdf.table({{QStringLiteral("#"), 0.5, true}, {Text::tr("Executions"), 1.4, true}, {Text::tr("Share"), 0.9, true},
               {Text::tr("Path"), 12, false, Qt::ElideMiddle}},
              rows, Text::tr("No finished executions."));
}

void conformanceAndValidation(PdfComposer &pdf, const AnalysisReport &r)
{
    pdf.heading(Text::tr("Invalid transitions (conformance)"));
    std::vector<QStringList> rows;
    for (const AnalysisReport::InvalidTransition &t : r.invalidTransitions)
        rows.push_back({t.from, t.to, QString::number(t.count), t.exampleExecutions.join(QStringLiteral(", "))});
    limitedTable(pdf, {{Text::tr("From"), 2}, {Text::tr("To"), 2}, {Text::tr("Count"), 1, true}, {Text::tr("Example executions"), 5}},
                 rows, r.hasDefinition ? Text::tr("Every transition is allowed by the definition.")
                                       : Text::tr("No definition to check against."));

    pdf.heading(Text::tr("Validation findings"));
    rows.clear();
    const auto add = [&rows](const QString &kind, const QStringList &items) {
        for (const QString &item : items)
            rows.push_back({kind, item});
    };
    add(Text::tr("structural error"), r.structuralErrors);
    add(Text::tr("unreachable state"), r.unreachable);
    add(Text::tr("deadlock"), r.deadlocks);
    add(Text::tr("trapped state"), r.trapped);
    add(Text::tr("no error handling"), r.missingErrorHandling);
    for (const AnalysisReport::NonDeterminism &n : r.nonDeterministic)
        rows.push_back({Text::tr("non-deterministic"),
                        Text::tr("%1 on %2 goes to %3").arg(n.state, n.event.isEmpty() ? Text::tr("(no event)") : n.event,
                                                                  n.targets.join(QStringLiteral(", ")))});
    limitedTable(pdf, {{Text::tr("Finding"), 1.5}, {Text::tr("Detail"), 6}}, rows, Text::tr("No findings."));
}

void operations(PdfComposer &pdf, const AnalysisReport &r)
{
    pdf.heading(Text::tr("Checkpoints"));
    pdf.facts({{Text::tr("Total"), QString::number(r.checkpointsTotal)},
               {Text::tr("Verified"), QString::number(r.checkpointsVerified)},
               {Text::tr("Corrupted"), QString::number(r.checkpointsCorrupted.size())},
               {Text::tr("Unverifiable (no checksum)"), QString::number(r.checkpointsUnverifiable)}});
    std::vector<QStringList> rows;
    for (const QString &id : r.checkpointsCorrupted)
        rows.push_back({id, Text::tr("checksum does not match")});
    limitedTable(pdf, {{Text::tr("Corrupted checkpoint"), 3}, {Text::tr("Problem"), 2}}, rows, {});

    pdf.heading(Text::tr("Recovery"));
    pdf.facts({{Text::tr("Attempts"), QString::number(r.recoveryAttempts)},
               {Text::tr("Succeeded"), Text::tr("%1 (%2)").arg(r.recoverySuccesses).arg(pct(r.recoverySuccessRate))},
               {Text::tr("Duration"), Text::tr("mean %1, p95 %2").arg(dur(r.recoveryMeanDurationMs), dur(r.recoveryP95DurationMs))}});
    rows.clear();
    for (const QString &failed : r.failedRecoveries)
        rows.push_back({failed});
    limitedTable(pdf, {{Text::tr("Failed recovery"), 1}}, rows, {});

    pdf.heading(Text::tr("Consistency"));
    rows.clear();
    for (const AnalysisReport::WorkflowConsistency &c : r.consistency) {
        rows.push_back({c.workflowName.isEmpty() ? c.workflowId : c.workflowName, c.latest.level, QString::number(c.samples),
                        pct(c.score), dur(c.latest.maxLagMs),
                        Text::tr("%1 of %2").arg(c.latest.nodesInSync).arg(c.latest.nodes.size()),
                        QString::number(c.latest.conflicts), c.latestViolates ? Text::tr("violated") : Text::tr("ok")});
    }
    pdf.table({{Text::tr("Workflow"), 2.5}, {Text::tr("Level"), 1.3}, {Text::tr("Samples"), 1, true},
               {Text::tr("Score"), 1, true}, {Text::tr("Max lag"), 1.2, true}, {Text::tr("In sync"), 1.1, true},
               {Text::tr("Conflicts"), 1.1, true}, {Text::tr("Latest"), 1.1}},
              rows, Text::tr("No consistency samples in the selection."));

    pdf.heading(Text::tr("Alerts"));
    rows.clear();
    for (const AnalysisReport::Alert &a : r.alerts)
        rows.push_back({AlertsModel::severityName(a.severity), AlertsModel::kindName(a.kind), a.title, a.target});
    limitedTable(pdf, {{Text::tr("Severity"), 1}, {Text::tr("Kind"), 1.7}, {Text::tr("Alert"), 4}, {Text::tr("Target"), 2.5}},
                 rows, Text::tr("No alerts."));
    if (r.alertsOmitted > 0)
        pdf.paragraph(Text::tr("%n more alerts were left out of the report.", nullptr, int(r.alertsOmitted)), true);
}
} // namespace

bool write(const AnalysisReport &report, const Document &document, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setTitle(Text::tr("StateScope report: %1").arg(document.source));
        writer.setCreator(QStringLiteral("StateScope"));
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(16, 14, 16, 12),
                                         QPageLayout::Millimeter));
        const QString generated = document.generated.toUTC().toString(Qt::ISODate);
        PdfComposer pdf(writer, Text::tr("StateScope report · %1 · %2").arg(document.source, generated));
        if (!pdf.isActive()) {
            file.cancelWriting();
            *error = Text::tr("%1: cannot write a PDF here").arg(path);
            return false;
        }
        pdf.title(Text::tr("StateScope report"));
        pdf.facts({{Text::tr("Source"), document.source},
                   {Text::tr("Selection"), document.selection},
                   {Text::tr("Data window"), Text::tr("%1 to %2").arg(timeText(report.from), timeText(report.to))},
                   {Text::tr("As of"), timeText(report.asOf)},
                   {Text::tr("Definition"), report.definitionName.isEmpty() ? Text::tr("none") : report.definitionName},
                   {Text::tr("Generated"), generated}});
        summary(pdf, report);
        if (!document.figures.empty()) {
            pdf.newPage();
            pdf.heading(Text::tr("Views"));
            for (const Figure &f : document.figures) {
                if (f.view)
                    pdf.figure(*f.view, f.caption, f.maxHeightShare);
            }
        }
        pdf.newPage();
        statesAndTransitions(pdf, report);
        conformanceAndValidation(pdf, report);
        operations(pdf, report);
        if (!pdf.finish()) {
            file.cancelWriting();
            *error = Text::tr("%1: the PDF could not be completed").arg(path);
            return false;
        }
    }
    if (!file.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace StateScope::ReportPdf
