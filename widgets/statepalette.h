#pragma once

#include <QColor>
#include <QString>

namespace StateScope {

// One color per state, the same in every view (diagram, timeline, matrix, charts) and from run
// to run: derived from the state's name, not its position. The first colors are Okabe-Ito's,
// which stay distinguishable with the common color-vision deficiencies; further states get
// hues spread by the golden angle at matching lightness. Text drawn on a state's color uses
// textOn() for contrast.
class StatePalette final
{
public:
    static QColor color(const QString &stateName);
    // Black or white, whichever reads better on `background` (WCAG relative luminance).
    static QColor textOn(const QColor &background);
    // A muted color for "no state" / unknown.
    static QColor unknown() { return QColor(0x9e, 0x9e, 0x9e); }
};

} // namespace StateScope
