// Scenario files on disk from the window's side: the built-in default, atomic writes, and
// messages that name the path. The format itself is tested in core_scenarioformat_test.

#include "files/scenariofile.h"
#include "qstringprinter.h"
#include "qtfiles.h"
#include "resultchecks.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace coroscope;
using namespace coroscope::test;

namespace {

QString errorOf(const Result<Scenario>& result) {
    return result ? QString() : QString::fromStdString(result.error().message);
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

TEST(ScenarioFile, WriteThenReadRoundTripsAndLeavesNoTemporaryFile) {
    QTemporaryDir dir;
    const QString path = dir.filePath("s.json");
    const Scenario scenario = ScenarioFile::builtInDefault();
    QString error;
    ASSERT_TRUE(succeeded(ScenarioFile::write(scenario, path)));
    const auto result = ScenarioFile::read(path);
    ASSERT_TRUE(succeeded(result));
    EXPECT_EQ(result.value(), scenario);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files), QStringList{"s.json"});
}

TEST(ScenarioFile, FailedWriteLeavesTheTargetUntouched) {
    QTemporaryDir dir;
    QString error;
    EXPECT_TRUE(failedWith(
        ScenarioFile::write(ScenarioFile::builtInDefault(), dir.filePath("missing/dir/s.json")),
        &error));
    EXPECT_TRUE(error.startsWith(dir.filePath("missing/dir/s.json") + ": cannot be written"))
        << error.toStdString();
    EXPECT_TRUE(
        failedWith(ScenarioFile::write(ScenarioFile::builtInDefault(), dir.path()), &error));
    EXPECT_TRUE(error.endsWith("(it is a directory)")) << error.toStdString();
}

TEST(ScenarioFile, ReadNamesThePathAndTheProblem) {
    QTemporaryDir dir;
    EXPECT_EQ(errorOf(ScenarioFile::read(dir.filePath("nope.json"))),
              dir.filePath("nope.json") + ": no such file");
    EXPECT_EQ(errorOf(ScenarioFile::read(dir.path())),
              dir.path() + ": is a directory, not a scenario file");
    writeFile(dir.filePath("bad.json"), "{\n  \"format\": oops\n}");
    EXPECT_EQ(errorOf(ScenarioFile::read(dir.filePath("bad.json"))),
              dir.filePath("bad.json") +
                  ": line 2, column 13: illegal value \"oops\" (not valid JSON)");
}
