#include "cli/record.h"

#include "cli/exitstatus.h"
#include "cli/handover.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

namespace coroscope {

std::optional<int> runRecord(int argc, char* argv[], std::string_view recorderFolder) {
    if (argc < 2 || argv[1] != kRecordOption)
        return std::nullopt;
    if (argc < 4) {
        std::fprintf(stderr,
                     "coroscope: --record needs OUT.json and SCRIPT.py (%s)\n"
                     "Try 'coroscope --help'.\n",
                     kRecordUsage.data());
        return kUsage;
    }
    const Result<std::filesystem::path> own = ownFolder();
    if (!own)
        return fileError(own.error());
    const std::filesystem::path folder = (own.value() / recorderFolder).lexically_normal();
    std::error_code error;
    if (!std::filesystem::is_regular_file(folder / "coroscope_record" / "__main__.py", error))
        return fileError(fail((folder / "coroscope_record").string(),
                              "the recorder is missing (is the installation complete?)"));
    // The recorder first on the module path; what the user's own path holds after it.
    std::string path = folder.string();
    if (const char* user = std::getenv("PYTHONPATH"); user && *user)
        path.append(":").append(user);
    if (::setenv("PYTHONPATH", path.c_str(), 1) != 0)
        return fileError(
            fail("PYTHONPATH", std::string("cannot be set (") + std::strerror(errno) + ")"));
    // -B: no byte code written beside the installed recorder (a package's files stay its own).
    std::vector<char*> arguments{const_cast<char*>("python3"), const_cast<char*>("-B"),
                                 const_cast<char*>("-m"), const_cast<char*>("coroscope_record")};
    arguments.insert(arguments.end(), argv + 2, argv + argc);
    arguments.push_back(nullptr);
    ::execvp("python3", arguments.data());
    return fileError(fail("python3", std::string("cannot be started (") + std::strerror(errno) +
                                         "; --record runs the script with it: install python3)"));
}

} // namespace coroscope
