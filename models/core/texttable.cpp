#include "texttable.h"

#include <algorithm>

namespace StateScope {

TextTable::TextTable(QStringList headers, QList<bool> rightAligned)
    : m_headers(std::move(headers))
    , m_right(std::move(rightAligned))
{
    while (m_right.size() < m_headers.size())
        m_right.append(false);
}

void TextTable::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells.append(QString());
    m_rows.push_back(std::move(cells));
}

QString TextTable::render(const QString &indent) const
{
    QList<int> width;
    for (const QString &h : m_headers)
        width.append(int(h.size()));
    for (const QStringList &row : m_rows) {
        for (int c = 0; c < m_headers.size(); ++c)
            width[c] = std::max(width[c], int(row[c].size()));
    }
    auto line = [&](const QStringList &cells) -> QString {
        QString out = indent;
        for (int c = 0; c < m_headers.size(); ++c) {
            if (c > 0)
                out += QStringLiteral("  ");
            const bool last = c + 1 == m_headers.size();
            if (m_right[c])
                out += cells[c].rightJustified(width[c]);
            else
                out += last ? cells[c] : cells[c].leftJustified(width[c]);
        }
        while (out.endsWith(QLatin1Char(' ')))
            out.chop(1);
        return out + QLatin1Char('\n');
    };
    QString out = line(m_headers);
    QStringList rule;
    for (int w : width)
        rule.append(QString(w, QLatin1Char('-')));
    out += line(rule);
    for (const QStringList &row : m_rows)
        out += line(row);
    return out;
}

} // namespace StateScope
