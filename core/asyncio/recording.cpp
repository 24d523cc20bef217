#include "asyncio/recording.h"

#include "format/jsonsyntax.h"
#include "format/jsonwalk.h"
#include "model/scenariorules.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace coroscope {

namespace {

using namespace json;

constexpr std::array<std::string_view, 2> kRootKeys{"otherData", "traceEvents"};
constexpr std::array<std::string_view, 8> kOtherKeys{"format", "version", "stretch", "subtitle",
                                                     "python", "threads", "kinds",   "runs"};
constexpr std::array<std::string_view, 7> kEventKeys{"name", "ph",  "cat", "tid",
                                                     "ts",   "dur", "args"};
constexpr std::array<std::string_view, 10> kArgKeys{
    "name", "step", "ms", "returned_us", "task", "tasks", "start_ms", "label", "at", "run"};
constexpr std::array<std::string_view, 2> kRunKeys{"start_us", "end_us"};
constexpr std::array<std::string_view, 4> kKindKeys{"name", "label", "color", "limit"};
constexpr std::string_view kQueuedSuffix = "-slot";

// "traceEvents[7]", or with a field "traceEvents[7].args.ms": the place as a JSON path.
std::string eventPlace(std::size_t index, std::string_view field = {}) {
    std::string place = "traceEvents[" + std::to_string(index) + "]";
    if (!field.empty())
        place.append(".").append(field);
    return place;
}

// The shortest text that reads back as the number.
std::string quote(double value) {
    char text[32];
    const auto written = std::to_chars(text, text + sizeof text, value);
    return std::string(text, written.ptr);
}

bool isWhole(double value, double from, double to) {
    return value >= from && value <= to && value == std::floor(value);
}

// When one asyncio.run of a recorded program ran, in µs since the recording's time 0.
struct RunSpan {
    double startUs = 0;
    double endUs = 0;
};

// What the top-level "otherData" holds; a value of another type reads as nothing. Version 2
// adds the pool's size and the table of kinds (read as it comes, its first problem kept).
struct OtherData {
    bool isObject = false;
    bool formatOk = false;
    std::optional<double> version;
    std::optional<double> stretch;
    std::optional<std::string_view> subtitle;
    std::optional<std::string_view> python;
    std::optional<double> threads;
    bool threadsGiven = false;
    KindTable kinds;
    std::optional<Error> kindsProblem;
    std::optional<std::string> keyProblem;
    // Each asyncio.run of the program (version 3): [start, end] in µs.
    std::vector<RunSpan> runs;
    std::optional<Error> runsProblem;
};

// Reads values so that each is checked as JSON whether or not the recording takes it (simdjson
// skips a value left alone without checking it): a value of another type than asked for, or
// of a key nobody reads, goes to skipChecked.
class Values {
public:
    // Whether a value skipped could only be checked by a scan of the whole text.
    bool unchecked() const { return unchecked_; }

    std::optional<std::string_view> text(od::value& value) {
        return orSkipped(as(value.get_string()), value);
    }
    std::optional<double> number(od::value& value) { return orSkipped(numberOf(value), value); }
    std::optional<std::string_view> kind(od::value& value) {
        return orSkipped(kindTextOf(kinds_, value), value);
    }
    std::optional<StepKind> kindNamed(std::string_view text) const {
        return json::kindNamed(kinds_, text);
    }
    void skip(od::value& value) { unchecked_ |= !skipChecked(value); }

private:
    template <typename T> std::optional<T> orSkipped(std::optional<T> got, od::value& value) {
        if (!got)
            skip(value);
        return got;
    }

