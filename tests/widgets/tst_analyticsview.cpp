// The Analytics pane offscreen, fed with reports analyze() made from a generated order
// workflow: 12 states, retries, backorders, failures, cancellations, stuck executions and a few
// moves the definition does not allow. Set STATESCOPE_SCREENSHOTS=<dir> to save a PNG per tab.
#include "analyticsview.h"

#include "analyzer.h"
#include "bottleneckchart.h"
#include "eventstore.h"
#include "statepalette.h"
#include "variantsmodel.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <map>
#include <memory>
#include <random>

using namespace StateScope;

namespace {
constexpr TimeMs kNow = 1767225600000; // 2026-01-01T00:00:00Z
constexpr double kSecond = 1000.0;
constexpr double kMinute = 60 * kSecond;
constexpr double kHour = 60 * kMinute;

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}

struct Step
{
    const char *to;
    double weight;
};
struct StateModel
{
    double meanMs; // lognormal stay around this
    std::vector<Step> next;
};

// The workflow as it really runs (including two moves the definition forbids).
const std::map<QByteArray, StateModel> &orderFlow()
{
    static const std::map<QByteArray, StateModel> flow{
        {"received", {2 * kSecond, {{"validating", 0.995}, {"payment_pending", 0.005}}}},
        {"validating", {5 * kSecond, {{"payment_pending", 0.93}, {"cancelled", 0.05}, {"failed", 0.02}}}},
        {"payment_pending", {40 * kSecond, {{"inventory_check", 0.80}, {"payment_retry", 0.17}, {"cancelled", 0.03}}}},
        {"payment_retry", {2 * kMinute, {{"payment_pending", 0.75}, {"failed", 0.25}}}},
        {"inventory_check", {10 * kSecond, {{"picking", 0.85}, {"backordered", 0.15}}}},
        {"backordered", {3 * kHour, {{"inventory_check", 0.9}, {"cancelled", 0.1}}}},
        {"picking", {15 * kMinute, {{"packing", 0.96}, {"shipped", 0.01}, {"failed", 0.03}}}},
        {"packing", {10 * kMinute, {{"shipped", 1.0}}}},
        {"shipped", {5 * kHour, {{"delivered", 0.98}, {"failed", 0.02}}}},
    };
    return flow;
}

// `executions` orders started over the 3 days before kNow; what would happen after kNow has
// not happened yet, so the recent ones are still running. One in 60 hangs in its current state.
std::unique_ptr<EventStore> orderStore(int executions, quint32 seed)
{
    auto store = std::make_unique<EventStore>();
    const quint32 workflow = store->addWorkflow({qs("wf-orders"), qs("orders"), {}});
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::normal_distribution<double> spread(0.0, 0.6);
    for (int i = 0; i < executions; ++i) {
        const TimeMs start = kNow - TimeMs(unit(random) * 3 * 24 * kHour);
        const ExecutionIndex e = store->addExecution(QByteArray(QByteArray("ord-") + QByteArray::number(10000 + i)), workflow, start,
                                                     ExecutionStatus::Running);
        const bool hangs = i % 60 == 7;
        QByteArray state = "received";
        TimeMs t = start;
        for (int moves = 0; moves < 40; ++moves) {
            const auto it = orderFlow().find(state);
            if (it == orderFlow().end()) {
                store->setExecutionStatus(e, state == "delivered" ? ExecutionStatus::Completed : ExecutionStatus::Failed);
                break;
            }
            double stay = it->second.meanMs * std::exp(spread(random) - 0.18);
            if (hangs && moves >= 2)
                stay *= 400;
            if (t + TimeMs(stay) > kNow)
                break; // still in `state`
            t += TimeMs(stay);
            double pick = unit(random);
            QByteArray next = it->second.next.back().to;
            for (const Step &s : it->second.next) {
                if ((pick -= s.weight) < 0) {
                    next = s.to;
                    break;
                }
            }
            const TransitionType type = state == "payment_retry" && next == "payment_pending" ? TransitionType::Retry
                : next == "failed"                                                            ? TransitionType::Error
                                                                                              : TransitionType::Normal;
            store->appendTransition(e, store->internState(state), store->internState(next), t, type);
            state = next;
        }
        if (store->transitionCountOf(e) == 0)
            store->setExecutionInitialState(e, store->internState(state));
    }
    CheckpointInfo corrupted;
    corrupted.execution = 3;
    corrupted.timestamp = kNow - TimeMs(kHour);
    corrupted.status = CheckpointStatus::Corrupted;
    store->addCheckpoint("cp-7f3a9c", "automatic", "picking", corrupted);
    RecoveryRecord failed;
    failed.id = qs("rec-0042");
    failed.execution = 11;
    failed.time = kNow - TimeMs(2 * kHour);
    failed.type = qs("checkpoint");
    failed.success = 0;
    store->recoveries().push_back(failed);
    store->finalize();
    return store;
}

