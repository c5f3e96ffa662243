#include "reportpdf.h"

#include "analysisreport.h"
#include "pdfcomposer.h"
#include "timeutil.h"

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
    return t == kUnknownTime ? QStringLiteral("open") : TimeUtil::formatUtcString(t);
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
        pdf.paragraph(QStringLiteral("… and %1 more.").arg(total - rows.size()), true);
}

void summary(PdfComposer &pdf, const AnalysisReport &r)
{
    pdf.heading(QStringLiteral("Summary"));
    QString conformance = QStringLiteral("no definition to check against");
    if (r.hasDefinition)
        conformance = QStringLiteral("%1 of executions follow %2").arg(pct(r.conformanceRate), r.definitionName);
    QString checkpoints = QStringLiteral("%1 of %2 verified").arg(r.checkpointsVerified).arg(r.checkpointsTotal);
    if (!r.checkpointsCorrupted.isEmpty())
        checkpoints += QStringLiteral(", %1 corrupted").arg(r.checkpointsCorrupted.size());
    pdf.facts({{QStringLiteral("Executions"), QStringLiteral("%1 (%2 finished, %3 running)").arg(r.executions).arg(r.finishedExecutions).arg(r.runningExecutions)},
               {QStringLiteral("Transitions"), QString::number(r.transitions)},
               {QStringLiteral("States"), QString::number(r.states.size())},
               {QStringLiteral("Conformance rate"), conformance},
               {QStringLiteral("Variants"), QStringLiteral("%1 distinct paths of finished executions").arg(r.variantCount)},
               {QStringLiteral("Checkpoints"), checkpoints},
               {QStringLiteral("Recoveries"), r.recoveryAttempts == 0 ? QStringLiteral("none")
                    : QStringLiteral("%1 of %2 succeeded").arg(r.recoverySuccesses).arg(r.recoveryAttempts)},
               {QStringLiteral("Alerts"), QString::number(quint64(r.alerts.size()) + r.alertsOmitted)}});
    for (const QString &note : r.notes)
        pdf.paragraph(QStringLiteral("Note: ") + note, true);
}

void statesAndTransitions(PdfComposer &pdf, const AnalysisReport &r)
{
    pdf.heading(QStringLiteral("States"));
    std::vector<QStringList> rows;
    for (const AnalysisReport::StateRow &s : r.states) {
        rows.push_back({s.name, s.terminal ? QStringLiteral("yes") : (s.trapped ? QStringLiteral("trapped") : QString()),
                        QString::number(s.executionsInState), QString::number(s.dwell.count), dur(s.dwell.mean),
                        dur(s.dwell.p50), dur(s.dwell.p95), dur(s.dwell.p99), dur(s.dwell.max), fixed(s.steadyState, 3),
                        pct(s.timeShare)});
    }
    pdf.table({{QStringLiteral("State"), 2.1}, {QStringLiteral("Terminal"), 1.4}, {QStringLiteral("In state"), 1.3, true},
               {QStringLiteral("Stays"), 1.1, true}, {QStringLiteral("Mean"), 1.6, true}, {QStringLiteral("p50"), 1.6, true},
               {QStringLiteral("p95"), 1.6, true}, {QStringLiteral("p99"), 1.6, true}, {QStringLiteral("Max"), 1.6, true},
               {QStringLiteral("Steady"), 1.1, true}, {QStringLiteral("Time share"), 1.6, true}},
              rows, QStringLiteral("No transitions in the selection."));

    pdf.heading(QStringLiteral("Top transitions"));
    std::vector<AnalysisReport::Edge> edges = r.edges;
    std::stable_sort(edges.begin(), edges.end(), [](const auto &a, const auto &b) { return a.count > b.count; });
    rows.clear();
    for (size_t i = 0; i < edges.size() && i < size_t(kTopTransitions); ++i) {
        const AnalysisReport::Edge &e = edges[i];
        rows.push_back({stateName(r, e.from), stateName(r, e.to), QString::number(e.count), fixed(e.probability, 3),
                        pct(r.transitions ? double(e.count) / double(r.transitions) : kNaN)});
    }
    pdf.table({{QStringLiteral("From"), 3}, {QStringLiteral("To"), 3}, {QStringLiteral("Count"), 1.2, true},
               {QStringLiteral("Probability"), 1.3, true}, {QStringLiteral("Share"), 1.2, true}},
              rows, QStringLiteral("No transitions."));
    if (edges.size() > size_t(kTopTransitions))
        pdf.paragraph(QStringLiteral("The %1 most frequent of %2 transitions.").arg(kTopTransitions).arg(edges.size()), true);

    pdf.heading(QStringLiteral("Bottlenecks"));
    rows.clear();
    for (const AnalysisReport::Bottleneck &b : r.bottlenecks) {
        rows.push_back({stateName(r, b.state), pct(b.share), dur(b.meanMs), fixed(b.severity, 2),
                        b.isBottleneck ? QStringLiteral("bottleneck") : QString()});
    }
    pdf.table({{QStringLiteral("State"), 3}, {QStringLiteral("Time share"), 1.3, true}, {QStringLiteral("Mean dwell"), 1.4, true},
               {QStringLiteral("Severity (z)"), 1.3, true}, {QStringLiteral(""), 1.4}},
              rows, QStringLiteral("No dwell times in the selection."));

    pdf.heading(QStringLiteral("Top variants"));
    rows.clear();
    for (size_t i = 0; i < r.variants.size() && i < size_t(kTopVariants); ++i) {
        const AnalysisReport::Variant &v = r.variants[i];
        rows.push_back({QString::number(i + 1), QString::number(v.count),
                        pct(r.finishedExecutions ? double(v.count) / double(r.finishedExecutions) : kNaN),
                        v.path.join(QStringLiteral(" → "))});
    }
    // A path elided in the middle keeps how it began and how it ended.
    pdf.table({{QStringLiteral("#"), 0.5, true}, {QStringLiteral("Executions"), 1.4, true}, {QStringLiteral("Share"), 0.9, true},
               {QStringLiteral("Path"), 12, false, Qt::ElideMiddle}},
              rows, QStringLiteral("No finished executions."));
}

