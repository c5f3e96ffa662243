#pragma once

#include "analysisreport.h"
#include "matrixgeometry.h"

#include <QCoreApplication>
#include <QImage>
#include <QStringList>

#include <vector>

namespace StateScope {

class EdgeDwell;

// What the probability matrix shows, apart from where: the report's states and edges in report
// order, the optional mean dwell per edge, the value range of the current mode and the cells'
// colors as an n × n image (one pixel a cell). A value type without widgets; MatrixView keeps
// one and rebuilds it per report, which costs one pass over the edges.
class MatrixData final
{
    Q_DECLARE_TR_FUNCTIONS(StateScope::MatrixData)
public:
    enum class Mode { Probability, Count, MeanDwell };

    // Returns true when the state names (and so the labels) changed.
    bool setReport(const AnalysisReport &report);
    // Mean dwell per edge from a store walk (nullptr = unknown); matched by state name.
    void setDwell(const EdgeDwell *dwell);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // Values, range and colors for the current report, dwell and mode.
    void rebuild();
    // The color of cells without transitions (the theme's); rebuild() applies it.
    void setEmptyColor(const QColor &color) { m_emptyColor = color; }
    QColor emptyColor() const { return m_emptyColor; }

    int stateCount() const { return int(m_names.size()); }
    const QStringList &names() const { return m_names; }
    const std::vector<AnalysisReport::StateRow> &states() const { return m_states; }
    const std::vector<AnalysisReport::Edge> &edges() const { return m_edges; }
    int edgeIndex(int row, int column) const; // -1 = no transitions
    quint64 count(int row, int column) const;
    double probability(int row, int column) const;
    double meanDwellMs(int row, int column) const; // NaN when unknown
    double value(size_t edge) const; // the current mode's value; NaN = unknown
    double value(int row, int column) const; // NaN = empty or unknown
    double low() const { return m_low; }
    double high() const { return m_high; }
    bool logarithmic() const { return m_mode != Mode::Probability; }
    bool hasUnknownValues() const { return m_hasUnknown; } // cells with transitions but no value
    double steadyStateMax() const { return m_steadyMax; }
    double timeShareMax() const { return m_timeShareMax; }
    const QImage &cellImage() const { return m_cellImage; }
    QColor cellColor(int row, int column) const;

    // Text: a value as a cell shows it, from the widest form (level 0) to the narrowest
    // (kFormatLevels - 1); tooltips; the legend.
    static constexpr int kFormatLevels = 3;
    QString formatValue(double value, int level = 0) const;
    QString cellToolTip(int row, int column) const;
    QString stateToolTip(int state) const;
    QString legendTitle(bool haveStore) const;
    static QString percent(double share);

private:
    Mode m_mode = Mode::Probability;
    QStringList m_names;
    std::vector<AnalysisReport::StateRow> m_states;
    std::vector<AnalysisReport::Edge> m_edges; // sorted by (from, to)
    std::vector<double> m_edgeDwell; // per edge, NaN = unknown
    const EdgeDwell *m_dwell = nullptr;
    double m_low = 0;
    double m_high = 1;
    bool m_hasUnknown = false;
    double m_steadyMax = 0;
    double m_timeShareMax = 0;
    QImage m_cellImage;
    QColor m_emptyColor = MatrixGeometry::emptyColor();
};

} // namespace StateScope
