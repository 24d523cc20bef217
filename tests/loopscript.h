#pragma once

// Version 2 scenarios written as a reader of LOOP.md would, one task a line:
//   "threads 1"            the pool's size
//   "limit http 4"         a resource's limit (declared when it is not io or http)
//   "parent: spawn a, spawn b, join a b, cpu 1"
//   "late @40: cpu 5"      a top-level task arriving at 40 ms
// Names are resolved once every task is read, so a step may name a task of a later line.

#include "model/scenario.h"

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace coroscope::test {

inline Scenario scriptScenario(const std::string& script) {
    Scenario scenario{"script", "", {}};
    struct Named {
        std::size_t task, step;
        std::vector<std::string> names;
    };
    std::vector<Named> references;
    std::istringstream lines(script);
    for (std::string line; std::getline(lines, line);) {
        std::istringstream words(line);
        std::string first;
        if (!(words >> first))
            continue;
        if (first == "threads") {
            words >> scenario.threads;
            continue;
        }
        if (first == "limit") {
            std::string name;
            std::int64_t limit = 0;
            words >> name >> limit;
            if (auto kind = scenario.kinds.find(name))
                scenario.kinds.restyle(*kind, {}, {}, limit);
            else
                scenario.kinds.declare(name, {}, {}, limit);
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos)
            throw std::invalid_argument("no colon: " + line);
        Task task;
        std::string head = line.substr(0, colon);
        if (const std::size_t at = head.find(" @"); at != std::string::npos) {
            task.startMs = std::stoll(head.substr(at + 2));
            head.resize(at);
        }
        task.name = head;
        std::istringstream steps(line.substr(colon + 1));
        for (std::string text; std::getline(steps, text, ',');) {
            std::istringstream parts(text);
            std::string kind;
            parts >> kind;
            if (kind == "spawn" || kind == "join") {
                const StepKind k = scenario.kinds.ensure(kind == "spawn" ? KindBehaviour::Spawn
                                                                         : KindBehaviour::Join);
                Named named{scenario.tasks.size(), task.steps.size(), {}};
                for (std::string name; parts >> name;)
                    named.names.push_back(name);
                references.push_back(named);
                task.steps.push_back({k, 0});
                continue;
            }
            std::int64_t ms = 0;
            parts >> ms;
            const StepKind k = kind == "thread" ? scenario.kinds.ensure(KindBehaviour::Thread)
                               : scenario.kinds.find(kind) ? *scenario.kinds.find(kind)
                                                           : scenario.kinds.declare(kind);
            task.steps.push_back({k, ms});
        }
        scenario.tasks.push_back(std::move(task));
    }
    for (const Named& named : references)
        for (const std::string& name : named.names) {
            std::size_t t = 0;
            while (t < scenario.tasks.size() && scenario.tasks[t].name != name)
                ++t;
            if (t == scenario.tasks.size())
                throw std::invalid_argument("no task " + name);
            scenario.tasks[named.task].steps[named.step].tasks.push_back(std::uint32_t(t));
        }
    return scenario;
}

} // namespace coroscope::test