void conformanceAndValidation(PdfComposer &pdf, const AnalysisReport &r)
{
    pdf.heading(QStringLiteral("Invalid transitions (conformance)"));
    std::vector<QStringList> rows;
    for (const AnalysisReport::InvalidTransition &t : r.invalidTransitions)
        rows.push_back({t.from, t.to, QString::number(t.count), t.exampleExecutions.join(QStringLiteral(", "))});
    limitedTable(pdf, {{QStringLiteral("From"), 2}, {QStringLiteral("To"), 2}, {QStringLiteral("Count"), 1, true}, {QStringLiteral("Example executions"), 5}},
                 rows, r.hasDefinition ? QStringLiteral("Every transition is allowed by the definition.")
                                       : QStringLiteral("No definition to check against."));

    pdf.heading(QStringLiteral("Validation findings"));
    rows.clear();
    const auto add = [&rows](const QString &kind, const QStringList &items) {
        for (const QString &item : items)
            rows.push_back({kind, item});
    };
    add(QStringLiteral("structural error"), r.structuralErrors);
    add(QStringLiteral("unreachable state"), r.unreachable);
    add(QStringLiteral("deadlock"), r.deadlocks);
    add(QStringLiteral("trapped state"), r.trapped);
    add(QStringLiteral("no error handling"), r.missingErrorHandling);
    for (const AnalysisReport::NonDeterminism &n : r.nonDeterministic)
        rows.push_back({QStringLiteral("non-deterministic"),
                        QStringLiteral("%1 on %2 goes to %3").arg(n.state, n.event.isEmpty() ? QStringLiteral("(no event)") : n.event,
                                                                  n.targets.join(QStringLiteral(", ")))});
    limitedTable(pdf, {{QStringLiteral("Finding"), 1.5}, {QStringLiteral("Detail"), 6}}, rows, QStringLiteral("No findings."));
}

