#include "dwellstatistics.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace StateScope;

namespace {
using Sample = std::vector<qint64>;

// Independent reference: full sort, then numpy's 'linear' rule written out on its own.
// rank h = (n - 1) p; result = x[floor(h)] + (h - floor(h)) (x[ceil(h)] - x[floor(h)]).
double referencePercentile(Sample values, double p)
{
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const double h = double(values.size() - 1) * p;
    const double below = std::floor(h);
    const double above = std::ceil(h);
    const double xb = double(values[size_t(below)]);
    const double xa = double(values[size_t(above)]);
    return xb + (h - below) * (xa - xb);
}

bool sameOrBothNaN(double a, double b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return a == b || std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b));
}
} // namespace

class TestDwellStatistics : public QObject
{
    Q_OBJECT

private slots:
    void percentileOfSorted_data();
    void percentileOfSorted();
    void computeDwellStats_data();
    void computeDwellStats();
    void emptySample();
    void keepsTheSampleAsPermutation();
    void againstReference_data();
    void againstReference();
    void everySmallSize();
};

void TestDwellStatistics::percentileOfSorted_data()
{
    QTest::addColumn<QList<qint64>>("sorted");
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("expected");

    const QList<qint64> four {1, 2, 3, 4};
    QTest::newRow("1..4 p0") << four << 0.0 << 1.0;
    QTest::newRow("1..4 p50") << four << 0.50 << 2.5; // h = 3 * .5 = 1.5 -> 2 + .5 * 1
    QTest::newRow("1..4 p95") << four << 0.95 << 3.85; // h = 2.85 -> 3 + .85 * 1
    QTest::newRow("1..4 p99") << four << 0.99 << 3.97; // h = 2.97 -> 3 + .97 * 1
    QTest::newRow("1..4 p100") << four << 1.0 << 4.0;
    QTest::newRow("single p50") << QList<qint64> {10} << 0.5 << 10.0;
    QTest::newRow("single p99") << QList<qint64> {10} << 0.99 << 10.0;
    QTest::newRow("two p50") << QList<qint64> {1, 2} << 0.5 << 1.5;
    QTest::newRow("two p95") << QList<qint64> {1, 2} << 0.95 << 1.95;
    // numpy's documentation sample: h = 4 * .4 = 1.6 -> 20 + .6 * 15 = 29
    const QList<qint64> np {15, 20, 35, 40, 50};
    QTest::newRow("numpy p40") << np << 0.40 << 29.0;
    QTest::newRow("numpy p50") << np << 0.50 << 35.0; // h = 2 exactly
    QTest::newRow("numpy p95") << np << 0.95 << 48.0; // h = 3.8 -> 40 + .8 * 10
    QTest::newRow("numpy p99") << np << 0.99 << 49.6; // h = 3.96 -> 40 + .96 * 10
    QTest::newRow("zeros") << QList<qint64> {0, 0, 0} << 0.95 << 0.0;
    QTest::newRow("plateau") << QList<qint64> {1, 5, 5, 5} << 0.5 << 5.0; // h = 1.5 between 5 and 5
    QTest::newRow("huge values") << QList<qint64> {0, 1000000000000} << 0.5 << 5e11;
    QTest::newRow("negative") << QList<qint64> {-10, -5} << 0.5 << -7.5;
}

void TestDwellStatistics::percentileOfSorted()
{
    QFETCH(QList<qint64>, sorted);
    QFETCH(double, p);
    QFETCH(double, expected);
    const Sample v(sorted.cbegin(), sorted.cend());
    QCOMPARE(StateScope::percentileOfSorted(v, p), expected);
}