StateMachineDefinition orderDefinition()
{
    StateMachineDefinition d;
    d.name = qs("order-fulfilment v3");
    d.initialState = qs("received");
    d.finalStates = QStringList{qs("delivered"), qs("failed"), qs("cancelled")};
    const char *states[][2] = {{"received", "pass"},       {"validating", "task"},    {"payment_pending", "task"},
                               {"payment_retry", "task"},  {"inventory_check", "task"}, {"backordered", "wait"},
                               {"picking", "task"},        {"packing", "task"},       {"shipped", "wait"},
                               {"delivered", "succeed"},   {"failed", "fail"},        {"cancelled", "succeed"},
                               {"manual_review", "task"}};
    for (const auto &s : states)
        d.states.push_back({qs(s[0]), qs(s[1])});
    // {source, target, event, isError}
    const std::tuple<const char *, const char *, const char *, bool> moves[] = {
        {"received", "validating", "submit", false},        {"validating", "payment_pending", "valid", false},
        {"validating", "cancelled", "cancel", false},        {"validating", "failed", "error", true},
        {"payment_pending", "inventory_check", "paid", false}, {"payment_pending", "payment_retry", "declined", false},
        {"payment_pending", "cancelled", "cancel", false},   {"payment_retry", "payment_pending", "retry", false},
        {"payment_retry", "failed", "error", true},          {"inventory_check", "picking", "stock_checked", false},
        {"inventory_check", "backordered", "stock_checked", false}, {"backordered", "inventory_check", "restocked", false},
        {"backordered", "cancelled", "cancel", false},       {"picking", "packing", "picked", false},
        {"picking", "failed", "error", true},                {"packing", "shipped", "packed", false},
        {"shipped", "delivered", "delivered", false},        {"shipped", "failed", "lost", true},
        {"manual_review", "payment_pending", "approved", false}};
    int n = 0;
    for (const auto &[from, to, event, isError] : moves)
        d.transitions.push_back({QStringLiteral("t%1").arg(++n), qs(from), qs(to), qs(event), {}, 0, isError});
    return d;
}

AnalysisReport orderReport(int executions, quint32 seed, TimeMs asOf = kNow)
{
    const std::unique_ptr<EventStore> store = orderStore(executions, seed);
    AnalysisOptions options;
    options.sourceLabel = qs("orders (generated)");
    options.definition = orderDefinition();
    options.asOf = asOf;
    return analyze(*store, options);
}

// A report with `n` non-terminal states in a chain, state i staying i + 1 seconds.
AnalysisReport chainReport(int n)
{
    EventStore store;
    const quint32 w = store.addWorkflow({qs("wf"), qs("chain"), {}});
    for (int e = 0; e < 3; ++e) {
        const ExecutionIndex x = store.addExecution(QByteArray(QByteArray("c") + QByteArray::number(e)), w, 0, ExecutionStatus::Completed);
        TimeMs t = 0;
        for (int i = 0; i < n; ++i) {
            t += (i + 1) * 1000;
            const QByteArray from = QByteArray("step_") + QByteArray::number(i);
            const QByteArray to = i + 1 < n ? QByteArray(QByteArray("step_") + QByteArray::number(i + 1)) : QByteArray("end");
            store.appendTransition(x, store.internState(from), store.internState(to), t, TransitionType::Normal);
        }
    }
    store.finalize();
    return analyze(store, AnalysisOptions());
}
} // namespace

