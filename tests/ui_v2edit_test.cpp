// Editing a version 2 scenario in the side panel: resources, the thread pool, start times,
// spawns and joins, made with the panel's own editors; refused edits change nothing and say
// why; every edit is named in Undo and undone exactly; saving writes version 2.

#include "bridge/schedulerbridge.h"
#include "editing/refusalnote.h"
#include "editing/resourcestable.h"
#include "editing/scenariomodel.h"
#include "editing/scenariopanel.h"
#include "editing/taskpicker.h"
#include "explain/eventlog.h"
#include "export/timelineimage.h"
#include "files/scenariofile.h"
#include "loop/timeline.h"
#include "mainwindow.h"
#include "playbackbar.h"
#include "qstringprinter.h"
#include "qtfiles.h"
#include "resultchecks.h"
#include "scenetexts.h"
#include "timeline/timelinescene.h"
#include "windowdialogs.h"

#include <QApplication>
#include <QColorDialog>
#include <QComboBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QListView>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <sstream>

using namespace coroscope;
using namespace coroscope::test;

namespace {

// The README's version 2 example.
constexpr const char* kFanOut = R"({"format": "coroscope-scenario", "version": 2,
  "title": "Fan-out", "threads": 4,
  "resources": [{"name": "db", "label": "DB query", "color": "#8e24aa", "limit": 2}],
  "tasks": [
    {"name": "handler", "start_ms": 40, "steps": [
        {"kind": "cpu", "ms": 5},
        {"kind": "spawn", "task": "fetch a"}, {"kind": "spawn", "task": "fetch b"},
        {"kind": "join", "tasks": ["fetch a", "fetch b"]},
        {"kind": "db", "ms": 20}]},
    {"name": "fetch a", "steps": [{"kind": "http", "ms": 120}, {"kind": "cpu", "ms": 8}]},
    {"name": "fetch b", "steps": [{"kind": "http", "ms": 90}, {"kind": "cpu", "ms": 6}]},
    {"name": "idle", "steps": [{"kind": "cpu", "ms": 1}]}]})";

// The resources table's colour dialog, once it opens, answered with this colour.
void chooseInNextColorDialog(const QColor& color) {
    QTimer::singleShot(0, [color] {
        auto* dialog = qobject_cast<QColorDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        dialog->setCurrentColor(color);
        dialog->accept();
    });
}

