// The scenario file format without Qt: round trips, one clear message per broken rule (the
// Qt loader's words and order), syntax errors located, caps checked before building, and
// every way reading a file can fail.

#include "format/scenarioformat.h"
#include "model/scenariorules.h"
#include "randomscenario.h"
#include "scenariobuilder.h"
#include "tempdir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace coroscope;
using namespace coroscope::test;
using namespace builtin;
namespace fs = std::filesystem;
using namespace std::string_literals;

namespace {

std::string errorOf(std::string_view json) {
    const auto result = parseScenario(json);
    return result ? "loaded" : result.error().message;
}

std::string wrap(std::string_view tasks) {
    return R"({"format": "coroscope-scenario", "version": 1, "tasks": )" + std::string(tasks) + "}";
}

std::string errorOfTasks(std::string_view tasks) {
    return errorOf(wrap(tasks));
}

// A task list with one task whose only step has this duration, as the file writes it.
std::string withMs(std::string_view ms) {
    return wrap(R"([{"name": "A", "steps": [{"kind": "io", "ms": )" + std::string(ms) + "}]}]");
}

void writeFile(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    ASSERT_TRUE(out.good()) << path;
}

std::string readBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// n tasks written compactly, each with the given steps text.
std::string manyTasks(std::size_t n, std::string_view steps) {
    std::string tasks = "[";
    for (std::size_t i = 0; i < n; ++i) {
        tasks += i == 0 ? "" : ",";
        tasks += R"({"name":"T","steps":)";
        tasks += steps;
        tasks += "}";
    }
    return tasks + "]";
}

} // namespace

TEST(ScenarioFormat, TheShippedDefaultIsTheSeed) {
    const auto result = readScenarioFile(COROSCOPE_DEFAULT_SCENARIO);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->title, "Asynchronous Task Execution");
    EXPECT_EQ(result->subtitle, "Sequential CPU work, concurrent I/O & HTTP waits");
    EXPECT_EQ(result->tasks, seedScenario().tasks);
}

TEST(ScenarioFormat, SerializeThenParseRoundTripsEveryField) {
    Scenario scenario = seedScenario();
    scenario.title = "Ünïcode \"quoted\" title\nwith a line break";
    scenario.subtitle = "";
    scenario.tasks[2].name = "back\\slash, comma";
    scenario.tasks[1].name = "tab\there, nul\0 bell\x07 del\x7f /slash"s;
    scenario.tasks[0].name = "emoji \xF0\x9F\x98\x80, CJK \xE4\xB8\xAD, U+FEFF \xEF\xBB\xBF, \r\n";
    scenario.tasks[0].steps[1] = {Http, kMaxStepMs};
    scenario.tasks[0].steps[0] = {Cpu, kMinStepMs};
    const auto result = parseScenario(serializeScenario(scenario));
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result.value(), scenario);
}

TEST(ScenarioFormat, SerializeWritesCompactJsonOneTaskALine) {
    const Scenario scenario{"T \"q\" \\ /\x01\x1f\b\f\n\r\t\x7f é",
                            "",
                            {{"A", {{Cpu, 1}, {Io, 86400000}}}, {"B", {{Http, 20}}}}};
    EXPECT_EQ(
        serializeScenario(scenario),
        R"({"format":"coroscope-scenario","version":1,"title":"T \"q\" \\ /\u0001\u001f\b\f\n\r\t)"
        "\x7f"
        R"( é","subtitle":"","tasks":[
{"name":"A","steps":[{"kind":"cpu","ms":1},{"kind":"io","ms":86400000}]},
{"name":"B","steps":[{"kind":"http","ms":20}]}
]}
)");
    EXPECT_EQ(serializeScenario(Scenario{}),
              "{\"format\":\"coroscope-scenario\",\"version\":1,\"title\":\"\",\"subtitle\":\"\","
              "\"tasks\":[\n]}\n");
}

// Whatever the caps allow, Coroscope writes a file it reads back: the largest file is the sum
// of the largest header, task and step, measured here on the writer itself.
TEST(ScenarioFormat, TheLargestFileTheCapsAllowFitsTheReadCap) {
    const std::string worstText(kMaxTitleBytes, '\x01'); // escaped as \u0001: 6 bytes each
    const std::string worstName(kMaxNameBytes, '\x01');
    const Step worstStep{Http, kMaxStepMs};
    auto size = [&](std::size_t tasks, std::size_t steps) {
        Scenario s{worstText, worstText, std::vector<Task>(tasks, Task{worstName, {}})};
        for (Task& task : s.tasks)
            task.steps.assign(steps, worstStep);
        return serializeScenario(s).size();
    };
    const std::size_t perStep = size(1, 2) - size(1, 1);
    const std::size_t perTask = size(2, 1) - size(1, 1) - perStep;
    const std::size_t header = size(1, 1) - perTask - perStep;
    const std::size_t largest = header + kMaxTasks * perTask + kMaxTotalSteps * perStep;
    EXPECT_LE(largest, kMaxFileBytes);
    EXPECT_GT(largest, kMaxFileBytes * 8 / 10) << "the read cap is much larger than needed";
}

