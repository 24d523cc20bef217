#include "scenarioformat.h"

#include "framearena.h"
#include "jsonsyntax.h"
#include "scenariorules.h"
#include "stepkind.h"
#include "utf8.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <optional>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <utility>
#include <vector>

namespace coroscope {

namespace {

namespace od = simdjson::ondemand;

// ---- Progress ------------------------------------------------------------------------------

// What the walk throws when its Progress says stop: it unwinds everything built so far.
struct Stopped {};

// The parse's share of the caller's progress: [from, 1]. Indexing the whole text (simdjson's
// first stage, one call that cannot be stopped: about a third of the time) takes the first
// kIndexShare of it, walking the values the rest, told by how far into the text the walk is.
class ParseProgress {
public:
    static constexpr double kIndexShare = 0.3;
    // How many tasks and steps between two reports: a report costs a call, so not one each.
    static constexpr std::size_t kValuesPerReport = 1024;

    ParseProgress(const Progress& progress, double from)
        : progress_(progress)
        , from_(from)
        , countdown_(progress ? kValuesPerReport : SIZE_MAX) {}

    // Before indexing, and after it: false to stop.
    bool atStart() const { return goOn(progress_, from_); }
    bool indexed() const { return goOn(progress_, at(kIndexShare)); }

    // Where the walked values start, to tell positions by.
    void walking(std::string_view text) { text_ = text; }

    // One more task or step, starting at value; throws Stopped when told to stop. Without a
    // Progress the count never comes down to 0 (a file holds far fewer than SIZE_MAX values).
    void tick(od::value& value) {
        if (--countdown_ == 0) [[unlikely]]
            report(value);
    }

private:
    double at(double part) const { return from_ + (1 - from_) * part; }

    [[gnu::noinline]] void report(od::value& value) {
        countdown_ = kValuesPerReport;
        const char* where = value.raw_json_token().data(); // peeks, consumes nothing
        const double walked =
            text_.empty() ? 0 : double(where - text_.data()) / double(text_.size());
        if (!progress_(at(kIndexShare + (1 - kIndexShare) * std::clamp(walked, 0.0, 1.0))))
            throw Stopped{};
    }

    const Progress& progress_;
    double from_;
    std::size_t countdown_;
    std::string_view text_;
};

// ---- The schema ----------------------------------------------------------------------------

// A value of type T, or nullopt when the value has another type. Any other error is a syntax
// error: it throws, the walk stops, and the scanner finds the place.
template <typename T> std::optional<T> as(simdjson::simdjson_result<T>&& result) {
    if (result.error() == simdjson::INCORRECT_TYPE)
        return std::nullopt;
    return std::move(result).value();
}

template <typename T> T take(simdjson::simdjson_result<T>&& result) {
    return std::move(result).value();
}

// A field of the object being iterated (simdjson's value() means the field's value here), used
// in place: copying it out costs a stall on every field.
od::field& fieldOf(simdjson::simdjson_result<od::field>& result) {
    if (const auto error = result.error())
        throw simdjson::simdjson_error(error);
    return const_cast<od::field&>(result.value_unsafe());
}

// Whether a JSON string, given from just after its opening quote, is `word` written without
// escapes. Stops at the first difference, so it never reads past the closing quote.
bool isPlainly(const char* raw, std::string_view word) {
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (raw[i] != word[i])
            return false;
    }
    return raw[word.size()] == '"';
}

// The kinds' names, read once per file rather than once per step.
using KindNames = std::array<std::string_view, kAllStepKinds.size()>;

KindNames kindNames() {
    KindNames names;
    for (std::size_t i = 0; i < names.size(); ++i)
        names[i] = kindName(kAllStepKinds[i]);
    return names;
}

// kindFromName, without a call to memcmp for a few bytes.
std::optional<StepKind> kindNamed(const KindNames& names, std::string_view text) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::size_t same = 0;
        while (same < names[i].size() && same < text.size() && names[i][same] == text[same])
            ++same;
        if (same == names[i].size() && same == text.size())
            return kAllStepKinds[i];
    }
    return std::nullopt;
}