class V2EditTest : public ::testing::Test {
protected:
    V2EditTest()
        : model(*window.model())
        , panel(*window.panel())
        , resources(*panel.resources())
        , tree(*panel.tree()) {
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowActive(&window));
    }

    void open(const char* json) {
        const QString path = dir.filePath("v2.json");
        writeFile(path, json);
        ASSERT_TRUE(succeeded(window.openFile(path)));
    }

    // Opens the panel's editor of a cell, as a double-click does.
    QWidget* editor(const QModelIndex& index) {
        tree.setCurrentIndex(index);
        tree.edit(index);
        return tree.indexWidget(index);
    }
    // Types into the cell's editor and presses Enter.
    void type(const QModelIndex& index, const QString& text) {
        QWidget* edit = editor(index);
        EXPECT_NE(edit, nullptr);
        if (!edit)
            return;
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
        QApplication::processEvents();
    }
    // Picks the item with this text in the cell's combo box (a pick commits at once).
    void pick(const QModelIndex& index, const QString& text) {
        auto* combo = qobject_cast<QComboBox*>(editor(index));
        ASSERT_NE(combo, nullptr);
        const int item = combo->findText(text);
        ASSERT_GE(item, 0) << text.toStdString();
        combo->setCurrentIndex(item);
        emit combo->activated(item);
        QApplication::processEvents();
    }
    // The rows a spawn's or join's task picker shows.
    static QStringList rows(const TaskPicker& picker) {
        QStringList texts;
        const QAbstractItemModel* list = picker.list()->model();
        for (int row = 0; row < list->rowCount(); ++row)
            texts << list->index(row, 0).data().toString();
        return texts;
    }
    // Clicks the row with this text in a spawn's task picker (a click picks).
    void pickTask(const QModelIndex& index, const QString& text) {
        auto* picker = qobject_cast<TaskPicker*>(editor(index));
        ASSERT_NE(picker, nullptr);
        const int row = int(rows(*picker).indexOf(text));
        ASSERT_GE(row, 0) << text.toStdString();
        QListView* list = picker->list();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(list->model()->index(row, 0)).center());
        QApplication::processEvents();
    }
    // Checks exactly these tasks in a join's picker and presses Enter.
    void join(const QModelIndex& index, const QStringList& tasks) {
        auto* picker = qobject_cast<TaskPicker*>(editor(index));
        ASSERT_NE(picker, nullptr);
        QAbstractItemModel* list = picker->list()->model();
        for (int row = 0; row < list->rowCount(); ++row) {
            const QModelIndex task = list->index(row, 0);
            list->setData(task,
                          tasks.contains(task.data().toString()) ? Qt::Checked : Qt::Unchecked,
                          Qt::CheckStateRole);
        }
        QTest::keyClick(picker->list(), Qt::Key_Return);
        QApplication::processEvents();
    }
    // Types into a cell of the resources table, as its editor commits.
    void setResourceCell(int row, int column, const QString& text) {
        resources.table()->item(row, column)->setText(text);
    }
    QModelIndex kindCell(int t, int s) { return model.stepIndex(t, s, ScenarioModel::KindColumn); }
    QModelIndex durationCell(int t, int s) {
        return model.stepIndex(t, s, ScenarioModel::DurationColumn);
    }
    QString undoText() const { return window.undoStack()->undoText(); }
    // The last step of task t, after adding one there with the panel's button.
    int addStepTo(int t) {
        panel.select(t, model.rowCount(model.taskIndex(t)) - 1);
        panel.addStep();
        return model.rowCount(model.taskIndex(t)) - 1;
    }
    std::string scheduleCsv() {
        std::ostringstream csv;
        writeTimelineCsv(csv, model.scenario(), simulate(model.scenario()));
        return csv.str();
    }

    QTemporaryDir dir;
    MainWindow window;
    ScenarioModel& model;
    ScenarioPanel& panel;
    ResourcesTable& resources;
    QTreeView& tree;
};

} // namespace

