#include "analyzer.h"
#include "consistencyview.h"
#include "eventstore.h"
#include "gaugewidget.h"
#include "replicanodesmodel.h"

#include <QComboBox>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace StateScope;
using Gauge = ConsistencyView::Gauge;

namespace {
ReplicaNode node(const QString &id, double lagMs, qint64 pending, bool inSync)
{
    ReplicaNode n;
    n.nodeId = id;
    n.lagMs = lagMs;
    n.pendingChanges = pending;
    n.inSync = inSync;
    return n;
}

// A sample with its derived figures filled in as the readers do.
ConsistencySample makeSample(TimeMs time, std::vector<ReplicaNode> nodes, qint64 conflicts, QStringList divergence)
{
    ConsistencySample s;
    s.time = time;
    s.level = QStringLiteral("quorum");
    s.replicationFactor = 3;
    s.quorumSize = 2;
    for (const ReplicaNode &n : nodes) {
        s.maxLagMs = std::max(s.maxLagMs, n.lagMs);
        s.pendingChanges += n.pendingChanges;
        s.nodesInSync += n.inSync ? 1 : 0;
    }
    s.nodes = std::move(nodes);
    s.conflicts = conflicts;
    s.divergence = std::move(divergence);
    return s;
}

ConsistencySample healthySample(TimeMs time)
{
    return makeSample(time,
                      {node(QStringLiteral("orders-db-1"), 0, 0, true),
                       node(QStringLiteral("orders-db-2"), 120, 4, true),
                       node(QStringLiteral("orders-db-3"), 340, 11, true)},
                      0, {});
}

ConsistencySample degradedSample(TimeMs time)
{
    return makeSample(time,
                      {node(QStringLiteral("pay-db-1"), 0, 0, true),
                       node(QStringLiteral("pay-db-2"), 4000, 1830, false),
                       node(QStringLiteral("pay-db-3"), 210, 6, true)},
                      3,
                      {QStringLiteral("payments/7f3a: balance 120.00 on pay-db-1, 95.00 on pay-db-2"),
                       QStringLiteral("payments/81c2: status settled on pay-db-1, pending on pay-db-2"),
                       QStringLiteral("ledger/2291: missing on pay-db-2")});
}

AnalysisReport::WorkflowConsistency workflow(const char *id, const char *name, ConsistencySample latest, double score,
                                             bool violates)
{
    AnalysisReport::WorkflowConsistency c;
    c.workflowId = QString::fromLatin1(id);
    c.workflowName = QString::fromLatin1(name);
    c.latest = std::move(latest);
    c.samples = 120;
    c.score = score;
    c.latestViolates = violates;
    return c;
}

AnalysisReport twoWorkflows()
{
    AnalysisReport r;
    r.lagThresholdMs = 1000;
    r.consistency.push_back(workflow("wf-orders", "order-processing", healthySample(1'700'000'000'000), 0.998, false));
    r.consistency.push_back(
        workflow("wf-payments", "payment-settlement", degradedSample(1'700'000'000'000), 0.874, true));
    return r;
}

QComboBox *selector(ConsistencyView &view)
{
    return view.findChild<QComboBox *>();
}

QString gaugeName(const ConsistencyView &view, Gauge g)
{
    return view.gauge(g)->accessibleName();
}
} // namespace

class TestConsistencyView : public QObject
{
    Q_OBJECT

private slots:
    void placeholderWithoutSamples();
    void selectorListsWorkflows();
    void gaugesShowTheLatestSample();
    void switchingWorkflowUpdatesTable();
    void laterReportKeepsTheChoice();
    void liveUpdatesRebuildNothing();
    void reportFromAnalyze();
    void rendersAtSeveralSizes();
};

