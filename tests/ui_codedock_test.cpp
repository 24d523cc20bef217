// The Code dock: the seed as asyncio code, each task's current line lit in the colour of what
// it does as the run is scrubbed, a click selecting the step, edits (and undo) rewriting it.

#include "asyncio/asyncioprogram.h"
#include "bridge/schedulerbridge.h"
#include "code/codedock.h"
#include "code/codeview.h"
#include "editing/scenariomodel.h"
#include "editing/scenariopanel.h"
#include "files/scenariofile.h"
#include "mainwindow.h"
#include "qstringprinter.h"
#include "windowmenus.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QScrollBar>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QWheelEvent>

#include <gtest/gtest.h>

using namespace coroscope;
using Highlights = std::vector<CodeDock::Highlight>;

namespace {

class CodeDockTest : public ::testing::Test {
protected:
    CodeDockTest() {
        window.resize(1100, 760);
        window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
        window.bridge()->pause();
        window.show();
        dock()->toggleViewAction()->trigger();
        window.resizeDocks({dock()}, {420}, Qt::Horizontal);
        QApplication::processEvents();
    }
    CodeDock* dock() const { return window.codeDock(); }
    // The seed's tasks 43 times over, paused: more lines than the dock shows.
    void showManyTasks() {
        Scenario many = ScenarioFile::builtInDefault();
        for (int i = 0; i < 40; ++i)
            many.tasks.push_back(many.tasks[std::size_t(i % 3)]);
        window.showScenario(many, "Many");
        window.bridge()->pause();
    }
    QString text() const { return dock()->view()->toPlainText(); }
    // The lines lit at a moment of the run.
    Highlights litAt(double ms) {
        window.bridge()->seek(ms);
        return dock()->highlights();
    }
    QColor kind(StepKind kind) const {
        return CodeDock::kindColor(window.bridge()->scenario().kinds[kind]);
    }
    MainWindow window;
};

const QString kSeedCode = "# Task 1\n@task(1)\nasync def task_1():\n"
                          "    cpu(150)\n    await io(350)\n    cpu(100)\n\n\n"
                          "# Task 2\n@task(2)\nasync def task_2():\n"
                          "    cpu(100)\n    await io(120)\n    cpu(130)\n    await http(300)\n\n\n"
                          "# Task 3\n@task(3)\nasync def task_3():\n"
                          "    cpu(120)\n    await http(300)\n";

} // namespace

TEST_F(CodeDockTest, IsAViewMenuToggleHiddenAtFirst) {
    MainWindow fresh;
    EXPECT_FALSE(fresh.codeDock()->isVisibleTo(&fresh));
    EXPECT_TRUE(
        test::menuNamed(fresh, "&View")->actions().contains(fresh.codeDock()->toggleViewAction()));
    EXPECT_EQ(fresh.codeDock()->windowTitle(), "Code");
    EXPECT_TRUE(dock()->isVisible());
}

TEST_F(CodeDockTest, ShowsTheSeedsTaskFunctionsInMonospace) {
    EXPECT_EQ(text(), kSeedCode);
    // Measured, as fontconfig does not say so of every monospace face (Noto Sans Mono).
    const QFontMetricsF metrics(dock()->view()->font());
    EXPECT_EQ(metrics.horizontalAdvance("iiiii"), metrics.horizontalAdvance("WWWWW"));
    EXPECT_EQ(dock()->view()->accessibleName(), "The scenario as asyncio code");
    // Read-only: typing changes nothing.
    dock()->view()->setFocus();
    QTest::keyClicks(dock()->view(), "x");
    QTest::keyClick(dock()->view(), Qt::Key_Backspace);
    QTest::keyClick(dock()->view(), Qt::Key_Delete);
    EXPECT_EQ(text(), kSeedCode);
}

TEST_F(CodeDockTest, IsSelectableAndCopyable) {
    CodeView* view = dock()->view();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    EXPECT_EQ(QApplication::clipboard()->text(), kSeedCode);
}

