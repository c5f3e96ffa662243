#pragma once

#include "menuactions.h"

#include <QFrame>

class QLineEdit;
class QMenuBar;
class QTreeWidget;

namespace StateScope {

// Ctrl+K: every enabled action of the menu bar in a frameless popup, filtered as one types.
// Arrow keys move, Enter runs the action, Esc closes. The list is read from the menus each
// time it opens, so it is never out of date.
class CommandPalette final : public QFrame
{
    Q_OBJECT
public:
    explicit CommandPalette(QMenuBar *menuBar, QWidget *parent);

    // How well `query` matches `text`, case-insensitively: below 0 no match; otherwise
    // higher is better, and a prefix beats a match at a word start, which beats a scattered
    // subsequence (tighter ones first). An empty query matches everything with 0.
    static int matchScore(const QString &query, const QString &text);
    // The actions matching `query`, best first (menu order among equals).
    static QList<MenuAction> rank(const QList<MenuAction> &actions, const QString &query);

    // Shows the palette over the top of its parent window, with an empty query.
    void popup();
    QLineEdit *queryEdit() const { return m_query; }
    // The list: a row per action with its name, menu and shortcut.
    QTreeWidget *resultList() const { return m_list; }
    int currentRow() const;
    // The actions listed now, in order.
    const QList<MenuAction> &shown() const { return m_shown; }
    // Closes the palette and triggers the action in row `row`.
    void activate(int row);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();
    void setCurrentRow(int row);

    QMenuBar *m_menuBar = nullptr;
    QLineEdit *m_query = nullptr;
    QTreeWidget *m_list = nullptr;
    QList<MenuAction> m_all;
    QList<MenuAction> m_shown;
};

} // namespace StateScope
