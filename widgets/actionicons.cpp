#include "actionicons.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace StateScope {

namespace {
// 24 x 24, stroked in currentColor (replaced by the palette's color when drawn).
QByteArray drawing(ActionIcons::Kind kind)
{
    using K = ActionIcons::Kind;
    switch (kind) {
    case K::Open:
        return "<path d='M3 6.5h6l2 2h10V19H3z'/>";
    case K::Connect:
        return "<circle cx='12' cy='18' r='1.6' fill='currentColor'/>"
               "<path d='M8.5 14.5a5 5 0 0 1 7 0M5.5 11.5a9.2 9.2 0 0 1 13 0M2.5 8.5a13.4 13.4 0 0 1 19 0'/>";
    case K::Reload:
        return "<path d='M19.5 12a7.5 7.5 0 1 1-2.2-5.3'/><path d='M19.5 4v5h-5'/>";
    case K::Close:
        return "<path d='M6 6l12 12M18 6L6 18'/>";
    case K::FollowLive:
        return "<circle cx='12' cy='12' r='3.5' fill='currentColor'/><circle cx='12' cy='12' r='8.5'/>";
    case K::ZoomIn:
        return "<circle cx='10' cy='10' r='6.5'/><path d='M15 15l5.5 5.5M7 10h6M10 7v6'/>";
    case K::ZoomOut:
        return "<circle cx='10' cy='10' r='6.5'/><path d='M15 15l5.5 5.5M7 10h6'/>";
    case K::Fit:
        return "<path d='M9 3.5V9H3.5M15 3.5V9h5.5M9 20.5V15H3.5M15 20.5V15h5.5'/>";
    case K::Export:
        return "<path d='M12 3.5v11M7.5 8L12 3.5 16.5 8M4 14.5v6h16v-6'/>";
    case K::Preferences:
        return "<path d='M3.5 6h10M18 6h2.5M3.5 12h3.5M11 12h9.5M3.5 18h12M19.5 18h1'/><circle cx='16' cy='6' r='2'/>"
               "<circle cx='9' cy='12' r='2'/><circle cx='17.5' cy='18' r='2'/>";
    case K::CommandPalette:
        return "<rect x='3' y='4.5' width='18' height='15' rx='2'/><path d='M7 9.5l3 2.5-3 2.5M12.5 15h4.5'/>";
    case K::FullScreen:
        return "<path d='M3.5 9V3.5H9M15 3.5h5.5V9M20.5 15v5.5H15M9 20.5H3.5V15'/>";
    case K::Help:
        return "<circle cx='12' cy='12' r='9'/><path d='M9.5 9.5a2.5 2.5 0 1 1 3.6 2.2c-.7.4-1.1.9-1.1 1.7v.6'/>"
               "<circle cx='12' cy='17' r='.9' fill='currentColor'/>";
    case K::Find:
        return "<circle cx='10' cy='10' r='6.5'/><path d='M15 15l5.5 5.5'/>";
    case K::Recover:
        return "<path d='M4 12a8 8 0 1 0 2.3-5.7'/><path d='M4 3.5V9h5.5'/><path d='M12 8v4.5l3 2'/>";
    case K::Play:
        return "<path d='M7 4.5v15l12-7.5z' fill='currentColor'/>";
    case K::Pause:
        return "<path d='M7.5 5v14M16.5 5v14' stroke-width='3.2'/>";
    case K::Keyboard:
        return "<rect x='2.5' y='6' width='19' height='12' rx='2'/>"
               "<path d='M6.5 10h.01M10 10h.01M14 10h.01M17.5 10h.01M7.5 14h9'/>";
    }
    return {};
}

class TintedSvgEngine final : public QIconEngine
{
public:
    TintedSvgEngine(ActionIcons::Kind kind)
        : m_kind(kind)
    { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QSvgRenderer renderer(svg(mode));
        renderer.render(painter, rect); // vector: sharp on any device
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        const QColor color = colorFor(mode);
        const QString key = QStringLiteral("statescope-icon-%1-%2x%3-%4")
                                .arg(int(m_kind))
                                .arg(size.width())
                                .arg(size.height())
                                .arg(color.rgba());
        QPixmap pm;
        if (QPixmapCache::find(key, &pm))
            return pm;
        pm = QPixmap(size);
        pm.fill(Qt::transparent);
        {
            QPainter p(&pm);
            p.setRenderHint(QPainter::Antialiasing);
            paint(&p, QRect(QPoint(0, 0), size), mode, state);
        }
        QPixmapCache::insert(key, pm);
        return pm;
    }

    // Called with the size in device pixels (QIcon::pixmap with a ratio above 1).
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal) override
    {
        return pixmap(size, mode, state);
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new TintedSvgEngine(m_kind); }
    QString key() const override { return QStringLiteral("StateScopeTintedSvg"); }

private:
    static QColor colorFor(QIcon::Mode mode)
    {
        const QPalette palette = QApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected:
            return palette.color(QPalette::HighlightedText);
        case QIcon::Normal:
        case QIcon::Active:
            break;
        }
        return palette.color(QPalette::WindowText);
    }

    QByteArray svg(QIcon::Mode mode) const
    {
        QByteArray body = drawing(m_kind);
        body.replace("currentColor", colorFor(mode).name().toLatin1());
        return "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='"
            + colorFor(mode).name().toLatin1() + "' stroke-width='1.8' stroke-linecap='round' stroke-linejoin='round'>"
            + body + "</svg>";
    }

    ActionIcons::Kind m_kind;
};
} // namespace

QIcon ActionIcons::icon(Kind kind)
{
    return QIcon(new TintedSvgEngine(kind));
}

} // namespace StateScope
