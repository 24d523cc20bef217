// The scenario file format, version 2: threads, resources, start times, and the thread, spawn
// and join kinds, read into the model (names in the file, indices in the model) and written
// back in the lowest version that holds the scenario; each new rule with its own message, a
// version 1 file told when it needs version 2, and the rule that the run must end.

#include "format/scenarioformat.h"
#include "model/scenariorules.h"
#include "scenariobuilder.h"

#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace coroscope;
using namespace coroscope::test;
using namespace builtin;

namespace {

std::string errorOf(std::string_view json) {
    const auto result = parseScenario(json);
    return result ? "loaded" : result.error().message;
}

// A version 2 file with these top-level keys before "tasks" (each with a comma after it).
std::string v2(std::string_view tasks, std::string_view before = "") {
    return R"({"format": "coroscope-scenario", "version": 2, )" + std::string(before) +
           R"("tasks": )" + std::string(tasks) + "}";
}

std::string v1(std::string_view tasks, std::string_view before = "") {
    return R"({"format": "coroscope-scenario", "version": 1, )" + std::string(before) +
           R"("tasks": )" + std::string(tasks) + "}";
}

// LOOP.md's example.
constexpr std::string_view kFanOut = R"json({ "format": "coroscope-scenario", "version": 2,
  "title": "Fan-out with a connection pool", "threads": 4,
  "resources": [ {"name": "db", "label": "DB query", "color": "#8e24aa", "limit": 2},
                 {"name": "http", "limit": 3} ],
  "tasks": [
    {"name": "handler", "start_ms": 40, "steps": [
        {"kind": "cpu", "ms": 5},
        {"kind": "spawn", "task": "fetch a"}, {"kind": "spawn", "task": "fetch b"},
        {"kind": "join", "tasks": ["fetch a", "fetch b"]},
        {"kind": "thread", "ms": 30},
        {"kind": "db", "ms": 20} ]},
    {"name": "fetch a", "steps": [ {"kind": "http", "ms": 120}, {"kind": "cpu", "ms": 8} ]},
    {"name": "fetch b", "steps": [ {"kind": "http", "ms": 90},  {"kind": "cpu", "ms": 6} ]} ] })json";

Scenario fanOut() {
    Scenario s{"Fan-out with a connection pool", "", {}};
    const StepKind db = s.kinds.declare("db", "DB query", 0x8e24aa, 2);
    s.kinds.restyle(Http, "", std::nullopt, 3);
    const StepKind thread = s.kinds.ensure(KindBehaviour::Thread);
    const StepKind spawn = s.kinds.ensure(KindBehaviour::Spawn);
    const StepKind join = s.kinds.ensure(KindBehaviour::Join);
    s.tasks = {
        {"handler",
         {{Cpu, 5}, {spawn, 0, {1}}, {spawn, 0, {2}}, {join, 0, {1, 2}}, {thread, 30}, {db, 20}},
         40},
        {"fetch a", {{Http, 120}, {Cpu, 8}}},
        {"fetch b", {{Http, 90}, {Cpu, 6}}}};
    return s;
}

// Tasks that only spawn and join, written compactly: {"a", "spawn b, join b"}.
struct Sketch {
    std::string name;
    std::vector<std::pair<std::string, std::vector<std::string>>> steps; // kind, names
};

std::string tasksJson(const std::vector<Sketch>& tasks) {
    std::string json = "[";
    for (const Sketch& task : tasks) {
        json += json.size() > 1 ? "," : "";
        json += R"({"name": ")" + task.name + R"(", "steps": [)";
        for (std::size_t s = 0; s < task.steps.size(); ++s) {
            const auto& [kind, names] = task.steps[s];
            json += s == 0 ? "" : ",";
            if (kind == "spawn") {
                json += R"({"kind": "spawn", "task": ")" + names[0] + "\"}";
            } else if (kind == "join") {
                json += R"({"kind": "join", "tasks": [)";
                for (std::size_t i = 0; i < names.size(); ++i)
                    json += (i == 0 ? "\"" : ",\"") + names[i] + "\"";
                json += "]}";
            } else {
                json += R"({"kind": ")" + kind + R"(", "ms": 1})";
            }
        }
        json += "]}";
    }
    return json + "]";
}

using Steps = std::vector<std::pair<std::string, std::vector<std::string>>>;
const std::pair<std::string, std::vector<std::string>> kCpu{"cpu", {}};
std::pair<std::string, std::vector<std::string>> spawnOf(std::string task) {
    return {"spawn", {std::move(task)}};
}
std::pair<std::string, std::vector<std::string>> joinOf(std::vector<std::string> tasks) {
    return {"join", std::move(tasks)};
}

} // namespace

TEST(ScenarioFormatV2, LoopMdsExampleReadsAsTheModel) {
    const auto result = parseScenario(kFanOut);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result.value(), fanOut());
    const Scenario& s = result.value();
    EXPECT_EQ(s.kinds.size(), 7u);
    EXPECT_EQ(s.kinds.find("db"), StepKind{3});
    EXPECT_EQ(s.kinds[StepKind{3}].label, "DB query");
    EXPECT_EQ(s.kinds[Http].limit, 3);
    EXPECT_EQ(s.kinds[Http].label, "HTTP Wait");
    EXPECT_EQ(s.tasks[0].startMs, 40);
    EXPECT_EQ(spawnedTasks(s), (std::vector<bool>{false, true, true}));
    EXPECT_EQ(formatVersion(s), 2);
}

