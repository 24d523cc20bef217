// Recordings of a run under real asyncio, without Qt: the seed's recording gives back the seed
// scenario and what was measured, every broken or foreign trace gets one message naming the
// place and the rule, and the file reader tells recordings from scenario files.

#include "analysis/narration.h"
#include "asyncio/openedfile.h"
#include "asyncio/recording.h"
#include "asyncio/rundifferences.h"
#include "format/scenarioformat.h"
#include "loop/runrecord.h"
#include "loop/timeline.h"
#include "resultchecks.h"
#include "tempdir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace coroscope;
using namespace coroscope::test;
using namespace builtin;

namespace {

std::string readText(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

std::string seedRecording() {
    return readText(COROSCOPE_RECORDINGS "/seed.json");
}

Scenario seedScenario() {
    return readScenarioFile(COROSCOPE_DEFAULT_SCENARIO).value();
}

// The model's run of a scenario against a recording's measured run, task by task (Run is
// also a member of the test fixtures' base: named in full).
std::vector<TaskDifference> comparedWith(const Scenario& model, const Recording& recording) {
    const coroscope::Run run = simulateRun(model);
    const Lanes lanes(run.timeline, model.tasks.size());
    return compareRuns(lanes, taskTotals(run, model), recording.measured,
                       matchTasks(model, recording.measured));
}

std::string errorOf(std::string_view json) {
    const auto result = parseRecording(json);
    return result ? "loaded" : result.error().message;
}

// The seed's recording with the first `from` replaced by `to` (which must be there).
std::string seedWith(std::string_view from, std::string_view to) {
    std::string text = seedRecording();
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

// A file of dir's with this content.
std::string written(const TempDir& dir, std::string_view name, std::string_view content) {
    const std::string path = dir.file(name);
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

// A file of dir's that starts with start and is size bytes long: zeros after it, sparse, so
// that no disk is written.
std::string sized(const TempDir& dir, std::string_view name, std::string_view start,
                  std::uint64_t size) {
    const std::string path = written(dir, name, start);
    std::filesystem::resize_file(path, size);
    return path;
}

} // namespace

TEST(Recording, TheSeedsRecordingGivesBackTheSeedScenario) {
    const Result<Recording> recording = parseRecording(seedRecording());
    ASSERT_TRUE(succeeded(recording));
    EXPECT_EQ(recording.value().scenario, seedScenario());
    EXPECT_EQ(recording.value().measured.python(), "3.11.2");
    EXPECT_EQ(recording.value().measured.stretch(), 1);
}

TEST(Recording, KeepsWhatWasMeasuredPerTaskInStepOrder) {
    const MeasuredRun run = parseRecording(seedRecording()).value().measured;
    ASSERT_EQ(run.tasks(), 3u);
    ASSERT_EQ(run.segmentCount(), 9u);
    const std::span<const MeasuredSegment> task1 = run.lane(0);
    ASSERT_EQ(task1.size(), 3u);
    // A cpu step: as measured, resumed at its end.
    EXPECT_EQ(task1[0], (MeasuredSegment{0.1, 150.3, 150.3, Cpu}));
    // A wait: its nominal end, and its await returning 6.8 ms later (Task 2 held the loop).
    EXPECT_EQ(task1[1], (MeasuredSegment{150.35, 500.35, 507.15, Io, false, 1}));
    EXPECT_NEAR(task1[1].late(), 6.8, 1e-9);
    EXPECT_EQ(task1[1].until(), 507.15);
    EXPECT_EQ(task1[0].late(), 0);
    EXPECT_EQ(run.lane(2)[1], (MeasuredSegment{376.9, 676.9, 680, Http, false, 1}));
    EXPECT_EQ(run.end(), 807.2);
    EXPECT_EQ(run.taskNames(), (std::vector<std::string>{"Task 1", "Task 2", "Task 3"}));
}

TEST(Recording, FindsTheSegmentsInATimeRangeByBinarySearch) {
    const MeasuredRun run = parseRecording(seedRecording()).value().measured;
    // Task 1: cpu 0.1–150.3, io 150.35–507.15 (with its late return), cpu 507.2–607.3.
    EXPECT_EQ(run.overlapping(0, 0, 1000), (std::pair<std::size_t, std::size_t>{0, 3}));
    EXPECT_EQ(run.overlapping(0, 200, 300), (std::pair<std::size_t, std::size_t>{1, 2}));
    EXPECT_EQ(run.overlapping(0, 505, 506), (std::pair<std::size_t, std::size_t>{1, 2}));
    EXPECT_EQ(run.overlapping(0, 700, 800), (std::pair<std::size_t, std::size_t>{3, 3}));
    EXPECT_EQ(run.overlapping(5, 0, 1000), (std::pair<std::size_t, std::size_t>{0, 0}));
}

TEST(Recording, FindsTheSegmentDrawnAtATime) {
    const MeasuredRun run = parseRecording(seedRecording()).value().measured;
    const std::span<const MeasuredSegment> task1 = run.lane(0);
    // Task 1: cpu 0.1–150.3, io 150.35–507.15 (with its late return), cpu 507.2–607.3.
    EXPECT_EQ(run.segmentAt(0, 0.1), &task1[0]);
    EXPECT_EQ(run.segmentAt(0, 200), &task1[1]);
    EXPECT_EQ(run.segmentAt(0, 505), &task1[1]) << "its late return is drawn too";
    EXPECT_EQ(run.segmentAt(0, 600), &task1[2]);
    EXPECT_EQ(run.segmentAt(0, 0.05), nullptr) << "before the first";
    EXPECT_EQ(run.segmentAt(0, 150.32), nullptr) << "between two";
    EXPECT_EQ(run.segmentAt(0, 607.3), nullptr) << "a segment ends before its end";
    EXPECT_EQ(run.segmentAt(5, 100), nullptr) << "no such task";
}

TEST(Recording, KeysMayComeInAnyOrderAndOtherTracesFieldsAreLeftAlone) {
    const std::string json = R"({"traceEvents": [
        {"args": {"returned_us": 2500, "ms": 2, "step": 1}, "dur": 2000, "ts": 0, "tid": 1,
         "ph": "X", "cat": "io", "name": "I/O Wait", "id": 7},
        {"ph": "i", "name": "an instant", "ts": 5},
        {"args": {"name": "A"}, "tid": 1, "ph": "M", "name": "thread_name"},
        {"args": {"name": "T"}, "ph": "M", "name": "process_name"}],
      "metadata": {"anything": [1, 2]},
      "otherData": {"python": "3.12.0", "subtitle": "", "stretch": 20.5, "version": 1,
                    "format": "coroscope-recording", "host": "ci"}})";
    const Result<Recording> recording = parseRecording(json);
    ASSERT_TRUE(succeeded(recording));
    EXPECT_EQ(recording.value().scenario, (Scenario{"T", "", {{"A", {{Io, 2}}}}}));
    EXPECT_EQ(recording.value().measured.lane(0)[0], (MeasuredSegment{0, 2, 2.5, Io}));
    EXPECT_EQ(recording.value().measured.stretch(), 20.5);
}

