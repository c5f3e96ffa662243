#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace StateScope {

// One color per state, the same in every view (diagram, timeline, matrix, charts) and from run
// to run: derived from the state's name, not its position. The first colors are Okabe-Ito's,
// which stay distinguishable with the common color-vision deficiencies; each further color is
// the one farthest from all before it (normal vision, protanopia, deuteranopia). Text drawn
// on a state's color uses textOn() for contrast.
class StatePalette final
{
public:
    static QColor color(const QString &stateName);
    // Gives the states of the data distinct colors: sorted by name (so the same states get the
    // same colors in every run), the first ones Okabe-Ito's, then the farthest ones. Names not assigned fall back to a color from their hash, which may repeat.
    // GUI thread only.
    static void assign(QStringList stateNames);
    // Goes up whenever assign() changes a state's color: views that keep colors compare it.
    static quint64 generation();
    // The Okabe-Ito colors given out first, in order.
    static QList<QColor> baseColors();
    // Whether a state's name says the execution failed ("Failed", "payment_error", "Aborted",
    // "TimedOut", ...; ASL Fail states are known from the definition). Views that show status
    // mark these with a shape as well (a cross, hatching), never with hue alone.
    static bool isFailure(const QString &stateName);
    // Black or white, whichever reads better on `background` (WCAG relative luminance).
    static QColor textOn(const QColor &background);
    // A muted color for "no state" / unknown.
    static QColor unknown() { return QColor(0x9e, 0x9e, 0x9e); }
};

} // namespace StateScope
