// The dashboard in German and French: LanguageSetup installs the catalogs chosen by the
// `ui/language` setting (or the system's languages), and the window built afterwards shows
// translated menus, docks, labels and Qt's own buttons; English comes back after. The catalogs
// themselves keep every placeholder and accelerator of their source strings.
#include "connectiondialog.h"
#include "languagesetup.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QXmlStreamReader>

#include <memory>

using namespace StateScope;

namespace {
QStringList strings(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out.append(QString::fromUtf8(item));
    return out;
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void choosesLanguage_data();
    void choosesLanguage();
    void listsLanguages();
    void windowSpeaksTheSetLanguage_data();
    void windowSpeaksTheSetLanguage();
    void systemLanguageDecides_data();
    void systemLanguageDecides();
    void englishHasPluralForms();
    void unknownSettingFallsBack();
    void menusKeepAcceleratorsUnique_data();
    void menusKeepAcceleratorsUnique();
    void catalogsKeepPlaceholders_data();
    void catalogsKeepPlaceholders();

public:
    // Child-process mode for systemLanguageDecides(): the language chosen with no setting, from
    // the environment it was started with.
    static int probeSystemLanguage(int argc, char *argv[]);

private:
    static QString dock(MainWindow &window, const QString &objectName);
    static QStringList menuTitles(MainWindow &window);
    static QString setLanguage(const QString &code);

    QTemporaryDir m_settingsDir;
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    // A throwaway settings file: the override is written here, never in the user's settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("StateScope"));
    QCoreApplication::setApplicationName(QStringLiteral("statescope"));
}

void TestTranslations::cleanup()
{
    QSettings().remove(QString::fromLatin1(LanguageSetup::kSettingsKey));
    LanguageSetup::apply(QStringLiteral("en"));
}

QString TestTranslations::setLanguage(const QString &code)
{
    QSettings().setValue(QString::fromLatin1(LanguageSetup::kSettingsKey), code);
    return LanguageSetup::setUp();
}

QString TestTranslations::dock(MainWindow &window, const QString &objectName)
{
    auto *d = window.findChild<QDockWidget *>(objectName);
    return d ? d->windowTitle() : QStringLiteral("(no dock %1)").arg(objectName);
}

QStringList TestTranslations::menuTitles(MainWindow &window)
{
    QStringList titles;
    for (const QAction *a : window.menuBar()->actions())
        titles.append(a->text());
    return titles;
}

void TestTranslations::choosesLanguage_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QStringList>("uiLanguages");
    QTest::addColumn<QString>("expected");
    const QString none;
    QTest::newRow("German system") << none << strings({"de-DE", "de"}) << "de";
    QTest::newRow("Swiss French system") << none << strings({"fr-CH", "fr"}) << "fr";
    QTest::newRow("POSIX name") << none << strings({"de_AT"}) << "de";
    QTest::newRow("English before German") << none << strings({"en-GB", "de-DE"}) << "en";
    QTest::newRow("first one spoken") << none << strings({"es-ES", "it", "fr-FR"}) << "fr";
    QTest::newRow("nothing spoken") << none << strings({"es-ES", "ja"}) << "en";
    QTest::newRow("C locale") << none << strings({"C"}) << "en";
    QTest::newRow("setting wins") << "de" << strings({"fr-FR"}) << "de";
    QTest::newRow("English setting wins") << "en" << strings({"de-DE"}) << "en";
    QTest::newRow("unknown setting ignored") << "xx" << strings({"fr-FR"}) << "fr";
}

void TestTranslations::choosesLanguage()
{
    QFETCH(QString, setting);
    QFETCH(QStringList, uiLanguages);
    QFETCH(QString, expected);
    QCOMPARE(LanguageSetup::chooseLanguage(setting, uiLanguages), expected);
}

void TestTranslations::listsLanguages()
{
    const QList<LanguageSetup::Language> languages = LanguageSetup::availableLanguages();
    QStringList codes;
    QStringList names;
    for (const LanguageSetup::Language &l : languages) {
        codes.append(l.code);
        names.append(l.nativeName);
        // Compiled into the app library: no installation needed.
        QVERIFY2(QFile::exists(QStringLiteral(":/i18n/statescope_%1.qm").arg(l.code)), qPrintable(l.code));
    }
    QCOMPARE(codes, strings({"en", "de", "fr"}));
    QCOMPARE(names, strings({"English", "Deutsch", "Français"}));
}

