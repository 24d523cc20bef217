#include "format/jsonsyntax.h"

#include "model/utf8.h"

#include <simdjson.h>

#include <charconv>
#include <string>
#include <vector>

namespace coroscope {

namespace {

namespace od = simdjson::ondemand;

struct SyntaxError {
    std::size_t offset; // of the offending byte; the text's size when it ends too early
    std::string what;
};

bool isJsonSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Where a bare token (a number or true/false/null) ends, as simdjson sees it.
bool endsToken(char c) {
    return isJsonSpace(c) || std::string_view("[]{},:").find(c) != std::string_view::npos;
}

// Up to 20 characters of a token, quoted, "..." when cut; nothing when it starts with a byte
// a message cannot show.
std::string quote(std::string_view token) {
    constexpr std::size_t kMaxCharacters = 20;
    std::size_t end = 0;
    for (std::size_t characters = 0; end < token.size() && characters < kMaxCharacters;
         ++characters) {
        const auto c = static_cast<unsigned char>(token[end]);
        const std::size_t length =
            c < 0x80 ? (c > 0x20 && c < 0x7F ? 1 : 0) : utf8Length(token, end);
        if (length == 0)
            break;
        end += length;
    }
    if (end == 0)
        return {};
    return " \"" + std::string(token.substr(0, end)) + (end < token.size() ? "...\"" : "\"");
}

// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool numberGrammar(std::string_view s) {
    std::size_t i = 0;
    const auto accept = [&](std::string_view chars) {
        if (i < s.size() && chars.find(s[i]) != std::string_view::npos) {
            ++i;
            return true;
        }
        return false;
    };
    const auto digits = [&] {
        const std::size_t from = i;
        while (accept("0123456789")) {
        }
        return i > from;
    };
    accept("-");
    if (!accept("0") && !digits())
        return false;
    if (accept(".") && !digits())
        return false;
    if (accept("eE")) {
        accept("+-");
        if (!digits())
            return false;
    }
    return i == s.size();
}

// Words for a bare token that is not a JSON value.
std::string badToken(std::string_view token) {
    const auto lower = [&](std::size_t i) {
        return i < token.size() ? char(token[i] | 0x20) : '\0';
    };
    const bool numberLike =
        std::string_view("+-.0123456789").find(token[0]) != std::string_view::npos ||
        (lower(0) == 'n' && lower(1) == 'a' && lower(2) == 'n') ||
        (lower(0) == 'i' && lower(1) == 'n' && lower(2) == 'f');
    return (numberLike ? "illegal number" : "illegal value") + quote(token);
}

// Finds the first byte that makes a text invalid JSON (RFC 8259, as simdjson applies it) and
// says in a few words what is wrong there. simdjson tells that a text is broken but not where,
// so this runs only when a file is refused; it is written for clarity, not speed.
class SyntaxScanner {
public:
    explicit SyntaxScanner(std::string_view text)
        : text_(text)
        , pos_(text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0) {}

    std::optional<SyntaxError> firstError() {
        Expect next = Expect::Value;
        while (next != Expect::Nothing)
            next = step(next);
        return problem_;
    }

private:
    enum class Expect {
        Value,
        FirstElement,
        ElementAfterComma,
        FirstKey,
        KeyAfterComma,
        After,
        Nothing
    };
    static constexpr std::size_t kMaxDepth = 1024; // as the Qt loader allowed

    Expect step(Expect expect) {
        while (pos_ < text_.size() && isJsonSpace(text_[pos_]))
            ++pos_;
        switch (expect) {
        case Expect::Value:
        case Expect::FirstElement:
        case Expect::ElementAfterComma:
            return value(expect);
        case Expect::FirstKey:
        case Expect::KeyAfterComma:
            return key(expect);
        case Expect::After:
            return after();
        case Expect::Nothing:
            break;
        }
        return Expect::Nothing;
    }

    Expect refuse(std::size_t at, std::string what) {
        if (at < text_.size() && static_cast<unsigned char>(text_[at]) >= 0x80 &&
            utf8Length(text_, at) == 0)
            what = "invalid UTF-8"; // whatever was expected there, this byte is the fault
        problem_ = SyntaxError{at, std::move(what)};
        return Expect::Nothing;
    }
    Expect refuseEnd() {
        if (stack_.empty())
            return refuse(pos_, "the file is empty");
        return refuse(pos_, stack_.back() == '[' ? "unterminated array" : "unterminated object");
    }

    Expect value(Expect expect) {
        if (pos_ == text_.size())
            return refuseEnd();
        switch (text_[pos_]) {
        case '{':
            return open(Expect::FirstKey);
        case '[':
            return open(Expect::FirstElement);
        case '"':
            return string() ? Expect::After : Expect::Nothing;
        case ']':
            if (expect == Expect::FirstElement)
                return close();
            [[fallthrough]];
        case '}':
        case ',':
        case ':':
            return refuse(pos_, expect == Expect::ElementAfterComma
                                    ? "a value expected after a comma"
                                    : "a value expected");
        default:
            return token();
        }
    }

    Expect key(Expect expect) {
        if (pos_ == text_.size())
            return refuseEnd();
        if (text_[pos_] == '}' && expect == Expect::FirstKey)
            return close();
        if (text_[pos_] != '"')
            return refuse(pos_, expect == Expect::FirstKey ? "a key or } expected"
                                                           : "a key expected after a comma");
        if (!string())
            return Expect::Nothing;
        while (pos_ < text_.size() && isJsonSpace(text_[pos_]))
            ++pos_;
        if (pos_ == text_.size())
            return refuseEnd();
        if (text_[pos_] != ':')
            return refuse(pos_, "a colon expected after the key");
        ++pos_;
        return Expect::Value;
    }

