// The CSV contract and the figures.

#include "loop/figures.h"
#include "loop/runrecord.h"
#include "loop/timeline.h"
#include "randomscenario.h"
#include "scenariobuilder.h"
#include "seedexpectations.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <streambuf>

using namespace coroscope;
using namespace coroscope::test;
using namespace builtin;

namespace {

// RFC 4180 quoting, written out independently of the writer's.
std::string quoted(const std::string& name) {
    bool plain = true;
    for (char c : name)
        plain = plain && c != ',' && c != '"' && static_cast<unsigned char>(c) >= 0x20 && c != 0x7F;
    if (plain)
        return name;
    std::string field = "\"";
    for (char c : name)
        field += c == '"' ? std::string("\"\"") : std::string(1, c);
    return field + '"';
}

// The CSVs as the first writers made them: a stream insertion for every field.
std::string referenceTimelineCsv(const Scenario& scenario, const Timeline& timeline) {
    std::ostringstream out;
    out << "task,kind,start_ms,end_ms\n";
    for (const Segment& s : timeline.segments)
        out << quoted(scenario.tasks[s.task].name) << ',' << builtinKinds()[s.kind].name << ','
            << s.start << ',' << s.end << '\n';
    return out.str();
}

std::string referenceEventsCsv(const Scenario& scenario, const std::vector<LoopEvent>& events) {
    std::ostringstream out;
    out << "time_ms,event,task\n";
    for (const LoopEvent& e : events) {
        out << e.time << ',' << loopEventName(e.kind) << ',';
        if (e.task != LoopEvent::kNoTask)
            out << quoted(scenario.tasks[e.task].name);
        out << '\n';
    }
    return out.str();
}

// "" for equal texts, else where they first differ (a diff of megabytes would take gtest ages).
std::string difference(const std::string& actual, const std::string& expected) {
    if (actual == expected)
        return "";
    const auto [a, e] =
        std::mismatch(actual.begin(), actual.end(), expected.begin(), expected.end());
    const std::size_t at = std::size_t(a - actual.begin());
    const std::size_t from = at < 40 ? 0 : at - 40;
    return "byte " + std::to_string(at) + " of " + std::to_string(actual.size()) + " (expected " +
           std::to_string(expected.size()) + "): ..." + actual.substr(from, 80) +
           "... where expected ..." + expected.substr(from, 80) + "...";
}

template <typename Write> std::string written(Write write) {
    std::ostringstream out;
    write(out);
    return out.str();
}

// A generated scenario whose names need every kind of quoting, and some are long.
Scenario awkwardlyNamed(std::size_t tasks, std::uint32_t seed) {
    Scenario scenario = alternatingScenario(tasks, 10, seed);
    std::mt19937 rng(seed);
    const std::string pieces[] = {"a", ",", "\"", "\n", "\t", " ", "\x7F", "\xC3\xA9", "Task"};
    for (Task& task : scenario.tasks) {
        if (rng() % 3 == 0)
            continue; // a plain "Task N"
        task.name.clear();
        const std::size_t length = rng() % 4 == 0 ? 150 + rng() % 50 : 1 + rng() % 20;
        while (task.name.size() < length)
            task.name += pieces[rng() % std::size(pieces)];
    }
    return scenario;
}

// Records each write the CSV makes, and can fail them all with an errno.
class RecordingBuffer : public std::streambuf {
public:
    std::vector<std::string> writes;
    int failWith = 0;

protected:
    std::streamsize xsputn(const char* data, std::streamsize size) override {
        writes.emplace_back(data, std::size_t(size));
        if (failWith != 0) {
            errno = failWith;
            return 0;
        }
        return size;
    }
    int_type overflow(int_type c) override {
        if (traits_type::eq_int_type(c, traits_type::eof()))
            return traits_type::not_eof(c);
        const char byte = traits_type::to_char_type(c);
        return xsputn(&byte, 1) == 1 ? c : traits_type::eof();
    }
};

} // namespace

