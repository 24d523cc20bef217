#pragma once

// A file read whole for the JSON parser: its bytes, with padding after them that the parser
// may read past the end (so they are never copied again), read in pieces so that progress
// moves and can stop it. Scenario files and recordings of a run are read alike.

#include "model/largebuffer.h"
#include "model/progress.h"
#include "model/result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace coroscope {

// Covers the largest file serializeScenario() writes within the caps (100,000 names of 200
// control characters, each escaped in 6 bytes, and a million steps: about 146 MiB), so that
// what Coroscope writes it always reads back.
inline constexpr std::uint64_t kMaxFileBytes = 160ull * 1024 * 1024;
// Reading's share of a file's progress; parsing has the rest.
inline constexpr double kReadShare = 0.2;

// The most bytes a read takes, and the rule a larger file is refused with ("a scenario file
// may be at most 167772160 bytes (160 MiB)").
struct SizeCap {
    std::uint64_t bytes;
    std::string rule;
};
// "at most 167772160 bytes (160 MiB)", for a cap's rule.
std::string atMost(std::uint64_t bytes);
// A scenario file's cap (kMaxFileBytes unless a test makes it small).
SizeCap scenarioFileCap(std::uint64_t bytes = kMaxFileBytes);
// "<path>: is <size> bytes; <the cap's rule>".
Error tooLarge(std::string_view path, std::uint64_t size, const SizeCap& cap);

class FileBytes;

// Reads a file (path bytes as the OS takes them, so any path the shell can name works);
// messages start with "<path>: ": "no such file", "is a directory, not a scenario file",
// the size cap (a file larger than cap.bytes is refused with cap.rule, before any read when
// its size is known), "cannot be read (<strerror>)". progress, if given, hears 0 to kReadShare
// (by bytes, in pieces of 4 MiB; a pipe, whose size is unknown, stays at 0); once it says
// stop, the read fails with cancelled().
Result<FileBytes> readFileBytes(const std::string& path, const Progress& progress = {},
                                const SizeCap& cap = scenarioFileCap());

class FileBytes {
public:
    std::size_t size() const { return size_; }
    // The bytes; the parser's padding is readable after them.
    std::string_view view() const { return {data(), size_}; }

private:
    friend Result<FileBytes> readFileBytes(const std::string& path, const Progress& progress,
                                           const SizeCap& cap);
    // What readAll returns when its Progress said stop.
    static constexpr int kStopped = -1;

    char* data() const { return reinterpret_cast<char*>(data_.data()); }
    int readAll(int fd, std::size_t limit, std::size_t sizeHint, const Progress& progress);
    void grow(std::size_t room);

    LargeBuffer data_;
    std::size_t size_ = 0;
    std::size_t room_ = 0;
};

// A parse's failure as the file's: "<path>: why" (a cancelled one stays as it is).
inline Error failedIn(const std::string& path, const Error& error) {
    return error.cancelled ? error : fail(path, error.message);
}

} // namespace coroscope
