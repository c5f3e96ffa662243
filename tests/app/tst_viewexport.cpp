// File > Export: views as PNG, SVG and PDF, the report as JSON and CSV, written whole or not at all.
#include "analysisreport.h"
#include "viewexport.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

using namespace StateScope;

class TestViewExport : public QObject
{
    Q_OBJECT

private slots:
    void viewAsPngSvgPdf();
    void reportAsJsonAndCsv();
    void failuresLeaveNoFile();
};

void TestViewExport::viewAsPngSvgPdf()
{
    QTemporaryDir dir;
    QLabel view(QStringLiteral("received → validating → approved"));
    view.setAccessibleName(QStringLiteral("State diagram"));
    view.resize(420, 180);
    QString error;
    const QString png = dir.filePath(QStringLiteral("view.png"));
    QVERIFY2(ViewExport::exportWidget(view, png, &error), qPrintable(error));
    const QImage image(png);
    QCOMPARE(image.size(), view.grab().size());

    const QString svg = dir.filePath(QStringLiteral("view.svg"));
    QVERIFY2(ViewExport::exportWidget(view, svg, &error), qPrintable(error));
    QFile s(svg);
    QVERIFY(s.open(QIODevice::ReadOnly));
    const QByteArray svgText = s.readAll();
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("viewBox=\"0 0 420 180\""));
    QVERIFY(svgText.contains("<title>State diagram</title>"));
    QVERIFY(svgText.contains("<text")); // vector text, not a bitmap

    const QString pdf = dir.filePath(QStringLiteral("view.pdf"));
    QVERIFY2(ViewExport::exportWidget(view, pdf, &error), qPrintable(error));
    QFile p(pdf);
    QVERIFY(p.open(QIODevice::ReadOnly));
    const QByteArray pdfBytes = p.readAll();
    QVERIFY(pdfBytes.startsWith("%PDF-"));
    QVERIFY(pdfBytes.contains("/Title"));
    QVERIFY(!QFile::exists(pdf + QStringLiteral(".part")));
}

void TestViewExport::reportAsJsonAndCsv()
{
    AnalysisReport report;
    report.source = QStringLiteral("orders.sqlite");
    AnalysisReport::StateRow a;
    a.name = QStringLiteral("review, manual");
    a.executionsInState = 3;
    a.dwell.count = 2;
    a.dwell.mean = 1500;
    a.dwell.p50 = 1500;
    a.dwell.p95 = 1950;
    a.dwell.p99 = 1990;
    a.dwell.max = 2000;
    a.steadyState = 0.25;
    a.timeShare = 0.5;
    AnalysisReport::StateRow b;
    b.name = QStringLiteral("done \"ok\"");
    b.terminal = true;
    report.states = {a, b};
    AnalysisReport::Bottleneck bottleneck;
    bottleneck.state = 0;
    bottleneck.share = 0.75;
    report.bottlenecks.push_back(bottleneck);
    QCOMPARE(ViewExport::reportCsv(report),
             QByteArray("state,terminal,executions_in_state,dwell_count,dwell_mean_ms,dwell_p50_ms,dwell_p95_ms,dwell_p99_ms,"
                        "dwell_max_ms,steady_state,time_share,bottleneck_share\r\n"
                        "\"review, manual\",false,3,2,1500,1500,1950,1990,2000,0.25,0.5,0.75\r\n"
                        "\"done \"\"ok\"\"\",true,0,0,,,,,,0,0,\r\n"));

    QTemporaryDir dir;
    QString error;
    const QString json = dir.filePath(QStringLiteral("report.json"));
    QVERIFY2(ViewExport::exportReportJson(report, json, &error), qPrintable(error));
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(o.value(QStringLiteral("source")).toString(), QStringLiteral("orders.sqlite"));
    QCOMPARE(o.value(QStringLiteral("states")).toArray().size(), 2);
}

void TestViewExport::failuresLeaveNoFile()
{
    QTemporaryDir dir;
    QLabel view(QStringLiteral("x"));
    view.resize(50, 20);
    QString error;
    QVERIFY(!ViewExport::exportWidget(view, dir.filePath(QStringLiteral("view.bmpx")), &error));
    QVERIFY2(error.contains(QLatin1String("unknown image type")), qPrintable(error));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("view.bmpx"))));
    const QString missingDir = dir.filePath(QStringLiteral("no/such/dir/report.csv"));
    QVERIFY(!ViewExport::exportReportCsv(AnalysisReport(), missingDir, &error));
    QVERIFY2(error.startsWith(missingDir), qPrintable(error));
    QVERIFY(!ViewExport::exportWidget(view, dir.filePath(QStringLiteral("no/such/dir/view.svg")), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestViewExport)
#include "tst_viewexport.moc"