TEST(ScenarioFormatV2, SavingWritesOnlyWhatTheScenarioUses) {
    EXPECT_EQ(
        serializeScenario(fanOut()),
        R"({"format":"coroscope-scenario","version":2,"title":"Fan-out with a connection pool","subtitle":"",)"
        R"("resources":[{"name":"http","limit":3},{"name":"db","label":"DB query","limit":2}],"tasks":[
{"name":"handler","start_ms":40,"steps":[{"kind":"cpu","ms":5},{"kind":"spawn","task":"fetch a"},)"
        R"({"kind":"spawn","task":"fetch b"},{"kind":"join","tasks":["fetch a","fetch b"]},)"
        R"({"kind":"thread","ms":30},{"kind":"db","ms":20}]},
{"name":"fetch a","steps":[{"kind":"http","ms":120},{"kind":"cpu","ms":8}]},
{"name":"fetch b","steps":[{"kind":"http","ms":90},{"kind":"cpu","ms":6}]}
]}
)");
    // Threads only when not 4; a colour only when not the palette's.
    Scenario s = makeScenario({{"A", {{Cpu, 1}}}});
    s.threads = 8;
    s.kinds.declare("cache", "", 0x123456);
    EXPECT_EQ(serializeScenario(s), R"({"format":"coroscope-scenario","version":2,"title":"title",)"
                                    R"("subtitle":"subtitle","threads":8,)"
                                    R"("resources":[{"name":"cache","color":"#123456"}],"tasks":[
{"name":"A","steps":[{"kind":"cpu","ms":1}]}
]}
)");
}

TEST(ScenarioFormatV2, AVersion2FileOfVersion1ContentsIsSavedAsVersion1) {
    const auto result = parseScenario(v2(R"([{"name": "A", "steps": [{"kind": "io", "ms": 3}]}])",
                                         R"("threads": 4, "resources": [{"name": "io"}],)"));
    ASSERT_TRUE(result) << result.error().message;
    const Scenario plain{"", "", {{"A", {{Io, 3}}}}};
    EXPECT_EQ(result.value(), plain);
    EXPECT_EQ(formatVersion(result.value()), 1);
    EXPECT_EQ(serializeScenario(result.value()),
              "{\"format\":\"coroscope-scenario\",\"version\":1,\"title\":\"\",\"subtitle\":\"\","
              "\"tasks\":[\n{\"name\":\"A\",\"steps\":[{\"kind\":\"io\",\"ms\":3}]}\n]}\n");
}

TEST(ScenarioFormatV2, KeysMayComeInAnyOrder) {
    // The tasks before the version and the resources they use: read on a second pass.
    const auto late = parseScenario(
        R"({"tasks": [{"steps": [{"ms": 7, "kind": "db"}, {"tasks": ["b"], "kind": "join"}],
                       "name": "a"}, {"name": "b", "start_ms": 3, "steps": [{"kind": "thread", "ms": 2}]}],
            "resources": [{"limit": 1, "name": "db"}], "threads": 2, "version": 2,
            "format": "coroscope-scenario"})");
    ASSERT_TRUE(late) << late.error().message;
    Scenario expected{"", "", {}};
    expected.threads = 2;
    const StepKind db = expected.kinds.declare("db", "", std::nullopt, 1);
    const StepKind thread = expected.kinds.ensure(KindBehaviour::Thread);
    const StepKind join = expected.kinds.ensure(KindBehaviour::Join);
    expected.tasks = {{"a", {{db, 7}, {join, 0, {1}}}}, {"b", {{thread, 2}}, 3}};
    EXPECT_EQ(late.value(), expected);
}

TEST(ScenarioFormatV2, StructuralKindsFollowTheResourcesInAFixedOrder) {
    const auto result = parseScenario(v2(
        tasksJson({{"a", {joinOf({"b"}), {"thread", {}}}}, {"b", {spawnOf("c")}}, {"c", {kCpu}}})));
    ASSERT_TRUE(result) << result.error().message;
    const KindTable& kinds = result->kinds;
    ASSERT_EQ(kinds.size(), 6u);
    EXPECT_EQ(kinds[StepKind{3}].name, "thread");
    EXPECT_EQ(kinds[StepKind{4}].name, "spawn");
    EXPECT_EQ(kinds[StepKind{5}].name, "join");
    EXPECT_EQ(result->tasks[0].steps[0], (Step{StepKind{5}, 0, {1}}));
    EXPECT_EQ(result->tasks[0].steps[1], (Step{StepKind{3}, 1}));
    EXPECT_EQ(result->tasks[1].steps[0], (Step{StepKind{4}, 0, {2}}));
}