    const KindNames kinds_ = kindNames(builtinKinds());
    bool unchecked_ = false;
};

// "#8e24aa" (either case) as a colour.
std::optional<Rgb> colorOf(std::string_view text) {
    if (text.size() != 7 || text[0] != '#')
        return std::nullopt;
    Rgb color = 0;
    const auto [end, error] = std::from_chars(text.data() + 1, text.data() + 7, color, 16);
    if (error != std::errc() || end != text.data() + 7)
        return std::nullopt;
    return color;
}

// The name of a kind whose look is fixed.
bool structuralName(std::string_view name) {
    return name == "thread" || name == "spawn" || name == "join";
}

KindBehaviour structuralBehaviour(std::string_view name) {
    return name == "thread"  ? KindBehaviour::Thread
           : name == "spawn" ? KindBehaviour::Spawn
                             : KindBehaviour::Join;
}

// One entry of otherData.kinds, the `index`th kind after cpu, into the table; what is wrong
// with it, if anything.
std::optional<Error> readKind(od::value& value, std::size_t index, KindTable& kinds,
                              Values& values) {
    const std::string place = "otherData.kinds[" + std::to_string(index) + "]";
    auto object = as(value.get_object());
    if (!object) {
        values.skip(value);
        return fail(place, "must be an object (a kind's name, label, color and limit)");
    }
    std::optional<std::string_view> name, label, color;
    std::optional<double> limit;
    Keys keys(kKindKeys);
    for (auto result : *object) {
        od::field& field = fieldOf(result);
        od::value& member = field.value();
        switch (keys.note(field)) {
        case 0:
            name = values.text(member);
            break;
        case 1:
            label = values.text(member);
            break;
        case 2:
            color = values.text(member);
            break;
        case 3:
            limit = values.number(member);
            break;
        default:
            values.skip(member);
        }
    }
    if (auto why = keys.problem())
        return fail(place, *why);
    if (!name)
        return fail(place + ".name", "must be a string (the kind's name)");
    if (keys.seen(1) && !label)
        return fail(place + ".label", "must be a string (what the legend shows)");
    if (keys.seen(2) && !color)
        return fail(place + ".color", "must be a string, a colour #rrggbb");
    if (keys.seen(3) && !limit)
        return fail(place + ".limit", "must be a number (the most waits at once)");
    const std::string_view builtin = index == 0 ? "io" : index == 1 ? "http" : "";
    if (!builtin.empty() && *name != builtin)
        return fail(place + ".name", "must be \"" + std::string(builtin) +
                                         "\" (the kinds after cpu begin with io and http)");
    if (builtin.empty() && kinds.find(*name))
        return fail(place + ".name", "\"" + std::string(*name) + "\" is listed twice");
    if (auto count = checkKindCount(place, kinds.size() + 1); !count)
        return count.error();
    if (structuralName(*name)) {
        if (label || color || limit)
            return fail(place, "\"" + std::string(*name) +
                                   "\" has only a name (its label and colour are fixed)");
        kinds.ensure(structuralBehaviour(*name));
        return std::nullopt;
    }
    if (builtin.empty()) {
        if (auto valid = checkResourceName(place + ".name", *name); !valid)
            return valid.error();
    }
    if (label) {
        if (auto valid = checkLabel(place + ".label", *label); !valid)
            return valid.error();
    }
    std::optional<Rgb> rgb;
    if (color && !(rgb = colorOf(*color)))
        return fail(place + ".color",
                    "must be a colour, #rrggbb (not \"" + std::string(*color) + "\")");
    if (limit) {
        if (auto valid = checkLimit(place + ".limit", *limit); !valid)
            return valid.error();
    }
    const std::int64_t slots = limit ? std::int64_t(*limit) : 0;
    std::string text(label.value_or(std::string_view()));
    if (builtin.empty())
        kinds.declare(std::string(*name), std::move(text), rgb, slots);
    else
        kinds.restyle(*kinds.find(*name), std::move(text), rgb, slots);
    return std::nullopt;
}

// The elements of the array at place, each read by read(element, index) up to the first
// problem (the rest only checked), which goes to problem; a value that is no array is the
// problem notArray. How many elements the array holds.
template <typename ReadOne>
std::size_t readEach(od::value& value, const std::string& place, std::string_view notArray,
                     std::optional<Error>& problem, Values& values, ReadOne read) {
    auto array = as(value.get_array());
    if (!array) {
        values.skip(value);
        problem = fail(place, std::string(notArray));
        return 0;
    }
    std::size_t index = 0;
    for (auto element : *array) {
        od::value item = take(std::move(element));
        if (problem)
            values.skip(item);
        else
            problem = read(item, index);
        ++index;
    }
    return index;
}

// otherData.kinds: the kinds after cpu, in table order.
void readKinds(od::value& value, OtherData& other, Values& values) {
    const std::size_t kinds =
        readEach(value, "otherData.kinds", "must be an array (the kinds after cpu)",
                 other.kindsProblem, values, [&](od::value& kind, std::size_t index) {
                     return readKind(kind, index, other.kinds, values);
                 });
    if (!other.kindsProblem && kinds < 2)
        other.kindsProblem =
            fail("otherData.kinds", "must begin with io and http (the kinds after cpu)");
}

// otherData.runs[index]: a run's start_us and end_us, or what is wrong with it.
std::optional<Error> readRun(od::value& value, std::size_t index, OtherData& other,
                             Values& values) {
    const std::string place = "otherData.runs[" + std::to_string(index) + "]";
    auto object = as(value.get_object());
    if (!object) {
        values.skip(value);
        return fail(place, "must be an object (a run's start_us and end_us)");
    }
    std::array<std::optional<double>, 2> times;
    Keys keys(kRunKeys);
    for (auto result : *object) {
        od::field& field = fieldOf(result);
        od::value& member = field.value();
        const std::size_t key = keys.note(field);
        if (key < times.size())
            times[std::size_t(key)] = values.number(member);
        else
            values.skip(member);
    }
    if (auto why = keys.problem())
        return fail(place, *why);
    for (std::size_t k = 0; k < 2; ++k)
        if (!times[k] || !(*times[k] >= 0 && *times[k] <= kMaxRecordedUs))
            return fail(place + "." + std::string(kRunKeys[k]),
                        "must be a time in µs from 0 up to 1e17");
    if (*times[1] < *times[0])
        return fail(place + ".end_us", "the run ends before it starts");
    if (other.runs.size() == kMaxTasks)
        return fail(place, "more runs than tasks can be (" + std::to_string(kMaxTasks) + ")");
    other.runs.push_back({*times[0], *times[1]});
    return std::nullopt;
}

// otherData.runs: the program's asyncio.run calls, in order.
void readRuns(od::value& value, OtherData& other, Values& values) {
    readEach(value, "otherData.runs", "must be an array (each asyncio.run's times)",
             other.runsProblem, values,
             [&](od::value& run, std::size_t index) { return readRun(run, index, other, values); });
}

OtherData readOtherData(od::value value, Values& values) {
    OtherData other;
    auto object = as(value.get_object());
    if (!object) {
        values.skip(value);
        return other;
    }
    other.isObject = true;
    Keys keys(kOtherKeys);
    for (auto result : *object) {
        od::field& field = fieldOf(result);
        od::value& member = field.value();
        switch (keys.note(field)) {
        case 0:
            other.formatOk = values.text(member) == kRecordingFormat;
            break;
        case 1:
            other.version = values.number(member);
            break;
        case 2:
            other.stretch = values.number(member);
            break;
        case 3:
            other.subtitle = values.text(member);
            break;
        case 4:
            other.python = values.text(member);
            break;
        case 5:
            other.threadsGiven = true;
            other.threads = values.number(member);
            break;
        case 6:
            readKinds(member, other, values);
            break;
        case 7:
            readRuns(member, other, values);
            break;
        default:
            values.skip(member); // what a later version may add
        }
    }
    other.keyProblem = keys.repetition();
    return other;
}

// One event's fields as read, in whatever order they came; a value of another type reads as
// nothing. The strings live as long as the document.
struct EventFields {
    std::optional<std::string_view> name, ph, cat;
    std::optional<double> tid, ts, dur;
    std::optional<std::string_view> argName;
    std::optional<double> step, ms, returned;
    std::optional<double> task, startMs; // a spawn's task; a task's arrival
    bool tasksGiven = false;             // a join's tasks: whole numbers, or bad
    std::optional<std::vector<std::uint32_t>> tasks;
    // A recorded await's text and source line (version 3); given but not a string: bad.
    bool labelGiven = false, atGiven = false;
    std::optional<std::string_view> label, at;
    bool runGiven = false; // a task's asyncio.run, from 1 (version 3)
    std::optional<double> run;
};

// How a step's event meets the loop, by its kind's name alone ("db-slot": the time queued for
// a slot of db), whatever the recording's table holds.
struct EventKind {
    KindBehaviour behaviour = KindBehaviour::HoldsLoop;
    bool queued = false;
    std::string_view name; // without "-slot"
};

EventKind eventKindOf(std::string_view cat) {
    EventKind kind;
    kind.queued = cat.size() > kQueuedSuffix.size() && cat.ends_with(kQueuedSuffix);
    kind.name = kind.queued ? cat.substr(0, cat.size() - kQueuedSuffix.size()) : cat;
    kind.behaviour = kind.name == "cpu"          ? KindBehaviour::HoldsLoop
                     : structuralName(kind.name) ? structuralBehaviour(kind.name)
                                                 : KindBehaviour::Waits;
    return kind;
}

// The kind of the table that an event's cat names, if it names one: a -slot only of a
// resource with a limit or of the thread pool.
std::optional<StepKind> tableKind(const KindTable& kinds, const KindNames& names,
                                  const EventKind& kind) {
    const std::optional<StepKind> found = kindNamed(names, kind.name);
    if (!found || kinds.behaviour(*found) != kind.behaviour)
        return std::nullopt;
    if (kind.queued && !(kind.behaviour == KindBehaviour::Thread ||
                         (kind.behaviour == KindBehaviour::Waits && kinds[*found].limit > 0)))
        return std::nullopt;
    return found;
}

// What a recording's table allows in cat, for messages.
std::string catChoices(const KindTable& kinds) {
    std::string choices = kindChoices(kinds);
    if (kinds.size() > kBuiltinKinds.size())
        choices += ", with -slot for the time queued for a limited resource or the thread pool";
    return choices;
}

// A step that ran, as its complete event says; checked against the others once every thread
// is known.
struct RanStep {
    std::size_t event = 0; // its index in traceEvents, for messages
    std::size_t task = 0;  // tid − 1
    std::size_t step = 0;  // args.step − 1
    Step nominal;
    double startUs = 0;
    double endUs = 0; // a cpu step's measured end; a wait's nominal end
    double resumedUs = 0;
    bool queued = false; // the time queued for a slot or a worker before the step
    // The kind as written, when it came before the table that says which kinds there are (then
    // nominal.kind is resolved once the whole file is read).
    std::optional<std::string_view> pendingCat;
    AwaitPlace place; // what a recorded await waited on, and where (empty if not told)
};

// Reads the events one by one, keeping the first problem; after it the rest are only walked
// over (the problems of the file as a whole come first, and need the whole walk).
class EventReader {
public:
    std::optional<Error> problem;
    std::optional<std::string> title;
    std::size_t problemEvent = 0;                    // where problem is
    std::vector<std::optional<std::string>> threads; // the tasks' names, by tid − 1
    std::vector<std::int64_t> startMs;               // their arrivals, by tid − 1 (0 if none)
    // Their asyncio.run, by tid − 1: 0 for none (loop work of no task, in every run), and the
    // event that said it.
    std::vector<std::pair<std::uint32_t, std::size_t>> runOf;
    std::vector<RanStep> ran; // in file order
    Values values;
    // The table of kinds, once otherData has said it (before traceEvents, as the program
    // writes it); until then kinds wait in pendingCat.
    const KindTable* kinds = nullptr;
    KindNames kindNames;
    bool measuredWaits = false; // version 3: a wait's dur is measured, not its ms × 1000

