#include "format/scenarioformat.h"

#include "format/jsonwalk.h"
#include "model/scenariorules.h"
#include "model/stepkind.h"
#include "model/utf8.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace coroscope {

namespace {

using namespace json;

// ---- The schema ----------------------------------------------------------------------------

constexpr std::array<std::string_view, 5> kRootKeys{"format", "version", "title", "subtitle",
                                                    "tasks"};
constexpr std::array<std::string_view, 2> kTaskKeys{"name", "steps"};
constexpr std::array<std::string_view, 2> kStepKeys{"kind", "ms"};

// Fills the scenario's tasks one by one. Every check of a task waits for the end of its object
// (the keys may come in any order) and follows the order the Qt loader checked them in.
class TaskReader {
public:
    TaskReader(Scenario& scenario, ParseProgress& progress)
        : scenario_(scenario)
        , progress_(progress) {}

    // Reads task t (1-based, the next one) into the scenario; its first problem, if any.
    std::optional<Error> read(od::value value, std::size_t t) {
        auto object = as(value.get_object());
        if (!object)
            return fail(describePlace(scenario_, t, 0),
                        "a task must be an object with \"name\" and \"steps\"");
        Task& task = scenario_.tasks.emplace_back();
        Keys keys(kTaskKeys);
        bool named = false;
        StepList steps;
        for (auto result : *object) {
            od::field& field = fieldOf(result);
            od::value& member = field.value();
            switch (keys.note(field)) {
            case 0:
                if (auto name = as(member.get_string())) {
                    task.name = *name;
                    named = true;
                }
                break;
            case 1:
                readSteps(member, steps);
                break;
            default:
                break; // skipped
            }
        }
        return finish(t, keys, named, steps);
    }

private:
    // The first broken rule of a step; the message waits for the task's name.
    struct StepProblem {
        std::size_t step = 0;
        std::string why;
        std::optional<double> ms; // a duration out of the rule: checkDuration words it
    };
    static StepProblem broken(std::size_t step, std::string why) {
        return {step, std::move(why), std::nullopt};
    }
    struct StepList {
        bool isArray = false;
        std::size_t count = 0;
        std::optional<StepProblem> problem;
    };

    // Steps go to steps_ up to the cap; past it, or after a problem, they are only counted,
    // since the count rule is checked first.
    void readSteps(od::value value, StepList& list) {
        auto array = as(value.get_array());
        if (!array)
            return;
        list.isArray = true;
        steps_.clear();
        for (auto element : *array) {
            od::value step = take(std::move(element));
            progress_.tick(step);
            ++list.count;
            if (!list.problem && stepCountAllowed(list.count))
                list.problem = readStep(step, list.count);
        }
    }

    std::optional<StepProblem> readStep(od::value value, std::size_t s) {
        auto object = as(value.get_object());
        if (!object)
            return broken(s, "a step must be an object like {\"kind\": \"cpu\", \"ms\": 100}");
        Keys keys(kStepKeys);
        std::optional<std::string_view> kindText;
        std::optional<double> ms;
        for (auto result : *object) {
            od::field& field = fieldOf(result);
            od::value& member = field.value();
            switch (keys.note(field)) {
            case 0:
                kindText = kindTextOf(kinds_, member);
                break;
            case 1:
                ms = numberOf(member);
                break;
            default:
                break;
            }
        }
        if (!keys.allFine())
            return broken(s, *keys.problem());
        if (!kindText)
            return broken(s, "\"kind\" must be a string");
        const std::optional<StepKind> kind = kindNamed(kinds_, *kindText);
        if (!kind)
            return broken(s, "unknown kind \"" + std::string(*kindText) + "\" (use " +
                                 kindChoices(builtinKinds()) + ")");
        if (!ms)
            return broken(s, "\"ms\" must be a number of milliseconds");
        if (!durationAllowed(*ms))
            return StepProblem{s, {}, *ms};
        steps_.push_back({*kind, static_cast<std::int64_t>(*ms)});
        return std::nullopt;
    }

