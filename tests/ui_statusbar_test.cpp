// The status bar under the window: the run's figures stay in view. A passing notice
// ("Exported …") shows beside them rather than over them.

#include "files/scenariofile.h"
#include "mainwindow.h"
#include "windowdialogs.h"

#include <QApplication>
#include <QLabel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace coroscope;
using namespace coroscope::test;

TEST(StatusBar, AnExportIsToldBesideTheFiguresNotOverThem) {
    MainWindow window;
    window.resize(1400, 760);
    window.showScenario(ScenarioFile::builtInDefault(), "seed");
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QLabel* figures = window.figuresLabel();
    ASSERT_NE(figures, nullptr);
    ASSERT_TRUE(figures->text().startsWith("Makespan"));

    QTemporaryDir folder;
    const QString path = folder.filePath("run.json");
    bool asked = false;
    chooseInNextFileDialog(path, &asked);
    QAction* entry = actionNamed(window, "&Trace (Perfetto, chrome://tracing)…");
    ASSERT_NE(entry, nullptr);
    entry->trigger();
    ASSERT_TRUE(asked);
    QApplication::processEvents();

    EXPECT_TRUE(figures->isVisible());
    EXPECT_TRUE(figures->text().startsWith("Makespan"));
    EXPECT_TRUE(window.statusBar()->currentMessage().isEmpty()); // it would hide the figures
    EXPECT_TRUE(window.noticeLabel()->isVisible());
    EXPECT_EQ(window.noticeLabel()->text(), "Exported " + path);
}
