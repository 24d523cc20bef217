// Atomic writes: the target is replaced whole or not at all, nothing is left behind, and what
// is not a regular file is never replaced.

#include "format/atomicfile.h"
#include "resultchecks.h"

#include <gtest/gtest.h>

#include <climits>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <sys/stat.h>

using namespace coroscope;
using namespace coroscope::test;
namespace fs = std::filesystem;

namespace {

class AtomicFileTest : public ::testing::Test {
protected:
    AtomicFileTest() {
        dir = fs::temp_directory_path() /
              ("coroscope-atomic-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir);
    }
    ~AtomicFileTest() override { fs::remove_all(dir); }
    std::string path(const std::string& name) const { return (dir / name).string(); }
    std::vector<std::string> entries() const {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(dir))
            names.push_back(entry.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
    static std::string contents(const std::string& file) {
        std::ifstream in(file, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }
    fs::path dir;
};

} // namespace

TEST_F(AtomicFileTest, WritesANewFile) {
    ASSERT_TRUE(succeeded(writeFileAtomically(path("a.json"), "hello")));
    EXPECT_EQ(contents(path("a.json")), "hello");
    EXPECT_EQ(entries(), std::vector<std::string>{"a.json"});
}

TEST_F(AtomicFileTest, ReplacesAFileAndKeepsItsPermissions) {
    ASSERT_TRUE(succeeded(writeFileAtomically(path("a.json"), "old")));
    ::chmod(path("a.json").c_str(), 0640);
    ASSERT_TRUE(succeeded(writeFileAtomically(path("a.json"), "new")));
    EXPECT_EQ(contents(path("a.json")), "new");
    struct stat info {};
    ASSERT_EQ(::stat(path("a.json").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0640u);
}

TEST_F(AtomicFileTest, AFileNotCommittedLeavesTheTargetAndNoTemporary) {
    ASSERT_TRUE(succeeded(writeFileAtomically(path("a.json"), "old")));
    {
        Result<AtomicFile> file = AtomicFile::create(path("a.json"));
        ASSERT_TRUE(succeeded(file));
        ASSERT_TRUE(succeeded(file->write("half of a new")));
    } // gone without commit(), as when a writer fails half way
    EXPECT_EQ(contents(path("a.json")), "old");
    EXPECT_EQ(entries(), std::vector<std::string>{"a.json"});
}

TEST_F(AtomicFileTest, NeverReplacesWhatIsNotARegularFile) {
    fs::create_directory(dir / "folder");
    ASSERT_EQ(::mkfifo(path("pipe").c_str(), 0600), 0);
    fs::create_symlink(dir / "pipe", dir / "link");
    fs::create_symlink(dir / "nowhere", dir / "dangling");
    EXPECT_EQ(writeFileAtomically(path("folder"), "x").error().message,
              path("folder") + ": cannot be written (it is a directory)");
    EXPECT_EQ(writeFileAtomically(path("pipe"), "x").error().message,
              path("pipe") + ": cannot be written (it is not a regular file)");
    EXPECT_EQ(writeFileAtomically(path("link"), "x").error().message,
              path("link") + ": cannot be written (it is not a regular file)");
    EXPECT_EQ(writeFileAtomically(path("dangling"), "x").error().message,
              path("dangling") + ": cannot be written (it is a link to nothing)");
    EXPECT_TRUE(fs::is_fifo(dir / "pipe"));
    EXPECT_TRUE(fs::is_symlink(dir / "link"));
}

TEST_F(AtomicFileTest, ALinkToAFileWritesThatFile) {
    ASSERT_TRUE(succeeded(writeFileAtomically(path("real.json"), "old")));
    fs::create_symlink(dir / "real.json", dir / "link.json");
    ASSERT_TRUE(succeeded(writeFileAtomically(path("link.json"), "new")));
    EXPECT_TRUE(fs::is_symlink(dir / "link.json"));
    EXPECT_EQ(contents(path("real.json")), "new");
}

TEST_F(AtomicFileTest, AMissingFolderSaysWhy) {
    EXPECT_EQ(writeFileAtomically(path("missing/a.json"), "x").error().message,
              path("missing/a.json") + ": cannot be written (No such file or directory)");
}

TEST_F(AtomicFileTest, NamesNeedNotBeUtf8) {
    const std::string name = path("\xff\xfe.json");
    ASSERT_TRUE(succeeded(writeFileAtomically(name, "bytes")));
    EXPECT_EQ(contents(name), "bytes");
}

// The temporary name borrows the start of the target's, shortened to keep within NAME_MAX.
TEST_F(AtomicFileTest, NamesOfEveryAllowedLengthAreWritten) {
    for (const std::size_t length : {std::size_t(240), std::size_t(241), std::size_t(NAME_MAX)}) {
        const std::string name = std::string(length - 5, 'n') + ".json";
        ASSERT_TRUE(succeeded(writeFileAtomically(path(name), "bytes"))) << length;
        EXPECT_EQ(contents(path(name)), "bytes");
        EXPECT_EQ(entries(), std::vector<std::string>{name});
        fs::remove(path(name));
    }
}

TEST_F(AtomicFileTest, AShortenedTemporaryNameEndsBetweenCharacters) {
    std::string name = "x"; // then 127 two-byte characters: 255 bytes
    for (int i = 0; i < 127; ++i)
        name += "\xc3\xa9";
    {
        Result<AtomicFile> file = AtomicFile::create(path(name));
        ASSERT_TRUE(succeeded(file));
        const std::vector<std::string> made = entries();
        ASSERT_EQ(made.size(), 1u);
        const std::string& temporary = made[0];
        EXPECT_LE(temporary.size(), std::size_t(NAME_MAX));
        const std::string borrowed = temporary.substr(1, temporary.find('.', 1) - 1);
        EXPECT_EQ(name.substr(0, borrowed.size()), borrowed);
        EXPECT_EQ(borrowed.size() % 2, 1u) << "a character cut in two";
        ASSERT_TRUE(succeeded(file->write("bytes")));
        ASSERT_TRUE(succeeded(file->commit()));
    }
    EXPECT_EQ(contents(path(name)), "bytes");
    EXPECT_EQ(entries(), std::vector<std::string>{name});
}

// A file made read-only is refused, also for root (whom access() lets write anything): the mode
// decides, as a normal user sees it.
TEST_F(AtomicFileTest, NeverReplacesAFileWeMayNotWrite) {
    ASSERT_TRUE(succeeded(writeFileAtomically(path("ro.json"), "old")));
    ::chmod(path("ro.json").c_str(), 0444);
    fs::create_symlink(dir / "ro.json", dir / "link.json");
    EXPECT_TRUE(AtomicFile::forbidsWriting(path("ro.json")));
    EXPECT_EQ(writeFileAtomically(path("ro.json"), "new").error().message,
              path("ro.json") + ": cannot be written (no permission: the file is read-only)");
    EXPECT_EQ(writeFileAtomically(path("link.json"), "new").error().message,
              path("link.json") + ": cannot be written (no permission: the file is read-only)");
    EXPECT_EQ(contents(path("ro.json")), "old");
    EXPECT_EQ(entries(), (std::vector<std::string>{"link.json", "ro.json"}));

    ::chmod(path("ro.json").c_str(), 0644); // writable by us (its owner) again
    EXPECT_FALSE(AtomicFile::forbidsWriting(path("ro.json")));
    EXPECT_FALSE(AtomicFile::forbidsWriting(path("new.json"))); // none yet: it is made
    ASSERT_TRUE(succeeded(writeFileAtomically(path("ro.json"), "new")));
    EXPECT_EQ(contents(path("ro.json")), "new");
}
