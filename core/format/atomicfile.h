#pragma once

// Every file Coroscope writes goes through here. The bytes go to a temporary file in the
// target's folder; commit() syncs it and renames it over the target, so a reader sees the old
// file or the new one, never half of one. Every write is checked to the last byte: a full
// disk is an error, never a short file. A file that is not committed leaves nothing behind.
//
// Paths are bytes as the operating system takes them, so any name the shell can name works
// (also ones that are not valid UTF-8), of any length a folder takes: the temporary name borrows
// only as much of the target's as fits. Messages read "<path>: cannot be written (<why>)".

#include "model/result.h"

#include <string>
#include <string_view>

namespace coroscope {

class AtomicFile {
public:
    // Refuses a target that exists and is not a regular file (a folder, a device, a pipe, or
    // a link to one): those are not ours to replace. A link to a regular file writes that file.
    // Refuses a file we may not write ("no permission": see forbidsWriting), though the rename
    // could replace it.
    static Result<AtomicFile> create(const std::string& path);
    // Whether path (through a link, the file it names) exists and we may not write it: access()
    // says no, or (for root, whom access() lets write anything) no one has the mode's write bit:
    // a file made read-only for everyone stays read-only for root too.
    static bool forbidsWriting(const std::string& path);

    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&&) = delete;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile(); // without commit(): the temporary file is removed

    Result<void> write(std::string_view bytes);
    // Syncs, then renames over the target; after a failure the target is as it was.
    Result<void> commit();

    // "<path>: cannot be written (<why>)", as every write failure reads.
    static Error cannotWrite(std::string_view path, std::string_view why);

private:
    AtomicFile(std::string path, std::string target, std::string temporary, int fd) noexcept;
    Error failed(std::string_view why) const;

    std::string path_;   // as given: messages name it
    std::string target_; // what is replaced: path_, or the file a link names
    std::string temporary_;
    int fd_ = -1;
};

// The common case: bytes already in memory.
Result<void> writeFileAtomically(const std::string& path, std::string_view bytes);

} // namespace coroscope
