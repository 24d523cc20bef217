#pragma once

// User text (names, titles) inside generated Python source, where a reader sees it and Python
// parses it: a string literal that holds exactly the text, or a comment that shows it on one
// line. Either way no character can end the line, and none that hides or reorders what a
// reader sees passes unescaped: what repr() escapes (controls, format characters such as the
// bidirectional, zero-width and tag characters, separators other than the space, private use,
// noncharacters) is escaped the way repr() writes it. Bytes that are not valid UTF-8 become
// U+FFFD, as the scenario file writes them.

#include <string>
#include <string_view>

namespace coroscope {

// "Task \"1\"\n": a double-quoted literal with Python's escapes.
std::string pythonStringLiteral(std::string_view text);
// Task "1"\n: the literal's escapes without its quotes, for after a "# ".
std::string pythonCommentText(std::string_view text);

} // namespace coroscope
