#pragma once

#include <QList>
#include <QStringList>

class QAction;
class QMenuBar;

namespace StateScope {

// The actions a menu bar offers, in menu order, with the menus that lead to them: what the
// command palette searches and the shortcut sheet lists, read from the live menus so that
// neither can go stale.
struct MenuAction
{
    QAction *action = nullptr;
    QStringList menuPath; // "File", "Export" (mnemonics removed)
    QString text; // the action's text without mnemonics

    // "File › Export"
    QString pathText() const;
    // Readable text of a menu or action label: "&Open…" -> "Open…", "&&" -> "&".
    static QString plainText(const QString &label);
    // Every action of the menus, recursively; separators and submenu entries left out.
    static QList<MenuAction> collect(const QMenuBar *menuBar);
};

} // namespace StateScope
