// The rough edges a new user hit: long task names, the smallest window, a window remembered
// off-screen, SVG text, the kind editor, plurals, shortcuts and button words, and accessible
// names and focus order for a screen reader user.

#include "bridge/schedulerbridge.h"
#include "editing/scenariomodel.h"
#include "editing/scenariopanel.h"
#include "export/timelineexport.h"
#include "export/timelineimage.h"
#include "files/autosaver.h"
#include "files/scenariofile.h"
#include "mainwindow.h"
#include "playbackbar.h"
#include "qstringprinter.h"
#include "resultchecks.h"
#include "scenetexts.h"
#include "timeline/timelineitems.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"
#include "tooltiptext.h"
#include "windowdialogs.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>
#include <QUndoStack>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <algorithm>

using namespace coroscope;
using namespace coroscope::test;

namespace {

// Wider than the column may grow, at 14 px in the row labels' font.
const QString kLongName = QStringLiteral("Fetch the user's profile from the accounts service");
const QString kMiddleName = QStringLiteral("Resize thumbnails");

Scenario withNames(const QStringList& names) {
    Scenario scenario = ScenarioFile::builtInDefault();
    for (qsizetype i = 0; i < names.size(); ++i)
        scenario.tasks[std::size_t(i)].name = names[i].toStdString();
    return scenario;
}

std::vector<SceneText> rowLabels(const TimelineScene& scene) {
    return test::textsOf(scene, TextItem::Role::RowLabel);
}

// Restores a setting the test changes.
class SettingGuard {
public:
    explicit SettingGuard(QString key)
        : key_(std::move(key))
        , old_(QSettings().value(key_)) {}
    ~SettingGuard() {
        if (old_.isValid())
            QSettings().setValue(key_, old_);
        else
            QSettings().remove(key_);
    }

private:
    QString key_;
    QVariant old_;
};

} // namespace

// 1. Long task names

TEST(RowLabelColumn, FitsTheWidestNameBetweenTheAnimationsWidthAndACap) {
    EXPECT_EQ(layoutTimeline(1000, 3).rowLabelWidth, 100); // the seed's picture as it was
    EXPECT_EQ(layoutTimeline(1000, 3, 40).rowLabelWidth, 100);
    const TimelineLayout wider = layoutTimeline(1000, 3, 150);
    EXPECT_EQ(wider.rowLabelWidth, 150);
    EXPECT_EQ(wider.rowLabel(0).width(), 150);
    EXPECT_EQ(wider.trackLeft, wider.contentLeft + 150 + 16);
    EXPECT_EQ(wider.trackLeft + wider.trackWidth, wider.contentLeft + wider.contentWidth);
    EXPECT_EQ(layoutTimeline(1000, 3, 1000).rowLabelWidth, kRowLabelMaxWidth);
    EXPECT_EQ(layoutTimeline(480, 3, 1000).rowLabelWidth, 160); // a third of a narrow card
}

TEST(RowLabelColumn, TheSeedKeepsItsColumnAndNoTooltips) {
    const auto scene = timelineAt(ScenarioFile::builtInDefault(), 1000, 1000);
    EXPECT_EQ(scene->layout().rowLabelWidth, 100);
    for (int row = 0; row < 3; ++row)
        EXPECT_EQ(scene->shownRowLabel(row), scene->taskNames()[row]);
}

TEST(RowLabelColumn, LongNamesWidenItUpToTheCapAndAreElidedWithTheFullNameAsTooltip) {
    const auto scene = timelineAt(withNames({kMiddleName, kLongName}), 1000, 1000);
    EXPECT_EQ(scene->layout().rowLabelWidth, kRowLabelMaxWidth);
    const auto labels = rowLabels(*scene);
    ASSERT_EQ(labels.size(), 3u);
    EXPECT_EQ(labels[0].text, kMiddleName);
    EXPECT_TRUE(labels[1].text.endsWith(QChar(0x2026))) << labels[1].text.toStdString();
    EXPECT_TRUE(kLongName.startsWith(labels[1].text.chopped(1)));
    EXPECT_EQ(labels[2].text, "Task 3");

    // A name that fits the column shows whole, in a column just as wide as it needs.
    const auto fits = timelineAt(withNames({kMiddleName}), 1000, 1000);
    EXPECT_GT(fits->layout().rowLabelWidth, 100);
    EXPECT_LT(fits->layout().rowLabelWidth, kRowLabelMaxWidth);
    EXPECT_EQ(rowLabels(*fits)[0].text, kMiddleName);
}

