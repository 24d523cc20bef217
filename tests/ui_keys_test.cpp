// The window's keys as a user presses them: View's zoom keys wherever the focus is, except
// in a text field or an item editor, where they are typing.

#include "bridge/schedulerbridge.h"
#include "editing/scenariomodel.h"
#include "editing/scenariopanel.h"
#include "files/scenariofile.h"
#include "mainwindow.h"
#include "playbackbar.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QSlider>
#include <QTest>
#include <QTreeView>

#include <gtest/gtest.h>

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
