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

// What Python's repr() escapes because str.isprintable() is false for it: controls (Cc),
// format characters that draw nothing or reorder the line (Cf: the soft hyphen, zero-width and
// bidirectional controls, the tag characters, musical symbol formatting), separators other
// than the space (Zs, Zl, Zp), private use (Co) and noncharacters. Of the unassigned code
// points (Cn) only those inside these ranges and the areas that no Unicode version assigns:
// a character a newer Unicode assigns stays as it is. Surrogates never get here (they are not
// valid UTF-8). In order, for the binary search.
constexpr std::array<CodePointRange, 26> kUnprintable{{
    {0x0000, 0x001F},    {0x007F, 0x00A0},   {0x00AD, 0x00AD},   {0x0600, 0x0605},
    {0x061C, 0x061C},    {0x06DD, 0x06DD},   {0x070F, 0x070F},   {0x0890, 0x0891},
    {0x08E2, 0x08E2},    {0x1680, 0x1680},   {0x180E, 0x180E},   {0x2000, 0x200F},
    {0x2028, 0x202F},    {0x205F, 0x206F},   {0x3000, 0x3000},   {0xE000, 0xF8FF},
    {0xFDD0, 0xFDEF},    {0xFEFF, 0xFEFF},   {0xFFF0, 0xFFFB},   {0x110BD, 0x110BD},
    {0x110CD, 0x110CD},  {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A},
    {0x40000, 0xE00FF},  // planes 4 to 13 (unassigned), and the tag characters' block
    {0xE01F0, 0x10FFFF}, // after the variation selectors: unassigned, then private use
}};

bool unprintable(char32_t c) {
    if ((c & 0xFFFE) == 0xFFFE) // U+FFFE, U+FFFF and the same two at the end of every plane
        return true;
    const auto after = std::upper_bound(kUnprintable.begin(), kUnprintable.end(), c,
                                        [](char32_t x, CodePointRange r) { return x < r.first; });
    return after != kUnprintable.begin() && c <= std::prev(after)->last;
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

// As repr() writes it: \xNN up to U+00FF, \uNNNN up to U+FFFF, \UNNNNNNNN above.
void appendEscape(std::string& out, char32_t c) {
    constexpr std::string_view hex = "0123456789abcdef";
    const int digits = c <= 0xFF ? 2 : c <= 0xFFFF ? 4 : 8;
    out += digits == 2 ? "\\x" : digits == 4 ? "\\u" : "\\U";
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
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
        } else if (unprintable(c)) {
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
