// Every control of the window and its dialogs has an accessible name (what a screen reader
// says): buttons, fields, lists, tables, the custom views. The failure lists the offenders.
#include "commandpalette.h"
#include "connectiondialog.h"
#include "csvmappingdialog.h"
#include "mainwindow.h"
#include "preferences.h"
#include "preferencesdialog.h"
#include "recoverydialog.h"
#include "shortcutsdialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QMenuBar>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

using namespace StateScope;

class TestAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void mainWindowControlsAreNamed();
    void dialogsAreNamed();

private:
    static QStringList unnamedControls(QWidget *root);
};

void TestAccessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

// Controls a user reaches: what takes the focus, buttons, item views, sliders, and the
// views of this project. Parts Qt builds inside its own widgets (a spin box's line edit, a
// combo box's popup list, scroll bars, title-bar buttons: objectName "qt_...") are Qt's to
// name and are left out.
QStringList TestAccessibility::unnamedControls(QWidget *root)
{
    QStringList offenders;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : widgets) {
        // Parts of Qt's composite widgets: the views' headers and corner buttons, a line
        // edit's clear button, a spin box's or combo box's insides, a scroll area's viewport.
        QWidget *parent = w->parentWidget();
        auto *area = parent ? qobject_cast<QAbstractScrollArea *>(parent) : nullptr;
        bool internal = w->objectName().startsWith(QLatin1String("qt_")) || (area && area->viewport() == w)
            || qobject_cast<QAbstractItemView *>(parent) || qobject_cast<QLineEdit *>(parent)
            || qobject_cast<QAbstractSpinBox *>(parent);
        for (QWidget *p = parent; p && !internal; p = p->parentWidget())
            internal = qobject_cast<QComboBox *>(p) || p->objectName().startsWith(QLatin1String("qt_"));
        // A screen reader names a tab bar by its current tab; QMainWindow keeps spare, empty
        // ones for docks that might be tabbed later.
        const auto *tabs = qobject_cast<QTabBar *>(w);
        if (internal || qobject_cast<QScrollBar *>(w) || (tabs && tabs->count() == 0))
            continue;
        const bool ours = QByteArray(w->metaObject()->className()).startsWith("StateScope::") && w != root;
        const bool interactive = w->focusPolicy() != Qt::NoFocus || qobject_cast<QAbstractButton *>(w)
            || qobject_cast<QAbstractItemView *>(w) || qobject_cast<QAbstractSlider *>(w) || ours;
        if (!interactive || w->isWindow() != (w == root && root->isWindow()))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty()) {
            QStringList path;
            for (QWidget *p = w; p && p != root; p = p->parentWidget())
                path.prepend(QString::fromLatin1(p->metaObject()->className())
                             + (p->objectName().isEmpty() ? QString() : QLatin1Char('#') + p->objectName()));
            offenders.append(path.join(QLatin1Char('/')) + QStringLiteral(" [") + w->accessibleName()
                             + QLatin1Char(']'));
        }
    }
    return offenders;
}

void TestAccessibility::mainWindowControlsAreNamed()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showCommandPalette(); // created on first use
    const QStringList offenders = unnamedControls(&window) + unnamedControls(window.commandPalette());
    for (const QString &o : offenders)
        qWarning("no accessible name: %s", qPrintable(o));
    QVERIFY2(offenders.isEmpty(), qPrintable(QStringLiteral("\n  ") + offenders.join(QStringLiteral("\n  "))));
    // The walk sees the controls it should: not vacuous.
    QVERIFY(window.findChildren<QAbstractItemView *>().size() >= 8);
}

void TestAccessibility::dialogsAreNamed()
{
    MainWindow window;
    Preferences preferences;
    QTemporaryDir dir;
    std::vector<std::unique_ptr<QWidget>> dialogs;
    dialogs.emplace_back(new PreferencesDialog(preferences));
    dialogs.emplace_back(new ShortcutsDialog(window.menuBar()));
    dialogs.emplace_back(new ConnectionDialog(ConnectionDialog::Kind::Feed));
    dialogs.emplace_back(new ConnectionDialog(ConnectionDialog::Kind::EngineApi));
    dialogs.emplace_back(new CsvMappingDialog(QStringLiteral("log.csv"),
                                              {QStringLiteral("id"), QStringLiteral("when"), QStringLiteral("to")},
                                              QStringLiteral("no execution id column")));
    dialogs.emplace_back(new RecoveryDialog(dir.filePath(QStringLiteral("missing.sqlite")), QStringLiteral("e-1"),
                                            QStringLiteral("c-1"), true, QString()));
    QStringList offenders;
    for (const auto &dialog : dialogs) {
        dialog->show();
        for (const QString &o : unnamedControls(dialog.get()))
            offenders.append(QString::fromLatin1(dialog->metaObject()->className()) + QStringLiteral(": ") + o);
    }
    for (const QString &o : offenders)
        qWarning("no accessible name: %s", qPrintable(o));
    QVERIFY2(offenders.isEmpty(), qPrintable(QStringLiteral("\n  ") + offenders.join(QStringLiteral("\n  "))));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