    Expect after() {
        if (stack_.empty())
            return pos_ == text_.size() ? Expect::Nothing
                                        : refuse(pos_, "trailing content after the document");
        if (pos_ == text_.size())
            return refuseEnd();
        const bool array = stack_.back() == '[';
        if (text_[pos_] == ',') {
            ++pos_;
            return array ? Expect::ElementAfterComma : Expect::KeyAfterComma;
        }
        if (text_[pos_] == (array ? ']' : '}'))
            return close();
        return refuse(pos_, array ? "a comma or ] expected" : "a comma or } expected");
    }

    Expect open(Expect next) {
        if (stack_.size() == kMaxDepth)
            return refuse(pos_, "too deeply nested");
        stack_.push_back(text_[pos_++]);
        return next;
    }
    Expect close() {
        ++pos_;
        stack_.pop_back();
        return Expect::After;
    }

    // A string from its opening quote; false (with the problem noted) when it is broken.
    bool string() {
        ++pos_;
        while (pos_ < text_.size()) {
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c == '\\') {
                if (!escape())
                    return false;
            } else if (c < 0x20) {
                refuse(pos_, "unescaped control character in a string");
                return false;
            } else {
                const std::size_t length = utf8Length(text_, pos_);
                if (length == 0) {
                    refuse(pos_, "invalid UTF-8");
                    return false;
                }
                pos_ += length;
            }
        }
        refuse(pos_, "unterminated string");
        return false;
    }

    bool escape() {
        const std::size_t at = pos_;
        if (at + 1 == text_.size()) {
            refuse(text_.size(), "unterminated string");
            return false;
        }
        const char kind = text_[at + 1];
        if (std::string_view("\"\\/bfnrt").find(kind) != std::string_view::npos) {
            pos_ += 2;
            return true;
        }
        const auto unit = kind == 'u' ? hex4(at + 2) : std::nullopt;
        if (!unit) {
            refuse(at, "invalid escape" + quote(text_.substr(at, kind == 'u' ? 6 : 2)));
            return false;
        }
        pos_ += 6;
        if (*unit >= 0xD800 && *unit <= 0xDFFF) { // a surrogate: a high one then a low one
            const auto low = text_.substr(pos_, 2) == "\\u" ? hex4(pos_ + 2) : std::nullopt;
            if (*unit >= 0xDC00 || !low || *low < 0xDC00 || *low > 0xDFFF) {
                refuse(at, "unpaired surrogate" + quote(text_.substr(at, 6)));
                return false;
            }
            pos_ += 6;
        }
        return true;
    }

    std::optional<unsigned> hex4(std::size_t at) const {
        if (at + 4 > text_.size())
            return std::nullopt;
        unsigned unit = 0;
        const char* first = text_.data() + at;
        const auto [end, error] = std::from_chars(first, first + 4, unit, 16);
        if (error != std::errc() || end != first + 4) // from_chars takes no sign for unsigned
            return std::nullopt;
        return unit;
    }

    // A number or true/false/null.
    Expect token() {
        std::size_t end = pos_;
        while (end < text_.size() && !endsToken(text_[end]))
            ++end;
        const std::string_view token = text_.substr(pos_, end - pos_);
        const bool fine = token == "true" || token == "false" || token == "null" ||
                          (numberGrammar(token) && fitsDouble(token));
        if (!fine)
            return refuse(pos_, badToken(token));
        pos_ = end;
        return Expect::After;
    }

    // Whether a number with JSON's grammar is one a double holds. simdjson refuses those too
    // large; those too small to be told from zero (1e-400) it reads as 0, and the Qt loader
    // refused them: so does this, and the number is asked of simdjson itself, in an array as
    // in a file, so that both agree.
    bool fitsDouble(std::string_view number) {
        constexpr std::size_t kAlwaysFits = 15; // no exponent and so few digits: always fits
        const std::size_t exponent = number.find_first_of("eE");
        if (number.size() <= kAlwaysFits && exponent == std::string_view::npos)
            return true;
        numberText_.assign("[").append(number).append("]");
        const std::size_t length = numberText_.size();
        numberText_.append(simdjson::SIMDJSON_PADDING, ' ');
        od::document document;
        if (numberParser_
                .iterate(
                    simdjson::padded_string_view(numberText_.data(), length, numberText_.size()))
                .get(document))
            return false;
        for (auto element : document.get_array()) {
            double value = 0;
            if (element.get_double().get(value) != simdjson::SUCCESS)
                return false;
            const bool zeroWritten =
                number.substr(0, exponent).find_first_of("123456789") == std::string_view::npos;
            return value != 0 || zeroWritten;
        }
        return false;
    }

    std::string_view text_;
    std::size_t pos_;
    std::vector<char> stack_; // the open '[' and '{'
    std::optional<SyntaxError> problem_;
    od::parser numberParser_;
    std::string numberText_;
};

// "line L, column C: what (not valid JSON)"; columns count characters, not bytes.
Error syntaxMessage(std::string_view text, const SyntaxError& error) {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0; i < error.offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if (!isUtf8Continuation(text[i])) {
            ++column; // the first byte of a character
        }
    }
    return fail("line " + std::to_string(line) + ", column " + std::to_string(column),
                error.what + " (not valid JSON)");
}

} // namespace

std::optional<Error> jsonSyntaxError(std::string_view text) {
    if (auto syntax = SyntaxScanner(text).firstError())
        return syntaxMessage(text, *syntax);
    return std::nullopt;
}

} // namespace coroscope
