// File > Export: a view as PNG, SVG or PDF, the report as JSON, CSV or a PDF document, the
// selection as an evidence bundle.
#include "mainwindow.h"

#include "actionicons.h"
#include "analyticsview.h"
#include "consistencyview.h"
#include "dashboardsession.h"
#include "eventstore.h"
#include "evidencebundle.h"
#include "matrixview.h"
#include "recoverypane.h"
#include "reportpdf.h"
#include "reportpdfviews.h"
#include "statediagramview.h"
#include "sqlconnection.h"
#include "timelineview.h"
#include "viewexport.h"

#include <QFileDialog>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace StateScope {

void MainWindow::createExportMenu(QMenu *file)
{
    QMenu *menu = file->addMenu(tr("E&xport"));
    menu->addAction(ActionIcons::icon(ActionIcons::Kind::Export), tr("&Current View as Image…"),
                    QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::exportCurrentView)
        ->setToolTip(tr("Save the pane that has the keyboard focus (else the state diagram) as PNG, SVG or PDF"));
    menu->addSeparator();
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
    menu->addAction(tr("Report as PDF…"), QKeySequence::Print, this, &MainWindow::exportReportPdf);
    menu->addSeparator();
    menu->addAction(tr("Evidence Bundle…"), this, &MainWindow::exportEvidenceBundle);
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

void MainWindow::exportReportPdf()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Report as PDF"), QStringLiteral("report.pdf"),
                                                      tr("PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    ReportPdf::Document document;
    document.source = m_session->report().source;
    document.selection = describeSelection(m_session->store(), m_session->analysisOptions().selection);
    QGuiApplication::setOverrideCursor(Qt::WaitCursor); // the diagram is laid out for the page first
    const ReportPdf::PageViews views(m_session->report(), m_session->definition(), m_session->storePointer(),
                                     m_session->asOf());
    document.figures = views.figures();
    QString error;
    const bool written = ReportPdf::write(m_session->report(), document, path, &error);
    QGuiApplication::restoreOverrideCursor();
    if (!written)
        QMessageBox::warning(this, tr("Export"), error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 8000);
}

void MainWindow::exportEvidenceBundle()
{
    if (!m_session->hasData()) {
        QMessageBox::information(this, tr("Evidence Bundle"), tr("There is no data to bundle: open a source first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Evidence Bundle"), QStringLiteral("evidence.sqlite"),
                                                      tr("SQLite database (*.sqlite *.db)"));
    if (path.isEmpty())
        return;
    EvidenceBundleOptions options;
    options.analysis = m_session->analysisOptions();
    options.selectionDescription = describeSelection(m_session->store(), options.analysis.selection);
    // Checkpoint contents, variables and audit rows are read again from a database source.
    const SourceLocation::Kind kind = locateSource(m_session->offlineSource()).kind;
    if (kind == SourceLocation::Kind::SQLite || kind == SourceLocation::Kind::PostgreSQL)
        options.sourceDatabase = m_session->offlineSource();
    const std::shared_ptr<const EventStore> store = m_session->storeSnapshot();
    auto *watcher = new QFutureWatcher<EvidenceBundleSummary>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        const EvidenceBundleSummary summary = watcher->result();
        watcher->deleteLater();
        if (!summary.error.isEmpty()) {
            QMessageBox::warning(this, tr("Evidence Bundle"), tr("The evidence bundle was not written.\n\n%1").arg(summary.error));
            return;
        }
        statusBar()->showMessage(tr("Saved %1: %2 executions, %3 transitions, %4 audit rows")
                                     .arg(path).arg(summary.executions).arg(summary.transitions).arg(summary.auditRows),
                                 10000);
    });
    statusBar()->showMessage(tr("Writing the evidence bundle %1…").arg(path));
    watcher->setFuture(QtConcurrent::run([store, options, path] { return writeEvidenceBundle(*store, options, path); }));
}

} // namespace StateScope