void TestDwellStatistics::computeDwellStats_data()
{
    QTest::addColumn<QList<qint64>>("sample");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("p50");
    QTest::addColumn<double>("p95");
    QTest::addColumn<double>("p99");
    QTest::addColumn<double>("max");

    QTest::newRow("1..4 shuffled") << QList<qint64> {4, 1, 3, 2} << 2.5 << 2.5 << 3.85 << 3.97 << 4.0;
    QTest::newRow("single") << QList<qint64> {7000} << 7000.0 << 7000.0 << 7000.0 << 7000.0 << 7000.0;
    QTest::newRow("zero-length stays") << QList<qint64> {0, 0, 0} << 0.0 << 0.0 << 0.0 << 0.0 << 0.0;
    // mean (0 + 1000) / 2; p95: h = .95 -> 950; p99: h = .99 -> 990
    QTest::newRow("0 and 1000") << QList<qint64> {1000, 0} << 500.0 << 500.0 << 950.0 << 990.0 << 1000.0;
    // sorted 1 5 5 5: mean 16 / 4 = 4; every rank above 1 is 5
    QTest::newRow("duplicates") << QList<qint64> {5, 5, 1, 5} << 4.0 << 5.0 << 5.0 << 5.0 << 5.0;
    // 1..10: mean 5.5; p50 h = 4.5 -> 5.5; p95 h = 8.55 -> 9.55; p99 h = 8.91 -> 9.91
    QTest::newRow("1..10 shuffled") << QList<qint64> {3, 9, 1, 10, 5, 7, 2, 8, 6, 4} << 5.5 << 5.5 << 9.55 << 9.91
                                    << 10.0;
    // 0..100 reversed: h = 100 p lands on whole ranks; mean 5050 / 101 = 50
    QList<qint64> hundred;
    for (int i = 100; i >= 0; --i)
        hundred.append(i);
    QTest::newRow("0..100 reversed") << hundred << 50.0 << 50.0 << 95.0 << 99.0 << 100.0;
    // one outlier: sorted 10 x9, 1000; p95 h = 8.55 -> 10 + .55 * 990 = 554.5; p99 h = 8.91 -> 10 + .91 * 990 = 910.9
    QTest::newRow("outlier") << QList<qint64> {10, 10, 1000, 10, 10, 10, 10, 10, 10, 10} << 109.0 << 10.0 << 554.5
                             << 910.9 << 1000.0;
}

void TestDwellStatistics::computeDwellStats()
{
    QFETCH(QList<qint64>, sample);
    QFETCH(double, mean);
    QFETCH(double, p50);
    QFETCH(double, p95);
    QFETCH(double, p99);
    QFETCH(double, max);
    Sample v(sample.cbegin(), sample.cend());
    const DwellStats s = StateScope::computeDwellStats(v);
    QCOMPARE(s.count, quint64(sample.size()));
    QCOMPARE(s.mean, mean);
    QCOMPARE(s.p50, p50);
    QCOMPARE(s.p95, p95);
    QCOMPARE(s.p99, p99);
    QCOMPARE(s.max, max);
    double total = 0;
    for (qint64 x : sample)
        total += double(x);
    QCOMPARE(s.totalMs, total);
}

void TestDwellStatistics::emptySample()
{
    Sample v;
    const DwellStats s = StateScope::computeDwellStats(v);
    QCOMPARE(s.count, quint64(0));
    QVERIFY(std::isnan(s.mean));
    QVERIFY(std::isnan(s.p50));
    QVERIFY(std::isnan(s.p95));
    QVERIFY(std::isnan(s.p99));
    QVERIFY(std::isnan(s.max));
    QCOMPARE(s.totalMs, 0.0);
    QVERIFY(std::isnan(StateScope::percentileOfSorted(v, 0.5)));
}

void TestDwellStatistics::keepsTheSampleAsPermutation()
{
    std::mt19937_64 rng(7);
    Sample v(1000);
    for (qint64 &x : v)
        x = qint64(rng() % 5000);
    Sample before = v;
    StateScope::computeDwellStats(v);
    std::sort(before.begin(), before.end());
    std::sort(v.begin(), v.end());
    QVERIFY(v == before);
}

