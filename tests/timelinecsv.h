#pragma once

// The rows of a printed timeline (task,kind,start_ms,end_ms), read back for the tests that
// compare a real run with the model. Names here need no quoting.

#include "model/scenario.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace coroscope::test {

struct TimelineRow {
    std::size_t task;
    std::string kind; // as printed: "cpu", "db", "db-slot", "thread-slot"
    std::int64_t start;
    std::int64_t end;
};

inline bool parseWholeNumber(std::string_view text, std::int64_t& value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

// A row's kind the scenario can print: one of its kinds, or "-slot" after a kind that queues
// (a resource with a limit, the thread pool).
inline bool printableKind(const Scenario& scenario, std::string_view kind) {
    if (scenario.kinds.find(kind))
        return true;
    constexpr std::string_view kQueued = "-slot";
    if (!kind.ends_with(kQueued))
        return false;
    const auto queued = scenario.kinds.find(kind.substr(0, kind.size() - kQueued.size()));
    return queued && (scenario.kinds.behaviour(*queued) == KindBehaviour::Thread ||
                      (scenario.kinds.isResource(*queued) && scenario.kinds[*queued].limit > 0));
}

// The printed CSV, checked row by row: a task of the scenario, a kind it can print, whole
// numbers that do not run backwards.
inline testing::AssertionResult parseTimeline(const std::string& csv, const Scenario& scenario,
                                              std::vector<TimelineRow>& rows) {
    std::istringstream lines(csv);
    std::string line;
    if (!std::getline(lines, line) || line != "task,kind,start_ms,end_ms")
        return testing::AssertionFailure() << "no CSV header but '" << line << "'";
    while (std::getline(lines, line)) {
        std::vector<std::string> fields;
        std::istringstream words(line);
        for (std::string word; std::getline(words, word, ',');)
            fields.push_back(word);
        TimelineRow row{};
        const auto task =
            std::find_if(scenario.tasks.begin(), scenario.tasks.end(),
                         [&](const Task& t) { return fields.size() == 4 && t.name == fields[0]; });
        if (fields.size() != 4 || task == scenario.tasks.end() ||
            !printableKind(scenario, fields[1]) || !parseWholeNumber(fields[2], row.start) ||
            !parseWholeNumber(fields[3], row.end) || row.end < row.start)
            return testing::AssertionFailure() << "a malformed row: '" << line << "'";
        row.task = std::size_t(task - scenario.tasks.begin());
        row.kind = fields[1];
        rows.push_back(row);
    }
    return testing::AssertionSuccess();
}

} // namespace coroscope::test
