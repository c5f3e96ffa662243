#include "pdfcomposer.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPdfWriter>
#include <QWidget>

#include <algorithm>

namespace StateScope {

namespace {
const QColor kRule(0xb0, 0xb6, 0xbe);
const QColor kHeaderFill(0xe4, 0xe8, 0xee);
const QColor kStripe(0xf5, 0xf6, 0xf8);
const QColor kMuted(0x5a, 0x60, 0x68);

QFont sized(double points, bool bold = false)
{
    QFont f;
    f.setPointSizeF(points);
    f.setBold(bold);
    // No ligatures: text copied out of the PDF (or searched in it) reads "fl", not "ﬂ".
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}
} // namespace

PdfComposer::PdfComposer(QPdfWriter &writer, const QString &footer)
    : m_writer(writer)
    , m_footer(footer)
    , m_body(sized(9))
    , m_small(sized(7.5))
    , m_bold(sized(7.5, true))
    , m_heading(sized(13, true))
    , m_title(sized(19, true))
{
    if (!m_painter.begin(&m_writer))
        return;
    const QRect area = m_writer.pageLayout().paintRectPixels(m_writer.resolution());
    m_width = area.width();
    m_height = area.height() - 2.2 * lineHeight(m_small); // the footer's band
    m_gap = lineHeight(m_body) * 0.8;
}

PdfComposer::~PdfComposer()
{
    if (m_painter.isActive())
        m_painter.end();
}

double PdfComposer::lineHeight(const QFont &font) const
{
    return QFontMetricsF(font, &m_writer).height();
}

void PdfComposer::ensureSpace(double height)
{
    if (m_y > 0 && m_y + height > m_height)
        newPage();
}

void PdfComposer::newPage()
{
    drawFooter();
    m_writer.newPage();
    ++m_page;
    m_y = 0;
}

void PdfComposer::drawFooter()
{
    const double h = lineHeight(m_small);
    const QRectF band(0, m_height + h, m_width, h);
    m_painter.setPen(kRule);
    m_painter.drawLine(QPointF(0, band.top() - h * 0.4), QPointF(m_width, band.top() - h * 0.4));
    m_painter.setFont(m_small);
    m_painter.setPen(kMuted);
    const QString page = QCoreApplication::translate("StateScope::ReportPdf", "page %1").arg(m_page);
    const double pageWidth = QFontMetricsF(m_small, &m_writer).horizontalAdvance(page) + h;
    m_painter.drawText(band.adjusted(0, 0, -pageWidth, 0), Qt::AlignLeft | Qt::AlignVCenter,
                       QFontMetricsF(m_small, &m_writer).elidedText(m_footer, Qt::ElideMiddle, m_width - pageWidth));
    m_painter.drawText(band, Qt::AlignRight | Qt::AlignVCenter, page);
}

void PdfComposer::title(const QString &text)
{
    m_painter.setFont(m_title);
    m_painter.setPen(Qt::black);
    const double h = lineHeight(m_title);
    m_painter.drawText(QRectF(0, m_y, m_width, h), Qt::AlignLeft | Qt::AlignVCenter, text);
    m_y += h * 1.3;
}

void PdfComposer::heading(const QString &text)
{
    const double h = lineHeight(m_heading);
    // A heading never ends a page: it keeps a few lines of what follows with it.
    ensureSpace(h * 1.6 + 4 * lineHeight(m_small) * 1.4);
    if (m_y > 0)
        m_y += m_gap;
    m_painter.setFont(m_heading);
    m_painter.setPen(Qt::black);
    m_painter.drawText(QRectF(0, m_y, m_width, h), Qt::AlignLeft | Qt::AlignVCenter, text);
    m_y += h * 1.05;
    m_painter.setPen(QPen(kRule, h * 0.05));
    m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
    m_y += h * 0.4;
}

void PdfComposer::paragraph(const QString &text, bool muted)
{
    m_painter.setFont(m_body);
    m_painter.setPen(muted ? kMuted : QColor(Qt::black));
    const QRectF bounds = m_painter.boundingRect(QRectF(0, 0, m_width, 1e6), Qt::TextWordWrap, text);
    ensureSpace(bounds.height());
    m_painter.drawText(QRectF(0, m_y, m_width, bounds.height()), Qt::TextWordWrap, text);
    m_y += bounds.height() + m_gap * 0.5;
}

void PdfComposer::facts(const std::vector<std::pair<QString, QString>> &rows)
{
    const double h = lineHeight(m_body) * 1.25;
    const double keyWidth = m_width * 0.28;
    const QFontMetricsF metrics(m_body, &m_writer);
    for (const auto &[key, value] : rows) {
        ensureSpace(h);
        m_painter.setFont(m_body);
        m_painter.setPen(kMuted);
        m_painter.drawText(QRectF(0, m_y, keyWidth, h), Qt::AlignLeft | Qt::AlignVCenter, key);
        m_painter.setPen(Qt::black);
        m_painter.drawText(QRectF(keyWidth, m_y, m_width - keyWidth, h), Qt::AlignLeft | Qt::AlignVCenter,
                           metrics.elidedText(value, Qt::ElideMiddle, m_width - keyWidth));
        m_y += h;
    }
    m_y += m_gap * 0.5;
}

void PdfComposer::figure(QWidget &view, const QString &caption, double maxHeightShare)
{
    const QSize size = view.size();
    if (size.width() < 40 || size.height() < 40) {
        paragraph(QCoreApplication::translate("StateScope::ReportPdf", "%1: not shown in the window, so not drawn.").arg(caption), true);
        return;
    }
    const double captionHeight = lineHeight(m_small) * 1.4;
    const double scale = std::min(m_width / size.width(), m_height * maxHeightShare / size.height());
    const QSizeF drawn = QSizeF(size) * scale;
    ensureSpace(drawn.height() + captionHeight);
    const QPointF origin((m_width - drawn.width()) / 2, m_y);
    m_painter.save();
    m_painter.translate(origin);
    m_painter.scale(scale, scale);
    m_painter.setClipRect(QRect(QPoint(0, 0), size)); // a view draws past its edges at times
    // The view paints itself through this painter: lines and text stay vectors in the PDF.
    view.render(&m_painter, QPoint(), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
    m_painter.restore();
    m_painter.setPen(QPen(kRule, 0));
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawRect(QRectF(origin, drawn));
    m_y += drawn.height();
    m_painter.setFont(m_small);
    m_painter.setPen(kMuted);
    m_painter.drawText(QRectF(0, m_y, m_width, captionHeight), Qt::AlignHCenter | Qt::AlignVCenter, caption);
    m_y += captionHeight + m_gap * 0.5;
}

void PdfComposer::tableHeader(const std::vector<Column> &columns, const std::vector<double> &x, double rowHeight)
{
    const double pad = rowHeight * 0.15;
    m_painter.fillRect(QRectF(0, m_y, m_width, rowHeight), kHeaderFill);
    m_painter.setFont(m_bold);
    m_painter.setPen(Qt::black);
    const QFontMetricsF metrics(m_bold, &m_writer);
    for (size_t c = 0; c < columns.size(); ++c) {
        const QRectF cell(x[c] + pad, m_y, x[c + 1] - x[c] - 2 * pad, rowHeight);
        m_painter.drawText(cell, (columns[c].numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                           metrics.elidedText(columns[c].title, Qt::ElideRight, cell.width()));
    }
    m_y += rowHeight;
}

// Columns as wide as their widest text where that fits, and the page width left over given
// out by weight.
std::vector<double> PdfComposer::columnWidths(const std::vector<Column> &columns, const std::vector<QStringList> &rows,
                                              double padding) const
{
    const QFontMetricsF header(m_bold, &m_writer);
    const QFontMetricsF cells(m_small, &m_writer);
    std::vector<double> natural(columns.size());
    for (size_t c = 0; c < columns.size(); ++c) {
        natural[c] = header.horizontalAdvance(columns[c].title);
        for (size_t r = 0; r < rows.size() && r < 500; ++r) {
            if (c < size_t(rows[r].size()))
                natural[c] = std::max(natural[c], cells.horizontalAdvance(rows[r][qsizetype(c)]));
        }
        natural[c] += padding * 1.5;
    }
    double total = 0, needed = 0;
    for (size_t c = 0; c < columns.size(); ++c) {
        total += columns[c].weight;
        needed += natural[c];
    }
    std::vector<double> widths(columns.size());
    if (needed <= m_width) {
        for (size_t c = 0; c < columns.size(); ++c)
            widths[c] = natural[c] + (m_width - needed) * columns[c].weight / total;
        return widths;
    }
    // Too wide: the heaviest column (the free text) gives way, the others keep their text.
    const size_t flex = size_t(std::max_element(columns.begin(), columns.end(), [](const Column &a, const Column &b) {
                                    return a.weight < b.weight;
                                }) - columns.begin());
    double others = 0;
    for (size_t c = 0; c < columns.size(); ++c) {
        if (c != flex)
            others += (widths[c] = std::min(natural[c], m_width * 0.3));
    }
    widths[flex] = m_width - others;
    if (widths[flex] < m_width * 0.2) { // no room for that: by weight
        for (size_t c = 0; c < columns.size(); ++c)
            widths[c] = m_width * columns[c].weight / total;
    }
    return widths;
}

void PdfComposer::table(const std::vector<Column> &columns, const std::vector<QStringList> &rows, const QString &emptyText)
{
    if (rows.empty()) {
        if (!emptyText.isEmpty())
            paragraph(emptyText, true);
        return;
    }
    const double rowHeight = lineHeight(m_small) * 1.4;
    const double pad = rowHeight * 0.15;
    const QFontMetricsF metrics(m_small, &m_writer);
    const std::vector<double> widths = columnWidths(columns, rows, 2 * pad);
    std::vector<double> x{0};
    for (double w : widths)
        x.push_back(x.back() + w);
    ensureSpace(rowHeight * 3);
    tableHeader(columns, x, rowHeight);
    for (size_t r = 0; r < rows.size(); ++r) {
        if (m_y + rowHeight > m_height) { // continues on the next page, under its header again
            newPage();
            tableHeader(columns, x, rowHeight);
        }
        if (r % 2 == 1)
            m_painter.fillRect(QRectF(0, m_y, m_width, rowHeight), kStripe);
        m_painter.setFont(m_small);
        m_painter.setPen(Qt::black);
        for (size_t c = 0; c < columns.size() && c < size_t(rows[r].size()); ++c) {
            const QRectF cell(x[c] + pad, m_y, x[c + 1] - x[c] - 2 * pad, rowHeight);
            m_painter.drawText(cell, (columns[c].numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                               metrics.elidedText(rows[r][qsizetype(c)], columns[c].elide, cell.width()));
        }
        m_y += rowHeight;
    }
    m_painter.setPen(QPen(kRule, 0));
    m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
    m_y += m_gap;
}

bool PdfComposer::finish()
{
    if (!m_painter.isActive())
        return false;
    drawFooter();
    return m_painter.end();
}

} // namespace StateScope
