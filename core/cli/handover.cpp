#include "cli/handover.h"

#include "cli/exitstatus.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include <unistd.h>

namespace coroscope {

int handOver(char* argv[], std::string_view relativePath) {
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error)
        return fileError(fail("/proc/self/exe", "cannot be read (" + error.message() + ")"));
    const std::string program = (self.parent_path() / relativePath).lexically_normal().string();
    execv(program.c_str(), argv);
    return fileError(fail(program, std::string("cannot be started (") + std::strerror(errno) +
                                       "; is the installation complete?)"));
}

} // namespace coroscope
