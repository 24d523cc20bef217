// Editing in the side panel: the timeline follows the core, undo restores the exact previous
// scenario, files round-trip, and nothing invalid gets in.

#include "bridge/schedulerbridge.h"
#include "coroscoperun.h"
#include "editing/scenariomodel.h"
#include "editing/scenariopanel.h"
#include "editing/stepdelegate.h"
#include "files/scenariofile.h"
#include "loop/timeline.h"
#include "mainwindow.h"
#include "model/scenariorules.h"
#include "qstringprinter.h"
#include "resultchecks.h"
#include "scenetexts.h"
#include "timeline/timelineitems.h"
#include "timeline/timelinescene.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMimeData>
#include <QSpinBox>
#include <QStyleOptionViewItem>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QTreeView>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

using namespace coroscope;
using namespace coroscope::test;

namespace {

class EditTest : public ::testing::Test {
protected:
    EditTest()
        : model(*window.model()) {
        window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
    }

    // The schedule as the window draws it: every segment item, once the run is over.
    std::string drawnCsv() {
        window.bridge()->seek(window.bridge()->axisEnd());
        Timeline timeline;
        for (const ShownSegment& item : window.scene()->shownSegments())
            timeline.segments.push_back(item.segment);
        std::sort(timeline.segments.begin(), timeline.segments.end(), startsBefore);
        std::ostringstream csv;
        writeTimelineCsv(csv, model.scenario(), timeline);
        return csv.str();
    }

    QStringList rowLabels() const {
        QStringList names;
        for (const SceneText& label : test::textsOf(*window.scene(), TextItem::Role::RowLabel))
            names << label.text;
        return names;
    }

    QStringList modelNames() const {
        QStringList names;
        for (int t = 0; t < model.rowCount(); ++t)
            names << model.taskIndex(t).data().toString();
        return names;
    }

    QTemporaryDir dir;
    MainWindow window;
    ScenarioModel& model;
};

} // namespace

TEST_F(EditTest, EditingADurationGivesTheTimelineOfTheEditedFile) {
    ASSERT_TRUE(model.setData(model.stepIndex(0, 1, ScenarioModel::DurationColumn), 100));
    EXPECT_EQ(model.scenario().tasks[0].steps[1].ms, 100);
    QString error;
    ASSERT_TRUE(succeeded(window.saveFile(dir.filePath("edited.json"))));
    const ProcessResult cli =
        runCoroscope({"--scenario", dir.filePath("edited.json"), "--print-timeline"});
    ASSERT_EQ(cli.exitCode, 0) << cli.err.toStdString();
    EXPECT_EQ(drawnCsv(), cli.out.toStdString());
    EXPECT_EQ(window.bridge()->makespan(), 900); // Task 2's http now ends at 900
    EXPECT_EQ(window.bridge()->figures().sequentialMs, 1420);
    EXPECT_EQ(window.bridge()->figures().cpuBusyMs, 600);
}

TEST_F(EditTest, PausedEditsRedrawTheSameMoment) {
    window.bridge()->pause();
    window.bridge()->seek(300);
    ASSERT_TRUE(model.setData(model.stepIndex(0, 0, ScenarioModel::DurationColumn), 400));
    EXPECT_FALSE(window.bridge()->isPlaying());
    EXPECT_DOUBLE_EQ(window.bridge()->now(), 300);
    // Task 1's cpu now holds the loop until 400: nothing else has started at 300.
    ASSERT_EQ(window.scene()->shownSegments().size(), 1u);
    EXPECT_EQ(window.scene()->shownSegments()[0].segment.end, 400);
}

TEST_F(EditTest, UndoNamesTheEditAndRestoresTheExactScenario) {
    const Scenario before = model.scenario();
    ASSERT_TRUE(model.setData(model.stepIndex(0, 1, ScenarioModel::DurationColumn), 100));
    EXPECT_EQ(window.undoStack()->undoText(), "Set step 2 of “Task 1” to 100 ms");
    const Scenario after = model.scenario();
    window.undoStack()->undo();
    EXPECT_EQ(model.scenario(), before);
    EXPECT_EQ(window.bridge()->scenario(), before);
    window.undoStack()->redo();
    EXPECT_EQ(model.scenario(), after);
}

