#pragma once

// Where a text stops being JSON, and how: simdjson says that a document is broken; this scan
// of the bytes finds the first offending character and names the fault, for a message that
// reads "line L, column C: what (not valid JSON)" (columns count characters, not bytes).

#include "model/result.h"

#include <optional>
#include <string_view>

namespace coroscope {

// The first syntax error of text, or nothing when it is JSON (RFC 8259, at most 1024 levels
// deep, a leading UTF-8 byte order mark allowed).
std::optional<Error> jsonSyntaxError(std::string_view text);

} // namespace coroscope