TEST(RowLabelColumn, HoveringAnElidedNameShowsItAsTyped) {
    const QString name = "<b>x</b> " + kLongName;
    const auto scene = timelineAt(withNames({name}), 1000, 1000);
    TimelineView view(scene.get());
    view.resize(1280, 800);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&view));
    const auto hover = [&](QPointF scenePoint) {
        const QPoint pos = view.mapFromScene(scenePoint);
        QHelpEvent event(QEvent::ToolTip, pos, view.viewport()->mapToGlobal(pos));
        QApplication::sendEvent(view.viewport(), &event);
        return event.isAccepted();
    };
    ASSERT_TRUE(hover(scene->layout().rowLabel(0).center()));
    EXPECT_EQ(shownText(QToolTip::text()), name);
    EXPECT_FALSE(QToolTip::text().contains("<b>x")) << "the tag would be rendered bold";
    EXPECT_FALSE(hover(scene->layout().rowLabel(1).center())); // "Task 2" fits
    QToolTip::hideText();
}

// 2. The smallest window

TEST(SmallestWindow, KeepsATimelineAndTheWholeFigures) {
    MainWindow window;
    window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.resize(100, 100); // clamped to the minimum
    QTest::qWait(50);
    EXPECT_GE(window.view()->height(), 240);
    EXPECT_GE(window.view()->width(), 360);
    QLabel* figures = window.figuresLabel();
    EXPECT_TRUE(figures->toolTip().startsWith(figures->text())); // the whole line, then meanings
    EXPECT_TRUE(figures->wordWrap());
    // Wrapped, not cut: the label is as tall as its text needs at its width.
    EXPECT_GE(figures->height(), figures->heightForWidth(figures->width()))
        << figures->width() << " px wide";
}

// 3. A window remembered off-screen

TEST(RememberedGeometry, AWindowOffEveryScreenComesBackOntoThePrimaryScreen) {
    const SettingGuard guard(QStringLiteral("window/geometry"));
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    const QRect elsewhere[] = {
        {available.right() + 3000, available.bottom() + 2000, 700, 500}, // a screen now gone
        {available.left() - 300, available.top() + 50, available.width() * 2,
         available.height() * 2}, // saved at half today's scale factor
    };
    for (const QRect& saved : elsewhere) {
        QWidget remembered;
        remembered.setGeometry(saved);
        QSettings().setValue(QStringLiteral("window/geometry"), remembered.saveGeometry());
        MainWindow window;
        EXPECT_TRUE(available.contains(window.frameGeometry()))
            << "saved at " << saved.x() << "," << saved.y() << " " << saved.width() << "×"
            << saved.height();
    }
}

// 4. SVG text

class SvgExport : public ::testing::Test {
protected:
    // The SVG of a scenario: its root's size attributes and the text of its <text> elements.
    void read(const Scenario& scenario, const ExportOptions& options = {}) {
        const QString path = dir.filePath("t.svg");
        ASSERT_TRUE(
            succeeded(exportTimeline(scenario, path.toStdString(), ExportFormat::Svg, options)));
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QStringLiteral("svg")) {
                width = xml.attributes().value("width").toString();
                height = xml.attributes().value("height").toString();
            } else if (xml.name() == QStringLiteral("text")) {
                fontFamily = xml.attributes().value("font-family").toString();
                const QString anchor = xml.attributes().value("text-anchor").toString();
                const QString style = xml.attributes().value("font-style").toString();
                texts << xml.readElementText();
                anchors[texts.back()] = anchor;
                styles[texts.back()] = style;
            } else if (xml.name() == QStringLiteral("image")) {
                ++images;
            }
        }
        EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    }
    QTemporaryDir dir;
    QString width;
    QString height;
    QString fontFamily;
    QStringList texts;
    QMap<QString, QString> anchors; // by text
    QMap<QString, QString> styles;  // font-style, by text
    int images = 0;
};