TEST_F(EditTest, StructuralEditsKeepModelSceneAndFileInStep) {
    const Scenario before = model.scenario();
    ASSERT_TRUE(model.duplicateTask(0));
    ASSERT_TRUE(model.addTask(4));
    ASSERT_TRUE(model.moveTask(4, 0));
    ASSERT_TRUE(model.removeTask(1));
    ASSERT_TRUE(model.addStep(0, 1));
    ASSERT_TRUE(model.removeStep(1, 0));
    ASSERT_TRUE(model.moveStep(0, 0, 2, 1));
    const QStringList expected{"Task 5", "Task 1 (copy)", "Task 2", "Task 3"};
    EXPECT_EQ(modelNames(), expected);
    EXPECT_EQ(rowLabels(), expected);
    QString error;
    ASSERT_TRUE(succeeded(window.saveFile(dir.filePath("s.json"))));
    EXPECT_EQ(ScenarioFile::read(dir.filePath("s.json")).value(), model.scenario());
    EXPECT_EQ(window.undoStack()->count(), 7);
    while (window.undoStack()->canUndo())
        window.undoStack()->undo();
    EXPECT_EQ(model.scenario(), before);
    EXPECT_EQ(rowLabels(), (QStringList{"Task 1", "Task 2", "Task 3"}));
    while (window.undoStack()->canRedo())
        window.undoStack()->redo();
    EXPECT_EQ(modelNames(), expected);
}

TEST_F(EditTest, PanelButtonsActOnTheSelection) {
    ScenarioPanel* panel = window.panel();
    panel->select(1, -1);
    panel->duplicateTask();
    EXPECT_EQ(modelNames(), (QStringList{"Task 1", "Task 2", "Task 2 (copy)", "Task 3"}));
    EXPECT_EQ(panel->current(), std::make_pair(2, -1));
    panel->moveCurrent(+1);
    EXPECT_EQ(modelNames(), (QStringList{"Task 1", "Task 2", "Task 3", "Task 2 (copy)"}));
    panel->select(0, 2);
    panel->addStep();
    EXPECT_EQ(model.rowCount(model.taskIndex(0)), 4);
    EXPECT_EQ(panel->current(), std::make_pair(0, 3));
    panel->removeCurrent();
    EXPECT_EQ(model.rowCount(model.taskIndex(0)), 3);
}

TEST_F(EditTest, DragAndDropMovesTasksAndSteps) {
    // Task 3 dropped before Task 1.
    std::unique_ptr<QMimeData> task(model.mimeData({model.taskIndex(2)}));
    model.dropMimeData(task.get(), Qt::MoveAction, 0, 0, {});
    EXPECT_EQ(modelNames(), (QStringList{"Task 3", "Task 1", "Task 2"}));
    // Task 1's last step dropped at the end of Task 3.
    std::unique_ptr<QMimeData> step(model.mimeData({model.stepIndex(1, 2)}));
    EXPECT_FALSE(model.canDropMimeData(step.get(), Qt::MoveAction, 0, 0, {})); // not top level
    model.dropMimeData(step.get(), Qt::MoveAction, -1, 0, model.taskIndex(0));
    EXPECT_EQ(model.scenario().tasks[0].steps.size(), 3u);
    EXPECT_EQ(model.scenario().tasks[0].steps[2], (Step{StepKind::Cpu, 100}));
    EXPECT_EQ(model.scenario().tasks[1].steps.size(), 2u);
}

TEST_F(EditTest, InvalidValuesCannotBeEntered) {
    QTreeView* tree = window.panel()->tree();
    StepDelegate delegate;
    const QModelIndex duration = model.stepIndex(0, 0, ScenarioModel::DurationColumn);
    std::unique_ptr<QWidget> editor(delegate.createEditor(tree, QStyleOptionViewItem(), duration));
    auto* spin = qobject_cast<QSpinBox*>(editor.get());
    ASSERT_NE(spin, nullptr);
    EXPECT_EQ(spin->minimum(), 1);
    EXPECT_EQ(spin->maximum(), 86'400'000);

    const Scenario before = model.scenario();
    EXPECT_FALSE(model.setData(duration, 0));
    EXPECT_FALSE(model.setData(duration, 86'400'001));
    EXPECT_FALSE(model.setData(duration, "many"));
    EXPECT_FALSE(model.setData(model.taskIndex(0), ""));
    EXPECT_FALSE(model.setData(model.stepIndex(0, 0, ScenarioModel::KindColumn), 7));
    EXPECT_FALSE(model.removeStep(2, 1) && model.removeStep(2, 0)); // the last step stays
    window.undoStack()->undo();
    EXPECT_EQ(model.scenario(), before);
    ASSERT_TRUE(model.removeTask(0));
    ASSERT_TRUE(model.removeTask(0));
    EXPECT_FALSE(model.removeTask(0)); // the last task stays
}

