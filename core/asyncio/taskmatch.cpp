#include "asyncio/taskmatch.h"

#include <string_view>
#include <unordered_map>

namespace coroscope {

namespace {

constexpr std::size_t kRepeated = std::size_t(-1);

// Each name's index, or kRepeated for a name that more than one task has.
std::unordered_map<std::string_view, std::size_t> indexByName(std::span<const std::string> names) {
    std::unordered_map<std::string_view, std::size_t> index;
    index.reserve(names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto [it, added] = index.try_emplace(names[i], i);
        if (!added)
            it->second = kRepeated;
    }
    return index;
}

} // namespace

TaskMatches matchTasks(std::span<const std::string> model, std::span<const std::string> measured) {
    TaskMatches matches(model.size());
    std::vector<bool> claimed(measured.size(), false);
    const auto modelIndex = indexByName(model);
    const auto measuredIndex = indexByName(measured);
    for (const auto& [name, m] : modelIndex) {
        if (m == kRepeated)
            continue;
        const auto found = measuredIndex.find(name);
        if (found == measuredIndex.end() || found->second == kRepeated)
            continue;
        matches[m] = found->second;
        claimed[found->second] = true;
    }
    for (std::size_t t = 0; t < model.size() && t < measured.size(); ++t)
        if (!matches[t] && !claimed[t])
            matches[t] = t;
    return matches;
}

TaskMatches matchTasks(const Scenario& model, const MeasuredRun& measured) {
    std::vector<std::string> names;
    names.reserve(model.tasks.size());
    for (const Task& task : model.tasks)
        names.push_back(task.name);
    return matchTasks(names, measured.taskNames());
}

} // namespace coroscope