void TestConsistencyView::placeholderWithoutSamples()
{
    ConsistencyView view;
    view.setReport(AnalysisReport());
    QVERIFY(view.showsPlaceholder());
    QCOMPARE(view.selectedWorkflowId(), QString());
    view.setReport(twoWorkflows());
    QVERIFY(!view.showsPlaceholder());
    view.setReport(AnalysisReport());
    QVERIFY(view.showsPlaceholder());
    QCOMPARE(view.nodesModel()->rowCount(), 0);
}

void TestConsistencyView::selectorListsWorkflows()
{
    ConsistencyView view;
    view.show();
    view.setReport(twoWorkflows());
    QComboBox *combo = selector(view);
    QVERIFY(combo);
    QVERIFY(combo->isVisible());
    QCOMPARE(combo->count(), 2);
    QCOMPARE(combo->itemText(0), QStringLiteral("order-processing"));
    QCOMPARE(combo->itemText(1), QStringLiteral("payment-settlement"));
    QCOMPARE(combo->itemData(1).toString(), QStringLiteral("wf-payments"));
    QCOMPARE(view.selectedWorkflowId(), QStringLiteral("wf-orders"));

    // One workflow: no selector, its name goes in the status line.
    AnalysisReport one = twoWorkflows();
    one.consistency.pop_back();
    view.setReport(one);
    QVERIFY(!combo->isVisible());
    QVERIFY(view.statusText().startsWith(QStringLiteral("order-processing")));
}

void TestConsistencyView::gaugesShowTheLatestSample()
{
    ConsistencyView view;
    view.setReport(twoWorkflows());
    QCOMPARE(view.gauge(Gauge::Score)->valueText(), QStringLiteral("99.8%"));
    QCOMPARE(view.gauge(Gauge::Score)->zone(), GaugeGeometry::Zone::Good);
    QCOMPARE(view.gauge(Gauge::InSync)->valueText(), QStringLiteral("3 / 3"));
    QCOMPARE(view.gauge(Gauge::InSync)->zone(), GaugeGeometry::Zone::Good);
    QCOMPARE(view.gauge(Gauge::MaxLag)->valueText(), QStringLiteral("340 ms"));
    QCOMPARE(view.gauge(Gauge::MaxLag)->zone(), GaugeGeometry::Zone::Good);
    QCOMPARE(view.gauge(Gauge::MaxLag)->markedValue(), 1000.0);
    QCOMPARE(view.gauge(Gauge::MaxLag)->gaugeGeometry().maximum(), 2000.0);
    QCOMPARE(view.gauge(Gauge::Pending)->value(), 15.0);
    QCOMPARE(view.gauge(Gauge::Pending)->gaugeGeometry().maximum(), 20.0); // auto-scaled
    QCOMPARE(view.gauge(Gauge::Conflicts)->valueText(), QStringLiteral("0"));
    QCOMPARE(gaugeName(view, Gauge::InSync), QStringLiteral("In sync (quorum 2): 3 / 3"));
    QCOMPARE(gaugeName(view, Gauge::Score), QStringLiteral("Consistency score (%): 99.8%"));
    QVERIFY(view.divergence().isEmpty());

    view.selectWorkflow(QStringLiteral("wf-payments"));
    QCOMPARE(view.gauge(Gauge::Score)->valueText(), QStringLiteral("87.4%"));
    QCOMPARE(view.gauge(Gauge::Score)->zone(), GaugeGeometry::Zone::Critical);
    QCOMPARE(view.gauge(Gauge::InSync)->valueText(), QStringLiteral("2 / 3"));
    QCOMPARE(view.gauge(Gauge::InSync)->zone(), GaugeGeometry::Zone::Warning);
    QCOMPARE(view.gauge(Gauge::MaxLag)->valueText(), QStringLiteral("4.0 s"));
    QCOMPARE(view.gauge(Gauge::MaxLag)->zone(), GaugeGeometry::Zone::Critical);
    QCOMPARE(gaugeName(view, Gauge::MaxLag), QStringLiteral("Max lag (limit 1 s): 4.0 s"));
    QCOMPARE(view.gauge(Gauge::Pending)->gaugeGeometry().maximum(), 2000.0);
    QCOMPARE(view.gauge(Gauge::Conflicts)->value(), 3.0);
    QCOMPARE(view.gauge(Gauge::Conflicts)->zone(), GaugeGeometry::Zone::Warning);
    QCOMPARE(view.divergence().size(), 3);
    QVERIFY(view.divergence().at(2).contains(QStringLiteral("ledger/2291")));
}