// A step's kind as written, or nullopt when it is not a string. A kind's name written plainly
// (the common case) is found in place, without decoding a copy. Either way the value is
// consumed: simdjson skips a value left alone without checking what follows it.
std::optional<std::string_view> kindTextOf(const KindNames& names, od::value& value) {
    const std::string_view token = value.raw_json_token();
    if (token.starts_with('"')) {
        for (std::string_view name : names) {
            if (isPlainly(token.data() + 1, name)) {
                take(value.get_raw_json_string());
                return name;
            }
        }
    }
    return as(value.get_string());
}

// A duration as the file writes it: an integer, or any other JSON number as a double.
std::optional<double> millisecondsOf(od::value& value) {
    std::int64_t whole = 0;
    if (value.get_int64().get(whole) == simdjson::SUCCESS)
        return double(whole);
    return as(value.get_double());
}

constexpr std::array<std::string_view, 5> kRootKeys{"format", "version", "title", "subtitle",
                                                    "tasks"};
constexpr std::array<std::string_view, 2> kTaskKeys{"name", "steps"};
constexpr std::array<std::string_view, 2> kStepKeys{"kind", "ms"};

// The keys of one object: each allowed key at most once, no other key.
template <std::size_t N> class Keys {
public:
    static constexpr std::size_t kSkip = N;

    explicit Keys(const std::array<std::string_view, N>& allowed)
        : allowed_(allowed) {}

    // The field's index in the allowed list, or kSkip for a key whose value is not wanted.
    std::size_t note(od::field& field) {
        // Keys are plain words: compared as written first, decoded only when that fails.
        const char* raw = field.key().raw();
        for (std::size_t i = 0; i < N; ++i) {
            if (isPlainly(raw, allowed_[i]))
                return mark(i);
        }
        return noteDecoded(field);
    }

    // Whether every key was allowed and came once (problem() is then nullopt).
    bool allFine() const { return repeated_.empty() && !unknown_; }

    // What is wrong with the keys, without the place.
    std::optional<std::string> problem() const {
        if (!repeated_.empty())
            return "the key \"" + std::string(repeated_) + "\" appears twice";
        if (unknown_) {
            std::string allowed;
            for (std::string_view key : allowed_)
                allowed.append(allowed.empty() ? "" : ", ").append(key);
            return "unknown key \"" + std::string(*unknown_) + "\" (allowed: " + allowed + ")";
        }
        return std::nullopt;
    }

private:
    // note() for a key that is not an allowed word written plainly (kept out of line: rare).
    [[gnu::noinline]] std::size_t noteDecoded(od::field& field) {
        const std::string_view key = take(field.unescaped_key());
        for (std::size_t i = 0; i < N; ++i) {
            if (allowed_[i] == key)
                return mark(i);
        }
        if (!unknown_ || key < *unknown_)
            unknown_ = key; // the Qt loader named the first in sorted order
        return kSkip;
    }

    std::size_t mark(std::size_t i) {
        if (seen_ & (1u << i)) {
            repeated_ = repeated_.empty() ? allowed_[i] : repeated_;
            return kSkip;
        }
        seen_ |= 1u << i;
        return i;
    }

    const std::array<std::string_view, N>& allowed_;
    unsigned seen_ = 0;
    std::string_view repeated_;
    std::optional<std::string_view> unknown_;
};

// "cpu, io or http".
std::string kindChoices() {
    std::string choices;
    for (std::size_t i = 0; i < kAllStepKinds.size(); ++i) {
        choices.append(i == 0 ? "" : i + 1 == kAllStepKinds.size() ? " or " : ", ");
        choices.append(kindName(kAllStepKinds[i]));
    }
    return choices;
}

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
                ms = millisecondsOf(member);
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
                                 kindChoices() + ")");
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
    const KindNames kinds_ = kindNames();
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

