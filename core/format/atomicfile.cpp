#include "format/atomicfile.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string_view>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace coroscope {

namespace {

std::string errnoText(int error) {
    return std::strerror(error);
}

std::string folderOf(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// The start of the target's name that the temporary name borrows: as much as fits in
// NAME_MAX bytes beside room for the rest ("." + name + ".<9 digits>.tmp"), cut at a UTF-8
// character's start, so that a target of any allowed name length can be written.
std::string borrowedName(const std::string& base) {
    constexpr std::size_t kRoom =
        NAME_MAX - std::string_view(".").size() - std::string_view(".999999999.tmp").size();
    std::size_t keep = std::min(base.size(), kRoom);
    while (keep > 0 && keep < base.size() &&
           (static_cast<unsigned char>(base[keep]) & 0xc0) == 0x80)
        --keep; // base[keep] continues a character: cut before that character
    return base.substr(0, keep);
}

// A name beside the target that nobody else uses: O_EXCL guarantees it.
int openTemporary(const std::string& target, std::string& name) {
    std::random_device entropy;
    std::mt19937_64 random(entropy());
    const std::string folder = folderOf(target);
    const std::string borrowed = borrowedName(target.substr(target.rfind('/') + 1));
    for (int attempt = 0; attempt < 100; ++attempt) {
        name = folder + "/." + borrowed + "." + std::to_string(random() % 1'000'000'000) + ".tmp";
        // 0666 less the umask, as any new file the user makes.
        const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

// Root may write anything, so for root the rule is the one editors apply: a file marked
// read-only for everyone is not replaced. Anyone else: what the kernel would let us do.
bool forbidsWritingFile(const std::string& file, const struct stat& info) {
    if (::geteuid() == 0)
        return (info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0;
    return ::access(file.c_str(), W_OK) != 0;
}

} // namespace

bool AtomicFile::forbidsWriting(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
           forbidsWritingFile(path, info);
}

Error AtomicFile::cannotWrite(std::string_view path, std::string_view why) {
    return fail(path, "cannot be written (" + std::string(why) + ")");
}

Result<AtomicFile> AtomicFile::create(const std::string& path) {
    std::string target = path;
    struct stat info {};
    if (::lstat(path.c_str(), &info) == 0) {
        if (S_ISLNK(info.st_mode)) { // write what the link points at, as an editor does
            char resolved[PATH_MAX];
            if (!::realpath(path.c_str(), resolved) || ::stat(resolved, &info) != 0)
                return cannotWrite(path, "it is a link to nothing");
            target = resolved;
        }
        if (S_ISDIR(info.st_mode))
            return cannotWrite(path, "it is a directory");
        if (!S_ISREG(info.st_mode))
            return cannotWrite(path, "it is not a regular file");
        if (forbidsWritingFile(target, info))
            return cannotWrite(path, "no permission: the file is read-only");
    }
    std::string temporary;
    const int fd = openTemporary(target, temporary);
    if (fd < 0)
        return cannotWrite(path, errnoText(errno));
    if (S_ISREG(info.st_mode))
        ::fchmod(fd, info.st_mode & 07777); // the replaced file keeps its permissions
    return AtomicFile(path, std::move(target), std::move(temporary), fd);
}

AtomicFile::AtomicFile(std::string path, std::string target, std::string temporary, int fd) noexcept
    : path_(std::move(path))
    , target_(std::move(target))
    , temporary_(std::move(temporary))
    , fd_(fd) {}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_))
    , target_(std::move(other.target_))
    , temporary_(std::move(other.temporary_))
    , fd_(std::exchange(other.fd_, -1)) {}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) {
        ::close(fd_);
        ::unlink(temporary_.c_str());
    }
}

Error AtomicFile::failed(std::string_view why) const {
    return cannotWrite(path_, why);
}

Result<void> AtomicFile::write(std::string_view bytes) {
    if (fd_ < 0)
        return failed("the file is closed");
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd_, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return failed(errnoText(errno));
        }
        bytes.remove_prefix(std::size_t(written));
    }
    return done();
}

Result<void> AtomicFile::commit() {
    if (fd_ < 0)
        return failed("the file is closed");
    // Delayed allocation can report a full disk only here: fsync and close are checked too.
    if (::fsync(fd_) != 0)
        return failed(errnoText(errno));
    const int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary_.c_str());
        return failed(errnoText(error));
    }
    if (::rename(temporary_.c_str(), target_.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary_.c_str());
        return failed(errnoText(error));
    }
    // The rename itself is durable once the folder is synced.
    const int folder = ::open(folderOf(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
    return done();
}

Result<void> writeFileAtomically(const std::string& path, std::string_view bytes) {
    Result<AtomicFile> file = AtomicFile::create(path);
    if (!file)
        return file.error();
    if (Result<void> written = file->write(bytes); !written)
        return written;
    return file->commit();
}

} // namespace coroscope
