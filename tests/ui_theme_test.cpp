// Themes: the dark one's colours against the light one's, the window's View ▸ Theme (card,
// application palette, remembered), System following the palette, and exports that stay light
// unless asked.

#include "apptheme.h"
#include "bridge/schedulerbridge.h"
#include "export/exportdialog.h"
#include "export/timelineimage.h"
#include "files/scenariofile.h"
#include "mainwindow.h"
#include "qstringprinter.h"
#include "resultchecks.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>

using namespace coroscope;
using namespace coroscope::test;
using style::Theme;

namespace {

// The lightness of the brightest pixel in a rectangle: the text's, where light text is drawn
// on dark, the background's otherwise.
int brightest(const QImage& image, const QRect& rect) {
    int high = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            high = std::max(high, image.pixelColor(x, y).lightness());
    return high;
}

int darkest(const QImage& image, const QRect& rect) {
    int low = 255;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            low = std::min(low, image.pixelColor(x, y).lightness());
    return low;
}

// The title's first letters.
QRect titleStart(const TimelineLayout& layout) {
    return QRectF(layout.title.topLeft(), QSizeF(200, 30)).toRect();
}

std::string nameOf(const Theme& theme) {
    return theme == Theme::light() ? "light" : theme == Theme::dark() ? "dark" : "another";
}

// Every test leaves the settings and the application palette as it found them.
class ThemeWindow : public ::testing::Test {
protected:
    ~ThemeWindow() override {
        QSettings().remove(QStringLiteral("view/theme"));
        applyApplicationPalette(ThemeChoice::System);
        QApplication::setPalette(QPalette());
    }
    // Shown, as palette and theme changes reach only windows on screen.
    static void showSeed(MainWindow& window) {
        window.resize(1100, 700);
        window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
        window.bridge()->pause();
        window.bridge()->seek(1e9); // the finished run
        window.show();
    }
};

} // namespace

TEST(Theme, DarkIsDarkWhereLightIsLightAndKeepsTheKindHues) {
    const Theme& light = Theme::light();
    const Theme& dark = Theme::dark();
    for (auto [part, l, d] :
         {std::tuple{"page", light.page, dark.page}, std::tuple{"card", light.card, dark.card},
          std::tuple{"track", light.track, dark.track},
          std::tuple{"rule", light.rule, dark.rule}}) {
        EXPECT_GE(l.lightness(), 230) << part;
        EXPECT_LE(d.lightness(), 60) << part;
    }
    for (auto [part, l, d] : {std::tuple{"title", light.title, dark.title},
                              std::tuple{"muted", light.mutedText, dark.mutedText},
                              std::tuple{"row label", light.rowLabel, dark.rowLabel}}) {
        EXPECT_LE(l.lightness(), 110) << part;
        EXPECT_GE(d.lightness(), 150) << part;
    }
    // Surfaces step up from the page: card, then track.
    EXPECT_LT(dark.page.lightness(), dark.card.lightness());
    EXPECT_LT(dark.card.lightness(), dark.track.lightness());
}

TEST(Theme, TheSceneRepaintsInItsTheme) {
    const auto scene = timelineAt(ScenarioFile::builtInDefault(), 1e9, 1000);
    EXPECT_EQ(nameOf(scene->theme()), "light");
    const QImage light = renderTimeline(*scene, 1);
    scene->setTheme(Theme::dark());
    const QImage dark = renderTimeline(*scene, 1);
    EXPECT_EQ(dark.pixelColor(2, 2), Theme::dark().page);
    EXPECT_EQ(dark.pixelColor(scene->layout().card.topLeft().toPoint() + QPoint(15, 200)),
              Theme::dark().card);
    EXPECT_EQ(dark.pixelColor(scene->layout().track(0).topRight().toPoint() + QPoint(-30, 24)),
              Theme::dark().track);
    EXPECT_LE(darkest(light, titleStart(scene->layout())), 90);
    EXPECT_GE(brightest(dark, titleStart(scene->layout())), 200);
    scene->setTheme(Theme::light());
    EXPECT_EQ(renderTimeline(*scene, 1), light) << "back to the very same picture";
}

