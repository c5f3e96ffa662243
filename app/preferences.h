#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

namespace StateScope {

// The user's preferences (Edit > Preferences): what they are, their valid ranges and where
// they are kept (QSettings, keys ui/...). The window applies them to the running session
// when changed() says so; the language applies at the next start.
class Preferences final : public QObject
{
    Q_OBJECT
public:
    struct Values
    {
        int lagThresholdMs = 1000; // SPEC 6: a replica lagging more is out of sync
        int memoryBudgetMb = 1024; // the whole process (MemoryBudget), MiB
        int refreshHz = 40; // how often live data reaches the views
        QString theme = QStringLiteral("system"); // "system", "light", "dark"
        QString language; // "" follows the system locale; "en", "de", "fr"
        bool operator==(const Values &) const = default;
    };
    static constexpr int kMinLagThresholdMs = 1;
    static constexpr int kMaxLagThresholdMs = 3600 * 1000;
    static constexpr int kMinMemoryBudgetMb = 48; // MemoryBudget::kMinimumBytes
    static constexpr int kMaxMemoryBudgetMb = 1024 * 1024;
    static constexpr int kMinRefreshHz = 1;
    static constexpr int kMaxRefreshHz = 60;

    explicit Preferences(QObject *parent = nullptr);

    const Values &values() const { return m_values; }
    // Checks, stores and announces new values. Out-of-range values are refused as a whole:
    // false, with the reason in *error, and nothing changes.
    bool setValues(const Values &values, QString *error = nullptr);

    // Empty when the values are valid, else what is wrong (for the dialog and the tests).
    static QString validate(const Values &values);
    // From QSettings; a missing or invalid value reads as its default.
    static Values load();
    static void save(const Values &values);

    static QStringList themeCodes(); // "system", "light", "dark"
    static QStringList languageCodes(); // "", "en", "de", "fr"
    // How a language is named in its own language ("Deutsch"); "" is "System default".
    static QString languageName(const QString &code);

signals:
    void changed(const StateScope::Preferences::Values &values, const StateScope::Preferences::Values &previous);

private:
    Values m_values;
};

} // namespace StateScope
