#include "preferences.h"

#include <QSettings>

namespace StateScope {

namespace {
const QString kLagKey = QStringLiteral("ui/lagThresholdMs");
const QString kBudgetKey = QStringLiteral("ui/memoryBudgetMb");
const QString kRefreshKey = QStringLiteral("ui/refreshHz");
const QString kThemeKey = QStringLiteral("ui/theme");
const QString kLanguageKey = QStringLiteral("ui/language");

// A stored number, or the fallback when it is missing, not a number or out of range.
int readInt(const QSettings &settings, const QString &key, int fallback, int low, int high)
{
    bool ok = false;
    const int value = settings.value(key).toInt(&ok);
    return ok && value >= low && value <= high ? value : fallback;
}
} // namespace

Preferences::Preferences(QObject *parent)
    : QObject(parent)
    , m_values(load())
{ }

bool Preferences::setValues(const Values &values, QString *error)
{
    const QString problem = validate(values);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    if (values == m_values)
        return true;
    const Values previous = m_values;
    m_values = values;
    save(m_values);
    emit changed(m_values, previous);
    return true;
}

QString Preferences::validate(const Values &v)
{
    if (v.lagThresholdMs < kMinLagThresholdMs || v.lagThresholdMs > kMaxLagThresholdMs)
        return tr("The lag threshold must be between %1 and %2 ms.").arg(kMinLagThresholdMs).arg(kMaxLagThresholdMs);
    if (v.memoryBudgetMb < kMinMemoryBudgetMb || v.memoryBudgetMb > kMaxMemoryBudgetMb)
        return tr("The memory budget must be between %1 and %2 MB.").arg(kMinMemoryBudgetMb).arg(kMaxMemoryBudgetMb);
    if (v.refreshHz < kMinRefreshHz || v.refreshHz > kMaxRefreshHz)
        return tr("The refresh rate must be between %1 and %2 Hz.").arg(kMinRefreshHz).arg(kMaxRefreshHz);
    if (!themeCodes().contains(v.theme))
        return tr("Unknown theme \"%1\".").arg(v.theme);
    if (!languageCodes().contains(v.language))
        return tr("Unknown language \"%1\".").arg(v.language);
    return {};
}

Preferences::Values Preferences::load()
{
    const QSettings settings;
    const Values defaults;
    Values v;
    v.lagThresholdMs = readInt(settings, kLagKey, defaults.lagThresholdMs, kMinLagThresholdMs, kMaxLagThresholdMs);
    v.memoryBudgetMb = readInt(settings, kBudgetKey, defaults.memoryBudgetMb, kMinMemoryBudgetMb, kMaxMemoryBudgetMb);
    v.refreshHz = readInt(settings, kRefreshKey, defaults.refreshHz, kMinRefreshHz, kMaxRefreshHz);
    const QString theme = settings.value(kThemeKey).toString();
    v.theme = themeCodes().contains(theme) ? theme : defaults.theme;
    const QString language = settings.value(kLanguageKey).toString();
    v.language = languageCodes().contains(language) ? language : defaults.language;
    return v;
}

void Preferences::save(const Values &v)
{
    QSettings settings;
    settings.setValue(kLagKey, v.lagThresholdMs);
    settings.setValue(kBudgetKey, v.memoryBudgetMb);
    settings.setValue(kRefreshKey, v.refreshHz);
    settings.setValue(kThemeKey, v.theme);
    settings.setValue(kLanguageKey, v.language);
}

QStringList Preferences::themeCodes()
{
    return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
}

QStringList Preferences::languageCodes()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

QString Preferences::languageName(const QString &code)
{
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (code == QLatin1String("fr"))
        return QStringLiteral("Français");
    return tr("System default");
}

} // namespace StateScope