Result<void> checkVersion(std::optional<double> version) {
    if (!version || *version != std::floor(*version) || *version < 1)
        return fail("scenario", "\"version\" must be a whole number from 1");
    if (*version > kFormatVersion) {
        char text[32];
        const auto written = std::to_chars(text, text + sizeof text, *version,
                                           std::chars_format::general, 6); // as Qt's arg()
        return fail("scenario", "version " + std::string(text, written.ptr) +
                                    " is newer than this Coroscope reads (up to " +
                                    std::to_string(kFormatVersion) + ")");
    }
    return done();
}

Result<Scenario> finishRoot(Scenario&& scenario, const Keys<5>& keys, const Root& root) {
    constexpr std::string_view top = "scenario";
    if (auto why = keys.problem())
        return fail(top, *why);
    if (!root.formatOk)
        return fail(top, "\"format\" must be \"" + std::string(kFormatName) +
                             "\" (this is not a Coroscope scenario)");
    if (auto version = checkVersion(root.version); !version)
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

// When simdjson fails where the scanner sees valid JSON: out of memory, or a disagreement
// between the two (the fuzz target turns that into a crash).
Error unlocatedFailure(simdjson::error_code code) {
#ifdef COROSCOPE_FUZZ_CHECKS
    if (code != simdjson::MEMALLOC && code != simdjson::CAPACITY)
        std::abort();
#endif
    return fail("scenario",
                std::string("cannot be parsed (") + simdjson::error_message(code) + ")");
}

bool isBlank(std::string_view text) {
    return text.find_first_not_of(" \t\n\v\f\r") == std::string_view::npos;
}

// Parses text[0, size) that has simdjson's padding readable after it; progress hears it as
// from to 1 (see ParseProgress).
Result<Scenario> parsePadded(std::string_view text, const Progress& tell, double from) {
    ParseProgress progress(tell, from);
    if (!progress.atStart())
        return cancelled();
    const std::size_t skip =
        text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0; // simdjson refuses it
    if (isBlank(text.substr(skip)))
        return fail("line 1, column 1", "the file is empty");
    std::optional<Result<Scenario>> walked;
    try {
        od::parser parser;
        od::document document = take(parser.iterate(
            simdjson::padded_string_view(text.data() + skip, text.size() - skip,
                                         text.size() - skip + simdjson::SIMDJSON_PADDING)));
        if (!progress.indexed())
            return cancelled();
        progress.walking(text);
        if (auto object = as(document.get_object())) {
            walked = readRoot(*object, text.size(), progress);
            if (*walked && document.current_location().error() != simdjson::OUT_OF_BOUNDS)
                throw simdjson::simdjson_error(simdjson::TRAILING_CONTENT);
        } else {
            walked = fail("scenario", "the top level must be a JSON object");
        }
    } catch (const simdjson::simdjson_error& error) {
        if (auto syntax = jsonSyntaxError(text))
            return *syntax;
        return unlocatedFailure(error.error());
    } catch (const Stopped&) {
        return cancelled();
    }
    // Whatever the schema says, a file that is not JSON is refused as such, as it always was.
    if (!*walked) {
        if (auto syntax = jsonSyntaxError(text))
            return *syntax;
    }
#ifdef COROSCOPE_FUZZ_CHECKS
    else if (jsonSyntaxError(text)) {
        std::abort(); // simdjson took what the scanner refuses
    }
#endif
    return std::move(*walked);
}

// ---- Files ---------------------------------------------------------------------------------

// Reading's share of readScenarioFile's progress; parsing has the rest.
constexpr double kReadShare = 0.2;

// A file's bytes with simdjson's padding allocated after them.
class PaddedBytes {
public:
    // What readAll returns when its Progress said stop.
    static constexpr int kStopped = -1;

    std::size_t size() const { return size_; }
    std::string_view view() const { return {data(), size_}; }

    // Reads to the end, or to one byte past the cap; errno on failure, kStopped when progress
    // says stop (asked after each piece, told bytes read / sizeHint as 0 to kReadShare), else 0.
    int readAll(int fd, std::size_t sizeHint, const Progress& progress) {
        constexpr std::size_t kLimit = kMaxFileBytes + 1;
        constexpr std::size_t kFirstChunk = 64 * 1024;
        // At most this much per read, so that progress moves and a stop is heard between pieces.
        constexpr std::size_t kPiece = 4 * 1024 * 1024;
        // One byte more than announced, so that the read that finds the end needs no growth.
        grow(std::min(kLimit, std::max(kFirstChunk, sizeHint + 1)));
        while (size_ < kLimit) {
            if (size_ == room_)
                grow(std::min(kLimit, room_ * 2));
            const ssize_t got = ::read(fd, data() + size_, std::min(kPiece, room_ - size_));
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0)
                return errno;
            if (got == 0)
                break;
            size_ += std::size_t(got);
            const double read = sizeHint > 0 ? std::min(1.0, double(size_) / double(sizeHint)) : 0;
            if (!goOn(progress, kReadShare * read))
                return kStopped;
        }
        std::memset(data() + size_, 0, simdjson::SIMDJSON_PADDING);
        return 0;
    }

private:
    char* data() const { return reinterpret_cast<char*>(data_.data()); }

    // A large file goes to huge pages (see LargeBuffer): most of the time of reading one is
    // otherwise spent on page faults.
    void grow(std::size_t room) {
        LargeBuffer bigger(room + simdjson::SIMDJSON_PADDING);
        if (size_ > 0)
            std::memcpy(bigger.data(), data(), size_);
        data_ = std::move(bigger);
        room_ = room;
    }

    LargeBuffer data_;
    std::size_t size_ = 0;
    std::size_t room_ = 0;
};

