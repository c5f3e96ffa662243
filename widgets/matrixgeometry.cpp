#include "matrixgeometry.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace StateScope {

namespace {
// Viridis at 11 evenly spaced stops (matplotlib's map, as d3-scale-chromatic lists it); linear
// interpolation between neighbours this close stays within a unit of L* of the full table.
constexpr QRgb kViridis[]
    = {0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725};
constexpr int kStops = int(std::size(kViridis));

int lerp(int a, int b, double f)
{
    return int(std::lround(a + (b - a) * f));
}
} // namespace

MatrixGeometry::MatrixGeometry(const Input &input)
    : m_input(input)
{
    m_input.lineHeight = std::max(1.0, m_input.lineHeight);
    m_input.minLabelScale = std::clamp(m_input.minLabelScale, 0.1, 1.0);
    if (m_input.labelScale > 0) {
        layout(std::min(m_input.labelScale, 1.0));
        return;
    }
    layout(1.0);
    if (m_input.stateCount <= 0 || m_cell <= 0)
        return;
    // Labels shrink until a line fits a cell (a little air between lines), not below the
    // minimum; smaller margins then give the cells a little more room, never less.
    const double fit = m_cell * 0.92 / m_input.lineHeight;
    if (fit < 1.0)
        layout(std::max(fit, m_input.minLabelScale));
}

void MatrixGeometry::layout(double scale)
{
    m_scale = scale;
    const double w = m_input.viewport.width();
    const double h = m_input.viewport.height();
    const int n = m_input.stateCount;
    const double line = m_input.lineHeight;

    m_rowLabelWidth = std::min(m_input.labelWidth * scale, std::clamp(w * 0.2, 48.0, 220.0));
    m_columnLabelLength = std::min(m_input.labelWidth * scale, std::clamp(h * 0.22, 40.0, 180.0));
    m_barWidth = std::clamp(w * 0.09, 84.0, 140.0);
    // The bar column titles sit in the header too, horizontally, at the base font.
    const double headerHeight = std::max(m_columnLabelLength, line) + kGap + kStrip + 2;
    const double legendHeight = line + 16;

    // Whole-pixel origin: with whole-pixel cells every cell edge falls on a pixel boundary.
    const double left = std::ceil(kMargin + m_rowLabelWidth + kGap + kStrip + 2);
    const double top = std::ceil(kMargin + headerHeight);
    const double availableWidth = w - left - kMargin - kBarsGap - 2 * m_barWidth - kBarColumnGap;
    const double availableHeight = h - top - kMargin - kGap - legendHeight;

    m_cell = 0;
    if (n > 0 && availableWidth > 0 && availableHeight > 0) {
        m_cell = std::min(std::min(availableWidth, availableHeight) / n, kMaxCell);
        // Whole pixels keep grid lines and the scaled cell image crisp once cells are visible.
        if (m_cell >= 4)
            m_cell = std::floor(m_cell);
    }
    const double side = m_cell * std::max(n, 0);
    m_matrix = QRectF(left, top, side, side);
    m_header = QRectF(left, kMargin, side, top - kMargin);
    m_legend = QRectF(kMargin, m_matrix.bottom() + kGap, std::max(0.0, w - 2 * kMargin), legendHeight);
}

QRectF MatrixGeometry::cellRect(int row, int column) const
{
    return QRectF(m_matrix.left() + column * m_cell, m_matrix.top() + row * m_cell, m_cell, m_cell);
}

int MatrixGeometry::labelStride(double textHeight) const
{
    if (m_cell <= 0 || textHeight <= m_cell)
        return 1;
    return int(std::ceil(textHeight / m_cell - 1e-9));
}

QRectF MatrixGeometry::rowLabelRect(int row, double textHeight) const
{
    const double center = m_matrix.top() + (row + 0.5) * m_cell;
    return QRectF(kMargin, center - textHeight / 2, m_rowLabelWidth, textHeight);
}

QRectF MatrixGeometry::columnLabelRect(int column, double textHeight) const
{
    const double center = m_matrix.left() + (column + 0.5) * m_cell;
    const double bottom = m_matrix.top() - 2 - kStrip - kGap;
    return QRectF(center - textHeight / 2, bottom - m_columnLabelLength, textHeight, m_columnLabelLength);
}

QRectF MatrixGeometry::rowStripRect(int row) const
{
    return QRectF(m_matrix.left() - 2 - kStrip, m_matrix.top() + row * m_cell, kStrip, m_cell);
}

QRectF MatrixGeometry::columnStripRect(int column) const
{
    return QRectF(m_matrix.left() + column * m_cell, m_matrix.top() - 2 - kStrip, m_cell, kStrip);
}