// The lines of the seed (from 0): Task 1's steps on 3-5, Task 2's on 11-14, Task 3's on 20-21.
TEST_F(CodeDockTest, LightsEachTasksLineInTheColourOfWhatItDoes) {
    const QColor ready = CodeDock::readyColor(style::Theme::light());
    // Task 1 holds the loop; Task 2 and 3 are ready, waiting for it.
    EXPECT_EQ(litAt(100), (Highlights{{3, kind(StepKind::Cpu)}, {11, ready}, {20, ready}}));
    // Task 1 waits on I/O, Task 2 holds the loop, Task 3 still waits for it.
    EXPECT_EQ(litAt(200),
              (Highlights{{4, kind(StepKind::Io)}, {11, kind(StepKind::Cpu)}, {20, ready}}));
    EXPECT_EQ(litAt(400),
              (Highlights{
                  {4, kind(StepKind::Io)}, {13, kind(StepKind::Cpu)}, {21, kind(StepKind::Http)}}));
    // Task 1 and Task 3 are done.
    EXPECT_EQ(litAt(700), (Highlights{{14, kind(StepKind::Http)}}));
    // The colours are the kinds' own and the hatch's, in either theme.
    EXPECT_EQ(kind(StepKind::Cpu).rgb(),
              QColor::fromRgb(window.bridge()->scenario().kinds[StepKind::Cpu].color).rgb());
    EXPECT_EQ(ready.rgb(), style::Theme::light().mutedText.rgb());
    window.themeAction(ThemeChoice::Dark)->trigger();
    EXPECT_EQ(litAt(100)[1].color, CodeDock::readyColor(style::Theme::dark()));
    EXPECT_NE(CodeDock::readyColor(style::Theme::dark()).rgb(), ready.rgb());
    window.themeAction(ThemeChoice::System)->trigger(); // as the other tests expect
}

TEST_F(CodeDockTest, FollowsTheAnimationAsItPlays) {
    window.bridge()->seek(100);
    window.bridge()->stepForward(); // 150: Task 1 waits, Task 2 runs
    EXPECT_EQ(dock()->highlights(),
              (Highlights{{4, kind(StepKind::Io)},
                          {11, kind(StepKind::Cpu)},
                          {20, CodeDock::readyColor(style::Theme::light())}}));
}

TEST_F(CodeDockTest, AClickOnALineSelectsItsStep) {
    CodeView* view = dock()->view();
    const auto click = [&](int line) {
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->lineRect(line).topLeft() + QPoint(16, 4));
    };
    click(12); // Task 2's await io(120)
    EXPECT_EQ(window.panel()->current(), (std::pair{1, 1}));
    click(18); // Task 3's decorator: the task
    EXPECT_EQ(window.panel()->current(), (std::pair{2, -1}));
    click(21);
    EXPECT_EQ(window.panel()->current(), (std::pair{2, 1}));
}

TEST_F(CodeDockTest, AnEditRewritesItWhereTheReaderWasAndUndoRestoresIt) {
    ScenarioModel* model = window.model();
    ASSERT_TRUE(model->setData(model->stepIndex(1, 2, ScenarioModel::DurationColumn), 45));
    QString edited = kSeedCode;
    edited.replace("cpu(130)", "cpu(45)");
    EXPECT_EQ(text(), edited);
    window.undoStack()->undo();
    EXPECT_EQ(text(), kSeedCode);
}

TEST_F(CodeDockTest, AnEditKeepsTheScrollPosition) {
    showManyTasks();
    QScrollBar* bar = dock()->view()->verticalScrollBar();
    ASSERT_GT(bar->maximum(), 100);
    bar->setValue(100);
    ScenarioModel* model = window.model();
    ASSERT_TRUE(model->setData(model->stepIndex(0, 0, ScenarioModel::DurationColumn), 7));
    EXPECT_TRUE(text().startsWith("# Task 1\n@task(1)\nasync def task_1():\n    cpu(7)\n"));
    EXPECT_EQ(bar->value(), 100);
    // Only the tasks in view are lit: none of the first ones.
    window.bridge()->seek(100);
    const Highlights lit = dock()->highlights();
    ASSERT_FALSE(lit.empty());
    EXPECT_GE(lit.front().line, 100 - 9); // a function is at most 9 lines long
}