TEST_F(V2EditTest, AFanOutIsBuiltFromABlankScenarioWithThePanelAlone) {
    actionNamed(window, "&New")->trigger(); // one task, one step
    ASSERT_EQ(model.rowCount(), 1);
    // A resource db with two slots.
    resources.addButton()->click();
    ASSERT_EQ(resources.table()->rowCount(), 3); // io, http, the new one
    EXPECT_EQ(undoText(), "Add resource resource1");
    setResourceCell(2, ResourcesTable::NameColumn, "db");
    EXPECT_EQ(undoText(), "Rename resource resource1 to db");
    setResourceCell(2, ResourcesTable::LimitColumn, "2");
    EXPECT_EQ(undoText(), "Set limit of db to 2");

    // A handler spawning six new tasks, each a db query of 50 ms, then a join on all.
    type(model.taskIndex(0), "handler");
    for (int n = 0; n < 6; ++n) {
        const int s = addStepTo(0);
        pick(kindCell(0, s), "Spawn");
        const QString child = QStringLiteral("Task %1").arg(n + 2);
        EXPECT_EQ(undoText(), QStringLiteral("Make step %1 of “handler” spawn a new task “%2”")
                                  .arg(s + 1)
                                  .arg(child));
        EXPECT_EQ(durationCell(0, s).data().toString(), "“" + child + "”");
        pick(kindCell(n + 1, 0), "db");
        type(durationCell(n + 1, 0), "50");
        EXPECT_EQ(model.taskIndex(n + 1, ScenarioModel::StartColumn).data().toString(),
                  "spawned by “handler”");
    }
    const int joinStep = addStepTo(0);
    pick(kindCell(0, joinStep), "Joining");
    EXPECT_EQ(undoText(), "Make step 8 of “handler” join 6 tasks");
    EXPECT_EQ(durationCell(0, joinStep).data().toString(),
              "“Task 2”, “Task 3”, “Task 4”, “Task 5”, “Task 6”, “Task 7”");

    // The handler runs 100 ms, spawns the six at 100 and waits for them; two at a time hold
    // a db slot, the others queue for one.
    EXPECT_EQ(scheduleCsv(), "task,kind,start_ms,end_ms\n"
                             "handler,cpu,0,100\n"
                             "handler,join,100,250\n"
                             "Task 2,db,100,150\n"
                             "Task 3,db,100,150\n"
                             "Task 4,db-slot,100,150\n"
                             "Task 5,db-slot,100,150\n"
                             "Task 6,db-slot,100,200\n"
                             "Task 7,db-slot,100,200\n"
                             "Task 4,db,150,200\n"
                             "Task 5,db,150,200\n"
                             "Task 6,db,200,250\n"
                             "Task 7,db,200,250\n");
    EXPECT_EQ(window.bridge()->makespan(), 250);

    // The timeline's rows in tree order: the six under the handler, indented.
    window.bridge()->seek(1e9);
    QApplication::processEvents();
    TimelineScene& scene = *window.scene();
    const std::vector<SceneText> labels = test::textsOf(scene, TextItem::Role::RowLabel);
    QStringList names;
    for (const SceneText& label : labels)
        names << label.text;
    EXPECT_EQ(names,
              (QStringList{"handler", "Task 2", "Task 3", "Task 4", "Task 5", "Task 6", "Task 7"}));
    for (std::size_t child = 1; child < labels.size(); ++child)
        EXPECT_GT(labels[child].rect.left(), labels[0].rect.left()) << "indented under it";

    // The slot waits' pixels: Task 4 queued for a db slot from 100 to 150 ms, drawn hatched in
    // db's colour; after its query (150-200 ms) its track is bare.
    const QImage image = renderTimeline(scene, 1).convertToFormat(QImage::Format_RGB32);
    const QColor db = scene.kindColors(*model.scenario().kinds.find("db")).to;
    const auto inDbColour = [&](double ms, int row) {
        const QPoint centre(int(scene.layout().xAt(ms, scene.window())),
                            int(scene.layout().track(row).center().y()));
        int near = 0;
        for (int dx = -10; dx <= 10; ++dx)
            for (int dy = -5; dy <= 5; ++dy) {
                const QColor c = image.pixelColor(centre + QPoint(dx, dy));
                near += std::abs(c.red() - db.red()) + std::abs(c.green() - db.green()) +
                                    std::abs(c.blue() - db.blue()) <
                                120
                            ? 1
                            : 0;
            }
        return near;
    };
    EXPECT_GE(inDbColour(125, 3), 10) << "the hatch of the queued stretch";
    EXPECT_LT(inDbColour(125, 3), 200) << "hatched, not solid";
    EXPECT_EQ(inDbColour(225, 3), 0) << "done by then";

    // The Event Log (Explain on) tells the new decisions in words.
    window.playbackBar()->explainAction()->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.eventLog()->lineCount() > 0; }));
    QStringList log;
    for (int line = 0; line < window.eventLog()->lineCount(); ++line)
        log << window.eventLog()->lineText(line);
    const QString told = log.join('\n');
    EXPECT_TRUE(told.contains("handler waits for Task 2, Task 3, Task 4, Task 5, Task 6, Task 7"))
        << told.toStdString();
    EXPECT_TRUE(told.contains("Task 4 queues for a slot of db (2 of 2 in use)"))
        << told.toStdString();
    EXPECT_TRUE(told.contains("gives back its slot of db; Task 4 is woken for it"))
        << told.toStdString();

    // Saved, it is a version 2 file that reads back as built.
    const QString path = dir.filePath("fanout.json");
    ASSERT_TRUE(succeeded(window.saveFile(path)));
    EXPECT_TRUE(readFile(path).contains(R"("version":2)")) << readFile(path).toStdString();
    const Result<Scenario> reread = ScenarioFile::read(path);
    ASSERT_TRUE(succeeded(reread));
    EXPECT_EQ(reread.value(), model.scenario());
}