TEST(ScenarioFormatV2, AVersion1FileIsToldWhatNeedsVersion2) {
    const std::pair<std::string, std::string> cases[] = {
        {v1(R"([{"name": "A", "steps": [{"kind": "cpu", "ms": 1}, {"kind": "thread", "ms": 2}]}])"),
         "task 1 \"A\", step 2: kind \"thread\" needs \"version\": 2"},
        {v1(R"([{"name": "A", "steps": [{"kind": "spawn", "task": "B"}]}])"),
         "task 1 \"A\", step 1: kind \"spawn\" needs \"version\": 2"},
        {v1(R"([{"name": "A", "steps": [{"kind": "join", "tasks": ["B"]}]}])"),
         "task 1 \"A\", step 1: kind \"join\" needs \"version\": 2"},
        {v1(R"([{"name": "A", "start_ms": 5, "steps": [{"kind": "cpu", "ms": 1}]}])"),
         "task 1 \"A\": \"start_ms\" needs \"version\": 2"},
        {v1(R"([{"name": "A", "steps": [{"kind": "cpu", "ms": 1}]}])", R"("threads": 8,)"),
         "scenario: \"threads\" needs \"version\": 2"},
        {v1(R"([{"name": "A", "steps": [{"kind": "db", "ms": 1}]}])",
            R"("resources": [{"name": "db"}],)"),
         "scenario: \"resources\" needs \"version\": 2"},
        // What version 2 does not allow either keeps its version 1 message.
        {v1(R"([{"name": "A", "steps": [{"kind": "db", "ms": 1}]}])"),
         "task 1 \"A\", step 1: unknown kind \"db\" (use cpu, io or http)"},
        {v1(R"([{"name": "A", "steps": [{"kind": "cpu", "ms": 1, "task": "B"}]}])"),
         "task 1 \"A\", step 1: unknown key \"task\" (allowed: kind, ms)"},
        {v1(R"([{"name": "A", "steps": [{"kind": "cpu", "ms": 1}]}])", R"("zz": 1,)"),
         "scenario: unknown key \"zz\" (allowed: format, version, title, subtitle, tasks)"},
        {v1(R"([{"name": "A", "x": 1, "steps": [{"kind": "cpu", "ms": 1}]}])"),
         "task 1 \"A\": unknown key \"x\" (allowed: name, steps)"},
    };
    for (const auto& [json, message] : cases)
        EXPECT_EQ(errorOf(json), message) << json;
}

TEST(ScenarioFormatV2, VersionsPastTwoAreRefused) {
    EXPECT_EQ(
        errorOf(R"({"format": "coroscope-scenario", "version": 3, "threads": 2, "tasks": []})"),
        "scenario: version 3 is newer than this Coroscope reads (up to 2)");
}

