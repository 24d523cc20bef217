// The built-in examples: each loads as a valid scenario, File ▸ Examples opens it as an untitled
// copy, and its paragraph of what to watch for stands above the card.

#include "apptheme.h"
#include "editing/scenariomodel.h"
#include "examples/examplebanner.h"
#include "examples/examplelist.h"
#include "files/scenariofile.h"
#include "format/scenarioformat.h"
#include "mainwindow.h"
#include "qstringprinter.h"
#include "timeline/timelinepane.h"
#include "windowmenus.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QSet>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>

using namespace coroscope;
using namespace coroscope::test;

namespace {

// The menu entry of that text among menu's, or null.
QAction* entryNamed(const QMenu* menu, const QString& text) {
    for (QAction* action : menu->actions())
        if (action->text() == text)
            return action;
    return nullptr;
}

// The lightest and darkest grey levels among the image's pixels.
std::pair<int, int> lightnessRange(const QImage& image) {
    int lightest = 0;
    int darkest = 255;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const int level = qGray(image.pixel(x, y));
            lightest = std::max(lightest, level);
            darkest = std::min(darkest, level);
        }
    return {lightest, darkest};
}

} // namespace

TEST(Examples, TheEightIdeasOfTheIssueInTheMenusOrder) {
    QStringList names;
    for (const Example& example : builtInExamples())
        names << example.name;
    EXPECT_EQ(names,
              (QStringList{"seed", "blocking-call", "one-by-one-vs-gather", "semaphore-fan-out",
                           "thread-pool", "arrivals", "spawn-before-timer", "producer-consumers"}));
    EXPECT_EQ(exampleNames(), names.join(", "));
}

TEST(Examples, EachFileIsAValidScenarioByTheLoaderWithItsWords) {
    QSet<QString> listed;
    for (const Example& example : builtInExamples()) {
        SCOPED_TRACE(example.name.toStdString());
        QFile file(example.resource);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << example.resource.toStdString();
        const QByteArray json = file.readAll();
        // The loader every user file goes through, unknown keys refused.
        const Result<Scenario> parsed = parseScenario({json.constData(), std::size_t(json.size())});
        ASSERT_TRUE(parsed) << parsed.error().message;
        EXPECT_EQ(exampleScenario(example), parsed.value());
        EXPECT_FALSE(example.title.isEmpty());
        EXPECT_FALSE(example.summary.isEmpty());
        EXPECT_FALSE(example.summary.contains('\n'));
        EXPECT_GT(example.description.size(), 2 * example.summary.size());
        listed << QFileInfo(example.resource).fileName();
    }
    // Every example file shipped is in the list (and the seed is the built-in scenario).
    for (const QString& shipped : QDir(":/examples").entryList({"*.json"})) {
        if (shipped != "index.json") {
            EXPECT_TRUE(listed.contains(shipped)) << shipped.toStdString();
        }
    }
    EXPECT_EQ(exampleScenario(*findExample("seed")), ScenarioFile::builtInDefault());
    EXPECT_EQ(findExample("no-such-example"), nullptr);
}

TEST(Examples, VersionTwoExamplesUseWhatTheyAreAbout) {
    const auto scenario = [](const char* name) { return exampleScenario(*findExample(name)); };
    const Scenario fanOut = scenario("semaphore-fan-out");
    const std::optional<StepKind> db = fanOut.kinds.find("db");
    ASSERT_TRUE(db);
    EXPECT_EQ(fanOut.kinds[*db].limit, 2);
    EXPECT_EQ(scenario("thread-pool").threads, 2);
    EXPECT_TRUE(scenario("thread-pool").kinds.find(KindBehaviour::Thread));
    EXPECT_GT(scenario("arrivals").tasks.back().startMs, 0);
    EXPECT_TRUE(scenario("spawn-before-timer").kinds.find(KindBehaviour::Spawn));
    EXPECT_TRUE(scenario("one-by-one-vs-gather").kinds.find(KindBehaviour::Join));
}

class ExampleWindowTest : public ::testing::Test {
protected:
    ExampleWindowTest() {
        window.resize(1200, 760);
        window.show();
    }
    MainWindow window;
};