std::string cannotRead(int error) {
    return "cannot be read (" + std::generic_category().message(error) + ")";
}

std::string tooLarge(std::string_view size) {
    return std::string(size) + "; a scenario file may be at most " + std::to_string(kMaxFileBytes) +
           " bytes (" + std::to_string(kMaxFileBytes / (1024 * 1024)) + " MiB)";
}

} // namespace

Result<Scenario> parseScenario(std::string_view json, const Progress& progress) {
    const simdjson::padded_string padded(json.data(), json.size());
    Result<Scenario> parsed =
        parsePadded(std::string_view(padded.data(), padded.size()), progress, 0);
    if (parsed)
        (void)goOn(progress, 1);
    return parsed;
}

Result<Scenario> readScenarioFile(const std::string& path, const Progress& progress) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return fail(path, errno == ENOENT || errno == ENOTDIR ? "no such file" : cannotRead(errno));
    if (S_ISDIR(info.st_mode))
        return fail(path, "is a directory, not a scenario file");
    if (std::uint64_t(info.st_size) > kMaxFileBytes)
        return fail(path, tooLarge("is " + std::to_string(info.st_size) + " bytes"));
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(path, cannotRead(errno));
    if (!goOn(progress, 0)) {
        ::close(fd);
        return cancelled();
    }
    PaddedBytes bytes;
    const int error = bytes.readAll(fd, std::size_t(info.st_size), progress);
    ::close(fd);
    if (error == PaddedBytes::kStopped)
        return cancelled();
    if (error != 0)
        return fail(path, cannotRead(error));
    if (bytes.size() > kMaxFileBytes) // it grew, or announced no size (a pipe, /proc)
        return fail(path, tooLarge("is more than " + std::to_string(kMaxFileBytes) + " bytes"));
    Result<Scenario> parsed = parsePadded(bytes.view(), progress, kReadShare);
    if (!parsed) {
        if (parsed.error().cancelled)
            return parsed;
        return fail(path, parsed.error().message);
    }
    (void)goOn(progress, 1);
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
            appendJsonString(out, kindName(task.steps[s].kind));
            out += ",\"ms\":" + std::to_string(task.steps[s].ms) + "}";
        }
        out += "]}";
    }
    out += "\n]}\n";
    return out;
}

} // namespace coroscope