TEST(TimelineCsv, SeedMatchesTheDesignTable) {
    std::ostringstream out;
    const Scenario seed = seedScenario();
    writeTimelineCsv(out, seed, simulate(seed));
    EXPECT_EQ(out.str(), kSeedCsv);
}

TEST(TimelineCsv, QuotesNamesThatNeedIt) {
    const Scenario scenario = makeScenario({{"Fetch \"users\", page 1", {{Io, 5}}},
                                            {"two\nlines", {{Cpu, 5}}},
                                            {"plain", {{Cpu, 1}}}});
    std::ostringstream out;
    writeTimelineCsv(out, scenario, simulate(scenario));
    EXPECT_EQ(out.str(), "task,kind,start_ms,end_ms\n"
                         "\"Fetch \"\"users\"\", page 1\",io,0,5\n"
                         "\"two\nlines\",cpu,0,5\n"
                         "plain,cpu,5,6\n");
}

TEST(TimelineCsv, NamesForATerminalShowTheirControlCharactersEscaped) {
    Scenario scenario = makeScenario({{"\x1b]0;title\x07, \u009b2J", {{Cpu, 5}}}});
    Scenario version2 = scenario;
    version2.tasks[0].startMs = 1; // a version 2 run is printed once it is sorted
    ASSERT_EQ(formatVersion(version2), 2);
    for (const auto& [run, row] : {std::pair{&scenario, std::string(",cpu,0,5\n")},
                                   std::pair{&version2, std::string(",cpu,1,6\n")}}) {
        std::ostringstream escaped;
        printTimelineCsv(escaped, *run, CsvNames::Escaped);
        EXPECT_EQ(escaped.str(), "task,kind,start_ms,end_ms\n"
                                 R"("\x1b]0;title\x07, \u009b2J")" +
                                     row);
        std::ostringstream events;
        printLoopEventsCsv(events, *run, CsvNames::Escaped);
        EXPECT_NE(events.str().find(R"(,"\x1b]0;title\x07, \u009b2J")"), std::string::npos);
        EXPECT_EQ(events.str().find('\x1b'), std::string::npos);
        std::ostringstream exact;
        printTimelineCsv(exact, *run);
        EXPECT_EQ(exact.str(), "task,kind,start_ms,end_ms\n\"\x1b]0;title\x07, \u009b2J\"" + row);
    }
}

TEST(Figures, SeedFigures) {
    const Scenario seed = seedScenario();
    const Figures f = computeFigures(seed, simulate(seed));
    EXPECT_EQ(f.makespanMs, 800);
    EXPECT_EQ(f.cpuBusyMs, 600);
    EXPECT_DOUBLE_EQ(f.cpuBusyPct, 75.0);
    EXPECT_EQ(f.sequentialMs, 1670);
    EXPECT_DOUBLE_EQ(f.speedup, 1670.0 / 800.0);
    EXPECT_EQ(f.tasks, 3u);
    EXPECT_EQ(f.segments, 9u);
}

TEST(Figures, AllCpuWorkGainsNothing) {
    const Scenario scenario = makeScenario({{"A", {{Cpu, 30}}}, {"B", {{Cpu, 70}}}});
    const Figures f = computeFigures(scenario, simulate(scenario));
    EXPECT_EQ(f.makespanMs, 100);
    EXPECT_DOUBLE_EQ(f.cpuBusyPct, 100.0);
    EXPECT_DOUBLE_EQ(f.speedup, 1.0);
}

TEST(Figures, OverlappingWaitsGainTheirCount) {
    const Scenario scenario =
        makeScenario({{"A", {{Io, 100}}}, {"B", {{Http, 100}}}, {"C", {{Io, 100}}}});
    const Figures f = computeFigures(scenario, simulate(scenario));
    EXPECT_EQ(f.makespanMs, 100);
    EXPECT_EQ(f.cpuBusyMs, 0);
    EXPECT_DOUBLE_EQ(f.speedup, 3.0);
}

