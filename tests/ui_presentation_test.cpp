// Presentation mode: full screen, the card alone and scaled, the time and the moment's words
// under it, its own keys, and the window as it was on leaving.

#include "bridge/schedulerbridge.h"
#include "editing/scenariopanel.h"
#include "files/scenariofile.h"
#include "mainwindow.h"
#include "playbackbar.h"
#include "present/presentation.h"
#include "qstringprinter.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"
#include "timeline/timelineview.h"
#include "windowmenus.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTest>

#include <gtest/gtest.h>

using namespace coroscope;
using namespace coroscope::test;

namespace {

class PresentationTest : public ::testing::Test {
protected:
    PresentationTest() {
        window.resize(1100, 700);
        window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowActive(&window)); // its shortcuts need it active
        window.bridge()->pause();
        window.bridge()->seek(370);
    }
    Presentation* present() { return window.presentation(); }
    MainWindow window;
};

} // namespace

TEST(PresentationScale, ThePageAsLargeAsTheViewportHoldsItNeverSmaller) {
    EXPECT_DOUBLE_EQ(presentationScale({2080, 2000}, {1040, 500}), 2.0); // the width decides
    EXPECT_DOUBLE_EQ(presentationScale({3120, 1000}, {1040, 500}), 2.0); // the height decides
    EXPECT_DOUBLE_EQ(presentationScale({800, 600}, {1040, 500}), 1.0);   // the window's size
    EXPECT_DOUBLE_EQ(presentationScale({2080, 600}, {1040, 5000}), 1.0); // a tall card scrolls
}

TEST_F(PresentationTest, ViewPresentAndF11EnterFullScreenWithThePanelAndBarsHidden) {
    QAction* action = present()->action();
    EXPECT_TRUE(menuNamed(window, "&View")->actions().contains(action));
    EXPECT_EQ(action->shortcut(), QKeySequence(Qt::Key_F11));
    ASSERT_TRUE(window.panel()->isVisible());
    QTest::keyClick(&window, Qt::Key_F11);
    ASSERT_TRUE(present()->active());
    EXPECT_TRUE(window.windowState() & Qt::WindowFullScreen);
    EXPECT_FALSE(window.panel()->isVisible());
    EXPECT_FALSE(window.menuBar()->isVisible());
    EXPECT_FALSE(window.statusBar()->isVisible());
    EXPECT_FALSE(window.playbackBar()->isVisible());
    EXPECT_TRUE(present()->footer()->isVisible());
    // The card fills the screen's width as far as its height allows.
    const QSizeF page(style::kCardMaxWidth + 2 * style::kPagePadding,
                      window.scene()->layout().page.height());
    EXPECT_DOUBLE_EQ(window.view()->transform().m11(),
                     presentationScale(window.view()->viewport()->size(), page));
    EXPECT_DOUBLE_EQ(window.view()->transform().m22(), window.view()->transform().m11());
    // F11 again leaves, though the menus are hidden.
    QTest::keyClick(window.view(), Qt::Key_F11);
    EXPECT_FALSE(present()->active());
}

TEST_F(PresentationTest, TheCaptionTellsTheMomentInTheEventLogsWords) {
    present()->action()->trigger();
    EXPECT_EQ(present()->captionLabel()->text(),
              "370 ms — Task 2's I/O wait is done; it joins the ready queue behind nobody. "
              "Task 3 yields at http(300). The loop picks Task 2.");
    EXPECT_EQ(present()->timeLabel()->text(), "370ms");
    EXPECT_GT(present()->timeLabel()->font().pointSizeF(), 2 * window.font().pointSizeF());
    window.bridge()->seek(420); // between two decisions: the last one's words
    EXPECT_TRUE(present()->captionLabel()->text().startsWith("370 ms — "));
    EXPECT_EQ(present()->timeLabel()->text(), "420ms");
}

TEST_F(PresentationTest, TheCaptionOfARecordingSaysWhatEachWaitAwaited) {
    ASSERT_TRUE(
        window.openFile(QStringLiteral(COROSCOPE_RECORDINGS "/recorded-blocking.json")).ok());
    window.bridge()->pause();
    window.bridge()->seek(3);
    present()->action()->trigger();
    EXPECT_EQ(present()->captionLabel()->text(),
              "3 ms — sleeper-0 yields at sleep(50), awaiting `asyncio.sleep(0.05)` at "
              "blocking.py:15. The loop picks sleeper-1.");
}

TEST_F(PresentationTest, SpaceLeftRightAndTheZoomKeys) {
    present()->action()->trigger();
    QWidget* focus = window.view();
    QTest::keyClick(focus, Qt::Key_Space);
    EXPECT_TRUE(window.bridge()->isPlaying());
    QTest::keyClick(focus, Qt::Key_Space);
    EXPECT_FALSE(window.bridge()->isPlaying());
    window.bridge()->seek(370);
    QTest::keyClick(focus, Qt::Key_Right);
    EXPECT_EQ(window.bridge()->now(), 500);
    EXPECT_TRUE(present()->captionLabel()->text().startsWith("500 ms — "));
    QTest::keyClick(focus, Qt::Key_Left);
    QTest::keyClick(focus, Qt::Key_Left);
    EXPECT_EQ(window.bridge()->now(), 250);
    const double whole = window.scene()->window().span();
    QTest::keyClick(focus, Qt::Key_Plus);
    EXPECT_NEAR(window.scene()->window().span(), whole / TimelineView::kZoomStep, 1e-6);
    QTest::keyClick(focus, Qt::Key_Plus);
    QTest::keyClick(focus, Qt::Key_Minus);
    EXPECT_NEAR(window.scene()->window().span(), whole / TimelineView::kZoomStep, 1e-6);
    QTest::keyClick(focus, Qt::Key_0);
    EXPECT_DOUBLE_EQ(window.scene()->window().span(), whole);
    EXPECT_TRUE(present()->active()); // none of them leaves
}

TEST_F(PresentationTest, EscapeRestoresTheLayout) {
    window.playbackBar()->explainAction()->setChecked(true); // the Event Log dock is shown
    ASSERT_TRUE(window.findChild<QDockWidget*>("eventLogDock")->isVisible());
    present()->action()->trigger();
    EXPECT_FALSE(window.findChild<QDockWidget*>("eventLogDock")->isVisible());
    QTest::keyClick(window.view(), Qt::Key_Escape);
    EXPECT_FALSE(present()->active());
    EXPECT_FALSE(window.windowState() & Qt::WindowFullScreen);
    EXPECT_TRUE(window.panel()->isVisible());
    EXPECT_TRUE(window.findChild<QDockWidget*>("eventLogDock")->isVisible());
    EXPECT_TRUE(window.menuBar()->isVisible());
    EXPECT_TRUE(window.statusBar()->isVisible());
    EXPECT_TRUE(window.playbackBar()->isVisible());
    EXPECT_FALSE(present()->footer()->isVisible());
    EXPECT_TRUE(window.view()->transform().isIdentity());
    // Out of presentation the keys are the window's again: Escape enters nothing.
    QTest::keyClick(window.view(), Qt::Key_Escape);
    EXPECT_FALSE(present()->active());
}