TEST_F(V2EditTest, TheKindEditorOffersEveryResourceThreadSpawnAndJoin) {
    open(kFanOut);
    auto* combo = qobject_cast<QComboBox*>(editor(kindCell(3, 0)));
    ASSERT_NE(combo, nullptr);
    QStringList kinds;
    for (int i = 0; i < combo->count(); ++i)
        kinds << combo->itemText(i);
    EXPECT_EQ(kinds, (QStringList{"Processing", "I/O Wait", "HTTP Wait", "DB query", "Spawn",
                                  "Joining", "Thread pool"}));
}

TEST_F(V2EditTest, RenamingASpawnedTaskRenamesItInItsSpawnAndJoin) {
    open(kFanOut);
    EXPECT_EQ(model.taskIndex(1, ScenarioModel::StartColumn).data().toString(),
              "spawned by “handler”");
    EXPECT_FALSE(model.taskIndex(1, ScenarioModel::StartColumn).flags() & Qt::ItemIsEditable);
    EXPECT_EQ(model.taskIndex(0, ScenarioModel::StartColumn).data().toString(), "at 40 ms");
    type(model.taskIndex(1), "fetch users");
    EXPECT_EQ(undoText(), "Rename task “fetch a” to “fetch users”");
    EXPECT_EQ(durationCell(0, 1).data().toString(), "“fetch users”");
    EXPECT_EQ(durationCell(0, 3).data().toString(), "“fetch users”, “fetch b”");
    const QString path = dir.filePath("renamed.json");
    ASSERT_TRUE(succeeded(window.saveFile(path)));
    EXPECT_TRUE(readFile(path).contains(R"({"kind":"join","tasks":["fetch users","fetch b"]})"))
        << readFile(path).toStdString();
}

TEST_F(V2EditTest, RemovingATaskOthersSpawnAndJoinAsksThenTakesTheirStepsInOneEdit) {
    open(kFanOut);
    const Scenario before = model.scenario();
    const int edits = window.undoStack()->count();
    panel.select(2, -1); // fetch b
    QString question;
    answerMessageBox(
        [&](QMessageBox* box) {
            question = box->text();
            box->button(QMessageBox::Cancel)->click();
        },
        [&] { panel.removeCurrent(); });
    EXPECT_EQ(question, "fetch b is spawned or joined by step 3 of handler, step 4 of handler. "
                        "Removing it removes it from those steps too (a spawn of it, or a join "
                        "of it alone, goes).");
    EXPECT_EQ(model.scenario(), before);
    EXPECT_EQ(window.undoStack()->count(), edits);

    answerMessageBox([](QMessageBox* box) { buttonNamed(box, "Remove them too")->click(); },
                     [&] { panel.removeCurrent(); });
    EXPECT_EQ(undoText(), "Remove task “fetch b”");
    EXPECT_EQ(window.undoStack()->count(), edits + 1);
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.rowCount(model.taskIndex(0)), 4); // cpu, spawn fetch a, join, db
    EXPECT_EQ(durationCell(0, 1).data().toString(), "“fetch a”");
    EXPECT_EQ(durationCell(0, 2).data().toString(), "“fetch a”");
    window.undoStack()->undo();
    EXPECT_EQ(model.scenario(), before);
}

