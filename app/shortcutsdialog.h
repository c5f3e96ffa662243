#pragma once

#include "menuactions.h"

#include <QDialog>
#include <QKeySequence>

class QMenuBar;
class QTreeWidget;

namespace StateScope {

// Help > Keyboard Shortcuts: every action of the menu bar that has a shortcut, grouped by
// menu in menu order, built from the actions themselves so the sheet cannot go stale.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString menu; // "File › Export"
        QString action; // "Open Database or Log…"
        QList<QKeySequence> shortcuts;
    };

    explicit ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent = nullptr);

    // The sheet's rows: actions with at least one shortcut, in menu order.
    static QList<Entry> entries(const QMenuBar *menuBar);
    // Key sequences that more than one of `actions` answers to (the same action listed twice
    // does not count), each as "Ctrl+O: Open…, Open Recent…". Empty when there is none.
    static QStringList conflicts(const QList<QAction *> &actions);

    QTreeWidget *tree() const { return m_tree; }

private:
    QTreeWidget *m_tree = nullptr;
};

} // namespace StateScope
