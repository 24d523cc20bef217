// A wait kind that a scenario declares reaches the window as data: its label in the legend,
// its colour on its swatch and on its segments, its label in a segment's hover text.

#include "bridge/schedulerbridge.h"
#include "export/timelineimage.h"
#include "files/scenariofile.h"
#include "qstringprinter.h"
#include "scenetexts.h"
#include "timeline/timelineitems.h"
#include "timeline/timelinescene.h"

#include <QImage>

#include <gtest/gtest.h>

using namespace coroscope;
using coroscope::test::textsOf;

namespace {

Scenario withDatabase(StepKind* declared = nullptr) {
    Scenario scenario{"Kinds", "declared", {}};
    const StepKind db = scenario.kinds.declare("db", "DB query", 0x8e24aa);
    scenario.tasks = {{"A", {{StepKind::Cpu, 100}, {db, 400}}}, {"B", {{db, 300}}}};
    if (declared)
        *declared = db;
    return scenario;
}

QStringList legendOf(const TimelineScene& scene) {
    QStringList legend;
    for (const SceneText& text : textsOf(scene, TextItem::Role::LegendLabel))
        legend << text.text;
    return legend;
}

QColor middleOf(const KindSpec& kind) {
    const QColor from = QColor::fromRgb(kind.color), to = QColor::fromRgb(kind.shade);
    return QColor((from.red() + to.red()) / 2, (from.green() + to.green()) / 2,
                  (from.blue() + to.blue()) / 2);
}

bool near(QColor a, QColor b, int tolerance = 8) {
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

TEST(DeclaredKinds, TheLegendNamesThemAfterTheBuiltInKinds) {
    const auto scene = timelineAt(withDatabase(), 1e9, 1000);
    EXPECT_EQ(legendOf(*scene), (QStringList{"Processing", "I/O Wait", "HTTP Wait", "DB query"}));
}

TEST(DeclaredKinds, TheirSwatchAndSegmentsWearTheirColour) {
    StepKind db;
    const Scenario scenario = withDatabase(&db);
    const auto scene = timelineAt(scenario, 1e9, 1000);
    const QImage image = renderTimeline(*scene, 1);
    const QColor expected = middleOf(scenario.kinds[db]);
    int waits = 0;
    for (const ShownSegment& shown : scene->shownSegments()) {
        if (shown.segment.kind != db)
            continue;
        ++waits;
        EXPECT_TRUE(near(image.pixelColor(shown.rect.center().toPoint()), expected))
            << "task " << shown.segment.task;
    }
    EXPECT_EQ(waits, 2);
    int swatches = 0;
    for (const QGraphicsItem* item : scene->items()) {
        const auto* swatch = qgraphicsitem_cast<const SwatchItem*>(item);
        if (!swatch || swatch->kind() != db)
            continue;
        ++swatches;
        EXPECT_TRUE(near(image.pixelColor(swatch->rect().center().toPoint()), expected));
    }
    EXPECT_EQ(swatches, 1);
}

TEST(DeclaredKinds, ASegmentsHoverTextUsesTheLabel) {
    StepKind db;
    const Scenario scenario = withDatabase(&db);
    EXPECT_EQ(describeSegment({1, 0, db, 0, 300}, "B", scenario.kinds),
              "B, step 1: DB query\n0 ms to 300 ms (300 ms)");
}

TEST(DeclaredKinds, AnotherScenarioShowsItsOwnKindsAgain) {
    auto scene = timelineAt(withDatabase(), 1e9, 1000);
    SchedulerBridge bridge(nullptr, [] { return qint64(0); });
    scene->follow(&bridge);
    bridge.setScenario(ScenarioFile::builtInDefault());
    EXPECT_EQ(legendOf(*scene), (QStringList{"Processing", "I/O Wait", "HTTP Wait"}));
    bridge.setScenario(withDatabase());
    EXPECT_EQ(legendOf(*scene), (QStringList{"Processing", "I/O Wait", "HTTP Wait", "DB query"}));
}
