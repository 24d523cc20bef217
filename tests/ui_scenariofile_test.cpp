// Scenario files: the built-in default, round trips, atomic writes, and one clear message per
// broken rule.

#include "files/scenariofile.h"
#include "qstringprinter.h"
#include "scenariorules.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace coroscope;

namespace {

QString errorOf(const char* json) {
    return ScenarioFile::parse(QByteArray(json)).error;
}

QByteArray wrap(const char* tasks) {
    return QByteArray(R"({"format": "coroscope-scenario", "version": 1, "tasks": )") + tasks + "}";
}

QString errorOfTasks(const char* tasks) {
    return ScenarioFile::parse(wrap(tasks)).error;
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

TEST(ScenarioFile, BuiltInDefaultIsTheSeed) {
    const Scenario seed = ScenarioFile::builtInDefault();
    EXPECT_EQ(seed.title, "Asynchronous Task Execution");
    EXPECT_EQ(seed.subtitle, "Sequential CPU work, concurrent I/O & HTTP waits");
    ASSERT_EQ(seed.tasks.size(), 3u);
    EXPECT_EQ(seed.tasks[1].name, "Task 2");
    const std::vector<Step> task2{
        {StepKind::Cpu, 100}, {StepKind::Io, 120}, {StepKind::Cpu, 130}, {StepKind::Http, 300}};
    EXPECT_EQ(seed.tasks[1].steps, task2);
}

TEST(ScenarioFile, SerializeThenParseRoundTripsEveryField) {
    Scenario scenario = ScenarioFile::builtInDefault();
    scenario.title = "Ünïcode \"quoted\" title\nwith a line break";
    scenario.subtitle = "";
    scenario.tasks[2].name = "back\\slash, comma";
    scenario.tasks[0].steps[1] = {StepKind::Http, 86'400'000};
    const auto result = ScenarioFile::parse(ScenarioFile::serialize(scenario));
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    EXPECT_EQ(result.scenario, scenario);
}

TEST(ScenarioFile, WriteThenReadRoundTripsAndLeavesNoTemporaryFile) {
    QTemporaryDir dir;
    const QString path = dir.filePath("s.json");
    const Scenario scenario = ScenarioFile::builtInDefault();
    QString error;
    ASSERT_TRUE(ScenarioFile::write(scenario, path, &error)) << error.toStdString();
    const auto result = ScenarioFile::read(path);
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    EXPECT_EQ(result.scenario, scenario);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files), QStringList{"s.json"});
}

TEST(ScenarioFile, FailedWriteLeavesTheTargetUntouched) {
    QTemporaryDir dir;
    QString error;
    EXPECT_FALSE(ScenarioFile::write(ScenarioFile::builtInDefault(),
                                     dir.filePath("missing/dir/s.json"), &error));
    EXPECT_TRUE(error.startsWith(dir.filePath("missing/dir/s.json") + ": cannot be written"))
        << error.toStdString();
    EXPECT_FALSE(ScenarioFile::write(ScenarioFile::builtInDefault(), dir.path(), &error));
    EXPECT_TRUE(error.endsWith("(it is a directory)")) << error.toStdString();
}

TEST(ScenarioFile, ReadNamesThePathAndTheProblem) {
    QTemporaryDir dir;
    EXPECT_EQ(ScenarioFile::read(dir.filePath("nope.json")).error,
              dir.filePath("nope.json") + ": no such file");
    EXPECT_EQ(ScenarioFile::read(dir.path()).error,
              dir.path() + ": is a directory, not a scenario file");
    writeFile(dir.filePath("bad.json"), "{\n  \"format\": oops\n}");
    EXPECT_EQ(ScenarioFile::read(dir.filePath("bad.json")).error,
              dir.filePath("bad.json") + ": line 2, column 13: illegal number (not valid JSON)");
}

TEST(ScenarioFile, SyntaxErrorsGiveLineAndColumn) {
    EXPECT_EQ(errorOf(""), "line 1, column 1: the file is empty");
    EXPECT_EQ(errorOf("{\"a\": 1,\n\n   }"),
              "line 3, column 5: object is missing after a comma (not valid JSON)");
    EXPECT_EQ(errorOf("\xff\xfe"), "line 1, column 2: illegal value (not valid JSON)");
}

TEST(ScenarioFile, EachSchemaRuleHasItsOwnMessage) {
    EXPECT_EQ(errorOf("[1, 2]"), "scenario: the top level must be a JSON object");
    EXPECT_EQ(errorOf(R"({"format": "other", "version": 1, "tasks": []})"),
              "scenario: \"format\" must be \"coroscope-scenario\" (this is not a Coroscope "
              "scenario)");
    EXPECT_EQ(errorOf(R"({"format": "coroscope-scenario", "version": 2, "tasks": []})"),
              "scenario: version 2 is newer than this Coroscope reads (up to 1)");
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
}

TEST(ScenarioFile, DuplicateNamesLoadAsGiven) {
    const auto result =
        ScenarioFile::parse(wrap(R"([{"name": "A", "steps": [{"kind": "io", "ms": 1}]},
                 {"name": "A", "steps": [{"kind": "cpu", "ms": 2}]}])"));
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    EXPECT_EQ(result.scenario.tasks[1].name, "A");
}

TEST(ScenarioFile, EveryFuzzCorpusInputLoadsOrIsRefusedWithAMessage) {
    const QDir corpus(QStringLiteral(COROSCOPE_FUZZ_CORPUS));
    const QStringList files = corpus.entryList(QDir::Files);
    ASSERT_GE(files.size(), 10);
    for (const QString& name : files) {
        QFile file(corpus.filePath(name));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        const auto result = ScenarioFile::parse(file.readAll());
        EXPECT_NE(result.ok(), !result.error.isEmpty()) << name.toStdString();
        if (result.ok()) {
            EXPECT_TRUE(validateScenario(result.scenario).ok()) << name.toStdString();
        }
    }
}