    std::optional<Error> finish(std::size_t t, const Keys<2>& keys, bool named,
                                const StepList& steps) {
        if (!named)
            return fail(describePlace(scenario_, t, 0), "\"name\" must be a string");
        const auto place = [&] { return describePlace(scenario_, t, 0); };
        if (!keys.allFine())
            return fail(place(), *keys.problem());
        if (!steps.isArray)
            return fail(place(), "\"steps\" must be an array");
        if (!stepCountAllowed(steps.count)) // the place is spelled out only for a message
            return checkStepCount(place(), steps.count).error();
        if (const auto& problem = steps.problem) {
            const std::string stepPlace = describePlace(scenario_, t, problem->step);
            return problem->ms ? checkDuration(stepPlace, *problem->ms).error()
                               : fail(stepPlace, problem->why);
        }
        // Past the cap on steps in all, validateScenario names the task that crossed it; later
        // tasks are still checked, but their steps are not kept, so memory stays bounded.
        if (totalStepsAllowed(storedSteps_)) {
            scenario_.tasks.back().steps.assign(steps_.begin(), steps_.end());
            storedSteps_ += steps_.size();
        }
        return std::nullopt;
    }

    Scenario& scenario_;
    ParseProgress& progress_;
    const KindNames kinds_ = kindNames(builtinKinds());
    std::vector<Step> steps_; // the current task's, reused from task to task
    std::size_t storedSteps_ = 0;
};

// What the top-level object holds, gathered in one pass so that the rules are checked in their
// order whatever the order of the keys.
struct Root {
    bool formatOk = false;
    std::optional<double> version;
    bool titleOk = true;
    bool subtitleOk = true;
    bool tasksIsArray = false;
    std::size_t taskCount = 0;
    std::optional<Error> taskProblem;
};

// Tasks are read up to the cap; past it, or after a problem, they are only counted, since
// the count rule is checked first.
void readTasks(od::value value, Scenario& scenario, Root& root, ParseProgress& progress) {
    auto array = as(value.get_array());
    if (!array)
        return;
    root.tasksIsArray = true;
    TaskReader reader(scenario, progress);
    for (auto element : *array) {
        od::value task = take(std::move(element));
        progress.tick(task);
        ++root.taskCount;
        if (!root.taskProblem && taskCountAllowed(root.taskCount))
            root.taskProblem = reader.read(task, root.taskCount);
    }
}

bool readString(od::value& value, std::string& into) {
    auto text = as(value.get_string());
    if (text)
        into = *text;
    return text.has_value();
}

Result<Scenario> finishRoot(Scenario&& scenario, const Keys<5>& keys, const Root& root) {
    constexpr std::string_view top = "scenario";
    if (auto why = keys.problem())
        return fail(top, *why);
    if (!root.formatOk)
        return fail(top, "\"format\" must be \"" + std::string(kFormatName) +
                             "\" (this is not a Coroscope scenario)");
    if (auto version = checkVersion(top, root.version, kFormatVersion); !version)
        return version.error();
    if (!root.titleOk)
        return fail(top, "\"title\" must be a string");
    if (!root.subtitleOk)
        return fail(top, "\"subtitle\" must be a string");
    if (!root.tasksIsArray)
        return fail(top, "\"tasks\" must be an array");
    if (auto count = checkTaskCount(top, root.taskCount); !count)
        return count.error();
    if (root.taskProblem)
        return *root.taskProblem;
    if (auto valid = validateScenario(scenario); !valid)
        return valid.error();
    return std::move(scenario);
}

// The shortest task a file can hold, {"name":"a","steps":[{"kind":"io","ms":1}]}: so a file of
// n bytes holds fewer than n / kMinTaskBytes + 1 tasks.
constexpr std::size_t kMinTaskBytes = 40;

// bytes: the document's size, which bounds the number of tasks.
Result<Scenario> readRoot(od::object object, std::size_t bytes, ParseProgress& progress) {
    Scenario scenario;
    // Room for every task at once: growing the list would move them all, several times.
    // Memory reserved beyond what is used is never touched.
    scenario.tasks.reserve(std::min(kMaxTasks, bytes / kMinTaskBytes + 1));
    Keys keys(kRootKeys);
    Root root;
    for (auto result : object) {
        od::field& field = fieldOf(result);
        od::value& value = field.value();
        switch (keys.note(field)) {
        case 0: {
            const auto format = as(value.get_string());
            root.formatOk = format == kFormatName;
            break;
        }
        case 1:
            root.version = as(value.get_double());
            break;
        case 2:
            root.titleOk = readString(value, scenario.title);
            break;
        case 3:
            root.subtitleOk = readString(value, scenario.subtitle);
            break;
        case 4:
            readTasks(value, scenario, root, progress);
            break;
        default:
            break; // skipped
        }
    }
    return finishRoot(std::move(scenario), keys, root);
}

// Parses text[0, size) that has simdjson's padding readable after it; progress hears it as
// from to 1 (see ParseProgress).
Result<Scenario> parsePadded(std::string_view text, const Progress& progress, double from) {
    Scenario scenario;
    const std::optional<Error> problem =
        walkDocument(text, progress, from, "scenario", [&](od::object root, ParseProgress& walk) {
            Result<Scenario> read = readRoot(root, text.size(), walk);
            if (!read)
                return std::optional(read.error());
            scenario = std::move(read).value();
            return std::optional<Error>();
        });
    if (problem)
        return *problem;
    return scenario;
}

} // namespace