    void read(od::value value, std::size_t index) {
        if (problem)
            return;
        auto object = as(value.get_object());
        if (!object) {
            problem = fail(eventPlace(index), "an event must be an object");
            return;
        }
        EventFields fields;
        Keys keys(kEventKeys);
        for (auto result : *object) {
            od::field& field = fieldOf(result);
            od::value& member = field.value();
            switch (keys.note(field)) {
            case 0:
                fields.name = values.text(member);
                break;
            case 1:
                fields.ph = values.text(member);
                break;
            case 2:
                fields.cat = values.kind(member);
                break;
            case 3:
                fields.tid = values.number(member);
                break;
            case 4:
                fields.ts = values.number(member);
                break;
            case 5:
                fields.dur = values.number(member);
                break;
            case 6:
                if (auto why = readArgs(member, fields))
                    problem = fail(eventPlace(index, "args"), *why);
                break;
            default:
                values.skip(member); // pid, and what other traces hold
            }
        }
        if (auto why = keys.repetition(); why && !problem)
            problem = fail(eventPlace(index), *why);
        if (!problem)
            problem = interpret(fields, index);
        if (problem)
            problemEvent = index;
    }

    void useKinds(const KindTable& table) {
        kinds = &table;
        kindNames = json::kindNames(table);
    }

private:
    // args' fields into fields; what is wrong with its keys, if anything.
    std::optional<std::string> readArgs(od::value& value, EventFields& fields) {
        auto object = as(value.get_object());
        if (!object) {
            values.skip(value);
            return std::nullopt; // as if absent: the fields it should hold say what is missing
        }
        Keys keys(kArgKeys);
        for (auto result : *object) {
            od::field& field = fieldOf(result);
            od::value& member = field.value();
            switch (keys.note(field)) {
            case 0:
                fields.argName = values.text(member);
                break;
            case 1:
                fields.step = values.number(member);
                break;
            case 2:
                fields.ms = values.number(member);
                break;
            case 3:
                fields.returned = values.number(member);
                break;
            case 4:
                fields.task = values.number(member);
                break;
            case 5:
                fields.tasksGiven = true;
                fields.tasks = readTasks(member);
                break;
            case 6:
                fields.startMs = values.number(member);
                break;
            case 7:
                fields.labelGiven = true;
                fields.label = values.text(member);
                break;
            case 8:
                fields.atGiven = true;
                fields.at = values.text(member);
                break;
            case 9:
                fields.runGiven = true;
                fields.run = values.number(member);
                break;
            default:
                values.skip(member); // sort_index, and what other traces hold
            }
        }
        return keys.repetition();
    }

