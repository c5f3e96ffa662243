#include "menuactions.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>

namespace StateScope {

namespace {
void walk(const QMenu *menu, const QStringList &path, QList<MenuAction> &out)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (QMenu *sub = action->menu()) {
            walk(sub, path + QStringList {MenuAction::plainText(sub->title())}, out);
            continue;
        }
        out.append({action, path, MenuAction::plainText(action->text())});
    }
}
} // namespace

QString MenuAction::pathText() const
{
    return menuPath.join(QStringLiteral(" › "));
}

QString MenuAction::plainText(const QString &label)
{
    QString text;
    text.reserve(label.size());
    for (qsizetype i = 0; i < label.size(); ++i) {
        if (label[i] == QLatin1Char('&') && i + 1 < label.size()) {
            ++i; // "&&" is a literal ampersand; "&x" marks x
        }
        text += label[i];
    }
    return text;
}

QList<MenuAction> MenuAction::collect(const QMenuBar *menuBar)
{
    QList<MenuAction> actions;
    for (QAction *top : menuBar->actions()) {
        if (QMenu *menu = top->menu())
            walk(menu, {plainText(menu->title())}, actions);
    }
    return actions;
}

} // namespace StateScope
