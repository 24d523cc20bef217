// Every way a file can go wrong: one clear message, nothing half-changed, work never lost.

#include "bridge/schedulerbridge.h"
#include "editing/scenariomodel.h"
#include "files/autosaver.h"
#include "files/scenariofile.h"
#include "fulldisk.h"
#include "mainwindow.h"
#include "plainmessage.h"
#include "qstringprinter.h"
#include "qtfiles.h"
#include "resultchecks.h"
#include "windowdialogs.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <utility>

using namespace coroscope;
using namespace coroscope::test;

namespace {

QByteArray withTasks(const QByteArray& tasks) {
    return R"({"format": "coroscope-scenario", "version": 1, "tasks": )" + tasks + "}";
}

class FailurePaths : public ::testing::Test {
protected:
    FailurePaths() {
        window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
        window.model()->setData(window.model()->taskIndex(0), "Edited");
    }
    QString path(const QString& name) const { return dir.filePath(name); }
    // Opening must fail with this message and leave the edited scenario as it was.
    void expectRefused(const QString& file, const QString& message) {
        const Scenario before = window.model()->scenario();
        QString error;
        EXPECT_TRUE(failedWith(window.openFile(file), &error));
        EXPECT_EQ(error, message);
        EXPECT_EQ(window.model()->scenario(), before);
        EXPECT_TRUE(window.isModified());
    }
    QTemporaryDir dir;
    MainWindow window;
};

} // namespace

TEST_F(FailurePaths, UnreadableFile) {
    expectRefused("/proc/self/mem", "/proc/self/mem: cannot be read (Input/output error)");
}

TEST_F(FailurePaths, DirectoryWhereAFileIsExpected) {
    expectRefused(dir.path(), dir.path() + ": is a directory, not a scenario file");
    QString error;
    EXPECT_TRUE(failedWith(window.saveFile(dir.path()), &error));
    EXPECT_EQ(error, dir.path() + ": cannot be written (it is a directory)");
    EXPECT_TRUE(window.isModified());
}

TEST_F(FailurePaths, InvalidUtf8) {
    writeFile(path("latin1.json"), "{\"format\": \"coroscope-scenario\", \"title\": \"caf\xe9\"}");
    expectRefused(path("latin1.json"),
                  path("latin1.json") + ": line 1, column 47: invalid UTF-8 (not valid JSON)");
}

// Open takes recordings, which may be larger than scenario files: a file too large for either
// is refused before it is read, naming both caps.
TEST_F(FailurePaths, AFileTooLargeForARecordingIsRefusedWithoutReadingIt) {
    QFile big(path("big.json"));
    ASSERT_TRUE(big.open(QIODevice::WriteOnly));
    ASSERT_TRUE(big.resize(2048LL * 1024 * 1024)); // sparse: nothing written
    big.close();
    expectRefused(path("big.json"), path("big.json") +
                                        ": is 2147483648 bytes; a recording may be at most "
                                        "1073741824 bytes (1024 MiB), a scenario file at most "
                                        "167772160 bytes (160 MiB)");
}

TEST_F(FailurePaths, DurationsThatAreNotWholeMillisecondsInRange) {
    const std::pair<QByteArray, QString> cases[] = {
        {"NaN", "line 1, column 103: illegal number \"NaN\" (not valid JSON)"},
        {"-5", "task 1 \"A\", step 1: duration -5 ms is outside 1..86400000 ms"},
        {"0", "task 1 \"A\", step 1: duration 0 ms is outside 1..86400000 ms"},
        {"1e300", "task 1 \"A\", step 1: duration 1.0000000000000001e+300 ms is outside "
                  "1..86400000 ms"},
        {"86400001", "task 1 \"A\", step 1: duration 86400001 ms is outside 1..86400000 ms"},
        {"0.5", "task 1 \"A\", step 1: duration 0.5 ms is not a whole number of milliseconds"},
    };
    for (const auto& [ms, message] : cases) {
        writeFile(path("d.json"),
                  withTasks(R"([{"name": "A", "steps": [{"kind": "io", "ms": )" + ms + "}]}]"));
        expectRefused(path("d.json"), path("d.json") + ": " + message);
    }
}