// Every new refusal, in a version 2 file: the place and the rule.
TEST(ScenarioFormatV2, EachRuleHasItsOwnMessage) {
    const std::string one = R"([{"name": "A", "steps": [{"kind": "cpu", "ms": 1}]}])";
    const auto withStep = [](std::string_view step) {
        return v2(R"([{"name": "A", "steps": [)" + std::string(step) +
                  R"(]}, {"name": "B", "steps": [{"kind": "cpu", "ms": 1}]}])");
    };
    const auto withResource = [&](std::string_view resources) {
        return v2(one, R"("resources": )" + std::string(resources) + ",");
    };
    std::string thousand = "[";
    for (int i = 0; i < 1001; ++i)
        thousand += (i == 0 ? "\"" : ",\"") + std::to_string(i) + "\"";
    thousand += "]";
    const std::pair<std::string, std::string> cases[] = {
        // The top level.
        {v2(one, R"("threads": 0,)"), "scenario: threads 0 is outside 1..1024"},
        {v2(one, R"("threads": 1025,)"), "scenario: threads 1025 is outside 1..1024"},
        {v2(one, R"("threads": 2.5,)"), "scenario: threads 2.5 is not a whole number"},
        {v2(one, R"("threads": "4",)"), "scenario: \"threads\" must be a number"},
        {v2(one, R"("resources": {},)"), "scenario: \"resources\" must be an array"},
        {v2(one, R"("zz": 1,)"), "scenario: unknown key \"zz\" (allowed: format, version, title, "
                                 "subtitle, tasks, threads, resources)"},
        // Resources.
        {withResource("[7]"), "resource 1: a resource must be an object like {\"name\": \"db\"}"},
        {withResource(R"([{"label": "x"}])"), "resource 1: \"name\" must be a string"},
        {withResource(R"([{"name": "db", "size": 1}])"),
         "resource 1 \"db\": unknown key \"size\" (allowed: name, label, color, limit)"},
        {withResource(R"([{"name": "DB"}])"),
         "resource 1 \"DB\": a resource's name is 1 to 32 characters of a-z, 0-9 and _, "
         "starting with a letter"},
        {withResource(R"([{"name": ""}])"),
         "resource 1 \"\": a resource's name is 1 to 32 characters of a-z, 0-9 and _, starting "
         "with a letter"},
        {withResource(R"([{"name": "_db"}])"),
         "resource 1 \"_db\": a resource's name is 1 to 32 characters of a-z, 0-9 and _, "
         "starting with a letter"},
        {withResource(R"([{"name": "abcdefghijklmnopqrstuvwxyz0123456"}])"),
         "resource 1 \"abcdefghijklmnopqrstuvwxyz0123456\": a resource's name is 1 to 32 "
         "characters of a-z, 0-9 and _, starting with a letter"},
        {withResource(R"([{"name": "cpu"}])"),
         "resource 1 \"cpu\": \"cpu\" is a kind of its own: a resource cannot be called cpu, "
         "thread, spawn or join"},
        {withResource(R"([{"name": "join"}])"),
         "resource 1 \"join\": \"join\" is a kind of its own: a resource cannot be called cpu, "
         "thread, spawn or join"},
        {withResource(R"([{"name": "db"}, {"name": "io"}, {"name": "db"}])"),
         "resource 3 \"db\": \"db\" is listed twice (first as resource 1)"},
        {withResource(R"([{"name": "http"}, {"name": "http", "limit": 2}])"),
         "resource 2 \"http\": \"http\" is listed twice (first as resource 1)"},
        {withResource(R"([{"name": "db", "label": 5}])"),
         "resource 1 \"db\": \"label\" must be a string"},
        {withResource(R"([{"name": "db", "label": ")" + std::string(201, 'x') + "\"}]"),
         "resource 1 \"db\": the label is longer than 200 bytes"},
        {withResource(R"([{"name": "db", "color": "red"}])"),
         "resource 1 \"db\": \"color\" must be \"#rrggbb\", six hex digits after a #"},
        {withResource(R"([{"name": "db", "color": "#12345"}])"),
         "resource 1 \"db\": \"color\" must be \"#rrggbb\", six hex digits after a #"},
        {withResource(R"([{"name": "db", "color": "#12345g"}])"),
         "resource 1 \"db\": \"color\" must be \"#rrggbb\", six hex digits after a #"},
        {withResource(R"([{"name": "db", "color": 8000000}])"),
         "resource 1 \"db\": \"color\" must be \"#rrggbb\", six hex digits after a #"},
        {withResource(R"([{"name": "db", "limit": 0}])"),
         "resource 1 \"db\": limit 0 is outside 1..100000"},
        {withResource(R"([{"name": "io", "limit": 100001}])"),
         "resource 1 \"io\": limit 100001 is outside 1..100000"},
        {withResource(R"([{"name": "db", "limit": 1.5}])"),
         "resource 1 \"db\": limit 1.5 is not a whole number"},
        {withResource(R"([{"name": "db", "limit": null}])"),
         "resource 1 \"db\": \"limit\" must be a number"},
        // Tasks and their start times.
        {v2(R"([{"name": "A", "start_ms": -1, "steps": [{"kind": "cpu", "ms": 1}]}])"),
         "task 1 \"A\": start time -1 ms is outside 0..86400000 ms"},
        {v2(R"([{"name": "A", "start_ms": 86400001, "steps": [{"kind": "cpu", "ms": 1}]}])"),
         "task 1 \"A\": start time 86400001 ms is outside 0..86400000 ms"},
        {v2(R"([{"name": "A", "start_ms": 0.5, "steps": [{"kind": "cpu", "ms": 1}]}])"),
         "task 1 \"A\": start time 0.5 ms is not a whole number of milliseconds"},
        {v2(R"([{"name": "A", "start_ms": "5", "steps": [{"kind": "cpu", "ms": 1}]}])"),
         "task 1 \"A\": \"start_ms\" must be a number of milliseconds"},
        {v2(R"([{"name": "A", "begin": 5, "steps": [{"kind": "cpu", "ms": 1}]}])"),
         "task 1 \"A\": unknown key \"begin\" (allowed: name, steps, start_ms)"},
        {v2(R"([{"name": "A", "steps": [{"kind": "cpu", "ms": 1}]},
                {"name": "B", "steps": [{"kind": "cpu", "ms": 1}]},
                {"name": "A", "steps": [{"kind": "cpu", "ms": 1}]}])"),
         "task 3 \"A\": the name is task 1's too; task names are unique in a version 2 file"},
        // Steps.
        {withStep(R"({"kind": "gpu", "ms": 1})"),
         "task 1 \"A\", step 1: unknown kind \"gpu\" (use cpu, io, http, thread, spawn or join)"},
        {v2(R"([{"name": "A", "steps": [{"kind": "gpu", "ms": 1}]}])",
            R"("resources": [{"name": "db"}],)"),
         "task 1 \"A\", step 1: unknown kind \"gpu\" (use cpu, io, http, db, thread, spawn or "
         "join)"},
        {withStep(R"({"kind": "thread", "ms": 0})"),
         "task 1 \"A\", step 1: duration 0 ms is outside 1..86400000 ms"},
        {withStep(R"({"kind": "thread"})"),
         "task 1 \"A\", step 1: \"ms\" must be a number of milliseconds"},
        {withStep(R"({"kind": "spawn", "task": "B", "ms": 1})"),
         "task 1 \"A\", step 1: \"ms\" does not belong in a spawn step (allowed: kind, task)"},
        {withStep(R"({"kind": "join", "task": "B"})"),
         "task 1 \"A\", step 1: \"task\" does not belong in a join step (allowed: kind, tasks)"},
        {withStep(R"({"kind": "cpu", "ms": 1, "tasks": ["B"]})"),
         "task 1 \"A\", step 1: \"tasks\" does not belong in a cpu step (allowed: kind, ms)"},
        {withStep(R"({"kind": "spawn"})"),
         "task 1 \"A\", step 1: \"task\" must be the name of a task"},
        {withStep(R"({"kind": "spawn", "task": ["B"]})"),
         "task 1 \"A\", step 1: \"task\" must be the name of a task"},
        {withStep(R"({"kind": "join", "tasks": "B"})"),
         "task 1 \"A\", step 1: \"tasks\" must be an array of task names"},
        {withStep(R"({"kind": "join", "tasks": ["B", 2]})"),
         "task 1 \"A\", step 1: \"tasks\" must be an array of task names"},
        {withStep(R"({"kind": "join", "tasks": []})"),
         "task 1 \"A\", step 1: a join names at least one task"},
        {withStep(R"({"kind": "join", "tasks": )" + thousand + "}"),
         "task 1 \"A\", step 1: joins 1001 tasks, more than the 1000 allowed"},
        {withStep(R"({"kind": "x", "ms": 1, "ms": 2})"),
         "task 1 \"A\", step 1: the key \"ms\" appears twice"},
        {withStep(R"({"kind": "cpu", "ms": 1, "name": "x"})"),
         "task 1 \"A\", step 1: unknown key \"name\" (allowed: kind, ms, task, tasks)"},
        // What spawns and joins name.
        {withStep(R"({"kind": "spawn", "task": "C"})"),
         "task 1 \"A\", step 1: spawns \"C\", which is not a task of the scenario"},
        {withStep(R"({"kind": "join", "tasks": ["B", "fetch c"]})"),
         "task 1 \"A\", step 1: joins \"fetch c\", which is not a task of the scenario"},
        {withStep(R"({"kind": "spawn", "task": "A"})"), "task 1 \"A\", step 1: spawns itself"},
        {withStep(R"({"kind": "join", "tasks": ["B", "A"]})"),
         "task 1 \"A\", step 1: joins itself"},
        {withStep(R"({"kind": "join", "tasks": ["B", "B"]})"),
         "task 1 \"A\", step 1: joins \"B\" twice"},
        {v2(tasksJson({{"A", {spawnOf("C")}}, {"B", {kCpu, spawnOf("C")}}, {"C", {kCpu}}})),
         "task 2 \"B\", step 2: spawns \"C\", which task 1 \"A\", step 1 spawns already (a task "
         "is spawned at most once)"},
        {v2(R"([{"name": "A", "steps": [{"kind": "spawn", "task": "B"}]},
                {"name": "B", "start_ms": 10, "steps": [{"kind": "cpu", "ms": 1}]}])"),
         "task 2 \"B\": a spawned task has no start time (task 1 \"A\", step 1 spawns it)"},
    };
    for (const auto& [json, message] : cases)
        EXPECT_EQ(errorOf(json), message) << json;
}