TEST_F(V2EditTest, RefusedEditsSayWhyAndChangeNeitherTheScenarioNorUndo) {
    open(kFanOut);
    const Scenario before = model.scenario();
    const int edits = window.undoStack()->count();
    auto expectRefused = [&](const QString& message) {
        QApplication::processEvents(); // the tip shows once the editor has closed
        const RefusalNote* note = message.startsWith("resource") ? resources.note() : panel.note();
        EXPECT_TRUE(note->isVisible());
        EXPECT_EQ(note->text(), message);
        EXPECT_EQ(QToolTip::text(), message);
        EXPECT_EQ(model.scenario(), before);
        EXPECT_EQ(window.undoStack()->count(), edits);
    };
    pickTask(durationCell(0, 2), "fetch a"); // a second spawn of fetch a
    expectRefused("task 1 \"handler\", step 3: spawns \"fetch a\", which task 1 \"handler\", "
                  "step 2 spawns already (a task is spawned at most once)");
    join(durationCell(0, 3), {});
    expectRefused("task 1 \"handler\", step 4: a join names at least one task");
    setResourceCell(2, ResourcesTable::NameColumn, "cpu");
    expectRefused("resource \"cpu\": \"cpu\" is a kind of its own: a resource cannot be called "
                  "cpu, thread, spawn or join");
    setResourceCell(2, ResourcesTable::LimitColumn, "many");
    expectRefused("resource \"db\": a limit is a whole number of slots, or empty for none");
    EXPECT_EQ(resources.table()->item(2, ResourcesTable::LimitColumn)->text(), "2");
    resources.table()->setCurrentCell(2, ResourcesTable::NameColumn);
    resources.removeButton()->click();
    expectRefused("resource \"db\": task 1 \"handler\", step 5 waits on it; give them another "
                  "kind first");
    // What cannot be edited at all: io's name, a spawned task's start.
    resources.table()->setCurrentCell(0, ResourcesTable::NameColumn);
    EXPECT_FALSE(resources.removeButton()->isEnabled());
    EXPECT_FALSE(resources.table()->item(0, ResourcesTable::NameColumn)->flags() &
                 Qt::ItemIsEditable);
    // The next edit that goes through clears the note.
    type(model.taskIndex(3, ScenarioModel::StartColumn), "250");
    EXPECT_FALSE(panel.note()->isVisible());
}

TEST_F(V2EditTest, EveryNewEditIsNamedInUndoAndUndoneAndRedoneExactly) {
    open(kFanOut);
    std::vector<Scenario> states{model.scenario()};
    QStringList names;
    auto edited = [&] {
        EXPECT_NE(model.scenario(), states.back()) << undoText().toStdString();
        states.push_back(model.scenario());
        names << undoText();
    };
    resources.addButton()->click();
    edited();
    setResourceCell(3, ResourcesTable::NameColumn, "cache");
    edited();
    setResourceCell(3, ResourcesTable::LabelColumn, "Cache hit");
    edited();
    chooseInNextColorDialog(QColor(0x12, 0x34, 0x56));
    resources.colorButton(3)->click();
    edited();
    setResourceCell(3, ResourcesTable::LimitColumn, "3");
    edited();
    setResourceCell(3, ResourcesTable::LimitColumn, "");
    edited();
    resources.threads()->setValue(8);
    edited();
    type(model.taskIndex(3, ScenarioModel::StartColumn), "250");
    edited();
    pickTask(durationCell(0, 2), "Spawn a new task");
    edited();
    join(durationCell(0, 3), {"fetch a", "idle"});
    edited();
    pick(kindCell(3, 0), "Thread pool");
    edited();
    pick(kindCell(3, 0), "Cache hit");
    edited();
    pick(kindCell(3, 0), "Processing");
    edited();
    resources.table()->setCurrentCell(3, ResourcesTable::NameColumn);
    resources.removeButton()->click();
    edited();
    EXPECT_EQ(
        names,
        (QStringList{"Add resource resource1", "Rename resource resource1 to cache",
                     "Set the label of cache to “Cache hit”", "Set the colour of cache to #123456",
                     "Set limit of cache to 3", "Remove the limit of cache",
                     "Set the thread pool to 8 threads", "Set the start of “idle” to 250 ms",
                     "Make step 3 of “handler” spawn a new task “Task 5”",
                     "Make step 4 of “handler” join “fetch a”, “idle”",
                     "Make step 1 of “idle” Thread pool", "Make step 1 of “idle” Cache hit",
                     "Make step 1 of “idle” Processing", "Remove resource cache"}));
    EXPECT_EQ(model.scenario().tasks.size(), 5u);
    EXPECT_EQ(model.scenario().threads, 8);
    for (std::size_t back = states.size() - 1; back > 0; --back) {
        window.undoStack()->undo();
        EXPECT_EQ(model.scenario(), states[back - 1]) << names[int(back) - 1].toStdString();
        EXPECT_EQ(window.bridge()->scenario(), states[back - 1]);
    }
    EXPECT_EQ(resources.table()->rowCount(), 3);
    EXPECT_EQ(resources.threads()->value(), 4);
    for (std::size_t on = 1; on < states.size(); ++on) {
        window.undoStack()->redo();
        EXPECT_EQ(model.scenario(), states[on]) << names[int(on) - 1].toStdString();
    }
}

