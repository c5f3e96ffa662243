#pragma once

#include "analysisreport.h"
#include "edgedwell.h"
#include "matrixdata.h"
#include "matrixgeometry.h"
#include "selection.h"

#include <QElapsedTimer>
#include <QFont>
#include <QImage>
#include <QLinearGradient>
#include <QStaticText>
#include <QWidget>

#include <vector>

class QTimer;

namespace StateScope {

class EventStore;

// The probability matrix (SPEC 7): a heat map of P, of the transition counts or of the mean
// dwell per edge, rows = from and columns = to in the report's state order, with the
// steady-state and time-share vectors as bars beside the rows. Custom painted: the cells are
// one cached image scaled up, labels are cached static texts, so a live report (about 25 a
// second) costs a pass over its edges and a repaint. Layout lives in MatrixGeometry.
class MatrixView final : public QWidget
{
    Q_OBJECT
public:
    using Mode = MatrixData::Mode; // Probability, Count, MeanDwell

    explicit MatrixView(QWidget *parent = nullptr);
    ~MatrixView() override;

    // States in report order are the rows and columns; call per report (live: ~25 a second).
    void setReport(const AnalysisReport &report);
    // Optional: the store behind the report, for the mean dwell mode (with the report's
    // selection, so both cover the same transitions). Read on the GUI thread only while that
    // mode is shown and the store grew, at most once a second; the owner calls
    // setStore(nullptr) before destroying the store, and again after replacing its contents.
    void setStore(const EventStore *store, const Selection &selection = Selection());
    void setMode(Mode mode);
    Mode mode() const { return m_data.mode(); }

    // What the view shows (tests, accessibility). Cells are (row = from, column = to).
    const MatrixData &data() const { return m_data; }
    const MatrixGeometry &geometry() const { return m_geometry; }
    QString cellText(int row, int column) const; // drawn in the cell; empty when it does not fit
    QString toolTipAt(QPoint pos) const;
    struct Label
    {
        int state = 0;
        QString text; // elided
        QRectF rect; // what the drawn text covers; for column labels the rotated text's bounds
    };
    const std::vector<Label> &rowLabels() const { return m_rowLabels; }
    const std::vector<Label> &columnLabels() const { return m_columnLabels; }
    double labelHeight() const { return m_labelHeight; }
    int labelStride() const { return m_stride; }

    QSize sizeHint() const override { return {900, 700}; }
    QSize minimumSizeHint() const override { return {260, 220}; }

Q_SIGNALS:
    // A left click on a cell that has transitions.
    void cellActivated(const QString &from, const QString &to);
    void modeChanged(StateScope::MatrixData::Mode mode);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void relayout(); // geometry and labels: on resize, font change, new state names
    void rebuildCells(); // colors and texts: on a new report, mode or dwell
    void rebuildTexts();
    void refreshDwell(bool force);
    bool dwellIsCurrent() const;
    void paintCells(QPainter &painter);
    void paintLabels(QPainter &painter);
    void paintBars(QPainter &painter);
    void paintLegend(QPainter &painter);

    MatrixData m_data;
    const EventStore *m_store = nullptr;
    Selection m_selection;
    EdgeDwell m_dwell;
    bool m_dwellValid = false;
    QElapsedTimer m_dwellClock;
    QTimer *m_dwellTimer = nullptr;

    MatrixGeometry m_geometry;
    QFont m_labelFont;
    QFont m_cellFont;
    double m_labelHeight = 0;
    int m_stride = 1;
    std::vector<Label> m_rowLabels;
    std::vector<Label> m_columnLabels;
    std::vector<QStaticText> m_rowStatic;
    std::vector<QStaticText> m_columnStatic;
    QImage m_rowStrip; // state colors, 1 × n, scaled like the cells
    QImage m_columnStrip; // n × 1
    std::vector<QColor> m_stateColors;
    struct CellText
    {
        int row = 0;
        int column = 0;
        QString text;
        QColor color;
    };
    std::vector<CellText> m_cellTexts;
    std::vector<QString> m_steadyTexts;
    std::vector<QString> m_timeShareTexts;
    double m_numberWidth = 0;
    QLinearGradient m_legendGradient;
    MatrixGeometry::Hit m_hover;
};

} // namespace StateScope
