// The Chrome trace of a version 2 run: its spawns and joins as flow event pairs (the arrows
// Perfetto and chrome://tracing draw), its new kinds as the events' categories.

#include "export/chrometrace.h"
#include "fanout.h"
#include "loop/timeline.h"
#include "resultchecks.h"
#include "view/flowarrows.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <map>
#include <string>

using namespace coroscope;

namespace {

struct FanOutTrace : testing::Test {
    void SetUp() override {
        QBuffer buffer;
        ASSERT_TRUE(buffer.open(QIODevice::WriteOnly));
        ASSERT_TRUE(test::succeeded(writeChromeTrace(buffer, scenario, simulate(scenario))));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(buffer.data(), &error);
        ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
        for (const QJsonValue& value : document.object().value("traceEvents").toArray()) {
            const QJsonObject e = value.toObject();
            const QString ph = e.value("ph").toString();
            if (ph == "s")
                starts[e.value("id").toInteger()].push_back(e);
            else if (ph == "f")
                finishes[e.value("id").toInteger()].push_back(e);
            else if (ph == "X")
                categories[e.value("cat").toString().toStdString()].push_back(
                    e.value("name").toString().toStdString());
        }
    }

    const Scenario scenario = test::fanOutScenario();
    std::map<qint64, std::vector<QJsonObject>> starts, finishes;
    std::map<std::string, std::vector<std::string>> categories; // the X events' names by cat
};

// "cat, tid, ts" of a flow event.
std::string place(const QJsonObject& e) {
    return e.value("cat").toString().toStdString() + " " +
           std::to_string(e.value("tid").toInteger()) + " " +
           std::to_string(e.value("ts").toInteger());
}

} // namespace

TEST_F(FanOutTrace, EachArrowIsAStartAndAFinishSharingAnId) {
    const std::vector<FlowArrow> arrows =
        flowArrows(scenario, Lanes(simulate(scenario), scenario.tasks.size()));
    ASSERT_EQ(arrows.size(), 7u);
    ASSERT_EQ(starts.size(), arrows.size());
    ASSERT_EQ(finishes.size(), arrows.size());
    qint64 id = 1;
    for (const FlowArrow& arrow : arrows) {
        SCOPED_TRACE(id);
        ASSERT_EQ(starts[id].size(), 1u);
        ASSERT_EQ(finishes[id].size(), 1u);
        const std::string cat = arrow.kind == FlowArrow::Kind::Spawn ? "spawn" : "join";
        EXPECT_EQ(place(starts[id][0]), cat + " " + std::to_string(arrow.fromTask + 1) + " " +
                                            std::to_string(arrow.fromMs * 1000));
        EXPECT_EQ(place(finishes[id][0]), cat + " " + std::to_string(arrow.toTask + 1) + " " +
                                              std::to_string(arrow.toMs * 1000));
        EXPECT_EQ(finishes[id][0].value("bp").toString(), "e");
        ++id;
    }
}

TEST_F(FanOutTrace, SpawnsLeaveTheHandlerAtFiveMsAndTheJoinWakesIt) {
    for (qint64 id = 1; id <= 6; ++id) {
        EXPECT_EQ(place(starts[id][0]), "spawn 1 5000") << id;
        EXPECT_EQ(finishes[id][0].value("tid").toInteger(), id + 2) << "f" << id; // after request
    }
    EXPECT_EQ(finishes[7][0].value("tid").toInteger(), 1) << "the join wakes the handler";
    EXPECT_EQ(finishes[7][0].value("ts").toInteger(), starts[7][0].value("ts").toInteger());
}

TEST_F(FanOutTrace, TheNewKindsAreCategories) {
    EXPECT_EQ(categories["db"].size(), 6u);
    // Two connections for six fetches: four queue for a slot.
    EXPECT_EQ(categories["db-slot"], std::vector<std::string>(4, "db: queued"));
    EXPECT_EQ(categories["thread"].size(), 1u);
    EXPECT_EQ(categories["join"].size(), 1u);
}