TEST_F(SvgExport, WritesRealTextAndPixelSizes) {
    read(ScenarioFile::builtInDefault());
    EXPECT_EQ(width, "1040");
    EXPECT_EQ(height, "501");
    for (const char* expected :
         {"Asynchronous Task Execution", "Sequential CPU work, concurrent I/O & HTTP waits",
          "Task 1", "Task 2", "Task 3", "0ms", "1000ms", "Processing", "I/O Wait", "HTTP Wait"})
        EXPECT_TRUE(texts.contains(expected))
            << expected << " in " << texts.join(" | ").toStdString();
    EXPECT_EQ(images, 0) << "no text as bitmaps";
    EXPECT_TRUE(fontFamily.endsWith(", sans-serif")) << fontFamily.toStdString();
    // Held where the window aligns them, whatever font a viewer has.
    EXPECT_EQ(anchors["Task 1"], "end");
    EXPECT_EQ(anchors["400ms"], "middle");
    EXPECT_EQ(anchors["Asynchronous Task Execution"], "start");
}

// Text drawn in italic (the lanes' labels under Explain) is italic in the SVG too.
TEST_F(SvgExport, KeepsTheItalicOfTheLanesLabels) {
    ExportOptions explained;
    explained.explain = true;
    read(ScenarioFile::builtInDefault(), explained);
    ASSERT_TRUE(texts.contains("Event loop")) << texts.join(" | ").toStdString();
    EXPECT_EQ(styles["Event loop"], "italic");
    EXPECT_EQ(styles["Task 1"], "");
}

TEST_F(SvgExport, LongNamesAreElidedAsInTheWindow) {
    read(withNames({kLongName}));
    const auto elided = std::find_if(texts.begin(), texts.end(), [](const QString& text) {
        return text.endsWith(QChar(0x2026)) && kLongName.startsWith(text.chopped(1));
    });
    EXPECT_NE(elided, texts.end()) << texts.join(" | ").toStdString();
}

// 5-8. The window

class PolishedWindow : public ::testing::Test {
protected:
    PolishedWindow() {
        window.resize(1100, 700);
        window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
    }
    QAction* menuAction(const QString& text) const {
        for (QAction* action : window.findChildren<QAction*>())
            if (action->text() == text)
                return action;
        ADD_FAILURE() << "no action " << text.toStdString();
        return nullptr;
    }
    MainWindow window;
};

TEST_F(PolishedWindow, TheKindEditorFitsItsKindsAndAPickCommitsAtOnce) {
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QTreeView* tree = window.panel()->tree();
    const QModelIndex kind = window.model()->stepIndex(1, 0, ScenarioModel::KindColumn);
    tree->setCurrentIndex(kind);
    tree->edit(kind);
    auto* combo = qobject_cast<QComboBox*>(tree->indexWidget(kind));
    ASSERT_NE(combo, nullptr);
    EXPECT_GE(tree->columnWidth(ScenarioModel::KindColumn), combo->sizeHint().width());
    EXPECT_GE(combo->width(), combo->sizeHint().width()) << "\"HTTP Wait\" shows whole";
    EXPECT_GE(combo->view()->minimumWidth(), combo->sizeHint().width());
    EXPECT_EQ(combo->currentText(), "Processing");

    combo->showPopup();
    QTest::keyClick(combo->view(), Qt::Key_Down);
    QTest::keyClick(combo->view(), Qt::Key_Return);
    EXPECT_EQ(window.model()->data(kind, Qt::EditRole).toInt(), int(StepKind::Io.index));
    EXPECT_EQ(window.undoStack()->undoText(), "Make step 1 of “Task 2” I/O Wait");
    EXPECT_EQ(tree->indexWidget(kind), nullptr) << "the editor closes";
}

