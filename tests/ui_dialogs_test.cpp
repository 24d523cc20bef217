// The window's modal dialogs as a user meets them: the animation holds still while one is
// open (its "current time" stays the time shown) and plays on after; an export offers the
// scenario's own name.

#include "bridge/schedulerbridge.h"
#include "editing/scenariomodel.h"
#include "export/exportdialog.h"
#include "files/scenariofile.h"
#include "mainwindow.h"
#include "qstringprinter.h"
#include "windowmenus.h"

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <functional>

using namespace coroscope;
using coroscope::test::menuNamed;

namespace {

QAction* entry(const QMenu* menu, const QString& text) {
    for (QAction* action : menu ? menu->actions() : QList<QAction*>{})
        if (action->text() == text)
            return action;
    ADD_FAILURE() << "no entry " << text.toStdString();
    return nullptr;
}

class ModalDialogs : public ::testing::Test {
protected:
    ModalDialogs() {
        window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
    }
    QAction* exportEntry(const QString& text) const {
        QMenu* file = menuNamed(window, "&File");
        QAction* exports = file ? entry(file, "&Export") : nullptr;
        return exports ? entry(exports->menu(), text) : nullptr;
    }
    // Triggers `action` and calls `answer` with each modal dialog it opens, until one returns
    // true; false if none did.
    static bool answerEach(QAction* action, const std::function<bool(QWidget*)>& answer) {
        bool answered = false;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, [&] {
            if (QWidget* modal = QApplication::activeModalWidget(); modal && !answered)
                answered = answer(modal);
        });
        poll.start(10);
        action->trigger();
        return answered;
    }
    // The file name the export's file dialog offers.
    QString offeredName(const QString& entryText) const {
        QString offered;
        EXPECT_TRUE(answerEach(exportEntry(entryText), [&](QWidget* modal) {
            if (auto* options = qobject_cast<ExportDialog*>(modal)) {
                options->accept();
                return false;
            }
            auto* files = qobject_cast<QFileDialog*>(modal);
            if (!files)
                return false;
            offered = QFileInfo(files->selectedFiles().value(0)).fileName();
            files->reject();
            return true;
        }));
        return offered;
    }

    MainWindow window;
};

} // namespace

TEST_F(ModalDialogs, TheAnimationHoldsStillWhileADialogIsOpenAndPlaysOnAfter) {
    ASSERT_TRUE(window.bridge()->isPlaying());
    for (const QString& text : {QStringLiteral("&PNG Image…"), QStringLiteral("S&VG Drawing…"),
                                QStringLiteral("Python &asyncio Program…")}) {
        SCOPED_TRACE(text.toStdString());
        bool held = false;
        EXPECT_TRUE(answerEach(exportEntry(text), [&](QWidget* modal) {
            const double now = window.bridge()->now();
            QTest::qWait(60); // longer than a few frames of the animation
            held = !window.bridge()->isPlaying() && window.bridge()->now() == now;
            if (auto* dialog = qobject_cast<QDialog*>(modal))
                dialog->reject();
            return true;
        }));
        EXPECT_TRUE(held) << "the time the dialog offers as current is the time shown";
        EXPECT_TRUE(window.bridge()->isPlaying()) << "plays on after";
    }

    // A message box too; paused before, the animation stays paused after.
    window.bridge()->pause();
    QMenu* help = menuNamed(window, "&Help");
    EXPECT_TRUE(answerEach(entry(help, "&About Coroscope"), [](QWidget* modal) {
        static_cast<QDialog*>(modal)->reject();
        return true;
    }));
    EXPECT_FALSE(window.bridge()->isPlaying());
}

TEST_F(ModalDialogs, AnExportIsNamedAfterTheScenarioFileOrItsTitle) {
    EXPECT_EQ(offeredName("&PNG Image…"), "Asynchronous Task Execution.png");

    QTemporaryDir dir;
    const QString work = dir.filePath("work.json");
    ASSERT_TRUE(window.saveFile(work).ok());
    EXPECT_EQ(offeredName("&PNG Image…"), "work.png");
    EXPECT_EQ(offeredName("S&VG Drawing…"), "work.svg");
    EXPECT_EQ(offeredName("Python &asyncio Program…"), "work.py");
    EXPECT_EQ(offeredName("&Web Page…"), "work.html");

    // Untitled, a title no file system takes whole: its separators and wildcards become "-".
    window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
    ASSERT_TRUE(window.model()->setTitles(".Fetch/parse: 3 tasks?", ""));
    EXPECT_EQ(offeredName("&PNG Image…"), "Fetch-parse- 3 tasks-.png");
}

TEST_F(ModalDialogs, TheWebPageEntryWritesThePageOfWhatTheWindowShows) {
    QAction* explain = entry(menuNamed(window, "&View"), "Explain");
    ASSERT_NE(explain, nullptr);
    explain->trigger();
    ASSERT_TRUE(explain->isChecked());
    QTemporaryDir dir;
    const QString page = dir.filePath("seed"); // the extension is added
    EXPECT_TRUE(answerEach(exportEntry("&Web Page…"), [&](QWidget* modal) {
        auto* files = qobject_cast<QFileDialog*>(modal);
        if (!files)
            return false;
        files->selectFile(page);
        static_cast<QDialog*>(files)->accept(); // as the Save button does
        return true;
    }));
    QFile written(page + ".html");
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    const QByteArray text = written.readAll();
    EXPECT_TRUE(text.startsWith("<!doctype html>"));
    EXPECT_TRUE(text.contains(R"(<div class="cs-title">Asynchronous Task Execution</div>)"));
    EXPECT_TRUE(text.contains(R"("ready":[[],[0,150],[0,250]])")) << "explained, as the window";
    EXPECT_TRUE(text.contains("--cs-page:#ffffff;")) << "light, as every export unless asked";
}
