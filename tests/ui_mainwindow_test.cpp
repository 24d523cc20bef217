// The main window as a user drives it: playback controls and exports from the window.

#include "bridge/schedulerbridge.h"
#include "files/scenariofile.h"
#include "mainwindow.h"
#include "playbackbar.h"
#include "qstringprinter.h"
#include "randomscenario.h"
#include "resultchecks.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace coroscope;
using namespace coroscope::test;

namespace {

class MainWindowTest : public ::testing::Test {
protected:
    MainWindowTest() {
        window.resize(1100, 700);
        window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
    }
    MainWindow window;
};

} // namespace

TEST_F(MainWindowTest, PlaysAtOnceAndNamesTheScenarioInTheTitle) {
    EXPECT_TRUE(window.bridge()->isPlaying());
    EXPECT_EQ(window.windowTitle(), "Built-in scenario[*] — Coroscope");
    EXPECT_FALSE(window.isWindowModified());
}

TEST_F(MainWindowTest, PlayPauseSpeedAndLoopReachTheBridge) {
    PlaybackBar* bar = window.playbackBar();
    bar->playAction()->trigger();
    EXPECT_FALSE(window.bridge()->isPlaying());
    EXPECT_EQ(bar->playAction()->text(), "Play");
    bar->playAction()->trigger();
    EXPECT_TRUE(window.bridge()->isPlaying());

    bar->speedBox()->setCurrentIndex(bar->speedBox()->findData(4.0));
    EXPECT_EQ(window.bridge()->speed(), 4.0);
    window.bridge()->setSpeed(0.3); // a speed the list lacks shows up in it
    EXPECT_EQ(bar->speedBox()->currentData().toDouble(), 0.3);

    bar->loopAction()->setChecked(false);
    EXPECT_FALSE(window.bridge()->loops());
}

TEST_F(MainWindowTest, ScrubberSeeksTheSceneToThatMoment) {
    window.playbackBar()->scrubber()->setValue(3'000); // 30 % of the 1000 ms axis
    EXPECT_DOUBLE_EQ(window.bridge()->now(), 300);
    EXPECT_EQ(window.scene()->shownSegments().size(), 5u);
}

TEST_F(MainWindowTest, ClickingATrackShowsThatMoment) {
    window.show();
    const TimelineLayout& layout = window.scene()->layout();
    const QPointF onTrack(layout.xAt(450, {0, 1000}), layout.track(1).center().y());
    QTest::mouseClick(window.view()->viewport(), Qt::LeftButton, {},
                      window.view()->mapFromScene(onTrack));
    EXPECT_NEAR(window.bridge()->now(), 450, 1000.0 / layout.trackWidth);
    const double before = window.bridge()->now();
    QTest::mouseClick(window.view()->viewport(), Qt::LeftButton, {}, QPoint(2, 2)); // page
    EXPECT_EQ(window.bridge()->now(), before);
}

TEST_F(MainWindowTest, ExportsTheCardAsShown) {
    QTemporaryDir dir;
    ExportOptions options;
    options.width = window.pageWidth();
    options.scale = 2;
    QString error;
    ASSERT_TRUE(succeeded(window.exportTo(dir.filePath("t.png"), ExportFormat::Png, options)));
    const QImage image(dir.filePath("t.png"));
    EXPECT_EQ(image.width(), int(std::ceil(window.pageWidth() * 2)));
    EXPECT_EQ(image.height(), int(std::ceil(window.scene()->sceneRect().height() * 2)));
}

TEST_F(MainWindowTest, AFailedExportSaysWhy) {
    QString error;
    EXPECT_TRUE(
        failedWith(window.exportTo("/nonexistent-folder/t.png", ExportFormat::Png, {}), &error));
    EXPECT_EQ(error, "/nonexistent-folder/t.png: the folder /nonexistent-folder does not exist");
}

namespace {

// Every warning Qt writes to the console while one is alive.
class ConsoleWarnings {
public:
    ConsoleWarnings() { previous_ = qInstallMessageHandler(&ConsoleWarnings::heard); }
    ~ConsoleWarnings() { qInstallMessageHandler(previous_); }
    static QStringList& said() {
        static QStringList warnings;
        return warnings;
    }

private:
    static void heard(QtMsgType type, const QMessageLogContext&, const QString& message) {
        if (type != QtDebugMsg && type != QtInfoMsg)
            said() << message;
    }
    QtMessageHandler previous_;
};

} // namespace

// Opening, showing and switching between a version 1 and a version 2 scenario says nothing on
// the console (a label without text once asked for a height of -1 in every window).
TEST(QuietWindow, OpensAndShowsScenariosWithoutAWarning) {
    ConsoleWarnings listening;
    ConsoleWarnings::said().clear();
    {
        MainWindow window;
        window.resize(1100, 700);
        window.show();
        window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
        QApplication::processEvents();
        window.showScenario(test::requestsScenario(40, 3), "Requests");
        QApplication::processEvents();
    }
    EXPECT_EQ(ConsoleWarnings::said(), QStringList());
}
