#pragma once

#include "gaugegeometry.h"

#include <QPen>
#include <QPixmap>
#include <QWidget>

#include <functional>
#include <limits>

namespace StateScope {

// One speedometer gauge: a 240° arc with colored zones and ticks, a filled arc and a pointer
// up to the value, the value in large text and a caption below it. The dial (track, zones,
// ticks, labels) is rendered once into a pixmap at the screen's device pixel ratio and reused
// until the size, scale or palette changes; a new value repaints only when it changes.
class GaugeWidget final : public QWidget
{
    Q_OBJECT
public:
    using LabelFormatter = std::function<QString(double)>;

    explicit GaugeWidget(QWidget *parent = nullptr);

    // The scale. A marked value (a threshold) gets a longer tick and a bold label.
    void setScale(const GaugeGeometry &geometry);
    void setMaxTicks(int maxTicks);
    void setMarkedValue(double value); // NaN = none
    void setLabelFormatter(LabelFormatter formatter);
    void setCaption(const QString &caption);
    // valueText is what the gauge shows (e.g. "2 / 3"); NaN value = no value: no pointer.
    void setValue(double value, const QString &valueText);

    const GaugeGeometry &gaugeGeometry() const { return m_geometry; }
    double value() const { return m_value; }
    QString valueText() const { return m_valueText; }
    QString caption() const { return m_caption; }
    GaugeGeometry::Zone zone() const { return m_geometry.zoneAt(m_value); }
    double markedValue() const { return m_marked; }

    // One color per zone, chosen to stay distinguishable with common color-vision
    // deficiencies (Okabe-Ito: bluish green, orange, vermillion).
    static QColor zoneColor(GaugeGeometry::Zone zone);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void invalidateDial();
    void updateLayout();
    void renderDial();
    void updateAccessibleName();
    QFont tickFont() const;
    QString tickLabel(double value) const;
    void fitValueFont();
    double captionHeight(int width) const;

    GaugeGeometry m_geometry;
    GaugeGeometry::Layout m_layout;
    LabelFormatter m_formatter;
    QString m_caption;
    QString m_valueText;
    double m_value = std::numeric_limits<double>::quiet_NaN();
    double m_marked = std::numeric_limits<double>::quiet_NaN();
    int m_maxTicks = 5;
    double m_labelMargin = 0; // room for tick labels around the arc, from the widest label
    QPixmap m_dial; // the static part, null when it must be rendered again
    // Pens and fonts of the dynamic part, recomputed with the layout.
    QPen m_trackPen;
    QPen m_needlePen;
    QFont m_valueFont;
    QFont m_captionFont;
};

} // namespace StateScope
