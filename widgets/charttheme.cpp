#include "charttheme.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

namespace StateScope {

bool ChartTheme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

void ChartTheme::apply(QChart *chart, const QPalette &palette)
{
    const QChart::ChartTheme theme = isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() != theme)
        chart->setTheme(theme);
    const QColor text = palette.color(QPalette::Text);
    QColor grid = palette.color(QPalette::Mid);
    chart->setBackgroundBrush(palette.base());
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(grid);
        grid.setAlpha(120);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
        grid.setAlpha(255);
    }
}

} // namespace StateScope
