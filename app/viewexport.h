#pragma once

#include <QString>

class QWidget;

namespace StateScope {

struct AnalysisReport;

// Exports from the dashboard (File > Export). Every file is written through QSaveFile: it
// appears whole or not at all, and an existing file is replaced only by a complete new one.
namespace ViewExport {

// A view as the user sees it: PNG (pixels), SVG (vector, for documents) or PDF (one page),
// chosen by the file's suffix. False with *error naming the problem.
bool exportWidget(QWidget &view, const QString &path, QString *error);

// The analytics report: the JSON of `statescope analyze --format json` ...
bool exportReportJson(const AnalysisReport &report, const QString &path, QString *error);
// ... or one CSV row per state (RFC 4180): state, terminal, executions in it, dwell figures in
// ms, steady state, time share, bottleneck share.
bool exportReportCsv(const AnalysisReport &report, const QString &path, QString *error);
QByteArray reportCsv(const AnalysisReport &report);

} // namespace ViewExport

} // namespace StateScope