void TestTranslations::windowSpeaksTheSetLanguage_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("menus");   // the first two menu titles
    QTest::addColumn<QString>("timelineDock");
    QTest::addColumn<QString>("sourcesDock");
    QTest::addColumn<QString>("cancelButton"); // Qt's own catalog (qt6-translations-l10n)
    QTest::addColumn<QString>("oneExecution"); // a plural form
    QTest::addColumn<QString>("statusLine");   // a string with a placeholder and a colon
    QTest::addColumn<QString>("summary");      // the start of the label above the diagram
    QTest::newRow("de") << "de" << strings({"&Datei", "&Bearbeiten"}) << "Zeitleiste" << "Quellen" << "Abbrechen"
                        << "1 Ausführung" << "Ausführung x-1: A → B" << "Keine Quelle geöffnet.";
    QTest::newRow("fr") << "fr" << strings({"&Fichier", "É&dition"}) << "Chronologie" << "Sources" << "Annuler"
                        << QStringLiteral("1 exécution") << QStringLiteral("Exécution x-1\u00a0: A → B")
                        << "Aucune source ouverte.";
}

void TestTranslations::windowSpeaksTheSetLanguage()
{
    QFETCH(QString, code);
    QFETCH(QStringList, menus);
    QFETCH(QString, timelineDock);
    QFETCH(QString, sourcesDock);
    QFETCH(QString, cancelButton);
    QFETCH(QString, oneExecution);
    QFETCH(QString, statusLine);
    QFETCH(QString, summary);

    QCOMPARE(setLanguage(code), code);
    QCOMPARE(LanguageSetup::current(), code);
    {
        MainWindow window;
        QCOMPARE(menuTitles(window).mid(0, 2), menus);
        QCOMPARE(dock(window, QStringLiteral("timelineDock")), timelineDock);
        QCOMPARE(dock(window, QStringLiteral("sourcesDock")), sourcesDock);
        int summaries = 0;
        for (const QLabel *label : window.findChildren<QLabel *>()) {
            QVERIFY2(!label->text().startsWith(QLatin1String("No source open.")), qPrintable(label->text()));
            summaries += label->text().startsWith(summary) ? 1 : 0;
        }
        QCOMPARE(summaries, 1);
        QCOMPARE(QCoreApplication::translate("StateScope::MainWindow", "%Ln executions", nullptr, 1), oneExecution);
        QCOMPARE(QCoreApplication::translate("StateScope::MainWindow", "Execution %1: %2")
                     .arg(QStringLiteral("x-1"), QStringLiteral("A → B")),
                 statusLine);
    }
    {
        ConnectionDialog dialog;
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        QCOMPARE(buttons->button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')), cancelButton);
    }

    // Back to English: the same window is plain source text again.
    QCOMPARE(setLanguage(QStringLiteral("en")), QStringLiteral("en"));
    MainWindow window;
    QCOMPARE(menuTitles(window).mid(0, 2), strings({"&File", "&Edit"}));
    QCOMPARE(dock(window, QStringLiteral("timelineDock")), QStringLiteral("Timeline"));
    ConnectionDialog dialog;
    QCOMPARE(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')),
             QStringLiteral("Cancel"));
}

void TestTranslations::systemLanguageDecides_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("language"); // LANGUAGE, the desktop's list of UI languages
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("fileMenu");
    QTest::newRow("German") << "de_DE.UTF-8" << "" << "de" << "&Datei";
    QTest::newRow("Canadian French") << "fr_CA.UTF-8" << "" << "fr" << "&Fichier";
    QTest::newRow("Spanish") << "es_ES.UTF-8" << "" << "en" << "&File";
    QTest::newRow("LANGUAGE list") << "es_ES.UTF-8" << "it:fr:de" << "fr" << "&Fichier";
    QTest::newRow("POSIX") << "C" << "" << "en" << "&File";
}

// The real start-up path: no setting, so the system's locale decides. It is read once per
// process, hence a child process (this executable in probe mode) per environment.
void TestTranslations::systemLanguageDecides()
{
    QFETCH(QString, lang);
    QFETCH(QString, language);
    QFETCH(QString, expected);
    QFETCH(QString, fileMenu);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LANG"), lang);
    if (!language.isEmpty())
        env.insert(QStringLiteral("LANGUAGE"), language);
    env.insert(QStringLiteral("STATESCOPE_LANGUAGE_PROBE"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitCode(), 0);
    const QStringList lines
        = QString::fromUtf8(child.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines, (QStringList{QString(QStringLiteral("language=") + expected), QString(QStringLiteral("file=") + fileMenu)}));
}

int TestTranslations::probeSystemLanguage(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTemporaryDir settings; // empty: nothing overrides the system
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("StateScope"));
    QCoreApplication::setApplicationName(QStringLiteral("statescope"));
    const QString language = LanguageSetup::setUp();
    const QString file = QCoreApplication::translate("StateScope::MainWindow", "&File");
    QTextStream(stdout) << "language=" << language << "\nfile=" << file << "\n";
    return 0;
}

void TestTranslations::englishHasPluralForms()
{
    QCOMPARE(setLanguage(QStringLiteral("en")), QStringLiteral("en"));
    const auto executions = [](int n) {
        return QCoreApplication::translate("StateScope::MainWindow", "%Ln executions", nullptr, n);
    };
    QCOMPARE(executions(1), QStringLiteral("1 execution"));
    QCOMPARE(executions(3), QStringLiteral("3 executions"));
    QCOMPARE(QCoreApplication::translate("StateScope::TimelineView", "  and %n more state(s)", nullptr, 1),
             QStringLiteral("  and 1 more state"));
}

