#include "format/jsonwalk.h"

#include "format/jsonsyntax.h"
#include "model/utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace coroscope::json {

[[gnu::noinline]] void ParseProgress::report(od::value& value) {
    countdown_ = kValuesPerReport;
    const char* where = value.raw_json_token().data(); // peeks, consumes nothing
    const double walked = text_.empty() ? 0 : double(where - text_.data()) / double(text_.size());
    if (!progress_(at(kIndexShare + (1 - kIndexShare) * std::clamp(walked, 0.0, 1.0))))
        throw Stopped{};
}

od::field& fieldOf(simdjson::simdjson_result<od::field>& result) {
    if (const auto error = result.error())
        throw simdjson::simdjson_error(error);
    return const_cast<od::field&>(result.value_unsafe());
}

bool isPlainly(const char* raw, std::string_view word) {
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (raw[i] != word[i])
            return false;
    }
    return raw[word.size()] == '"';
}

std::optional<double> numberOf(od::value& value) {
    std::int64_t whole = 0;
    if (value.get_int64().get(whole) == simdjson::SUCCESS)
        return double(whole);
    return as(value.get_double());
}

bool skipChecked(od::value& value) {
    switch (take(value.type())) {
    case od::json_type::array:
    case od::json_type::object:
        return false;
    case od::json_type::number:
        take(value.get_double());
        return true;
    case od::json_type::string:
        take(value.get_string());
        return true;
    case od::json_type::boolean:
        take(value.get_bool());
        return true;
    case od::json_type::null:
        if (!take(value.is_null()))
            throw simdjson::simdjson_error(simdjson::N_ATOM_ERROR);
        return true;
    }
    return true;
}

KindNames kindNames(const KindTable& kinds) {
    KindNames names;
    for (StepKind kind : kinds.all())
        names.push_back(kinds[kind].name);
    return names;
}

std::optional<StepKind> kindNamed(const KindNames& names, std::string_view text) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (text.data() == names[i].data() && text.size() == names[i].size())
            return StepKind{std::uint16_t(i)}; // kindTextOf's answer: the table's own name
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::size_t same = 0;
        while (same < names[i].size() && same < text.size() && names[i][same] == text[same])
            ++same;
        if (same == names[i].size() && same == text.size())
            return StepKind{std::uint16_t(i)};
    }
    return std::nullopt;
}

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

std::string kindChoices(const KindTable& kinds) {
    std::string choices;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        choices.append(i == 0 ? "" : i + 1 == kinds.size() ? " or " : ", ");
        choices.append(kinds[StepKind{std::uint16_t(i)}].name);
    }
    return choices;
}

Result<void> checkVersion(std::string_view place, std::optional<double> version, int newest) {
    if (!version || *version != std::floor(*version) || *version < 1)
        return fail(place, "\"version\" must be a whole number from 1");
    if (*version > newest) {
        char text[32];
        const auto written = std::to_chars(text, text + sizeof text, *version,
                                           std::chars_format::general, 6); // as Qt's arg()
        return fail(place, "version " + std::string(text, written.ptr) +
                               " is newer than this Coroscope reads (up to " +
                               std::to_string(newest) + ")");
    }
    return done();
}

namespace {

// When simdjson fails where the scanner sees valid JSON: out of memory, or a disagreement
// between the two (the fuzz target turns that into a crash).
Error unlocatedFailure(std::string_view place, simdjson::error_code code) {
#ifdef COROSCOPE_FUZZ_CHECKS
    if (code != simdjson::MEMALLOC && code != simdjson::CAPACITY)
        std::abort();
#endif
    return fail(place, std::string("cannot be parsed (") + simdjson::error_message(code) + ")");
}

bool isBlank(std::string_view text) {
    return text.find_first_not_of(" \t\n\v\f\r") == std::string_view::npos;
}

// Indexes padded text; a leading byte order mark is skipped (simdjson refuses it).
od::document iterate(od::parser& parser, std::string_view text) {
    const std::size_t skip = text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
    return take(parser.iterate(simdjson::padded_string_view(
        text.data() + skip, text.size() - skip, text.size() - skip + simdjson::SIMDJSON_PADDING)));
}

} // namespace

std::optional<Error> walkDocument(std::string_view text, const Progress& tell, double from,
                                  std::string_view place, const RootReader& read) {
    ParseProgress progress(tell, from);
    if (!progress.atStart())
        return cancelled();
    if (isBlank(text.substr(text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0)))
        return fail("line 1, column 1", "the file is empty");
    std::optional<Error> problem;
    try {
        od::parser parser;
        od::document document = iterate(parser, text);
        if (!progress.indexed())
            return cancelled();
        progress.walking(text);
        if (auto object = as(document.get_object())) {
            problem = read(*object, progress);
            if (!problem && document.current_location().error() != simdjson::OUT_OF_BOUNDS)
                throw simdjson::simdjson_error(simdjson::TRAILING_CONTENT);
        } else {
            problem = fail(place, "the top level must be a JSON object");
        }
    } catch (const simdjson::simdjson_error& error) {
        if (auto syntax = jsonSyntaxError(text))
            return syntax;
        return unlocatedFailure(place, error.error());
    } catch (const Stopped&) {
        return cancelled();
    }
    // Whatever the reader says, a file that is not JSON is refused as such.
    if (problem) {
        if (auto syntax = jsonSyntaxError(text))
            return syntax;
    }
#ifdef COROSCOPE_FUZZ_CHECKS
    else if (jsonSyntaxError(text)) {
        std::abort(); // simdjson took what the scanner refuses
    }
#endif
    return problem;
}

bool hasTopLevelKey(std::string_view text, std::string_view key) {
    try {
        od::parser parser;
        od::document document = iterate(parser, text);
        for (auto field : take(document.get_object()))
            if (take(fieldOf(field).unescaped_key()) == key)
                return true;
    } catch (const simdjson::simdjson_error&) {
        // not JSON, or not an object: it claims nothing
    }
    return false;
}

} // namespace coroscope::json
