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
    // Gives the states of the data distinct colors: sorted by name (so the same states get the
    // same colors in every run), the first ones Okabe-Ito's, the rest spread by the golden
    // angle. Names not assigned fall back to a color from their hash, which may repeat.
    // GUI thread only.
    static void assign(QStringList stateNames);
    // Black or white, whichever reads better on `background` (WCAG relative luminance).
    static QColor textOn(const QColor &background);
    // A muted color for "no state" / unknown.
    static QColor unknown() { return QColor(0x9e, 0x9e, 0x9e); }
};

} // namespace StateScope