TEST_F(PolishedWindow, FiguresCountInEnglish) {
    EXPECT_TRUE(window.figuresLabel()->text().endsWith("3 tasks, 9 segments"))
        << window.figuresLabel()->text().toStdString();
    menuAction("&New")->trigger();
    EXPECT_TRUE(window.figuresLabel()->text().endsWith("1 task, 1 segment"))
        << window.figuresLabel()->text().toStdString();
}

TEST_F(PolishedWindow, SaveAsHasCtrlShiftS) {
    EXPECT_EQ(menuAction("Save &As…")->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
}

TEST_F(PolishedWindow, TheLoopButtonSaysWhetherItIsOn) {
    QAction* loop = window.playbackBar()->loopAction();
    auto* button = qobject_cast<QToolButton*>(window.playbackBar()->widgetForAction(loop));
    ASSERT_NE(button, nullptr);
    EXPECT_EQ(button->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
    EXPECT_TRUE(button->isChecked());
    EXPECT_EQ(button->text(), "Loop: on");
    loop->trigger();
    EXPECT_FALSE(window.bridge()->loops());
    EXPECT_FALSE(button->isChecked());
    EXPECT_EQ(button->text(), "Loop: off");
    window.bridge()->setLoop(true);
    EXPECT_EQ(button->text(), "Loop: on");
}

TEST(RestorePrompt, ItsButtonsSayWhatTheyDo) {
    QTemporaryDir folder;
    Scenario lost = ScenarioFile::builtInDefault();
    lost.tasks.resize(1);
    QString slot;
    {
        Autosaver crashed(folder.path());
        crashed.schedule(lost, "/home/someone/work.json");
        ASSERT_TRUE(succeeded(crashed.saveNow()));
        slot = crashed.slotFile();
    } // gone without discard(), as in a crash
    MainWindow window(nullptr, folder.path());

    QStringList buttons;
    QString text;
    answerMessageBox(
        [&](QMessageBox* box) {
            for (QAbstractButton* button : box->buttons())
                buttons << button->text();
            text = box->text();
            buttonNamed(box, "Not now (ask next time)")->click();
        },
        [&] { window.offerRecovery(); });
    buttons.sort();
    EXPECT_EQ(buttons, QStringList({"Delete it", "Not now (ask next time)", "Restore"}));
    EXPECT_TRUE(text.contains("(“Asynchronous Task Execution”, 1 task)")) << text.toStdString();
    EXPECT_TRUE(QFile::exists(slot)) << "not now keeps it";
    EXPECT_FALSE(window.isModified());

    answerMessageBox([](QMessageBox* box) { buttonNamed(box, "Restore")->click(); },
                     [&] { window.offerRecovery(); });
    EXPECT_EQ(window.model()->scenario(), lost);
    EXPECT_TRUE(window.isModified());
}

// Every control a keyboard reaches in the playback bar and the panel, as a screen reader
// names it.
TEST_F(PolishedWindow, EveryControlOfTheBarAndPanelHasAnAccessibleName) {
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.bridge()->pause(); // the time read below stays at 0 however long the walk takes
    window.bridge()->seek(0);
    int controls = 0;
    for (QWidget* container :
         {static_cast<QWidget*>(window.playbackBar()), static_cast<QWidget*>(window.panel())}) {
        for (QWidget* widget : container->findChildren<QWidget*>()) {
            if (!(widget->focusPolicy() & Qt::TabFocus) || !widget->isVisibleTo(&window) ||
                widget->focusProxy())
                continue;
            ++controls;
            const QString described = QString::fromLatin1(widget->metaObject()->className()) +
                                      " \"" + widget->toolTip() + '"';
            EXPECT_FALSE(widget->accessibleName().isEmpty()) << described.toStdString();
            QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
            ASSERT_NE(accessible, nullptr) << described.toStdString();
            EXPECT_FALSE(accessible->text(QAccessible::Name).isEmpty()) << described.toStdString();
            // On Linux a combo box's name is its value; a label says what it is.
            if (qobject_cast<QComboBox*>(widget)) {
                EXPECT_EQ(accessible->relations(QAccessible::Label).size(), 1)
                    << described.toStdString();
            }
        }
    }
    // 7 buttons, speed, scrubber; 2 fields, threads, resources with 2 buttons, tree, 6 buttons
    EXPECT_EQ(controls, 9 + 13);
    EXPECT_TRUE(window.playbackBar()->timeLabel()->accessibleName().startsWith("Time 0ms / "));
}

TEST_F(PolishedWindow, TabGoesThroughThePanelThenTheTimelineThenThePlaybackBar) {
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.panel()->select(1, -1); // the middle task: every button of the panel is enabled
    window.panel()->titleEdit()->setFocus();
    QStringList order{QApplication::focusWidget()->accessibleName()};
    for (int i = 0; i < 22; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        order << QApplication::focusWidget()->accessibleName();
    }
    EXPECT_EQ(order, QStringList({"Title",
                                  "Subtitle",
                                  "Threads",
                                  "Resources",
                                  "Add resource", // Remove resource waits for a selection
                                  "Tasks and steps",
                                  "Add task",
                                  "Add step",
                                  "Duplicate task",
                                  "Remove",
                                  "Move up",
                                  "Move down",
                                  "Timeline",
                                  "Pause",
                                  "Restart",
                                  "Previous event",
                                  "Next event",
                                  "Loop",
                                  "Explain",
                                  "Compare with Blocking",
                                  "Playback speed",
                                  "Playback position",
                                  "Title"}));
}

TEST_F(PolishedWindow, SpaceOnAFocusedButtonOfTheBarPressesIt) {
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    QWidget* loop = window.playbackBar()->widgetForAction(window.playbackBar()->loopAction());
    loop->setFocus();
    QTest::keyClick(loop, Qt::Key_Space);
    EXPECT_FALSE(window.bridge()->loops());
    EXPECT_TRUE(window.bridge()->isPlaying()) << "Space pressed the button, not Play/Pause";
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_Space);
    EXPECT_FALSE(window.bridge()->isPlaying()) << "elsewhere Space plays and pauses";
}

TEST(AboutBox, SaysTheVersionWhatItIsAndTheLicence) {
    const QString about = MainWindow::aboutText();
    EXPECT_TRUE(about.startsWith(QStringLiteral("Coroscope %1").arg(COROSCOPE_VERSION)));
    EXPECT_TRUE(about.contains("one event loop"));
    EXPECT_TRUE(about.contains("MIT licence")) << "as LICENSE, the package and the metainfo say";
    MainWindow window;
    QStringList menus;
    for (QAction* action : window.menuBar()->actions())
        menus << action->text();
    EXPECT_EQ(menus.last(), "&Help");
}

TEST(HelpMenu, ShortcutsGuideAndFiguresSayWhatTheyAre) {
    MainWindow window;
    window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
    QStringList shortcuts;
    for (const KeyHelp& row : window.shortcuts())
        shortcuts << row.key + '\t' + row.action;
    EXPECT_TRUE(shortcuts.contains("Ctrl+O\tOpen")) << shortcuts.join('\n').toStdString();
    EXPECT_TRUE(shortcuts.contains("F1\tGuide"));
    const QString guide = MainWindow::guideText();
    EXPECT_TRUE(guide.startsWith("## The window"));
    EXPECT_TRUE(guide.contains("Previous event"));
    EXPECT_FALSE(guide.contains("## Command line"));
    EXPECT_TRUE(window.figuresLabel()->toolTip().contains(
        "One at a time: every step run back to back, as a blocking program would."));
}