TEST(ScenarioFormat, SerializeWritesOnlyValidUtf8) {
    // A byte that is not part of valid UTF-8 becomes U+FFFD, one per byte, as Qt made it.
    Scenario scenario = seedScenario();
    scenario.title = "caf\xE9 \xED\xA0\x80 \xC0\x80 ok \xC3\xA9";
    const std::string bytes = serializeScenario(scenario);
    EXPECT_NE(bytes.find("\"caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD "
                         "\xEF\xBF\xBD\xEF\xBF\xBD ok \xC3\xA9\""),
              std::string::npos);
    const auto result = parseScenario(bytes);
    ASSERT_TRUE(result) << result.error().message;
}

TEST(ScenarioFormat, ReadNamesThePathAndTheProblem) {
    TempDir dir;
    EXPECT_EQ(readScenarioFile(dir.file("nope.json")).error().message,
              dir.file("nope.json") + ": no such file");
    EXPECT_EQ(readScenarioFile(dir.file("nope/s.json")).error().message,
              dir.file("nope/s.json") + ": no such file");
    EXPECT_EQ(readScenarioFile(dir.path()).error().message,
              dir.path() + ": is a directory, not a scenario file");
    writeFile(dir.file("bad.json"), "{\n  \"format\": oops\n}");
    EXPECT_EQ(readScenarioFile(dir.file("bad.json")).error().message,
              dir.file("bad.json") +
                  ": line 2, column 13: illegal value \"oops\" (not valid JSON)");
}

TEST(ScenarioFormat, ReadTakesAnyPathTheShellCanName) {
    TempDir dir;
    const std::string path =
        dir.file("with space, 'quote', \xE9t\xE9 (latin-1) & \xF0\x9F\x98\x80.json");
    writeFile(path, serializeScenario(seedScenario()));
    const auto result = readScenarioFile(path);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result.value(), seedScenario());
    writeFile(path, "[]");
    EXPECT_EQ(readScenarioFile(path).error().message,
              path + ": scenario: the top level must be a JSON object");
}

TEST(ScenarioFormat, UnreadableFiles) {
    EXPECT_EQ(readScenarioFile("/proc/self/mem").error().message,
              "/proc/self/mem: cannot be read (Input/output error)");
    if (::geteuid() == 0)
        GTEST_SKIP() << "root reads any file, so a file without permissions cannot be tested";
    TempDir dir;
    writeFile(dir.file("locked.json"), serializeScenario(seedScenario()));
    fs::permissions(dir.file("locked.json"), fs::perms::none);
    EXPECT_EQ(readScenarioFile(dir.file("locked.json")).error().message,
              dir.file("locked.json") + ": cannot be read (Permission denied)");
}

TEST(ScenarioFormat, A200MegabyteFileIsRefusedWithoutReadingIt) {
    TempDir dir;
    const std::string path = dir.file("big.json");
    writeFile(path, "");
    fs::resize_file(path, 200 * 1024 * 1024); // sparse: no 200 MB written
    EXPECT_EQ(readScenarioFile(path).error().message,
              path + ": is 209715200 bytes; a scenario file may be at most 167772160 bytes "
                     "(160 MiB)");
}

TEST(ScenarioFormat, AFileJustUnderTheCapIsRead) {
    TempDir dir;
    const std::string path = dir.file("padded.json");
    std::string bytes = serializeScenario(seedScenario());
    bytes.resize(kMaxFileBytes, ' '); // JSON may end in any amount of white space
    writeFile(path, bytes);
    const auto result = readScenarioFile(path);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result.value(), seedScenario());
}

// Large files are read into memory mapped in huge pages: every size around a page's end, with
// simdjson's padding after the bytes, reads back.
TEST(ScenarioFormat, LargeFilesOfEverySizeAroundAHugePageAreRead) {
    TempDir dir;
    const std::string path = dir.file("large.json");
    const Scenario scenario = randomScenario(4000, 10, 3); // about 1 MiB of JSON
    const std::string json = serializeScenario(scenario);
    constexpr std::size_t kHugePage = 2 * 1024 * 1024;
    for (std::size_t size : {kHugePage - 80, kHugePage - 66, kHugePage - 65, kHugePage - 64,
                             kHugePage, kHugePage + 1, 2 * kHugePage - 65, 3 * kHugePage + 5}) {
        std::string bytes = json;
        bytes.resize(size, '\n'); // JSON may end in any amount of white space
        writeFile(path, bytes);
        const auto result = readScenarioFile(path);
        ASSERT_TRUE(result) << size << ": " << result.error().message;
        EXPECT_EQ(result.value(), scenario) << size;
    }
    // A syntax error in the last byte of a large file is found and placed.
    std::string bytes = json;
    bytes.resize(kHugePage - 65, ' ');
    bytes.back() = 'x';
    writeFile(path, bytes);
    const auto lines = std::count(json.begin(), json.end(), '\n'); // it ends with one
    EXPECT_EQ(readScenarioFile(path).error().message,
              path + ": line " + std::to_string(lines + 1) + ", column " +
                  std::to_string(bytes.size() - json.size()) +
                  ": trailing content after the document (not valid JSON)");
}

