#include "viewexport.h"

#include "analysisreport.h"
#include "reportjson.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

#include <cmath>

namespace StateScope::ViewExport {

namespace {

bool writeAll(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

// Renders into a temporary file beside the target, then moves it over: a painter device
// cannot write through QSaveFile's commit itself, and a failed render must not leave half a file.
template<typename Device>
bool renderTo(QWidget &view, const QString &path, Device &device, const QString &tmp, QString *error)
{
    QPainter painter;
    if (!painter.begin(&device)) {
        *error = QCoreApplication::translate("StateScope::ViewExport", "%1: cannot write here").arg(path);
        QFile::remove(tmp);
        return false;
    }
    view.render(&painter);
    painter.end();
    QFile::remove(path);
    if (!QFile::rename(tmp, path)) {
        *error = QCoreApplication::translate("StateScope::ViewExport", "%1: cannot replace the file").arg(path);
        QFile::remove(tmp);
        return false;
    }
    return true;
}

QByteArray csvField(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') && !utf8.contains('\r'))
        return utf8;
    utf8.replace('"', "\"\"");
    return '"' + utf8 + '"';
}

QByteArray number(double value)
{
    return std::isfinite(value) ? QByteArray::number(value, 'g', 10) : QByteArray(); // unknown: empty
}

} // namespace

bool exportWidget(QWidget &view, const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !view.grab().save(&file, "PNG") || !file.commit()) {
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
            return false;
        }
        return true;
    }
    const QString tmp = path + QStringLiteral(".part");
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(tmp);
        svg.setSize(view.size());
        svg.setViewBox(view.rect());
        svg.setTitle(view.accessibleName());
        svg.setDescription(QStringLiteral("StateScope"));
        return renderTo(view, path, svg, tmp, error);
    }
    if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(tmp);
        pdf.setTitle(view.accessibleName());
        pdf.setCreator(QStringLiteral("StateScope"));
        // One page the view's shape, at screen resolution: what is seen is what is printed.
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QSizeF(view.width(), view.height()) * 72.0 / 96.0, QPageSize::Point));
        pdf.setPageMargins(QMarginsF());
        return renderTo(view, path, pdf, tmp, error);
    }
    *error = QCoreApplication::translate("StateScope::ViewExport", "%1: unknown image type (use .png, .svg or .pdf)").arg(path);
    return false;
}

bool exportReportJson(const AnalysisReport &report, const QString &path, QString *error)
{
    return writeAll(path, QJsonDocument(reportToJson(report)).toJson(QJsonDocument::Indented), error);
}

QByteArray reportCsv(const AnalysisReport &report)
{
    std::vector<double> share(report.states.size(), std::nan(""));
    for (const AnalysisReport::Bottleneck &b : report.bottlenecks)
        if (b.state >= 0 && size_t(b.state) < share.size())
            share[size_t(b.state)] = b.share;
    QByteArray out = "state,terminal,executions_in_state,dwell_count,dwell_mean_ms,dwell_p50_ms,dwell_p95_ms,dwell_p99_ms,"
                     "dwell_max_ms,steady_state,time_share,bottleneck_share\r\n";
    for (size_t i = 0; i < report.states.size(); ++i) {
        const AnalysisReport::StateRow &s = report.states[i];
        out += csvField(s.name) + ',' + (s.terminal ? "true" : "false") + ',' + QByteArray::number(s.executionsInState) + ','
            + QByteArray::number(s.dwell.count) + ',' + number(s.dwell.mean) + ',' + number(s.dwell.p50) + ','
            + number(s.dwell.p95) + ',' + number(s.dwell.p99) + ',' + number(s.dwell.max) + ',' + number(s.steadyState) + ','
            + number(s.timeShare) + ',' + number(share[i]) + "\r\n";
    }
    return out;
}

bool exportReportCsv(const AnalysisReport &report, const QString &path, QString *error)
{
    return writeAll(path, reportCsv(report), error);
}

} // namespace StateScope::ViewExport
