// The command palette and the shortcut sheet, on the real window's menus: matching and
// ranking, running an action from the palette, the sheet listing every shortcut, and no two
// actions answering to the same keys.
#include "commandpalette.h"
#include "mainwindow.h"
#include "menuactions.h"
#include "shortcutsdialog.h"

#include <QAction>
#include <QLineEdit>
#include <QMenuBar>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace StateScope;

class TestCommandPalette : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void matchScoreRanksPrefixWordStartSubsequence();
    void rankOrdersBestFirst();
    void paletteListsEnabledMenuActions();
    void typingFiltersAndEnterTriggers();
    void escapeCloses();
    void frequentActionsHaveShortcuts();
    void shortcutSheetListsEveryShortcut();
    void noTwoActionsShareAShortcut();
    void conflictCheckFindsAConflict();

private:
    // The action of the menus with this text (and, when given, this menu path "View › Go to Pane").
    static QAction *actionNamed(MainWindow &window, const QString &text, const QString &path = {});
};

void TestCommandPalette::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

QAction *TestCommandPalette::actionNamed(MainWindow &window, const QString &text, const QString &path)
{
    for (const MenuAction &a : MenuAction::collect(window.menuBar()))
        if (a.text == text && (path.isEmpty() || a.pathText() == path))
            return a.action;
    return nullptr;
}

void TestCommandPalette::matchScoreRanksPrefixWordStartSubsequence()
{
    const QString text = QStringLiteral("Export Report as PDF…");
    const int prefix = CommandPalette::matchScore(QStringLiteral("exp"), text);
    const int wordStart = CommandPalette::matchScore(QStringLiteral("rep"), text);
    const int subsequence = CommandPalette::matchScore(QStringLiteral("erpdf"), text);
    QVERIFY(prefix > wordStart);
    QVERIFY(wordStart > subsequence);
    QVERIFY(subsequence > 0);
    QCOMPARE(CommandPalette::matchScore(QStringLiteral("EXPORT"), text),
             CommandPalette::matchScore(QStringLiteral("export"), text));
    QVERIFY(CommandPalette::matchScore(QStringLiteral("xyz"), text) < 0);
    QVERIFY(CommandPalette::matchScore(QStringLiteral("pdf export"), text) < 0); // order matters
    QCOMPARE(CommandPalette::matchScore(QString(), text), 0);
    // Inside a word is not a word start: "port" in "Export" ranks below "Report" at a start.
    QVERIFY(CommandPalette::matchScore(QStringLiteral("port"), QStringLiteral("Import")) < wordStart);
    // Tighter scattered matches first.
    QVERIFY(CommandPalette::matchScore(QStringLiteral("fv"), QStringLiteral("Fit View"))
            > CommandPalette::matchScore(QStringLiteral("fv"), QStringLiteral("Follow the live events View")));
}

void TestCommandPalette::rankOrdersBestFirst()
{
    QAction a(QStringLiteral("Zoom In")), b(QStringLiteral("Open Recent")), c(QStringLiteral("Reopen")),
        d(QStringLiteral("Close All Sources"));
    const QList<MenuAction> actions {{&a, {QStringLiteral("View")}, QStringLiteral("Zoom In")},
                                     {&b, {QStringLiteral("File")}, QStringLiteral("Open Recent")},
                                     {&c, {QStringLiteral("File")}, QStringLiteral("Reopen")},
                                     {&d, {QStringLiteral("File")}, QStringLiteral("Close All Sources")}};
    const QList<MenuAction> ranked = CommandPalette::rank(actions, QStringLiteral("open"));
    QCOMPARE(ranked.size(), 2); // neither "Zoom In" nor "Close All Sources" has o, p, e, n in order
    QCOMPARE(ranked[0].text, QStringLiteral("Open Recent"));
    QCOMPARE(ranked[1].text, QStringLiteral("Reopen"));
    // The menu path counts when the name alone does not match, below name matches.
    const QList<MenuAction> byMenu = CommandPalette::rank(actions, QStringLiteral("view zoom"));
    QCOMPARE(byMenu.size(), 1);
    QCOMPARE(byMenu[0].text, QStringLiteral("Zoom In"));
    QCOMPARE(CommandPalette::rank(actions, QString()).size(), 4);
}

