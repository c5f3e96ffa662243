// The Recovery pane's history chart offscreen: the bars are the history's buckets, the title
// has the success rate, the time axis labels only as many buckets as fit, the unknown-outcome
// set shows only when needed, and an empty history shows its text instead of axes.
// Set STATESCOPE_SCREENSHOT_DIR to keep PNGs.
#include "eventstore.h"
#include "recoveryhistorychart.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QSet>
#include <QStackedBarSeries>
#include <QTest>
#include <QValueAxis>

#include <ctime>

using namespace StateScope;

namespace {
constexpr TimeMs kT0 = 1767225600000; // 2026-01-01T00:00:00Z
constexpr TimeMs kMinute = 60 * 1000;
constexpr TimeMs kHour = 60 * kMinute;

// Hour i (0..5) has i + 2 attempts a minute apart; every fourth of an hour fails. One more at
// T0+30 min has no recorded outcome. 28 attempts: 23 succeeded, 4 failed, 1 unknown.
EventStore makeStore()
{
    EventStore store;
    const quint32 w = store.addWorkflow({QStringLiteral("wf"), QStringLiteral("orders"), {}});
    const ExecutionIndex e = store.addExecution("e1", w, kT0, ExecutionStatus::Running);
    for (int hour = 0; hour < 6; ++hour) {
        for (int j = 0; j < hour + 2; ++j) {
            RecoveryRecord r;
            r.execution = e;
            r.time = kT0 + hour * kHour + j * kMinute;
            r.success = j % 4 == 3 ? 0 : 1;
            store.recoveries().push_back(r);
        }
    }
    RecoveryRecord unknown;
    unknown.execution = e;
    unknown.time = kT0 + 30 * kMinute;
    store.recoveries().push_back(unknown);
    return store;
}

QList<qreal> values(const QBarSet *set)
{
    QList<qreal> v;
    for (int i = 0; i < set->count(); ++i)
        v.append(set->at(i));
    return v;
}
} // namespace

class TestRecoveryHistoryChart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void barsFollowTheHistory();
    void labelsFitTheWidth();
    void emptyHistory();

private:
    static QStackedBarSeries *series(RecoveryHistoryChart &chart);
    static QBarSet *set(RecoveryHistoryChart &chart, const QString &label);
    static void screenshot(QWidget &widget, const char *name);
};

void TestRecoveryHistoryChart::initTestCase()
{
    // Axis labels are local time: make local time UTC so the expected labels are fixed.
    qputenv("TZ", "UTC");
    tzset();
}

QStackedBarSeries *TestRecoveryHistoryChart::series(RecoveryHistoryChart &chart)
{
    const QList<QAbstractSeries *> all = chart.chart()->series();
    return all.size() == 1 ? qobject_cast<QStackedBarSeries *>(all.front()) : nullptr;
}

QBarSet *TestRecoveryHistoryChart::set(RecoveryHistoryChart &chart, const QString &label)
{
    for (QBarSet *s : series(chart)->barSets()) {
        if (s->label() == label)
            return s;
    }
    return nullptr;
}

void TestRecoveryHistoryChart::screenshot(QWidget &widget, const char *name)
{
    const QString dir = qEnvironmentVariable("STATESCOPE_SCREENSHOT_DIR");
    QTest::qWait(50); // the chart lays out on the event loop
    if (!dir.isEmpty())
        QVERIFY(widget.grab().save(dir + QLatin1Char('/') + QLatin1String(name)));
}

