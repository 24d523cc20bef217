// Which measured task goes with each of an edited model's tasks: by a name both sides have once,
// else by position when that measured task is still free, else none.

#include "asyncio/taskmatch.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace coroscope;

namespace {

constexpr std::optional<std::size_t> kNone;

struct MatchCase {
    const char* edit;
    std::vector<std::string> model;
    std::vector<std::string> measured;
    TaskMatches expected;
};

void PrintTo(const MatchCase& c, std::ostream* os) {
    *os << c.edit;
}

class TaskMatch : public ::testing::TestWithParam<MatchCase> {};

TEST_P(TaskMatch, FollowsTheRule) {
    const MatchCase& c = GetParam();
    EXPECT_EQ(matchTasks(c.model, c.measured), c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Edits, TaskMatch,
    ::testing::Values(
        MatchCase{"unchanged", {"A", "B", "C"}, {"A", "B", "C"}, {0, 1, 2}},
        MatchCase{"the first deleted", {"B", "C"}, {"A", "B", "C"}, {1, 2}},
        MatchCase{"one in the middle deleted", {"A", "C"}, {"A", "B", "C"}, {0, 2}},
        // The new task's place, 0, is A's: A claimed it by name, so the new one has none.
        MatchCase{"one inserted at the front", {"New", "A", "B"}, {"A", "B"}, {kNone, 0, 1}},
        MatchCase{"two swapped", {"B", "A", "C"}, {"A", "B", "C"}, {1, 0, 2}},
        MatchCase{"renamed in place", {"A", "Renamed", "C"}, {"A", "B", "C"}, {0, 1, 2}},
        // Two "A"s in the model: neither matches by name; each takes its place's.
        MatchCase{"a duplicate falls back to position", {"A", "A", "B"}, {"A", "B"}, {0, kNone, 1}},
        MatchCase{"duplicated at the end", {"A", "B", "B"}, {"A", "B"}, {0, 1, kNone}},
        MatchCase{"repeated names measured", {"X", "X", "Y"}, {"X", "X", "Y"}, {0, 1, 2}},
        MatchCase{
            "more tasks than measured", {"A", "B", "C", "D"}, {"A", "B"}, {0, 1, kNone, kNone}},
        MatchCase{"fewer tasks, renamed", {"P", "Q"}, {"A", "B", "C"}, {0, 1}},
        MatchCase{"nothing measured", {"A"}, {}, {kNone}},
        MatchCase{"no model tasks", {}, {"A"}, {}}));

} // namespace
