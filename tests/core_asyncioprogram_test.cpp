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

namespace {

// LOOP.md's example: an arrival, spawns, a join on several tasks, a thread step, limited
// resources.
Scenario fanOut() {
    Scenario scenario{"Fan-out with a connection pool", "", {}};
    scenario.threads = 3;
    const StepKind db = scenario.kinds.declare("db", "DB query", 0x8e24aa, 2);
    scenario.kinds.restyle(StepKind::Http, {}, {}, 3);
    const StepKind thread = scenario.kinds.ensure(KindBehaviour::Thread);
    const StepKind spawn = scenario.kinds.ensure(KindBehaviour::Spawn);
    const StepKind join = scenario.kinds.ensure(KindBehaviour::Join);
    using namespace builtin;
    scenario.tasks = {
        {"handler",
         {{Cpu, 5}, {spawn, 0, {1}}, {spawn, 0, {2}}, {join, 0, {1, 2}}, {thread, 30}, {db, 20}},
         40},
        {"fetch \"a\"", {{Http, 120}, {Cpu, 8}, {join, 0, {3}}}},
        {"fetch b", {{Http, 90}, {Cpu, 6}, {Io, 4}}},
        {"audit", {{Io, 10}}},
    };
    return scenario;
}

TEST(AsyncioProgramV2, SaysTheScenarioThePoolAndTheKinds) {
    const std::string program = asyncioProgram(fanOut());
    EXPECT_NE(program.find("TASK_NAMES = [\n    \"handler\",\n    \"fetch \\\"a\\\"\",\n"
                           "    \"fetch b\",\n    \"audit\",\n]\n"
                           "THREADS = 3  # the thread pool's workers\n"
                           "KINDS = [  # the kinds after cpu, for the recording\n"
                           "    {\"name\": \"io\", \"label\": \"I/O Wait\"},\n"
                           "    {\"name\": \"http\", \"label\": \"HTTP Wait\", \"limit\": 3},\n"
                           "    {\"name\": \"db\", \"label\": \"DB query\", \"color\": "
                           "\"#8e24aa\", \"limit\": 2},\n"
                           "    {\"name\": \"thread\"},\n    {\"name\": \"spawn\"},\n"
                           "    {\"name\": \"join\"},\n]\n"),
              std::string::npos);
    EXPECT_NE(program.find("SEMAPHORES = {\"http\": Slots(3), \"db\": Slots(2)}  # the resources "
                           "with a limit\n"
                           "POOL = concurrent.futures.ThreadPoolExecutor(max_workers=THREADS)"),
              std::string::npos);
    EXPECT_NE(program.find("class Slots(asyncio.Semaphore):"), std::string::npos);
    EXPECT_NE(program.find("await loop.run_in_executor(POOL, blocking_work, "), std::string::npos);
    EXPECT_NE(program.find("    sys.setswitchinterval(1e-5)\n"), std::string::npos);
}

TEST(AsyncioProgramV2, HasOneCoroutineATaskAStepALine) {
    const std::string program = asyncioProgram(fanOut());
    EXPECT_NE(program.find("\n\n# handler\n@task(1)\nasync def task_1():\n"
                           "    await arrive(40)\n"
                           "    cpu(5)\n"
                           "    spawn(\"fetch \\\"a\\\"\", task_2())\n"
                           "    spawn(\"fetch b\", task_3())\n"
                           "    await join(\"fetch \\\"a\\\"\", \"fetch b\")\n"
                           "    await thread(30)\n"
                           "    async with SEMAPHORES[\"db\"]:\n"
                           "        await wait(\"db\", 20)\n\n\n"),
              std::string::npos);
    EXPECT_NE(program.find("\n\n# fetch \"a\"\n@task(2)\nasync def task_2():\n"
                           "    async with SEMAPHORES[\"http\"]:\n"
                           "        await http(120)\n"
                           "    cpu(8)\n"
                           "    await join(\"audit\")\n\n\n"),
              std::string::npos);
    EXPECT_NE(program.find("async def task_3():\n    async with SEMAPHORES[\"http\"]:\n"
                           "        await http(90)\n    cpu(6)\n    await io(4)\n"),
              std::string::npos);
}

// main starts the top-level tasks only (the spawned ones are started by their spawns), in
// scenario order, and waits for every task.
TEST(AsyncioProgramV2, MainStartsTheTopLevelTasksInScenarioOrder) {
    EXPECT_NE(
        asyncioProgram(fanOut()).find("    _time_zero = time.perf_counter()\n"
                                      "    TASKS[\"handler\"] = asyncio.create_task(task_1())\n"
                                      "    TASKS[\"audit\"] = asyncio.create_task(task_4())\n"
                                      "    await _everyone_left\n"),
        std::string::npos);
}

// A version 1 scenario keeps the version 1 program.
TEST(AsyncioProgramV2, OnlyAVersion2ScenarioGetsTheVersion2Program) {
    EXPECT_EQ(seedProgram().find("SEMAPHORES"), std::string::npos);
    EXPECT_EQ(seedProgram().find("\"version\": 2"), std::string::npos);
    EXPECT_NE(asyncioProgram(fanOut()).find("\"version\": 2"), std::string::npos);
}

// The Code dock's text: the task functions alone, where the program has them, with each
// step's lines.
TEST(AsyncioTaskFunctions, AreTheProgramsTaskCoroutinesAlone) {
    Scenario seed = test::seedScenario();
    const TaskFunctions functions = asyncioTaskFunctions(seed);
    EXPECT_EQ(functions.text, "# Task 1\n@task(1)\nasync def task_1():\n"
                              "    cpu(150)\n    await io(350)\n    cpu(100)\n\n\n"
                              "# Task 2\n@task(2)\nasync def task_2():\n"
                              "    cpu(100)\n    await io(120)\n    cpu(130)\n    await http(300)\n"
                              "\n\n"
                              "# Task 3\n@task(3)\nasync def task_3():\n"
                              "    cpu(120)\n    await http(300)\n");
    EXPECT_NE(seedProgram().find("---------\n\n\n" + functions.text + "\n\n# ---- Running"),
              std::string::npos);
    EXPECT_EQ(functions.tasks, (std::vector<CodeLines>{{0, 6}, {8, 7}, {17, 5}}));
    ASSERT_EQ(functions.stepOffsets, (std::vector<std::size_t>{0, 3, 7, 9}));
    EXPECT_EQ(functions.stepsOf(1)[3], (CodeLines{14, 1}));
    EXPECT_EQ(functions.stepOnLine(0), (std::pair{0, -1}));
    EXPECT_EQ(functions.stepOnLine(4), (std::pair{0, 1}));
    EXPECT_EQ(functions.stepOnLine(6), (std::pair{-1, -1}));
    EXPECT_EQ(functions.stepOnLine(13), (std::pair{1, 2}));
    EXPECT_EQ(functions.stepOnLine(21), (std::pair{2, 1}));
    EXPECT_EQ(functions.stepOnLine(22), (std::pair{-1, -1}));
}

TEST(AsyncioTaskFunctions, GiveALimitedWaitTwoLinesAndAnArrivalNone) {
    const Scenario scenario = fanOut();
    const TaskFunctions functions = asyncioTaskFunctions(scenario);
    EXPECT_NE(asyncioProgram(scenario).find(functions.text), std::string::npos);
    EXPECT_TRUE(functions.text.starts_with("# handler\n@task(1)\nasync def task_1():\n"
                                           "    await arrive(40)\n    cpu(5)\n"));
    const std::span<const CodeLines> handler = functions.stepsOf(0);
    ASSERT_EQ(handler.size(), 6u);
    EXPECT_EQ(handler[0], (CodeLines{4, 1})); // after the arrival
    EXPECT_EQ(handler[5], (CodeLines{9, 2})); // async with SEMAPHORES["db"]: and its wait
    EXPECT_EQ(functions.stepOnLine(3), (std::pair{0, -1}));
    EXPECT_EQ(functions.stepOnLine(10), (std::pair{0, 5}));
}

} // namespace
