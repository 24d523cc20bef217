// The window's keys as a user presses them: View's zoom keys wherever the focus is, except
// in a text field or an item editor, where they are typing; the Keyboard Shortcuts table
// listing every one of them; the scrubber's keys.

#include "bridge/schedulerbridge.h"
#include "editing/scenariomodel.h"
#include "editing/scenariopanel.h"
#include "files/scenariofile.h"
#include "mainwindow.h"
#include "playbackbar.h"
#include "present/presentation.h"
#include "qstringprinter.h"
#include "shortcutsdialog.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QSlider>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>

#include <gtest/gtest.h>

#include <algorithm>

using namespace coroscope;

namespace {

class WindowKeys : public ::testing::Test {
protected:
    WindowKeys() {
        window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowActive(&window));
        window.bridge()->pause();
    }
    // A key pressed where the focus is, as a user presses it.
    static void press(QWidget* focus, Qt::Key key) {
        focus->setFocus();
        ASSERT_EQ(QApplication::focusWidget(), focus);
        QTest::keyClick(focus, key);
    }
    double span() const { return window.scene()->window().span(); }

    MainWindow window;
};

} // namespace

TEST_F(WindowKeys, ZoomKeysWorkWhereverTheFocusIsButInTextFields) {
    const double whole = span();
    press(window.panel()->tree(), Qt::Key_Plus);
    EXPECT_NEAR(span(), whole / TimelineView::kZoomStep, 1e-9) << "from the panel";
    press(window.playbackBar()->scrubber(), Qt::Key_Plus);
    EXPECT_NEAR(span(), whole / TimelineView::kZoomStep / TimelineView::kZoomStep, 1e-9)
        << "from the playback bar";
    press(window.playbackBar()->speedBox(), Qt::Key_Minus);
    EXPECT_NEAR(span(), whole / TimelineView::kZoomStep, 1e-9);

    const double zoomed = span();
    press(window.panel()->titleEdit(), Qt::Key_0);
    EXPECT_TRUE(window.panel()->titleEdit()->text().endsWith('0')) << "the key is typing";
    EXPECT_DOUBLE_EQ(span(), zoomed);

    QTreeView* tree = window.panel()->tree();
    const QModelIndex kind = window.model()->stepIndex(0, 0, ScenarioModel::KindColumn);
    tree->setCurrentIndex(kind);
    tree->edit(kind);
    auto* kindEditor = qobject_cast<QComboBox*>(tree->indexWidget(kind));
    ASSERT_NE(kindEditor, nullptr);
    press(kindEditor, Qt::Key_Minus);
    EXPECT_DOUBLE_EQ(span(), zoomed) << "an item editor keeps its keys";

    press(window.view(), Qt::Key_0);
    EXPECT_TRUE(window.scene()->isFit()) << "and the timeline has them too";
}