TEST(Recording, StepsMayBeListedOutOfOrder) {
    // Events are written as segments start; a task's own steps are sorted by their number.
    const std::string first = R"("ts": 100.0, "dur": 150200.0, "args": {"step": 1, "ms": 150})";
    const std::string last = R"("ts": 507200.0, "dur": 100100.0, "args": {"step": 3, "ms": 100})";
    std::string json = seedWith(first, "FIRST");
    json.replace(json.find(last), last.size(), first);
    json.replace(json.find("FIRST"), 5, last);
    const Result<Recording> recording = parseRecording(json);
    ASSERT_TRUE(succeeded(recording));
    EXPECT_EQ(recording.value().scenario, seedScenario());
    EXPECT_EQ(recording.value().measured.lane(0)[0].start, 0.1);
}

struct Refusal {
    const char* name;
    std::string json;
    std::string message;
};

void PrintTo(const Refusal& refusal, std::ostream* out) {
    *out << refusal.name;
}

class RefusedRecording : public ::testing::TestWithParam<Refusal> {};

TEST_P(RefusedRecording, WithOneMessageNamingThePlaceAndTheRule) {
    EXPECT_EQ(errorOf(GetParam().json), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Recording, RefusedRecording,
    ::testing::Values(
        // Not ours.
        Refusal{"ourOwnChromeTrace",
                R"({"displayTimeUnit":"ms","traceEvents":[{"args":{"name":"T"},"name":)"
                R"("process_name","ph":"M","pid":1},{"args":{"step":1},"cat":"cpu","dur":)"
                R"(150000,"name":"Processing","ph":"X","pid":1,"tid":1,"ts":0}]})",
                std::string(kNotARecording)},
        Refusal{"anotherFormat", seedWith("coroscope-recording", "perfetto-export"),
                std::string(kNotARecording)},
        Refusal{"otherDataNotAnObject",
                R"({"otherData": "coroscope-recording", "traceEvents": []})",
                std::string(kNotARecording)},
        // The header.
        Refusal{"newerVersion", seedWith(R"("version": 1)", R"("version": 4)"),
                "otherData: version 4 is newer than this Coroscope reads (up to 3)"},
        Refusal{"versionAsText", seedWith(R"("version": 1)", R"("version": "1")"),
                "otherData: \"version\" must be a whole number from 1"},
        Refusal{"noStretch", seedWith(R"("stretch": 1)", R"("stretch": 0)"),
                "otherData.stretch: must be a number above 0 (how many times slower than the "
                "scenario the program ran)"},
        Refusal{"noPython", seedWith(R"(, "python": "3.11.2")", ""),
                "otherData.python: must be a string (the Python version it ran on)"},
        Refusal{"subtitleNotText",
                seedWith(R"("subtitle": "Sequential)", R"("subtitle": 5, "x": "S)"),
                "otherData.subtitle: must be a string (the scenario's subtitle)"},
        Refusal{"formatTwice",
                seedWith(R"("version": 1)", R"("version": 1, "format": "coroscope-recording")"),
                "otherData: the key \"format\" appears twice"},
        Refusal{"eventsNotAnArray",
                R"({"otherData": {"format": "coroscope-recording", "version": 1, "stretch": 1,
                    "subtitle": "", "python": "3"}, "traceEvents": {}})",
                "traceEvents: must be an array"},
        // Events.
        Refusal{"eventNotAnObject", seedWith(R"("traceEvents": [)", R"("traceEvents": [5, )"),
                "traceEvents[0]: an event must be an object"},
        Refusal{
            "noPhase",
            seedWith(R"("ph": "M", "pid": 1, "args": {"name": "Asyn)", R"("args": {"name": "Asyn)"),
            "traceEvents[0].ph: must be a string (\"M\" names the scenario or a task, \"X\" "
            "is a step that ran)"},
        Refusal{"titleNotText",
                seedWith(R"({"name": "Asynchronous Task Execution"})", R"({"name": 5})"),
                "traceEvents[0].args.name: must be a string (the scenario's title)"},
        Refusal{"noTitle", seedWith(R"("process_name")", R"("process_label")"),
                "traceEvents: no process_name event (it names the scenario)"},
        Refusal{"twoTitles",
                seedWith(R"("name": "thread_name", "ph": "M", "pid": 1, "tid": 3)",
                         R"("name": "process_name", "ph": "M", "pid": 1, "tid": 3)"),
                "traceEvents[5]: a second process_name (the scenario's title is given once)"},
        Refusal{"threadNamedTwice",
                seedWith(R"("tid": 2, "args": {"name": "Task 2"})",
                         R"("tid": 1, "args": {"name": "Task 2"})"),
                "traceEvents[3].tid: thread 1 is named twice"},
        Refusal{"threadNotNamed",
                seedWith(R"("thread_name", "ph": "M", "pid": 1, "tid": 2)",
                         R"("thread_label", "ph": "M", "pid": 1, "tid": 2)"),
                "traceEvents: no thread_name for tid 2 (the tasks are threads 1 to 3, each named)"},
        Refusal{"stepOfAnUnknownThread",
                seedWith(R"("tid": 3, "ts": 250700.0)", R"("tid": 4, "ts": 250700.0)"),
                "traceEvents[11].tid: thread 4 has no thread_name (the tasks are threads 1 to 3, "
                "each named)"},
        Refusal{"threadZero",
                seedWith(R"("tid": 3, "ts": 250700.0)", R"("tid": 0, "ts": 250700.0)"),
                "traceEvents[11].tid: must be a task's thread, a whole number from 1 to 100000"},
        Refusal{"threadAFraction",
                seedWith(R"("tid": 3, "ts": 250700.0)", R"("tid": 2.5, "ts": 250700.0)"),
                "traceEvents[11].tid: must be a task's thread, a whole number from 1 to 100000"},
        Refusal{"threadHuge",
                seedWith(R"("tid": 3, "ts": 250700.0)", R"("tid": 1e300, "ts": 250700.0)"),
                "traceEvents[11].tid: must be a task's thread, a whole number from 1 to 100000"},
        Refusal{"unknownKind",
                seedWith(R"("cat": "cpu", "ph": "X", "pid": 1, "tid": 3)",
                         R"("cat": "gpu", "ph": "X", "pid": 1, "tid": 3)"),
                "traceEvents[11].cat: unknown kind \"gpu\" (use cpu, io or http)"},
        Refusal{"kindNotText",
                seedWith(R"("cat": "cpu", "ph": "X", "pid": 1, "tid": 3)",
                         R"("cat": null, "ph": "X", "pid": 1, "tid": 3)"),
                "traceEvents[11].cat: must be a string (cpu, io or http)"},
        Refusal{"stepZero", seedWith(R"({"step": 1, "ms": 120})", R"({"step": 0, "ms": 120})"),
                "traceEvents[11].args.step: must be the step's number, a whole number from 1 to "
                "10000"},
        Refusal{"noArgs", seedWith(R"("args": {"step": 1, "ms": 120})", R"("args": [1, 120])"),
                "traceEvents[11].args.step: must be the step's number, a whole number from 1 to "
                "10000"},
        Refusal{"stepTwice", seedWith(R"({"step": 3, "ms": 130})", R"({"step": 2, "ms": 130})"),
                "traceEvents[13].args.step: task 2 \"Task 2\", step 2 ran twice (also "
                "traceEvents[10])"},
        Refusal{"stepMissing", seedWith(R"({"step": 4, "ms": 300)", R"({"step": 5, "ms": 300)"),
                "task 2 \"Task 2\": no event for step 4, though step 5 ran (a task's steps are 1 "
                "to n, none left out)"},
        Refusal{"noSteps",
                seedWith(R"({"name": "thread_sort_index", "ph": "M", "pid": 1, "tid": 3,)",
                         R"({"name": "thread_name", "ph": "M", "pid": 1, "tid": 4,
                             "args": {"name": "Idle"}}, {"name": "x", "ph": "M", "tid": 3,)"),
                "task 4 \"Idle\": a task needs at least one step"},
        Refusal{"emptyName", seedWith(R"({"name": "Task 2"})", R"({"name": ""})"),
                "task 2: the name is empty"},
        Refusal{"durationZero", seedWith(R"({"step": 1, "ms": 120})", R"({"step": 1, "ms": 0})"),
                "traceEvents[11].args.ms: duration 0 ms is outside 1..86400000 ms"},
        Refusal{"durationAFraction",
                seedWith(R"({"step": 1, "ms": 120})", R"({"step": 1, "ms": 2.5})"),
                "traceEvents[11].args.ms: duration 2.5 ms is not a whole number of milliseconds"},
        Refusal{"negativeStart", seedWith(R"("ts": 250700.0)", R"("ts": -1)"),
                "traceEvents[11].ts: must be a time in µs from 0 up to 1e17 (not -1)"},
        Refusal{"hugeStart", seedWith(R"("ts": 250700.0)", R"("ts": 1e300)"),
                "traceEvents[11].ts: must be a time in µs from 0 up to 1e17 (not 1e+300)"},
        Refusal{"startAsText", seedWith(R"("ts": 250700.0)", R"("ts": "250700")"),
                "traceEvents[11].ts: must be a time in µs from 0 up to 1e17"},
        Refusal{"noDuration", seedWith(R"("ts": 250700.0, "dur": 126150.0)", R"("ts": 250700.0)"),
                "traceEvents[11].dur: must be a time in µs from 0 up to 1e17"},
        Refusal{"waitNotItsNominalLength", seedWith(R"("dur": 350000)", R"("dur": 349000)"),
                "traceEvents[8].dur: a wait lasts its nominal ms × 1000 µs (350000), not 349000"},
        Refusal{"waitWithoutItsReturn", seedWith(R"(, "returned_us": 507150.0)", ""),
                "traceEvents[8].args.returned_us: must be a time in µs from 0 up to 1e17"},
        Refusal{"returnedBeforeItStarted",
                seedWith(R"("returned_us": 507150.0)", R"("returned_us": 100)"),
                "traceEvents[8].args.returned_us: the await returned at 100 µs, before it "
                "started (at 150350 µs)"},
        Refusal{"startsBeforeTheStepBefore", seedWith(R"("ts": 507200.0)", R"("ts": 100)"),
                "traceEvents[15].ts: task 1 \"Task 1\", step 3 starts at 100 µs, before the step "
                "before it (at 150350 µs)"},
        Refusal{"keyTwice", seedWith(R"("ts": 250700.0)", R"("ts": 250700.0, "ts": 1)"),
                "traceEvents[11]: the key \"ts\" appears twice"},
        Refusal{"argTwice",
                seedWith(R"({"step": 1, "ms": 120})", R"({"step": 1, "ms": 120, "step": 1})"),
                "traceEvents[11].args: the key \"step\" appears twice"},
        // Not JSON, or not a trace at all.
        Refusal{"notANumber", seedWith("250700.0", "NaN"),
                "line 13, column 75: illegal number \"NaN\" (not valid JSON)"},
        Refusal{"truncated", seedRecording().substr(0, 300),
                "line 3, column 2: unterminated object (not valid JSON)"},
        Refusal{"brokenNumberNobodyReads",
                seedWith(R"("pid": 1, "args": {"name": "Asyn)",
                         R"("pid": 1.2.3, "args": {"name": "Asyn)"),
                "line 2, column 44: illegal number \"1.2.3\" (not valid JSON)"},
        Refusal{"brokenArrayNobodyReads",
                seedWith(R"("pid": 1, "args": {"name": "Asyn)",
                         R"("pid": [1,], "args": {"name": "Asyn)"),
                "line 2, column 47: a value expected after a comma (not valid JSON)"},
        Refusal{"numberBeyondDoubles", seedWith(R"("ts": 250700.0)", R"("ts": 1e999)"),
                "line 13, column 75: illegal number \"1e999\" (not valid JSON)"},
        Refusal{"topLevelNotAnObject", "[1]", "recording: the top level must be a JSON object"},
        Refusal{"empty", " \n", "line 1, column 1: the file is empty"}),
    [](const ::testing::TestParamInfo<Refusal>& info) { return std::string(info.param.name); });

