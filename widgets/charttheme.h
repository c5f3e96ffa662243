#pragma once

#include <QPalette>

class QChart;

namespace StateScope {

// Qt Charts draw with their own theme, not the widget palette: this picks the light or dark
// chart theme to match the palette, then takes the background, text and grid colors from the
// palette so a chart sits in its pane like the custom-painted views. QChart::setTheme resets
// fonts and series colors: a chart calls apply() first and styles its series after.
class ChartTheme final
{
public:
    // Dark when the window color is darker than mid grey (HSL lightness).
    static bool isDark(const QPalette &palette);
    static void apply(QChart *chart, const QPalette &palette);
};

} // namespace StateScope