// Hidden, the dock builds nothing; shown again it shows the scenario of then.
TEST_F(CodeDockTest, HiddenItWaitsUntilShown) {
    dock()->toggleViewAction()->trigger();
    ASSERT_FALSE(dock()->isVisible());
    ScenarioModel* model = window.model();
    ASSERT_TRUE(model->setData(model->stepIndex(0, 0, ScenarioModel::DurationColumn), 9));
    EXPECT_EQ(text(), kSeedCode);
    dock()->toggleViewAction()->trigger();
    EXPECT_TRUE(text().contains("    cpu(9)\n"));
}

// Only the lines that change are rewritten: whatever the edit, the text is the scenario's.
TEST_F(CodeDockTest, EveryKindOfEditLeavesTheTextOfTheScenario) {
    ScenarioModel* model = window.model();
    const auto fresh = [&] {
        return QString::fromUtf8(asyncioTaskFunctions(window.bridge()->scenario()).text);
    };
    ASSERT_TRUE(model->setData(model->taskIndex(1), QString::fromUtf8("Tâche 2 — ünï")));
    EXPECT_TRUE(text().contains(QString::fromUtf8("# Tâche 2 — ünï\n@task(2)\n")));
    ASSERT_TRUE(model->removeStep(0, 1));
    ASSERT_TRUE(model->addStep(2, 0));
    ASSERT_TRUE(model->removeTask(0));
    ASSERT_TRUE(model->addTask(2));
    EXPECT_EQ(text(), fresh());
    while (window.undoStack()->canUndo()) {
        window.undoStack()->undo();
        EXPECT_EQ(text(), fresh());
    }
    EXPECT_EQ(text(), kSeedCode);
}

namespace {

// Where a cursor before a column of a line of the seed's code is, and a point just inside the
// character there.
QPoint before(CodeView* view, int line, int column) {
    return view->cursorRect(line, column).center() + QPoint(1, 0);
}

QString copied(CodeView* view) {
    QApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    return QApplication::clipboard()->text();
}

} // namespace

TEST_F(CodeDockTest, SelectsWithTheMouseToCopyExactly) {
    CodeView* view = dock()->view();
    const std::pair<int, int> unselected = window.panel()->current();
    // A drag from Task 1's cpu(150) to the middle of the next line.
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, before(view, 3, 4));
    QTest::mouseMove(view->viewport(), before(view, 4, 9));
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, before(view, 4, 9));
    EXPECT_EQ(view->selectedText(), "cpu(150)\n    await");
    EXPECT_EQ(copied(view), "cpu(150)\n    await");
    // A shift-click extends it; a drag selects, so no step is selected.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, before(view, 5, 12));
    EXPECT_EQ(copied(view), "cpu(150)\n    await io(350)\n    cpu(100)");
    EXPECT_EQ(window.panel()->current(), unselected);
    // A double-click selects a word.
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, before(view, 2, 11));
    EXPECT_EQ(copied(view), "task_1");
}

TEST_F(CodeDockTest, SelectsWithTheKeyboardToCopyExactly) {
    CodeView* view = dock()->view();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(view, Qt::Key_Down);
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(view, Qt::Key_Right);
    QTest::keyClick(view, Qt::Key_End, Qt::ShiftModifier);
    EXPECT_EQ(copied(view), "cpu(150)");
    QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(view, Qt::Key_Left, Qt::ShiftModifier);
    EXPECT_EQ(copied(view), "cpu(150)\n    await i");
    QTest::keyClick(view, Qt::Key_Home, Qt::ShiftModifier);
    EXPECT_EQ(copied(view), "cpu(150)\n");
    // A page down from the top goes to the last line of this short text, after its last '\n'.
    QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_PageDown, Qt::ShiftModifier);
    EXPECT_EQ(copied(view), kSeedCode);
    QTest::keyClick(view, Qt::Key_Left, Qt::ShiftModifier);
    EXPECT_EQ(copied(view), kSeedCode.left(kSeedCode.size() - 1));
    QTest::keyClick(view, Qt::Key_PageUp, Qt::ShiftModifier);
    QTest::keyClick(view, Qt::Key_Home, Qt::ShiftModifier);
    EXPECT_EQ(copied(view), "");
}

