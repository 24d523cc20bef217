#include "asyncio/pythontext.h"

#include "model/utf8.h"

#include <algorithm>
#include <array>

namespace coroscope {

namespace {

struct CodePointRange {
    char32_t first;
    char32_t last;
};

// Characters Python's repr() escapes because they are not printable: line and paragraph
// separators, and the format characters that draw nothing or reorder the line (the bidi
// controls of "Trojan Source"). The control characters are handled before.
constexpr std::array<CodePointRange, 8> kUnseen{{
    {0x00AD, 0x00AD},
    {0x061C, 0x061C},
    {0x180E, 0x180E},
    {0x200B, 0x200F},
    {0x2028, 0x202E},
    {0x2060, 0x206F},
    {0xFEFF, 0xFEFF},
    {0xFFF9, 0xFFFB},
}};

bool unseen(char32_t c) {
    return std::any_of(kUnseen.begin(), kUnseen.end(),
                       [c](CodePointRange r) { return c >= r.first && c <= r.last; });
}

// The code point of a valid UTF-8 sequence.
char32_t decode(std::string_view sequence) {
    const auto byte = [&](std::size_t i) {
        return char32_t(static_cast<unsigned char>(sequence[i]));
    };
    switch (sequence.size()) {
    case 1:
        return byte(0);
    case 2:
        return (byte(0) & 0x1F) << 6 | (byte(1) & 0x3F);
    case 3:
        return (byte(0) & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F);
    default:
        return (byte(0) & 0x07) << 18 | (byte(1) & 0x3F) << 12 | (byte(2) & 0x3F) << 6 |
               (byte(3) & 0x3F);
    }
}

// \xNN up to U+00FF, \uNNNN above (every character escaped here is in the first plane).
void appendEscape(std::string& out, char32_t c) {
    constexpr std::string_view hex = "0123456789abcdef";
    out += c <= 0xFF ? "\\x" : "\\u";
    for (int shift = c <= 0xFF ? 4 : 12; shift >= 0; shift -= 4)
        out += hex[(c >> shift) & 0xF];
}

// text with Python's string escapes; quote (when not 0) escaped too.
void appendEscaped(std::string& out, std::string_view text, char quote) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8Length(text, i);
        if (length == 0) {
            out += "\xEF\xBF\xBD"; // U+FFFD
            ++i;
            continue;
        }
        const std::string_view sequence = text.substr(i, length);
        i += length;
        const char32_t c = decode(sequence);
        if (c == '\\' || (quote != 0 && c == char32_t(quote))) {
            out += '\\';
            out += char(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || unseen(c)) {
            appendEscape(out, c);
        } else {
            out += sequence;
        }
    }
}

} // namespace

std::string pythonStringLiteral(std::string_view text) {
    std::string literal = "\"";
    appendEscaped(literal, text, '"');
    literal += '"';
    return literal;
}

std::string pythonCommentText(std::string_view text) {
    std::string comment;
    appendEscaped(comment, text, 0);
    return comment;
}

} // namespace coroscope