TEST_F(V2EditTest, TypingInTheSpawnEditorsFilterNarrowsItsListAndEnterPicksTheFirstMatch) {
    open(kFanOut);
    auto* picker = qobject_cast<TaskPicker*>(editor(durationCell(0, 2))); // spawns fetch b
    ASSERT_NE(picker, nullptr);
    EXPECT_EQ(picker->filter()->placeholderText(), "Type to filter 3 tasks");
    EXPECT_EQ(QApplication::focusWidget(), picker->filter()); // typing filters at once
    EXPECT_EQ(rows(*picker), (QStringList{"Spawn a new task", "fetch a", "fetch b", "idle"}));
    EXPECT_EQ(picker->list()->currentIndex().data().toString(), "fetch b");
    QTest::keyClicks(QApplication::focusWidget(), "etc");
    EXPECT_EQ(picker->list()->currentIndex().data().toString(), "fetch a");
    picker->filter()->clear(); // all again, the task it spawns current
    EXPECT_EQ(picker->list()->currentIndex().data().toString(), "fetch b");
    QTest::keyClicks(QApplication::focusWidget(), "DL"); // any case
    EXPECT_EQ(rows(*picker), (QStringList{"Spawn a new task", "idle"}));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QApplication::processEvents();
    EXPECT_EQ(undoText(), "Make step 3 of “handler” spawn “idle”");
    EXPECT_EQ(durationCell(0, 2).data().toString(), "“idle”");
}

TEST_F(V2EditTest, TheJoinEditorsFilterKeepsItsChecksAndDownThenSpaceChecksAMatch) {
    open(kFanOut);
    ASSERT_TRUE(model.setJoinedTasks(0, 3, {2, 1})); // fetch b, then fetch a
    auto* picker = qobject_cast<TaskPicker*>(editor(durationCell(0, 3)));
    ASSERT_NE(picker, nullptr);
    QTest::keyClicks(QApplication::focusWidget(), "idle");
    EXPECT_EQ(rows(*picker), QStringList{"idle"});
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    EXPECT_EQ(QApplication::focusWidget(), picker->list());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    picker->filter()->clear();
    EXPECT_EQ(rows(*picker), (QStringList{"fetch a", "fetch b", "idle"}));
    const QAbstractItemModel* list = picker->list()->model();
    for (int row = 0; row < list->rowCount(); ++row)
        EXPECT_EQ(list->index(row, 0).data(Qt::CheckStateRole), Qt::Checked) << row;
    QTest::keyClick(picker->list(), Qt::Key_Return);
    QApplication::processEvents();
    // The tasks it named keep their order, the one checked since comes last.
    EXPECT_EQ(undoText(), "Make step 4 of “handler” join “fetch b”, “fetch a”, “idle”");
}