void TestCommandPalette::paletteListsEnabledMenuActions()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showCommandPalette();
    CommandPalette *palette = window.commandPalette();
    QVERIFY(palette && palette->isVisible());
    QStringList texts;
    for (const MenuAction &a : palette->shown()) {
        QVERIFY2(a.action->isEnabled(), qPrintable(a.text));
        texts.append(a.text);
    }
    for (const char *expected : {"Open Database or Log…", "Preferences…", "Keyboard Shortcuts", "Zoom In", "Timeline",
                                 "Report as PDF…", "Dark"})
        QVERIFY2(texts.contains(QString::fromUtf8(expected)), expected);
    // Reload is disabled without an open source: not offered.
    QVERIFY(!texts.contains(QStringLiteral("Reload")));
    QCOMPARE(palette->resultList()->topLevelItemCount(), palette->shown().size());
    QCOMPARE(palette->resultList()->topLevelItem(0)->text(0), palette->shown().first().text);
    // Each row: the name, its menu, its shortcut.
    for (int row = 0; row < palette->shown().size(); ++row) {
        const MenuAction &a = palette->shown()[row];
        if (a.text == QStringLiteral("Command Palette…")) {
            QCOMPARE(palette->resultList()->topLevelItem(row)->text(1), QStringLiteral("Edit"));
            QCOMPARE(palette->resultList()->topLevelItem(row)->text(2),
                     QKeySequence(Qt::CTRL | Qt::Key_K).toString(QKeySequence::NativeText));
        }
    }
}

void TestCommandPalette::typingFiltersAndEnterTriggers()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *shortcuts = actionNamed(window, QStringLiteral("Keyboard Shortcuts"));
    QVERIFY(shortcuts);
    QSignalSpy triggered(shortcuts, &QAction::triggered);
    // Ctrl+K opens it, as the menu says.
    QAction *open = actionNamed(window, QStringLiteral("Command Palette…"));
    QVERIFY(open);
    QCOMPARE(open->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
    open->trigger();
    CommandPalette *palette = window.commandPalette();
    QVERIFY(palette && palette->isVisible());
    QTest::keyClicks(palette->queryEdit(), QStringLiteral("keyb"));
    QVERIFY(!palette->shown().isEmpty());
    QCOMPARE(palette->shown().first().action, shortcuts);
    // Arrow keys move; Enter runs the current one.
    QTest::keyClicks(palette->queryEdit(), QString()); // no-op
    palette->queryEdit()->clear();
    QTest::keyClicks(palette->queryEdit(), QStringLiteral("o"));
    const int matches = palette->resultList()->topLevelItemCount();
    QVERIFY(matches > 2);
    QTest::keyClick(palette->queryEdit(), Qt::Key_Down);
    QCOMPARE(palette->currentRow(), 1);
    QTest::keyClick(palette->queryEdit(), Qt::Key_Up);
    QCOMPARE(palette->currentRow(), 0);
    QTest::keyClick(palette->queryEdit(), Qt::Key_Up); // wraps around
    QCOMPARE(palette->currentRow(), matches - 1);
    palette->queryEdit()->clear();
    QTest::keyClicks(palette->queryEdit(), QStringLiteral("Keyboard Shortcuts"));
    QTest::keyClick(palette->queryEdit(), Qt::Key_Return);
    QVERIFY(!palette->isVisible());
    QTRY_COMPARE(triggered.size(), 1);
    // The sheet it opens.
    QTRY_VERIFY(window.findChild<ShortcutsDialog *>());
}

void TestCommandPalette::escapeCloses()
{
    MainWindow window;
    window.show();
    window.showCommandPalette();
    QVERIFY(window.commandPalette()->isVisible());
    QTest::keyClick(window.commandPalette()->queryEdit(), Qt::Key_Escape);
    QVERIFY(!window.commandPalette()->isVisible());
}