TEST_F(CodeDockTest, ItsContextMenuCopiesAndSelectsAll) {
    CodeView* view = dock()->view();
    QStringList menus;
    const auto choose = [&](const QString& choice) {
        QTimer::singleShot(0, [&] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            ASSERT_TRUE(menu);
            QStringList items;
            for (QAction* action : menu->actions()) {
                if (action->isSeparator())
                    continue;
                items << action->text() + (action->isEnabled() ? "" : " (off)");
                if (action->text() == choice)
                    action->trigger();
            }
            menus << items.join(", ");
            menu->close();
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, before(view, 3, 4),
                                view->viewport()->mapToGlobal(before(view, 3, 4)));
        QApplication::sendEvent(view->viewport(), &event);
    };
    QApplication::clipboard()->clear();
    choose("&Copy");
    EXPECT_EQ(QApplication::clipboard()->text(), "");
    choose("Select All");
    choose("&Copy");
    EXPECT_EQ(QApplication::clipboard()->text(), kSeedCode);
    EXPECT_EQ(menus, (QStringList{"&Copy (off), Select All", "&Copy (off), Select All",
                                  "&Copy, Select All"}));
}

// The colour of a line's band, right of its text: the highlight over the background.
TEST_F(CodeDockTest, PaintsTheHighlightsBehindTheLines) {
    CodeView* view = dock()->view();
    window.bridge()->seek(100);
    const QImage picture = view->viewport()->grab().toImage();
    const auto band = [&](int line) {
        return picture.pixelColor(view->lineRect(line).right() - 2,
                                  view->lineRect(line).center().y());
    };
    const QColor base = view->palette().color(QPalette::Base);
    const auto over = [&](const QColor& color) {
        const auto mix = [&](int top, int under) {
            return int(std::lround(color.alphaF() * top + (1 - color.alphaF()) * under));
        };
        return QColor(mix(color.red(), base.red()), mix(color.green(), base.green()),
                      mix(color.blue(), base.blue()));
    };
    const auto near = [](const QColor& a, const QColor& b) {
        return std::abs(a.red() - b.red()) <= 2 && std::abs(a.green() - b.green()) <= 2 &&
               std::abs(a.blue() - b.blue()) <= 2;
    };
    EXPECT_TRUE(near(band(3), over(kind(StepKind::Cpu)))) << band(3).name().toStdString();
    EXPECT_TRUE(near(band(11), over(CodeDock::readyColor(style::Theme::light()))))
        << band(11).name().toStdString();
    EXPECT_TRUE(near(band(4), base)) << band(4).name().toStdString();
    EXPECT_NE(band(3).rgb(), band(11).rgb());
}

// The view scrolls across to the widest line's end, however long.
TEST_F(CodeDockTest, ScrollsAcrossToTheWidestLine) {
    Scenario named = ScenarioFile::builtInDefault();
    named.tasks[1].name = std::string(300, 'w');
    window.showScenario(named, "Named");
    window.bridge()->pause();
    CodeView* view = dock()->view();
    const int widest = QFontMetrics(view->font()).horizontalAdvance(QString(302, 'w'));
    EXPECT_GE(view->horizontalScrollBar()->maximum(), widest - view->viewport()->width());
    EXPECT_LE(view->horizontalScrollBar()->maximum(),
              widest - view->viewport()->width() +
                  QFontMetrics(view->font()).averageCharWidth() * 2);
    // The keyboard brings the end of the line into view.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
    for (int i = 0; i < 8; ++i)
        QTest::keyClick(view, Qt::Key_Down);
    QTest::keyClick(view, Qt::Key_End);
    EXPECT_GE(view->horizontalScrollBar()->value(), view->horizontalScrollBar()->maximum() - 1);
    EXPECT_LT(view->cursorRect(8, 302).right(), view->viewport()->width());
}

// An edit elsewhere leaves the selection on the same text.
TEST_F(CodeDockTest, AnEditKeepsTheSelection) {
    CodeView* view = dock()->view();
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, before(view, 19, 11));
    ASSERT_EQ(view->selectedText(), "task_3");
    ScenarioModel* model = window.model();
    ASSERT_TRUE(model->setData(model->stepIndex(0, 0, ScenarioModel::DurationColumn), 7));
    ASSERT_TRUE(text().contains("    cpu(7)\n"));
    EXPECT_EQ(copied(view), "task_3");
}

