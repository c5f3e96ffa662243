// Preferences, themes and icons: values round-trip through QSettings and reach the running
// session (the lag threshold a new report), out-of-range values are refused, the light and
// dark themes change the palette and what the views paint, and icons are sharp at 200 %.
#include "actionicons.h"
#include "bottleneckchart.h"
#include "dashboardsession.h"
#include "mainwindow.h"
#include "matrixview.h"
#include "preferences.h"
#include "preferencesdialog.h"
#include "recoveryhistorychart.h"
#include "sampledatabase.h"
#include "schemainstaller.h"
#include "sqliteconnection.h"
#include "statediagramview.h"
#include "theme.h"
#include "timelineview.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace StateScope;

class TestPreferences : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void roundTrip();
    void outOfRangeIsRefused_data();
    void outOfRangeIsRefused();
    void invalidStoredValuesReadAsDefaults();
    void dialogStoresWhatItShows();
    void appliedToTheSession();
    void lagThresholdReachesTheReport();
    void themeSwitchChangesPaletteAndViews();
    void failedRecoveriesStayHatched();
    void systemThemeFollowsThePlatform();
    void iconsAreSharpAtDoubleDensity();
};

namespace {
Preferences::Values custom()
{
    Preferences::Values v;
    v.lagThresholdMs = 2500;
    v.memoryBudgetMb = 512;
    v.refreshHz = 20;
    v.theme = QStringLiteral("dark");
    v.language = QStringLiteral("de");
    return v;
}

// The color most of a widget's grab has: its background.
QColor dominantColor(QWidget &w)
{
    const QImage image = w.grab().toImage();
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            ++counts[image.pixel(x, y)];
    QRgb best = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > most) {
            most = it.value();
            best = it.key();
        }
    return QColor::fromRgb(best);
}
} // namespace

void TestPreferences::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings of the test, not the user's
}

void TestPreferences::init()
{
    QSettings().clear();
}

