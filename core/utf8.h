#pragma once

// UTF-8 as the file format and the messages need it.

#include <cstddef>
#include <string_view>

namespace coroscope {

// Editors may start a UTF-8 file with it.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The length of the valid UTF-8 sequence that starts at text[at], or 0 when none does there
// (overlong forms, surrogates and code points past U+10FFFF are not valid).
std::size_t utf8Length(std::string_view text, std::size_t at);

} // namespace coroscope