    // A join's tasks: threads, whole numbers from 1, 1 to kMaxJoined of them (0-based), or
    // nullopt.
    std::optional<std::vector<std::uint32_t>> readTasks(od::value& value) {
        auto array = as(value.get_array());
        if (!array) {
            values.skip(value);
            return std::nullopt;
        }
        std::vector<std::uint32_t> tasks;
        bool fine = true;
        for (auto element : *array) {
            od::value member = take(std::move(element));
            const std::optional<double> tid = values.number(member);
            fine = fine && tid && isWhole(*tid, 1, double(kMaxTasks)) && tasks.size() < kMaxJoined;
            if (fine)
                tasks.push_back(std::uint32_t(*tid) - 1);
        }
        if (!fine || tasks.empty())
            return std::nullopt;
        return tasks;
    }

    std::optional<Error> interpret(const EventFields& fields, std::size_t index) {
        if (!fields.ph)
            return fail(eventPlace(index, "ph"),
                        "must be a string (\"M\" names the scenario or a task, \"X\" is a step "
                        "that ran)");
        if (*fields.ph == "M")
            return takeName(fields, index);
        if (*fields.ph == "X")
            return takeStep(fields, index);
        return std::nullopt; // a phase a recording does not write: a viewer's, left alone
    }

    // process_name (the title) and thread_name (a task's name); other metadata is the viewer's.
    std::optional<Error> takeName(const EventFields& fields, std::size_t index) {
        if (!fields.name)
            return fail(eventPlace(index, "name"), "must be a string");
        const bool process = *fields.name == "process_name";
        if (!process && *fields.name != "thread_name")
            return std::nullopt;
        std::optional<std::size_t> task;
        if (!process) {
            task = taskOf(fields);
            if (!task)
                return badTid(index);
        }
        if (!fields.argName)
            return fail(eventPlace(index, "args.name"),
                        process ? "must be a string (the scenario's title)"
                                : "must be a string (the task's name)");
        if (process) {
            if (title)
                return fail(eventPlace(index), "a second process_name (the scenario's title is "
                                               "given once)");
            title = std::string(*fields.argName);
            return std::nullopt;
        }
        if (threads.size() <= *task)
            threads.resize(*task + 1);
        if (threads[*task])
            return fail(eventPlace(index, "tid"),
                        "thread " + std::to_string(*task + 1) + " is named twice");
        if (fields.startMs) {
            if (auto start = checkStartMs(eventPlace(index, "args.start_ms"), *fields.startMs);
                !start)
                return start.error();
            if (startMs.size() <= *task)
                startMs.resize(*task + 1, 0);
            startMs[*task] = std::int64_t(*fields.startMs);
        }
        if (fields.runGiven) {
            if (!fields.run || !isWhole(*fields.run, 1, double(kMaxTasks)))
                return fail(eventPlace(index, "args.run"),
                            "must be the task's asyncio.run, a whole number from 1");
            if (runOf.size() <= *task)
                runOf.resize(*task + 1, {0, 0});
            runOf[*task] = {std::uint32_t(*fields.run), index};
        }
        threads[*task] = std::string(*fields.argName);
        return std::nullopt;
    }

    static std::optional<std::size_t> taskOf(const EventFields& fields) {
        if (!fields.tid || !isWhole(*fields.tid, 1, double(kMaxTasks)))
            return std::nullopt;
        return std::size_t(*fields.tid) - 1;
    }

    static Error badTid(std::size_t index) {
        return fail(eventPlace(index, "tid"), "must be a task's thread, a whole number from 1 to " +
                                                  std::to_string(kMaxTasks));
    }

    // A time in µs since the run's time 0, or why not.
    static std::optional<Error> checkTime(std::optional<double> us, std::size_t index,
                                          std::string_view field) {
        if (us && *us >= 0 && *us <= kMaxRecordedUs)
            return std::nullopt;
        return fail(eventPlace(index, field),
                    "must be a time in µs from 0 up to 1e17" +
                        (us ? " (not " + quote(*us) + ")" : std::string()));
    }