TEST_F(FailurePaths, EmptyTaskList) {
    writeFile(path("empty.json"), withTasks("[]"));
    expectRefused(path("empty.json"),
                  path("empty.json") +
                      ": scenario: there are no tasks; a scenario needs at least one");
}

TEST_F(FailurePaths, DuplicateNamesAreShownAsGiven) {
    writeFile(path("dup.json"), withTasks(R"([{"name": "Same", "steps": [{"kind": "io", "ms": 5}]},
                                           {"name": "Same", "steps": [{"kind": "cpu", "ms": 5}]}])"));
    QString error;
    ASSERT_TRUE(succeeded(window.openFile(path("dup.json"))));
    EXPECT_EQ(window.model()->taskIndex(0).data().toString(), "Same");
    EXPECT_EQ(window.model()->taskIndex(1).data().toString(), "Same");
}

TEST_F(FailurePaths, FileDeletedBetweenOpenAndSave) {
    QString error;
    ASSERT_TRUE(succeeded(window.saveFile(path("s.json"))));
    ASSERT_TRUE(succeeded(window.openFile(path("s.json"))));
    window.model()->setData(window.model()->taskIndex(0), "Changed");
    QFile::remove(path("s.json"));
    ASSERT_TRUE(succeeded(window.saveFile(path("s.json")))); // written anew
    EXPECT_EQ(ScenarioFile::read(path("s.json")).value().tasks[0].name, "Changed");

    // Its whole folder gone: the save fails, the work stays unsaved in the window.
    QTemporaryDir gone;
    const QString inside = gone.filePath("s.json");
    ASSERT_TRUE(succeeded(window.saveFile(inside)));
    window.model()->setData(window.model()->taskIndex(0), "Changed again");
    gone.remove();
    EXPECT_TRUE(failedWith(window.saveFile(inside), &error));
    EXPECT_TRUE(error.startsWith(inside + ": cannot be written")) << error.toStdString();
    EXPECT_TRUE(window.isModified());
    EXPECT_EQ(window.model()->scenario().tasks[0].name, "Changed again");
}

TEST_F(FailurePaths, ReadOnlyTarget) {
    QString error;
    EXPECT_TRUE(failedWith(window.saveFile("/proc/version"), &error));
    EXPECT_TRUE(error.startsWith("/proc/version: cannot be written")) << error.toStdString();
    EXPECT_TRUE(window.isModified());
}

