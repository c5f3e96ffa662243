// State colors: the Okabe-Ito base colors stay far apart for normal vision and for simulated
// protanopia, deuteranopia and tritanopia (CIEDE2000); a state keeps its color from run to
// run and whatever order the names come in; failure states are recognised by name.
#include "colorscience.h"
#include "statepalette.h"

#include <QSet>
#include <QTest>

#include <array>
#include <cmath>

using namespace StateScope;

Q_DECLARE_METATYPE(StateScope::ColorScience::Vision)

namespace {
using Vision = ColorScience::Vision;

QString describe(Vision v)
{
    switch (v) {
    case Vision::Normal:
        return QStringLiteral("normal vision");
    case Vision::Protanopia:
        return QStringLiteral("protanopia");
    case Vision::Deuteranopia:
        return QStringLiteral("deuteranopia");
    case Vision::Tritanopia:
        return QStringLiteral("tritanopia");
    }
    return {};
}

// The closest pair of `colors` as seen with `vision`, and how far apart they are.
std::pair<double, QString> closestPair(const QList<QColor> &colors, Vision vision)
{
    double closest = 1e9;
    QString pair;
    for (int i = 0; i < colors.size(); ++i)
        for (int j = i + 1; j < colors.size(); ++j) {
            const double d = ColorScience::difference(colors[i], colors[j], vision);
            if (d < closest) {
                closest = d;
                pair = colors[i].name() + QLatin1Char('/') + colors[j].name();
            }
        }
    return {closest, pair};
}
} // namespace

class TestStatePalette : public QObject
{
    Q_OBJECT

private slots:
    void ciede2000MatchesPublishedPairs();
    void baseColorsAreDistinct_data();
    void baseColorsAreDistinct();
    void colorsAreStable();
    void assignChangesGenerationOnlyWhenColorsChange();
    void failureStates_data();
    void failureStates();
};

void TestStatePalette::ciede2000MatchesPublishedPairs()
{
    // Sharma et al., table 1, pairs 1, 7 and 17.
    QCOMPARE(qRound(ColorScience::ciede2000({50, 2.6772, -79.7751}, {50, 0, -82.7485}) * 1e4), 20425);
    QCOMPARE(qRound(ColorScience::ciede2000({50, 0, 0}, {50, -1, 2}) * 1e4), 23669);
    QCOMPARE(qRound(ColorScience::ciede2000({50, 2.5, 0}, {73, 25, -18}) * 1e4), 271492);
    // sRGB white and the Okabe-Ito blue in CIELAB (D65).
    const ColorScience::Lab white = ColorScience::lab(Qt::white);
    QVERIFY(std::abs(white[0] - 100) < 0.01 && std::abs(white[1]) < 0.01 && std::abs(white[2]) < 0.01);
    const ColorScience::Lab blue = ColorScience::lab(QColor(0x00, 0x72, 0xb2));
    QVERIFY(std::abs(blue[0] - 45.97) < 0.05 && std::abs(blue[1] + 2.74) < 0.05 && std::abs(blue[2] + 41.37) < 0.05);
    // A protanope sees red and green close together; normal vision far apart.
    QVERIFY(ColorScience::difference(QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x9e, 0x73)) > 40);
}

void TestStatePalette::baseColorsAreDistinct_data()
{
    QTest::addColumn<Vision>("vision");
    QTest::addColumn<double>("baseThreshold");
    QTest::addColumn<double>("extendedThreshold");
    // The seven Okabe-Ito colors: far apart for normal vision and still clearly apart with a
    // missing cone type (a just noticeable difference is about 2). The twelve first colors
    // (five picked after them) keep a good distance too.
    QTest::newRow("normal") << Vision::Normal << 20.0 << 14.0;
    QTest::newRow("protanopia") << Vision::Protanopia << 10.0 << 7.0;
    QTest::newRow("deuteranopia") << Vision::Deuteranopia << 10.0 << 6.5;
    QTest::newRow("tritanopia") << Vision::Tritanopia << 10.0 << 7.0;
}