// Every editable cell opens from the keyboard alone: the arrows go to it, F2 or Enter opens
// its editor, and what is typed there commits.
TEST_F(EditTest, EveryEditableCellOpensWithF2OrEnter) {
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    QTreeView* tree = window.panel()->tree();
    tree->setFocus();
    auto press = [](Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QTest::keyClick(QApplication::focusWidget(), key, modifiers);
        QApplication::processEvents(); // an editor commits on Enter a moment later
    };
    // The editor the key opened on the current cell, or null.
    auto open = [&](Qt::Key key) {
        press(key);
        return tree->indexWidget(tree->currentIndex());
    };
    int round = 0;
    for (const Qt::Key key : {Qt::Key_F2, Qt::Key_Return}) {
        ++round;
        SCOPED_TRACE(QKeySequence(key).toString().toStdString());
        press(Qt::Key_Home); // the first task's name
        auto* name = qobject_cast<QLineEdit*>(open(key));
        ASSERT_NE(name, nullptr);
        EXPECT_EQ(tree->currentIndex(), model.taskIndex(0));
        press(Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(name, QStringLiteral("fetch %1").arg(round));
        press(Qt::Key_Return);
        EXPECT_EQ(model.scenario().tasks[0].name, "fetch " + std::to_string(round));

        press(Qt::Key_Down); // its first step's number: the kind beside it opens
        auto* kind = qobject_cast<QComboBox*>(open(key));
        ASSERT_NE(kind, nullptr);
        EXPECT_EQ(tree->currentIndex(), model.stepIndex(0, 0, ScenarioModel::KindColumn));
        const int next = (kind->currentIndex() + 1) % kind->count();
        const int picked = kind->itemData(next).toInt();
        press(next == 0 ? Qt::Key_Home : Qt::Key_Down); // a pick commits at once
        EXPECT_EQ(model.scenario().tasks[0].steps[0].kind.index, picked);

        press(Qt::Key_Right);
        auto* duration = qobject_cast<QSpinBox*>(open(key));
        ASSERT_NE(duration, nullptr);
        EXPECT_EQ(tree->currentIndex(), model.stepIndex(0, 0, ScenarioModel::DurationColumn));
        press(Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(duration, QString::number(240 + round));
        press(Qt::Key_Return);
        EXPECT_EQ(model.scenario().tasks[0].steps[0].ms, 240 + round);
        EXPECT_EQ(QApplication::focusWidget(), tree) << "committed, the tree has the keys again";
    }
}

TEST_F(EditTest, TheNameEditorKeepsToTheNameRuleInBytes) {
    StepDelegate delegate;
    std::unique_ptr<QWidget> editor(
        delegate.createEditor(window.panel()->tree(), QStyleOptionViewItem(), model.taskIndex(1)));
    auto* edit = qobject_cast<QLineEdit*>(editor.get());
    ASSERT_NE(edit, nullptr);
    edit->show();
    auto type = [edit](const QString& text) { // as keys, one character at a time
        for (QChar c : text)
            QTest::sendKeyEvent(QTest::Click, edit, Qt::Key_unknown, c, Qt::NoModifier);
    };
    type(QString(66, QChar(0x20AC))); // 66 × "€": 198 bytes
    EXPECT_EQ(edit->text().toUtf8().size(), 198);
    type(QStringLiteral("€")); // 201 bytes: refused, and it says why
    EXPECT_EQ(edit->text(), QString(66, QChar(0x20AC)));
    EXPECT_EQ(QToolTip::text(), "task 2: the name is longer than 200 bytes");
    type(QStringLiteral("ab")); // 200 bytes: fits
    EXPECT_EQ(edit->text().toUtf8().size(), 200);
    delegate.setModelData(edit, &model, model.taskIndex(1));
    EXPECT_EQ(model.scenario().tasks[1].name, edit->text().toStdString());
}

TEST_F(EditTest, ACopyOfALongNameStaysWithinTheRuleAndLoadsBack) {
    ASSERT_TRUE(model.setData(model.taskIndex(0), QString(66, QChar(0x20AC))));
    ASSERT_TRUE(model.duplicateTask(0));
    const std::string copy = model.scenario().tasks[1].name;
    EXPECT_LE(copy.size(), kMaxNameBytes);
    EXPECT_TRUE(QString::fromStdString(copy).endsWith(" (copy)"));
    EXPECT_EQ(QString::fromStdString(copy).toStdString(), copy); // whole characters only
    QTemporaryDir dir;
    ASSERT_TRUE(succeeded(window.saveFile(dir.filePath("copy.json"))));
    const Result<Scenario> reread = ScenarioFile::read(dir.filePath("copy.json"));
    ASSERT_TRUE(succeeded(reread));
    EXPECT_EQ(reread.value(), model.scenario());
}

TEST_F(EditTest, AnInvalidFileIsRefusedAndChangesNothing) {
    ASSERT_TRUE(model.setData(model.taskIndex(0), "Edited"));
    const Scenario before = model.scenario();
    QFile bad(dir.filePath("bad.json"));
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"format": "coroscope-scenario", "version": 1, "tasks": [{"name": "A",
              "steps": [{"kind": "io", "ms": 0}]}]})");
    bad.close();
    QString error;
    EXPECT_TRUE(failedWith(window.openFile(dir.filePath("bad.json")), &error));
    EXPECT_EQ(error, dir.filePath("bad.json") +
                         ": task 1 \"A\", step 1: duration 0 ms is outside 1..86400000 ms");
    EXPECT_EQ(model.scenario(), before);
    EXPECT_EQ(window.bridge()->scenario(), before);
    EXPECT_TRUE(window.isModified());
    EXPECT_EQ(window.undoStack()->count(), 1);
}