    std::optional<Error> takeStep(const EventFields& fields, std::size_t index) {
        const KindTable& table = kinds ? *kinds : builtinKinds();
        if (!fields.cat)
            return fail(eventPlace(index, "cat"), "must be a string (" + catChoices(table) + ")");
        const EventKind kind = eventKindOf(*fields.cat);
        std::optional<StepKind> resolved;
        if (kinds) {
            resolved = tableKind(*kinds, kindNames, kind);
            if (!resolved)
                return unknownKind(*kinds, *fields.cat, index);
        }
        const std::optional<std::size_t> task = taskOf(fields);
        if (!task)
            return badTid(index);
        if (!fields.step || !isWhole(*fields.step, 1, double(kMaxStepsPerTask)))
            return fail(eventPlace(index, "args.step"),
                        "must be the step's number, a whole number from 1 to " +
                            std::to_string(kMaxStepsPerTask));
        const bool timed = !kind.queued && (kind.behaviour == KindBehaviour::HoldsLoop ||
                                            kind.behaviour == KindBehaviour::Waits ||
                                            kind.behaviour == KindBehaviour::Thread);
        Step nominal(resolved.value_or(StepKind::Cpu), 0);
        if (timed) {
            if (!fields.ms)
                return fail(eventPlace(index, "args.ms"), "must be a number of milliseconds");
            if (auto duration = checkDuration(eventPlace(index, "args.ms"), *fields.ms); !duration)
                return duration.error();
            nominal.ms = std::int32_t(*fields.ms);
        } else if (kind.queued) {
            nominal.ms = 0;
        } else if (kind.behaviour == KindBehaviour::Spawn) {
            if (!fields.task || !isWhole(*fields.task, 1, double(kMaxTasks)))
                return fail(eventPlace(index, "args.task"),
                            "must be the spawned task's thread, a whole number from 1 to " +
                                std::to_string(kMaxTasks));
            nominal.tasks = {std::uint32_t(*fields.task) - 1};
        } else {
            if (!fields.tasks)
                return fail(eventPlace(index, "args.tasks"),
                            "must be the joined tasks' threads: 1 to " +
                                std::to_string(kMaxJoined) + " whole numbers from 1 to " +
                                std::to_string(kMaxTasks));
            nominal.tasks = *fields.tasks;
        }
        for (const auto& [us, field] : {std::pair{fields.ts, "ts"}, std::pair{fields.dur, "dur"}})
            if (auto problem = checkTime(us, index, field))
                return problem;
        const bool wait = !kind.queued && (kind.behaviour == KindBehaviour::Waits ||
                                           kind.behaviour == KindBehaviour::Thread);
        const bool returns = wait || kind.behaviour == KindBehaviour::Join;
        const double nominalUs = double(nominal.ms) * 1000;
        // Within half a µs: the program may write the product as a float. A recorded program's
        // wait (version 3) lasts as measured.
        if (wait && !measuredWaits && std::abs(*fields.dur - nominalUs) > 0.5)
            return fail(eventPlace(index, "dur"), "a wait lasts its nominal ms × 1000 µs (" +
                                                      quote(nominalUs) + "), not " +
                                                      quote(*fields.dur));
        if (returns && !kind.queued) {
            if (auto problem = checkTime(fields.returned, index, "args.returned_us"))
                return problem;
            if (*fields.returned < *fields.ts)
                return fail(eventPlace(index, "args.returned_us"),
                            "the await returned at " + quote(*fields.returned) +
                                " µs, before it started (at " + quote(*fields.ts) + " µs)");
        }
        if (!totalStepsAllowed(ran.size() + 1))
            return checkTotalSteps(eventPlace(index), ran.size() + 1).error();
        AwaitPlace place;
        for (const auto& [given, text, field, what, into] :
             {std::tuple{fields.labelGiven, fields.label, "args.label", "what was awaited",
                         &place.label},
              std::tuple{fields.atGiven, fields.at, "args.at", "the source line that awaited",
                         &place.at}}) {
            if (!given)
                continue;
            if (!text)
                return fail(eventPlace(index, field),
                            std::string("must be a string (") + what + ")");
            if (auto valid = checkLabel(eventPlace(index, field), *text); !valid)
                return valid.error();
            into->assign(*text);
        }
        const double endUs = *fields.ts + *fields.dur;
        RanStep step{index,
                     *task,
                     std::size_t(*fields.step) - 1,
                     std::move(nominal),
                     *fields.ts,
                     endUs,
                     returns && !kind.queued ? *fields.returned : endUs,
                     kind.queued,
                     std::nullopt,
                     std::move(place)};
        if (!resolved)
            step.pendingCat = *fields.cat;
        ran.push_back(std::move(step));
        return std::nullopt;
    }

public:
    static Error unknownKind(const KindTable& kinds, std::string_view cat, std::size_t index) {
        return fail(eventPlace(index, "cat"),
                    "unknown kind \"" + std::string(cat) + "\" (use " + catChoices(kinds) + ")");
    }
};

void readEvents(od::value value, EventReader& reader, ParseProgress& progress, bool& isArray) {
    auto array = as(value.get_array());
    if (!array)
        return;
    isArray = true;
    std::size_t index = 0;
    for (auto element : *array) {
        od::value event = take(std::move(element));
        progress.tick(event);
        reader.read(event, index++);
    }
}

// The file as a whole, before its events: whether it is a recording of ours at all.
std::optional<Error> checkHeader(const std::optional<std::string>& rootKeys, const OtherData& other,
                                 bool eventsIsArray) {
    if (!other.isObject || !other.formatOk)
        return Error{std::string(kNotARecording)};
    if (rootKeys)
        return fail("recording", *rootKeys);
    if (other.keyProblem)
        return fail("otherData", *other.keyProblem);
    if (auto version = checkVersion("otherData", other.version, kRecordingVersion); !version)
        return version.error();
    if (!other.stretch || !(*other.stretch > 0) || !std::isfinite(*other.stretch))
        return fail("otherData.stretch", "must be a number above 0 (how many times slower than "
                                         "the scenario the program ran)");
    if (!other.subtitle)
        return fail("otherData.subtitle", "must be a string (the scenario's subtitle)");
    if (!other.python)
        return fail("otherData.python", "must be a string (the Python version it ran on)");
    if (!eventsIsArray)
        return fail("traceEvents", "must be an array");
    if (*other.version >= 2) {
        if (other.threadsGiven) {
            if (!other.threads)
                return fail("otherData.threads", "must be a number (the thread pool's workers)");
            if (auto threads = checkThreads("otherData.threads", *other.threads); !threads)
                return threads.error();
        }
        if (other.kindsProblem)
            return *other.kindsProblem;
    }
    if (other.runsProblem)
        return *other.runsProblem;
    return std::nullopt;
}

// The events of the tasks of one run (or of the whole recording): their names by tid − 1,
// arrivals, and steps in file order.
struct RunEvents {
    std::vector<std::optional<std::string>> threads;
    std::vector<std::int64_t> startMs;
    std::vector<RanStep> ran;
    std::size_t loopWork = MeasuredRun::kNoTask; // the recorder's row of loop work, if any
};

// Whether tid − 1 is the recorder's row of the loop's work of no task: named so, in no run.
bool isLoopWorkRow(const EventReader& reader, std::size_t task) {
    return reader.measuredWaits && reader.threads[task] == kLoopWorkRow &&
           (task >= reader.runOf.size() || reader.runOf[task].first == 0);
}

// The row of loop work among the tasks, if there is one.
std::size_t loopWorkRow(const EventReader& reader) {
    for (std::size_t t = 0; t < reader.threads.size(); ++t)
        if (isLoopWorkRow(reader, t))
            return t;
    return MeasuredRun::kNoTask;
}

// The tasks, named by their threads 1 to n, every one of them.
Result<Scenario> namedTasks(const std::string& title, std::string subtitle,
                            std::vector<std::optional<std::string>>& threads) {
    Scenario scenario{title, std::move(subtitle), {}};
    scenario.tasks.resize(threads.size());
    for (std::size_t t = 0; t < threads.size(); ++t) {
        if (!threads[t])
            return fail("traceEvents", "no thread_name for tid " + std::to_string(t + 1) +
                                           " (the tasks are threads 1 to " +
                                           std::to_string(threads.size()) + ", each named)");
        scenario.tasks[t].name = std::move(*threads[t]);
    }
    return scenario;
}

// The kinds that came before the table: each resolved now, or the first that the table does not
// hold, refused (unless the events' problem comes first).
std::optional<Error> resolvePending(std::vector<RanStep>& ran, const KindTable& kinds,
                                    const EventReader& reader) {
    const KindNames names = kindNames(kinds);
    for (RanStep& r : ran) {
        if (!r.pendingCat)
            continue;
        if (reader.problem && reader.problemEvent < r.event)
            return reader.problem;
        const std::optional<StepKind> kind = tableKind(kinds, names, eventKindOf(*r.pendingCat));
        if (!kind)
            return EventReader::unknownKind(kinds, *r.pendingCat, r.event);
        r.nominal.kind = *kind;
    }
    return reader.problem;
}

// Builds a run's AwaitPlaces step by step, each place kept once.
class AwaitPlaceIndex {
public:
    explicit AwaitPlaceIndex(AwaitPlaces& awaits)
        : awaits_(awaits) {
        awaits_.ofStep.offsets.assign(1, 0);
    }
    void add(const AwaitPlace& place) {
        std::uint32_t number = 0;
        if (!place.label.empty() || !place.at.empty()) {
            const auto [it, added] = numbers_.try_emplace(place.label + '\0' + place.at,
                                                          std::uint32_t(awaits_.places.size() + 1));
            if (added)
                awaits_.places.push_back(place);
            number = it->second;
        }
        awaits_.ofStep.items.push_back(number);
    }
    void endTask() { awaits_.ofStep.offsets.push_back(awaits_.ofStep.items.size()); }
    // A run without places keeps no table of them.
    void finish() {
        if (awaits_.places.empty())
            awaits_ = {};
    }

private:
    AwaitPlaces& awaits_;
    std::unordered_map<std::string, std::uint32_t> numbers_;
};

// The steps that ran, grouped by task in step order (a step's queued time before it): each
// task's steps 1 to n once each, none left out, each starting no earlier than the row before
// it. Fills the scenario's steps; the segments are the rows that take time (not a spawn, nor a
// join that did not wait).
Result<PerTask<MeasuredSegment>> stepsByTask(Scenario& scenario, const std::vector<RanStep>& ran,
                                             AwaitPlaces& awaits) {
    const std::size_t tasks = scenario.tasks.size();
    std::vector<std::size_t> offsets(tasks + 1, 0);
    for (const RanStep& r : ran) {
        if (r.task >= tasks)
            return fail(eventPlace(r.event, "tid"),
                        "thread " + std::to_string(r.task + 1) +
                            " has no thread_name (the tasks are threads 1 to " +
                            std::to_string(tasks) + ", each named)");
        ++offsets[r.task + 1];
    }
    for (std::size_t t = 0; t < tasks; ++t)
        offsets[t + 1] += offsets[t];
    // Each task's events in file order, which is their start order: usually step order already.
    std::vector<std::size_t> order(ran.size());
    std::vector<std::size_t> next(offsets.begin(), offsets.end() - 1);
    for (std::size_t i = 0; i < ran.size(); ++i)
        order[next[ran[i].task]++] = i;
    const auto byStep = [&](std::size_t a, std::size_t b) {
        return ran[a].step != ran[b].step ? ran[a].step < ran[b].step
                                          : ran[a].queued > ran[b].queued;
    };
    const KindTable& kinds = scenario.kinds;
    PerTask<MeasuredSegment> segments;
    segments.offsets.assign(tasks + 1, 0);
    segments.items.reserve(ran.size());
    AwaitPlaceIndex placeIndex(awaits);
    for (std::size_t t = 0; t < tasks; ++t) {
        const auto first = order.begin() + std::ptrdiff_t(offsets[t]);
        const auto last = order.begin() + std::ptrdiff_t(offsets[t + 1]);
        if (!std::is_sorted(first, last, byStep))
            std::stable_sort(first, last, byStep);
        std::vector<Step>& steps = scenario.tasks[t].steps;
        const RanStep* queued = nullptr; // the queued time of the step that comes next
        const RanStep* previous = nullptr;
        for (auto it = first; it != last; ++it) {
            const RanStep& r = ran[*it];
            const std::size_t s = steps.size();
            if (!r.queued && s > 0 && r.step == s - 1)
                return fail(eventPlace(r.event, "args.step"),
                            describePlace(scenario, t + 1, s) + " ran twice (also " +
                                eventPlace(previous->event) + ")");
            if (r.queued && queued && queued->step == r.step)
                return fail(eventPlace(r.event, "args.step"),
                            describePlace(scenario, t + 1, s + 1) + " queued twice (also " +
                                eventPlace(queued->event) + ")");
            if (r.queued && queued)
                break; // the step queued before never ran: told below
            if (r.step != s)
                return fail(describePlace(scenario, t + 1, 0),
                            "no event for step " + std::to_string(s + 1) + ", though step " +
                                std::to_string(r.step + 1) +
                                " ran (a task's steps are 1 to n, none left out)");
            if (previous && r.startUs < previous->startUs)
                return fail(eventPlace(r.event, "ts"),
                            describePlace(scenario, t + 1, s + 1) + " starts at " +
                                quote(r.startUs) + " µs, before the " +
                                (previous->step == r.step ? "time it queued" : "step before it") +
                                " (at " + quote(previous->startUs) + " µs)");
            previous = &r;
            if (r.queued) {
                queued = &r;
                continue;
            }
            if (queued && queued->nominal.kind != r.nominal.kind)
                return fail(eventPlace(queued->event, "cat"),
                            describePlace(scenario, t + 1, s + 1) + " is " +
                                kinds[r.nominal.kind].name + ", not a wait for a slot of " +
                                kinds[queued->nominal.kind].name);
            steps.push_back(r.nominal);
            placeIndex.add(r.place);
            if (queued)
                segments.items.push_back({queued->startUs / 1000, queued->endUs / 1000,
                                          queued->endUs / 1000, queued->nominal.kind, true,
                                          std::uint32_t(s)});
            queued = nullptr;
            const KindBehaviour behaviour = kinds.behaviour(r.nominal.kind);
            if (behaviour != KindBehaviour::Spawn &&
                !(behaviour == KindBehaviour::Join && r.endUs <= r.startUs))
                segments.items.push_back({r.startUs / 1000, r.endUs / 1000, r.resumedUs / 1000,
                                          r.nominal.kind, false, std::uint32_t(s)});
        }
        if (queued)
            return fail(eventPlace(queued->event, "args.step"),
                        describePlace(scenario, t + 1, queued->step + 1) +
                            " queued but never ran (no event for it)");
        segments.offsets[t + 1] = segments.items.size();
        placeIndex.endTask();
    }
    placeIndex.finish();
    return segments;
}

// The recording of one run's events (or of the whole recording's).
Result<Recording> recordingOf(const std::string& title, const OtherData& other,
                              const KindTable& kinds, RunEvents events) {
    Result<Scenario> scenario = namedTasks(title, std::string(*other.subtitle), events.threads);
    if (!scenario)
        return scenario.error();
    scenario.value().kinds = kinds;
    if (*other.version >= 2 && other.threads)
        scenario.value().threads = std::int64_t(*other.threads);
    for (std::size_t t = 0; t < events.startMs.size() && t < scenario.value().tasks.size(); ++t)
        scenario.value().tasks[t].startMs = events.startMs[t];
    AwaitPlaces awaits;
    Result<PerTask<MeasuredSegment>> segments = stepsByTask(scenario.value(), events.ran, awaits);
    if (!segments)
        return segments.error();
    if (auto valid = validateScenario(scenario.value()); !valid)
        return valid.error();
    std::vector<std::string> names;
    names.reserve(scenario.value().tasks.size());
    for (const Task& task : scenario.value().tasks)
        names.push_back(task.name);
    return Recording{std::move(scenario).value(),
                     MeasuredRun(std::move(segments).value(), std::move(names),
                                 std::string(*other.python), *other.stretch, std::move(awaits),
                                 events.loopWork)};
}

// A time of the recording as a time of the run that starts at fromUs.
double inRun(double us, double fromUs) {
    return std::max(0.0, us - fromUs);
}

// The events of run number `run` (from 1) of a recording of several: its tasks, then the rows
// of no task (the loop's work between callbacks) clipped to the run's time, renumbered from 1
// in tid order, each task's steps from 1, times from the run's start.
Result<RunEvents> eventsOfRun(const EventReader& reader, std::uint32_t run, RunSpan span) {
    const std::size_t tasks = reader.threads.size();
    const auto runOf = [&](std::size_t t) {
        return t < reader.runOf.size() ? reader.runOf[t].first : 0;
    };
    const auto kept = [&](const RanStep& r) {
        return runOf(r.task) == run || (runOf(r.task) == 0 && r.startUs >= span.startUs &&
                                        std::max(r.endUs, r.resumedUs) <= span.endUs);
    };
    // Which tasks the run holds: its own, and a row of no task with a step in it.
    std::vector<bool> holds(tasks, false);
    for (std::size_t t = 0; t < tasks; ++t)
        holds[t] = runOf(t) == run;
    for (const RanStep& r : reader.ran)
        if (r.task < tasks && kept(r))
            holds[r.task] = true;
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> renumbered(tasks, kNone);
    RunEvents events;
    for (std::size_t t = 0; t < tasks; ++t) {
        if (!holds[t])
            continue;
        renumbered[t] = std::uint32_t(events.threads.size());
        if (isLoopWorkRow(reader, t))
            events.loopWork = events.threads.size();
        events.threads.push_back(reader.threads[t]);
        const std::int64_t start = t < reader.startMs.size() ? reader.startMs[t] : 0;
        events.startMs.push_back(
            std::max<std::int64_t>(0, start - std::int64_t(std::llround(span.startUs / 1000))));
    }
    // Each kept row's step renumbered among its task's kept ones (a queued time and its step
    // share a number), in file order, which is step order for each task.
    std::vector<std::pair<std::size_t, std::size_t>> lastStep(tasks, {kNone, 0});
    for (const RanStep& r : reader.ran) {
        if (r.task >= tasks || !kept(r))
            continue;
        RanStep step = r;
        auto& [from, to] = lastStep[r.task];
        if (from != r.step) {
            to = from == kNone ? 0 : to + 1;
            from = r.step;
        }
        step.task = renumbered[r.task];
        step.step = to;
        step.startUs = inRun(r.startUs, span.startUs);
        step.endUs = inRun(r.endUs, span.startUs);
        step.resumedUs = inRun(r.resumedUs, span.startUs);
        for (std::uint32_t& other : step.nominal.tasks) {
            if (other >= tasks || renumbered[other] == kNone)
                return fail(eventPlace(r.event),
                            "names thread " + std::to_string(other + 1) +
                                ", a task of another asyncio.run than its own (run " +
                                std::to_string(run) + ")");
            other = renumbered[other];
        }
        events.ran.push_back(std::move(step));
    }
    return events;
}

// The recording's runs: one, or one for each asyncio.run of otherData.runs when it lists
// several (each task in the run its args.run names).
Result<std::vector<Recording>> finishRecording(const std::optional<std::string>& rootKeys,
                                               const OtherData& other, bool eventsIsArray,
                                               EventReader& reader) {
    if (auto problem = checkHeader(rootKeys, other, eventsIsArray))
        return *problem;
    const bool version2 = *other.version >= 2;
    const KindTable& kinds = version2 ? other.kinds : builtinKinds();
    if (auto problem = resolvePending(reader.ran, kinds, reader))
        return *problem;
    if (!reader.title)
        return fail("traceEvents", "no process_name event (it names the scenario)");
    std::vector<Recording> runs;
    if (other.runs.size() <= 1) {
        const std::size_t loopWork = loopWorkRow(reader);
        Result<Recording> whole = recordingOf(*reader.title, other, kinds,
                                              {std::move(reader.threads), std::move(reader.startMs),
                                               std::move(reader.ran), loopWork});
        if (!whole)
            return whole.error();
        runs.push_back(std::move(whole).value());
        return runs;
    }
    for (const auto& [run, event] : reader.runOf)
        if (run > other.runs.size())
            return fail(eventPlace(event, "args.run"), "run " + std::to_string(run) +
                                                           " is not one of otherData.runs (1 to " +
                                                           std::to_string(other.runs.size()) + ")");
    for (std::size_t n = 0; n < other.runs.size(); ++n) {
        Result<RunEvents> events = eventsOfRun(reader, std::uint32_t(n + 1), other.runs[n]);
        if (!events)
            return events.error();
        if (events.value().threads.empty())
            continue; // a run with nothing recorded (past the recorder's cap): nothing to show
        Result<Recording> recording =
            recordingOf(*reader.title, other, kinds, std::move(events).value());
        if (!recording)
            return fail("otherData.runs[" + std::to_string(n) + "]", recording.error().message);
        runs.push_back(std::move(recording).value());
    }
    if (runs.empty())
        return fail("otherData.runs", "no run holds a task");
    return runs;
}

// Parses text[0, size) that has simdjson's padding readable after it; progress hears it as
// from to 1 (see ParseProgress).
Result<std::vector<Recording>> parsePadded(std::string_view text, const Progress& progress,
                                           double from) {
    std::optional<Result<std::vector<Recording>>> recording;
    const std::optional<Error> problem =
        walkDocument(text, progress, from, "recording", [&](od::object root, ParseProgress& walk) {
            Keys keys(kRootKeys);
            OtherData other;
            bool eventsIsArray = false;
            EventReader reader;
            for (auto result : root) {
                od::field& field = fieldOf(result);
                od::value& value = field.value();
                switch (keys.note(field)) {
                case 0:
                    other = readOtherData(value, reader.values);
                    reader.useKinds(other.version >= 2.0 && !other.kindsProblem ? other.kinds
                                                                                : builtinKinds());
                    reader.measuredWaits = other.version == 3.0;
                    break;
                case 1:
                    readEvents(value, reader, walk, eventsIsArray);
                    break;
                default:
                    reader.values.skip(value); // displayTimeUnit, and what other traces hold
                }
            }
            recording = finishRecording(keys.repetition(), other, eventsIsArray, reader);
            if (!*recording)
                return std::optional(recording->error());
            // What the walk skipped unchecked is JSON too, or the file is refused as not JSON.
            return reader.values.unchecked() ? jsonSyntaxError(text) : std::nullopt;
        });
    if (problem)
        return *problem;
    (void)goOn(progress, 1);
    return std::move(*recording);
}

} // namespace

Result<std::vector<Recording>> parseRecordingRuns(std::string_view json, const Progress& progress) {
    const simdjson::padded_string padded(json.data(), json.size());
    return parsePadded(std::string_view(padded.data(), padded.size()), progress, 0);
}

Result<std::vector<Recording>> parseRecordingRuns(const FileBytes& bytes,
                                                  const Progress& progress) {
    return parsePadded(bytes.view(), progress, kReadShare);
}

Result<Recording> parseRecording(std::string_view json, const Progress& progress) {
    Result<std::vector<Recording>> runs = parseRecordingRuns(json, progress);
    if (!runs)
        return runs.error();
    return std::move(runs.value().front());
}

bool isChromeTrace(const FileBytes& bytes) {
    // A scenario file is told at memchr's speed: only a text that names the key is indexed.
    constexpr std::string_view key = "traceEvents";
    const std::string_view text = bytes.view();
    return ::memmem(text.data(), text.size(), key.data(), key.size()) && hasTopLevelKey(text, key);
}

} // namespace coroscope