// Save over a file made read-only (0444) says so and offers Save As; the file stays as it was.
TEST_F(FailurePaths, SavingOverAReadOnlyFileOffersSaveAs) {
    const QString readOnly = path("ro.json");
    ASSERT_TRUE(succeeded(window.saveFile(readOnly)));
    const QByteArray kept = readFile(readOnly);
    ASSERT_TRUE(
        QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    window.model()->setData(window.model()->taskIndex(0), "Edited again");

    QString text;
    bool asked = false;
    answerMessageBox(
        [&](QMessageBox* box) {
            text = box->text();
            chooseInNextFileDialog(path("other.json"), &asked);
            buttonNamed(box, "Save As…")->click();
        },
        [&] { actionNamed(window, "&Save")->trigger(); });
    EXPECT_EQ(text, readOnly +
                        ": cannot be written (no permission: the file is read-only)\n\nSave the "
                        "scenario under another name?");
    EXPECT_TRUE(asked);
    EXPECT_EQ(readFile(readOnly), kept);
    EXPECT_EQ(window.filePath(), path("other.json"));
    EXPECT_FALSE(window.isModified());
    EXPECT_EQ(ScenarioFile::read(path("other.json")).value().tasks[0].name, "Edited again");

    // Exports refuse it too, with the same words.
    for (const auto& [format, name] :
         {std::pair{ExportFormat::Svg, "ro.svg"}, {ExportFormat::Png, "ro.png"}}) {
        writeFile(path(name), "kept");
        ASSERT_TRUE(QFile::setPermissions(path(name), QFile::ReadOwner));
        QString error;
        EXPECT_TRUE(failedWith(window.exportTo(path(name), format, {}), &error));
        EXPECT_EQ(error, path(name) + ": cannot be written (no permission: the file is read-only)");
        EXPECT_EQ(readFile(path(name)), "kept");
    }
}

TEST(Autosave, EditsAreSavedAndOfferedBackAfterACrash) {
    QTemporaryDir folder;
    QTemporaryDir work;
    const QString original = QFileInfo(work.filePath("work.json")).absoluteFilePath();
    ASSERT_TRUE(succeeded(ScenarioFile::write(ScenarioFile::builtInDefault(), original)));
    Scenario edited = ScenarioFile::builtInDefault();
    edited.tasks[1].steps[0].ms = 42;
    {
        Autosaver crashed(folder.path());
        crashed.schedule(edited, original);
        ASSERT_TRUE(succeeded(crashed.saveNow()));
        EXPECT_TRUE(QFile::exists(crashed.slotFile()));
        // While it runs, its work is not an orphan.
        EXPECT_TRUE(Autosaver(folder.path()).orphans().empty());
    } // gone without discard(), as after a crash or a kill

    Autosaver next(folder.path());
    const auto orphans = next.orphans();
    ASSERT_EQ(orphans.size(), 1u);
    EXPECT_EQ(orphans[0].scenario, edited);
    EXPECT_EQ(orphans[0].originalPath, original);
    Autosaver::forget(orphans[0]);
    EXPECT_TRUE(next.orphans().empty());
}

TEST(Autosave, SavedOrDiscardedWorkLeavesNothing) {
    QTemporaryDir folder;
    {
        Autosaver autosaver(folder.path());
        autosaver.schedule(ScenarioFile::builtInDefault(), {});
        ASSERT_TRUE(succeeded(autosaver.saveNow()));
        autosaver.discard();
    }
    EXPECT_TRUE(Autosaver(folder.path()).orphans().empty());
}

TEST(Autosave, TheWindowKeepsUnsavedEditsAndRestoresThem) {
    Scenario lost;
    {
        MainWindow window;
        window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
        window.model()->setData(window.model()->stepIndex(0, 0, ScenarioModel::DurationColumn), 99);
        lost = window.model()->scenario();
        ASSERT_TRUE(succeeded(window.autosaver()->saveNow()));
    } // no close event: the process died
    MainWindow window;
    const auto orphans = window.autosaver()->orphans();
    ASSERT_EQ(orphans.size(), 1u);
    window.restore(orphans[0]);
    EXPECT_EQ(window.model()->scenario(), lost);
    EXPECT_TRUE(window.isModified());
    EXPECT_TRUE(window.autosaver()->orphans().empty());
    QTemporaryDir dir;
    QString error;
    ASSERT_TRUE(succeeded(window.saveFile(dir.filePath("kept.json"))));
    EXPECT_FALSE(QFile::exists(window.autosaver()->slotFile()));
}

TEST(Autosave, AFailureShowsInTheWindowUntilAWriteSucceeds) {
    QTemporaryDir dir;
    const QString folder = dir.filePath("autosave");
    writeFile(folder, "a file where the autosave folder should be");
    MainWindow window(nullptr, folder);
    window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
    EXPECT_FALSE(window.autosaveWarning()->isVisibleTo(&window));

    window.model()->setData(window.model()->stepIndex(0, 0, ScenarioModel::DurationColumn), 99);
    QString error;
    EXPECT_TRUE(failedWith(window.autosaver()->saveNow(), &error));
    EXPECT_EQ(error, folder + ": the folder cannot be created");
    EXPECT_TRUE(window.autosaveWarning()->isVisibleTo(&window));
    EXPECT_EQ(window.autosaveWarning()->text(), "Changes are not being autosaved: " + error);

    QFile::remove(folder);
    window.model()->setData(window.model()->stepIndex(0, 0, ScenarioModel::DurationColumn), 98);
    EXPECT_TRUE(succeeded(window.autosaver()->saveNow()));
    EXPECT_FALSE(window.autosaveWarning()->isVisibleTo(&window));
    EXPECT_TRUE(QFile::exists(window.autosaver()->slotFile()));
}

// Every message box of the window goes through showPlainMessage (no QMessageBox::warning).
TEST(PlainMessages, MarkupFromAFileShowsAsTyped) {
    const QString text = QStringLiteral(
        R"(task 1 "<h1 style="color:red">Your files are encrypted</h1><img width=30000>": x)");
    QMessageBox* shown = nullptr;
    Qt::TextFormat format = Qt::RichText;
    QString label;
    QTimer::singleShot(0, [&] {
        shown = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!shown)
            return;
        format = shown->textFormat();
        label = shown->findChild<QLabel*>(QStringLiteral("qt_msgbox_label"))->text();
        shown->close();
    });
    showPlainMessage(nullptr, QMessageBox::Warning, "Cannot open the scenario", text);
    ASSERT_NE(shown, nullptr);
    EXPECT_EQ(format, Qt::PlainText);
    EXPECT_EQ(label, text);
}