void TestPreferences::roundTrip()
{
    QCOMPARE(Preferences::load(), Preferences::Values()); // nothing stored: the defaults
    Preferences preferences;
    QSignalSpy changed(&preferences, &Preferences::changed);
    QString error;
    QVERIFY2(preferences.setValues(custom(), &error), qPrintable(error));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(Preferences::load(), custom());
    const QSettings settings; // under the agreed keys
    QCOMPARE(settings.value(QStringLiteral("ui/lagThresholdMs")).toInt(), 2500);
    QCOMPARE(settings.value(QStringLiteral("ui/memoryBudgetMb")).toInt(), 512);
    QCOMPARE(settings.value(QStringLiteral("ui/refreshHz")).toInt(), 20);
    QCOMPARE(settings.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
    QCOMPARE(settings.value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
    QCOMPARE(Preferences().values(), custom()); // a new window reads them back
    QVERIFY(preferences.setValues(custom()));
    QCOMPARE(changed.size(), 1); // the same values again: no news
}

void TestPreferences::outOfRangeIsRefused_data()
{
    QTest::addColumn<int>("lag");
    QTest::addColumn<int>("budget");
    QTest::addColumn<int>("hz");
    QTest::addColumn<QString>("theme");
    QTest::addColumn<QString>("language");
    const Preferences::Values d;
    QTest::newRow("lag 0") << 0 << d.memoryBudgetMb << d.refreshHz << d.theme << d.language;
    QTest::newRow("lag over an hour") << 3600001 << d.memoryBudgetMb << d.refreshHz << d.theme << d.language;
    QTest::newRow("budget 47 MB") << d.lagThresholdMs << 47 << d.refreshHz << d.theme << d.language;
    QTest::newRow("budget negative") << d.lagThresholdMs << -1 << d.refreshHz << d.theme << d.language;
    QTest::newRow("0 Hz") << d.lagThresholdMs << d.memoryBudgetMb << 0 << d.theme << d.language;
    QTest::newRow("61 Hz") << d.lagThresholdMs << d.memoryBudgetMb << 61 << d.theme << d.language;
    QTest::newRow("theme") << d.lagThresholdMs << d.memoryBudgetMb << d.refreshHz << QStringLiteral("blue")
                           << d.language;
    QTest::newRow("language") << d.lagThresholdMs << d.memoryBudgetMb << d.refreshHz << d.theme << QStringLiteral("xx");
}

void TestPreferences::outOfRangeIsRefused()
{
    QFETCH(int, lag);
    QFETCH(int, budget);
    QFETCH(int, hz);
    QFETCH(QString, theme);
    QFETCH(QString, language);
    Preferences preferences;
    QVERIFY(preferences.setValues(custom()));
    QSignalSpy changed(&preferences, &Preferences::changed);
    const Preferences::Values bad {lag, budget, hz, theme, language};
    QString error;
    QVERIFY(!preferences.setValues(bad, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!Preferences::validate(bad).isEmpty());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(preferences.values(), custom());
    QCOMPARE(Preferences::load(), custom()); // nothing of it stored
}

void TestPreferences::invalidStoredValuesReadAsDefaults()
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/lagThresholdMs"), QStringLiteral("soon"));
    settings.setValue(QStringLiteral("ui/memoryBudgetMb"), 3);
    settings.setValue(QStringLiteral("ui/refreshHz"), 30);
    settings.setValue(QStringLiteral("ui/theme"), QStringLiteral("neon"));
    settings.setValue(QStringLiteral("ui/language"), QStringLiteral("fr"));
    settings.sync();
    Preferences::Values expected;
    expected.refreshHz = 30;
    expected.language = QStringLiteral("fr");
    QCOMPARE(Preferences::load(), expected);
}

void TestPreferences::dialogStoresWhatItShows()
{
    Preferences preferences;
    PreferencesDialog dialog(preferences);
    QCOMPARE(dialog.values(), Preferences::Values());
    dialog.setValues(custom());
    QCOMPARE(dialog.values(), custom());
    // The spin boxes hold the valid range: typing past it stops at the limit.
    auto *lag = dialog.findChild<QSpinBox *>();
    QVERIFY(lag);
    QCOMPARE(lag->maximum(), Preferences::kMaxLagThresholdMs);
    QVERIFY(dialog.apply());
    QCOMPARE(preferences.values(), custom());
    QCOMPARE(Preferences::load(), custom());
}

void TestPreferences::appliedToTheSession()
{
    MainWindow window;
    QCOMPARE(window.session().lagThresholdMs(), 1000.0);
    QCOMPARE(window.session().memoryBudgetBytes(), quint64(1024) << 20);
    QCOMPARE(window.session().refreshIntervalMs(), 25);
    QVERIFY(!window.theme().isDark()); // System, and the offscreen platform is light
    QVERIFY(window.preferences().setValues(custom()));
    QCOMPARE(window.session().lagThresholdMs(), 2500.0);
    QCOMPARE(window.session().analysisOptions().lagThresholdMs, 2500.0);
    QCOMPARE(window.session().memoryBudgetBytes(), quint64(512) << 20);
    QCOMPARE(window.session().refreshIntervalMs(), 50);
    QVERIFY(window.theme().isDark());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() < 0.5);
    // A new window starts with them.
    MainWindow next;
    QCOMPARE(next.session().lagThresholdMs(), 2500.0);
    QVERIFY(next.theme().isDark());
    QVERIFY(window.preferences().setValues(Preferences::Values()));
    QVERIFY(!window.theme().isDark());
}

void TestPreferences::lagThresholdReachesTheReport()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lag.sqlite"));
    QString error;
    {
        auto c = SqliteConnection::open(path, false, true, &error);
        QVERIFY2(c && installSchema(*c, &error), qPrintable(error));
        SampleDatabaseOptions options;
        options.executions = 50;
        QVERIFY(writeSampleDatabase(*c, options).error.isEmpty());
    }
    MainWindow window;
    QSignalSpy reports(&window.session(), &DashboardSession::reportChanged);
    window.openSource(path);
    QTRY_VERIFY_WITH_TIMEOUT(window.session().report().executions > 0, 20000);
    QCOMPARE(window.session().report().lagThresholdMs, 1000.0);
    Preferences::Values v;
    v.lagThresholdMs = 4321;
    QVERIFY(window.preferences().setValues(v));
    QTRY_COMPARE_WITH_TIMEOUT(window.session().report().lagThresholdMs, 4321.0, 20000);
}

