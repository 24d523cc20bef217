// Opening a file from the window (Open…, recent files, drops) reads it on a thread of its own
// while the window goes on, with a progress dialog and Cancel: a cancelled open changes
// nothing, a finished one shows the file, a failed one says why as before.

#include "editing/scenariomodel.h"
#include "files/scenariofile.h"
#include "format/scenarioformat.h"
#include "mainwindow.h"
#include "qstringprinter.h"
#include "randomscenario.h"
#include "resultchecks.h"
#include "workprogress.h"

#include <QApplication>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <future>
#include <stdexcept>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace coroscope;
using namespace coroscope::test;

namespace {

// The window, with a file dropped on it as the user drops one.
class DropWindow : public MainWindow {
public:
    void drop(const QString& path) {
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(path)});
        QDropEvent event(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        dropEvent(&event);
    }
};

// Presses Cancel on the progress dialog under parent as soon as it exists (shown or not yet),
// then calls pressed.
class CancelPresser {
public:
    CancelPresser(QWidget* parent, std::function<void()> pressed) {
        QObject::connect(&timer_, &QTimer::timeout, [this, parent, pressed] {
            auto* dialog = parent->findChild<QProgressDialog*>();
            auto* button = dialog ? dialog->findChild<QPushButton*>() : nullptr;
            if (!button)
                return;
            timer_.stop();
            button->click(); // as the user clicks it
            this->pressed = true;
            pressed();
        });
        timer_.start(1);
    }
    bool pressed = false;

private:
    QTimer timer_;
};

} // namespace

TEST(OpenProgress, OpeningFromTheWindowShowsTheFile) {
    QTemporaryDir folder;
    const QString path = folder.filePath("many.json");
    const Scenario scenario = randomScenario(3000, 10, 11);
    ASSERT_TRUE(succeeded(ScenarioFile::write(scenario, path)));
    DropWindow window;
    window.drop(path);
    EXPECT_EQ(window.filePath(), path);
    EXPECT_EQ(window.windowTitle(), "many.json[*] — Coroscope");
    EXPECT_EQ(window.model()->scenario(), scenario);
    EXPECT_FALSE(window.isModified());
    EXPECT_EQ(window.findChild<QProgressDialog*>(), nullptr) << "the dialog is gone";
}

// The file is a pipe whose writer waits for Cancel to be pressed before it writes: the open is
// under way, whatever the timing, when the user cancels it.
TEST(OpenProgress, ACancelledOpenChangesNothing) {
    QTemporaryDir folder;
    const QString pipe = folder.filePath("slow.json");
    ASSERT_EQ(::mkfifo(pipe.toLocal8Bit().constData(), 0600), 0);
    DropWindow window;
    window.showScenario(ScenarioFile::builtInDefault(), "Seed");
    const QString saved = folder.filePath("seed.json");
    ASSERT_TRUE(succeeded(window.saveFile(saved)));
    // One edit undone: a history to keep, and nothing unsaved to ask about.
    window.model()->setTitles("Another title", "");
    window.undoStack()->undo();
    const Scenario before = window.model()->scenario();
    const QString title = window.windowTitle();

    // Shorter than PIPE_BUF: written whole while the reader is there. The reader may be gone
    // by then (it stops at the cancel): the write then fails with EPIPE, and the signal that
    // would end the process is ignored meanwhile.
    const std::string json = serializeScenario(randomScenario(5, 3, 12));
    ASSERT_LT(json.size(), std::size_t(PIPE_BUF));
    const auto previous = std::signal(SIGPIPE, SIG_IGN);
    std::promise<void> cancelPressed;
    std::thread writer([&] {
        const int fd = ::open(pipe.toLocal8Bit().constData(), O_WRONLY); // waits for the reader
        cancelPressed.get_future().wait();
        const ssize_t written = ::write(fd, json.data(), json.size());
        EXPECT_TRUE(written == ssize_t(json.size()) || (written < 0 && errno == EPIPE));
        ::close(fd);
    });
    CancelPresser presser(&window, [&] { cancelPressed.set_value(); });
    window.drop(pipe);
    writer.join();
    std::signal(SIGPIPE, previous);

    EXPECT_TRUE(presser.pressed);
    EXPECT_EQ(window.model()->scenario(), before);
    EXPECT_EQ(window.windowTitle(), title);
    EXPECT_EQ(window.filePath(), saved);
    EXPECT_EQ(window.undoStack()->count(), 1);
    EXPECT_TRUE(window.undoStack()->canRedo());
    EXPECT_FALSE(window.isModified());
    EXPECT_EQ(window.noticeLabel()->text(), "Opening cancelled");
    EXPECT_TRUE(window.noticeLabel()->isVisibleTo(&window));
    EXPECT_EQ(window.findChild<QProgressDialog*>(), nullptr);
}

