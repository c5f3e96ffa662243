#include "gaugewidget.h"

#include "replicanodesmodel.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <numbers>

namespace StateScope {

namespace {
// Radii as multiples of the dial radius (the layout's radius / kOuter: tick tips stay inside it).
constexpr double kOuter = 1.08;
constexpr double kZoneInner = 0.93, kZoneOuter = 1.0; // colored zone band on the rim
constexpr double kTrackInner = 0.74, kTrackOuter = 0.89; // value track
constexpr double kTickOuter = 1.07;
constexpr double kNeedleInner = 0.62, kNeedleOuter = 0.95;

QRectF square(QPointF center, double radius)
{
    return {center.x() - radius, center.y() - radius, 2 * radius, 2 * radius};
}

// Places a label's box just outside `anchor`, on the side facing away from the center.
QRectF labelBox(QPointF anchor, double angleDeg, QSizeF size)
{
    const double rad = angleDeg * std::numbers::pi / 180.0;
    const QPointF c(anchor.x() + std::cos(rad) * size.width() / 2, anchor.y() - std::sin(rad) * size.height() / 2);
    return {c.x() - size.width() / 2, c.y() - size.height() / 2, size.width(), size.height()};
}
} // namespace

GaugeWidget::GaugeWidget(QWidget *parent)
    : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    updateLayout();
    updateAccessibleName();
}

QColor GaugeWidget::zoneColor(GaugeGeometry::Zone zone)
{
    switch (zone) {
    case GaugeGeometry::Zone::Good:
        return ReplicaNodesModel::goodColor();
    case GaugeGeometry::Zone::Warning:
        return QColor(0xe6, 0x9f, 0x00);
    case GaugeGeometry::Zone::Critical:
        return ReplicaNodesModel::criticalColor();
    case GaugeGeometry::Zone::Neutral:
        break;
    }
    return QColor(0x56, 0xb4, 0xe9);
}

void GaugeWidget::setScale(const GaugeGeometry &geometry)
{
    if (geometry == m_geometry)
        return; // live updates set the same scale again and again: keep the cached dial
    m_geometry = geometry;
    invalidateDial();
    updateAccessibleName();
}

void GaugeWidget::setMaxTicks(int maxTicks)
{
    if (std::max(1, maxTicks) == m_maxTicks)
        return;
    m_maxTicks = std::max(1, maxTicks);
    invalidateDial();
}

void GaugeWidget::setMarkedValue(double value)
{
    if (value == m_marked || (std::isnan(value) && std::isnan(m_marked)))
        return;
    m_marked = value;
    invalidateDial();
}

void GaugeWidget::setLabelFormatter(LabelFormatter formatter)
{
    m_formatter = std::move(formatter);
    invalidateDial();
}

void GaugeWidget::setCaption(const QString &caption)
{
    if (caption == m_caption)
        return;
    m_caption = caption;
    updateAccessibleName();
    updateLayout();
    updateGeometry(); // the caption's height may change
    update();
}

void GaugeWidget::setValue(double value, const QString &valueText)
{
    const bool same = (value == m_value || (std::isnan(value) && std::isnan(m_value))) && valueText == m_valueText;
    if (same)
        return;
    const bool textChanged = valueText != m_valueText;
    m_value = value;
    m_valueText = valueText;
    if (textChanged)
        fitValueFont();
    updateAccessibleName();
    update();
}

QSize GaugeWidget::sizeHint() const
{
    return {220, 190};
}

QSize GaugeWidget::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    // Small enough for five in a row in an 800-pixel pane; below that the labels would collide.
    return {std::max(120, fm.horizontalAdvance(QLatin1Char('0')) * 14), std::max(110, fm.height() * 7)};
}

int GaugeWidget::heightForWidth(int width) const
{
    return int(std::ceil(GaugeGeometry::heightForWidth(width - 4, m_labelMargin, captionHeight(width - 4)))) + 4;
}

double GaugeWidget::captionHeight(int width) const
{
    // One line usually; a narrow gauge wraps its caption.
    const QFontMetricsF fm(font());
    const QRectF box(0, 0, std::max(1, width), 1e6);
    return std::max(fm.lineSpacing(), fm.boundingRect(box, Qt::TextWordWrap, m_caption).height()) + 2;
}

void GaugeWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    invalidateDial();
}

void GaugeWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange)
        invalidateDial();
}