class TestAnalyticsView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tabsHoldTheReport();
    void sortSelectionAndScrollSurviveUpdates();
    void doubleClickOnVariantShowsExample();
    void predictionsFilterByState();
    void chartHasOneBarPerCandidateUpToTheCap();
    void screenshots();

private:
    static void doubleClick(QTableView *table, const QModelIndex &index)
    {
        // A real double click: press and release, then the double-click event and its release.
        const QPoint at = table->visualRect(index).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseRelease(table->viewport(), Qt::LeftButton, {}, at);
    }
    static int barSets(const BottleneckChart &chart)
    {
        const QList<QAbstractSeries *> series = chart.chart()->series();
        for (QAbstractSeries *s : series) {
            if (auto *bars = qobject_cast<QAbstractBarSeries *>(s))
                return bars->count();
        }
        return -1;
    }
    QTableView *table(AnalyticsView &view, const char *name)
    {
        return view.findChild<QTableView *>(QString::fromLatin1(name));
    }
    AnalysisReport m_report;
};

void TestAnalyticsView::initTestCase()
{
    m_report = orderReport(2000, 7);
    // The generated data has what every tab needs.
    QCOMPARE(m_report.states.size(), size_t(12));
    QVERIFY(m_report.variants.size() > 10);
    QVERIFY(!m_report.invalidTransitions.empty());
    QVERIFY(m_report.executionPredictions.size() > 20);
    QVERIFY(m_report.alerts.size() > 5);
}

void TestAnalyticsView::tabsHoldTheReport()
{
    AnalyticsView view;
    view.setReport(m_report);
    QCOMPARE(table(view, "dwellTable")->model()->rowCount(), int(m_report.states.size()));
    QCOMPARE(table(view, "variantsTable")->model()->rowCount(), int(m_report.variants.size()));
    const size_t findings = m_report.invalidTransitions.size() + size_t(m_report.unreachable.size())
        + size_t(m_report.deadlocks.size()) + size_t(m_report.trapped.size()) + m_report.nonDeterministic.size()
        + size_t(m_report.missingErrorHandling.size());
    QCOMPARE(table(view, "conformanceTable")->model()->rowCount(), int(findings));
    QCOMPARE(table(view, "statePredictionsTable")->model()->rowCount(), int(m_report.statePredictions.size()));
    QCOMPARE(table(view, "executionPredictionsTable")->model()->rowCount(), int(m_report.executionPredictions.size()));
    QCOMPARE(table(view, "alertsTable")->model()->rowCount(), int(m_report.alerts.size()));
    auto *tabs = view.findChild<QTabWidget *>(qs("analyticsTabs"));
    QCOMPARE(tabs->count(), 6);
    QCOMPARE(tabs->tabText(AnalyticsView::AlertsTab), QStringLiteral("Alerts (%1)").arg(m_report.alerts.size() + m_report.alertsOmitted));
    // Alerts open sorted by severity, the worst first.
    QAbstractItemModel *alerts = table(view, "alertsTable")->model();
    QCOMPARE(alerts->index(0, 0).data(VariantsModel::SortRole).toInt(), 2);
    QCOMPARE(alerts->index(alerts->rowCount() - 1, 0).data(VariantsModel::SortRole).toInt(), 1);
    // An empty report empties every tab.
    view.setReport(AnalysisReport());
    QCOMPARE(table(view, "variantsTable")->model()->rowCount(), 0);
    QCOMPARE(view.findChild<BottleneckChart *>()->bars().size(), size_t(0));
}

