#pragma once

// The versioned JSON scenario file (see the README): reading, with one message naming the
// place and the rule for any file that is refused, and writing. The rules themselves are in
// scenariorules.h; this is only the format.

#include "progress.h"
#include "result.h"
#include "scenario.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace coroscope {

inline constexpr std::string_view kFormatName = "coroscope-scenario";
inline constexpr int kFormatVersion = 1;
// Covers the largest file serializeScenario() writes within the caps (100,000 names of 200
// control characters, each escaped in 6 bytes, and a million steps: about 146 MiB), so that
// what Coroscope writes it always reads back.
inline constexpr std::uint64_t kMaxFileBytes = 160ull * 1024 * 1024;

// Parses file contents; never half-loads. Messages have no path: "line L, column C: ..." for
// syntax, "task T \"name\", step S: rule" for schema (see describePlace and core/scenariorules.h).
// progress, if given, hears 0, then how far the parse has come (every 1,024 tasks or steps), then
// 1; once it says stop, the parse fails with cancelled() and nothing is kept.
Result<Scenario> parseScenario(std::string_view json, const Progress& progress = {});
// The file's bytes: compact JSON, one task a line, strings escaped as JSON requires, UTF-8 (a byte
// that is not part of valid UTF-8 is written as U+FFFD).
std::string serializeScenario(const Scenario& scenario);
// Reads a file (path bytes as the OS takes them, so any path the shell can name works);
// messages start with "<path>: ": "no such file", "is a directory, not a scenario file",
// the size cap, "cannot be read (<strerror>)", then the parse message. progress, if given, hears
// reading as 0 to 0.2 (by bytes, in pieces of 4 MiB; a pipe, whose size is unknown, stays at 0)
// and parsing as 0.2 to 1, and can stop either as parseScenario's can.
Result<Scenario> readScenarioFile(const std::string& path, const Progress& progress = {});

} // namespace coroscope
