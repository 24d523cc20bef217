#pragma once

// Runs python3 (the one CMake found: COROSCOPE_PYTHON3) as a user would, in a scratch folder of
// its own, and collects what it said. No Qt: the asyncio tests link the core only.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace coroscope::test {

// A folder for one test's files, removed with everything in it at the end.
class ScratchFolder {
public:
    ScratchFolder() {
        std::string name = (std::filesystem::temp_directory_path() / "coroscope-XXXXXX").string();
        if (::mkdtemp(name.data()))
            path_ = name;
    }
    ~ScratchFolder() {
        std::error_code ignored;
        if (!path_.empty())
            std::filesystem::remove_all(path_, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;

    std::string path(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

inline void writeText(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

inline std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct PythonRun {
    int exitCode = -1; // -1: did not start or did not exit normally
    std::string out;
    std::string err;
    double seconds = 0; // wall time, start-up included
};

// python3 with these arguments; its standard output and error go through files in folder.
inline PythonRun runPython(const ScratchFolder& folder, const std::vector<std::string>& arguments) {
    const std::string outPath = folder.path("python.out");
    const std::string errPath = folder.path("python.err");
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&files, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    std::vector<std::string> words{COROSCOPE_PYTHON3};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);

    PythonRun run;
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    int status = 0;
    if (posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), environ) == 0 &&
        ::waitpid(pid, &status, 0) == pid && WIFEXITED(status))
        run.exitCode = WEXITSTATUS(status);
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    posix_spawn_file_actions_destroy(&files);
    run.out = readText(outPath);
    run.err = readText(errPath);
    return run;
}

// For ASSERT_TRUE: a run that failed shows what Python said.
inline testing::AssertionResult succeeded(const PythonRun& run) {
    if (run.exitCode == 0)
        return testing::AssertionSuccess();
    return testing::AssertionFailure()
           << "python3 exited with " << run.exitCode << "; its standard error:\n"
           << run.err;
}

} // namespace coroscope::test