// A pipe announces no size: the bytes are read in growing buffers, past a huge page.
TEST(ScenarioFormat, ALargeScenarioIsReadFromAPipe) {
    TempDir dir;
    const std::string path = dir.file("pipe.json");
    ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
    const Scenario scenario = randomScenario(12000, 10, 4); // about 3 MiB of JSON
    const std::string json = serializeScenario(scenario);
    ASSERT_GT(json.size(), 2u * 1024 * 1024);
    std::thread writer([&] {
        std::ofstream out(path, std::ios::binary);
        out.write(json.data(), std::streamsize(json.size()));
    });
    const auto result = readScenarioFile(path);
    writer.join();
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result.value(), scenario);
}

// Opening a big file tells how far it has come and can be stopped (see core/progress.h).

// Every fraction a Progress is told; it says stop from stopAt on.
struct Recorder {
    std::vector<double> told;
    double stopAt = 2; // past 1: never stop
    std::size_t toldAfterStop = 0;
    bool stopped = false;

    Progress progress() {
        return [this](double done) {
            if (stopped)
                ++toldAfterStop;
            told.push_back(done);
            stopped = stopped || done >= stopAt;
            return !stopped;
        };
    }
};

TEST(ScenarioFormat, ReadingABigFileTellsProgressFromZeroToOne) {
    TempDir dir;
    const std::string path = dir.file("big.json");
    const Scenario scenario = randomScenario(20000, 10, 5); // about 5.4 MB: two pieces to read
    writeFile(path, serializeScenario(scenario));
    Recorder recorder;
    const auto result = readScenarioFile(path, recorder.progress());
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result.value(), scenario);
    EXPECT_EQ(readScenarioFile(path).value(), result.value()) << "the same without progress";
    const std::vector<double>& told = recorder.told;
    ASSERT_FALSE(told.empty());
    EXPECT_EQ(told.front(), 0);
    EXPECT_EQ(told.back(), 1);
    EXPECT_TRUE(std::is_sorted(told.begin(), told.end()));
    // Reading moves from 0 to 0.2 piece by piece, parsing from 0.2 to 1 as the tasks are walked.
    const auto reading = std::count_if(told.begin(), told.end(),
                                       [](double done) { return done > 0 && done <= 0.2; });
    const auto walking =
        std::count_if(told.begin(), told.end(), [](double done) { return done > 0.2 && done < 1; });
    EXPECT_GE(reading, 2);
    EXPECT_GE(walking, 100); // every 1,024 tasks or steps of 220,000
}

TEST(ScenarioFormat, AReadThatProgressStopsFailsAsCancelledAndIsToldNoMore) {
    TempDir dir;
    const std::string path = dir.file("big.json");
    writeFile(path, serializeScenario(randomScenario(20000, 10, 6)));
    // At the start, while reading, while indexing and while walking the tasks.
    for (double stopAt : {0.0, 0.05, 0.2, 0.4, 0.5, 0.99}) {
        Recorder recorder;
        recorder.stopAt = stopAt;
        const auto result = readScenarioFile(path, recorder.progress());
        ASSERT_FALSE(result) << stopAt;
        EXPECT_TRUE(result.error().cancelled) << stopAt;
        EXPECT_EQ(result.error().message, "cancelled") << stopAt << ": no path, nothing to report";
        EXPECT_EQ(recorder.toldAfterStop, 0u) << stopAt;
    }
    // From a pipe, whose size is unknown: reading stays at 0 and can still be stopped.
    const std::string pipe = dir.file("pipe.json");
    ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
    const std::string json = serializeScenario(randomScenario(12000, 10, 4));
    // The writer's writes fail once the reader is gone, rather than end the tests.
    const auto previous = std::signal(SIGPIPE, SIG_IGN);
    std::thread writer([&] {
        std::ofstream out(pipe, std::ios::binary);
        out.write(json.data(), std::streamsize(json.size()));
    });
    std::size_t calls = 0;
    const auto result = readScenarioFile(pipe, [&](double done) {
        EXPECT_EQ(done, 0);
        return ++calls < 3; // the start, then two pieces
    });
    writer.join();
    std::signal(SIGPIPE, previous);
    ASSERT_FALSE(result);
    EXPECT_TRUE(result.error().cancelled);
}

TEST(ScenarioFormat, ParsingTellsProgressAndCanBeStopped) {
    // A few tasks of many steps: progress moves with the steps too.
    const Scenario scenario = randomScenario(100, 5000, 7);
    const std::string json = serializeScenario(scenario);
    Recorder recorder;
    const auto result = parseScenario(json, recorder.progress());
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result.value(), scenario);
    EXPECT_EQ(recorder.told.front(), 0);
    EXPECT_EQ(recorder.told.back(), 1);
    EXPECT_TRUE(std::is_sorted(recorder.told.begin(), recorder.told.end()));
    EXPECT_GE(recorder.told.size(), 400u); // 500,100 values, a report every 1,024

    Recorder stopping;
    stopping.stopAt = 0.5;
    const auto stopped = parseScenario(json, stopping.progress());
    ASSERT_FALSE(stopped);
    EXPECT_TRUE(stopped.error().cancelled);
    EXPECT_EQ(stopping.toldAfterStop, 0u);
    EXPECT_GE(stopping.told.back(), 0.5);
    EXPECT_LT(stopping.told.back(), 0.6) << "stopped soon after";
}

