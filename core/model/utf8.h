#pragma once

// UTF-8 as the file format and the messages need it.

#include <cstddef>
#include <string_view>

namespace coroscope {

// Editors may start a UTF-8 file with it.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Whether a byte continues a character (10xxxxxx) rather than starting one: where text may be
// cut, and what counting characters skips.
inline bool isUtf8Continuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// The length of the valid UTF-8 sequence that starts at text[at], or 0 when none does there
// (overlong forms, surrogates and code points past U+10FFFF are not valid).
std::size_t utf8Length(std::string_view text, std::size_t at);

} // namespace coroscope
