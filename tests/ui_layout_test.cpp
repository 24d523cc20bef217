// The window's layout as a user sees it: at its smallest (640×420) the ruler's labels keep
// apart and the scrubber stays in the playback bar; at its default size with Explain and
// Compare on, both cards show their titles and the Event Log of a recording fits its lines.

#include "explain/eventlog.h"
#include "files/scenariofile.h"
#include "mainwindow.h"
#include "playbackbar.h"
#include "qstringprinter.h"
#include "resultchecks.h"
#include "scenetexts.h"
#include "timeline/timelinepane.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"

#include <QScrollBar>
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
    EXPECT_LE(window.width(), 720) << "still a small window";
    EXPECT_TRUE(window.playbackBar()->scrubber()->isVisible());
    // The whole card's width in view beside the panel, not cut at the right.
    const QRect card = window.view()->mapFromScene(window.scene()->layout().card).boundingRect();
    EXPECT_GE(card.left(), 0);
    EXPECT_LE(card.right(), window.view()->viewport()->width()) << "a card cut at the right";
}

// Item 12: the default window with Explain and Compare on

namespace {

// Whether a view shows, wholly inside its viewport, a title line of the card's title (the
// card's own heading or the ruler's compact one, elided or not).
bool showsTitle(const TimelineView& view, const TimelineScene& scene, const QString& title) {
    for (const SceneText& text : textsOf(scene, TextItem::Role::Title)) {
        QString shown = text.text;
        if (shown.endsWith(QChar(0x2026)))
            shown.chop(1);
        const QRect inView = view.mapFromScene(text.rect).boundingRect();
        if (shown.size() >= 6 && title.startsWith(shown) &&
            view.viewport()->rect().contains(inView))
            return true;
    }
    return false;
}

void explainAndCompare(MainWindow& window) {
    window.playbackBar()->explainAction()->setChecked(true);
    window.playbackBar()->compareAction()->trigger();
    QTest::qWait(50);
}

} // namespace

TEST(DefaultWindow, ComparedAndExplainedEachCardShowsItsTitleAndItsRows) {
    MainWindow window;
    showAt(window, {1400, 760});
    explainAndCompare(window);
    TimelineView* blockingView = window.pane()->blockingView();
    ASSERT_TRUE(blockingView->isVisible());
    const QString title = window.scene()->cardTitle();
    EXPECT_TRUE(showsTitle(*window.view(), *window.scene(), title)) << title.toStdString();
    EXPECT_TRUE(showsTitle(*blockingView, *window.pane()->blockingScene(),
                           window.pane()->blockingScene()->cardTitle()));
    // Every row of both cards down to the last one's track, the loop's lane too.
    for (auto [view, scene] : {std::pair{window.view(), window.scene()},
                               std::pair{blockingView, window.pane()->blockingScene()}}) {
        const TimelineLayout& layout = scene->layout();
        const QRect rows =
            view->mapFromScene(layout.loopTrack().united(layout.track(layout.rows - 1)))
                .boundingRect();
        EXPECT_TRUE(view->viewport()->rect().contains(rows))
            << "rows " << rows.top() << " to " << rows.bottom() << " in a viewport of "
            << view->viewport()->height();
    }
}

TEST(DefaultWindow, ScrolledDownTheRulerCarriesTheCardsTitle) {
    MainWindow window;
    showAt(window, {1400, 420});
    const QString title = window.scene()->cardTitle();
    EXPECT_TRUE(textsOf(*window.scene(), TextItem::Role::Title).size() == 1)
        << "at the top only the card's own heading";
    window.view()->verticalScrollBar()->setValue(window.view()->verticalScrollBar()->maximum());
    const std::vector<SceneText> titles = textsOf(*window.scene(), TextItem::Role::Title);
    ASSERT_EQ(titles.size(), 2u);
    EXPECT_EQ(titles[1].text, "Asynchronous T\u2026") << "cut to the row labels' column";
    EXPECT_LE(titles[1].rect.right(), window.scene()->layout().trackLeft);
    EXPECT_EQ(titles[1].rect.top(),
              textsOf(*window.scene(), TextItem::Role::AxisLabel)[0].rect.top())
        << "on the tick labels' line";
    EXPECT_TRUE(showsTitle(*window.view(), *window.scene(), title));
}

TEST(DefaultWindow, ARecordingsEventLogHasTheWidthOfTheWindow) {
    MainWindow window;
    showAt(window, {1400, 760});
    ASSERT_TRUE(window.openFile(COROSCOPE_RECORDINGS "/recorded-blocking.json"));
    window.playbackBar()->explainAction()->setChecked(true);
    QTest::qWait(50);
    EXPECT_TRUE(window.eventLog()->isVisible());
    // The log and the differences share the bottom as tabs, each as wide as the timeline.
    EXPECT_GE(window.eventLog()->width(), window.pane()->width() - 20);
    EXPECT_FALSE(window.eventLog()->horizontalScrollBar()->isVisible())
        << "a line of " << window.eventLog()->lineText(0).size() << " characters in "
        << window.eventLog()->width() << " px";
}