TEST_F(CodeDockTest, ScrollsWithTheWheel) {
    showManyTasks();
    CodeView* view = dock()->view();
    const QPoint at = view->viewport()->rect().center();
    QWheelEvent wheel(at, view->viewport()->mapToGlobal(at), {}, {0, -120}, Qt::NoButton, {},
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    EXPECT_EQ(view->firstVisibleLine(), QApplication::wheelScrollLines());
}

// Lines that come into view as the dock grows are lit at once, the run paused.
TEST_F(CodeDockTest, LightsTheLinesThatAGrowingDockBringsIntoView) {
    showManyTasks();
    window.resize(1100, 400);
    window.bridge()->seek(100);
    QApplication::processEvents();
    const int before = dock()->highlights().back().line;
    window.resize(1100, 900);
    QApplication::processEvents();
    EXPECT_GT(dock()->highlights().back().line, before + 10);
    EXPECT_GE(dock()->highlights().back().line, dock()->view()->lastVisibleLine() - 9);
}

// A screen reader reads the code whole and by line, and follows the cursor and the selection
// both ways (positions in UTF-16 units). (What it is told as they move needs a platform with
// accessibility switched on: offscreen, Qt tells nobody.)
TEST_F(CodeDockTest, AScreenReaderReadsTheCodeAndFollowsTheCursor) {
    CodeView* view = dock()->view();
    QAccessibleInterface* reader = QAccessible::queryAccessibleInterface(view);
    ASSERT_TRUE(reader);
    QAccessibleTextInterface* text = reader->textInterface();
    ASSERT_TRUE(text) << "no text for screen readers";
    EXPECT_TRUE(reader->state().readOnly);
    EXPECT_TRUE(reader->state().multiLine);
    const QString all = view->toPlainText();
    EXPECT_EQ(text->characterCount(), all.size());
    EXPECT_EQ(text->text(0, text->characterCount()), all);
    const qsizetype second = all.indexOf('\n') + 1;
    const qsizetype third = all.indexOf('\n', second) + 1;
    int start = 0, end = 0;
    EXPECT_EQ(text->textAtOffset(int(second) + 1, QAccessible::LineBoundary, &start, &end),
              all.mid(second, third - second));
    EXPECT_EQ(start, second);
    EXPECT_EQ(end, third);

    view->setFocus();
    QTest::keyClick(view, Qt::Key_Down);
    EXPECT_EQ(text->cursorPosition(), second);

    text->setSelection(0, int(second), int(third) - 1);
    EXPECT_EQ(view->selectedText(), all.mid(second, third - 1 - second));
    view->selectAll();
    ASSERT_EQ(text->selectionCount(), 1);
    text->selection(0, &start, &end);
    EXPECT_EQ(start, 0);
    EXPECT_EQ(end, all.size());
}

// Positions count UTF-16 units: a character past U+FFFF is two, as in the QString.
TEST(CodeViewReader, CountsAsTheTextsQStringDoes) {
    CodeView view;
    const QString lines = QStringLiteral("caf\u00e9 = 1\nnote = \"\U0001F600 ok\"\nend\n");
    view.setText(lines.toStdString());
    QAccessibleTextInterface* text = QAccessible::queryAccessibleInterface(&view)->textInterface();
    ASSERT_TRUE(text);
    EXPECT_EQ(text->characterCount(), lines.size());
    const qsizetype ok = lines.indexOf(QStringLiteral("ok"));
    EXPECT_EQ(text->text(int(ok), int(ok) + 2), QStringLiteral("ok"));
    text->setCursorPosition(int(ok));
    EXPECT_EQ(text->cursorPosition(), ok);
    int start = 0, end = 0;
    EXPECT_EQ(text->textAtOffset(int(ok), QAccessible::LineBoundary, &start, &end),
              QStringLiteral("note = \"\U0001F600 ok\"\n"));
    EXPECT_EQ(text->textAtOffset(int(ok), QAccessible::WordBoundary, &start, &end),
              QStringLiteral("ok"));
}