void TestAnalyticsView::sortSelectionAndScrollSurviveUpdates()
{
    AnalyticsView view;
    view.resize(1000, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setReport(m_report);

    QTableView *variants = table(view, "variantsTable");
    variants->sortByColumn(VariantsModel::Steps, Qt::AscendingOrder);
    // The happy path, which the next report certainly has too, somewhere down the list.
    const QString selectedPath = m_report.variants.front().path.join(qs(" → "));
    const QModelIndexList match = variants->model()->match(variants->model()->index(0, 0), VariantsModel::KeyRole, selectedPath);
    QCOMPARE(match.size(), 1);
    QVERIFY(match.first().row() > 0);
    variants->selectRow(match.first().row());

    view.setCurrentTab(AnalyticsView::PredictionsTab);
    QTableView *executions = table(view, "executionPredictionsTable");
    QCoreApplication::processEvents();
    executions->verticalScrollBar()->setValue(15);
    QCOMPARE(executions->verticalScrollBar()->value(), 15);

    // More executions, another seed: other counts, other variant order, other running set.
    const AnalysisReport next = orderReport(2300, 8, kNow + TimeMs(10 * kMinute));
    view.setReport(next);
    QCOMPARE(variants->horizontalHeader()->sortIndicatorSection(), int(VariantsModel::Steps));
    QCOMPARE(variants->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
    QAbstractItemModel *model = variants->model();
    QCOMPARE(model->rowCount(), int(next.variants.size()));
    for (int row = 1; row < model->rowCount(); ++row) {
        QVERIFY(model->index(row - 1, VariantsModel::Steps).data(VariantsModel::SortRole).toDouble()
                <= model->index(row, VariantsModel::Steps).data(VariantsModel::SortRole).toDouble());
    }
    const QModelIndexList selected = variants->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data(VariantsModel::KeyRole).toString(), selectedPath);
    QCOMPARE(executions->verticalScrollBar()->value(), 15);
}

void TestAnalyticsView::doubleClickOnVariantShowsExample()
{
    AnalyticsView view;
    view.resize(1000, 600);
    view.setCurrentTab(AnalyticsView::VariantsTab);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setReport(m_report);
    QSignalSpy activated(&view, &AnalyticsView::executionActivated);
    QTableView *variants = table(view, "variantsTable");
    const QModelIndex example = variants->model()->index(1, VariantsModel::Example);
    QCOMPARE(example.data().toString(), m_report.variants[1].exampleExecution);
    doubleClick(variants, example);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toString(), m_report.variants[1].exampleExecution);
    // A row without an execution (the dwell table) emits nothing.
    view.setCurrentTab(AnalyticsView::DwellTab);
    QTableView *dwell = table(view, "dwellTable");
    doubleClick(dwell, dwell->model()->index(0, 0));
    QCOMPARE(activated.count(), 1);
}

void TestAnalyticsView::predictionsFilterByState()
{
    AnalyticsView view;
    view.setReport(m_report);
    QTableView *states = table(view, "statePredictionsTable");
    QTableView *executions = table(view, "executionPredictionsTable");
    const AnalysisReport::StatePrediction &first = m_report.statePredictions.front();
    QCOMPARE(states->model()->index(0, 0).data().toString(), m_report.states[size_t(first.state)].name);
    states->selectRow(0);
    QCOMPARE(quint64(executions->model()->rowCount()),
             quint64(std::count_if(m_report.executionPredictions.cbegin(), m_report.executionPredictions.cend(),
                                   [&](const auto &p) { return p.state == first.state; })));
    for (int row = 0; row < executions->model()->rowCount(); ++row)
        QCOMPARE(executions->model()->index(row, 1).data().toString(), m_report.states[size_t(first.state)].name);
    states->clearSelection();
    QCOMPARE(executions->model()->rowCount(), int(m_report.executionPredictions.size()));
}