TEST(ScenarioFormatV2, AtMost64Kinds) {
    std::string resources = "[";
    for (int i = 0; i < 61; ++i)
        resources +=
            (i == 0 ? "" : ",") + std::string(R"({"name": "r)") + std::to_string(i) + "\"}";
    const std::string full = resources + "]";
    const std::string tasks = R"([{"name": "A", "steps": [{"kind": "r60", "ms": 1}]}])";
    EXPECT_EQ(errorOf(v2(tasks, R"("resources": )" + full + ",")), "loaded");
    EXPECT_EQ(errorOf(v2(tasks, R"("resources": )" + resources + R"(, {"name": "more"}],)")),
              "resource 62 \"more\": brings the scenario past the 64 kinds allowed");
    EXPECT_EQ(errorOf(v2(R"([{"name": "A", "steps": [{"kind": "thread", "ms": 1}]}])",
                         R"("resources": )" + full + ",")),
              "scenario: has 65 kinds, more than the 64 allowed");
}

TEST(ScenarioFormatV2, AJoinNamesUpTo1000Tasks) {
    const auto handler = [](std::size_t joined) {
        std::vector<std::string> names;
        std::vector<Sketch> tasks{{"handler", {}}};
        for (std::size_t i = 0; i < joined; ++i) {
            names.push_back("t" + std::to_string(i));
            tasks.push_back({names.back(), {kCpu}});
        }
        tasks[0].steps = {joinOf(names)};
        return v2(tasksJson(tasks));
    };
    EXPECT_EQ(errorOf(handler(1000)), "loaded");
    EXPECT_EQ(errorOf(handler(1001)),
              "task 1 \"handler\", step 1: joins 1001 tasks, more than the 1000 allowed");
}

// ---- The run must end ----------------------------------------------------------------------

TEST(RunEnds, AJoinOnATaskNeverStartedIsRefused) {
    // c is spawned only by a, which never gets past its join on b, which joins c.
    EXPECT_EQ(errorOf(v2(tasksJson(
                  {{"a", {joinOf({"b"}), spawnOf("c")}}, {"b", {joinOf({"c"})}}, {"c", {kCpu}}}))),
              "task 2 \"b\", step 1: joins \"c\", which is never started");
    // A task joining one it spawns later.
    EXPECT_EQ(errorOf(v2(tasksJson({{"a", {joinOf({"b"}), spawnOf("b")}}, {"b", {kCpu}}}))),
              "task 1 \"a\", step 1: joins \"b\", which is never started");
}