TEST_F(EditTest, SaveThenOpenRoundTripsEveryField) {
    ASSERT_TRUE(model.setTitles("A “new” title", "and, a subtitle"));
    ASSERT_TRUE(model.setData(model.taskIndex(1), "Fetch \"users\", page 1"));
    ASSERT_TRUE(
        model.setData(model.stepIndex(2, 1, ScenarioModel::KindColumn), int(StepKind::Io.index)));
    ASSERT_TRUE(model.setData(model.stepIndex(2, 1, ScenarioModel::DurationColumn), 86'400'000));
    const Scenario saved = model.scenario();
    QString error;
    ASSERT_TRUE(succeeded(window.saveFile(dir.filePath("round.json"))));
    EXPECT_FALSE(window.isModified());
    window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
    ASSERT_TRUE(succeeded(window.openFile(dir.filePath("round.json"))));
    EXPECT_EQ(model.scenario(), saved);
    EXPECT_EQ(window.windowTitle(), "round.json[*] — Coroscope");
}

TEST_F(EditTest, TheTitleMarksUnsavedChanges) {
    EXPECT_FALSE(window.isWindowModified());
    ASSERT_TRUE(model.addTask(3));
    EXPECT_TRUE(window.isWindowModified());
    window.undoStack()->undo();
    EXPECT_FALSE(window.isWindowModified());
}

// The ring on the timeline marks what the panel has selected, through undo, redo and New;
// with nothing selected there is no ring.
TEST_F(EditTest, TheRingFollowsThePanelsSelectionThroughUndoRedoAndNew) {
    ScenarioPanel* panel = window.panel();
    auto ringMatchesPanel = [&] { return window.scene()->highlighted() == panel->current(); };
    panel->select(1, 2);
    EXPECT_EQ(window.scene()->highlighted(), std::make_pair(1, 2));
    panel->addStep(); // selects the new step 4 of Task 2
    EXPECT_EQ(window.scene()->highlighted(), std::make_pair(1, 3));
    window.undoStack()->undo(); // the ringed step is gone
    EXPECT_TRUE(ringMatchesPanel())
        << window.scene()->highlighted().first << ", " << window.scene()->highlighted().second;
    window.undoStack()->redo();
    EXPECT_TRUE(ringMatchesPanel());
    panel->select(2, 0);
    panel->removeCurrent();
    window.undoStack()->undo();
    EXPECT_TRUE(ringMatchesPanel());

    panel->select(0, 0);
    window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario"); // as File ▸ New
    EXPECT_EQ(panel->current(), std::make_pair(-1, -1));
    EXPECT_EQ(window.scene()->highlighted(), std::make_pair(-1, -1)) << "nothing selected";
}