TEST(Recording, DeepNestingAnywhereIsRefusedAsJsonAndIgnoredWhereItIsAllowed) {
    const std::string deep = std::string(2000, '[') + std::string(2000, ']');
    EXPECT_EQ(errorOf(seedWith(R"("pid": 1, "args": {"name": "Asynchronous)",
                               R"("pid": )" + deep + R"(, "args": {"name": "Asynchronous)"))
                  .substr(0, 7),
              "line 2,");
    const std::string nested = std::string(500, '[') + std::string(500, ']');
    EXPECT_EQ(errorOf(seedWith(R"("pid": 1, "args": {"name": "Asynchronous)",
                               R"("pid": )" + nested + R"(, "args": {"name": "Asynchronous)")),
              "loaded");
}

// tasks × steps steps, cpu and io by turns, each task's 1 ms after the one before.
std::string manyStepsRecording(int tasks, int steps) {
    std::string json = R"({"otherData": {"format": "coroscope-recording", "version": 1,
        "stretch": 1, "subtitle": "", "python": "3"}, "traceEvents": [
        {"name": "process_name", "ph": "M", "args": {"name": "Many"}})";
    for (int t = 1; t <= tasks; ++t)
        json += R"(, {"name": "thread_name", "ph": "M", "tid": )" + std::to_string(t) +
                R"(, "args": {"name": "T"}})";
    for (int t = 1; t <= tasks; ++t) {
        for (int s = 1; s <= steps; ++s) {
            const std::string at = std::to_string(t * 1000 + s * 20000);
            json += R"(, {"ph": "X", "cat": ")" + std::string(s % 2 ? "cpu" : "io") +
                    R"(", "tid": )" + std::to_string(t) + R"(, "ts": )" + at +
                    R"(, "dur": 10000, "args": {"step": )" + std::to_string(s) +
                    R"(, "ms": 10, "returned_us": )" + at + "500}}";
        }
    }
    return json + "]}";
}