QRectF MatrixGeometry::barColumnRect(int column) const
{
    const double x = m_matrix.right() + kBarsGap + column * (m_barWidth + kBarColumnGap);
    return QRectF(x, m_matrix.top(), m_barWidth, m_matrix.height());
}

QRectF MatrixGeometry::barSlot(int column, int row) const
{
    const QRectF c = barColumnRect(column);
    return QRectF(c.left(), m_matrix.top() + row * m_cell, c.width(), m_cell);
}

QRectF MatrixGeometry::barHeaderRect(int column) const
{
    const QRectF c = barColumnRect(column);
    const double line = m_input.lineHeight;
    return QRectF(c.left(), m_matrix.top() - 2 - kStrip - line, c.width(), line);
}

MatrixGeometry::Hit MatrixGeometry::hitTest(QPointF p) const
{
    if (isEmpty())
        return {};
    const int n = m_input.stateCount;
    const auto index = [&](double offset) {
        return std::clamp(int(std::floor(offset / m_cell)), 0, n - 1);
    };
    // Half-open intervals: a point on the border between two cells belongs to the later one,
    // the right and bottom edges of the matrix to nothing.
    const bool inRows = p.y() >= m_matrix.top() && p.y() < m_matrix.bottom();
    const bool inColumns = p.x() >= m_matrix.left() && p.x() < m_matrix.right();
    if (inRows && inColumns)
        return {Region::Cell, index(p.y() - m_matrix.top()), index(p.x() - m_matrix.left())};
    if (inRows) {
        const int row = index(p.y() - m_matrix.top());
        if (p.x() >= kMargin && p.x() < m_matrix.left())
            return {Region::RowLabel, row, -1};
        for (int c = 0; c < 2; ++c) {
            const QRectF bars = barColumnRect(c);
            if (p.x() >= bars.left() && p.x() < bars.right())
                return {c == 0 ? Region::SteadyStateBar : Region::TimeShareBar, row, -1};
        }
        return {};
    }
    if (inColumns && p.y() >= m_header.top() && p.y() < m_matrix.top())
        return {Region::ColumnLabel, -1, index(p.x() - m_matrix.left())};
    if (m_legend.contains(p))
        return {Region::Legend, -1, -1};
    return {};
}

std::pair<int, int> MatrixGeometry::visibleRows(double top, double bottom) const
{
    if (isEmpty() || bottom <= top)
        return {0, 0};
    const int n = m_input.stateCount;
    const int first = std::clamp(int(std::floor((top - m_matrix.top()) / m_cell + 1e-9)), 0, n);
    const int last = std::clamp(int(std::ceil((bottom - m_matrix.top()) / m_cell - 1e-9)), 0, n);
    return {first, std::max(first, last)};
}

std::pair<int, int> MatrixGeometry::visibleColumns(double left, double right) const
{
    if (isEmpty() || right <= left)
        return {0, 0};
    const int n = m_input.stateCount;
    const int first = std::clamp(int(std::floor((left - m_matrix.left()) / m_cell + 1e-9)), 0, n);
    const int last = std::clamp(int(std::ceil((right - m_matrix.left()) / m_cell - 1e-9)), 0, n);
    return {first, std::max(first, last)};
}

QColor MatrixGeometry::heatColor(double t)
{
    if (!(t >= 0)) // NaN too
        t = 0;
    t = std::min(t, 1.0) * (kStops - 1);
    const int i = std::min(int(t), kStops - 2);
    const double f = t - i;
    const QColor a = QColor::fromRgb(kViridis[i]);
    const QColor b = QColor::fromRgb(kViridis[i + 1]);
    return QColor(lerp(a.red(), b.red(), f), lerp(a.green(), b.green(), f), lerp(a.blue(), b.blue(), f));
}

double MatrixGeometry::scalePosition(double value, double low, double high, bool logarithmic)
{
    if (!(high > low))
        return 1;
    double t = 0;
    if (logarithmic) {
        const double a = std::log1p(std::max(low, 0.0));
        const double b = std::log1p(std::max(high, 0.0));
        t = b > a ? (std::log1p(std::max(value, 0.0)) - a) / (b - a) : 1;
    } else {
        t = (value - low) / (high - low);
    }
    return std::isnan(t) ? 0 : std::clamp(t, 0.0, 1.0);
}

double MatrixGeometry::lightness(const QColor &color)
{
    const auto linear = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const double y = 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF());
    const double f = y > 216.0 / 24389.0 ? std::cbrt(y) : (24389.0 / 27.0 * y + 16) / 116;
    return 116 * f - 16;
}

} // namespace StateScope
