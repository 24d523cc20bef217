// Atomic writes: the target is replaced whole or not at all, nothing is left behind, and what
// is not a regular file is never replaced.

#include "format/atomicfile.h"
#include "resultchecks.h"

#include <gtest/gtest.h>

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