void GaugeWidget::invalidateDial()
{
    m_dial = QPixmap();
    updateLayout();
    update();
}

QFont GaugeWidget::tickFont() const
{
    QFont f = font();
    f.setPointSizeF(std::max(6.5, f.pointSizeF() * 0.85));
    return f;
}

QString GaugeWidget::tickLabel(double value) const
{
    return m_formatter ? m_formatter(value) : QString::number(value, 'g', 4);
}

void GaugeWidget::updateLayout()
{
    const QFontMetricsF tfm(tickFont());
    double widest = 0;
    for (const double t : m_geometry.ticks(m_maxTicks))
        widest = std::max(widest, tfm.horizontalAdvance(tickLabel(t)));
    if (std::isfinite(m_marked))
        widest = std::max(widest, tfm.horizontalAdvance(tickLabel(m_marked)) * 1.1);
    // A common minimum (a label like "1.5k") keeps the dials of a row the same size.
    widest = std::max(widest, tfm.horizontalAdvance(QStringLiteral("1.5k")));
    const double margin = std::max(widest * 0.75, tfm.height()) + 2;
    if (margin != m_labelMargin) {
        m_labelMargin = margin;
        updateGeometry(); // the height for a width changed
    }
    m_layout = GaugeGeometry::layout(QRectF(rect()).adjusted(2, 2, -2, -2), margin, captionHeight(width() - 4));
    const double r = m_layout.radius / kOuter;
    const QColor track = palette().color(QPalette::WindowText);
    m_trackPen = QPen(QColor(track.red(), track.green(), track.blue(), 28), (kTrackOuter - kTrackInner) * r,
                      Qt::SolidLine, Qt::FlatCap);
    // The pointer is dark with an outline in the background color, so it reads on every zone.
    m_needlePen = QPen(palette().color(QPalette::Window), std::max(1.0, r * 0.015));
    m_needlePen.setJoinStyle(Qt::RoundJoin);
    m_captionFont = font();
    fitValueFont();
}

void GaugeWidget::fitValueFont()
{
    m_valueFont = font();
    m_valueFont.setBold(true);
    const QRectF box = m_layout.valueRect;
    double px = std::max(8.0, box.height() * 0.8);
    m_valueFont.setPixelSize(int(px));
    // Shrink long texts ("12,345,678") until they fit the dial's middle.
    const QString text = m_valueText.isEmpty() ? QStringLiteral("0") : m_valueText;
    for (int i = 0; i < 8; ++i) {
        const double w = QFontMetricsF(m_valueFont).horizontalAdvance(text);
        if (w <= box.width() || px <= 8)
            break;
        px = std::max(8.0, px * box.width() / w * 0.98);
        m_valueFont.setPixelSize(int(px));
    }
}

void GaugeWidget::renderDial()
{
    const qreal dpr = devicePixelRatioF();
    m_dial = QPixmap((QSizeF(size()) * dpr).toSize());
    m_dial.setDevicePixelRatio(dpr);
    m_dial.fill(Qt::transparent);
    QPainter p(&m_dial);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF c = m_layout.center;
    const double r = m_layout.radius / kOuter;

    // The value track, then the zones on the rim.
    p.setPen(m_trackPen);
    const double trackR = (kTrackInner + kTrackOuter) / 2 * r;
    p.drawArc(square(c, trackR), int(GaugeGeometry::kStartDeg * 16), int(-GaugeGeometry::kSpanDeg * 16));
    const double zoneR = (kZoneInner + kZoneOuter) / 2 * r;
    for (const GaugeGeometry::Arc &a : m_geometry.zoneArcs()) {
        p.setPen(QPen(zoneColor(a.zone), (kZoneOuter - kZoneInner) * r, Qt::SolidLine, Qt::FlatCap));
        p.drawArc(square(c, zoneR), int(std::lround(a.startDeg * 16)), int(std::lround(a.spanDeg * 16)));
    }

    // Ticks and their labels outside the rim.
    const QColor text = palette().color(QPalette::WindowText);
    const QPen tickPen(text, std::max(1.0, r * 0.012), Qt::SolidLine, Qt::FlatCap);
    const QFont labelFont = tickFont();
    const QFontMetricsF fm(labelFont);
    p.setFont(labelFont);
    for (const double t : m_geometry.ticks(m_maxTicks)) {
        if (std::isfinite(m_marked) && std::abs(t - m_marked) < 1e-9 * std::max(1.0, std::abs(t)))
            continue; // drawn below, emphasized
        const double a = m_geometry.angleDeg(t);
        p.setPen(tickPen);
        p.drawLine(GaugeGeometry::pointAt(c, kZoneOuter * r, a), GaugeGeometry::pointAt(c, kTickOuter * r, a));
        const QString label = tickLabel(t);
        const QRectF box = labelBox(GaugeGeometry::pointAt(c, kTickOuter * r + 2, a), a,
                                    QSizeF(fm.horizontalAdvance(label) + 2, fm.height()));
        p.drawText(box, Qt::AlignCenter, label);
    }
    if (std::isfinite(m_marked) && m_marked >= m_geometry.minimum() && m_marked <= m_geometry.maximum()) {
        const double a = m_geometry.angleDeg(m_marked);
        p.setPen(QPen(text, std::max(2.0, r * 0.03), Qt::SolidLine, Qt::FlatCap));
        p.drawLine(GaugeGeometry::pointAt(c, kTrackInner * r, a), GaugeGeometry::pointAt(c, kTickOuter * r, a));
        QFont bold = labelFont;
        bold.setBold(true);
        p.setFont(bold);
        const QString label = tickLabel(m_marked);
        const QRectF box = labelBox(GaugeGeometry::pointAt(c, kTickOuter * r + 2, a), a,
                                    QSizeF(QFontMetricsF(bold).horizontalAdvance(label) + 2, fm.height()));
        p.drawText(box, Qt::AlignCenter, label);
    }
}