TEST(Recording, AStopAsked) {
    int heard = 0;
    const Result<Recording> stopped = parseRecording(seedRecording(), [&](double) {
        ++heard;
        return false;
    });
    ASSERT_FALSE(stopped);
    EXPECT_TRUE(stopped.error().cancelled);
    EXPECT_EQ(heard, 1);
}

TEST(Recording, ABigOneTellsHowFarItCameAndStopsPartWay) {
    const std::string json = manyStepsRecording(1000, 20);
    std::vector<double> heard;
    ASSERT_TRUE(succeeded(parseRecording(json, [&](double done) {
        heard.push_back(done);
        return true;
    })));
    EXPECT_GT(heard.size(), 10u); // every 1,024 events
    EXPECT_TRUE(std::is_sorted(heard.begin(), heard.end()));
    const Result<Recording> stopped = parseRecording(json, [](double done) { return done < 0.5; });
    ASSERT_FALSE(stopped);
    EXPECT_TRUE(stopped.error().cancelled);
}

TEST(ScenarioOrRecording, AScenarioFileHasNoMeasurement) {
    const Result<OpenedFile> opened = readScenarioOrRecording(COROSCOPE_DEFAULT_SCENARIO);
    ASSERT_TRUE(succeeded(opened));
    EXPECT_EQ(opened.value().scenario, seedScenario());
    EXPECT_EQ(opened.value().measured, nullptr);
}

TEST(ScenarioOrRecording, ARecordingGivesItsScenarioAndItsMeasurement) {
    std::vector<double> heard;
    const Result<OpenedFile> opened =
        readScenarioOrRecording(COROSCOPE_RECORDINGS "/seed.json", [&](double done) {
            heard.push_back(done);
            return true;
        });
    ASSERT_TRUE(succeeded(opened));
    EXPECT_EQ(opened.value().scenario, seedScenario());
    ASSERT_NE(opened.value().measured, nullptr);
    EXPECT_EQ(opened.value().measured->segmentCount(), 9u);
    EXPECT_TRUE(std::is_sorted(heard.begin(), heard.end()));
    EXPECT_EQ(heard.back(), 1);
}

TEST(ScenarioOrRecording, MessagesNameThePath) {
    const TempDir dir;
    const std::string foreign = written(dir, "trace.json", R"({"traceEvents": []})");
    EXPECT_EQ(readScenarioOrRecording(foreign).error().message,
              foreign + ": " + std::string(kNotARecording));
    const std::string broken =
        written(dir, "broken.json", seedWith(R"("dur": 350000)", R"("dur": 349000)"));
    EXPECT_EQ(readScenarioOrRecording(broken).error().message,
              broken + ": traceEvents[8].dur: a wait lasts its nominal ms × 1000 µs (350000), not "
                       "349000");
    // Neither a scenario nor a trace: the scenario's message.
    const std::string neither = written(dir, "other.json", R"({"tasks": 5})");
    EXPECT_EQ(readScenarioOrRecording(neither).error().message,
              readScenarioFile(neither).error().message);
    const std::string empty = written(dir, "empty.json", "");
    EXPECT_EQ(readScenarioOrRecording(empty).error().message,
              empty + ": line 1, column 1: the file is empty");
}

// A recording may be larger than a scenario file: one past the scenario cap is read, one past
// both is refused unread, with a message that names both (caps made small here, but the last).
TEST(ScenarioOrRecording, EachKindOfFileHasItsOwnCap) {
    const std::uint64_t recording = std::filesystem::file_size(COROSCOPE_RECORDINGS "/seed.json");
    const std::uint64_t scenario = std::filesystem::file_size(COROSCOPE_DEFAULT_SCENARIO);
    const OpenedFileCaps caps{std::min(recording, scenario) - 1, std::max(recording, scenario)};
    const Result<OpenedFile> opened =
        readScenarioOrRecording(COROSCOPE_RECORDINGS "/seed.json", {}, caps);
    ASSERT_TRUE(succeeded(opened));
    EXPECT_NE(opened.value().measured, nullptr);
    EXPECT_EQ(readScenarioOrRecording(COROSCOPE_DEFAULT_SCENARIO, {}, caps).error().message,
              COROSCOPE_DEFAULT_SCENARIO ": is " + std::to_string(scenario) +
                  " bytes; a scenario file may be at most " + std::to_string(caps.scenarioBytes) +
                  " bytes (0 MiB)");

    const TempDir dir;
    const std::string huge = sized(dir, "huge.json", "", kMaxRecordingBytes + 1);
    EXPECT_EQ(readScenarioOrRecording(huge).error().message,
              huge + ": is 1073741825 bytes; a recording may be at most 1073741824 bytes (1024 "
                     "MiB), a scenario file at most 167772160 bytes (160 MiB)");
}

TEST(RunDifferences, ListsEachTaskLargestFirst) {
    const Recording recording = parseRecording(seedRecording()).value();
    const std::vector<TaskDifference> differences = comparedWith(recording.scenario, recording);
    ASSERT_EQ(differences.size(), 3u);
    // Task 3's HTTP wait returned 10 ms after the model's end; Task 1 finishes 7.3 ms late,
    // Task 2 7.2 ms.
    EXPECT_EQ(differences[0].task, 2u);
    EXPECT_EQ(differences[0].step, 1u);
    EXPECT_NEAR(differences[0].startShiftMs, 6.9, 1e-9);
    EXPECT_NEAR(differences[0].finishShiftMs(), 10, 1e-9);
    EXPECT_NEAR(differences[0].lateMs, 3.1, 1e-9);
    EXPECT_EQ(differences[1].task, 0u);
    EXPECT_EQ(differences[1].step, 2u);
    EXPECT_NEAR(differences[1].startShiftMs, 7.2, 1e-9);
    EXPECT_EQ(differences[1].modelFinishMs, 600);
    EXPECT_NEAR(differences[1].measuredFinishMs, 607.3, 1e-9);
    EXPECT_NEAR(differences[1].lateMs, 6.8, 1e-9);
    EXPECT_EQ(differences[2].task, 1u);
    EXPECT_NEAR(differences[2].lateMs, 6.3 + 0.08, 1e-9);
}

TEST(RunDifferences, AnEditedModelIsComparedWhereBothHaveStepsAndTasks) {
    Recording recording = parseRecording(seedRecording()).value();
    Scenario edited = recording.scenario;
    edited.tasks[0].steps.resize(1);              // Task 1: one step left
    edited.tasks.push_back({"New", {{Cpu, 10}}}); // nothing measured
    edited.tasks[1].steps[0].ms = 50;             // "what if it took 50 ms less?"
    const std::vector<TaskDifference> differences = comparedWith(edited, recording);
    ASSERT_EQ(differences.size(), 3u);
    for (const TaskDifference& difference : differences)
        EXPECT_LT(difference.task, 3u);
}