namespace {

// Leaves work in a slot of folder as a crashed instance would, and returns the slot's file.
QString leaveCrashedWork(const QString& folder, const Scenario& scenario) {
    Autosaver crashed(folder);
    crashed.schedule(scenario, "/home/someone/work.json");
    EXPECT_TRUE(succeeded(crashed.saveNow()));
    return crashed.slotFile();
} // gone without discard()

} // namespace

namespace {

// The process's current folder, as a shell's cd sets it, until the test ends.
class CurrentFolder {
public:
    CurrentFolder()
        : old_(QDir::currentPath()) {}
    ~CurrentFolder() { QDir::setCurrent(old_); }
    CurrentFolder(const CurrentFolder&) = delete;
    CurrentFolder& operator=(const CurrentFolder&) = delete;
    void cd(const QString& folder) { ASSERT_TRUE(QDir::setCurrent(folder)); }

private:
    QString old_;
};

// Two folders that each hold a work.json, as after working on two projects.
struct TwoProjects {
    TwoProjects() {
        EXPECT_TRUE(succeeded(
            ScenarioFile::write(ScenarioFile::builtInDefault(), a.filePath("work.json"))));
        writeFile(b.filePath("work.json"), "b's own work, not a scenario of a");
    }
    QTemporaryDir a;
    QTemporaryDir b;
    QTemporaryDir autosaves;
    CurrentFolder here;
};

} // namespace

// a/work.json opened by its relative name, edited, the program killed; started again in b:
// Restore and Save write a/work.json, never b's.
TEST(Autosave, RestoredWorkIsSavedToItsOwnFileFromAnyFolder) {
    TwoProjects projects;
    projects.here.cd(projects.a.path());
    {
        MainWindow crashed(nullptr, projects.autosaves.path());
        ASSERT_TRUE(succeeded(crashed.openFile("work.json")));
        crashed.model()->setData(crashed.model()->taskIndex(0), "Edited in a");
        ASSERT_TRUE(succeeded(crashed.autosaver()->saveNow()));
    } // no close event: the process died
    projects.here.cd(projects.b.path());
    MainWindow window(nullptr, projects.autosaves.path());
    const auto orphans = window.autosaver()->orphans();
    ASSERT_EQ(orphans.size(), 1u);
    window.restore(orphans[0]);
    actionNamed(window, "&Save")->trigger();

    EXPECT_EQ(readFile(projects.b.filePath("work.json")), "b's own work, not a scenario of a");
    const Result<Scenario> saved = ScenarioFile::read(projects.a.filePath("work.json"));
    ASSERT_TRUE(succeeded(saved));
    EXPECT_EQ(saved.value().tasks[0].name, "Edited in a");
    EXPECT_EQ(window.filePath(), QFileInfo(projects.a.filePath("work.json")).canonicalFilePath());
    EXPECT_FALSE(window.isModified());
}