void TestStatePalette::baseColorsAreDistinct()
{
    QFETCH(Vision, vision);
    QFETCH(double, baseThreshold);
    QFETCH(double, extendedThreshold);
    const QList<QColor> base = StatePalette::baseColors();
    QCOMPARE(base.size(), 7);
    const auto [closest, pair] = closestPair(base, vision);
    QVERIFY2(closest >= baseThreshold,
             qPrintable(QStringLiteral("%1 are only %2 apart with %3").arg(pair).arg(closest).arg(describe(vision))));
    // Against the views' backgrounds too: no state color vanishes into white or near-black.
    for (const QColor &c : base) {
        QVERIFY2(ColorScience::difference(c, Qt::white, vision) > 15, qPrintable(c.name()));
        QVERIFY2(ColorScience::difference(c, QColor(0x1e, 0x1e, 0x20), vision) > 20, qPrintable(c.name()));
    }
    QStringList names;
    for (int i = 0; i < 12; ++i)
        names.append(QStringLiteral("s%1").arg(i, 2, 10, QLatin1Char('0')));
    StatePalette::assign(names);
    QList<QColor> twelve;
    for (const QString &name : names)
        twelve.append(StatePalette::color(name));
    QCOMPARE(twelve.mid(0, 7), base);
    const auto [closest12, pair12] = closestPair(twelve, vision);
    QVERIFY2(
        closest12 >= extendedThreshold,
        qPrintable(QStringLiteral("%1 are only %2 apart with %3").arg(pair12).arg(closest12).arg(describe(vision))));
    qInfo("%s: closest of 7 %.1f, of 12 %.1f", qPrintable(describe(vision)), closest, closest12);
}

void TestStatePalette::colorsAreStable()
{
    // The same names get the same colors whatever order they come in, the first seven the
    // Okabe-Ito colors in name order.
    StatePalette::assign({QStringLiteral("Running"), QStringLiteral("Done"), QStringLiteral("Failed")});
    const QColor done = StatePalette::color(QStringLiteral("Done"));
    const QColor failed = StatePalette::color(QStringLiteral("Failed"));
    const QColor running = StatePalette::color(QStringLiteral("Running"));
    QCOMPARE(done, StatePalette::baseColors()[0]);
    QCOMPARE(failed, StatePalette::baseColors()[1]);
    QCOMPARE(running, StatePalette::baseColors()[2]);
    StatePalette::assign(
        {QStringLiteral("Failed"), QStringLiteral("Running"), QStringLiteral("Done"), QStringLiteral("Done")});
    QCOMPARE(StatePalette::color(QStringLiteral("Done")), done);
    QCOMPARE(StatePalette::color(QStringLiteral("Failed")), failed);
    QCOMPARE(StatePalette::color(QStringLiteral("Running")), running);
    // A name never assigned: from its hash, the same in every run (this value is the contract).
    const QColor unassigned = StatePalette::color(QStringLiteral("NotInTheData"));
    QCOMPARE(unassigned.rgb(), qRgb(0x98, 0x1b, 0x98));
    QCOMPARE(StatePalette::color(QStringLiteral("NotInTheData")), unassigned);
    // Many states: all distinct.
    QStringList many;
    for (int i = 0; i < 40; ++i)
        many.append(QStringLiteral("state-%1").arg(i, 2, 10, QLatin1Char('0')));
    StatePalette::assign(many);
    QSet<QRgb> seen;
    for (const QString &name : many)
        seen.insert(StatePalette::color(name).rgb());
    QCOMPARE(seen.size(), many.size());
}

void TestStatePalette::assignChangesGenerationOnlyWhenColorsChange()
{
    StatePalette::assign({QStringLiteral("A"), QStringLiteral("C")});
    const quint64 before = StatePalette::generation();
    StatePalette::assign({QStringLiteral("C"), QStringLiteral("A")});
    QCOMPARE(StatePalette::generation(), before);
    const QColor c = StatePalette::color(QStringLiteral("C"));
    StatePalette::assign({QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}); // C moves to the third color
    QVERIFY(StatePalette::generation() > before);
    QVERIFY(StatePalette::color(QStringLiteral("C")) != c);
}

void TestStatePalette::failureStates_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("failure");
    QTest::newRow("Failed") << QStringLiteral("Failed") << true;
    QTest::newRow("payment_error") << QStringLiteral("payment_error") << true;
    QTest::newRow("TimedOut") << QStringLiteral("TimedOut") << true;
    QTest::newRow("Aborted") << QStringLiteral("Aborted") << true;
    QTest::newRow("CANCELLED") << QStringLiteral("CANCELLED") << true;
    QTest::newRow("HandleFailure") << QStringLiteral("HandleFailure") << true;
    QTest::newRow("Completed") << QStringLiteral("Completed") << false;
    QTest::newRow("Failover") << QStringLiteral("Failover") << false;
    QTest::newRow("Terror") << QStringLiteral("Terror") << false;
    QTest::newRow("Running") << QStringLiteral("Running") << false;
}

void TestStatePalette::failureStates()
{
    QFETCH(QString, name);
    QFETCH(bool, failure);
    QCOMPARE(StatePalette::isFailure(name), failure);
}

QTEST_GUILESS_MAIN(TestStatePalette)
#include "tst_statepalette.moc"