TEST_F(V2EditTest, TheJoinEditorCommitsWhenFocusLeavesItAndEscapeLeavesTheJoinAsItWas) {
    open(kFanOut);
    const int edits = window.undoStack()->count();
    const auto uncheckFetchB = [&] {
        QWidget* picker = editor(durationCell(0, 3));
        ASSERT_NE(qobject_cast<TaskPicker*>(picker), nullptr);
        QTest::keyClicks(QApplication::focusWidget(), "fetch b");
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    };
    uncheckFetchB();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QApplication::processEvents();
    EXPECT_EQ(window.undoStack()->count(), edits);
    EXPECT_EQ(durationCell(0, 3).data().toString(), "“fetch a”, “fetch b”");
    uncheckFetchB();
    resources.table()->setFocus(); // elsewhere in the panel
    QApplication::processEvents();
    EXPECT_EQ(undoText(), "Make step 4 of “handler” join “fetch a”");
    EXPECT_EQ(tree.indexWidget(durationCell(0, 3)), nullptr); // closed
}

TEST_F(V2EditTest, ATaskPickerAtTheBottomOfTheTasksOpensUpwardsInView) {
    Scenario scenario{"many", "", {}};
    const StepKind join = scenario.kinds.ensure(KindBehaviour::Join);
    for (int t = 0; t < 60; ++t)
        scenario.tasks.push_back({"t" + std::to_string(t), {{StepKind::Cpu, 10}}});
    scenario.tasks.back().steps.push_back(Step(join, 0, {0}));
    window.showScenario(scenario, "many");
    tree.scrollToBottom();
    QApplication::processEvents();
    const QModelIndex cell = durationCell(59, 1);
    ASSERT_GT(tree.visualRect(cell).bottom() + 100, tree.viewport()->height()); // the last rows
    QWidget* picker = editor(cell);
    ASSERT_NE(qobject_cast<TaskPicker*>(picker), nullptr);
    EXPECT_TRUE(tree.viewport()->rect().contains(picker->geometry()))
        << picker->geometry().bottom() << " in " << tree.viewport()->height();
}

TEST_F(V2EditTest, BuiltInResourcesAreRestyledAndLimitedAndKeepTheirWords) {
    actionNamed(window, "&New")->trigger();
    setResourceCell(0, ResourcesTable::LabelColumn, "Disk");
    EXPECT_EQ(undoText(), "Set the label of io to “Disk”");
    setResourceCell(1, ResourcesTable::LimitColumn, "5");
    EXPECT_EQ(undoText(), "Set limit of http to 5");
    EXPECT_EQ(model.scenario().kinds[StepKind::Http].limit, 5);
    setResourceCell(0, ResourcesTable::LabelColumn, "");
    EXPECT_EQ(model.scenario().kinds[StepKind::Io].label, "I/O Wait");
    EXPECT_EQ(resources.table()->item(0, ResourcesTable::LabelColumn)->text(), "I/O Wait");

    // Enter on a colour cell opens the colour dialog, as a click on its button does.
    chooseInNextColorDialog(QColor(0xab, 0xcd, 0xef));
    resources.table()->setFocus();
    resources.table()->setCurrentCell(0, ResourcesTable::ColorColumn);
    QTest::keyClick(resources.table(), Qt::Key_Return);
    EXPECT_EQ(undoText(), "Set the colour of io to #abcdef");
    EXPECT_EQ(resources.colorButton(0)->text(), "#abcdef");
}

