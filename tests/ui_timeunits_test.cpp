// One unit rule: the ruler, the figures under the timeline, the playhead's label and the
// playback bar's readout all count time in the unit the ruler picks, fitted or zoomed.

#include "bridge/schedulerbridge.h"
#include "mainwindow.h"
#include "playbackbar.h"
#include "qstringprinter.h"
#include "scenetexts.h"
#include "timeline/timelinescene.h"

#include <QLabel>
#include <QRegularExpression>
#include <QTest>

#include <gtest/gtest.h>

using namespace coroscope;

namespace {

constexpr std::int64_t kHourMs = 3'600'000;

class TimeUnits : public ::testing::Test {
protected:
    TimeUnits() {
        // Seven hours: Task 1 runs 3 h, then waits 2 h; Task 2 then waits 4 h.
        const Scenario scenario{
            "hours",
            "",
            {{"Task 1", {{StepKind::Cpu, 3 * kHourMs}, {StepKind::Io, 2 * kHourMs}}},
             {"Task 2", {{StepKind::Http, 4 * kHourMs}}}}};
        window.resize(1400, 760);
        window.showScenario(scenario, "hours");
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
        window.bridge()->pause();
        window.bridge()->seek(2.5 * double(kHourMs));
    }
    // Every time written in the text, as its units ("ms", "s", "min", "h", "d").
    static QStringList unitsIn(const QString& text) {
        static const QRegularExpression time(QStringLiteral("[0-9.,]+ ?(ms|min|s|h|d)\\b"));
        QStringList units;
        for (auto it = time.globalMatch(text); it.hasNext();)
            units << it.next().captured(1);
        return units;
    }
    QStringList shownUnits() const {
        QStringList units;
        for (const SceneText& label : test::textsOf(*window.scene(), TextItem::Role::AxisLabel))
            units << unitsIn(label.text);
        units << unitsIn(window.scene()->playheadTime()->text());
        units << unitsIn(window.playbackBar()->timeLabel()->text());
        units << unitsIn(window.figuresLabel()->text());
        return units;
    }
    MainWindow window;
};

TEST_F(TimeUnits, AnHourLongRunFittedShowsHoursEverywhere) {
    const QStringList units = shownUnits();
    ASSERT_GE(units.size(), 4 + 1 + 2 + 3) << "ruler, playhead, readout, figures";
    EXPECT_EQ(units.count(QStringLiteral("h")), units.size()) << units.join(' ').toStdString();
    EXPECT_TRUE(window.figuresLabel()->text().startsWith(QStringLiteral("Makespan 7h")))
        << window.figuresLabel()->text().toStdString();
    EXPECT_EQ(window.scene()->playheadTime()->text(), "2.5h");
}

TEST_F(TimeUnits, ZoomedInEverythingFollowsTheRuler) {
    // Ten minutes across: the ruler counts minutes, and so does everything else.
    window.scene()->setWindow({2.5 * double(kHourMs), 2.5 * double(kHourMs) + 600'000});
    const QStringList units = shownUnits();
    ASSERT_GE(units.size(), 4 + 1 + 2 + 3);
    EXPECT_EQ(units.count(QStringLiteral("min")), units.size()) << units.join(' ').toStdString();
    window.scene()->fitWindow();
    EXPECT_EQ(shownUnits().count(QStringLiteral("h")), shownUnits().size());
}

} // namespace