void TestPreferences::themeSwitchChangesPaletteAndViews()
{
    Theme theme;
    StateDiagramView diagram;
    TimelineView timeline;
    MatrixView matrix;
    BottleneckChart chart;
    for (QWidget *w : std::initializer_list<QWidget *> {&diagram, &timeline, &matrix, &chart})
        w->resize(320, 240);
    theme.setMode(Theme::Mode::Dark);
    QVERIFY(theme.isDark());
    QCOMPARE(QApplication::palette().color(QPalette::Base), Theme::darkPalette().color(QPalette::Base));
    QApplication::processEvents();
    for (QWidget *w : std::initializer_list<QWidget *> {&diagram, &timeline, &matrix, &chart}) {
        const QColor background = dominantColor(*w);
        QVERIFY2(background.lightnessF() < 0.3,
                 qPrintable(QStringLiteral("%1: %2").arg(QString::fromLatin1(w->metaObject()->className()),
                                                         background.name())));
    }
    QCOMPARE(chart.chart()->theme(), QChart::ChartThemeDark);
    QCOMPARE(chart.chart()->backgroundBrush().color(), Theme::darkPalette().color(QPalette::Base));

    theme.setMode(Theme::Mode::Light);
    QVERIFY(!theme.isDark());
    QApplication::processEvents();
    for (QWidget *w : std::initializer_list<QWidget *> {&diagram, &timeline, &matrix, &chart}) {
        const QColor background = dominantColor(*w);
        QVERIFY2(background.lightnessF() > 0.8,
                 qPrintable(QStringLiteral("%1: %2").arg(QString::fromLatin1(w->metaObject()->className()),
                                                         background.name())));
    }
    QCOMPARE(chart.chart()->theme(), QChart::ChartThemeLight);
}

void TestPreferences::failedRecoveriesStayHatched()
{
    Theme theme;
    RecoveryHistoryChart chart;
    const auto failedSet = [&chart]() -> QBarSet * {
        for (QAbstractSeries *series : chart.chart()->series())
            if (auto *bars = qobject_cast<QAbstractBarSeries *>(series))
                for (QBarSet *set : bars->barSets())
                    if (set->label() == QStringLiteral("failed"))
                        return set;
        return nullptr;
    };
    for (const Theme::Mode mode : {Theme::Mode::Dark, Theme::Mode::Light}) {
        theme.setMode(mode);
        QBarSet *failed = failedSet();
        QVERIFY(failed);
        QCOMPARE(failed->brush().style(), Qt::TexturePattern); // told apart by more than hue
        QVERIFY(failed->color().red() > failed->color().green());
    }
}

void TestPreferences::systemThemeFollowsThePlatform()
{
    Theme theme;
    theme.setMode(Theme::Mode::Dark);
    theme.setMode(Theme::Mode::System);
    QVERIFY(!theme.isDark()); // the offscreen platform's palette is light
    QCOMPARE(Theme::modeFromCode(QStringLiteral("dark")), Theme::Mode::Dark);
    QCOMPARE(Theme::modeFromCode(QStringLiteral("light")), Theme::Mode::Light);
    QCOMPARE(Theme::modeFromCode(QString()), Theme::Mode::System);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
}

void TestPreferences::iconsAreSharpAtDoubleDensity()
{
    const QIcon icon = ActionIcons::icon(ActionIcons::Kind::ZoomIn);
    const QPixmap normal = icon.pixmap(QSize(16, 16), 1.0);
    const QPixmap retina = icon.pixmap(QSize(16, 16), 2.0);
    QCOMPARE(normal.size(), QSize(16, 16));
    QCOMPARE(retina.size(), QSize(32, 32)); // drawn at 32 device pixels, not scaled up
    QCOMPARE(retina.devicePixelRatio(), 2.0);
    // Drawn, not upscaled: the 32 px rendering has detail the scaled 16 px one lacks.
    const QImage drawn = retina.toImage().convertToFormat(QImage::Format_ARGB32);
    const QImage scaled = normal.toImage().scaled(32, 32).convertToFormat(QImage::Format_ARGB32);
    int opaque = 0;
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 32; ++x)
            opaque += qAlpha(drawn.pixel(x, y)) > 200 ? 1 : 0;
    QVERIFY(opaque > 40);
    QVERIFY(drawn != scaled);
    // The icon follows the theme: light strokes on dark.
    Theme theme;
    theme.setMode(Theme::Mode::Dark);
    const QImage dark = icon.pixmap(QSize(32, 32)).toImage();
    QColor stroke;
    for (int y = 0; y < 32 && !stroke.isValid(); ++y)
        for (int x = 0; x < 32; ++x)
            if (qAlpha(dark.pixel(x, y)) == 255) {
                stroke = QColor::fromRgb(dark.pixel(x, y));
                break;
            }
    QVERIFY(stroke.isValid());
    QVERIFY(stroke.lightnessF() > 0.7);
    theme.setMode(Theme::Mode::Light);
}

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
