#include "commandpalette.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenuBar>
#include <QPointer>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace StateScope {

namespace {
constexpr int kPrefix = 3000;
constexpr int kWordStart = 2000;
constexpr int kSubsequence = 1000;
constexpr int kMaxRows = 12;

bool isWordStart(const QString &text, qsizetype i)
{
    return i == 0 || !text[i - 1].isLetterOrNumber();
}
} // namespace

CommandPalette::CommandPalette(QMenuBar *menuBar, QWidget *parent)
    : QFrame(parent, Qt::Popup | Qt::FramelessWindowHint)
    , m_menuBar(menuBar)
    , m_query(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Command palette"));
    m_query->setPlaceholderText(tr("Type a command…"));
    m_query->setAccessibleName(tr("Command"));
    m_query->setAccessibleDescription(tr("Type part of a command's name; Enter runs the first match"));
    m_query->setClearButtonEnabled(true);
    m_list->setAccessibleName(tr("Matching commands"));
    m_list->setColumnCount(3); // name, menu, shortcut
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->setFocusPolicy(Qt::NoFocus); // typing stays in the query; arrows move the list
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(m_query);
    layout->addWidget(m_list);
    m_query->installEventFilter(this);
    connect(m_query, &QLineEdit::textChanged, this, &CommandPalette::refilter);
    connect(m_query, &QLineEdit::returnPressed, this, [this] { activate(currentRow()); });
    connect(m_list, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { activate(m_list->indexOfTopLevelItem(item)); });
    connect(m_list, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem *item) { activate(m_list->indexOfTopLevelItem(item)); });
}

int CommandPalette::matchScore(const QString &query, const QString &text)
{
    const QString q = query.simplified().toCaseFolded();
    if (q.isEmpty())
        return 0;
    const QString t = text.toCaseFolded();
    // Shorter texts first within a kind: "Open…" before "Open Recent".
    const int shortness = std::max(0, 200 - int(t.size()));
    if (t.startsWith(q))
        return kPrefix + shortness;
    for (qsizetype i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + 1)) {
        if (isWordStart(t, i))
            return kWordStart + shortness;
    }
    // Scattered: each character in order, spaces in the query ignored; the fewer characters
    // skipped, and the more that start words, the better.
    qsizetype at = 0;
    int gaps = 0;
    int starts = 0;
    qsizetype last = -1;
    for (const QChar c : q) {
        if (c == QLatin1Char(' '))
            continue;
        const qsizetype found = t.indexOf(c, at);
        if (found < 0)
            return -1;
        if (last >= 0)
            gaps += int(found - last - 1);
        starts += isWordStart(t, found) ? 1 : 0;
        last = found;
        at = found + 1;
    }
    return std::max(1, kSubsequence - 4 * gaps + 20 * starts);
}

QList<MenuAction> CommandPalette::rank(const QList<MenuAction> &actions, const QString &query)
{
    std::vector<std::pair<int, qsizetype>> scored;
    for (qsizetype i = 0; i < actions.size(); ++i) {
        int score = matchScore(query, actions[i].text);
        if (score < 0) // "export pdf": the menu path counts too, below any match of the name
            score = std::min(matchScore(query, actions[i].pathText() + QLatin1Char(' ') + actions[i].text),
                             kSubsequence / 2);
        if (score >= 0)
            scored.emplace_back(score, i);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QList<MenuAction> ranked;
    for (const auto &[score, i] : scored)
        ranked.append(actions[i]);
    return ranked;
}

void CommandPalette::popup()
{
    m_all.clear();
    for (const MenuAction &a : MenuAction::collect(m_menuBar)) {
        if (a.action->isEnabled() && a.action->isVisible() && !a.text.isEmpty())
            m_all.append(a);
    }
    m_query->clear();
    refilter();
    QWidget *window = parentWidget() ? parentWidget()->window() : nullptr;
    const int width = window ? std::clamp(window->width() / 2, 360, 640) : 480;
    const int rowHeight = std::max(fontMetrics().height() + 8, 22);
    resize(width, m_query->sizeHint().height() + rowHeight * kMaxRows + 24);
    if (window)
        move(window->mapToGlobal(QPoint((window->width() - width) / 2, window->height() / 8)));
    show();
    raise();
    activateWindow();
    m_query->setFocus(Qt::PopupFocusReason);
}

void CommandPalette::refilter()
{
    m_shown = rank(m_all, m_query->text());
    m_list->clear();
    QColor muted = palette().color(QPalette::PlaceholderText);
    // Rows without an icon keep their text in line with those that have one.
    QPixmap blank(16, 16);
    blank.fill(Qt::transparent);
    const QIcon noIcon(blank);
    QList<QTreeWidgetItem *> items;
    for (const MenuAction &a : m_shown) {
        QString name = a.text;
        if (a.action->isCheckable())
            name += a.action->isChecked() ? tr(" (on)") : tr(" (off)");
        auto *item = new QTreeWidgetItem({name, a.pathText(), a.action->shortcut().toString(QKeySequence::NativeText)});
        item->setIcon(0, a.action->icon().isNull() ? noIcon : a.action->icon());
        item->setForeground(1, muted);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(0, a.action->toolTip());
        items.append(item);
    }
    m_list->addTopLevelItems(items);
    setCurrentRow(items.isEmpty() ? -1 : 0);
}

int CommandPalette::currentRow() const
{
    return m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
}

void CommandPalette::setCurrentRow(int row)
{
    QTreeWidgetItem *item = m_list->topLevelItem(row);
    m_list->setCurrentItem(item);
    if (item)
        m_list->scrollToItem(item);
}

void CommandPalette::activate(int row)
{
    if (row < 0 || row >= m_shown.size())
        return;
    QPointer<QAction> action = m_shown[row].action;
    hide();
    // After the popup has closed: the action may open a dialog of its own.
    QTimer::singleShot(0, this, [action] {
        if (action && action->isEnabled())
            action->trigger();
    });
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int count = m_list->topLevelItemCount();
        int row = currentRow();
        switch (key->key()) {
        case Qt::Key_Down:
            row = count ? (row + 1) % count : -1;
            break;
        case Qt::Key_Up:
            row = count ? (row - 1 + count) % count : -1;
            break;
        case Qt::Key_PageDown:
            row = std::min(count - 1, row + kMaxRows);
            break;
        case Qt::Key_PageUp:
            row = std::max(0, row - kMaxRows);
            break;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            return QFrame::eventFilter(watched, event);
        }
        setCurrentRow(row);
        return true;
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace StateScope
