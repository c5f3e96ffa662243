#pragma once

#include <QString>
#include <QStringList>

namespace StateScope {

// File > Open Recent: the sources opened successfully, newest first, at most kMax, kept in
// QSettings (recent/sources). Files are kept by absolute path, postgresql:// URLs without
// their password (in the user info or a password= parameter): a password is never stored.
class RecentSources final
{
public:
    static constexpr int kMax = 10;

    static QStringList list();
    // Puts the source first (once) and drops the oldest past kMax.
    static void add(const QString &source);
    static void remove(const QString &source);
    static void clear();

    // What is stored for a source: a file as an absolute path, a postgresql:// URL without
    // its password; empty for what is not kept (feeds keep their own list).
    static QString storable(const QString &source);
    // Whether the source is a local file that no longer exists.
    static bool isMissingFile(const QString &source);
    // Short text for the menu: a file's name and folder, a URL as shown.
    static QString displayText(const QString &source);
};

} // namespace StateScope
