#pragma once

#include <QColor>

#include <array>

namespace StateScope {

// Just enough color science to pick and check state colors: CIELAB (D65), the CIEDE2000
// difference (Sharma, Wu and Dalal 2005), and how a color looks with a missing cone type
// (Machado, Oliveira and Fernandes 2009, severity 1).
class ColorScience final
{
public:
    using Lab = std::array<double, 3>;
    enum class Vision { Normal, Protanopia, Deuteranopia, Tritanopia };

    static Lab lab(const QColor &color, Vision vision = Vision::Normal);
    // About 1 is a just noticeable difference; above 10 colors are told apart at a glance.
    static double ciede2000(const Lab &a, const Lab &b);
    static double difference(const QColor &a, const QColor &b, Vision vision = Vision::Normal)
    {
        return ciede2000(lab(a, vision), lab(b, vision));
    }
};

} // namespace StateScope
