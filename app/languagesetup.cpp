#include "languagesetup.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace StateScope::LanguageSetup {

namespace {

// Languages with a full catalog in translations/ (English is the source text).
const QStringList kTranslated{QStringLiteral("de"), QStringLiteral("fr")};

struct Installed
{
    std::unique_ptr<QTranslator> dashboard;
    std::unique_ptr<QTranslator> qt;
    QString language = QStringLiteral("en");
};

Installed &installed()
{
    static Installed state;
    return state;
}

bool isAvailable(const QString &code)
{
    return code == QLatin1String("en") || kTranslated.contains(code);
}

// "de-AT", "fr_CA", "DE" -> "de", "fr", "de".
QString languageOf(const QString &name)
{
    return name.trimmed().section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
}

// The catalogs are compiled into the binary (resource prefix /i18n, see translations/); the
// installed copies in share/statescope/translations are the fallback.
QStringList catalogDirectories()
{
    return {QStringLiteral(":/i18n"),
            QCoreApplication::applicationDirPath() + QStringLiteral("/../share/statescope/translations")};
}

std::unique_ptr<QTranslator> loadCatalog(const QString &file, const QStringList &directories)
{
    auto translator = std::make_unique<QTranslator>();
    for (const QString &directory : directories) {
        if (translator->load(file, directory))
            return translator;
    }
    return nullptr;
}

void removeInstalled()
{
    Installed &state = installed();
    for (std::unique_ptr<QTranslator> *t : {&state.dashboard, &state.qt}) {
        if (*t)
            QCoreApplication::removeTranslator(t->get());
        t->reset();
    }
    state.language = QStringLiteral("en");
}

} // namespace

QList<Language> availableLanguages()
{
    QList<Language> languages{{QStringLiteral("en"), QStringLiteral("English")}};
    for (const QString &code : kTranslated) {
        QString name = QLocale(code).nativeLanguageName(); // "français": a menu entry starts upper case
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        languages.append({code, name});
    }
    return languages;
}

QString chooseLanguage(const QString &setting, const QStringList &uiLanguages)
{
    if (const QString chosen = languageOf(setting); isAvailable(chosen))
        return chosen;
    for (const QString &name : uiLanguages) {
        if (const QString code = languageOf(name); isAvailable(code))
            return code; // the first the system lists that we speak, English included
    }
    return QStringLiteral("en");
}

bool apply(const QString &language)
{
    removeInstalled();
    if (!isAvailable(language))
        return false;
    // English is the source text: its catalog holds only the plural forms ("1 execution").
    std::unique_ptr<QTranslator> dashboard
        = loadCatalog(QStringLiteral("statescope_") + language, catalogDirectories());
    if (!dashboard)
        return false;
    QCoreApplication::installTranslator(dashboard.get());
    // Qt's own strings (standard buttons, file dialogs) come from qt6-translations-l10n; without
    // it they stay English and the rest is still translated.
    std::unique_ptr<QTranslator> qt;
    if (language != QLatin1String("en")) {
        qt = loadCatalog(QStringLiteral("qtbase_") + language, {QLibraryInfo::path(QLibraryInfo::TranslationsPath)});
        if (qt)
            QCoreApplication::installTranslator(qt.get());
    }
    Installed &state = installed();
    state.dashboard = std::move(dashboard);
    state.qt = std::move(qt);
    state.language = language;
    return true;
}

QString setUp()
{
    const QString setting = QSettings().value(QString::fromLatin1(kSettingsKey)).toString();
    const QString language = chooseLanguage(setting, QLocale::system().uiLanguages());
    if (!apply(language) && language != QLatin1String("en")) {
        qWarning("statescope: no catalog for the language \"%s\"; the dashboard speaks English", qPrintable(language));
        apply(QStringLiteral("en"));
    }
    return current();
}

QString current()
{
    return installed().language;
}

} // namespace StateScope::LanguageSetup