// Each model task is compared with its own measured task, wherever an edit has moved it.
TEST(RunDifferences, FollowATaskThatAnEditMoved) {
    const Recording recording = parseRecording(seedRecording()).value();
    const auto compared = [&](const Scenario& edited) { return comparedWith(edited, recording); };
    const std::vector<TaskDifference> unedited = compared(recording.scenario);
    const auto measuredOf = [&](std::size_t task) {
        return std::find_if(unedited.begin(), unedited.end(),
                            [&](const TaskDifference& d) { return d.task == task; })
            ->measuredFinishMs;
    };

    Scenario deleted = recording.scenario;
    deleted.tasks.erase(deleted.tasks.begin()); // Task 2 and Task 3 are rows 0 and 1
    std::vector<TaskDifference> differences = compared(deleted);
    ASSERT_EQ(differences.size(), 2u);
    for (const TaskDifference& d : differences)
        EXPECT_EQ(d.measuredFinishMs, measuredOf(d.task + 1)) << d.task;

    Scenario swapped = recording.scenario;
    std::swap(swapped.tasks[0], swapped.tasks[2]);
    differences = compared(swapped);
    ASSERT_EQ(differences.size(), 3u);
    for (const TaskDifference& d : differences)
        EXPECT_EQ(d.measuredFinishMs, measuredOf(2 - d.task)) << d.task;
}

namespace {

// LOOP.md's example, as the scenario file says it.
Scenario fanOutScenario() {
    return parseScenario(R"({"format": "coroscope-scenario", "version": 2,
      "title": "Fan-out with a connection pool", "threads": 4,
      "resources": [{"name": "db", "label": "DB query", "color": "#8e24aa", "limit": 2},
                    {"name": "http", "limit": 3}],
      "tasks": [
        {"name": "handler", "start_ms": 40, "steps": [{"kind": "cpu", "ms": 5},
            {"kind": "spawn", "task": "fetch a"}, {"kind": "spawn", "task": "fetch b"},
            {"kind": "join", "tasks": ["fetch a", "fetch b"]}, {"kind": "thread", "ms": 30},
            {"kind": "db", "ms": 20}]},
        {"name": "fetch a", "steps": [{"kind": "http", "ms": 120}, {"kind": "cpu", "ms": 8}]},
        {"name": "fetch b", "steps": [{"kind": "http", "ms": 90}, {"kind": "cpu", "ms": 6}]}]})")
        .value();
}

// A version 2 recording of two tasks: a queues 1.5 ms for the one slot of db and 2 ms for the
// one worker, b spawns nothing and joins a.
std::string slotsRecording() {
    return R"({"otherData": {"format": "coroscope-recording", "version": 2, "stretch": 2,
        "subtitle": "", "python": "3", "threads": 1, "kinds": [{"name": "io", "label": "I/O Wait"},
        {"name": "http", "label": "HTTP Wait"},
        {"name": "db", "label": "DB", "color": "#123abc", "limit": 1}, {"name": "thread"},
        {"name": "join"}]}, "traceEvents": [
      {"name": "process_name", "ph": "M", "args": {"name": "S"}},
      {"name": "thread_name", "ph": "M", "tid": 1, "args": {"name": "a"}},
      {"name": "thread_name", "ph": "M", "tid": 2, "args": {"name": "b", "start_ms": 1}},
      {"cat": "db-slot", "ph": "X", "tid": 1, "ts": 0, "dur": 1500, "args": {"step": 1}},
      {"cat": "db", "ph": "X", "tid": 1, "ts": 1500, "dur": 3000,
       "args": {"step": 1, "ms": 3, "returned_us": 4600}},
      {"cat": "thread-slot", "ph": "X", "tid": 1, "ts": 4600, "dur": 2000, "args": {"step": 2}},
      {"cat": "thread", "ph": "X", "tid": 1, "ts": 6600, "dur": 1000,
       "args": {"step": 2, "ms": 1, "returned_us": 7700}},
      {"cat": "join", "ph": "X", "tid": 2, "ts": 1100, "dur": 6700,
       "args": {"step": 1, "tasks": [1], "returned_us": 7900}},
      {"cat": "cpu", "ph": "X", "tid": 2, "ts": 7900, "dur": 1000, "args": {"step": 2, "ms": 1}}
    ]})";
}

std::string slotsWith(std::string_view from, std::string_view to) {
    std::string text = slotsRecording();
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

} // namespace

TEST(RecordingV2, TheFanOutsRecordingGivesBackTheScenarioThatRan) {
    const Result<Recording> recording =
        parseRecording(readText(COROSCOPE_RECORDINGS "/fanout.json"));
    ASSERT_TRUE(succeeded(recording));
    EXPECT_EQ(recording.value().scenario, fanOutScenario());
    const MeasuredRun& run = recording.value().measured;
    // handler: cpu, join (until fetch a left), thread, db; the spawns take no time.
    ASSERT_EQ(run.lane(0).size(), 4u);
    EXPECT_EQ(run.lane(0)[1].kind, *fanOutScenario().kinds.find(KindBehaviour::Join));
    EXPECT_NEAR(run.lane(0)[1].start, 45.5278, 1e-9);
    EXPECT_NEAR(run.lane(0)[1].end, 45.5278 + 128.9818, 1e-9);
    EXPECT_NEAR(run.lane(0)[1].resumed, 174.6007, 1e-9);
    EXPECT_EQ(run.lane(1).size(), 2u);
    EXPECT_EQ(run.lane(2).size(), 2u);
}

TEST(RecordingV2, KeepsTheTimeQueuedBeforeItsStep) {
    const Result<Recording> recording = parseRecording(slotsRecording());
    ASSERT_TRUE(succeeded(recording));
    const Scenario& scenario = recording.value().scenario;
    EXPECT_EQ(scenario.threads, 1);
    ASSERT_EQ(scenario.kinds.size(), 6u); // cpu, io, http, db, thread, join
    const StepKind db = *scenario.kinds.find("db");
    EXPECT_EQ(scenario.kinds[db].label, "DB");
    EXPECT_EQ(scenario.kinds[db].color, 0x123abcu);
    EXPECT_EQ(scenario.kinds[db].limit, 1);
    EXPECT_EQ(scenario.tasks[1].startMs, 1);
    EXPECT_EQ(scenario.tasks[1].steps[0].tasks, (TaskList{0}));
    const MeasuredRun& run = recording.value().measured;
    const StepKind thread = *scenario.kinds.find(KindBehaviour::Thread);
    ASSERT_EQ(run.lane(0).size(), 4u);
    // Each segment knows its step: the queued time of step 2 is the lane's third segment.
    EXPECT_EQ(run.lane(0)[0], (MeasuredSegment{0, 1.5, 1.5, db, true, 0}));
    EXPECT_EQ(run.lane(0)[1], (MeasuredSegment{1.5, 4.5, 4.6, db, false, 0}));
    EXPECT_EQ(run.lane(0)[2], (MeasuredSegment{4.6, 6.6, 6.6, thread, true, 1}));
    EXPECT_EQ(run.lane(0)[3], (MeasuredSegment{6.6, 7.6, 7.7, thread, false, 1}));
    ASSERT_EQ(run.lane(1).size(), 2u);
    EXPECT_EQ(run.lane(1)[0].end, 7.8);
}

