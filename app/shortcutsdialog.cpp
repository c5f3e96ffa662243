#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace StateScope {

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    setObjectName(QStringLiteral("shortcutsDialog"));
    auto *intro = new QLabel(tr("Every command is also in the command palette (%1), shortcut or not.")
                                 .arg(QKeySequence(Qt::CTRL | Qt::Key_K).toString(QKeySequence::NativeText)),
                             this);
    intro->setWordWrap(true);
    m_tree->setAccessibleName(tr("Keyboard shortcuts"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Command"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    // One group per menu, in the order the menus come (a menu's entries after a submenu of
    // its own join the ones before it).
    QHash<QString, QTreeWidgetItem *> groups;
    for (const Entry &e : entries(menuBar)) {
        QTreeWidgetItem *&group = groups[e.menu];
        if (!group) {
            group = new QTreeWidgetItem(m_tree, {e.menu});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled);
        }
        QStringList keys;
        for (const QKeySequence &k : e.shortcuts)
            keys.append(k.toString(QKeySequence::NativeText));
        new QTreeWidgetItem(group, {e.action, keys.join(tr(" or "))});
    }
    m_tree->expandAll();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(520, 560);
}

QList<ShortcutsDialog::Entry> ShortcutsDialog::entries(const QMenuBar *menuBar)
{
    QList<Entry> rows;
    for (const MenuAction &a : MenuAction::collect(menuBar)) {
        QList<QKeySequence> keys;
        for (const QKeySequence &k : a.action->shortcuts())
            if (!k.isEmpty())
                keys.append(k);
        if (!keys.isEmpty())
            rows.append({a.pathText(), a.text, keys});
    }
    return rows;
}

QStringList ShortcutsDialog::conflicts(const QList<QAction *> &actions)
{
    QMap<QString, QList<QAction *>> byKey;
    for (QAction *action : QSet<QAction *>(actions.cbegin(), actions.cend())) {
        for (const QKeySequence &k : action->shortcuts())
            if (!k.isEmpty())
                byKey[k.toString(QKeySequence::PortableText)].append(action);
    }
    QStringList found;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        if (it.value().size() < 2)
            continue;
        QStringList names;
        for (QAction *a : it.value())
            names.append(MenuAction::plainText(a->text()));
        names.sort();
        found.append(it.key() + QStringLiteral(": ") + names.join(QStringLiteral(", ")));
    }
    return found;
}

} // namespace StateScope