TEST(TimelineCsv, TheSameBytesAsTheFirstWriterForGeneratedScenarios) {
    for (std::uint32_t seed : {1u, 2u, 3u}) {
        // Alternating steps, and random kinds (many waits start together: runs to sort).
        for (const Scenario& scenario :
             {awkwardlyNamed(3000, seed), randomScenario(4000, 6, seed, 1, 20)}) {
            const std::string expected = referenceTimelineCsv(scenario, simulate(scenario));
            ASSERT_GT(expected.size(), 2 * CsvWriter::kChunkBytes);
            const Timeline timeline = simulate(scenario);
            EXPECT_EQ(difference(written([&](std::ostream& out) {
                                     writeTimelineCsv(out, scenario, timeline);
                                 }),
                                 expected),
                      "");
            EXPECT_EQ(
                difference(written([&](std::ostream& out) { printTimelineCsv(out, scenario); }),
                           expected),
                "");
        }
    }
}

TEST(LoopEventsCsv, TheSameBytesAsTheFirstWriterForGeneratedScenarios) {
    for (std::uint32_t seed : {1u, 2u}) {
        for (const Scenario& scenario :
             {awkwardlyNamed(2000, seed), randomScenario(3000, 6, seed, 1, 20)}) {
            const std::string expected = referenceEventsCsv(scenario, simulateLoopEvents(scenario));
            ASSERT_GT(expected.size(), 2 * CsvWriter::kChunkBytes);
            const std::vector<LoopEvent> events = simulateLoopEvents(scenario);
            EXPECT_EQ(difference(written([&](std::ostream& out) {
                                     writeLoopEventsCsv(out, scenario, events);
                                 }),
                                 expected),
                      "");
            EXPECT_EQ(
                difference(written([&](std::ostream& out) { printLoopEventsCsv(out, scenario); }),
                           expected),
                "");
        }
    }
}

// The output goes in few, nearly full chunks: a row that does not fit starts the next chunk,
// and only a name longer than a chunk is split across chunks.
TEST(TimelineCsv, ChunksAreNearlyFullAndJoinToTheSameBytes) {
    Scenario scenario = alternatingScenario(2000, 10, 5);
    for (Task& task : scenario.tasks)
        task.name = "say \"" + std::string(150, 'x') + ",\" " + task.name; // quoted, 170 bytes
    const std::string expected = referenceTimelineCsv(scenario, simulate(scenario));
    RecordingBuffer buffer;
    std::ostream out(&buffer);
    printTimelineCsv(out, scenario);
    EXPECT_TRUE(out.good());
    ASSERT_GE(buffer.writes.size(), 3u);
    std::string joined;
    for (std::size_t i = 0; i < buffer.writes.size(); ++i) {
        EXPECT_LE(buffer.writes[i].size(), CsvWriter::kChunkBytes);
        if (i + 1 < buffer.writes.size()) {
            EXPECT_GT(buffer.writes[i].size(), CsvWriter::kChunkBytes - 300) << i;
        }
        joined += buffer.writes[i];
    }
    EXPECT_EQ(difference(joined, expected), "");
}

TEST(TimelineCsv, NamesLongerThanAChunk) {
    const std::string longName = std::string(CsvWriter::kChunkBytes, 'n') + "\"quoted\"" +
                                 std::string(CsvWriter::kChunkBytes + 7, 'm');
    const Scenario scenario = makeScenario({{"short", {{Cpu, 1}}},
                                            {longName, {{Cpu, 3}, {Io, 4}}},
                                            {std::string(16, 's'), {{Cpu, 2}}},
                                            {std::string(17, 's'), {{Http, 2}}}});
    const Timeline timeline = simulate(scenario);
    RecordingBuffer buffer;
    std::ostream out(&buffer);
    writeTimelineCsv(out, scenario, timeline);
    std::string joined;
    for (const std::string& chunk : buffer.writes) {
        EXPECT_LE(chunk.size(), CsvWriter::kChunkBytes);
        joined += chunk;
    }
    EXPECT_GE(buffer.writes.size(), 5u); // the name crosses chunks, twice in each of its rows
    EXPECT_EQ(difference(joined, referenceTimelineCsv(scenario, timeline)), "");
    EXPECT_EQ(difference(written([&](std::ostream& out) { printLoopEventsCsv(out, scenario); }),
                         referenceEventsCsv(scenario, simulateLoopEvents(scenario))),
              "");
}

