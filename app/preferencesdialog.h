#pragma once

#include "preferences.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace StateScope {

// Edit > Preferences: lag threshold, memory budget, refresh rate, theme and language. OK and
// Apply hand the values to Preferences, which refuses values out of range (the message shows
// here); the window applies what it accepts to the running session at once.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(Preferences &preferences, QWidget *parent = nullptr);

    Preferences::Values values() const;
    void setValues(const Preferences::Values &values);
    // Stores the values shown; false (and the reason shown) when Preferences refuses them.
    bool apply();

    void accept() override;

private:
    Preferences &m_preferences;
    QSpinBox *m_lag = nullptr;
    QSpinBox *m_budget = nullptr;
    QSpinBox *m_refresh = nullptr;
    QComboBox *m_theme = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace StateScope