TEST(RunEnds, TasksThatJoinEachOtherAreRefused) {
    EXPECT_EQ(errorOf(v2(tasksJson({{"a", {kCpu, joinOf({"b"})}}, {"b", {joinOf({"a"})}}}))),
              "scenario: tasks \"a\" and \"b\" join each other");
    EXPECT_EQ(errorOf(v2(tasksJson({{"x", {kCpu}},
                                    {"b", {joinOf({"c"})}},
                                    {"a", {joinOf({"x", "b"})}},
                                    {"c", {joinOf({"a"})}}}))),
              "scenario: tasks \"b\", \"c\" and \"a\" join each other in a circle");
    // The circle is named, not the tasks waiting on it.
    EXPECT_EQ(errorOf(v2(tasksJson(
                  {{"w", {joinOf({"p"})}}, {"p", {joinOf({"q"})}}, {"q", {joinOf({"p"})}}}))),
              "scenario: tasks \"p\" and \"q\" join each other");
}

TEST(RunEnds, TasksThatSpawnEachOtherNeverStart) {
    EXPECT_EQ(
        errorOf(v2(tasksJson({{"top", {kCpu}}, {"a", {spawnOf("b")}}, {"b", {spawnOf("a")}}}))),
        "scenario: tasks \"a\" and \"b\" spawn each other, so neither is ever started");
    EXPECT_EQ(errorOf(v2(tasksJson({{"top", {kCpu}},
                                    {"a", {spawnOf("b")}},
                                    {"b", {spawnOf("c")}},
                                    {"c", {spawnOf("a")}}}))),
              "scenario: tasks \"a\", \"b\" and \"c\" spawn each other in a circle, so none is "
              "ever started");
}

TEST(RunEnds, ALongCircleIsNamedInShort) {
    std::vector<Sketch> tasks;
    for (int i = 0; i < 12; ++i)
        tasks.push_back({"t" + std::to_string(i), {joinOf({"t" + std::to_string((i + 1) % 12)})}});
    EXPECT_EQ(errorOf(v2(tasksJson(tasks))),
              "scenario: tasks \"t0\", \"t1\", \"t2\", \"t3\", \"t4\", \"t5\", \"t6\", \"t7\", "
              "\"t8\", \"t9\" and 2 more join each other in a circle");
}

TEST(RunEnds, RunsThatEndAreAccepted) {
    // Join before and after spawning; a task joined by several; a done task joined again.
    EXPECT_EQ(errorOf(v2(tasksJson({{"a", {spawnOf("b"), joinOf({"b", "c"}), joinOf({"c"})}},
                                    {"b", {joinOf({"c"})}},
                                    {"c", {kCpu}},
                                    {"d", {joinOf({"b"})}}}))),
              "loaded");
}

// 100,000 tasks: a chain of joins, a chain of spawns and a handler joining 1,000 of the others,
// all worked out without recursion or quadratic loops.
TEST(RunEnds, LongChainsEnd) {
    constexpr std::size_t n = kMaxTasks;
    Scenario joins = makeScenario({});
    const StepKind join = joins.kinds.ensure(KindBehaviour::Join);
    for (std::size_t t = 0; t < n; ++t)
        joins.tasks.push_back({"t" + std::to_string(t),
                               t + 1 < n ? std::vector<Step>{{join, 0, {std::uint32_t(t + 1)}}}
                                         : std::vector<Step>{{Cpu, 1}}});
    EXPECT_TRUE(validateScenario(joins));
    joins.tasks.back().steps = {{join, 0, {0}}}; // now a circle of 100,000
    const auto circle = validateScenario(joins);
    ASSERT_FALSE(circle);
    EXPECT_EQ(circle.error().message.substr(0, 38),
              "scenario: tasks \"t0\", \"t1\", \"t2\", \"t3\"");
    EXPECT_NE(circle.error().message.find("and 99990 more join each other in a circle"),
              std::string::npos);

    Scenario spawns = makeScenario({});
    const StepKind spawn = spawns.kinds.ensure(KindBehaviour::Spawn);
    const StepKind join2 = spawns.kinds.ensure(KindBehaviour::Join);
    for (std::size_t t = 0; t < n; ++t) {
        std::vector<Step> steps{{Cpu, 1}};
        if (t + 1 < n)
            steps = {{spawn, 0, {std::uint32_t(t + 1)}}, {join2, 0, {std::uint32_t(t + 1)}}};
        spawns.tasks.push_back({"t" + std::to_string(t), steps});
    }
    EXPECT_TRUE(validateScenario(spawns));
    const auto parsed = parseScenario(serializeScenario(spawns));
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed.value(), spawns);

    Scenario handler = makeScenario({});
    const StepKind join3 = handler.kinds.ensure(KindBehaviour::Join);
    std::vector<std::uint32_t> joined;
    for (std::uint32_t t = 1; t <= 1000; ++t)
        joined.push_back(t * 97);
    handler.tasks.push_back({"handler", {{join3, 0, joined}}});
    for (std::size_t t = 1; t < n; ++t)
        handler.tasks.push_back({"t" + std::to_string(t), {{Io, 5}}});
    EXPECT_TRUE(validateScenario(handler));
}

