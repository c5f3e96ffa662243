#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace StateScope {

// The language the dashboard speaks: the `ui/language` setting when it names a language the
// catalogs cover, else the first of the system's UI languages that they cover, else English.
// English is the source text; its small catalog only gives plural forms ("1 execution"). The CLI
// subcommands never call this: their output is read by machines and stays English (SPEC).
namespace LanguageSetup {

struct Language
{
    QString code;       // "en", "de", "fr": the value of `ui/language`
    QString nativeName; // as the language names itself: "English", "Deutsch", "Français"
};

// The settings key that overrides the system locale; "" (or absent) follows the system.
inline constexpr char kSettingsKey[] = "ui/language";

// What the preferences dialog offers, English first. A change applies at the next start.
QList<Language> availableLanguages();

// Pure choice: `setting` if it is an available code, else the first entry of `uiLanguages`
// (BCP 47 names like "de-AT", as QLocale::uiLanguages() lists them) that is available, else "en".
QString chooseLanguage(const QString &setting, const QStringList &uiLanguages);

// Loads and installs the catalogs of `language` (the dashboard's and Qt's own), replacing those
// installed before. Returns false, leaving the plain source text, for an unknown language or a
// missing catalog.
bool apply(const QString &language);

// chooseLanguage() from QSettings and the system locale, then apply(). Call after the
// application object and its organization name exist, before the first window. Returns the
// language applied.
QString setUp();

// The language apply() installed last ("en" when none).
QString current();

} // namespace LanguageSetup

} // namespace StateScope