// otherData after traceEvents: the kinds are resolved once the table is known, and one it does
// not hold is refused at its event.
std::string eventsFirst(std::string json) {
    const std::size_t events = json.find(R"(, "traceEvents")");
    const std::string other = json.substr(1, events - 1);
    return "{" + json.substr(events + 2, json.size() - events - 3) + ", " + other + "}";
}

TEST(RecordingV2, KindsMayComeAfterTheEvents) {
    const Result<Recording> recording = parseRecording(eventsFirst(slotsRecording()));
    ASSERT_TRUE(succeeded(recording));
    EXPECT_EQ(recording.value().scenario, parseRecording(slotsRecording()).value().scenario);
    EXPECT_EQ(errorOf(eventsFirst(slotsWith(R"("cat": "thread-slot")", R"("cat": "io-slot")"))),
              "traceEvents[5].cat: unknown kind \"io-slot\" (use cpu, io, http, db, thread or "
              "join, with -slot for the time queued for a limited resource or the thread pool)");
}

INSTANTIATE_TEST_SUITE_P(
    RecordingV2, RefusedRecording,
    ::testing::Values(
        Refusal{"slotOfAnUnlimitedResource",
                slotsWith(R"("cat": "thread-slot")", R"("cat": "io-slot")"),
                "traceEvents[5].cat: unknown kind \"io-slot\" (use cpu, io, http, db, thread or "
                "join, with -slot for the time queued for a limited resource or the thread "
                "pool)"},
        Refusal{"kindNotInTheTable", slotsWith(R"({"name": "join"})", R"({"name": "spawn"})"),
                "traceEvents[7].cat: unknown kind \"join\" (use cpu, io, http, db, thread or "
                "spawn, with -slot for the time queued for a limited resource or the thread "
                "pool)"},
        Refusal{"queuedForAnotherKind", slotsWith(R"("cat": "thread-slot")", R"("cat": "db-slot")"),
                "traceEvents[5].cat: task 1 \"a\", step 2 is thread, not a wait for a slot of db"},
        Refusal{"queuedTwice",
                slotsWith(R"("ts": 4600, "dur": 2000, "args": {"step": 2})",
                          R"("ts": 0, "dur": 2000, "args": {"step": 1})"),
                "traceEvents[5].args.step: task 1 \"a\", step 1 queued twice (also "
                "traceEvents[3])"},
        Refusal{"queuedButNeverRan",
                slotsWith(R"("ts": 4600, "dur": 2000, "args": {"step": 2})",
                          R"("ts": 8000, "dur": 2000, "args": {"step": 3})"),
                "traceEvents[5].args.step: task 1 \"a\", step 3 queued but never ran (no event "
                "for it)"},
        Refusal{"joinWithoutTasks", slotsWith(R"("tasks": [1])", R"("tasks": [])"),
                "traceEvents[7].args.tasks: must be the joined tasks' threads: 1 to 1000 whole "
                "numbers from 1 to 100000"},
        Refusal{"joinOfItself", slotsWith(R"("tasks": [1])", R"("tasks": [2])"),
                "task 2 \"b\", step 1: joins itself"},
        Refusal{"joinNotReturned", slotsWith(R"(, "returned_us": 7900)", ""),
                "traceEvents[7].args.returned_us: must be a time in µs from 0 up to 1e17"},
        Refusal{"badStart", slotsWith(R"("start_ms": 1)", R"("start_ms": -1)"),
                "traceEvents[2].args.start_ms: start time -1 ms is outside 0..86400000 ms"},
        Refusal{"noThreads", slotsWith(R"("threads": 1)", R"("threads": 0)"),
                "otherData.threads: threads 0 is outside 1..1024"},
        Refusal{"tableNotStartingWithIo", slotsWith(R"({"name": "io", )", R"({"name": "db2", )"),
                "otherData.kinds[0].name: must be \"io\" (the kinds after cpu begin with io and "
                "http)"},
        Refusal{"colourNotRgb", slotsWith(R"("#123abc")", R"("blue")"),
                "otherData.kinds[2].color: must be a colour, #rrggbb (not \"blue\")"},
        Refusal{"structuralKindRestyled",
                slotsWith(R"({"name": "thread"})", R"({"name": "thread", "limit": 2})"),
                "otherData.kinds[3]: \"thread\" has only a name (its label and colour are "
                "fixed)"},
        Refusal{"kindTwice", slotsWith(R"({"name": "join"})", R"({"name": "thread"})"),
                "otherData.kinds[4].name: \"thread\" is listed twice"}),
    [](const ::testing::TestParamInfo<Refusal>& info) { return std::string(info.param.name); });

// Reader's I/O wait ends at 200 ms while Cruncher holds the loop until 400 ms: in the model, as
// under asyncio, Reader is done when the loop gets back to it, not when its wait ended.
TEST(RunDifferences, AFinishAfterAWaitIsWhenTheModelsTaskIsDone) {
    const Result<Recording> recording =
        parseRecording(readText(COROSCOPE_RECORDINGS "/waitbehindbusy.json"));
    ASSERT_TRUE(succeeded(recording));
    const std::vector<TaskDifference> differences =
        comparedWith(recording.value().scenario, recording.value());
    ASSERT_EQ(differences.size(), 2u);
    const auto reader = std::find_if(differences.begin(), differences.end(),
                                     [](const TaskDifference& d) { return d.task == 0; });
    ASSERT_NE(reader, differences.end());
    EXPECT_EQ(reader->modelFinishMs, 400) << "not its wait's end, 200 ms";
    EXPECT_NEAR(reader->measuredFinishMs, 400.5, 1e-9);
    EXPECT_NEAR(reader->finishShiftMs(), 0.5, 1e-9) << "a run that agrees reads as agreeing";
    EXPECT_NEAR(reader->lateMs, 200.2, 1e-9) << "its wait's result waited for the loop";
}

namespace {

std::string recordedProgramText() {
    return readText(COROSCOPE_RECORDINGS "/recorded-blocking.json");
}

Result<Recording> recordedProgram() {
    return parseRecording(recordedProgramText());
}

} // namespace

TEST(Recording, AProgramRecordedByTheRecorderOpensAsMeasured) {
    const Result<Recording> recording = recordedProgram();
    ASSERT_TRUE(succeeded(recording));
    const Scenario& scenario = recording.value().scenario;
    std::vector<std::string> names;
    for (const Task& task : scenario.tasks)
        names.push_back(task.name);
    // In the order of the tree of creators: Task-1 made the others; then loop work of no task.
    EXPECT_EQ(names, (std::vector<std::string>{"Task-1", "blocker", "sleeper-0", "sleeper-1",
                                               "sleeper-2", "(callbacks)"}));
    // The model: each stretch a cpu step, each await a wait of its measured length in the
    // resource named after what it awaited, the gather a join of the four tasks.
    const std::optional<StepKind> sleep = scenario.kinds.find("sleep");
    ASSERT_TRUE(sleep);
    EXPECT_EQ(scenario.tasks[1].steps,
              (std::vector<Step>{Step(Cpu, 1), Step(*sleep, 10), Step(Cpu, 204)}));
    ASSERT_EQ(scenario.tasks[0].steps.size(), 3u);
    EXPECT_EQ(scenario.tasks[0].steps[1].tasks, (std::vector<std::uint32_t>{1, 2, 3, 4}));
    // Measured: blocker held the loop 203.9 ms; sleeper-0's sleep was due at 50.8 ms (its wake-up
    // queued) and it resumed only at 222.1 ms, ready and waiting for the loop in between.
    const MeasuredRun& run = recording.value().measured;
    EXPECT_NEAR(run.lane(1)[2].end - run.lane(1)[2].start, 203.931512, 1e-6);
    const MeasuredSegment& slept = run.lane(2)[1];
    EXPECT_EQ(slept.kind, *sleep);
    EXPECT_NEAR(slept.end, 50.793606, 1e-6);
    EXPECT_NEAR(slept.resumed, 222.148867, 1e-6);
    EXPECT_NEAR(slept.late(), 171.355261, 1e-6);
    EXPECT_EQ(run.python(), "3.11.7");
}

TEST(Recording, OnlyVersion3WaitsLastAsMeasured) {
    // The same events as version 2, whose waits last their nominal ms × 1000 µs, are refused.
    std::string text = readText(COROSCOPE_RECORDINGS "/recorded-blocking.json");
    const std::string version = R"("version": 3)";
    text.replace(text.find(version), version.size(), R"("version": 2)");
    EXPECT_EQ(errorOf(text), "traceEvents[11].dur: a wait lasts its nominal ms × 1000 µs (10000), "
                             "not 9982.203");
}

TEST(Recording, KeepsWhatEachRecordedAwaitWaitedOnAndWhere) {
    const Result<Recording> recording = recordedProgram();
    ASSERT_TRUE(succeeded(recording));
    const MeasuredRun& run = recording.value().measured;
    // blocker's step 2 is its asyncio.sleep(0.01), awaited on line 10; a cpu step has none.
    const AwaitPlace* slept = run.awaited(1, 1);
    ASSERT_NE(slept, nullptr);
    EXPECT_EQ(describeAwait(*slept), "awaited `asyncio.sleep(0.01)` at blocking.py:10");
    EXPECT_EQ(run.awaited(1, 0), nullptr);
    EXPECT_EQ(describeAwait(*run.awaited(0, 1)),
              "awaited `asyncio.gather(*tasks)` at blocking.py:22");
    EXPECT_EQ(run.awaited(0, 3), nullptr) << "past the task's steps";
    EXPECT_EQ(run.awaited(99, 0), nullptr) << "no such task";
    EXPECT_EQ(describeAwait({"", "app.py:3"}), "awaited at app.py:3");
}

TEST(Recording, AnAwaitsLabelOrLineIsAStringOfAtMost200Bytes) {
    const std::string text = readText(COROSCOPE_RECORDINGS "/recorded-blocking.json");
    const std::string label = R"x("label": "asyncio.sleep(0.01)")x";
    std::string notText = text;
    notText.replace(notText.find(label), label.size(), R"("label": 7)");
    EXPECT_EQ(errorOf(notText), "traceEvents[11].args.label: must be a string (what was awaited)");
    std::string tooLong = text;
    tooLong.replace(tooLong.find(label), label.size(),
                    R"("label": ")" + std::string(201, 'x') + "\"");
    EXPECT_EQ(errorOf(tooLong), "traceEvents[11].args.label: the label is longer than 200 bytes");
    const std::string at = R"("at": "blocking.py:10")";
    std::string atNotText = text;
    atNotText.replace(atNotText.find(at), at.size(), R"("at": null)");
    EXPECT_EQ(errorOf(atNotText),
              "traceEvents[11].args.at: must be a string (the source line that awaited)");
}

