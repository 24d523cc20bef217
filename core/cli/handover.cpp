#include "cli/handover.h"

#include "cli/exitstatus.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include <unistd.h>

namespace coroscope {

Result<std::filesystem::path> ownFolder() {
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error)
        return fail("/proc/self/exe", "cannot be read (" + error.message() + ")");
    return self.parent_path();
}

int handOver(char* argv[], std::string_view relativePath) {
    const Result<std::filesystem::path> own = ownFolder();
    if (!own)
        return fileError(own.error());
    const std::string program = (own.value() / relativePath).lexically_normal().string();
    execv(program.c_str(), argv);
    return fileError(fail(program, std::string("cannot be started (") + std::strerror(errno) +
                                       "; is the installation complete?)"));
}

} // namespace coroscope
