#pragma once

// The versioned JSON scenario file (see the README): reading, with one message naming the
// place and the rule for any file that is refused, and writing. The rules themselves are in
// scenariorules.h; this is only the format.

#include "format/filebytes.h"
#include "model/progress.h"
#include "model/result.h"
#include "model/scenario.h"

#include <string>
#include <string_view>

namespace coroscope {

inline constexpr std::string_view kFormatName = "coroscope-scenario";
// The newest version this build reads. A file is written in the lowest version that holds
// its scenario (formatVersion): version 1 files stay readable by older builds.
inline constexpr int kFormatVersion = 2;

// Parses file contents (version 1 or 2); never half-loads. A version 2 file's table of kinds
// holds the built-ins, its resources in the order listed, then thread, spawn and join (those its
// steps use, in that order); spawns and joins name tasks, which become indices. Messages have no
// path: "line L, column C: ..." for syntax, "task T \"name\", step S: rule" for schema (see
// describePlace and core/scenariorules.h). progress, if given, hears 0, then how far the parse has
// come (every 1,024 tasks or steps), then 1; once it says stop, the parse fails with cancelled()
// and nothing is kept.
Result<Scenario> parseScenario(std::string_view json, const Progress& progress = {});

// How a JSON string literal is written: as the scenario files have it, or also safe inside an
// HTML <script> (<, >, & and U+2028/2029 as \uXXXX escapes, which JSON reads back the same).
enum class JsonEscape { File, ForScript };
// Appends a JSON string literal of text: UTF-8 as it is, U+FFFD for each byte that is not part
// of valid UTF-8 (as Qt's conversion did), so that every file written can be read back.
void appendJsonString(std::string& out, std::string_view text,
                      JsonEscape escape = JsonEscape::File);
// The same for a file's bytes (not copied); progress hears kReadShare to 1.
Result<Scenario> parseScenario(const FileBytes& bytes, const Progress& progress = {});
// The file's bytes, in the lowest version that holds the scenario (version 2 writes only what
// it uses: threads other than 4, the resources declared or restyled, start times): compact
// JSON, one task a line, strings escaped as JSON requires, UTF-8 (a byte
// that is not part of valid UTF-8 is written as U+FFFD).
std::string serializeScenario(const Scenario& scenario);
// Reads a file (see readFileBytes for how, and its messages), then parses it; a parse message
// starts with "<path>: " too. progress hears reading as 0 to kReadShare and parsing as the
// rest, and can stop either.
Result<Scenario> readScenarioFile(const std::string& path, const Progress& progress = {});

} // namespace coroscope