TEST(ScenarioFormat, ProgressChangesNoMessage) {
    const auto always = [](double) { return true; };
    for (const std::string& json :
         {std::string("{"), std::string("   "), wrap("[{\"name\": 1, \"steps\": []}]"),
          serializeScenario(seedScenario()) + "x"}) {
        const auto plain = parseScenario(json);
        const auto told = parseScenario(json, always);
        ASSERT_FALSE(plain) << json;
        ASSERT_FALSE(told) << json;
        EXPECT_EQ(told.error(), plain.error()) << json;
    }
    TempDir dir;
    const std::string path = dir.file("bad.json");
    writeFile(path, serializeScenario(randomScenario(5000, 10, 8)) + "x");
    EXPECT_EQ(readScenarioFile(path, always).error(), readScenarioFile(path).error());
    EXPECT_EQ(readScenarioFile(dir.file("missing.json"), always).error().message,
              dir.file("missing.json") + ": no such file");
}

TEST(ScenarioFormat, EmptyFiles) {
    EXPECT_EQ(errorOf(""), "line 1, column 1: the file is empty");
    EXPECT_EQ(errorOf(" \n\t\r\n"), "line 1, column 1: the file is empty");
    EXPECT_EQ(errorOf("\v\f"), "line 1, column 1: the file is empty");
    EXPECT_EQ(errorOf("\xEF\xBB\xBF\n"), "line 1, column 1: the file is empty");
}

TEST(ScenarioFormat, SyntaxErrorsGiveLineAndColumnOfTheOffendingCharacter) {
    EXPECT_EQ(errorOf("{\"a\": 1,\n\n   }"),
              "line 3, column 4: a key expected after a comma (not valid JSON)");
    EXPECT_EQ(errorOf("\xff\xfe"), "line 1, column 1: invalid UTF-8 (not valid JSON)");
    EXPECT_EQ(errorOf("{\"a\" 1}"),
              "line 1, column 6: a colon expected after the key (not valid JSON)");
    EXPECT_EQ(errorOf("{\"a\": 1 \"b\": 2}"),
              "line 1, column 9: a comma or } expected (not valid JSON)");
    EXPECT_EQ(errorOf("{\"a\": [1 2]}"),
              "line 1, column 10: a comma or ] expected (not valid JSON)");
    EXPECT_EQ(errorOf("{\"a\": [1,]}"),
              "line 1, column 10: a value expected after a comma (not valid JSON)");
    EXPECT_EQ(errorOf("{\"a\": }"), "line 1, column 7: a value expected (not valid JSON)");
    EXPECT_EQ(errorOf("{a: 1}"), "line 1, column 2: a key or } expected (not valid JSON)");
    EXPECT_EQ(errorOf("{\"a\":1"), "line 1, column 7: unterminated object (not valid JSON)");
    EXPECT_EQ(errorOf("[1,\n2"), "line 2, column 2: unterminated array (not valid JSON)");
    EXPECT_EQ(errorOf("{\"a\":\"abc"), "line 1, column 10: unterminated string (not valid JSON)");
    EXPECT_EQ(errorOf("{\"a\": tru}"), "line 1, column 7: illegal value \"tru\" (not valid JSON)");
    EXPECT_EQ(errorOf("{\"a\": nulll}"),
              "line 1, column 7: illegal value \"nulll\" (not valid JSON)");
    // Columns count characters, not bytes.
    EXPECT_EQ(errorOf("{\"é\": \"ü\", 5}"),
              "line 1, column 12: a key expected after a comma (not valid JSON)");
}

TEST(ScenarioFormat, TrailingContentIsASyntaxError) {
    const std::string valid = serializeScenario(seedScenario());
    ASSERT_TRUE(parseScenario(valid + "  \n\r\t"));
    const auto lines = std::count(valid.begin(), valid.end(), '\n'); // it ends with one
    const std::string after = "line " + std::to_string(lines + 1) + ", column 1: ";
    const std::string trailing = "trailing content after the document (not valid JSON)";
    EXPECT_EQ(errorOf(valid + "x"), after + trailing);
    EXPECT_EQ(errorOf(valid + "{}"), after + trailing);
    EXPECT_EQ(errorOf(valid + std::string(1, '\0')), after + trailing);
    EXPECT_EQ(errorOf(valid.substr(0, valid.size() - 1) + "}"),
              "line " + std::to_string(lines) + ", column 3: " + trailing); // after "]}"
    EXPECT_EQ(errorOf("[1] x"), "line 1, column 5: trailing content after the document (not "
                                "valid JSON)");
}

