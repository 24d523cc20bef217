// The asyncio program as Python reads it: valid Python whatever the names hold, and names that
// come back out of it exactly, quoted in the CSV as --print-timeline quotes them.

#include "asyncio/asyncioprogram.h"
#include "asyncio/pythontext.h"
#include "loop/timeline.h"
#include "pythonrun.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace coroscope;
using namespace coroscope::test;

namespace {

// One wait each, so that every row's times are known whatever the timers do: all start at
// time 0 and end at their nominal end.
Scenario hostileNames() {
    using namespace builtin;
    Scenario scenario{"\"\"\" title \\ with\nlines -*- coding: latin-1 -*-", "sub'title\r", {}};
    for (const char* name :
         {"comma, and \"quotes\"", "new\nline\r\n", "tab\there \\ back\\",
          "bell\a escape\x1b[2J del\x7f", "Tâche 💥 日本", "\u202eright to left",
          "line\u2028separator \u0085", "tag\U000E0067\U000E007F \U0001D173hidden", "'''", "\\"}) {
        scenario.tasks.push_back({name, {{scenario.tasks.size() % 2 ? Io : Http, 5}}});
    }
    return scenario;
}

// One character of each kind the literals escape (each range's ends), and printable ones
// around them that stay as they are; no quote or backslash, so that repr() quotes them as a
// comment shows them.
const std::vector<std::string> kEscapedOrNot = {
    "\x01",         "\x1f",       "\x7f",       "\u0085",     "\u009f",       "\u00a0",
    "\u00a1",       "\u00ad",     "\u0600",     "\u0605",     "\u061c",       "\u06dd",
    "\u070f",       "\u0890",     "\u0891",     "\u08e2",     "\u1680",       "\u180e",
    "\u2000",       "\u200b",     "\u200f",     "\u2010",     "\u2028",       "\u2029",
    "\u202a",       "\u202e",     "\u202f",     "\u205f",     "\u2060",       "\u2066",
    "\u2069",       "\u206f",     "\u3000",     "\u3001",     "\ue000",       "\uf8ff",
    "\uf900",       "\ufdd0",     "\ufdef",     "\ufeff",     "\ufff9",       "\ufffb",
    "\ufffc",       "\ufffe",     "\uffff",     "\U000110bd", "\U000110cd",   "\U00013430",
    "\U0001bca0",   "\U0001bca3", "\U0001d173", "\U0001d17a", "\U0001d17b",   "\U0001fffe",
    "\U00040000",   "\U000dffff", "\U000e0001", "\U000e0020", "\U000e007f",   "\U000e0100",
    "\U000e01ef",   "\U000f0000", "\U0010fffd", "\U0010ffff", "Tâche 💥 日本", "e\u0301",
    "\u2764\ufe0f", "a\tb\r\n"};

std::string hexOf(const std::string& bytes) {
    constexpr std::string_view digits = "0123456789abcdef";
    std::string hex;
    for (const char c : bytes) {
        hex += digits[static_cast<unsigned char>(c) >> 4];
        hex += digits[static_cast<unsigned char>(c) & 0xF];
    }
    return hex;
}

TEST(AsyncioPython, LiteralsEscapeWhatReprEscapesAndEvaluateToTheText) {
    std::string program = "import sys\nfor text in [\n";
    for (const std::string& text : kEscapedOrNot)
        program += "    " + pythonStringLiteral(text) + ",\n";
    program += "]:\n    sys.stdout.buffer.write((text.encode('utf-8').hex() + ' ' + repr(text) + "
               "'\\n').encode('utf-8'))\n";
    const ScratchFolder folder;
    writeText(folder.path("texts.py"), program);
    const PythonRun run = runPython(folder, {folder.path("texts.py")});
    ASSERT_TRUE(succeeded(run));
    std::istringstream lines(run.out);
    for (const std::string& text : kEscapedOrNot) {
        std::string line;
        ASSERT_TRUE(std::getline(lines, line)) << hexOf(text);
        // The text itself, then how repr() writes it: as the comment shows it, in quotes.
        EXPECT_EQ(line, hexOf(text) + " '" + pythonCommentText(text) + "'") << hexOf(text);
    }
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