TEST(OpenProgress, AFailedOpenSaysWhyAndChangesNothing) {
    QTemporaryDir folder;
    const QString path = folder.filePath("broken.json");
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "coroscope-scenario", "version": 1, "tasks": 3})");
    file.close();
    DropWindow window;
    window.showScenario(ScenarioFile::builtInDefault(), "Seed");
    const QString title = window.windowTitle();
    QString shown;
    QTimer answer;
    QObject::connect(&answer, &QTimer::timeout, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            answer.stop();
            shown = box->text();
            box->accept();
        }
    });
    answer.start(1);
    window.drop(path);
    EXPECT_EQ(shown, path + ": scenario: \"tasks\" must be an array");
    EXPECT_EQ(window.windowTitle(), title);
    EXPECT_EQ(window.model()->scenario(), ScenarioFile::builtInDefault());
}

TEST(OpenProgress, TheCommandLinesOpenStaysOnItsThreadAndCanBeStopped) {
    QTemporaryDir folder;
    const QString path = folder.filePath("many.json");
    ASSERT_TRUE(succeeded(ScenarioFile::write(randomScenario(3000, 10, 13), path)));
    MainWindow window;
    window.showScenario(ScenarioFile::builtInDefault(), "Seed");
    const Result<void> stopped = window.openFile(path, [](double done) { return done < 0.5; });
    ASSERT_FALSE(stopped);
    EXPECT_TRUE(stopped.error().cancelled);
    EXPECT_EQ(window.windowTitle(), "Seed[*] — Coroscope");
    ASSERT_TRUE(succeeded(window.openFile(path)));
    EXPECT_EQ(window.filePath(), path);
}

// Work in the background runs until Cancel is pressed, and the window goes on meanwhile.
TEST(WorkProgress, BackgroundWorkStopsWhenCancelIsPressed) {
    QWidget window;
    WorkProgress work(&window, "Working");
    int ticks = 0;
    QTimer events; // runs on the GUI thread while the work runs on its own
    QObject::connect(&events, &QTimer::timeout, [&] { ++ticks; });
    events.start(1);
    CancelPresser presser(&window, [] {});
    std::thread::id workThread;
    bool stopped = false;
    work.runInBackground([&](const Progress& progress) {
        workThread = std::this_thread::get_id();
        for (double done = 0; !stopped; done = std::min(1.0, done + 0.001)) {
            stopped = !progress(done);
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
    EXPECT_TRUE(presser.pressed);
    EXPECT_TRUE(stopped);
    EXPECT_TRUE(work.cancelled());
    EXPECT_NE(workThread, std::this_thread::get_id());
    EXPECT_GE(ticks, 1);
}

TEST(WorkProgress, WhatBackgroundWorkThrowsIsThrownToTheCaller) {
    WorkProgress work(nullptr, "Working");
    EXPECT_THROW(work.runInBackground([](const Progress&) { throw std::runtime_error("broken"); }),
                 std::runtime_error);
}

// Nothing done in the window while work decides what it shows can be lost under the result; a
// close asks the work to stop and leaves the window open.
TEST(WorkProgress, TheWindowTakesNoInputWhileWorkRunsAndClosingItStopsTheWork) {
    QWidget window;
    auto* edit = new QLineEdit(&window);
    window.show();
    edit->setFocus();
    WorkProgress work(&window, "Working");
    bool closed = true;
    QTimer::singleShot(1, [&] {
        QTest::keyClicks(edit, "typed");
        QTest::mouseDClick(edit, Qt::LeftButton);
        closed = window.close();
    });
    bool stopped = false;
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(10); // not hang
    work.runInBackground([&](const Progress& progress) {
        while (!stopped && std::chrono::steady_clock::now() < giveUp) {
            stopped = !progress(0.5);
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
    EXPECT_TRUE(stopped);
    EXPECT_FALSE(closed);
    EXPECT_TRUE(window.isVisible());
    EXPECT_EQ(edit->text(), "");
    QTest::keyClicks(edit, "typed");
    EXPECT_EQ(edit->text(), "typed") << "input goes through again";
}
