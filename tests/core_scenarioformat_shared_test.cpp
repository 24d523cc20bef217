// A big scenario file's tasks are read on two threads (from 1 MiB on, on a machine with two
// cores, where no progress is told): what a user sees must be what one thread gives, the tasks in file order, and every
// problem, wherever it lies, worded and placed as before.

#include "format/scenarioformat.h"
#include "randomscenario.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

using namespace coroscope;
using namespace coroscope::test;

namespace {

constexpr std::size_t kTasks = 8000; // about 2 MiB of JSON

// Where task t (1-based) begins in serializeScenario's text: it writes a task a line.
std::size_t taskAt(const std::string& json, std::size_t t) {
    std::size_t at = 0;
    for (std::size_t line = 0; line < t; ++line)
        at = json.find("\n{", at) + 1;
    return at;
}

// The text with task t's first duration set to ms.
std::string withFirstDuration(std::string json, std::size_t t, const std::string& ms) {
    const std::size_t key = json.find("\"ms\":", taskAt(json, t)) + 5;
    json.replace(key, json.find_first_of(",}", key) - key, ms);
    return json;
}

std::string problemOf(const std::string& json) {
    const Result<Scenario> read = parseScenario(json);
    return read ? "loaded" : read.error().message;
}

class SharedRead : public testing::Test {
protected:
    void SetUp() override {
        if (std::thread::hardware_concurrency() < 2)
            GTEST_SKIP() << "one core: every file is read on one thread";
        ASSERT_GT(json.size(), 1024u * 1024);
    }
    const Scenario scenario = randomScenario(kTasks, 10, 11);
    const std::string json = serializeScenario(scenario);
};

} // namespace

TEST_F(SharedRead, BothHalvesTasksComeBackInFileOrder) {
    const Result<Scenario> read = parseScenario(json);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(read.value(), scenario);
}

TEST_F(SharedRead, AProblemInTheSecondHalfIsNamedWithItsPlace) {
    const std::string& name = scenario.tasks[6999].name;
    EXPECT_EQ(problemOf(withFirstDuration(json, 7000, "0")),
              "task 7000 \"" + name + "\", step 1: duration 0 ms is outside 1..86400000 ms");
    // A task that is not an object, in the second half.
    std::string broken = json;
    const std::size_t at = taskAt(json, 7000);
    broken.replace(at, json.find('\n', at) - at, "7,");
    EXPECT_EQ(problemOf(broken), "task 7000: a task must be an object with \"name\" and \"steps\"");
}

TEST_F(SharedRead, OfProblemsInBothHalvesTheFirstIsNamed) {
    const std::string broken = withFirstDuration(withFirstDuration(json, 7000, "0"), 100, "-3");
    EXPECT_EQ(problemOf(broken), "task 100 \"" + scenario.tasks[99].name +
                                     "\", step 1: duration -3 ms is outside 1..86400000 ms");
}

// The first thread steps over the second half's tasks without reading them: the second must
// find what is not JSON there.
TEST_F(SharedRead, ASyntaxErrorInTheSecondHalfIsPlaced) {
    std::string broken = json;
    const std::size_t comma = broken.find("},{", taskAt(json, 7500)) + 1;
    broken[comma] = ';';
    const std::size_t column = comma - broken.rfind('\n', comma);
    EXPECT_EQ(problemOf(broken).rfind("line 7501, column " + std::to_string(column) + ": ", 0), 0u)
        << problemOf(broken);
}

// The tasks come before the version: they are read on a second pass over the object.
TEST_F(SharedRead, TasksBeforeTheVersionAreReadToo) {
    const std::size_t tasks = json.find(",\"tasks\":");
    std::string reordered = "{" + json.substr(tasks + 1, json.rfind(']') - tasks) + "," +
                            json.substr(1, tasks - 1) + "}";
    const Result<Scenario> read = parseScenario(reordered);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(read.value(), scenario);
}

// A version 2 file (spawns and joins name tasks of either half) is read whole by one walk.
TEST_F(SharedRead, AVersion2FileIsReadAsWritten) {
    const Scenario requests = requestsScenario(9000, 3);
    const std::string text = serializeScenario(requests);
    ASSERT_GT(text.size(), 1024u * 1024);
    const Result<Scenario> read = parseScenario(text);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(read.value(), requests);
}