void TestAnalyticsView::chartHasOneBarPerCandidateUpToTheCap()
{
    BottleneckChart chart;
    chart.resize(900, 600);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setReport(m_report);
    QCOMPARE(barSets(chart), int(m_report.bottlenecks.size()));
    QCOMPARE(chart.bars().size(), m_report.bottlenecks.size()); // 9 non-terminal states, under the cap
    QCOMPARE(chart.omitted(), 0);
    for (size_t i = 0; i < chart.bars().size(); ++i) {
        const AnalysisReport::Bottleneck &b = m_report.bottlenecks[i];
        QCOMPARE(chart.bars()[i].state, m_report.states[size_t(b.state)].name);
        QCOMPARE(chart.bars()[i].isBottleneck, b.isBottleneck);
        QCOMPARE(BottleneckChart::label(chart.bars()[i]).endsWith(qs("(bottleneck)")), b.isBottleneck);
    }
    QVERIFY(chart.bars().front().isBottleneck);
    QCOMPARE(chart.threshold(), 2.0 / double(m_report.bottlenecks.size()));

    const AnalysisReport wide = chainReport(30);
    QCOMPARE(wide.bottlenecks.size(), size_t(30));
    chart.setReport(wide);
    QCOMPARE(int(chart.bars().size()), BottleneckChart::kMaxBars);
    QCOMPARE(chart.omitted(), 30 - BottleneckChart::kMaxBars);
    QCOMPARE(chart.bars().front().state, qs("step_29")); // the longest stays
    for (size_t i = 1; i < chart.bars().size(); ++i)
        QVERIFY(chart.bars()[i - 1].share >= chart.bars()[i].share);
    QVERIFY(BottleneckChart::toolTip(chart.bars().front()).contains(qs("30.0 s")));
    QCOMPARE(barSets(chart), BottleneckChart::kMaxBars);
    const auto *axis = qobject_cast<QBarCategoryAxis *>(chart.chart()->axes(Qt::Vertical).first());
    QVERIFY(axis);
    QCOMPARE(axis->count(), BottleneckChart::kMaxBars);
    QCOMPARE(axis->at(axis->count() - 1), qs("step_29")); // the top row holds the largest share

    // Hidden, the chart only remembers the bars; shown, it draws them.
    chart.hide();
    chart.setReport(m_report);
    QCOMPARE(chart.bars().size(), m_report.bottlenecks.size());
    QCOMPARE(barSets(chart), BottleneckChart::kMaxBars);
    chart.show();
    QCOMPARE(barSets(chart), int(m_report.bottlenecks.size()));

    // As many bars as before: the sets are reused, moved and recolored for the new states.
    chart.setReport(chainReport(int(m_report.bottlenecks.size())));
    QCOMPARE(barSets(chart), int(m_report.bottlenecks.size()));
    const auto *sets = qobject_cast<QAbstractBarSeries *>(chart.chart()->series().first());
    const QString top = qs("step_%1").arg(m_report.bottlenecks.size() - 1);
    QCOMPARE(sets->barSets().first()->label(), top);
    QCOMPARE(sets->barSets().first()->color(), StatePalette::color(top));
    const auto *rows = qobject_cast<QBarCategoryAxis *>(chart.chart()->axes(Qt::Vertical).first());
    QCOMPARE(rows->at(rows->count() - 1), top);
    QCOMPARE(sets->barSets().first()->at(rows->count() - 1), chart.bars().front().share * 100.0);
    QCOMPARE(sets->barSets().first()->at(0), 0.0);
}

void TestAnalyticsView::screenshots()
{
    const QString dir = qEnvironmentVariable("STATESCOPE_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set STATESCOPE_SCREENSHOTS=<dir> to save a PNG per tab");
    AnalyticsView view;
    view.resize(1200, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setReport(m_report);
    const char *names[] = {"dwell", "bottlenecks", "variants", "conformance", "predictions", "alerts"};
    for (int tab = 0; tab < 6; ++tab) {
        view.setCurrentTab(AnalyticsView::Tab(tab));
        QCoreApplication::processEvents();
        QVERIFY(view.grab().save(dir + QStringLiteral("/analytics-%1.png").arg(QString::fromLatin1(names[tab]))));
    }
    view.setReport(chainReport(40));
    view.setCurrentTab(AnalyticsView::BottlenecksTab);
    QCoreApplication::processEvents();
    QVERIFY(view.grab().save(dir + QStringLiteral("/analytics-bottlenecks-40.png")));
    view.setReport(chainReport(25)); // 20 bars again: the sets are reused for other states
    QCoreApplication::processEvents();
    QVERIFY(view.grab().save(dir + QStringLiteral("/analytics-bottlenecks-reused.png")));
}

QTEST_MAIN(TestAnalyticsView)
#include "tst_analyticsview.moc"
