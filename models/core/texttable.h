#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace StateScope {

// A plain-text table with aligned columns, for terminal reports. Numeric-looking columns are
// right-aligned. Width is measured in QChars, which is right for the names reports contain.
class TextTable final
{
public:
    explicit TextTable(QStringList headers, QList<bool> rightAligned = {});
    void addRow(QStringList cells);
    bool isEmpty() const { return m_rows.empty(); }
    QString render(const QString &indent = QStringLiteral("  ")) const;

private:
    QStringList m_headers;
    QList<bool> m_right;
    std::vector<QStringList> m_rows;
};

} // namespace StateScope
