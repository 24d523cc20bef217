#pragma once

// Text that comes from files or the command line, made safe to show: shortened inside
// messages (a 60 MB name must not make a 60 MB message), and made inert on a terminal
// (an escape sequence in a task name must not retitle the user's terminal).

#include <cstddef>
#include <string>
#include <string_view>

namespace coroscope {

inline constexpr std::size_t kQuotedChars = 60;

// At most maxChars characters, cut at a character boundary, with "…" when cut.
std::string shortened(std::string_view text, std::size_t maxChars = kQuotedChars);

// Control characters (C0, DEL and C1) written as visible escapes: \n, \t, \x1b, \u009b.
// Everything else, and any byte that is not valid UTF-8, passes as it is.
std::string terminalSafe(std::string_view text);

} // namespace coroscope