TEST_F(ThemeWindow, MenuSwitchesTheCardAndTheApplicationPaletteAndIsRemembered) {
    {
        MainWindow window;
        showSeed(window);
        EXPECT_TRUE(window.themeAction(ThemeChoice::System)->isChecked());
        EXPECT_EQ(nameOf(window.scene()->theme()), "light");

        window.themeAction(ThemeChoice::Dark)->trigger();
        EXPECT_TRUE(window.themeAction(ThemeChoice::Dark)->isChecked());
        EXPECT_FALSE(window.themeAction(ThemeChoice::System)->isChecked());
        EXPECT_EQ(nameOf(window.scene()->theme()), "dark");
        EXPECT_TRUE(isDarkPalette(QApplication::palette()));
        EXPECT_EQ(QApplication::palette().color(QPalette::Base), Theme::dark().card);
        // What the window shows, cached text included.
        const QImage shown = window.view()->viewport()->grab().toImage();
        EXPECT_EQ(shown.pixelColor(2, 2), Theme::dark().page);
        const QRect title =
            window.view()->mapFromScene(titleStart(window.scene()->layout())).boundingRect();
        EXPECT_GE(brightest(shown, title), 200);

        window.themeAction(ThemeChoice::Light)->trigger();
        EXPECT_EQ(nameOf(window.scene()->theme()), "light");
        EXPECT_FALSE(isDarkPalette(QApplication::palette()));

        window.themeAction(ThemeChoice::Dark)->trigger();
    }
    EXPECT_EQ(QSettings().value("view/theme").toString(), "dark");
    QApplication::setPalette(QPalette()); // as at a new start
    {
        MainWindow again;
        EXPECT_TRUE(again.themeAction(ThemeChoice::Dark)->isChecked());
        EXPECT_EQ(nameOf(again.scene()->theme()), "dark");
        EXPECT_TRUE(isDarkPalette(QApplication::palette()));

        again.themeAction(ThemeChoice::System)->trigger(); // the platform's palette again
        EXPECT_FALSE(isDarkPalette(QApplication::palette()));
        EXPECT_EQ(nameOf(again.scene()->theme()), "light");
    }
    EXPECT_EQ(QSettings().value("view/theme").toString(), "system");
}

TEST_F(ThemeWindow, SystemFollowsTheApplicationPalette) {
    MainWindow window;
    showSeed(window);
    ASSERT_TRUE(window.themeAction(ThemeChoice::System)->isChecked());
    // Widgets hear of a new application palette through posted events.
    QApplication::setPalette(darkPalette()); // the desktop turns dark
    QCoreApplication::processEvents();
    EXPECT_EQ(nameOf(window.scene()->theme()), "dark");
    QApplication::setPalette(QPalette()); // and light again
    QCoreApplication::processEvents();
    EXPECT_EQ(nameOf(window.scene()->theme()), "light");
    // The platform says its theme changed (as a desktop switching to dark does).
    QApplication::setPalette(darkPalette());
    QEvent themeChange(QEvent::ThemeChange);
    QCoreApplication::sendEvent(&window, &themeChange);
    EXPECT_EQ(nameOf(window.scene()->theme()), "dark");
    QApplication::setPalette(QPalette());
    QCoreApplication::processEvents();

    // A chosen theme holds whatever the desktop does.
    window.themeAction(ThemeChoice::Light)->trigger();
    QApplication::setPalette(darkPalette());
    QCoreApplication::processEvents();
    EXPECT_EQ(nameOf(window.scene()->theme()), "light");
}

TEST_F(ThemeWindow, ExportsStayLightInADarkWindowUnlessAsked) {
    MainWindow window;
    showSeed(window);
    window.themeAction(ThemeChoice::Dark)->trigger();
    QTemporaryDir dir;
    ExportOptions options;
    options.width = window.pageWidth();
    ASSERT_TRUE(succeeded(window.exportTo(dir.filePath("light.png"), ExportFormat::Png, options)));
    EXPECT_EQ(QImage(dir.filePath("light.png")).pixelColor(2, 2), Theme::light().page);

    ExportDialog dialog(ExportFormat::Png, 0, window.pageWidth(), std::nullopt, &window);
    EXPECT_EQ(nameOf(dialog.options().theme), "light");
    dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(true));
    EXPECT_EQ(nameOf(dialog.options().theme), "dark");
    ASSERT_TRUE(
        succeeded(window.exportTo(dir.filePath("dark.png"), ExportFormat::Png, dialog.options())));
    EXPECT_EQ(QImage(dir.filePath("dark.png")).pixelColor(2, 2), Theme::dark().page);
    EXPECT_EQ(nameOf(ExportDialog(ExportFormat::Svg, 0, 1040).options().theme), "light");
}
