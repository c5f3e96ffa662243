// File > Export > Report as PDF: a sample database opened in the window, its report and views
// written as a PDF, then read back with poppler's pdftotext and pdfinfo as a person's viewer would.
#include "analysisreport.h"
#include "dashboardsession.h"
#include "mainwindow.h"
#include "reportpdf.h"
#include "reportpdfviews.h"
#include "sampledatabase.h"
#include "schemainstaller.h"
#include "sqliteconnection.h"
#include "statediagramview.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace StateScope;

class TestReportPdf : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sampleReportReadsBack();
    void longTablesRepeatTheirHeader();
    void failureLeavesNoFile();

private:
    // Output of a poppler tool; fails the test when it does not run.
    static QString poppler(const QString &tool, const QStringList &arguments);
    static int pageCount(const QString &pdf);
    static QString pageText(const QString &pdf, int page);
};

void TestReportPdf::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // CI installs poppler-utils (packaging/debian-packages.txt): the PDF is checked as read back.
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(), "pdftotext (poppler-utils) is missing");
}

QString TestReportPdf::poppler(const QString &tool, const QStringList &arguments)
{
    QProcess p;
    p.start(tool, arguments);
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        qWarning("%s failed: %s", qPrintable(tool), p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput());
}

int TestReportPdf::pageCount(const QString &pdf)
{
    const QRegularExpressionMatch m
        = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(poppler(QStringLiteral("pdfinfo"), {pdf}));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString TestReportPdf::pageText(const QString &pdf, int page)
{
    return poppler(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-f"), QString::number(page),
                                                 QStringLiteral("-l"), QString::number(page), pdf, QStringLiteral("-")});
}

void TestReportPdf::sampleReportReadsBack()
{
    QTemporaryDir dir;
    const QString sample = dir.filePath(QStringLiteral("orders-incident.sqlite"));
    {
        QString error;
        auto c = SqliteConnection::open(sample, false, true, &error);
        QVERIFY2(c && installSchema(*c, &error), qPrintable(error));
        SampleDatabaseOptions options;
        options.executions = 400;
        QVERIFY(writeSampleDatabase(*c, options).error.isEmpty());
    }
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QSignalSpy loaded(&window, &MainWindow::sourcesLoaded);
    window.openSource(sample);
    QVERIFY(loaded.wait(30000));
    QTRY_COMPARE(window.session().report().executions, quint64(400));
    const AnalysisReport &report = window.session().report();
    QStringList actions; // File > Export offers both
    for (const QAction *a : window.findChildren<QAction *>())
        actions.append(a->text());
    QVERIFY(actions.contains(QStringLiteral("Report as PDF…")) && actions.contains(QStringLiteral("Evidence Bundle…")));

    // The views as File > Export > Report as PDF draws them: made for the page.
    const ReportPdf::PageViews views(report, window.session().definition(), window.session().storePointer(),
                                     window.session().asOf());
    QVERIFY(views.diagram()->layoutCount() > 0);
    QCOMPARE(views.diagram()->nodeNames().size(), qsizetype(report.states.size()));
    ReportPdf::Document document;
    document.source = report.source;
    document.selection = QStringLiteral("all workflows, all time");
    document.figures = views.figures();
    QCOMPARE(document.figures.size(), size_t(3));
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    QString error;
    QVERIFY2(ReportPdf::write(report, document, pdf, &error), qPrintable(error));

    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    const int pages = pageCount(pdf);
    QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
    const QString text = poppler(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY2(text.contains(QLatin1String("orders-incident.sqlite")), qPrintable(text.left(2000)));
    QVERIFY(text.contains(QLatin1String("all workflows, all time")));
    for (const AnalysisReport::StateRow &s : report.states)
        QVERIFY2(text.contains(s.name), qPrintable(s.name));
    // The states table's header, the sections a reader looks for, and the summary figures.
    QVERIFY(QRegularExpression(QStringLiteral("State\\s+Terminal\\s+In state\\s+Stays\\s+Mean\\s+p50\\s+p95\\s+p99\\s+Max"))
                .match(text).hasMatch());
    for (const char *section : {"Summary", "Top transitions", "Bottlenecks", "Top variants", "Invalid transitions",
                                "Validation findings", "Checkpoints", "Recovery", "Consistency", "Alerts"})
        QVERIFY2(text.contains(QLatin1String(section)), section);
    QVERIFY(QRegularExpression(QStringLiteral("Executions\\s+400 ")).match(text).hasMatch());
    QVERIFY(text.contains(QStringLiteral("page %1").arg(pages)));
    // The diagram is drawn as vectors, fitted whole: every state's name is text on its page.
    const QString diagramPage = pageText(pdf, 2);
    for (const AnalysisReport::StateRow &s : report.states)
        QVERIFY2(diagramPage.contains(s.name), qPrintable(s.name + QStringLiteral(" in ") + diagramPage.left(3000)));
}

void TestReportPdf::longTablesRepeatTheirHeader()
{
    AnalysisReport report;
    report.source = QStringLiteral("many-states.sqlite");
    for (int i = 0; i < 180; ++i) {
        AnalysisReport::StateRow row;
        row.name = QStringLiteral("state-%1").arg(i, 3, 10, QLatin1Char('0'));
        row.dwell.count = quint64(i);
        report.states.push_back(row);
    }
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("long.pdf"));
    QString error;
    QVERIFY2(ReportPdf::write(report, {}, pdf, &error), qPrintable(error));
    const int pages = pageCount(pdf);
    QVERIFY2(pages >= 4, qPrintable(QString::number(pages)));
    // Page 1: title and summary; the states table starts on page 2 and runs over page 3.
    int withHeader = 0;
    for (int page = 2; page <= pages; ++page) {
        const QString text = pageText(pdf, page);
        if (text.contains(QLatin1String("state-")))
            withHeader += QRegularExpression(QStringLiteral("State\\s+Terminal\\s+In state")).match(text).hasMatch() ? 1 : -100;
    }
    QVERIFY2(withHeader >= 2, qPrintable(QString::number(withHeader)));
    const QString all = poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY(all.contains(QLatin1String("state-000")) && all.contains(QLatin1String("state-179")));
}

void TestReportPdf::failureLeavesNoFile()
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("no/such/dir/report.pdf"));
    QString error;
    QVERIFY(!ReportPdf::write(AnalysisReport(), {}, pdf, &error));
    QVERIFY2(error.startsWith(pdf), qPrintable(error));
    QVERIFY(!QFile::exists(pdf));
}

QTEST_MAIN(TestReportPdf)
#include "tst_reportpdf.moc"
