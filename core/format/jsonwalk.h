#pragma once

// What Coroscope's JSON file formats (scenarios, recordings of a run) share on top of
// simdjson's on-demand parser: the walk of one document, with a syntax error located by
// jsonsyntax, a top level that must be an object and nothing after it; progress told as the
// walk goes; the keys of an object; a step's kind; a format's version. Private to core: only
// the formats' .cpp files include it, so that simdjson stays out of every public header.

#include "model/progress.h"
#include "model/result.h"
#include "model/stepkind.h"

#include <simdjson.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coroscope::json {

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
    // How many values between two reports: a report costs a call, so not one each.
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

    // One more value of the many a file holds (a task, a step, an event), starting at value;
    // throws Stopped when told to stop. Without a Progress the count never comes down to 0 (a
    // file holds far fewer than SIZE_MAX values).
    void tick(od::value& value) {
        if (--countdown_ == 0) [[unlikely]]
            report(value);
    }

private:
    double at(double part) const { return from_ + (1 - from_) * part; }
    void report(od::value& value);

    const Progress& progress_;
    double from_;
    std::size_t countdown_;
    std::string_view text_;
};

// ---- Values --------------------------------------------------------------------------------

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
od::field& fieldOf(simdjson::simdjson_result<od::field>& result);

// Whether a JSON string, given from just after its opening quote, is `word` written without
// escapes. Stops at the first difference, so it never reads past the closing quote.
bool isPlainly(const char* raw, std::string_view word);

// A JSON number as a double (an integer exactly, when it fits in 64 bits), or nullopt for
// another type: a file's 2.5 or 1e300 is judged by the rules, not by the parser.
std::optional<double> numberOf(od::value& value);

// Consumes a value nobody reads, checking it as far as is cheap (simdjson skips a value left
// alone without checking it): a string, number, true, false or null is parsed, and a syntax
// error in it throws like any other. An array or object is skipped: false says that only a scan
// of the whole text (jsonSyntaxError) can tell whether it is JSON.
bool skipChecked(od::value& value);

// ---- Step kinds ----------------------------------------------------------------------------

// The kinds' names, in table order, read once per file rather than once per step.
using KindNames = std::vector<std::string_view>;
KindNames kindNames(const KindTable& kinds);

// KindTable::find, without a call to memcmp for a few bytes.
std::optional<StepKind> kindNamed(const KindNames& names, std::string_view text);

// A kind as written, or nullopt when it is not a string. A kind's name written plainly (the
// common case) is found in place, without decoding a copy. Either way the value is consumed:
// simdjson skips a value left alone without checking what follows it.
std::optional<std::string_view> kindTextOf(const KindNames& names, od::value& value);

// "cpu, io or http".
std::string kindChoices(const KindTable& kinds);

// ---- Objects -------------------------------------------------------------------------------

// The keys of one object: each allowed key at most once, and (for problem()) no other key.
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

    // Whether every key was allowed and came once (problem() is then nullopt). listed and
    // newerKnown as for problem().
    bool allFine(std::size_t listed = N, bool newerKnown = false) const {
        return repeated_.empty() && !unknown_ && (newerKnown || (seen_ >> listed) == 0);
    }

    // Whether the allowed key at index i came.
    bool seen(std::size_t i) const { return (seen_ >> i) & 1u; }

    // What is wrong with the keys, without the place. Only the first listed allowed keys are
    // the file's version's; the others (a newer version's) count as unknown, unless newerKnown
    // (the caller words their problem itself). The message names the listed keys.
    std::optional<std::string> problem(std::size_t listed = N, bool newerKnown = false) const {
        if (auto repeated = repetition())
            return repeated;
        std::optional<std::string_view> unknown = unknown_;
        for (std::size_t i = listed; !newerKnown && i < N; ++i) {
            if (seen(i) && (!unknown || allowed_[i] < *unknown))
                unknown = allowed_[i]; // named as the Qt loader named unknown keys: sorted
        }
        if (unknown) {
            std::string allowed;
            for (std::size_t i = 0; i < listed && i < N; ++i)
                allowed.append(allowed.empty() ? "" : ", ").append(allowed_[i]);
            return "unknown key \"" + std::string(*unknown) + "\" (allowed: " + allowed + ")";
        }
        return std::nullopt;
    }

    // An allowed key that came twice, for objects that may hold other keys too.
    std::optional<std::string> repetition() const {
        if (repeated_.empty())
            return std::nullopt;
        return "the key \"" + std::string(repeated_) + "\" appears twice";
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

// A format's "version": a whole number from 1, at most newest (what this build reads).
Result<void> checkVersion(std::string_view place, std::optional<double> version, int newest);

// ---- Documents -----------------------------------------------------------------------------

// Reads the top-level object; returns its first problem, or nothing when it is fine.
using RootReader = std::function<std::optional<Error>(od::object root, ParseProgress& progress)>;

// Walks text[0, size), which has simdjson's padding readable after it: a leading byte order
// mark is skipped, an empty text or a top level other than an object is refused (the latter at
// place), and text that is not JSON gets the syntax error's place ("line L, column C: ...")
// whatever the reader found. progress hears it from `from` to just before 1 (see
// ParseProgress); once it says stop, the walk fails with cancelled(). Nothing when the reader
// found nothing wrong.
std::optional<Error> walkDocument(std::string_view text, const Progress& progress, double from,
                                  std::string_view place, const RootReader& read);

// Whether text (padded as walkDocument's) is a JSON object with this key at its top, looked at
// no further: what the text claims to be, before it is read.
bool hasTopLevelKey(std::string_view text, std::string_view key);

} // namespace coroscope::json