// A join of six tasks does not widen the Duration column past the longest duration: its names
// elide (the tooltip has them all), every duration and the tasks' names stay in view, and a
// spawn's task reads from the left like any name.
TEST_F(V2EditTest, ALongJoinKeepsTheDurationsAndTheNamesInView) {
    open(R"({"format": "coroscope-scenario", "version": 2, "tasks": [
      {"name": "handler", "steps": [{"kind": "cpu", "ms": 10},
        {"kind": "spawn", "task": "query 1"}, {"kind": "spawn", "task": "query 2"},
        {"kind": "spawn", "task": "query 3"}, {"kind": "spawn", "task": "query 4"},
        {"kind": "spawn", "task": "query 5"}, {"kind": "spawn", "task": "query 6"},
        {"kind": "join", "tasks": ["query 1", "query 2", "query 3", "query 4", "query 5",
                                   "query 6"]}, {"kind": "cpu", "ms": 10}]},
      {"name": "query 1", "steps": [{"kind": "io", "ms": 100}]},
      {"name": "query 2", "steps": [{"kind": "io", "ms": 100}]},
      {"name": "query 3", "steps": [{"kind": "io", "ms": 100}]},
      {"name": "query 4", "steps": [{"kind": "io", "ms": 100}]},
      {"name": "query 5", "steps": [{"kind": "io", "ms": 100}]},
      {"name": "query 6", "steps": [{"kind": "io", "ms": 100}]}]})");
    QApplication::processEvents();
    const QHeaderView* header = tree.header();
    const int durationEnd = header->sectionViewportPosition(ScenarioModel::DurationColumn) +
                            header->sectionSize(ScenarioModel::DurationColumn);
    EXPECT_LE(durationEnd, tree.viewport()->width()) << "the durations' right edge is out of view";
    EXPECT_GE(header->sectionSize(ScenarioModel::NameColumn),
              tree.fontMetrics().horizontalAdvance(QStringLiteral("Step 10")));
    const QModelIndex join = model.stepIndex(0, 7, ScenarioModel::DurationColumn);
    const QString joined =
        QStringLiteral("“query 1”, “query 2”, “query 3”, “query 4”, “query 5”, “query 6”");
    EXPECT_EQ(join.data(Qt::DisplayRole).toString(), joined);
    EXPECT_EQ(join.data(Qt::ToolTipRole).toString(), joined);
    EXPECT_LT(header->sectionSize(ScenarioModel::DurationColumn),
              tree.fontMetrics().horizontalAdvance(joined));
    const QModelIndex spawn = model.stepIndex(0, 1, ScenarioModel::DurationColumn);
    EXPECT_FALSE(Qt::Alignment(spawn.data(Qt::TextAlignmentRole).toInt()) & Qt::AlignRight);
    const QModelIndex spawned = model.taskIndex(1, ScenarioModel::StartColumn);
    EXPECT_EQ(spawned.data(Qt::ToolTipRole).toString(), QStringLiteral("spawned by “handler”"));
}

// A spawn's list greys the tasks a pick would break a rule with, and its tooltip names the
// rule; the task the spawn starts itself reads as any other. (Picked anyway, the panel refuses
// with the same rule: RefusedEditsSayWhyAndChangeNeitherTheScenarioNorUndo.)
TEST_F(V2EditTest, TheSpawnEditorGreysTheTasksItCannotSpawnAndSaysWhy) {
    open(kFanOut);
    auto* picker = qobject_cast<TaskPicker*>(editor(durationCell(0, 2))); // spawns fetch b
    ASSERT_NE(picker, nullptr);
    QAbstractItemModel* list = picker->list()->model();
    const auto row = [&](const QString& name) {
        for (int r = 0; r < list->rowCount(); ++r)
            if (list->index(r, 0).data().toString() == name)
                return list->index(r, 0);
        return QModelIndex();
    };
    const QColor grey = QGuiApplication::palette().color(QPalette::PlaceholderText);
    EXPECT_EQ(row("fetch a").data(Qt::ToolTipRole).toString(),
              "“fetch a” is spawned by “handler” already: a task is spawned once");
    EXPECT_EQ(row("fetch a").data(Qt::ForegroundRole).value<QColor>(), grey);
    for (const char* free : {"fetch b", "idle", "Spawn a new task"}) {
        EXPECT_FALSE(row(free).data(Qt::ToolTipRole).isValid()) << free;
        EXPECT_FALSE(row(free).data(Qt::ForegroundRole).isValid()) << free;
    }
}
