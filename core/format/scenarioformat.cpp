#include "format/scenarioformat.h"

#include "format/jsonwalk.h"
#include "model/scenariorules.h"
#include "model/stepkind.h"
#include "model/usertext.h"
#include "model/utf8.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

namespace coroscope {

namespace {

using namespace json;

// ---- The schema ----------------------------------------------------------------------------

// Each object's keys, version 1's first: a version 1 file's messages name only those.
constexpr std::array<std::string_view, 7> kRootKeys{"format", "version", "title",    "subtitle",
                                                    "tasks",  "threads", "resources"};
constexpr std::size_t kRootKeysV1 = 5;
constexpr std::size_t kTasksKey = 4, kThreadsKey = 5, kResourcesKey = 6;
constexpr std::array<std::string_view, 3> kTaskKeys{"name", "steps", "start_ms"};
constexpr std::size_t kTaskKeysV1 = 2, kStartKey = 2;
constexpr std::array<std::string_view, 4> kStepKeys{"kind", "ms", "task", "tasks"};
constexpr std::size_t kStepKeysV1 = 2, kMsKey = 1, kChildKey = 2, kJoinedKey = 3;
constexpr std::array<std::string_view, 4> kResourceKeys{"name", "label", "color", "limit"};
constexpr std::size_t kLabelKey = 1, kColorKey = 2, kLimitKey = 3;

// The structural kinds by name, in the order a file's table gets them (after its resources).
constexpr std::array<KindBehaviour, 3> kStructural{KindBehaviour::Thread, KindBehaviour::Spawn,
                                                   KindBehaviour::Join};
constexpr std::array<std::string_view, 3> kStructuralNames{"thread", "spawn", "join"};

constexpr int kNewestVersion = kFormatVersion;

// What a version 1 file may not say: "\"threads\" needs \"version\": 2".
std::string needsVersion2(std::string_view what) {
    return std::string(what) + " needs \"version\": " + std::to_string(kNewestVersion);
}

std::string quotedKey(std::string_view key) {
    return "\"" + std::string(key) + "\"";
}

// The version a file says, when this build reads it: 1 or 2; 0 for anything else.
int readableVersion(std::optional<double> version) {
    if (version == 1.0)
        return 1;
    if (version == 2.0)
        return 2;
    return 0;
}

// "cpu, io, http, db, thread, spawn or join".
std::string choicesOf(const KindNames& names) {
    std::string choices;
    for (std::size_t i = 0; i < names.size(); ++i) {
        choices.append(i == 0 ? "" : i + 1 == names.size() ? " or " : ", ");
        choices.append(names[i]);
    }
    return choices;
}

// "#8e24aa" (either case of hex digits).
std::optional<Rgb> colorOf(std::string_view text) {
    if (text.size() != 7 || text[0] != '#')
        return std::nullopt;
    Rgb color = 0;
    for (char c : text.substr(1)) {
        const int digit = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
        if (digit < 0)
            return std::nullopt;
        color = color << 4 | Rgb(digit);
    }
    return color;
}

// Fills the scenario's tasks one by one. Every check of a task waits for the end of its object
// (the keys may come in any order) and follows the order the Qt loader checked them in. The
// kinds a step may have are known before: the file's version and its resources are read first.
// A spawn or join names tasks that may come later: the names are kept (views into the parser's
// strings) and turned into indices once every task is read (resolve()).
class TaskReader {
public:
    TaskReader(Scenario& scenario, ParseProgress& progress, int version)
        : scenario_(scenario)
        , progress_(progress)
        , version_(version)
        , kinds_(kindNames(version == 1 ? builtinKinds() : scenario.kinds))
        , firstStructural_(kinds_.size()) {
        if (version_ != 1)
            kinds_.insert(kinds_.end(), kStructuralNames.begin(), kStructuralNames.end());
    }

    // Reads task t (1-based, the next one) into the scenario; its first problem, if any.
    std::optional<Error> read(od::value value, std::size_t t) {
        auto object = as(value.get_object());
        if (!object)
            return fail(describePlace(scenario_, t, 0),
                        "a task must be an object with \"name\" and \"steps\"");
        Task& task = scenario_.tasks.emplace_back();
        Keys keys(kTaskKeys);
        bool named = false;
        std::optional<double> start;
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
            case kStartKey:
                start = numberOf(member);
                break;
            default:
                break; // skipped
            }
        }
        return finish(t, keys, named, start, steps);
    }