// ---- Validation of the model ---------------------------------------------------------------

TEST(ScenarioValidationV2, TheModelKeepsTheRulesToo) {
    const auto messageFor = [](const Scenario& s) {
        const auto valid = validateScenario(s);
        return valid ? "valid" : valid.error().message;
    };
    Scenario s = fanOut();
    EXPECT_EQ(messageFor(s), "valid");
    s.threads = 0;
    EXPECT_EQ(messageFor(s), "scenario: threads 0 is outside 1..1024");
    s = fanOut();
    s.tasks[2].name = "fetch a";
    EXPECT_EQ(messageFor(s),
              "task 3 \"fetch a\": the name is task 2's too; task names are unique in a version 2 "
              "file");
    s = fanOut();
    s.tasks[1].startMs = 5;
    EXPECT_EQ(messageFor(s), "task 2 \"fetch a\": a spawned task has no start time (task 1 "
                             "\"handler\", step 2 spawns it)");
    s = fanOut();
    s.tasks[0].steps[3].tasks = {1, 7};
    EXPECT_EQ(messageFor(s), "task 1 \"handler\", step 4: joins task 8, which is not in the "
                             "scenario");
    s = fanOut();
    s.tasks[0].steps[1].ms = 5;
    EXPECT_EQ(messageFor(s), "task 1 \"handler\", step 2: a spawn step takes no time, not 5 ms");
    s = fanOut();
    s.tasks[0].steps[0].tasks = {1};
    EXPECT_EQ(messageFor(s), "task 1 \"handler\", step 1: a cpu step names no tasks");
    s = fanOut();
    s.tasks[0].startMs = kMaxStartMs + 1;
    EXPECT_EQ(messageFor(s),
              "task 1 \"handler\": start time 86400001 ms is outside 0..86400000 ms");
    s = fanOut();
    s.kinds.declare("Bad");
    EXPECT_EQ(messageFor(s), "resource \"Bad\": a resource's name is 1 to 32 characters of a-z, "
                             "0-9 and _, starting with a letter");
    // A version 1 scenario may still repeat names.
    EXPECT_EQ(messageFor(makeScenario({{"A", {{Cpu, 1}}}, {"A", {{Io, 1}}}})), "valid");
}

TEST(ScenarioValidationV2, FormatVersionSaysWhatTheScenarioUses) {
    EXPECT_EQ(formatVersion(seedScenario()), 1);
    Scenario s = seedScenario();
    s.threads = 2;
    EXPECT_EQ(formatVersion(s), 2);
    s = seedScenario();
    s.tasks[1].startMs = 1;
    EXPECT_EQ(formatVersion(s), 2);
    s = seedScenario();
    s.kinds.restyle(Io, "Disk", std::nullopt, 0);
    EXPECT_EQ(formatVersion(s), 2);
    s = seedScenario();
    const StepKind thread = s.kinds.ensure(KindBehaviour::Thread);
    EXPECT_EQ(formatVersion(s), 1) << "a structural kind no step uses";
    s.tasks[0].steps[0] = {thread, 5};
    EXPECT_EQ(formatVersion(s), 2);
}

// ---- Round trips ---------------------------------------------------------------------------

