#pragma once

// coroscope --record OUT.json SCRIPT.py [ARG...]: runs the script under the recorder
// (python/coroscope_record, shipped with the program) by starting python3 in this process's
// place, so that the script's arguments, standard input and output and exit status are its own;
// the recorder writes OUT.json when the script ends.

#include <optional>
#include <string_view>

namespace coroscope {

inline constexpr std::string_view kRecordOption = "--record";
inline constexpr std::string_view kRecordUsage = "coroscope --record OUT.json SCRIPT.py [ARG...]";

// Starts python3 with the recorder found at recorderFolder, relative to this executable's folder
// (its build-tree copy stands there as the installed one does), if argv asks for a recording
// (--record first); returns nullopt when it does not, else only when that fails, with the exit
// status after the message.
std::optional<int> runRecord(int argc, char* argv[], std::string_view recorderFolder);

} // namespace coroscope
