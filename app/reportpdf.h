#pragma once

#include <QDateTime>
#include <QString>

#include <vector>

class QWidget;

namespace StateScope {

struct AnalysisReport;

// The report as a PDF a person hands to a colleague after an incident (File > Export > Report as
// PDF): A4 pages with the source, the selection and when it was made; the summary figures; the
// views (state diagram, transition matrix, timeline) drawn as vector graphics; then the tables:
// states and dwell times, top transitions, bottlenecks, variants, invalid transitions,
// validation findings, checkpoints, recovery, consistency and alerts. Long tables continue on
// the next page under their header.
namespace ReportPdf {

struct Figure
{
    QString caption;
    QWidget *view = nullptr;
    double maxHeightShare = 0.5; // of the page's text height
};

struct Document
{
    QString source;
    QString selection; // what the report covers: workflows and time window
    QDateTime generated = QDateTime::currentDateTimeUtc();
    std::vector<Figure> figures;
};

// Written through QSaveFile: the file appears whole or not at all. False with *error naming
// the path and the problem.
bool write(const AnalysisReport &report, const Document &document, const QString &path, QString *error);

} // namespace ReportPdf

} // namespace StateScope