namespace {

// A parse that went through tells its end.
Result<Scenario> finished(Result<Scenario>&& parsed, const Progress& progress) {
    if (parsed)
        (void)goOn(progress, 1);
    return std::move(parsed);
}

} // namespace

Result<Scenario> parseScenario(std::string_view json, const Progress& progress) {
    const simdjson::padded_string padded(json.data(), json.size());
    return finished(parsePadded(std::string_view(padded.data(), padded.size()), progress, 0),
                    progress);
}

Result<Scenario> parseScenario(const FileBytes& bytes, const Progress& progress) {
    return finished(parsePadded(bytes.view(), progress, kReadShare), progress);
}

Result<Scenario> readScenarioFile(const std::string& path, const Progress& progress) {
    const Result<FileBytes> bytes = readFileBytes(path, progress);
    if (!bytes)
        return bytes.error();
    Result<Scenario> parsed = parseScenario(bytes.value(), progress);
    if (!parsed)
        return failedIn(path, parsed.error());
    return parsed;
}

// ---- Writing -------------------------------------------------------------------------------

namespace {

// One ASCII character of a JSON string, escaped as Qt's JSON writer (which wrote the files
// before this code) escaped it.
void appendAscii(std::string& out, char c) {
    switch (c) {
    case '"':
        out += "\\\"";
        return;
    case '\\':
        out += "\\\\";
        return;
    case '\b':
        out += "\\b";
        return;
    case '\f':
        out += "\\f";
        return;
    case '\n':
        out += "\\n";
        return;
    case '\r':
        out += "\\r";
        return;
    case '\t':
        out += "\\t";
        return;
    default:
        break;
    }
    if (static_cast<unsigned char>(c) < 0x20) {
        constexpr std::string_view hex = "0123456789abcdef";
        out.append("\\u00").append(1, hex[c >> 4]).append(1, hex[c & 0xF]);
        return;
    }
    out += c;
}

// A JSON string literal: UTF-8 as it is, U+FFFD for each byte that is not part of valid
// UTF-8 (as Qt's conversion did), so that every file written can be read back.
void appendJsonString(std::string& out, std::string_view text) {
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            appendAscii(out, text[i++]);
        } else if (const std::size_t length = utf8Length(text, i); length > 0) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    out += '"';
}

} // namespace

std::string serializeScenario(const Scenario& scenario) {
    constexpr std::size_t kBytesPerStep = 30; // {"kind":"http","ms":86400000},
    std::string out;
    out.reserve(256 + scenario.title.size() + scenario.subtitle.size() +
                scenario.tasks.size() * 32 + totalSteps(scenario) * kBytesPerStep);
    out += "{\"format\":";
    appendJsonString(out, kFormatName);
    out += ",\"version\":" + std::to_string(kFormatVersion) + ",\"title\":";
    appendJsonString(out, scenario.title);
    out += ",\"subtitle\":";
    appendJsonString(out, scenario.subtitle);
    out += ",\"tasks\":[";
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t) {
        const Task& task = scenario.tasks[t];
        out += t == 0 ? "\n{\"name\":" : ",\n{\"name\":";
        appendJsonString(out, task.name);
        out += ",\"steps\":[";
        for (std::size_t s = 0; s < task.steps.size(); ++s) {
            out += s == 0 ? "{\"kind\":" : ",{\"kind\":";
            appendJsonString(out, scenario.kinds[task.steps[s].kind].name);
            out += ",\"ms\":" + std::to_string(task.steps[s].ms) + "}";
        }
        out += "]}";
    }
    out += "\n]}\n";
    return out;
}

} // namespace coroscope