TEST(ScenarioFormat, DeepNestingIsRefusedNotCrashed) {
    EXPECT_EQ(errorOf(std::string(100'000, '[')),
              "line 1, column 1025: too deeply nested (not valid JSON)");
    std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
    EXPECT_EQ(errorOf(deep), "line 1, column 1025: too deeply nested (not valid JSON)");
    std::string title = R"({"format": "coroscope-scenario", "version": 1, "title": )";
    EXPECT_EQ(errorOf(title + std::string(5000, '[') + "}"),
              "line 1, column " + std::to_string(title.size() + 1024) +
                  ": too deeply nested (not valid JSON)");
    // 1024 levels are JSON; the schema refuses them.
    EXPECT_EQ(errorOf(std::string(1024, '[') + std::string(1024, ']')),
              "scenario: the top level must be a JSON object");
}

TEST(ScenarioFormat, TheTopLevelMustBeAnObject) {
    for (const char* json : {"[1, 2]", "42", "\"text\"", "null", "true", "[]"})
        EXPECT_EQ(errorOf(json), "scenario: the top level must be a JSON object") << json;
}

TEST(ScenarioFormat, EachSchemaRuleHasItsOwnMessage) {
    EXPECT_EQ(errorOf(R"({"format": "other", "version": 1, "tasks": []})"),
              "scenario: \"format\" must be \"coroscope-scenario\" (this is not a Coroscope "
              "scenario)");
    EXPECT_EQ(errorOf(R"({"format": "coroscope-scenario", "version": 3, "tasks": []})"),
              "scenario: version 3 is newer than this Coroscope reads (up to 2)");
    EXPECT_EQ(errorOf(R"({"format": "coroscope-scenario", "version": "1", "tasks": []})"),
              "scenario: \"version\" must be a whole number from 1");
    EXPECT_EQ(errorOf(R"({"format": "coroscope-scenario", "version": 1})"),
              "scenario: \"tasks\" must be an array");
    EXPECT_EQ(errorOf(R"({"format": "coroscope-scenario", "version": 1, "title": 5, "tasks": []})"),
              "scenario: \"title\" must be a string");
    EXPECT_EQ(
        errorOf(R"({"format": "coroscope-scenario", "version": 1, "colour": 1, "tasks": []})"),
        "scenario: unknown key \"colour\" (allowed: format, version, title, subtitle, "
        "tasks)");
    EXPECT_EQ(errorOfTasks("[]"), "scenario: there are no tasks; a scenario needs at least one");
    EXPECT_EQ(errorOfTasks("[7]"), "task 1: a task must be an object with \"name\" and \"steps\"");
    EXPECT_EQ(errorOfTasks(R"([{"steps": []}])"), "task 1: \"name\" must be a string");
    EXPECT_EQ(errorOfTasks(R"([{"name": "A"}])"), "task 1 \"A\": \"steps\" must be an array");
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "steps": []}])"),
              "task 1 \"A\": a task needs at least one step");
    EXPECT_EQ(
        errorOfTasks(R"([{"name": "A", "steps": [5]}])"),
        "task 1 \"A\", step 1: a step must be an object like {\"kind\": \"cpu\", \"ms\": 100}");
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "steps": [{"kind": "gpu", "ms": 5}]}])"),
              "task 1 \"A\", step 1: unknown kind \"gpu\" (use cpu, io or http)");
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "steps": [{"kind": "cpu", "ms": "5"}]}])"),
              "task 1 \"A\", step 1: \"ms\" must be a number of milliseconds");
    EXPECT_EQ(
        errorOfTasks(
            R"([{"name": "A", "steps": [{"kind": "io", "ms": 1}, {"kind": "io", "ms": 2.5}]}])"),
        "task 1 \"A\", step 2: duration 2.5 ms is not a whole number of milliseconds");
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "steps": [{"kind": "io", "ms": 0}]}])"),
              "task 1 \"A\", step 1: duration 0 ms is outside 1..86400000 ms");
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "steps": [{"kind": "io", "ms": -3}]}])"),
              "task 1 \"A\", step 1: duration -3 ms is outside 1..86400000 ms");
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "steps": [{"kind": "io", "ms": 1e300}]}])"),
              "task 1 \"A\", step 1: duration 1.0000000000000001e+300 ms is outside "
              "1..86400000 ms");
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "steps": [{"kind": "io", "ms": 1, "x": 1}]}])"),
              "task 1 \"A\", step 1: unknown key \"x\" (allowed: kind, ms)");
    EXPECT_EQ(errorOfTasks(R"([{"name": "", "steps": [{"kind": "io", "ms": 1}]}])"),
              "task 1: the name is empty");
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "steps": [{"ms": 1}]}])"),
              "task 1 \"A\", step 1: \"kind\" must be a string");
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "steps": [{"kind": "io"}]}])"),
              "task 1 \"A\", step 1: \"ms\" must be a number of milliseconds");
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "x": 1, "steps": [{"kind": "io", "ms": 1}]}])"),
              "task 1 \"A\": unknown key \"x\" (allowed: name, steps)");
    EXPECT_EQ(errorOf(R"({"format": "coroscope-scenario", "version": 1, "subtitle": null,
                          "tasks": []})"),
              "scenario: \"subtitle\" must be a string");
}