namespace {

// The Event Log's lines of a scenario's run, one a line; measured: a recording's, or null.
std::string logged(const Scenario& scenario, const MeasuredRun* measured) {
    std::string text;
    for (const LogLine& line : narrateRun(scenario, simulateLoopEvents(scenario), measured))
        text += line.text + '\n';
    return text;
}

} // namespace

TEST(Recording, TheEventLogNamesWhatEachRecordedAwaitWaitedOnAndWhere) {
    const Result<Recording> recording = recordedProgram();
    ASSERT_TRUE(succeeded(recording));
    const Scenario& scenario = recording.value().scenario;
    const std::string recorded = logged(scenario, &recording.value().measured);
    // sleeper-0's sleep, when it yields and when it is done.
    EXPECT_NE(recorded.find("sleeper-0 yields at sleep(50), awaiting `asyncio.sleep(0.05)` at "
                            "blocking.py:15."),
              std::string::npos)
        << recorded;
    EXPECT_NE(recorded.find("sleeper-0's sleep wait for `asyncio.sleep(0.05)` at blocking.py:15 "
                            "is done; it joins the ready queue behind "),
              std::string::npos)
        << recorded;
    EXPECT_NE(recorded.find("blocker yields at sleep(10), awaiting `asyncio.sleep(0.01)` at "
                            "blocking.py:10."),
              std::string::npos)
        << recorded;
    // Task-1's gather, a join.
    EXPECT_NE(recorded.find("Task-1 waits for blocker, sleeper-0, sleeper-1, sleeper-2, awaiting "
                            "`asyncio.gather(*tasks)` at blocking.py:22."),
              std::string::npos)
        << recorded;
    // A scenario's run (no recording) says the model's words alone.
    const std::string modelled = logged(scenario, nullptr);
    EXPECT_NE(modelled.find("sleeper-0 yields at sleep(50)."), std::string::npos) << modelled;
    EXPECT_EQ(modelled.find('`'), std::string::npos) << modelled;
}

TEST(Recording, TheEventLogNamesWhatAThreadItemRuns) {
    // fanout.json's handler runs a thread item (its step 5): labelled as the recorder labels one.
    std::string text = readText(COROSCOPE_RECORDINGS "/fanout.json");
    const std::string args = R"("args": {"step": 5, "ms": 30, "returned_us": 205307.1})";
    ASSERT_NE(text.find(args), std::string::npos);
    text.replace(text.find(args), args.size(),
                 R"x("args": {"step": 5, "ms": 30, "returned_us": 205307.1, )x"
                 R"x("label": "asyncio.to_thread(parse)", "at": "app.py:9"})x");
    const Result<Recording> recording = parseRecording(text);
    ASSERT_TRUE(succeeded(recording));
    const std::string said = logged(recording.value().scenario, &recording.value().measured);
    EXPECT_NE(said.find("handler's thread item (`asyncio.to_thread(parse)` at app.py:9) starts "
                        "on worker 1 (1 of 4 busy)."),
              std::string::npos)
        << said;
    EXPECT_NE(said.find("Nothing is ready: the loop idles until handler's thread item "
                        "(`asyncio.to_thread(parse)` at app.py:9) is done."),
              std::string::npos)
        << said;
    EXPECT_NE(said.find("handler's thread item (`asyncio.to_thread(parse)` at app.py:9) is done; "
                        "it joins the ready queue"),
              std::string::npos)
        << said;
}

