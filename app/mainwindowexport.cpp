// File > Export: a view as PNG, SVG or PDF, the report as JSON or CSV.
#include "mainwindow.h"

#include "analyticsview.h"
#include "consistencyview.h"
#include "dashboardsession.h"
#include "matrixview.h"
#include "recoverypane.h"
#include "statediagramview.h"
#include "timelineview.h"
#include "viewexport.h"

#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

#include <functional>

namespace StateScope {

void MainWindow::createExportMenu(QMenu *file)
{
    QMenu *menu = file->addMenu(tr("&Export"));
    // The views are looked up when chosen: the docks are made after the menus.
    const std::pair<std::function<QWidget *()>, QString> views[] = {
        {[this] { return m_diagram; }, tr("State Diagram")},   {[this] { return m_timeline; }, tr("Timeline")},
        {[this] { return m_matrix; }, tr("Transition Matrix")}, {[this] { return m_consistency; }, tr("Consistency")},
        {[this] { return m_analytics; }, tr("Analytics")},      {[this] { return m_recovery; }, tr("Recovery")}};
    for (const auto &[view, name] : views) {
        const QString title = name;
        menu->addAction(tr("%1 as Image…").arg(name), this, [this, view, title] { exportView(view(), title); });
    }
    menu->addSeparator();
    menu->addAction(tr("Report as JSON…"), this, [this] { exportReport(false); });
    menu->addAction(tr("Report as CSV (one row per state)…"), this, [this] { exportReport(true); });
}

void MainWindow::exportView(QWidget *view, const QString &name)
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(name), name + QStringLiteral(".png"),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"),
                                                      &filter);
    if (path.isEmpty())
        return;
    QString error;
    if (!ViewExport::exportWidget(*view, path, &error))
        QMessageBox::warning(this, tr("Export"), error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 8000);
}

void MainWindow::exportReport(bool csv)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Report"),
                                                      csv ? QStringLiteral("report.csv") : QStringLiteral("report.json"),
                                                      csv ? tr("CSV (*.csv)") : tr("JSON (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = csv ? ViewExport::exportReportCsv(m_session->report(), path, &error)
                        : ViewExport::exportReportJson(m_session->report(), path, &error);
    if (!ok)
        QMessageBox::warning(this, tr("Export"), error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 8000);
}

} // namespace StateScope