// An origin kept as a relative name (by an older version), or naming a file that is gone, is
// not the work's file: the work restores as a new scenario, and Save asks where.
TEST(Autosave, AnOriginThatIsRelativeOrGoneRestoresAsANewScenario) {
    TwoProjects projects;
    const QString gone = projects.a.filePath("gone.json");
    for (const QString& origin : {QStringLiteral("work.json"), gone}) {
        {
            Autosaver crashed(projects.autosaves.path());
            crashed.schedule(ScenarioFile::builtInDefault(), gone);
            ASSERT_TRUE(succeeded(crashed.saveNow()));
            writeFile(crashed.slotFile() + ".origin", origin.toUtf8());
        } // gone without discard(), as after a crash
        projects.here.cd(projects.b.path());
        MainWindow window(nullptr, projects.autosaves.path());
        const auto orphans = window.autosaver()->orphans();
        ASSERT_EQ(orphans.size(), 1u);
        window.restore(orphans[0]);
        EXPECT_EQ(window.filePath(), "") << origin.toStdString();
        EXPECT_TRUE(window.windowTitle().startsWith("Recovered scenario")) << origin.toStdString();

        bool asked = false;
        chooseInNextFileDialog(projects.b.filePath("chosen.json"), &asked);
        actionNamed(window, "&Save")->trigger();
        EXPECT_TRUE(asked) << origin.toStdString();
        EXPECT_EQ(readFile(projects.b.filePath("work.json")), "b's own work, not a scenario of a");
        EXPECT_FALSE(QFile::exists(gone));
        EXPECT_TRUE(QFile::exists(projects.b.filePath("chosen.json")));
        QFile::remove(projects.b.filePath("chosen.json"));
    }
}

TEST(Autosave, TwoWindowsNeverOfferTheSameWork) {
    QTemporaryDir folder;
    leaveCrashedWork(folder.path(), ScenarioFile::builtInDefault());
    Autosaver first(folder.path());
    Autosaver second(folder.path());
    {
        const auto offered = first.orphans();
        ASSERT_EQ(offered.size(), 1u);
        EXPECT_TRUE(second.orphans().empty()); // claimed while the first offers it
    }
    EXPECT_EQ(second.orphans().size(), 1u); // the first let it go (Ignore)
}

TEST(Autosave, RestoredWorkIsWrittenAgainBeforeTheOldCopyGoes) {
    QTemporaryDir folder;
    Scenario lost = ScenarioFile::builtInDefault();
    lost.tasks[2].name = "Lost work";
    const QString old = leaveCrashedWork(folder.path(), lost);
    MainWindow window(nullptr, folder.path());
    const auto orphans = window.autosaver()->orphans();
    ASSERT_EQ(orphans.size(), 1u);
    window.restore(orphans[0]);
    // At once, not a few seconds later: a crash now still finds the work.
    const QString slot = window.autosaver()->slotFile();
    ASSERT_NE(slot, old);
    const Result<Scenario> kept = ScenarioFile::read(slot);
    ASSERT_TRUE(succeeded(kept));
    EXPECT_EQ(kept.value(), lost);
    EXPECT_FALSE(QFile::exists(old));
}

