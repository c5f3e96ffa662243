#pragma once

#include <QObject>
#include <QPalette>

namespace StateScope {

// Light and dark looks for the whole application: the Fusion style with a light or a dark
// palette. "System" follows the platform: dark when the platform palette's window color is
// dark (Qt 6.4 has no color-scheme hint), decided again when the platform theme or palette
// changes. Views paint from the palette, and the charts pick their theme from it, so
// setting the application palette is all a switch takes.
class Theme final : public QObject
{
    Q_OBJECT
public:
    enum class Mode { System, Light, Dark };

    explicit Theme(QObject *parent = nullptr);
    ~Theme() override;

    // "system", "light", "dark" (Preferences::themeCodes); anything else is System.
    static Mode modeFromCode(const QString &code);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // Whether the palette in force is the dark one.
    bool isDark() const { return m_dark; }

    static QPalette lightPalette();
    static QPalette darkPalette();

signals:
    void applied(bool dark);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply();

    Mode m_mode = Mode::System;
    bool m_dark = false;
    bool m_applying = false;
    bool m_recheckQueued = false;
    QPalette m_applied;
};

} // namespace StateScope