TEST_F(WindowKeys, TabReachesTheTimelineWithoutAClick) {
    EXPECT_TRUE(window.view()->focusPolicy() & Qt::TabFocus);
    const double at = window.bridge()->now();
    press(window.panel()->tree(), Qt::Key_Tab); // the tree takes Tab to the next control
    for (int i = 0; i < 10 && QApplication::focusWidget() != window.view(); ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    EXPECT_EQ(QApplication::focusWidget(), window.view());
    EXPECT_DOUBLE_EQ(window.bridge()->now(), at) << "focused, the playhead stays";
    QTest::keyClick(window.view(), Qt::Key_Right);
    EXPECT_GT(window.bridge()->now(), at) << "its keys work at once";
}

TEST_F(WindowKeys, TheShortcutsTableHasARowPerActionKeyAndPerKeyAWidgetHandles) {
    QAction* entry = nullptr;
    for (QAction* action : window.findChildren<QAction*>())
        if (action->text() == "&Keyboard Shortcuts")
            entry = action;
    ASSERT_NE(entry, nullptr);
    entry->trigger();
    auto* dialog = window.findChild<ShortcutsDialog*>();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    QTableWidget* table = dialog->table();
    ASSERT_EQ(table->columnCount(), 2);
    EXPECT_EQ(table->horizontalHeaderItem(0)->text(), "Key");
    EXPECT_EQ(table->horizontalHeaderItem(1)->text(), "Action");
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row)
        rows << table->item(row, 0)->text() + " | " + table->item(row, 1)->text();
    const std::string shown = rows.join('\n').toStdString();

    // Every key of every action, alternates too, each once.
    int actionKeys = 0;
    for (const QAction* action : window.findChildren<QAction*>())
        for (const QKeySequence& key : action->shortcuts()) {
            ++actionKeys;
            const QString keyText = key.toString(QKeySequence::NativeText);
            EXPECT_EQ(std::count_if(rows.begin(), rows.end(),
                                    [&](const QString& row) {
                                        return row.startsWith(keyText + " | ") &&
                                               row.contains(action->iconText().remove("…"));
                                    }),
                      1)
                << keyText.toStdString() << " for " << action->text().toStdString() << '\n'
                << shown;
        }
    for (const char* row :
         {"Ctrl+Shift+S | Save As", "Ctrl+E | Export ▸ PNG Image", "Ctrl+Shift+Z | Redo",
          "Ctrl+Y | Redo", "Space | Play / Pause", "Del | Remove the selection (in the panel)",
          "Left | Previous event (on the timeline)", "F1 | Guide"})
        EXPECT_TRUE(rows.contains(row)) << row << '\n' << shown;

    // And every key and gesture the widgets handle themselves, as each says.
    const KeyHelpList own = PlaybackBar::keyHelp() + TimelineView::keyHelp() +
                            ScenarioPanel::keyHelp() + window.presentation()->keyHelp();
    for (const KeyHelp& key : own)
        EXPECT_TRUE(rows.contains(key.key + " | " + key.action)) << key.key.toStdString();
    for (const char* row :
         {"PgUp / PgDown | A tenth of the run earlier / later, stopping at either end (on the "
          "scrubber)",
          "Home / End | The start / end of the run (on the scrubber)",
          "Ctrl+Wheel | Zoom around the pointer (on the timeline)",
          "Shift+Wheel | Pan in time (on the timeline; a sideways wheel too)",
          "F2 / Return | Edit the selected cell; on a step's number, its kind (in the panel)",
          "Esc | Leave (presenting)", "Right | Next event (presenting)"})
        EXPECT_TRUE(rows.contains(row)) << row << '\n' << shown;
    EXPECT_EQ(table->rowCount(), actionKeys + own.size());
    dialog->close();
}

// What the scrubber's rows say, as the scrubber does it.
TEST_F(WindowKeys, TheScrubbersKeysStopAtEitherEnd) {
    QSlider* scrubber = window.playbackBar()->scrubber();
    const double end = window.bridge()->axisEnd();
    window.bridge()->seek(end * 0.95);
    press(scrubber, Qt::Key_PageDown);
    EXPECT_DOUBLE_EQ(window.bridge()->now(), end) << "PageDown stops at the end";
    QTest::keyClick(scrubber, Qt::Key_PageDown);
    EXPECT_DOUBLE_EQ(window.bridge()->now(), end) << "and does not wrap";
    QTest::keyClick(scrubber, Qt::Key_PageUp);
    EXPECT_NEAR(window.bridge()->now(), end * 0.9, 1e-6);
    QTest::keyClick(scrubber, Qt::Key_Down);
    EXPECT_NEAR(window.bridge()->now(), end * 0.89, 1e-6) << "Down: a hundredth earlier";
    QTest::keyClick(scrubber, Qt::Key_Up);
    QTest::keyClick(scrubber, Qt::Key_Up);
    EXPECT_NEAR(window.bridge()->now(), end * 0.91, 1e-6) << "Up: a hundredth later";
    QTest::keyClick(scrubber, Qt::Key_Home);
    EXPECT_DOUBLE_EQ(window.bridge()->now(), 0);
    QTest::keyClick(scrubber, Qt::Key_PageUp);
    EXPECT_DOUBLE_EQ(window.bridge()->now(), 0) << "PageUp stops at the start";
    QTest::keyClick(scrubber, Qt::Key_End);
    EXPECT_DOUBLE_EQ(window.bridge()->now(), end);
}
