#include "cli/exitstatus.h"

#include "model/usertext.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

namespace coroscope {

// Messages quote file names and file content: control characters in them are shown, not
// sent to the terminal.
int fileError(const Error& error) {
    std::fprintf(stderr, "coroscope: %s\n", terminalSafe(error.message).c_str());
    return kBadFile;
}

int finishOutput() {
    std::cout.flush();
    if (std::cout)
        return kOk;
    return fileError(
        fail("standard output", std::string("cannot be written (") + std::strerror(errno) + ")"));
}

} // namespace coroscope