void operations(PdfComposer &pdf, const AnalysisReport &r)
{
    pdf.heading(QStringLiteral("Checkpoints"));
    pdf.facts({{QStringLiteral("Total"), QString::number(r.checkpointsTotal)},
               {QStringLiteral("Verified"), QString::number(r.checkpointsVerified)},
               {QStringLiteral("Corrupted"), QString::number(r.checkpointsCorrupted.size())},
               {QStringLiteral("Unverifiable (no checksum)"), QString::number(r.checkpointsUnverifiable)}});
    std::vector<QStringList> rows;
    for (const QString &id : r.checkpointsCorrupted)
        rows.push_back({id, QStringLiteral("checksum does not match")});
    limitedTable(pdf, {{QStringLiteral("Corrupted checkpoint"), 3}, {QStringLiteral("Problem"), 2}}, rows, {});

    pdf.heading(QStringLiteral("Recovery"));
    pdf.facts({{QStringLiteral("Attempts"), QString::number(r.recoveryAttempts)},
               {QStringLiteral("Succeeded"), QStringLiteral("%1 (%2)").arg(r.recoverySuccesses).arg(pct(r.recoverySuccessRate))},
               {QStringLiteral("Duration"), QStringLiteral("mean %1, p95 %2").arg(dur(r.recoveryMeanDurationMs), dur(r.recoveryP95DurationMs))}});
    rows.clear();
    for (const QString &failed : r.failedRecoveries)
        rows.push_back({failed});
    limitedTable(pdf, {{QStringLiteral("Failed recovery"), 1}}, rows, {});

    pdf.heading(QStringLiteral("Consistency"));
    rows.clear();
    for (const AnalysisReport::WorkflowConsistency &c : r.consistency) {
        rows.push_back({c.workflowName.isEmpty() ? c.workflowId : c.workflowName, c.latest.level, QString::number(c.samples),
                        pct(c.score), dur(c.latest.maxLagMs),
                        QStringLiteral("%1 of %2").arg(c.latest.nodesInSync).arg(c.latest.nodes.size()),
                        QString::number(c.latest.conflicts), c.latestViolates ? QStringLiteral("violated") : QStringLiteral("ok")});
    }
    pdf.table({{QStringLiteral("Workflow"), 2.5}, {QStringLiteral("Level"), 1.3}, {QStringLiteral("Samples"), 1, true},
               {QStringLiteral("Score"), 1, true}, {QStringLiteral("Max lag"), 1.2, true}, {QStringLiteral("In sync"), 1.1, true},
               {QStringLiteral("Conflicts"), 1.1, true}, {QStringLiteral("Latest"), 1.1}},
              rows, QStringLiteral("No consistency samples in the selection."));

    pdf.heading(QStringLiteral("Alerts"));
    rows.clear();
    for (const AnalysisReport::Alert &a : r.alerts)
        rows.push_back({a.severity, a.kind, a.title, a.target});
    limitedTable(pdf, {{QStringLiteral("Severity"), 1}, {QStringLiteral("Kind"), 1.7}, {QStringLiteral("Alert"), 4}, {QStringLiteral("Target"), 2.5}},
                 rows, QStringLiteral("No alerts."));
    if (r.alertsOmitted > 0)
        pdf.paragraph(QStringLiteral("%1 more alerts were left out of the report.").arg(r.alertsOmitted), true);
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
        writer.setTitle(QStringLiteral("StateScope report: %1").arg(document.source));
        writer.setCreator(QStringLiteral("StateScope"));
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(16, 14, 16, 12),
                                         QPageLayout::Millimeter));
        const QString generated = document.generated.toUTC().toString(Qt::ISODate);
        PdfComposer pdf(writer, QStringLiteral("StateScope report · %1 · %2").arg(document.source, generated));
        if (!pdf.isActive()) {
            file.cancelWriting();
            *error = QStringLiteral("%1: cannot write a PDF here").arg(path);
            return false;
        }
        pdf.title(QStringLiteral("StateScope report"));
        pdf.facts({{QStringLiteral("Source"), document.source},
                   {QStringLiteral("Selection"), document.selection},
                   {QStringLiteral("Data window"), QStringLiteral("%1 to %2").arg(timeText(report.from), timeText(report.to))},
                   {QStringLiteral("As of"), timeText(report.asOf)},
                   {QStringLiteral("Definition"), report.definitionName.isEmpty() ? QStringLiteral("none") : report.definitionName},
                   {QStringLiteral("Generated"), generated}});
        summary(pdf, report);
        if (!document.figures.empty()) {
            pdf.newPage();
            pdf.heading(QStringLiteral("Views"));
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
            *error = QStringLiteral("%1: the PDF could not be completed").arg(path);
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