TEST_F(ExampleWindowTest, FileExamplesOpensAnUntitledCopyWithItsParagraphAboveTheCard) {
    QMenu* file = menuNamed(window, "&File");
    ASSERT_NE(file, nullptr);
    QAction* submenu = entryNamed(file, "E&xamples");
    ASSERT_NE(submenu, nullptr);
    ASSERT_NE(submenu->menu(), nullptr);
    const QList<QAction*> entries = submenu->menu()->actions();
    ASSERT_EQ(entries.size(), builtInExamples().size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Example& example = builtInExamples()[i];
        EXPECT_EQ(entries[i]->text(), example.title);
        EXPECT_EQ(entries[i]->statusTip(), example.summary);
    }

    const Example& blocking = *findExample("blocking-call");
    entries[1]->trigger();
    EXPECT_EQ(window.windowTitle(), "Example: One blocking call stalls every task[*] — Coroscope");
    EXPECT_EQ(window.filePath(), ""); // Save asks where
    EXPECT_FALSE(window.isModified());
    EXPECT_EQ(window.model()->scenario(), exampleScenario(blocking));
    ExampleBanner* banner = window.exampleBanner();
    ASSERT_TRUE(banner->isVisible());
    EXPECT_EQ(banner->text(), blocking.description);
    // Above the card, as wide as it.
    const QPoint bannerBottom = banner->mapTo(&window, banner->rect().bottomLeft());
    const QPoint paneTop = window.pane()->mapTo(&window, QPoint(0, 0));
    EXPECT_LE(bannerBottom.y(), paneTop.y());
    EXPECT_EQ(banner->width(), window.pane()->width());
    // Its words are text, whatever they hold.
    const QLabel* words = banner->findChild<QLabel*>();
    ASSERT_NE(words, nullptr);
    EXPECT_EQ(words->textFormat(), Qt::PlainText);
    EXPECT_TRUE(words->wordWrap());

    QTest::mouseClick(banner->closeButton(), Qt::LeftButton);
    EXPECT_FALSE(banner->isVisible());
    EXPECT_EQ(window.model()->scenario(), exampleScenario(blocking)); // closing it changes nothing
}

TEST_F(ExampleWindowTest, EveryExampleShowsItsDescriptionAndAnotherScenarioHidesIt) {
    for (const Example& example : builtInExamples()) {
        SCOPED_TRACE(example.name.toStdString());
        window.showExample(example);
        EXPECT_TRUE(window.exampleBanner()->isVisible());
        EXPECT_EQ(window.exampleBanner()->text(), example.description);
        EXPECT_EQ(window.windowTitle(), "Example: " + example.title + "[*] — Coroscope");
        EXPECT_FALSE(window.isModified());
    }
    window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
    EXPECT_FALSE(window.exampleBanner()->isVisible());
}

TEST_F(ExampleWindowTest, AnEditedExampleIsModifiedAndStaysUntitled) {
    window.showExample(*findExample("seed"));
    ASSERT_TRUE(window.model()->setTitles("Renamed", ""));
    EXPECT_TRUE(window.isModified());
    EXPECT_EQ(window.filePath(), "");
    EXPECT_TRUE(window.windowTitle().startsWith("Example: Three tasks share one loop"));
}

TEST_F(ExampleWindowTest, TheParagraphReadsInBothThemes) {
    window.showExample(*findExample("arrivals"));
    QLabel* words = window.exampleBanner()->findChild<QLabel*>();
    ASSERT_NE(words, nullptr);
    for (const ThemeChoice choice : {ThemeChoice::Light, ThemeChoice::Dark}) {
        window.themeAction(choice)->trigger();
        QApplication::processEvents(); // the palette reaches the widgets by posted events
        const QImage shown = window.exampleBanner()->grab().toImage();
        // Beside the words, inside the frame: the banner's own background.
        const QPoint margin = words->geometry().topLeft() - QPoint(2, 2);
        ASSERT_TRUE(margin.x() > 1 && margin.y() > 1);
        const QRgb ground = shown.pixel(margin);
        const auto [lightest, darkest] = lightnessRange(shown.copy(words->geometry()));
        if (choice == ThemeChoice::Dark) {
            EXPECT_LT(qGray(ground), 100);
            EXPECT_GT(lightest - qGray(ground), 100) << "light text on the dark banner";
        } else {
            EXPECT_GT(qGray(ground), 150);
            EXPECT_GT(qGray(ground) - darkest, 100) << "dark text on the light banner";
        }
    }
    window.themeAction(ThemeChoice::System)->trigger(); // as the other tests expect
}