TEST(ScenarioFormat, VersionRules) {
    const auto withVersion = [](std::string_view version) {
        return errorOf(R"({"format": "coroscope-scenario", "version": )" + std::string(version) +
                       R"(, "tasks": [{"name": "A", "steps": [{"kind": "io", "ms": 1}]}]})");
    };
    EXPECT_EQ(withVersion("1"), "loaded");
    EXPECT_EQ(withVersion("1.0"), "loaded");
    EXPECT_EQ(withVersion("1e0"), "loaded");
    for (const char* bad : {"1.5", "0", "-1", "\"1\"", "null", "[1]"})
        EXPECT_EQ(withVersion(bad), "scenario: \"version\" must be a whole number from 1") << bad;
    EXPECT_EQ(withVersion("2.0"), "loaded");
    EXPECT_EQ(withVersion("3.0"),
              "scenario: version 3 is newer than this Coroscope reads (up to 2)");
    EXPECT_EQ(withVersion("1e300"),
              "scenario: version 1e+300 is newer than this Coroscope reads (up to 2)");
    EXPECT_EQ(withVersion("123456789012"),
              "scenario: version 1.23457e+11 is newer than this Coroscope reads (up to 2)");
    EXPECT_EQ(errorOf(R"({"format": "coroscope-scenario", "tasks": []})"),
              "scenario: \"version\" must be a whole number from 1");
    EXPECT_EQ(errorOf(R"({"version": 1, "tasks": []})"),
              "scenario: \"format\" must be \"coroscope-scenario\" (this is not a Coroscope "
              "scenario)");
}

TEST(ScenarioFormat, DurationsThatAreNotWholeMillisecondsInRange) {
    const std::pair<const char*, const char*> cases[] = {
        {"NaN", "line 1, column 103: illegal number \"NaN\" (not valid JSON)"},
        {"-5", "task 1 \"A\", step 1: duration -5 ms is outside 1..86400000 ms"},
        {"0", "task 1 \"A\", step 1: duration 0 ms is outside 1..86400000 ms"},
        {"-0", "task 1 \"A\", step 1: duration 0 ms is outside 1..86400000 ms"},
        {"1e300", "task 1 \"A\", step 1: duration 1.0000000000000001e+300 ms is outside "
                  "1..86400000 ms"},
        {"86400001", "task 1 \"A\", step 1: duration 86400001 ms is outside 1..86400000 ms"},
        {"0.5", "task 1 \"A\", step 1: duration 0.5 ms is not a whole number of milliseconds"},
        {"12345678901234567890", "task 1 \"A\", step 1: duration 1.2345678901234567e+19 ms is "
                                 "outside 1..86400000 ms"},
        {"9007199254740993", "task 1 \"A\", step 1: duration 9007199254740992 ms is outside "
                             "1..86400000 ms"},
        {"0e-400", "task 1 \"A\", step 1: duration 0 ms is outside 1..86400000 ms"},
        {"4.9e-324", "task 1 \"A\", step 1: duration 4.9406564584124654e-324 ms is not a whole "
                     "number of milliseconds"},
    };
    for (const auto& [ms, message] : cases)
        EXPECT_EQ(errorOf(withMs(ms)), message) << ms;
}

TEST(ScenarioFormat, NumbersMayBeWrittenAsFloats) {
    for (const char* ms : {"100", "100.0", "1e2", "1E+2", "10000e-2", "0.1e3"}) {
        const auto result = parseScenario(withMs(ms));
        ASSERT_TRUE(result) << ms << ": " << result.error().message;
        EXPECT_EQ(result->tasks[0].steps[0].ms, 100) << ms;
    }
}

TEST(ScenarioFormat, MalformedNumbersAreSyntaxErrorsNamingTheNumber) {
    const std::pair<const char*, const char*> cases[] = {
        {"0x10", "line 1, column 103: illegal number \"0x10\" (not valid JSON)"},
        {"01", "line 1, column 103: illegal number \"01\" (not valid JSON)"},
        {"1.", "line 1, column 103: illegal number \"1.\" (not valid JSON)"},
        {".5", "line 1, column 103: illegal number \".5\" (not valid JSON)"},
        {"+1", "line 1, column 103: illegal number \"+1\" (not valid JSON)"},
        {"1e", "line 1, column 103: illegal number \"1e\" (not valid JSON)"},
        {"-", "line 1, column 103: illegal number \"-\" (not valid JSON)"},
        {"--1", "line 1, column 103: illegal number \"--1\" (not valid JSON)"},
        {"Infinity", "line 1, column 103: illegal number \"Infinity\" (not valid JSON)"},
        {"1e400", "line 1, column 103: illegal number \"1e400\" (not valid JSON)"},
        {"-1e400", "line 1, column 103: illegal number \"-1e400\" (not valid JSON)"},
        {"1e-400", "line 1, column 103: illegal number \"1e-400\" (not valid JSON)"},
        {"1e-30033733", "line 1, column 103: illegal number \"1e-30033733\" (not valid JSON)"},
        {"123456789012345678901234567890xyz",
         "line 1, column 103: illegal number \"12345678901234567890...\" (not valid JSON)"},
    };
    for (const auto& [ms, message] : cases)
        EXPECT_EQ(errorOf(withMs(ms)), message) << ms;
    EXPECT_EQ(errorOf(withMs(std::string(400, '9'))),
              "line 1, column 103: illegal number \"99999999999999999999...\" (not valid JSON)");
}

