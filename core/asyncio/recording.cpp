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
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace coroscope {

namespace {

using namespace json;

constexpr std::array<std::string_view, 2> kRootKeys{"otherData", "traceEvents"};
constexpr std::array<std::string_view, 5> kOtherKeys{"format", "version", "stretch", "subtitle",
                                                     "python"};
constexpr std::array<std::string_view, 7> kEventKeys{"name", "ph",  "cat", "tid",
                                                     "ts",   "dur", "args"};
constexpr std::array<std::string_view, 4> kArgKeys{"name", "step", "ms", "returned_us"};

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

// What the top-level "otherData" holds; a value of another type reads as nothing.
struct OtherData {
    bool isObject = false;
    bool formatOk = false;
    std::optional<double> version;
    std::optional<double> stretch;
    std::optional<std::string_view> subtitle;
    std::optional<std::string_view> python;
    std::optional<std::string> keyProblem;
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
};

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
};

// Reads the events one by one, keeping the first problem; after it the rest are only walked
// over (the problems of the file as a whole come first, and need the whole walk).
class EventReader {
public:
    std::optional<Error> problem;
    std::optional<std::string> title;
    std::vector<std::optional<std::string>> threads; // the tasks' names, by tid − 1
    std::vector<RanStep> ran;                        // in file order
    Values values;

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
            default:
                values.skip(member); // sort_index, and what other traces hold
            }
        }
        return keys.repetition();
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
        if (!fields.cat)
            return fail(eventPlace(index, "cat"),
                        "must be a string (" + kindChoices(builtinKinds()) + ")");
        const std::optional<StepKind> kind = values.kindNamed(*fields.cat);
        if (!kind)
            return fail(eventPlace(index, "cat"), "unknown kind \"" + std::string(*fields.cat) +
                                                      "\" (use " + kindChoices(builtinKinds()) +
                                                      ")");
        const std::optional<std::size_t> task = taskOf(fields);
        if (!task)
            return badTid(index);
        if (!fields.step || !isWhole(*fields.step, 1, double(kMaxStepsPerTask)))
            return fail(eventPlace(index, "args.step"),
                        "must be the step's number, a whole number from 1 to " +
                            std::to_string(kMaxStepsPerTask));
        if (!fields.ms)
            return fail(eventPlace(index, "args.ms"), "must be a number of milliseconds");
        if (auto duration = checkDuration(eventPlace(index, "args.ms"), *fields.ms); !duration)
            return duration.error();
        for (const auto& [us, field] : {std::pair{fields.ts, "ts"}, std::pair{fields.dur, "dur"}})
            if (auto problem = checkTime(us, index, field))
                return problem;
        const bool wait = *kind != StepKind::Cpu;
        const double nominalUs = *fields.ms * 1000;
        // Within half a µs: the program may write the product as a float.
        if (wait && std::abs(*fields.dur - nominalUs) > 0.5)
            return fail(eventPlace(index, "dur"), "a wait lasts its nominal ms × 1000 µs (" +
                                                      quote(nominalUs) + "), not " +
                                                      quote(*fields.dur));
        if (wait) {
            if (auto problem = checkTime(fields.returned, index, "args.returned_us"))
                return problem;
            if (*fields.returned < *fields.ts)
                return fail(eventPlace(index, "args.returned_us"),
                            "the await returned at " + quote(*fields.returned) +
                                " µs, before it started (at " + quote(*fields.ts) + " µs)");
        }
        if (!totalStepsAllowed(ran.size() + 1))
            return checkTotalSteps(eventPlace(index), ran.size() + 1).error();
        const double endUs = *fields.ts + *fields.dur;
        ran.push_back({index, *task, std::size_t(*fields.step) - 1,
                       Step{*kind, static_cast<std::int64_t>(*fields.ms)}, *fields.ts, endUs,
                       wait ? *fields.returned : endUs});
        return std::nullopt;
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
    return std::nullopt;
}

// The tasks, named by their threads 1 to n, every one of them.
Result<Scenario> namedTasks(EventReader& reader, std::string subtitle) {
    if (!reader.title)
        return fail("traceEvents", "no process_name event (it names the scenario)");
    Scenario scenario{std::move(*reader.title), std::move(subtitle), {}};
    scenario.tasks.resize(reader.threads.size());
    for (std::size_t t = 0; t < reader.threads.size(); ++t) {
        if (!reader.threads[t])
            return fail("traceEvents", "no thread_name for tid " + std::to_string(t + 1) +
                                           " (the tasks are threads 1 to " +
                                           std::to_string(reader.threads.size()) + ", each named)");
        scenario.tasks[t].name = std::move(*reader.threads[t]);
    }
    return scenario;
}