void TestTranslations::unknownSettingFallsBack()
{
    // Not a language of ours: the system decides, and with no catalog missing the result is one
    // of the three, never a half-installed state.
    const QString chosen = setLanguage(QStringLiteral("xx"));
    QVERIFY2(strings({"en", "de", "fr"}).contains(chosen), qPrintable(chosen));
    QCOMPARE(LanguageSetup::current(), chosen);
    QVERIFY(!LanguageSetup::apply(QStringLiteral("xx")));
    QCOMPARE(LanguageSetup::current(), QStringLiteral("en"));
}

void TestTranslations::menusKeepAcceleratorsUnique_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("en") << "en";
    QTest::newRow("de") << "de";
    QTest::newRow("fr") << "fr";
}

// Alt+letter must reach one entry: within the menu bar and within each menu, no two entries
// share an accelerator.
void TestTranslations::menusKeepAcceleratorsUnique()
{
    QFETCH(QString, code);
    QCOMPARE(setLanguage(code), code);
    MainWindow window;
    static const QRegularExpression accelerator(QStringLiteral("&([^&\\s])"));
    const auto check = [](const QString &where, const QList<QAction *> &actions) -> QString {
        QHash<QChar, QString> seen;
        for (const QAction *a : actions) {
            const QRegularExpressionMatch m = accelerator.match(a->text());
            if (a->isSeparator() || !m.hasMatch())
                continue;
            const QChar key = m.captured(1).at(0).toLower();
            if (seen.contains(key))
                return QStringLiteral("%1: \"%2\" and \"%3\" share &%4").arg(where, seen[key], a->text(), key);
            seen.insert(key, a->text());
        }
        return {};
    };
    QString problem = check(QStringLiteral("menu bar"), window.menuBar()->actions());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    int menus = 0;
    for (const QMenu *menu : window.findChildren<QMenu *>()) {
        ++menus;
        problem = check(menu->title(), menu->actions());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    QVERIFY(menus >= 3);
}

void TestTranslations::catalogsKeepPlaceholders_data()
{
    QTest::addColumn<QString>("catalog");
    const QDir dir(QStringLiteral(STATESCOPE_SOURCE_DIR "/translations"));
    const QStringList catalogs = dir.entryList({QStringLiteral("statescope_*.ts")}, QDir::Files, QDir::Name);
    QCOMPARE(catalogs.size(), 3);
    for (const QString &name : catalogs)
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

// Every translation keeps the %1.. and %n placeholders of its source and, where the source has an
// accelerator (&File), exactly one of its own. The catalog check (CTest translation_catalogs)
// covers completeness; this covers what lrelease would accept but the window would show wrong.
void TestTranslations::catalogsKeepPlaceholders()
{
    QFETCH(QString, catalog);
    QFile file(catalog);
    QVERIFY(file.open(QIODevice::ReadOnly));
    static const QRegularExpression placeholder(QStringLiteral("%(L?n|\\d+)"));
    static const QRegularExpression accelerator(QStringLiteral("&[^&\\s]"));
    const auto placeholders = [](const QString &text) {
        QStringList found;
        for (auto it = placeholder.globalMatch(text); it.hasNext();)
            found.append(it.next().captured(0));
        found.sort();
        return found;
    };
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    bool numerus = false;
    QStringList translations;
    int messages = 0;
    QStringList problems;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.isStartElement() && xml.name() == QLatin1String("message")) {
            translations.clear();
            numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        }
        else if (xml.isStartElement() && xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.isStartElement() && (xml.name() == QLatin1String("numerusform")
                                          || (!numerus && xml.name() == QLatin1String("translation")))) {
            // An unfinished or empty entry counts as missing; the catalog check names those too.
            const bool unfinished = xml.attributes().hasAttribute(QLatin1String("type"));
            const QString text = xml.readElementText();
            if (!unfinished && !text.trimmed().isEmpty())
                translations.append(text);
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            ++messages;
            if (translations.isEmpty())
                problems.append(QStringLiteral("%1 \"%2\": no translation").arg(context, source));
            for (const QString &t : std::as_const(translations)) {
                if (placeholders(t) != placeholders(source))
                    problems.append(QStringLiteral("%1 \"%2\": \"%3\" changes the placeholders")
                                        .arg(context, source, t));
                const bool sourceHasKey = source.contains(accelerator);
                if (sourceHasKey != t.contains(accelerator) || t.count(accelerator) > 1)
                    problems.append(QStringLiteral("%1 \"%2\": \"%3\" changes the accelerator")
                                        .arg(context, source, t));
            }
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 10);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet("STATESCOPE_LANGUAGE_PROBE"))
        return TestTranslations::probeSystemLanguage(argc, argv);
    QApplication app(argc, argv);
    TestTranslations test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_translations.moc"