void GaugeWidget::paintEvent(QPaintEvent *)
{
    if (m_dial.isNull() || !qFuzzyCompare(m_dial.devicePixelRatio(), devicePixelRatioF()))
        renderDial();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.drawPixmap(0, 0, m_dial);
    const QPointF c = m_layout.center;
    const double r = m_layout.radius / kOuter;

    if (!std::isnan(m_value)) {
        // The filled arc up to the value, in the color of the value's zone.
        const GaugeGeometry::Arc arc = m_geometry.valueArc(m_value);
        const QColor color = zoneColor(arc.zone);
        if (std::abs(arc.spanDeg) > 0.01) {
            p.setPen(QPen(color, (kTrackOuter - kTrackInner) * r, Qt::SolidLine, Qt::FlatCap));
            p.drawArc(square(c, (kTrackInner + kTrackOuter) / 2 * r), int(std::lround(arc.startDeg * 16)),
                      int(std::lround(arc.spanDeg * 16)));
        }
        // A tapered pointer across the track.
        const double a = m_geometry.angleDeg(m_value);
        const double halfWidthDeg = 3.2;
        QPainterPath needle;
        needle.moveTo(GaugeGeometry::pointAt(c, kNeedleOuter * r, a));
        needle.lineTo(GaugeGeometry::pointAt(c, kNeedleInner * r, a + halfWidthDeg * 2));
        needle.lineTo(GaugeGeometry::pointAt(c, kNeedleInner * r, a - halfWidthDeg * 2));
        needle.closeSubpath();
        p.setPen(m_needlePen);
        p.setBrush(palette().color(QPalette::WindowText));
        p.drawPath(needle);
        p.setBrush(Qt::NoBrush);
    }

    p.setPen(palette().color(QPalette::WindowText));
    p.setFont(m_valueFont);
    p.drawText(m_layout.valueRect, Qt::AlignCenter, m_valueText.isEmpty() ? QStringLiteral("–") : m_valueText);
    p.setFont(m_captionFont);
    p.drawText(m_layout.captionRect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_caption);
}

void GaugeWidget::updateAccessibleName()
{
    const QString value = m_valueText.isEmpty() ? tr("no value") : m_valueText;
    setAccessibleName(m_caption.isEmpty() ? value : tr("%1: %2").arg(m_caption, value));
    switch (zone()) {
    case GaugeGeometry::Zone::Good:
        setAccessibleDescription(tr("healthy"));
        break;
    case GaugeGeometry::Zone::Warning:
        setAccessibleDescription(tr("warning"));
        break;
    case GaugeGeometry::Zone::Critical:
        setAccessibleDescription(tr("critical"));
        break;
    case GaugeGeometry::Zone::Neutral:
        setAccessibleDescription({});
        break;
    }
}

} // namespace StateScope