TEST(Autosave, ADamagedAutosaveIsKeptAsideNotDeleted) {
    QTemporaryDir folder;
    writeFile(folder.filePath("autosave-0.json"), "{ cut off");
    writeFile(folder.filePath("autosave-0.json.origin"), "/home/someone/work.json");
    Autosaver autosaver(folder.path());
    const auto orphans = autosaver.orphans();
    ASSERT_EQ(orphans.size(), 1u);
    EXPECT_TRUE(orphans[0].damage.startsWith(folder.filePath("autosave-0.json") + ": line 1"))
        << orphans[0].damage.toStdString();
    EXPECT_TRUE(QFile::exists(folder.filePath("autosave-0.json"))); // nothing deleted unasked
    const Result<QString> kept = autosaver.keepAside(orphans[0]);
    ASSERT_TRUE(succeeded(kept));
    EXPECT_TRUE(kept.value().startsWith(folder.filePath("damaged/autosave-0-")));
    EXPECT_EQ(readFile(kept.value()), "{ cut off");
    EXPECT_TRUE(QFile::exists(kept.value() + ".origin"));
    EXPECT_FALSE(QFile::exists(folder.filePath("autosave-0.json")));
    EXPECT_FALSE(QFile::exists(folder.filePath("autosave-0.json.origin")));
}

TEST_F(FailurePaths, SavingOntoAFullDiskFailsAndKeepsTheOldFile) {
    FullDisk disk;
    if (!disk.mounted())
        GTEST_SKIP() << disk.reason().toStdString();
    const QString file = disk.path("s.json");
    ASSERT_TRUE(succeeded(window.saveFile(file)));
    const QByteArray saved = readFile(file);
    window.model()->setData(window.model()->taskIndex(0), QString(150, 'y'));
    disk.fill();
    QString error;
    EXPECT_TRUE(failedWith(window.saveFile(file), &error));
    EXPECT_EQ(error, file + ": cannot be written (No space left on device)");
    EXPECT_EQ(readFile(file), saved);
    EXPECT_EQ(disk.files(), QStringList{"s.json"}); // no temporary left behind
    EXPECT_TRUE(window.isModified());
}

// A window whose autosave folder is on a small tmpfs, with one edit to keep safe.
class FullDiskAutosave : public ::testing::Test {
protected:
    void SetUp() override {
        if (!disk.mounted())
            GTEST_SKIP() << disk.reason().toStdString();
        window = std::make_unique<MainWindow>(nullptr, disk.path("autosave"));
        window->showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
        edit(99);
    }
    void edit(int ms) {
        window->model()->setData(window->model()->stepIndex(0, 0, ScenarioModel::DurationColumn),
                                 ms);
    }
    FullDisk disk;
    std::unique_ptr<MainWindow> window;
};

TEST_F(FullDiskAutosave, BeforeTheSlotIsTakenItShowsInTheWindow) {
    disk.fill();
    QString error;
    EXPECT_TRUE(failedWith(window->autosaver()->saveNow(), &error));
    EXPECT_EQ(error, disk.path("autosave") + ": no lock file can be written there (is the disk "
                                             "full, or the folder read-only?)");
    EXPECT_TRUE(window->autosaveWarning()->isVisibleTo(window.get()));
}

TEST_F(FullDiskAutosave, AfterTheSlotIsTakenItShowsInTheWindow) {
    ASSERT_TRUE(succeeded(window->autosaver()->saveNow()));
    const QByteArray kept = readFile(window->autosaver()->slotFile());
    disk.fill();
    edit(98);
    QString error;
    EXPECT_TRUE(failedWith(window->autosaver()->saveNow(), &error));
    EXPECT_TRUE(error.endsWith("cannot be written (No space left on device)"))
        << error.toStdString();
    EXPECT_TRUE(window->autosaveWarning()->isVisibleTo(window.get()));
    EXPECT_EQ(readFile(window->autosaver()->slotFile()), kept); // the last good copy stays
}
