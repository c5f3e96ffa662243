#pragma once

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace StateScope {

// Where everything of the probability matrix goes, and its color scale. A value type without
// widgets (tested GUI-less): the view measures its labels with its font, hands the widest one
// and the line height in here, and gets back cell, label, bar and legend rectangles.
//
// Layout, left to right: row labels | state color strip | n × n cells | π bars | time share bars.
// Top to bottom: column labels (rotated 90°, reading upwards) | color strip | cells | legend.
// Labels shrink with the cells down to minLabelScale; below that only every labelStride()-th
// label is drawn, so labels never overlap whatever the number of states.
class MatrixGeometry final
{
public:
    struct Input
    {
        QSizeF viewport;
        int stateCount = 0;
        double labelWidth = 0; // widest state name at the base label font, px
        double lineHeight = 14; // line height of the base label font, px
        double minLabelScale = 0.75;
        // 0 = pick the label scale from the cell size; else use this one (the view's second
        // pass, once it has measured the labels at the scaled font: labelWidth / labelScale).
        double labelScale = 0;
    };

    enum class Region { None, Cell, RowLabel, ColumnLabel, SteadyStateBar, TimeShareBar, Legend };
    struct Hit
    {
        Region region = Region::None;
        int row = -1; // state index of the row (cells, row labels, bars)
        int column = -1; // state index of the column (cells, column labels)
        bool operator==(const Hit &other) const = default;
    };

    // Fixed spacing (px). Public so tests and the view agree on them.
    static constexpr double kMargin = 8;
    static constexpr double kGap = 4;
    static constexpr double kStrip = 6; // state color strip beside the labels
    static constexpr double kMaxCell = 56; // a 3-state matrix should not fill a screen
    static constexpr double kBarsGap = 14;
    static constexpr double kBarColumnGap = 10;

    MatrixGeometry() = default;
    explicit MatrixGeometry(const Input &input);

    const Input &input() const { return m_input; }
    int stateCount() const { return m_input.stateCount; }
    bool isEmpty() const { return m_input.stateCount <= 0 || m_cell <= 0; }

    double cellSize() const { return m_cell; }
    QRectF matrixRect() const { return m_matrix; }
    QRectF cellRect(int row, int column) const;

    // Labels: the font scale to draw them with, and how wide an elided label may be.
    double labelScale() const { return m_scale; }
    double rowLabelWidth() const { return m_rowLabelWidth; }
    double columnLabelLength() const { return m_columnLabelLength; }
    // Every how many rows/columns a label of this height (px) fits without overlapping.
    int labelStride(double textHeight) const;
    // Rectangle of a row label of the given text height, centered on the row.
    QRectF rowLabelRect(int row, double textHeight) const;
    // Rectangle a column label covers once rotated (width = text height, height = length).
    QRectF columnLabelRect(int column, double textHeight) const;
    QRectF rowStripRect(int row) const;
    QRectF columnStripRect(int column) const;

    // The π and time share columns: column 0 or 1, the full slot beside a row.
    QRectF barColumnRect(int column) const;
    QRectF barSlot(int column, int row) const;
    QRectF barHeaderRect(int column) const;
    QRectF legendRect() const { return m_legend; }

    Hit hitTest(QPointF point) const;
    // Rows (or columns) whose cells intersect [from, to) along the axis; clamped, may be empty.
    std::pair<int, int> visibleRows(double top, double bottom) const;
    std::pair<int, int> visibleColumns(double left, double right) const;

    // --- color scale ---
    // Viridis (perceptually uniform, lightness rising monotonically, readable in grey and with
    // color-vision deficiencies). t is clamped to [0, 1].
    static QColor heatColor(double t);
    // Cells without transitions: an achromatic light grey, far from the dark low end of the scale.
    // Cells without transitions: a grey apart from the heat scale and from the background,
    // lighter than it in the light theme, darker in the dark one.
    static QColor emptyColor(bool dark = false) { return dark ? QColor(0x38, 0x38, 0x3c) : QColor(0xea, 0xea, 0xea); }
    // Position of value on the scale: linear over [low, high], or logarithmic (log1p) for counts
    // and durations that span decades. A degenerate range maps every value to 1.
    static double scalePosition(double value, double low, double high, bool logarithmic);
    // CIE L* (0..100) of an sRGB color: what the monotonicity test and the legend rely on.
    static double lightness(const QColor &color);

private:
    void layout(double scale);

    Input m_input;
    double m_scale = 1;
    double m_cell = 0;
    double m_rowLabelWidth = 0;
    double m_columnLabelLength = 0;
    double m_barWidth = 0;
    QRectF m_matrix;
    QRectF m_header;
    QRectF m_legend;
};

} // namespace StateScope