TEST(Recording, TheEventLogFollowsATaskThatMovedSinceTheRecording) {
    const Result<Recording> recording = recordedProgram();
    ASSERT_TRUE(succeeded(recording));
    // blocker deleted: sleeper-0 is the model's task 2 now, still the measured task 3.
    Scenario edited = recording.value().scenario;
    edited.tasks.erase(edited.tasks.begin() + 1);
    edited.tasks[0].steps[1].tasks = {1, 2, 3};
    const std::string text = logged(edited, &recording.value().measured);
    EXPECT_NE(text.find("sleeper-0 yields at sleep(50), awaiting `asyncio.sleep(0.05)` at "
                        "blocking.py:15."),
              std::string::npos)
        << text;
}

namespace {

std::string threeRuns() {
    return readText(COROSCOPE_RECORDINGS "/three-runs.json");
}

std::vector<std::string> taskNames(const Scenario& scenario) {
    std::vector<std::string> names;
    for (const Task& task : scenario.tasks)
        names.push_back(task.name);
    return names;
}

} // namespace

TEST(RecordingRuns, EachAsyncioRunIsARunOfItsOwnTasks) {
    const Result<std::vector<Recording>> runs = parseRecordingRuns(threeRuns());
    ASSERT_TRUE(succeeded(runs));
    ASSERT_EQ(runs.value().size(), 3u);
    // The loop work of no task goes with each run it falls in: none in run 2.
    EXPECT_EQ(taskNames(runs.value()[0].scenario),
              (std::vector<std::string>{"first", "(callbacks)"}));
    EXPECT_EQ(taskNames(runs.value()[1].scenario), (std::vector<std::string>{"second", "child"}));
    EXPECT_EQ(taskNames(runs.value()[2].scenario),
              (std::vector<std::string>{"third", "(callbacks)"}));
    // Run 2's join names child by its number in the run; its times count from the run's start.
    const Scenario& second = runs.value()[1].scenario;
    EXPECT_EQ(second.tasks[0].steps[1].tasks, (std::vector<std::uint32_t>{1}));
    EXPECT_EQ(second.tasks[1].startMs, 1);
    const MeasuredRun& measured = runs.value()[1].measured;
    EXPECT_NEAR(measured.lane(0)[0].start, 0.1, 1e-9);
    EXPECT_NEAR(measured.lane(0)[1].resumed, 11.2, 1e-9);
    EXPECT_NEAR(measured.end(), 11.7, 1e-9);
    EXPECT_EQ(describeAwait(*measured.awaited(0, 1)), "awaited `child` at three.py:11");
}

TEST(RecordingRuns, TheCallbacksRowIsClippedToTheRun) {
    const Result<std::vector<Recording>> runs = parseRecordingRuns(threeRuns());
    ASSERT_TRUE(succeeded(runs));
    // Its wait from 25.1 ms to 85.1 ms spans runs: left out, the rest renumbered from 1.
    const Scenario& first = runs.value()[0].scenario;
    EXPECT_EQ(first.tasks[1].steps, (std::vector<Step>{Step(Cpu, 1)}));
    const Recording& third = runs.value()[2];
    const std::optional<StepKind> between = third.scenario.kinds.find("between_callbacks");
    ASSERT_TRUE(between);
    EXPECT_EQ(third.scenario.tasks[1].steps,
              (std::vector<Step>{Step(Cpu, 1), Step(*between, 1), Step(Cpu, 1)}));
    const std::span<const MeasuredSegment> callbacks = third.measured.lane(1);
    ASSERT_EQ(callbacks.size(), 3u);
    EXPECT_NEAR(callbacks[0].start, 5.1, 1e-9);
    EXPECT_NEAR(callbacks[2].end, 6.3, 1e-9);
}

TEST(RecordingRuns, ARecordingOpensAtItsFirstRun) {
    const Result<Recording> first = parseRecording(threeRuns());
    ASSERT_TRUE(succeeded(first));
    EXPECT_EQ(taskNames(first.value().scenario),
              (std::vector<std::string>{"first", "(callbacks)"}));
    const Result<std::vector<Recording>> one = parseRecordingRuns(recordedProgramText());
    ASSERT_TRUE(succeeded(one));
    EXPECT_EQ(one.value().size(), 1u) << "a recording of one asyncio.run";
}

TEST(RecordingRuns, ARunThatIsNotListedOrATaskOfTwoRunsIsRefused) {
    const std::string text = threeRuns();
    std::string unlisted = text;
    unlisted.replace(unlisted.find(R"("run": 3)"), 8, R"("run": 4)");
    EXPECT_EQ(errorOf(unlisted),
              "traceEvents[4].args.run: run 4 is not one of otherData.runs (1 to 3)");
    std::string crossing = text;
    crossing.replace(crossing.find(R"("tasks": [3])"), 12, R"("tasks": [1])");
    EXPECT_EQ(errorOf(crossing), "traceEvents[10]: names thread 1, a task of another asyncio.run "
                                 "than its own (run 2)");
    std::string badRun = text;
    badRun.replace(badRun.find(R"("end_us": 30000.0)"), 17, R"("end_us": -1)");
    EXPECT_EQ(errorOf(badRun), "otherData.runs[0].end_us: must be a time in µs from 0 up to 1e17");
}

TEST(RecordingRuns, ARunWithNothingRecordedIsLeftOut) {
    // A fourth asyncio.run that began once the recorder's cap was reached: no task of its own.
    std::string text = threeRuns();
    const std::string last = R"({"start_us": 80000.0, "end_us": 100000.0})";
    text.replace(text.find(last), last.size(),
                 std::string(last) + R"(, {"start_us": 200000.0, "end_us": 300000.0})");
    const Result<std::vector<Recording>> runs = parseRecordingRuns(text);
    ASSERT_TRUE(succeeded(runs));
    EXPECT_EQ(runs.value().size(), 3u);
}

TEST(RecordingRuns, TheFileReaderKeepsEveryRunToShowAnother) {
    const Result<OpenedFile> opened =
        readScenarioOrRecording(COROSCOPE_RECORDINGS "/three-runs.json");
    ASSERT_TRUE(succeeded(opened));
    EXPECT_EQ(opened.value().runCount(), 3u);
    EXPECT_EQ(opened.value().run, 1u);
    EXPECT_EQ(opened.value().scenario.tasks[0].name, "first");
    const OpenedFile second = showingRun(opened.value(), 2);
    EXPECT_EQ(second.run, 2u);
    EXPECT_EQ(taskNames(second.scenario), (std::vector<std::string>{"second", "child"}));
    ASSERT_NE(second.measured, nullptr);
    EXPECT_EQ(second.measured->taskNames(), taskNames(second.scenario));
}
