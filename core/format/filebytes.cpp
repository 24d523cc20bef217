#include "format/filebytes.h"

#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace coroscope {

// Reads to the end, or to limit bytes (one past the cap); errno on failure, kStopped when
// progress says stop (asked after each piece, told bytes read / sizeHint as 0 to kReadShare),
// else 0.
int FileBytes::readAll(int fd, std::size_t limit, std::size_t sizeHint, const Progress& progress) {
    constexpr std::size_t kFirstChunk = 64 * 1024;
    // At most this much per read, so that progress moves and a stop is heard between pieces.
    constexpr std::size_t kPiece = 4 * 1024 * 1024;
    // One byte more than announced, so that the read that finds the end needs no growth.
    grow(std::min(limit, std::max(kFirstChunk, sizeHint + 1)));
    while (size_ < limit) {
        if (size_ == room_)
            grow(std::min(limit, room_ * 2));
        const ssize_t got = ::read(fd, data() + size_, std::min(kPiece, room_ - size_));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return errno;
        if (got == 0)
            break;
        size_ += std::size_t(got);
        const double read = sizeHint > 0 ? std::min(1.0, double(size_) / double(sizeHint)) : 0;
        if (!goOn(progress, kReadShare * read))
            return kStopped;
    }
    std::memset(data() + size_, 0, simdjson::SIMDJSON_PADDING);
    return 0;
}

// A large file goes to huge pages (see LargeBuffer): most of the time of reading one is
// otherwise spent on page faults.
void FileBytes::grow(std::size_t room) {
    LargeBuffer bigger(room + simdjson::SIMDJSON_PADDING);
    if (size_ > 0)
        std::memcpy(bigger.data(), data(), size_);
    data_ = std::move(bigger);
    room_ = room;
}

namespace {

std::string cannotRead(int error) {
    return "cannot be read (" + std::generic_category().message(error) + ")";
}

} // namespace

std::string atMost(std::uint64_t bytes) {
    return "at most " + std::to_string(bytes) + " bytes (" + std::to_string(bytes / (1024 * 1024)) +
           " MiB)";
}

SizeCap scenarioFileCap(std::uint64_t bytes) {
    return {bytes, "a scenario file may be " + atMost(bytes)};
}

Error tooLarge(std::string_view path, std::uint64_t size, const SizeCap& cap) {
    return fail(path, "is " + std::to_string(size) + " bytes; " + cap.rule);
}

Result<FileBytes> readFileBytes(const std::string& path, const Progress& progress,
                                const SizeCap& cap) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return fail(path, errno == ENOENT || errno == ENOTDIR ? "no such file" : cannotRead(errno));
    if (S_ISDIR(info.st_mode))
        return fail(path, "is a directory, not a scenario file");
    if (std::uint64_t(info.st_size) > cap.bytes)
        return tooLarge(path, std::uint64_t(info.st_size), cap);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(path, cannotRead(errno));
    if (!goOn(progress, 0)) {
        ::close(fd);
        return cancelled();
    }
    FileBytes bytes;
    const int error =
        bytes.readAll(fd, std::size_t(cap.bytes) + 1, std::size_t(info.st_size), progress);
    ::close(fd);
    if (error == FileBytes::kStopped)
        return cancelled();
    if (error != 0)
        return fail(path, cannotRead(error));
    if (bytes.size() > cap.bytes) // it grew, or announced no size (a pipe, /proc)
        return fail(path, "is more than " + std::to_string(cap.bytes) + " bytes; " + cap.rule);
    return bytes;
}

} // namespace coroscope
