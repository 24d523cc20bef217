// The asyncio program as a reader sees it: a coroutine a task under its name, a step a line,
// every task gathered in scenario order, and names that stay inert whatever they hold. (That
// Python runs it as the model does is asyncio_tests' job.)

#include "asyncio/asyncioprogram.h"
#include "model/utf8.h"
#include "scenariobuilder.h"

#include <gtest/gtest.h>

#include <string>

using namespace coroscope;

namespace {

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

std::string seedProgram() {
    Scenario seed = test::seedScenario();
    seed.title = "Asynchronous Task Execution";
    seed.subtitle = "Sequential CPU work, concurrent I/O & HTTP waits";
    return asyncioProgram(seed);
}

TEST(AsyncioProgram, SaysWhatItIsAndHowToRunIt) {
    const std::string program = seedProgram();
    EXPECT_TRUE(program.starts_with("#!/usr/bin/env python3\n\"\"\"A Coroscope scenario as an "
                                    "asyncio program"));
    EXPECT_NE(program.find("    python3 <this file> [--stretch X] [--trace FILE]\n"),
              std::string::npos);
    EXPECT_NE(program.find("TITLE = \"Asynchronous Task Execution\"\n"
                           "SUBTITLE = \"Sequential CPU work, concurrent I/O & HTTP waits\"\n"
                           "TASK_NAMES = [\n"
                           "    \"Task 1\",\n"
                           "    \"Task 2\",\n"
                           "    \"Task 3\",\n"
                           "]\n"),
              std::string::npos);
}

TEST(AsyncioProgram, HasOneCoroutineATaskUnderItsNameAStepALine) {
    const std::string program = seedProgram();
    EXPECT_EQ(count(program, "async def task_"), 3u);
    EXPECT_NE(program.find("\n\n# Task 1\n@task(1)\nasync def task_1():\n"
                           "    cpu(150)\n"
                           "    await io(350)\n"
                           "    cpu(100)\n\n\n"),
              std::string::npos);
    EXPECT_NE(program.find("\n\n# Task 2\n@task(2)\nasync def task_2():\n"
                           "    cpu(100)\n"
                           "    await io(120)\n"
                           "    cpu(130)\n"
                           "    await http(300)\n\n\n"),
              std::string::npos);
    EXPECT_NE(program.find("\n\n# Task 3\n@task(3)\nasync def task_3():\n"
                           "    cpu(120)\n"
                           "    await http(300)\n\n\n"),
              std::string::npos);
}

TEST(AsyncioProgram, GathersEveryTaskInScenarioOrder) {
    EXPECT_NE(seedProgram().find("    await asyncio.gather(\n"
                                 "        task_1(),\n"
                                 "        task_2(),\n"
                                 "        task_3(),\n"
                                 "    )\n"),
              std::string::npos);
}

// The model runs consecutive cpu steps back to back and lets a resumed task start its next
// wait only when the loop picks it: plain calls and awaits do exactly that, with nothing between.
TEST(AsyncioProgram, ConsecutiveStepsAreConsecutiveLines) {
    using namespace builtin;
    const std::string program =
        asyncioProgram(test::makeScenario({{"A", {{Cpu, 5}, {Cpu, 6}, {Io, 7}, {Http, 8}}}}));
    EXPECT_NE(program.find("    cpu(5)\n    cpu(6)\n    await io(7)\n    await http(8)\n"),
              std::string::npos);
    EXPECT_EQ(program.find("asyncio.sleep(0)"), std::string::npos);
}

// Newlines, quotes, backslashes, control and bidi characters, bytes that are not UTF-8 and a
// coding comment: none gets out of its literal or comment.
TEST(AsyncioProgram, HostileNamesStayInsideTheirLiteralAndComment) {
    using namespace builtin;
    Scenario scenario = test::makeScenario({
        {"a\nprint('owned')", {{Cpu, 5}}},
        {"\"\"\" \\ \r\x1b[2J \u202e \xff", {{Io, 5}}},
    });
    scenario.title = "-*- coding: latin-1 -*-";
    scenario.subtitle = "\\";
    const std::string program = asyncioProgram(scenario);

    EXPECT_NE(program.find("\n    \"a\\nprint('owned')\",\n"), std::string::npos);
    EXPECT_NE(program.find("\n# a\\nprint('owned')\n@task(1)\n"), std::string::npos);
    EXPECT_NE(program.find("\n    \"\\\"\\\"\\\" \\\\ \\r\\x1b[2J \\u202e \uFFFD\",\n"),
              std::string::npos);
    EXPECT_NE(program.find("\n# \"\"\" \\\\ \\r\\x1b[2J \\u202e \uFFFD\n@task(2)\n"),
              std::string::npos);
    EXPECT_NE(program.find("\nSUBTITLE = \"\\\\\"\n"), std::string::npos);
    // A coding comment counts on the first two lines only; the title comes later.
    const std::size_t secondLineEnd = program.find('\n', program.find('\n') + 1);
    EXPECT_GT(program.find("coding: latin-1"), secondLineEnd);
    // Valid UTF-8, and no character that ends or hides a line but the newlines.
    for (std::size_t i = 0; i < program.size();) {
        const std::size_t length = utf8Length(program, i);
        ASSERT_GT(length, 0u) << "not UTF-8 at byte " << i;
        const auto byte = static_cast<unsigned char>(program[i]);
        EXPECT_TRUE(byte >= 0x20 ? byte != 0x7F : byte == '\n') << "byte " << i;
        const std::string_view sequence(program.data() + i, length);
        EXPECT_NE(sequence, "\u2028");
        EXPECT_NE(sequence, "\u202e");
        EXPECT_NE(sequence, "\u0085");
        i += length;
    }
}

} // namespace
