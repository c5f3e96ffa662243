#include "recentsources.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>
#include <QUrlQuery>

namespace StateScope {

namespace {
const QString kKey = QStringLiteral("recent/sources");

bool isPostgresUrl(const QString &source)
{
    return source.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
        || source.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}
} // namespace

QStringList RecentSources::list()
{
    QStringList sources = QSettings().value(kKey).toStringList();
    sources.removeAll(QString());
    return sources.mid(0, kMax);
}

void RecentSources::add(const QString &source)
{
    const QString kept = storable(source);
    if (kept.isEmpty())
        return;
    QStringList sources = list();
    sources.removeAll(kept);
    sources.prepend(kept);
    QSettings().setValue(kKey, sources.mid(0, kMax));
}

void RecentSources::remove(const QString &source)
{
    QStringList sources = list();
    sources.removeAll(source);
    QSettings().setValue(kKey, sources);
}

void RecentSources::clear()
{
    QSettings().remove(kKey);
}

QString RecentSources::storable(const QString &source)
{
    const QString trimmed = source.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (isPostgresUrl(trimmed)) {
        QUrl url(trimmed, QUrl::TolerantMode);
        if (!url.isValid())
            return {};
        url.setPassword(QString());
        QUrlQuery query(url);
        query.removeAllQueryItems(QStringLiteral("password"));
        url.setQuery(query.isEmpty() ? QString() : query.query(QUrl::FullyEncoded), QUrl::StrictMode);
        return url.toString(QUrl::FullyEncoded);
    }
    if (trimmed.contains(QLatin1String("://")))
        return {}; // feeds and other URLs have their own lists (Connect to Feed)
    return QFileInfo(trimmed).absoluteFilePath();
}

bool RecentSources::isMissingFile(const QString &source)
{
    if (source.contains(QLatin1String("://")))
        return false;
    return !QFileInfo::exists(source);
}

QString RecentSources::displayText(const QString &source)
{
    if (source.contains(QLatin1String("://")))
        return source;
    const QFileInfo info(source);
    return QStringLiteral("%1 — %2").arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath()));
}

} // namespace StateScope