namespace {

// A version 2 scenario whose run ends: task i spawns and joins only later tasks, and joins a
// task only when it is top-level or spawned by i before the join. Resources first, then the
// structural kinds in the reader's order.
Scenario randomV2Scenario(std::uint32_t seed) {
    std::mt19937 rng(seed);
    const auto draw = [&](int lo, int hi) {
        return std::uniform_int_distribution<int>(lo, hi)(rng);
    };
    Scenario s{"v2 seed " + std::to_string(seed), draw(0, 1) ? "sub" : "", {}};
    if (draw(0, 2) == 0)
        s.threads = draw(1, int(kMaxThreads));
    if (draw(0, 1))
        s.kinds.restyle(Http, draw(0, 1) ? "Web" : "",
                        draw(0, 1) ? std::optional<Rgb>(0xabcdef) : std::nullopt, draw(0, 3));
    std::vector<StepKind> waits{Io, Http};
    for (int r = draw(0, 4); r > 0; --r)
        waits.push_back(s.kinds.declare(
            "r" + std::to_string(r), draw(0, 1) ? "Label \"" + std::to_string(r) + "\"" : "",
            draw(0, 1) ? std::optional<Rgb>(Rgb(draw(0, 0xffffff))) : std::nullopt,
            draw(0, 1) ? draw(1, int(kMaxLimit)) : 0));
    // The structural kinds as marks first: only those the steps use join the table, at the end.
    constexpr std::array<StepKind, 3> marks{StepKind{100}, StepKind{101}, StepKind{102}};
    const std::optional<StepKind> thread = draw(0, 1) ? std::optional(marks[0]) : std::nullopt;
    const std::optional<StepKind> spawn = draw(0, 1) ? std::optional(marks[1]) : std::nullopt;
    const std::optional<StepKind> join = draw(0, 1) ? std::optional(marks[2]) : std::nullopt;
    const int n = draw(1, 30);
    s.tasks.resize(std::size_t(n));
    std::vector<bool> spawned(std::size_t(n), false);
    std::vector<std::int64_t> spawnedBy(std::size_t(n), -1);
    // Who spawns whom is drawn first, so that a task's joins know what is top-level.
    for (int t = 0; t < n; ++t) {
        Task& task = s.tasks[std::size_t(t)];
        task.name = "task " + std::to_string(t) + (draw(0, 3) == 0 ? " \xC3\xA9" : "");
        for (int k = draw(1, 8); k > 0; --k) {
            const int what = draw(0, 5);
            if (what == 0 && spawn && t + 1 < n) {
                const int c = draw(t + 1, n - 1);
                if (!spawned[std::size_t(c)]) {
                    spawned[std::size_t(c)] = true;
                    spawnedBy[std::size_t(c)] = t;
                    task.steps.push_back({*spawn, 0, {std::uint32_t(c)}});
                    continue;
                }
            }
            if (what == 1 && thread) {
                task.steps.push_back({*thread, draw(1, 1000)});
                continue;
            }
            task.steps.push_back(
                {draw(0, 2) ? waits[std::size_t(draw(0, int(waits.size()) - 1))] : Cpu,
                 draw(1, 500)});
        }
    }
    // Joins: of a later top-level task, or of one this task spawned at an earlier step.
    for (int t = 0; join && t < n; ++t) {
        std::vector<Step>& steps = s.tasks[std::size_t(t)].steps;
        for (std::size_t at = 0; at <= steps.size(); ++at) {
            if (draw(0, 3) != 0)
                continue;
            std::vector<std::uint32_t> joined;
            for (int u = t + 1; u < n; ++u) {
                bool mine = false;
                for (std::size_t b = 0; b < at; ++b)
                    mine =
                        mine || (steps[b].kind == spawn && steps[b].tasks[0] == std::uint32_t(u));
                if ((!spawned[std::size_t(u)] || mine) && draw(0, 1))
                    joined.push_back(std::uint32_t(u));
            }
            if (!joined.empty()) {
                steps.insert(steps.begin() + std::ptrdiff_t(at), Step{*join, 0, joined});
                ++at;
            }
        }
    }
    for (int t = 0; t < n; ++t)
        if (!spawned[std::size_t(t)] && draw(0, 2) == 0)
            s.tasks[std::size_t(t)].startMs = draw(0, int(kMaxStartMs));
    constexpr std::array<KindBehaviour, 3> structural{KindBehaviour::Thread, KindBehaviour::Spawn,
                                                      KindBehaviour::Join};
    std::array<StepKind, 3> placed{};
    for (std::size_t i = 0; i < marks.size(); ++i) {
        bool used = false;
        for (const Task& task : s.tasks)
            for (const Step& step : task.steps)
                used = used || step.kind == marks[i];
        if (used)
            placed[i] = s.kinds.ensure(structural[i]);
    }
    for (Task& task : s.tasks)
        for (Step& step : task.steps)
            if (step.kind.index >= marks[0].index)
                step.kind = placed[step.kind.index - marks[0].index];
    return s;
}

} // namespace

TEST(ScenarioFormatV2, GeneratedScenariosRoundTrip) {
    int version2 = 0;
    for (std::uint32_t seed = 1; seed <= 300; ++seed) {
        const Scenario s = randomV2Scenario(seed);
        ASSERT_TRUE(validateScenario(s)) << seed << ": " << validateScenario(s).error().message;
        const std::string bytes = serializeScenario(s);
        const auto parsed = parseScenario(bytes);
        ASSERT_TRUE(parsed) << seed << ": " << parsed.error().message << "\n" << bytes;
        if (formatVersion(s) == 2) {
            ++version2;
            EXPECT_EQ(parsed.value(), s) << seed << "\n" << bytes;
        }
        EXPECT_EQ(serializeScenario(parsed.value()), bytes) << seed;
    }
    EXPECT_GT(version2, 250);
}

TEST(ScenarioFormatV2, TheFuzzCorpusHoldsVersion2Files) {
    const std::string corpus = COROSCOPE_FUZZ_CORPUS;
    const auto fanOutFile = readScenarioFile(corpus + "/v2-fan-out.json");
    ASSERT_TRUE(fanOutFile) << fanOutFile.error().message;
    EXPECT_EQ(fanOutFile.value(), fanOut());
    const auto tasksFirst = readScenarioFile(corpus + "/v2-tasks-first.json");
    ASSERT_TRUE(tasksFirst) << tasksFirst.error().message;
    EXPECT_EQ(tasksFirst->kinds[StepKind{3}].color, 0x00ff7fu);
    EXPECT_EQ(readScenarioFile(corpus + "/v2-join-circle.json").error().message,
              corpus + "/v2-join-circle.json: task 2 \"b\", step 1: joins \"c\", which is never "
                       "started");
}