void TestConsistencyView::switchingWorkflowUpdatesTable()
{
    ConsistencyView view;
    view.show();
    view.setReport(twoWorkflows());
    QSignalSpy selected(&view, &ConsistencyView::workflowSelected);
    QAbstractItemModel *nodes = view.nodesModel();
    QCOMPARE(nodes->rowCount(), 3);
    // Sorted by lag, worst first.
    QCOMPARE(nodes->index(0, ReplicaNodesModel::Node).data().toString(), QStringLiteral("orders-db-3"));

    // As the user does it: the keyboard on the selector.
    QComboBox *combo = selector(view);
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentIndex(), 1);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).toString(), QStringLiteral("wf-payments"));
    QCOMPARE(view.selectedWorkflowId(), QStringLiteral("wf-payments"));
    QCOMPARE(nodes->rowCount(), 3);
    QCOMPARE(nodes->index(0, ReplicaNodesModel::Node).data().toString(), QStringLiteral("pay-db-2"));
    QCOMPARE(nodes->index(0, ReplicaNodesModel::Lag).data().toString(), QStringLiteral("4.0 s"));
    QVERIFY(nodes->index(0, ReplicaNodesModel::Lag).data(ReplicaNodesModel::OverThresholdRole).toBool());
    QVERIFY(!nodes->index(1, ReplicaNodesModel::Lag).data(ReplicaNodesModel::OverThresholdRole).toBool());
    QCOMPARE(nodes->index(0, ReplicaNodesModel::InSync).data().toString(), QStringLiteral("no"));

    // Sorting by pending changes ascending puts the idle node first.
    nodes->sort(ReplicaNodesModel::Pending, Qt::AscendingOrder);
    QCOMPARE(nodes->index(0, ReplicaNodesModel::Node).data().toString(), QStringLiteral("pay-db-1"));
}

void TestConsistencyView::laterReportKeepsTheChoice()
{
    ConsistencyView view;
    view.setReport(twoWorkflows());
    view.selectWorkflow(QStringLiteral("wf-payments"));
    // The next report lists the workflows in another order, with a new one in front.
    AnalysisReport next = twoWorkflows();
    std::swap(next.consistency[0], next.consistency[1]);
    next.consistency.insert(next.consistency.begin(),
                            workflow("wf-billing", "billing", healthySample(1'700'000'001'000), 1.0, false));
    next.consistency[1].latest.nodes[1].lagMs = 2500;
    next.consistency[1].latest.maxLagMs = 2500;
    view.setReport(next);
    QCOMPARE(view.selectedWorkflowId(), QStringLiteral("wf-payments"));
    QCOMPARE(selector(view)->currentText(), QStringLiteral("payment-settlement"));
    QCOMPARE(view.gauge(Gauge::MaxLag)->valueText(), QStringLiteral("2.5 s"));

    // While the chosen workflow is absent the first one shows; when it is back, it is chosen again.
    AnalysisReport without = twoWorkflows();
    without.consistency.pop_back();
    view.setReport(without);
    QCOMPARE(view.selectedWorkflowId(), QStringLiteral("wf-orders"));
    view.setReport(next);
    QCOMPARE(view.selectedWorkflowId(), QStringLiteral("wf-payments"));
}