void TestCommandPalette::frequentActionsHaveShortcuts()
{
    MainWindow window;
    const QString goTo = QStringLiteral("View › Go to Pane");
    const std::tuple<const char *, QKeySequence, QString> expected[] = {
        {"Open Database or Log…", QKeySequence(QKeySequence::Open), QString()},
        {"Connect to Feed…", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), QString()},
        {"Reload", QKeySequence(QKeySequence::Refresh), QString()},
        {"Close All Sources", QKeySequence(QKeySequence::Close), QString()},
        {"Current View as Image…", QKeySequence(Qt::CTRL | Qt::Key_E), QString()},
        {"Report as PDF…", QKeySequence(QKeySequence::Print), QString()},
        {"Follow Live", QKeySequence(Qt::Key_F), QString()},
        {"Zoom In", QKeySequence(QKeySequence::ZoomIn), QString()},
        {"Zoom Out", QKeySequence(QKeySequence::ZoomOut), QString()},
        {"Fit to View", QKeySequence(Qt::CTRL | Qt::Key_0), QString()},
        {"State Diagram", QKeySequence(Qt::CTRL | Qt::Key_1), goTo},
        {"Sources", QKeySequence(Qt::CTRL | Qt::Key_2), goTo},
        {"Analytics", QKeySequence(Qt::CTRL | Qt::Key_7), goTo},
        {"Find Execution…", QKeySequence(QKeySequence::Find), QString()},
        {"Recover Selected Checkpoint…", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), QString()},
        {"Preferences…", QKeySequence(Qt::CTRL | Qt::Key_Comma), QString()},
        {"Command Palette…", QKeySequence(Qt::CTRL | Qt::Key_K), QString()},
        {"Keyboard Shortcuts", QKeySequence(QKeySequence::HelpContents), QString()},
    };
    for (const auto &[text, keys, path] : expected) {
        QAction *a = actionNamed(window, QString::fromUtf8(text), path);
        QVERIFY2(a, text);
        QVERIFY2(!keys.isEmpty(), text);
        QVERIFY2(a->shortcut() == keys,
                 qPrintable(QStringLiteral("%1: %2").arg(QString::fromUtf8(text), a->shortcut().toString())));
    }
    QAction *fullScreen = actionNamed(window, QStringLiteral("Full Screen"));
    QVERIFY(fullScreen && fullScreen->shortcuts().contains(QKeySequence(Qt::Key_F11)));
}

void TestCommandPalette::shortcutSheetListsEveryShortcut()
{
    MainWindow window;
    const QList<ShortcutsDialog::Entry> entries = ShortcutsDialog::entries(window.menuBar());
    ShortcutsDialog sheet(window.menuBar());
    QStringList rows; // "Menu|Action|Keys" as the sheet shows them
    for (int g = 0; g < sheet.tree()->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = sheet.tree()->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            rows.append(group->text(0) + QLatin1Char('|') + group->child(i)->text(0) + QLatin1Char('|')
                        + group->child(i)->text(1));
    }
    QCOMPARE(rows.size(), entries.size());
    // Every action of the menus with a shortcut is on the sheet, under its menu, with its keys.
    int withShortcut = 0;
    for (const MenuAction &a : MenuAction::collect(window.menuBar())) {
        if (a.action->shortcut().isEmpty())
            continue;
        ++withShortcut;
        const QString keys = a.action->shortcut().toString(QKeySequence::NativeText);
        const bool listed = std::any_of(rows.cbegin(), rows.cend(), [&](const QString &row) {
            return row.startsWith(a.pathText() + QLatin1Char('|') + a.text + QLatin1Char('|')) && row.contains(keys);
        });
        QVERIFY2(listed, qPrintable(a.pathText() + QStringLiteral(" › ") + a.text + QStringLiteral(" ") + keys));
    }
    QCOMPARE(withShortcut, entries.size());
    QVERIFY(withShortcut >= 20);
    // One group per menu, in menu order: File first, Help last.
    QSet<QString> groups;
    for (int g = 0; g < sheet.tree()->topLevelItemCount(); ++g)
        groups.insert(sheet.tree()->topLevelItem(g)->text(0));
    QCOMPARE(groups.size(), sheet.tree()->topLevelItemCount());
    QVERIFY(sheet.tree()->topLevelItem(0)->text(0).startsWith(QStringLiteral("File")));
    QCOMPARE(sheet.tree()->topLevelItem(sheet.tree()->topLevelItemCount() - 1)->text(0), QStringLiteral("Help"));
}

void TestCommandPalette::noTwoActionsShareAShortcut()
{
    MainWindow window;
    // Every action of the window, in menus or not (toolbars, panes, context menus).
    const QList<QAction *> actions = window.findChildren<QAction *>();
    const QStringList conflicts = ShortcutsDialog::conflicts(actions);
    QVERIFY2(conflicts.isEmpty(), qPrintable(conflicts.join(QStringLiteral("; "))));
}

void TestCommandPalette::conflictCheckFindsAConflict()
{
    QAction a(QStringLiteral("&Alpha")), b(QStringLiteral("Beta")), c(QStringLiteral("Gamma"));
    a.setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    b.setShortcuts({QKeySequence(Qt::Key_F9), QKeySequence(Qt::CTRL | Qt::Key_J)});
    c.setShortcut(QKeySequence(Qt::Key_F9));
    const QStringList conflicts = ShortcutsDialog::conflicts({&a, &b, &c, &a});
    QCOMPARE(conflicts.size(), 2);
    QVERIFY(conflicts.contains(QStringLiteral("Ctrl+J: Alpha, Beta")));
    QVERIFY(conflicts.contains(QStringLiteral("F9: Beta, Gamma")));
}

QTEST_MAIN(TestCommandPalette)
#include "tst_commandpalette.moc"
