#pragma once

#include <QFont>
#include <QPainter>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

class QPdfWriter;
class QWidget;

namespace StateScope {

// Lays out a multi-page document top to bottom on a QPdfWriter: headings, text, key/value
// facts, views drawn as vector graphics, and tables that continue on the next page with their
// header repeated. Every page gets a footer with its number. Units are the writer's pixels.
class PdfComposer final
{
public:
    struct Column
    {
        QString title;
        double weight = 1; // share of the page width
        bool numeric = false; // right-aligned
        Qt::TextElideMode elide = Qt::ElideRight; // a cell too long for its column
    };

    // footer: the text left of the page number on every page.
    PdfComposer(QPdfWriter &writer, const QString &footer);
    ~PdfComposer();
    bool isActive() const { return m_painter.isActive(); }

    void title(const QString &text);
    void heading(const QString &text);
    void paragraph(const QString &text, bool muted = false);
    void facts(const std::vector<std::pair<QString, QString>> &rows);
    // The view as it paints itself, scaled to the page width (aspect kept) but at most
    // maxHeightShare of the page's height; skipped with a line of text when it has no size.
    void figure(QWidget &view, const QString &caption, double maxHeightShare);
    // emptyText is printed instead when there are no rows.
    void table(const std::vector<Column> &columns, const std::vector<QStringList> &rows, const QString &emptyText = {});
    void newPage();
    // Ends the document; false when the painter could not write it.
    bool finish();
    int pageCount() const { return m_page; }

private:
    double lineHeight(const QFont &font) const;
    void ensureSpace(double height);
    void drawFooter();
    std::vector<double> columnWidths(const std::vector<Column> &columns, const std::vector<QStringList> &rows,
                                     double padding) const;
    void tableHeader(const std::vector<Column> &columns, const std::vector<double> &x, double rowHeight);

    QPdfWriter &m_writer;
    QPainter m_painter;
    QString m_footer;
    double m_width = 0;
    double m_height = 0; // of the text area, above the footer
    double m_y = 0;
    double m_gap = 0; // between blocks
    int m_page = 1;
    QFont m_body, m_small, m_bold, m_heading, m_title;
};

} // namespace StateScope