void TestDwellStatistics::againstReference_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("distinct"); // values drawn from [0, distinct); 0 = wide range
    QTest::addColumn<int>("shape"); // 0 random, 1 ascending, 2 descending
    QTest::addColumn<quint64>("seed");

    const int sizes[] = {2, 3, 5, 20, 21, 99, 100, 101, 199, 200, 201, 1000, 1001, 12345};
    for (int n : sizes) {
        for (int distinct : {0, 3, 50}) {
            for (int shape : {0, 1, 2}) {
                QTest::addRow("n=%d distinct=%d shape=%d", n, distinct, shape)
                    << n << distinct << shape << quint64(n * 131 + distinct * 7 + shape);
            }
        }
    }
    QTest::newRow("n=250000 wide") << 250000 << 0 << 0 << quint64(2026);
    QTest::newRow("n=250000 dup") << 250000 << 1000 << 0 << quint64(2027);
}

void TestDwellStatistics::againstReference()
{
    QFETCH(int, size);
    QFETCH(int, distinct);
    QFETCH(int, shape);
    QFETCH(quint64, seed);

    std::mt19937_64 rng(seed);
    Sample v(static_cast<size_t>(size));
    for (qint64 &x : v)
        x = distinct > 0 ? qint64(rng() % quint64(distinct)) : qint64(rng() % 86400000ULL); // up to a day
    if (shape == 1)
        std::sort(v.begin(), v.end());
    else if (shape == 2)
        std::sort(v.begin(), v.end(), std::greater<>());

    long double sum = 0;
    for (qint64 x : v)
        sum += x;
    const double refMean = double(sum / size);
    const double refMax = double(*std::max_element(v.begin(), v.end()));
    const double r50 = referencePercentile(v, 0.50);
    const double r95 = referencePercentile(v, 0.95);
    const double r99 = referencePercentile(v, 0.99);

    Sample scratch = v;
    const DwellStats s = StateScope::computeDwellStats(scratch);
    QCOMPARE(s.count, quint64(size));
    QVERIFY2(sameOrBothNaN(s.mean, refMean),
             qPrintable(QString::number(s.mean) + QStringLiteral(" vs ") + QString::number(refMean)));
    QCOMPARE(s.max, refMax);
    QVERIFY2(sameOrBothNaN(s.p50, r50),
             qPrintable(QString::number(s.p50) + QStringLiteral(" vs ") + QString::number(r50)));
    QVERIFY2(sameOrBothNaN(s.p95, r95),
             qPrintable(QString::number(s.p95) + QStringLiteral(" vs ") + QString::number(r95)));
    QVERIFY2(sameOrBothNaN(s.p99, r99),
             qPrintable(QString::number(s.p99) + QStringLiteral(" vs ") + QString::number(r99)));

    // percentileOfSorted agrees with the reference over the sorted sample too.
    std::sort(v.begin(), v.end());
    for (double p : {0.0, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0})
        QVERIFY(sameOrBothNaN(StateScope::percentileOfSorted(v, p), referencePercentile(v, p)));
}

void TestDwellStatistics::everySmallSize()
{
    // The selection narrows its range after each percentile: try every size up to 300.
    std::mt19937_64 rng(99);
    for (int n = 1; n <= 300; ++n) {
        for (int round = 0; round < 4; ++round) {
            Sample v(static_cast<size_t>(n));
            for (qint64 &x : v)
                x = qint64(rng() % quint64(round == 0 ? 2 : round * 40));
            Sample scratch = v;
            const DwellStats s = StateScope::computeDwellStats(scratch);
            QVERIFY2(sameOrBothNaN(s.p50, referencePercentile(v, 0.50)), qPrintable(QString::number(n)));
            QVERIFY2(sameOrBothNaN(s.p95, referencePercentile(v, 0.95)), qPrintable(QString::number(n)));
            QVERIFY2(sameOrBothNaN(s.p99, referencePercentile(v, 0.99)), qPrintable(QString::number(n)));
        }
    }
}

QTEST_GUILESS_MAIN(TestDwellStatistics)
#include "tst_dwellstatistics.moc"