TEST(ScenarioFormat, DuplicateKeysAreRefusedWithThePlace) {
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "steps": [{"kind": "io", "ms": 1, "ms": 2}]}])"),
              "task 1 \"A\", step 1: the key \"ms\" appears twice");
    EXPECT_EQ(errorOf(wrap(R"([{"name": "A", "steps": [{"kind": "io", "ms": 1}]}], "tasks": 5)")),
              "scenario: the key \"tasks\" appears twice");
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "name": "B", "steps": [{"kind": "io", "ms": 1}]}])"),
              "task 1 \"A\": the key \"name\" appears twice");
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "steps": [{"kind": "io", "ms": 1}], "steps": []}])"),
              "task 1 \"A\": the key \"steps\" appears twice");
    EXPECT_EQ(errorOf(R"({"format": "coroscope-scenario", "format": "coroscope-scenario",
                          "version": 1, "tasks": []})"),
              "scenario: the key \"format\" appears twice");
    // A key written with escapes is the same key.
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "steps": [{"kind": "io", "ms": 1, "m\u0073": 2}]}])"),
              "task 1 \"A\", step 1: the key \"ms\" appears twice");
}

TEST(ScenarioFormat, RulesAreCheckedInTheLoadersOrder) {
    // The first unknown key in sorted order, as Qt's sorted objects named it.
    EXPECT_EQ(errorOf(R"({"version": 1, "tasks": [], "format": "coroscope-scenario", "zz": 1,
                          "aa": 2})"),
              "scenario: unknown key \"aa\" (allowed: format, version, title, subtitle, tasks)");
    // Keys in any order: the step's message still names its task.
    EXPECT_EQ(errorOf(R"({"tasks": [{"steps": [{"ms": 0, "kind": "io"}], "name": "Late"}],
                          "version": 1, "format": "coroscope-scenario"})"),
              "task 1 \"Late\", step 1: duration 0 ms is outside 1..86400000 ms");
    // Top-level rules come before the tasks, wherever the tasks are written.
    EXPECT_EQ(errorOf(R"({"tasks": [7], "format": "other", "version": 1})"),
              "scenario: \"format\" must be \"coroscope-scenario\" (this is not a Coroscope "
              "scenario)");
    // A task's own rules come before its steps'.
    EXPECT_EQ(errorOfTasks(R"([{"steps": [7], "name": "A", "x": 1}])"),
              "task 1 \"A\": unknown key \"x\" (allowed: name, steps)");
    // The first broken task wins, even when a later one is worse.
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "steps": [{"kind": "io", "ms": 0}]}, 7])"),
              "task 1 \"A\", step 1: duration 0 ms is outside 1..86400000 ms");
    // Counts come before what is counted.
    EXPECT_EQ(errorOfTasks(manyTasks(kMaxTasks + 1, "[]")),
              "scenario: has 100001 tasks, more than the 100000 allowed");
    std::string steps = "[7";
    for (std::size_t i = 1; i <= kMaxStepsPerTask; ++i)
        steps += ",7";
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "steps": )" + steps + "]}]"),
              "task 1 \"A\": has 10001 steps, more than the 10000 allowed");
    // Parse rules before validation: an empty name is reported after a later task's bad step.
    EXPECT_EQ(errorOfTasks(R"([{"name": "", "steps": [{"kind": "io", "ms": 1}]},
                               {"name": "B", "steps": [{"kind": "io", "ms": 0}]}])"),
              "task 2 \"B\", step 1: duration 0 ms is outside 1..86400000 ms");
    // A file that is not JSON is refused as such, even when a rule breaks first.
    EXPECT_EQ(errorOf(R"({"format": "other", "version": 1, "tasks": [], "x": 0x10})"),
              "line 1, column 53: illegal number \"0x10\" (not valid JSON)");
    EXPECT_EQ(errorOf(R"({"format": "coroscope-scenario", "version": 1, "tasks": [7, [1 2]]})"),
              "line 1, column 64: a comma or ] expected (not valid JSON)");
    // Found by the fuzzer: a kind read in place must still be followed by a comma or }.
    EXPECT_EQ(errorOfTasks(R"([{"name": "A", "steps": [{"kind": "cpu": 1, "ms": 5}]}])"),
              "line 1, column 96: a comma or } expected (not valid JSON)");
}