// The steps that ran, grouped by task in step order: each task's steps 1 to n once each, none
// left out, and each starting no earlier than the step before it. Fills the scenario's steps.
Result<PerTask<MeasuredSegment>> stepsByTask(Scenario& scenario, const std::vector<RanStep>& ran) {
    const std::size_t tasks = scenario.tasks.size();
    PerTask<MeasuredSegment> segments;
    segments.offsets.assign(tasks + 1, 0);
    for (const RanStep& r : ran) {
        if (r.task >= tasks)
            return fail(eventPlace(r.event, "tid"),
                        "thread " + std::to_string(r.task + 1) +
                            " has no thread_name (the tasks are threads 1 to " +
                            std::to_string(tasks) + ", each named)");
        ++segments.offsets[r.task + 1];
    }
    for (std::size_t t = 0; t < tasks; ++t)
        segments.offsets[t + 1] += segments.offsets[t];
    // Each task's steps in file order, which is their start order: usually step order already.
    std::vector<std::size_t> order(ran.size());
    std::vector<std::size_t> next(segments.offsets.begin(), segments.offsets.end() - 1);
    for (std::size_t i = 0; i < ran.size(); ++i)
        order[next[ran[i].task]++] = i;
    const auto byStep = [&](std::size_t a, std::size_t b) { return ran[a].step < ran[b].step; };
    segments.items.reserve(ran.size());
    for (std::size_t t = 0; t < tasks; ++t) {
        const auto first = order.begin() + std::ptrdiff_t(segments.offsets[t]);
        const auto last = order.begin() + std::ptrdiff_t(segments.offsets[t + 1]);
        if (!std::is_sorted(first, last, byStep))
            std::stable_sort(first, last, byStep);
        std::vector<Step>& steps = scenario.tasks[t].steps;
        steps.reserve(std::size_t(last - first));
        for (auto it = first; it != last; ++it) {
            const RanStep& r = ran[*it];
            const std::size_t s = steps.size();
            if (s > 0 && r.step == s - 1)
                return fail(eventPlace(r.event, "args.step"),
                            describePlace(scenario, t + 1, s) + " ran twice (also " +
                                eventPlace(ran[*std::prev(it)].event) + ")");
            if (r.step != s)
                return fail(describePlace(scenario, t + 1, 0),
                            "no event for step " + std::to_string(s + 1) + ", though step " +
                                std::to_string(r.step + 1) +
                                " ran (a task's steps are 1 to n, none left out)");
            if (s > 0 && r.startUs < ran[*std::prev(it)].startUs)
                return fail(eventPlace(r.event, "ts"),
                            describePlace(scenario, t + 1, s + 1) + " starts at " +
                                quote(r.startUs) + " µs, before the step before it (at " +
                                quote(ran[*std::prev(it)].startUs) + " µs)");
            steps.push_back(r.nominal);
            segments.items.push_back(
                {r.startUs / 1000, r.endUs / 1000, r.resumedUs / 1000, r.nominal.kind});
        }
    }
    return segments;
}

Result<Recording> finishRecording(const std::optional<std::string>& rootKeys,
                                  const OtherData& other, bool eventsIsArray, EventReader& reader) {
    if (auto problem = checkHeader(rootKeys, other, eventsIsArray))
        return *problem;
    if (reader.problem)
        return *reader.problem;
    Result<Scenario> scenario = namedTasks(reader, std::string(*other.subtitle));
    if (!scenario)
        return scenario.error();
    Result<PerTask<MeasuredSegment>> segments = stepsByTask(scenario.value(), reader.ran);
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
                                 std::string(*other.python), *other.stretch)};
}

// Parses text[0, size) that has simdjson's padding readable after it; progress hears it as
// from to 1 (see ParseProgress).
Result<Recording> parsePadded(std::string_view text, const Progress& progress, double from) {
    std::optional<Result<Recording>> recording;
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

Result<Recording> parseRecording(std::string_view json, const Progress& progress) {
    const simdjson::padded_string padded(json.data(), json.size());
    return parsePadded(std::string_view(padded.data(), padded.size()), progress, 0);
}

Result<Recording> parseRecording(const FileBytes& bytes, const Progress& progress) {
    return parsePadded(bytes.view(), progress, kReadShare);
}

bool isChromeTrace(const FileBytes& bytes) {
    // A scenario file is told at memchr's speed: only a text that names the key is indexed.
    constexpr std::string_view key = "traceEvents";
    const std::string_view text = bytes.view();
    return ::memmem(text.data(), text.size(), key.data(), key.size()) && hasTopLevelKey(text, key);
}

} // namespace coroscope
