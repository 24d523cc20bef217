// The status bar under the window: the run's figures stay in view and in place. A passing
// notice ("Exported …") shows beside them rather than over them, and the bar keeps its height
// through edits, so the playback bar and the overview above it never jump.

#include "editing/scenariomodel.h"
#include "fanout.h"
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

TEST(StatusBar, ItKeepsItsHeightThroughEdits) {
    MainWindow window;
    window.resize(1400, 760);
    window.showScenario(ScenarioFile::builtInDefault(), "seed");
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(300); // the animation running, as a user first sees it
    const int before = window.statusBar()->height();
    ScenarioModel* model = window.model();
    for (int ms : {50, 5000, 70}) {
        model->setData(model->stepIndex(0, 0, ScenarioModel::DurationColumn), ms, Qt::EditRole);
        QTest::qWait(300);
        EXPECT_EQ(window.statusBar()->height(), before) << ms;
        // As tall as its lines: one at this width.
        EXPECT_EQ(window.figuresLabel()->height(), window.fontMetrics().lineSpacing()) << ms;
    }
}

// Where the window is too narrow for the figures on one line they wrap, all of them shown,
// rather than being cut.
TEST(StatusBar, NarrowTheFiguresWrapRatherThanBeingCut) {
    MainWindow window;
    window.showScenario(ScenarioFile::builtInDefault(), "seed");
    window.resize(1400, 760);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(50);
    const int wide = window.statusBar()->height();
    window.resize(window.minimumSizeHint().width(), 760);
    QTest::qWait(50);
    QLabel* figures = window.figuresLabel();
    EXPECT_GT(window.statusBar()->height(), wide);
    EXPECT_GE(figures->height(), figures->heightForWidth(figures->width()));
}

// Requests arriving over time: the figures add their latencies' percentiles (the request's 25 ms:
// its sleep begins at 5 ms, after the handler's CPU; the handler's 172 ms), and the tooltip
// says what nearest rank means; a run where every task starts at 0 has no such figures.
TEST(StatusBar, RequestsArrivingOverTimeAddTheirLatencyPercentiles) {
    MainWindow window;
    window.showScenario(fanOutScenario(), "fan-out");
    QLabel* figures = window.figuresLabel();
    EXPECT_TRUE(figures->text().contains(
        "  ·  Speed-up 1.81×  ·  Latency p50 25ms / p95 172ms / p99 172ms  ·  8 tasks, "))
        << figures->text().toStdString();
    EXPECT_TRUE(figures->text().endsWith("8 tasks, 21 segments")) << figures->text().toStdString();
    EXPECT_TRUE(figures->toolTip().contains(
        "Latency: each arriving task's end minus its start time; p95 is the nearest-rank "
        "percentile, the latency at rank ⌈95/100 · n⌉ of the n sorted ones, so 95% of them are "
        "at most that long."));

    window.showScenario(ScenarioFile::builtInDefault(), "seed");
    EXPECT_FALSE(figures->text().contains("Latency"));
    EXPECT_FALSE(figures->toolTip().contains("Latency"));
}