TEST(ScenarioFormat, CapsAreCheckedBeforeBuilding) {
    // Ten million tasks: refused by count, only the first 100,000 ever built.
    std::string tasks = "[0";
    tasks.reserve(20'000'002);
    for (int i = 1; i < 10'000'000; ++i)
        tasks += ",0";
    EXPECT_EQ(errorOfTasks(tasks + "]"),
              "scenario: has 10000000 tasks, more than the 100000 allowed");
    // The steps in all: the task that crosses the cap is named.
    std::string tenThousand = "[";
    for (std::size_t i = 0; i < kMaxStepsPerTask; ++i)
        tenThousand += i == 0 ? R"({"kind":"io","ms":1})" : R"(,{"kind":"io","ms":1})";
    tenThousand += "]";
    EXPECT_EQ(errorOfTasks(manyTasks(kMaxTotalSteps / kMaxStepsPerTask + 2, tenThousand)),
              "task 101 \"T\": brings the scenario past the 1000000 steps allowed in all");
    EXPECT_EQ(errorOfTasks(manyTasks(kMaxTotalSteps / kMaxStepsPerTask, tenThousand)), "loaded");
    // Titles are checked by validation, after every task.
    const std::string longTitle(kMaxTitleBytes + 1, 't');
    EXPECT_EQ(errorOf(R"({"format": "coroscope-scenario", "version": 1, "title": ")" + longTitle +
                      R"(", "tasks": [{"name": "A", "steps": [{"kind": "io", "ms": 1}]}]})"),
              "scenario: the title and subtitle may hold at most 500 bytes each");
}

TEST(ScenarioFormat, StringsAreDecodedAndMustBeValid) {
    const auto named = [](std::string_view name) {
        return wrap(R"([{"name": ")" + std::string(name) +
                    R"(", "steps": [{"kind": "io", "ms": 1}]}])");
    };
    const auto nameOf = [&](std::string_view name) {
        const auto result = parseScenario(named(name));
        return result ? result->tasks[0].name : "refused: " + result.error().message;
    };
    EXPECT_EQ(nameOf(R"(caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t \u0000!)"),
              "caf\xC3\xA9 \xF0\x9F\x98\x80 \"q\" \\ / \b\f\n\r\t \0!"s);
    EXPECT_EQ(nameOf("\xE4\xB8\xAD\xE6\x96\x87"), "\xE4\xB8\xAD\xE6\x96\x87");
    EXPECT_EQ(errorOf(named(R"(A\x)")),
              "line 1, column 69: invalid escape \"\\x\" (not valid JSON)");
    EXPECT_EQ(errorOf(named(R"(A\u12G4)")),
              "line 1, column 69: invalid escape \"\\u12G4\" (not valid JSON)");
    EXPECT_EQ(errorOf(named(R"(A\ud800)")),
              "line 1, column 69: unpaired surrogate \"\\ud800\" (not valid JSON)");
    EXPECT_EQ(errorOf(named(R"(A\udc00\ud800)")),
              "line 1, column 69: unpaired surrogate \"\\udc00\" (not valid JSON)");
    EXPECT_EQ(errorOf(named("A\tB")),
              "line 1, column 69: unescaped control character in a string (not valid JSON)");
    EXPECT_EQ(errorOf(named("A\nB")),
              "line 1, column 69: unescaped control character in a string (not valid JSON)");
    for (const char* bad : {"\xE9", "\xED\xA0\x80", "\xC0\x80", "\xF4\x90\x80\x80", "\x80"})
        EXPECT_EQ(errorOf(named(std::string("A") + bad)),
                  "line 1, column 69: invalid UTF-8 (not valid JSON)");
    // The old loader's test: a Latin-1 title.
    EXPECT_EQ(errorOf("{\"format\": \"coroscope-scenario\", \"title\": \"caf\xe9\"}"),
              "line 1, column 47: invalid UTF-8 (not valid JSON)");
    // A UTF-8 byte order mark is allowed and not counted in columns.
    EXPECT_TRUE(parseScenario("\xEF\xBB\xBF" + serializeScenario(seedScenario())));
    EXPECT_EQ(errorOf("\xEF\xBB\xBF{,}"), "line 1, column 2: a key or } expected (not valid JSON)");
}

TEST(ScenarioFormat, DuplicateNamesLoadAsGiven) {
    const auto result = parseScenario(wrap(R"([{"name": "A", "steps": [{"kind": "io", "ms": 1}]},
                 {"name": "A", "steps": [{"kind": "cpu", "ms": 2}]}])"));
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->tasks[1].name, "A");
    EXPECT_EQ(result->tasks[1].steps, (std::vector<Step>{{Cpu, 2}}));
}

TEST(ScenarioFormat, EveryFuzzCorpusInputLoadsOrIsRefusedWithAMessage) {
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(COROSCOPE_FUZZ_CORPUS)) {
        ++files;
        const auto result = parseScenario(readBytes(entry.path()));
        if (result) {
            EXPECT_TRUE(validateScenario(result.value())) << entry.path();
            EXPECT_EQ(parseScenario(serializeScenario(result.value())).value(), result.value())
                << entry.path();
        } else {
            EXPECT_FALSE(result.error().message.empty()) << entry.path();
        }
    }
    EXPECT_GE(files, 10u);
}