void TestConsistencyView::liveUpdatesRebuildNothing()
{
    ConsistencyView view;
    view.setReport(twoWorkflows());
    QComboBox *combo = selector(view);
    QSignalSpy comboRemoved(combo->model(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy nodesReset(view.nodesModel(), &QAbstractItemModel::modelReset);
    QSignalSpy nodesChanged(view.nodesModel(), &QAbstractItemModel::dataChanged);
    AnalysisReport next = twoWorkflows();
    next.consistency[0].latest.nodes[2].lagMs = 410;
    next.consistency[0].latest.maxLagMs = 410;
    view.setReport(next);
    QCOMPARE(comboRemoved.count(), 0);
    QCOMPARE(nodesReset.count(), 0);
    QVERIFY(nodesChanged.count() >= 1);
    QCOMPARE(view.gauge(Gauge::MaxLag)->valueText(), QStringLiteral("410 ms"));
    // A workflow turning unhealthy changes its selector icon: that rebuilds the items but keeps
    // the choice.
    next.consistency[0].latestViolates = true;
    view.setReport(next);
    QCOMPARE(combo->count(), 2);
    QCOMPARE(view.selectedWorkflowId(), QStringLiteral("wf-orders"));
}

void TestConsistencyView::reportFromAnalyze()
{
    EventStore store;
    const quint32 wf
        = store.addWorkflow(Workflow {QStringLiteral("wf-1"), QStringLiteral("replicated-orders"), QString()});
    ConsistencySample a = healthySample(1'000'000);
    a.workflow = wf;
    ConsistencySample b = degradedSample(1'009'000); // healthy 9 s, then degraded 1 s
    b.workflow = wf;
    ConsistencySample c = degradedSample(1'010'000);
    c.workflow = wf;
    store.consistency().push_back(a);
    store.consistency().push_back(b);
    store.consistency().push_back(c);
    store.finalize();
    const AnalysisReport report = analyze(store, AnalysisOptions());
    QCOMPARE(report.consistency.size(), size_t(1));

    ConsistencyView view;
    view.setReport(report);
    QCOMPARE(view.selectedWorkflowId(), QStringLiteral("wf-1"));
    QCOMPARE(view.gauge(Gauge::Score)->valueText(), QStringLiteral("90.0%"));
    QCOMPARE(view.gauge(Gauge::InSync)->valueText(), QStringLiteral("2 / 3"));
    QCOMPARE(view.gauge(Gauge::MaxLag)->zone(), GaugeGeometry::Zone::Critical);
    QCOMPARE(view.nodesModel()->rowCount(), 3);
    QCOMPARE(view.divergence().size(), 3);
    QVERIFY(view.statusText().contains(QStringLiteral("3 samples")));
}

void TestConsistencyView::rendersAtSeveralSizes()
{
    ConsistencyView view;
    view.setReport(twoWorkflows());
    view.selectWorkflow(QStringLiteral("wf-payments"));
    const QString dir = qEnvironmentVariable("STATESCOPE_SCREENSHOTS");
    for (const QSize size : {QSize(1200, 800), QSize(800, 500)}) {
        view.resize(size);
        const QImage image = view.grab().toImage();
        QCOMPARE(image.size(), size * view.devicePixelRatioF());
        // The gauges painted something besides the background: the degraded lag arc's color.
        const GaugeWidget *lag = view.gauge(Gauge::MaxLag);
        const QImage gaugeImage = const_cast<GaugeWidget *>(lag)->grab().toImage();
        bool critical = false;
        for (int y = 0; y < gaugeImage.height() && !critical; y += 2) {
            for (int x = 0; x < gaugeImage.width() && !critical; x += 2)
                critical = gaugeImage.pixelColor(x, y) == GaugeWidget::zoneColor(GaugeGeometry::Zone::Critical);
        }
        QVERIFY(critical);
        if (!dir.isEmpty())
            image.save(QStringLiteral("%1/consistency-degraded-%2.png").arg(dir).arg(size.width()));
    }
    if (!dir.isEmpty()) {
        view.selectWorkflow(QStringLiteral("wf-orders"));
        view.resize(1200, 800);
        view.grab().save(dir + QStringLiteral("/consistency-healthy-1200.png"));
    }
}

QTEST_MAIN(TestConsistencyView)
#include "tst_consistencyview.moc"