void TestRecoveryHistoryChart::barsFollowTheHistory()
{
    const EventStore store = makeStore();
    const RecoveryHistory history = RecoveryHistory::compute(store, RecoveryHistory::Scope::all());
    QCOMPARE(history.attempts, quint64(28));
    QCOMPARE(history.bucketWidthMs, 15 * kMinute); // 5 h 06 min: 21 quarter hours
    QCOMPARE(history.buckets.size(), size_t(21));

    RecoveryHistoryChart chart;
    chart.resize(400, 240);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setHistory(history);
    QVERIFY(series(chart));
    QBarSet *succeeded = set(chart, QStringLiteral("succeeded"));
    QBarSet *failed = set(chart, QStringLiteral("failed"));
    QBarSet *unknown = set(chart, QStringLiteral("outcome unknown"));
    QVERIFY(succeeded && failed && unknown);
    QList<qreal> expectSucceeded(21, 0.0), expectFailed(21, 0.0), expectUnknown(21, 0.0);
    // Hour h starts bucket 4h: 2, 3, 3+1, 4+1, 5+1, 6+1 (succeeded+failed); T0+30 min is bucket 2.
    const qreal s[] = {2, 3, 3, 4, 5, 6};
    const qreal f[] = {0, 0, 1, 1, 1, 1};
    for (int hour = 0; hour < 6; ++hour) {
        expectSucceeded[4 * hour] = s[hour];
        expectFailed[4 * hour] = f[hour];
    }
    expectUnknown[2] = 1;
    QCOMPARE(values(succeeded), expectSucceeded);
    QCOMPARE(values(failed), expectFailed);
    QCOMPARE(values(unknown), expectUnknown);
    // Green-ish succeeded, red-ish failed.
    QVERIFY(succeeded->color().green() > succeeded->color().red());
    QVERIFY(failed->color().red() > failed->color().green());
    QCOMPARE(chart.chart()->title(), QStringLiteral("Success rate 82 % (23 of 28) · per 15 minutes"));
    QCOMPARE(chart.title(), chart.chart()->title());
    QVERIFY(chart.emptyStateText().isEmpty());
    // Whole-number ticks up to the fullest bucket (7): steps of 2, up to 8.
    auto *counts = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Vertical).value(0));
    QVERIFY(counts);
    QCOMPARE(counts->max(), 8.0);
    QCOMPARE(counts->tickInterval(), 2.0);
    auto *time = qobject_cast<QCategoryAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(time && time->isVisible());
    // Quarter hours are labelled with times of day; the axis title names the day.
    QVERIFY2(time->titleText().contains(QLatin1String("2026")), qPrintable(time->titleText()));
    // The unknown-outcome set has a legend entry because one attempt needs it.
    for (QLegendMarker *m : chart.chart()->legend()->markers(series(chart)))
        QVERIFY(m->isVisible());
    screenshot(chart, "recovery-history-chart.png");

    // Without unknown outcomes the grey set keeps zeros and leaves the legend.
    EventStore known = makeStore();
    known.recoveries().pop_back();
    chart.setHistory(RecoveryHistory::compute(known, RecoveryHistory::Scope::all()));
    QCOMPARE(values(unknown), QList<qreal>(21, 0.0));
    QCOMPARE(chart.title(), QStringLiteral("Success rate 85 % (23 of 27) · per 15 minutes"));
    int visibleMarkers = 0;
    for (QLegendMarker *m : chart.chart()->legend()->markers(series(chart)))
        visibleMarkers += m->isVisible() ? 1 : 0;
    QCOMPARE(visibleMarkers, 2);
}

