#include "theme.h"

#include "charttheme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>

#include <memory>

namespace StateScope {

Theme::Theme(QObject *parent)
    : QObject(parent)
{
    // An application-wide filter: platform theme and palette changes reach every window.
    qApp->installEventFilter(this);
}

Theme::~Theme()
{
    if (qApp)
        qApp->removeEventFilter(this);
}

Theme::Mode Theme::modeFromCode(const QString &code)
{
    if (code == QLatin1String("light"))
        return Mode::Light;
    if (code == QLatin1String("dark"))
        return Mode::Dark;
    return Mode::System;
}

void Theme::setMode(Mode mode)
{
    m_mode = mode;
    apply();
}

void Theme::apply()
{
    m_applying = true;
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    bool dark = m_mode == Mode::Dark;
    if (m_mode == Mode::System) {
        QApplication::setPalette(QPalette()); // back to the platform's, to look at it
        dark = ChartTheme::isDark(QApplication::palette());
    }
    m_applied = dark ? darkPalette() : lightPalette();
    QApplication::setPalette(m_applied);
    m_applying = false;
    m_dark = dark;
    emit applied(dark);
}

bool Theme::eventFilter(QObject *watched, QEvent *event)
{
    // A theme change reaches every window: look again once, after they have all heard it. A
    // palette change of our own making (or the same palette again) is not a reason.
    const bool themeChanged = event->type() == QEvent::ThemeChange;
    const bool paletteChanged = event->type() == QEvent::ApplicationPaletteChange && watched == qApp;
    if (m_mode == Mode::System && !m_applying && !m_recheckQueued
        && (themeChanged || (paletteChanged && QApplication::palette() != m_applied))) {
        m_recheckQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_recheckQueued = false;
            if (m_mode == Mode::System)
                apply();
        });
    }
    return QObject::eventFilter(watched, event);
}

QPalette Theme::lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p = fusion->standardPalette();
    p.setColor(QPalette::Link, QColor(0x00, 0x72, 0xb2));
    return p;
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2d));
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x20));
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x27, 0x2a));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3d));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8c, 0x90));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x38));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x4a));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x3e, 0x42));
    p.setColor(QPalette::Mid, QColor(0x6a, 0x6a, 0x70)); // grid lines and faint edges: must show on Base
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1c));
    p.setColor(QPalette::Shadow, QColor(0x0e, 0x0e, 0x10));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xae));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x56, 0xb4, 0xe9));
    p.setColor(QPalette::LinkVisited, QColor(0xcc, 0x79, 0xa7));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x54));
    p.setColor(QPalette::Disabled, QPalette::Light, QColor(0x2b, 0x2b, 0x2d)); // no embossed shadow text
    return p;
}

} // namespace StateScope
