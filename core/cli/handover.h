#pragma once

// The launcher's way to the full program: the Qt program is a second executable, started in
// this process's place (exec) with the same arguments and environment, so that it answers
// exactly as if it had been started itself.

#include "model/result.h"

#include <filesystem>
#include <string_view>

namespace coroscope {

// The folder of this executable (/proc/self/exe), or why it cannot be told.
Result<std::filesystem::path> ownFolder();

// Runs the executable at relativePath from this executable's folder (/proc/self/exe, so it
// holds wherever the pair is installed or built); returns only when that fails, with the exit
// status after the message.
int handOver(char* argv[], std::string_view relativePath);

} // namespace coroscope