    // Once every task is read and none has a problem: the structural kinds the steps use join
    // the table, and the names of spawns and joins become indices. The first problem, if any.
    std::optional<Error> resolve() {
        if (version_ == 1)
            return std::nullopt;
        if (auto kinds = addStructuralKinds(); kinds)
            return kinds;
        if (!totalStepsAllowed(storedSteps_))
            return std::nullopt; // validateScenario names the task past the cap
        const Result<TaskIndex> index = indexTaskNames(scenario_);
        if (!index)
            return index.error();
        const std::optional<StepKind> spawn = scenario_.kinds.find(KindBehaviour::Spawn);
        const std::optional<StepKind> join = scenario_.kinds.find(KindBehaviour::Join);
        if (!spawn && !join)
            return std::nullopt;
        for (std::size_t t = 0; t < scenario_.tasks.size(); ++t) {
            std::vector<Step>& steps = scenario_.tasks[t].steps;
            for (std::size_t s = 0; s < steps.size(); ++s) {
                if (steps[s].kind != spawn && steps[s].kind != join)
                    continue;
                for (std::uint32_t& named : steps[s].tasks) {
                    const std::string_view name = names_[named];
                    const auto found = index->find(name);
                    if (found == index->end())
                        return fail(describePlace(scenario_, t + 1, s + 1),
                                    std::string(steps[s].kind == spawn ? "spawns" : "joins") +
                                        " \"" + shortened(name) +
                                        "\", which is not a task of the scenario");
                    named = found->second;
                }
            }
        }
        return std::nullopt;
    }

private:
    // The first broken rule of a step; the message waits for the task's name.
    struct StepProblem {
        std::size_t step = 0;
        std::string why;
        std::optional<double> ms;           // a duration out of the rule: checkDuration words it
        std::optional<std::size_t> joining; // a join of too few or many: checkJoinCount
    };
    static StepProblem broken(std::size_t step, std::string why) {
        return {step, std::move(why), std::nullopt, std::nullopt};
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

    // A join's "tasks": whether it is an array of strings; the first kMaxJoined + 1 go to
    // joined_, all are counted.
    bool readJoined(od::value& value, std::size_t& count) {
        auto array = as(value.get_array());
        if (!array)
            return false;
        joined_.clear();
        bool strings = true;
        for (auto element : *array) {
            od::value name = take(std::move(element));
            ++count;
            if (!strings)
                continue;
            const auto text = as(name.get_string());
            strings = text.has_value();
            if (text && joined_.size() <= kMaxJoined)
                joined_.push_back(*text);
        }
        return strings;
    }

    std::optional<StepProblem> readStep(od::value value, std::size_t s) {
        auto object = as(value.get_object());
        if (!object)
            return broken(s, "a step must be an object like {\"kind\": \"cpu\", \"ms\": 100}");
        Keys keys(kStepKeys);
        std::optional<std::string_view> kindText;
        std::optional<double> ms;
        std::optional<std::string_view> child;
        bool joinedOk = false;
        std::size_t joined = 0;
        for (auto result : *object) {
            od::field& field = fieldOf(result);
            od::value& member = field.value();
            switch (keys.note(field)) {
            case 0:
                kindText = kindTextOf(kinds_, member);
                break;
            case kMsKey:
                ms = numberOf(member);
                break;
            case kChildKey:
                child = as(member.get_string());
                break;
            case kJoinedKey:
                joinedOk = readJoined(member, joined);
                break;
            default:
                break;
            }
        }
        const std::optional<StepKind> kind =
            kindText ? kindNamed(kinds_, *kindText) : std::optional<StepKind>();
        if (version_ == 1) {
            if (auto repeated = keys.repetition())
                return broken(s, *repeated);
            if (kindText && !kind &&
                std::find(kStructuralNames.begin(), kStructuralNames.end(), *kindText) !=
                    kStructuralNames.end())
                return broken(s, needsVersion2("kind \"" + std::string(*kindText) + "\""));
            if (!keys.allFine(kStepKeysV1))
                return broken(s, *keys.problem(kStepKeysV1));
        } else if (!keys.allFine()) {
            return broken(s, *keys.problem());
        }
        if (!kindText)
            return broken(s, "\"kind\" must be a string");
        if (!kind)
            return broken(s, "unknown kind \"" + std::string(*kindText) + "\" (use " +
                                 (version_ == 1 ? kindChoices(builtinKinds()) : choicesOf(kinds_)) +
                                 ")");
        const KindBehaviour behaviour = kind->index >= firstStructural_
                                            ? kStructural[kind->index - firstStructural_]
                                            : scenario_.kinds.behaviour(*kind);
        // The keys each kind takes: kind and ms, kind and task (spawn), kind and tasks (join).
        const std::size_t own = behaviour == KindBehaviour::Spawn  ? kChildKey
                                : behaviour == KindBehaviour::Join ? kJoinedKey
                                                                   : kMsKey;
        for (std::size_t key = kMsKey; key < kStepKeys.size(); ++key) {
            if (key != own && keys.seen(key))
                return broken(s, quotedKey(kStepKeys[key]) + " does not belong in a " +
                                     std::string(*kindText) + " step (allowed: kind, " +
                                     std::string(kStepKeys[own]) + ")");
        }
        if (behaviour != KindBehaviour::HoldsLoop && behaviour != KindBehaviour::Waits)
            used_[kind->index - firstStructural_] = true;
        if (behaviour == KindBehaviour::Spawn) {
            if (!child)
                return broken(s, "\"task\" must be the name of a task");
            steps_.push_back({*kind, 0, {std::uint32_t(names_.size())}});
            names_.push_back(*child);
            return std::nullopt;
        }
        if (behaviour == KindBehaviour::Join) {
            if (!joinedOk)
                return broken(s, "\"tasks\" must be an array of task names");
            if (joined < 1 || joined > kMaxJoined)
                return StepProblem{s, {}, std::nullopt, joined};
            Step& step = steps_.emplace_back(*kind, 0);
            for (std::string_view name : joined_) {
                step.tasks.push_back(std::uint32_t(names_.size()));
                names_.push_back(name);
            }
            return std::nullopt;
        }
        if (!ms)
            return broken(s, "\"ms\" must be a number of milliseconds");
        if (!durationAllowed(*ms))
            return StepProblem{s, {}, *ms, std::nullopt};
        steps_.push_back({*kind, static_cast<std::int64_t>(*ms)});
        return std::nullopt;
    }

    std::optional<Error> finish(std::size_t t, const Keys<3>& keys, bool named,
                                std::optional<double> start, const StepList& steps) {
        if (!named)
            return fail(describePlace(scenario_, t, 0), "\"name\" must be a string");
        const auto place = [&] { return describePlace(scenario_, t, 0); };
        if (version_ == 1) {
            if (auto repeated = keys.repetition())
                return fail(place(), *repeated);
            if (keys.seen(kStartKey))
                return fail(place(), needsVersion2(quotedKey(kTaskKeys[kStartKey])));
            if (!keys.allFine(kTaskKeysV1))
                return fail(place(), *keys.problem(kTaskKeysV1));
        } else if (!keys.allFine()) {
            return fail(place(), *keys.problem());
        }
        if (keys.seen(kStartKey)) {
            if (!start)
                return fail(place(), "\"start_ms\" must be a number of milliseconds");
            if (!startAllowed(*start))
                return checkStartMs(place(), *start).error();
            scenario_.tasks.back().startMs = static_cast<std::int64_t>(*start);
        }
        if (!steps.isArray)
            return fail(place(), "\"steps\" must be an array");
        if (!stepCountAllowed(steps.count)) // the place is spelled out only for a message
            return checkStepCount(place(), steps.count).error();
        if (const auto& problem = steps.problem) {
            const std::string stepPlace = describePlace(scenario_, t, problem->step);
            if (problem->ms)
                return checkDuration(stepPlace, *problem->ms).error();
            if (problem->joining)
                return checkJoinCount(stepPlace, *problem->joining).error();
            return fail(stepPlace, problem->why);
        }
        // Past the cap on steps in all, validateScenario names the task that crossed it; later
        // tasks are still checked, but their steps are not kept, so memory stays bounded.
        if (totalStepsAllowed(storedSteps_)) {
            scenario_.tasks.back().steps.assign(std::make_move_iterator(steps_.begin()),
                                                std::make_move_iterator(steps_.end()));
            storedSteps_ += steps_.size();
        }
        return std::nullopt;
    }

    // The structural kinds used join the table after its resources, in kStructural's order;
    // steps read with a kind's place in kinds_ are moved to its place in the table.
    std::optional<Error> addStructuralKinds() {
        const std::size_t used = std::size_t(std::count(used_.begin(), used_.end(), true));
        if (auto count = checkKindCount("scenario", scenario_.kinds.size() + used); !count)
            return count.error();
        std::array<std::uint16_t, 3> placed{};
        bool moved = false;
        for (std::size_t i = 0; i < kStructural.size(); ++i) {
            if (!used_[i])
                continue;
            placed[i] = scenario_.kinds.ensure(kStructural[i]).index;
            moved = moved || placed[i] != firstStructural_ + i;
        }
        if (!moved)
            return std::nullopt;
        for (Task& task : scenario_.tasks)
            for (Step& step : task.steps)
                if (step.kind.index >= firstStructural_)
                    step.kind.index = placed[step.kind.index - firstStructural_];
        return std::nullopt;
    }

    Scenario& scenario_;
    ParseProgress& progress_;
    const int version_;
    KindNames kinds_; // the table's, then (version 2) the structural kinds'
    const std::size_t firstStructural_;
    std::array<bool, 3> used_{};           // which structural kinds the steps use
    std::vector<Step> steps_;              // the current task's, reused from task to task
    std::vector<std::string_view> joined_; // the current join's names
    std::vector<std::string_view> names_;  // what the spawns and joins name, in file order
    std::size_t storedSteps_ = 0;
};

// What the top-level object holds, gathered in one pass so that the rules are checked in their
// order whatever the order of the keys.
struct Root {
    bool formatOk = false;
    std::optional<double> version;
    bool titleOk = true;
    bool subtitleOk = true;
    std::optional<double> threads;
    bool resourcesIsArray = false;
    std::optional<Error> resourceProblem;
    bool tasksLater = false;    // the tasks came before what they need: read on a second pass
    std::size_t tasksField = 0; // the tasks' place among the root's fields
    bool tasksIsArray = false;
    std::size_t taskCount = 0;
    std::optional<Error> taskProblem;
    std::optional<Error> referenceProblem;
};

// Tasks are read up to the cap; past it, or after a problem, they are only counted, since
// the count rule is checked first.
void readTasks(od::value value, Scenario& scenario, Root& root, ParseProgress& progress,
               int version) {
    auto array = as(value.get_array());
    if (!array)
        return;
    root.tasksIsArray = true;
    TaskReader reader(scenario, progress, version);
    for (auto element : *array) {
        od::value task = take(std::move(element));
        progress.tick(task);
        ++root.taskCount;
        if (!root.taskProblem && taskCountAllowed(root.taskCount))
            root.taskProblem = reader.read(task, root.taskCount);
    }
    if (!root.taskProblem && taskCountAllowed(root.taskCount))
        root.referenceProblem = reader.resolve();
}

// Resource r (1-based) of the list: declared, or (io, http) restyled. listed holds the names
// listed before it.
std::optional<Error> readResource(od::value value, std::size_t r, Scenario& scenario,
                                  std::vector<std::string>& listed) {
    const std::string number = "resource " + std::to_string(r);
    auto object = as(value.get_object());
    if (!object)
        return fail(number, "a resource must be an object like {\"name\": \"db\"}");
    Keys keys(kResourceKeys);
    std::optional<std::string_view> name, label, color;
    std::optional<double> limit;
    for (auto result : *object) {
        od::field& field = fieldOf(result);
        od::value& member = field.value();
        switch (keys.note(field)) {
        case 0:
            name = as(member.get_string());
            break;
        case kLabelKey:
            label = as(member.get_string());
            break;
        case kColorKey:
            color = as(member.get_string());
            break;
        case kLimitKey:
            limit = numberOf(member);
            break;
        default:
            break;
        }
    }
    if (!name)
        return fail(number, "\"name\" must be a string");
    const std::string place = number + " \"" + shortened(*name) + "\"";
    if (!keys.allFine())
        return fail(place, *keys.problem());
    if (auto rule = checkResourceName(place, *name); !rule)
        return rule.error();
    if (const auto first = std::find(listed.begin(), listed.end(), *name); first != listed.end())
        return fail(place, "\"" + std::string(*name) + "\" is listed twice (first as resource " +
                               std::to_string(first - listed.begin() + 1) + ")");
    if (keys.seen(kLabelKey) && !label)
        return fail(place, "\"label\" must be a string");
    if (auto rule = checkLabel(place, label.value_or("")); !rule)
        return rule.error();
    std::optional<Rgb> rgb;
    if (keys.seen(kColorKey) && !(color && (rgb = colorOf(*color))))
        return fail(place, "\"color\" must be \"#rrggbb\", six hex digits after a #");
    if (keys.seen(kLimitKey)) {
        if (!limit)
            return fail(place, "\"limit\" must be a number");
        if (auto rule = checkLimit(place, *limit); !rule)
            return rule.error();
    }
    const std::int64_t slots = keys.seen(kLimitKey) ? static_cast<std::int64_t>(*limit) : 0;
    listed.emplace_back(*name);
    if (const std::optional<StepKind> builtIn = scenario.kinds.find(*name)) {
        scenario.kinds.restyle(*builtIn, std::string(label.value_or("")), rgb, slots);
        return std::nullopt;
    }
    if (scenario.kinds.size() >= KindTable::kMaxKinds)
        return fail(place, "brings the scenario past the " + std::to_string(KindTable::kMaxKinds) +
                               " kinds allowed");
    scenario.kinds.declare(std::string(*name), std::string(label.value_or("")), rgb, slots);
    return std::nullopt;
}

void readResources(od::value value, Scenario& scenario, Root& root) {
    auto array = as(value.get_array());
    if (!array)
        return;
    root.resourcesIsArray = true;
    std::vector<std::string> listed;
    std::size_t r = 0;
    for (auto element : *array) {
        od::value resource = take(std::move(element));
        ++r;
        if (!root.resourceProblem)
            root.resourceProblem = readResource(resource, r, scenario, listed);
    }
}

bool readString(od::value& value, std::string& into) {
    auto text = as(value.get_string());
    if (text)
        into = *text;
    return text.has_value();
}

Result<Scenario> finishRoot(Scenario&& scenario, const Keys<7>& keys, const Root& root) {
    constexpr std::string_view top = "scenario";
    const int version = readableVersion(root.version);
    const bool newer = version != 1 && root.version && *root.version >= 2;
    if (auto why = keys.problem(newer ? kRootKeys.size() : kRootKeysV1, true))
        return fail(top, *why);
    if (!root.formatOk)
        return fail(top, "\"format\" must be \"" + std::string(kFormatName) +
                             "\" (this is not a Coroscope scenario)");
    if (auto checked = checkVersion(top, root.version, kNewestVersion); !checked)
        return checked.error();
    for (std::size_t key : {kThreadsKey, kResourcesKey}) {
        if (version == 1 && keys.seen(key))
            return fail(top, needsVersion2(quotedKey(kRootKeys[key])));
    }
    if (!root.titleOk)
        return fail(top, "\"title\" must be a string");
    if (!root.subtitleOk)
        return fail(top, "\"subtitle\" must be a string");
    if (keys.seen(kThreadsKey)) {
        if (!root.threads)
            return fail(top, "\"threads\" must be a number");
        if (auto threads = checkThreads(top, *root.threads); !threads)
            return threads.error();
        scenario.threads = static_cast<std::int64_t>(*root.threads);
    }
    if (keys.seen(kResourcesKey)) {
        if (!root.resourcesIsArray)
            return fail(top, "\"resources\" must be an array");
        if (root.resourceProblem)
            return *root.resourceProblem;
    }
    if (!root.tasksIsArray)
        return fail(top, "\"tasks\" must be an array");
    if (auto count = checkTaskCount(top, root.taskCount); !count)
        return count.error();
    if (root.taskProblem)
        return *root.taskProblem;
    if (root.referenceProblem)
        return *root.referenceProblem;
    if (auto valid = validateScenario(scenario); !valid)
        return valid.error();
    return std::move(scenario);
}

// The shortest task a file can hold, {"name":"a","steps":[{"kind":"io","ms":1}]}: so a file of
// n bytes holds fewer than n / kMinTaskBytes + 1 tasks.
constexpr std::size_t kMinTaskBytes = 40;

// bytes: the document's size, which bounds the number of tasks. The tasks are read once the
// version (and for version 2 the resources) are known: where they come first, a second pass
// over the object reads them, after a first that skipped them.
Result<Scenario> readRoot(od::object object, std::size_t bytes, ParseProgress& progress) {
    Scenario scenario;
    // Room for every task at once: growing the list would move them all, several times.
    // Memory reserved beyond what is used is never touched.
    scenario.tasks.reserve(std::min(kMaxTasks, bytes / kMinTaskBytes + 1));
    Keys keys(kRootKeys);
    Root root;
    std::size_t place = 0;
    for (auto result : object) {
        od::field& field = fieldOf(result);
        od::value& value = field.value();
        const std::size_t key = keys.note(field);
        if (key == kTasksKey)
            root.tasksField = place;
        ++place;
        switch (key) {
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
        case kTasksKey: {
            const int version = readableVersion(root.version);
            if (version == 1 || (version == 2 && keys.seen(kResourcesKey)))
                readTasks(value, scenario, root, progress, version);
            else
                root.tasksLater = true;
            break;
        }
        case kThreadsKey:
            root.threads = numberOf(value);
            break;
        case kResourcesKey:
            readResources(value, scenario, root);
            break;
        default:
            break; // skipped
        }
    }
    if (const int version = readableVersion(root.version); root.tasksLater && version != 0) {
        // Found by its place: decoding the keys again would write past what the parser's
        // string buffer holds for one pass over the document.
        take(object.reset());
        std::size_t at = 0;
        for (auto result : object) {
            od::field& field = fieldOf(result);
            if (at++ == root.tasksField)
                readTasks(field.value(), scenario, root, progress, version);
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

// What an HTML parser would act on inside a <script>, and the two characters JavaScript
// before ES2019 took for line ends: written as \uXXXX, so that the literal stays inert there.
bool escapedForScript(std::string_view character) {
    return character == "<" || character == ">" || character == "&" || character == "\u2028" ||
           character == "\u2029";
}

} // namespace

void appendJsonString(std::string& out, std::string_view text, JsonEscape escape) {
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8Length(text, i);
        const std::string_view character = text.substr(i, std::max<std::size_t>(length, 1));
        if (escape == JsonEscape::ForScript && escapedForScript(character)) {
            constexpr std::string_view hex = "0123456789abcdef";
            const unsigned code = character.size() == 1   ? static_cast<unsigned char>(character[0])
                                  : character == "\u2028" ? 0x2028u
                                                          : 0x2029u;
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += hex[(code >> shift) & 0xF];
        } else if (static_cast<unsigned char>(text[i]) < 0x80) {
            appendAscii(out, text[i]);
        } else if (length > 0) {
            out.append(character);
        } else {
            out += "\xEF\xBF\xBD";
        }
        i += character.size();
    }
    out += '"';
}

namespace {

void appendColor(std::string& out, Rgb color) {
    constexpr std::string_view hex = "0123456789abcdef";
    out += "\"#";
    for (int shift = 20; shift >= 0; shift -= 4)
        out += hex[(color >> shift) & 0xF];
    out += '"';
}

// A resource's entry: what differs from what the file's reader would give it without.
void appendResource(std::string& out, const KindSpec& spec, const std::string& defaultLabel,
                    Rgb defaultColor, Rgb defaultShade) {
    out += "{\"name\":";
    appendJsonString(out, spec.name);
    if (spec.label != defaultLabel) {
        out += ",\"label\":";
        appendJsonString(out, spec.label);
    }
    if (spec.color != defaultColor || spec.shade != defaultShade) {
        out += ",\"color\":";
        appendColor(out, spec.color);
    }
    if (spec.limit != 0)
        out += ",\"limit\":" + std::to_string(spec.limit);
    out += '}';
}

// Version 2's "resources": a restyled io or http, then the scenario's own kinds, in table order
// (the order a reader declares them in).
void appendResources(std::string& out, const KindTable& kinds) {
    const KindTable& builtins = builtinKinds();
    std::string list;
    std::size_t declared = 0;
    for (StepKind kind : kinds.all()) {
        const KindSpec& spec = kinds[kind];
        if (kind == StepKind::Cpu || !kinds.isResource(kind))
            continue;
        const bool builtIn = kind.index < builtins.size();
        if (builtIn && spec == builtins[kind])
            continue; // nothing to say of it
        list += list.empty() ? "" : ",";
        if (builtIn) {
            const KindSpec& plain = builtins[kind];
            appendResource(list, spec, plain.label, plain.color, plain.shade);
        } else {
            const Rgb color = paletteColor(declared++);
            appendResource(list, spec, spec.name, color, shadeOf(color));
        }
    }
    if (!list.empty())
        out += ",\"resources\":[" + list + "]";
}

// A spawn's or join's task, by name (an index out of the scenario, which validation refuses,
// is written as an empty name rather than read out of bounds).
void appendTaskName(std::string& out, const Scenario& scenario, std::uint32_t task) {
    appendJsonString(out, task < scenario.tasks.size() ? scenario.tasks[task].name : "");
}

void appendStep(std::string& out, const Scenario& scenario, const Step& step) {
    out += "{\"kind\":";
    appendJsonString(out, scenario.kinds[step.kind].name);
    switch (scenario.kinds.behaviour(step.kind)) {
    case KindBehaviour::Spawn:
        out += ",\"task\":";
        appendTaskName(out, scenario, step.tasks.empty() ? UINT32_MAX : step.tasks[0]);
        break;
    case KindBehaviour::Join:
        out += ",\"tasks\":[";
        for (std::size_t i = 0; i < step.tasks.size(); ++i) {
            out += i == 0 ? "" : ",";
            appendTaskName(out, scenario, step.tasks[i]);
        }
        out += ']';
        break;
    default:
        out += ",\"ms\":" + std::to_string(step.ms);
        break;
    }
    out += '}';
}

} // namespace

std::string serializeScenario(const Scenario& scenario) {
    constexpr std::size_t kBytesPerStep = 30; // {"kind":"http","ms":86400000},
    const int version = formatVersion(scenario);
    std::string out;
    out.reserve(256 + scenario.title.size() + scenario.subtitle.size() +
                scenario.tasks.size() * 32 + totalSteps(scenario) * kBytesPerStep);
    out += "{\"format\":";
    appendJsonString(out, kFormatName);
    out += ",\"version\":" + std::to_string(version) + ",\"title\":";
    appendJsonString(out, scenario.title);
    out += ",\"subtitle\":";
    appendJsonString(out, scenario.subtitle);
    if (version >= 2) {
        if (scenario.threads != kDefaultThreads)
            out += ",\"threads\":" + std::to_string(scenario.threads);
        appendResources(out, scenario.kinds);
    }
    out += ",\"tasks\":[";
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t) {
        const Task& task = scenario.tasks[t];
        out += t == 0 ? "\n{\"name\":" : ",\n{\"name\":";
        appendJsonString(out, task.name);
        if (version >= 2 && task.startMs != 0)
            out += ",\"start_ms\":" + std::to_string(task.startMs);
        out += ",\"steps\":[";
        for (std::size_t s = 0; s < task.steps.size(); ++s) {
            out += s == 0 ? "" : ",";
            appendStep(out, scenario, task.steps[s]);
        }
        out += "]}";
    }
    out += "\n]}\n";
    return out;
}

} // namespace coroscope
