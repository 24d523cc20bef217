// The asyncio program as Python reads it: valid Python whatever the names hold, and names that
// come back out of it exactly, quoted in the CSV as --print-timeline quotes them.

#include "asyncio/asyncioprogram.h"
#include "loop/timeline.h"
#include "pythonrun.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace coroscope;
using namespace coroscope::test;

namespace {

// One wait each, so that every row's times are known whatever the timers do: all start at
// time 0 and end at their nominal end.
Scenario hostileNames() {
    using namespace builtin;
    Scenario scenario{"\"\"\" title \\ with\nlines -*- coding: latin-1 -*-", "sub'title\r", {}};
    for (const char* name : {"comma, and \"quotes\"", "new\nline\r\n", "tab\there \\ back\\",
                             "bell\a escape\x1b[2J del\x7f", "Tâche 💥 日本", "\u202eright to left",
                             "line\u2028separator \u0085", "'''", "\\"}) {
        scenario.tasks.push_back({name, {{scenario.tasks.size() % 2 ? Io : Http, 5}}});
    }
    return scenario;
}

TEST(AsyncioPython, TheProgramCompilesWhateverTheNamesHold) {
    const ScratchFolder folder;
    writeText(folder.path("hostile.py"), asyncioProgram(hostileNames()));
    EXPECT_TRUE(succeeded(runPython(folder, {"-m", "py_compile", folder.path("hostile.py")})));
}

// A version 2 program with the same names (unique, as version 2 wants them), spawned, joined,
// queued for a slot and run on the pool.
Scenario hostileNamesV2() {
    Scenario scenario = hostileNames();
    const StepKind spawn = scenario.kinds.ensure(KindBehaviour::Spawn);
    const StepKind join = scenario.kinds.ensure(KindBehaviour::Join);
    const StepKind thread = scenario.kinds.ensure(KindBehaviour::Thread);
    const StepKind db = scenario.kinds.declare("db", "\"\"\" label\n", {}, 1);
    scenario.tasks[0].steps = {{spawn, 0, {1}}, {db, 3}, {join, 0, {1, 2}}, {thread, 2}};
    scenario.tasks[1].steps.push_back({db, 2});
    scenario.tasks[2].startMs = 5;
    return scenario;
}

TEST(AsyncioPython, TheVersion2ProgramCompilesWhateverTheNamesHold) {
    const ScratchFolder folder;
    ASSERT_EQ(formatVersion(hostileNamesV2()), 2);
    writeText(folder.path("hostile.py"), asyncioProgram(hostileNamesV2()));
    EXPECT_TRUE(succeeded(runPython(folder, {"-m", "py_compile", folder.path("hostile.py")})));
}

TEST(AsyncioPython, TheCsvIsPrintTimelinesToTheByte) {
    const Scenario scenario = hostileNames();
    const ScratchFolder folder;
    writeText(folder.path("hostile.py"), asyncioProgram(scenario));
    // Stretched, a start a fraction of a millisecond late still rounds to 0.
    const PythonRun run = runPython(folder, {folder.path("hostile.py"), "--stretch", "10"});
    ASSERT_TRUE(succeeded(run));
    std::ostringstream model;
    writeTimelineCsv(model, scenario, simulate(scenario));
    EXPECT_EQ(run.out, model.str());
    EXPECT_EQ(run.err, "");
}

TEST(AsyncioPython, AStretchThatIsNotAPositiveNumberIsAUsageError) {
    const ScratchFolder folder;
    writeText(folder.path("p.py"), asyncioProgram(hostileNames()));
    for (const char* stretch : {"0", "-1", "nan", "inf", "x"}) {
        const PythonRun run = runPython(folder, {folder.path("p.py"), "--stretch", stretch});
        EXPECT_EQ(run.exitCode, 2) << stretch;
        EXPECT_NE(run.err.find("argument --stretch: takes a number above 0, not '" +
                               std::string(stretch) + "'"),
                  std::string::npos)
            << run.err;
        EXPECT_EQ(run.out, "");
    }
}

TEST(AsyncioPython, ATraceThatCannotBeWrittenFailsBeforeTheRun) {
    const ScratchFolder folder;
    writeText(folder.path("p.py"), asyncioProgram(hostileNames()));
    for (const auto& [trace, why] :
         {std::pair{folder.path("missing/run.json"), std::string("its folder does not exist")},
          {folder.path(""), "it is a directory"},
          {"/dev/full", "it is not a regular file"}}) {
        const PythonRun run = runPython(folder, {folder.path("p.py"), "--trace", trace});
        EXPECT_EQ(run.exitCode, 1) << trace;
        EXPECT_EQ(run.err, "p.py: " + trace + ": cannot be written (" + why + ")\n");
        EXPECT_EQ(run.out, "");
    }
}

} // namespace
