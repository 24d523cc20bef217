// Long exports tell progress and can be stopped: pictures are drawn and compressed a band at
// a time (the same pixels as drawing them whole), progress goes from 0 to 1, and a cancel
// leaves no file behind.

#include "export/timelineexport.h"
#include "export/timelineimage.h"
#include "files/scenariofile.h"
#include "mainwindow.h"
#include "randomscenario.h"
#include "resultchecks.h"
#include "timeline/timelinescene.h"
#include "workprogress.h"

#include <QDir>
#include <QImage>
#include <QProgressDialog>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace coroscope;
using namespace coroscope::test;

namespace {

// 400 tasks: 8,000 px tall, many bands of rows.
const Scenario& tall() {
    static const Scenario scenario = randomScenario(400, 6, 5);
    return scenario;
}

QStringList filesIn(const QTemporaryDir& folder) {
    return QDir(folder.path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

} // namespace

TEST(ExportProgress, APictureInBandsIsThePictureDrawnWhole) {
    QTemporaryDir folder;
    const QString path = folder.filePath("tall.png");
    ExportOptions options;
    ASSERT_TRUE(succeeded(exportTimeline(tall(), path.toStdString(), ExportFormat::Png, options)));
    const auto scene = timelineAt(tall(), 1e12, options.width - 40);
    const QImage whole = renderTimeline(*scene, 1);
    ASSERT_GT(whole.height(), 4 * 256);
    EXPECT_EQ(QImage(path).convertToFormat(QImage::Format_RGB32), whole);
}

TEST(ExportProgress, PicturesTellProgressFromZeroToOne) {
    for (ExportFormat format : {ExportFormat::Png, ExportFormat::Svg}) {
        QTemporaryDir folder;
        std::vector<double> told;
        const Progress record = [&](double done) {
            told.push_back(done);
            return true;
        };
        const QString path = folder.filePath("tall" + extensionOf(format));
        ASSERT_TRUE(succeeded(exportTimeline(tall(), path.toStdString(), format, {}, record)));
        ASSERT_GE(told.size(), 2u) << extensionOf(format).toStdString();
        EXPECT_EQ(told.front(), 0);
        EXPECT_EQ(told.back(), 1);
        EXPECT_TRUE(std::is_sorted(told.begin(), told.end()));
    }
}

TEST(ExportProgress, ACancelledExportLeavesNoFile) {
    for (ExportFormat format : {ExportFormat::Png, ExportFormat::Svg}) {
        QTemporaryDir folder;
        const Progress stopHalfWay = [](double done) { return done < 0.5; };
        const QString path = folder.filePath("tall" + extensionOf(format));
        const Result<void> exported =
            exportTimeline(tall(), path.toStdString(), format, {}, stopHalfWay);
        ASSERT_FALSE(exported);
        EXPECT_TRUE(exported.error().cancelled);
        EXPECT_EQ(filesIn(folder), QStringList()) << "neither the file nor a temporary";
    }
}

TEST(ExportProgress, TheWindowsCancelButtonStopsAnExport) {
    MainWindow window;
    window.showScenario(tall(), "tall");
    QTemporaryDir folder;
    WorkProgress work(&window, "Exporting");
    work.dialog()->cancel(); // as a click on Cancel does
    const Result<void> exported =
        window.exportTo(folder.filePath("tall.png"), ExportFormat::Png, {}, work.progress());
    ASSERT_FALSE(exported);
    EXPECT_TRUE(exported.error().cancelled);
    EXPECT_EQ(filesIn(folder), QStringList());
}