TEST(TimelineCsv, EveryNumberAsTheStreamWritesIt) {
    std::vector<std::int64_t> numbers{0, std::numeric_limits<std::int64_t>::max(),
                                      std::numeric_limits<std::int64_t>::min(), -1, -10};
    for (std::int64_t power = 1; power <= std::numeric_limits<std::int64_t>::max() / 10;
         power *= 10) {
        for (std::int64_t n : {power - 1, power, power + 1, 2 * power - 1, 9 * power})
            numbers.push_back(n);
    }
    numbers.push_back(std::numeric_limits<std::int64_t>::max() / 10 * 10);
    std::mt19937_64 rng(9);
    for (int i = 0; i < 1000; ++i)
        numbers.push_back(std::int64_t(rng() >> (rng() % 64)));
    const Scenario scenario = makeScenario({{"T", {{Cpu, 1}}}});
    Timeline timeline;
    std::vector<LoopEvent> events;
    for (std::size_t i = 0; i + 1 < numbers.size(); ++i) {
        timeline.segments.push_back({0, 0, Io, numbers[i], numbers[i + 1]});
        events.push_back({numbers[i], LoopEventKind::Wait, 0});
    }
    EXPECT_EQ(
        difference(written([&](std::ostream& out) { writeTimelineCsv(out, scenario, timeline); }),
                   referenceTimelineCsv(scenario, timeline)),
        "");
    EXPECT_EQ(
        difference(written([&](std::ostream& out) { writeLoopEventsCsv(out, scenario, events); }),
                   referenceEventsCsv(scenario, events)),
        "");
}

// A full disk: the first failed write ends the output, and its errno is what the caller sees
// afterwards, whatever ran since.
TEST(TimelineCsv, AFailedWriteStopsTheOutputAndKeepsItsErrno) {
    const Scenario scenario = alternatingScenario(3000, 10, 1);
    for (const bool events : {false, true}) {
        RecordingBuffer buffer;
        buffer.failWith = ENOSPC;
        std::ostream out(&buffer);
        errno = 0;
        if (events)
            printLoopEventsCsv(out, scenario);
        else
            printTimelineCsv(out, scenario);
        EXPECT_EQ(errno, ENOSPC);
        EXPECT_TRUE(out.bad());
        EXPECT_EQ(buffer.writes.size(), 1u); // nothing more was attempted
    }
}

TEST(Figures, WithoutATimelineTheyAreTheSame) {
    for (std::uint32_t seed = 1; seed <= 20; ++seed) {
        const Scenario scenario = randomScenario(1 + seed * 7, int(seed % 9) + 1, seed);
        const Figures kept = computeFigures(scenario, simulate(scenario));
        const Figures counted = simulateFigures(scenario);
        EXPECT_EQ(counted.makespanMs, kept.makespanMs);
        EXPECT_EQ(counted.cpuBusyMs, kept.cpuBusyMs);
        EXPECT_EQ(counted.cpuBusyPct, kept.cpuBusyPct);
        EXPECT_EQ(counted.sequentialMs, kept.sequentialMs);
        EXPECT_EQ(counted.speedup, kept.speedup);
        EXPECT_EQ(counted.tasks, kept.tasks);
        EXPECT_EQ(counted.segments, kept.segments);
    }
    const Figures seed = simulateFigures(seedScenario());
    EXPECT_EQ(seed.makespanMs, 800);
    EXPECT_EQ(seed.segments, 9u);
}