void TestRecoveryHistoryChart::labelsFitTheWidth()
{
    const EventStore store = makeStore();
    RecoveryHistoryChart chart;
    chart.resize(360, 220);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setHistory(RecoveryHistory::compute(store, RecoveryHistory::Scope::all()));
    auto *time = qobject_cast<QCategoryAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(time);
    const QStringList narrow = time->categoriesLabels();
    QVERIFY2(narrow.size() >= 3 && narrow.size() < 21, qPrintable(narrow.join(QLatin1Char(' '))));
    QCOMPARE(narrow.front(), QStringLiteral("1 Jan")); // midnight names the day
    QCOMPARE(time->endValue(narrow.front()), 0.0);
    QCOMPARE(QSet<QString>(narrow.cbegin(), narrow.cend()).size(), narrow.size());
    // Evenly spaced buckets: every k-th.
    const double stride = time->endValue(narrow.at(1));
    QVERIFY(stride >= 2);
    for (int i = 0; i < narrow.size(); ++i)
        QCOMPARE(time->endValue(narrow.at(i)), i * stride);

    chart.resize(1400, 300);
    QTRY_COMPARE(time->categoriesLabels().size(), 21);
    QCOMPARE(time->categoriesLabels().at(1), QStringLiteral("00:15"));
    QCOMPARE(RecoveryHistoryChart::bucketLabel(kT0 + 90 * kMinute, 15 * kMinute), QStringLiteral("01:30"));
    QCOMPARE(RecoveryHistoryChart::bucketLabel(kT0 + 5 * 1000, 5 * 1000), QStringLiteral("00:00:05"));
    QCOMPARE(RecoveryHistoryChart::widthName(15 * kMinute), QStringLiteral("per 15 minutes"));
    QCOMPARE(RecoveryHistoryChart::widthName(kHour), QStringLiteral("per hour"));
    QCOMPARE(RecoveryHistoryChart::widthName(7 * 24 * kHour), QStringLiteral("per week"));

    // Quarter days over five days in a narrow chart: a label a day, at midnight, named by date.
    EventStore days;
    const ExecutionIndex e
        = days.addExecution("e", days.addWorkflow({QStringLiteral("wf"), {}, {}}), kT0, ExecutionStatus::Running);
    RecoveryRecord r;
    r.execution = e;
    r.success = 1;
    for (TimeMs t : {kT0 + 18 * kHour, kT0 + 5 * 24 * kHour + 6 * kHour}) {
        r.time = t;
        days.recoveries().push_back(r);
    }
    const RecoveryHistory quarterDays = RecoveryHistory::compute(days, RecoveryHistory::Scope::all());
    QCOMPARE(quarterDays.bucketWidthMs, 6 * kHour);
    QCOMPARE(quarterDays.buckets.size(), size_t(19));
    chart.resize(320, 220);
    chart.setHistory(quarterDays);
    QTRY_COMPARE(time->categoriesLabels(),
                 (QStringList {QStringLiteral("2 Jan"), QStringLiteral("3 Jan"), QStringLiteral("4 Jan"),
                               QStringLiteral("5 Jan"), QStringLiteral("6 Jan")}));
    QCOMPARE(time->endValue(QStringLiteral("2 Jan")), 1.0);
    QCOMPARE(time->endValue(QStringLiteral("6 Jan")), 17.0);
    screenshot(chart, "recovery-history-chart-days.png");

    // Two-hour buckets over 42 hours in a wide chart: every bucket labelled, the hours of the
    // second day kept apart from the first's by invisible marks (category labels are keys).
    days.recoveries().back().time = kT0 + 60 * kHour;
    chart.resize(1400, 300);
    chart.setHistory(RecoveryHistory::compute(days, RecoveryHistory::Scope::all()));
    QTRY_COMPARE(time->categoriesLabels().size(), 22); // 18:00 on 1 Jan to 12:00 on 3 Jan
    QStringList shown = time->categoriesLabels();
    QCOMPARE(shown.at(0), QStringLiteral("18:00"));
    QCOMPARE(shown.at(3), QStringLiteral("2 Jan"));
    QCOMPARE(shown[12].remove(QChar(0x200B)), QStringLiteral("18:00"));

    RecoveryHistory::Bucket b;
    b.start = kT0;
    b.succeeded = 3;
    b.failed = 1;
    QVERIFY(RecoveryHistoryChart::bucketToolTip(b, 15 * kMinute).contains(QLatin1String("3 succeeded, 1 failed")));
}

void TestRecoveryHistoryChart::emptyHistory()
{
    RecoveryHistoryChart chart;
    chart.resize(360, 220);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const EventStore store = makeStore();
    chart.setHistory(RecoveryHistory::compute(store, RecoveryHistory::Scope::all()));
    chart.setHistory(RecoveryHistory(), QStringLiteral("No recoveries in workflow orders"));
    QCOMPARE(chart.emptyStateText(), QStringLiteral("No recoveries in workflow orders"));
    QVERIFY(chart.chart()->title().isEmpty());
    for (QBarSet *s : series(chart)->barSets())
        QCOMPARE(s->count(), 0);
    QVERIFY(!chart.chart()->axes(Qt::Horizontal).value(0)->isVisible());
    QVERIFY(!chart.chart()->axes(Qt::Vertical).value(0)->isVisible());
    QVERIFY(!chart.chart()->legend()->isVisible());
    // The text is on the chart, inside the view.
    bool shown = false;
    for (QGraphicsItem *item : chart.scene()->items()) {
        auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item);
        if (text && text->text() == chart.emptyStateText() && text->isVisible())
            shown = chart.rect().contains(chart.mapFromScene(text->sceneBoundingRect().center()));
    }
    QVERIFY(shown);
    screenshot(chart, "recovery-history-chart-empty.png");

    // A hidden chart takes the history when shown again.
    chart.hide();
    chart.setHistory(RecoveryHistory::compute(store, RecoveryHistory::Scope::all()));
    chart.show();
    QCOMPARE(set(chart, QStringLiteral("succeeded"))->count(), 21);
    QVERIFY(chart.emptyStateText().isEmpty());
}

QTEST_MAIN(TestRecoveryHistoryChart)
#include "tst_recoveryhistorychart.moc"
