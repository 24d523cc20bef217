// A recording of a run under real asyncio in the window: its scenario is derived and editable,
// the measured run is drawn over the model's (outlines, and its late awaits hatched), the
// differences are listed per task, and a trace that is not a recording, or is broken, is
// refused with one message and changes nothing.

#include "asyncio/recording.h"
#include "bridge/schedulerbridge.h"
#include "editing/scenariomodel.h"
#include "editing/scenariopanel.h"
#include "explain/eventlog.h"
#include "export/timelineexport.h"
#include "export/timelineimage.h"
#include "files/scenariofile.h"
#include "mainwindow.h"
#include "measured/differencesdock.h"
#include "measured/differencesmodel.h"
#include "measured/runsnote.h"
#include "playbackbar.h"
#include "qstringprinter.h"
#include "qtfiles.h"
#include "resultchecks.h"
#include "scenetexts.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"
#include "timeline/timelineview.h"
#include "tooltiptext.h"
#include "windowdialogs.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHelpEvent>
#include <QLabel>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QTreeView>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <limits>

using namespace coroscope;
using namespace coroscope::test;

namespace {

const QString kSeedRecording = QStringLiteral(COROSCOPE_RECORDINGS "/seed.json");

// A waits 100 ms and then computes 50; B computes 250 from the start. The model and the
// measurement agree that A's wait is over at 100 ms but A only goes on at 250 or so, when B
// lets go of the loop: its await returned at 252 ms.
const char* const kLateAwait = R"({"otherData": {"format": "coroscope-recording", "version": 1,
  "stretch": 1, "subtitle": "", "python": "3.12.1"}, "traceEvents": [
{"name": "process_name", "ph": "M", "pid": 1, "args": {"name": "Late"}},
{"name": "thread_name", "ph": "M", "pid": 1, "tid": 1, "args": {"name": "A"}},
{"name": "thread_name", "ph": "M", "pid": 1, "tid": 2, "args": {"name": "B"}},
{"name": "I/O Wait", "cat": "io", "ph": "X", "pid": 1, "tid": 1, "ts": 0, "dur": 100000,
 "args": {"step": 1, "ms": 100, "returned_us": 252000}},
{"name": "Processing", "cat": "cpu", "ph": "X", "pid": 1, "tid": 2, "ts": 500, "dur": 251000,
 "args": {"step": 1, "ms": 250}},
{"name": "Processing", "cat": "cpu", "ph": "X", "pid": 1, "tid": 1, "ts": 252100, "dur": 50000,
 "args": {"step": 2, "ms": 50}}]})";

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return path;
}

QStringList rowTexts(const DifferencesDock& dock, int row) {
    QStringList texts;
    const DifferencesModel& model = *dock.model();
    for (int column = 0; column < model.columnCount(); ++column)
        texts << model.index(row, column).data().toString();
    return texts;
}

// The pixels of a row's track between two times, at its middle height and 10 px either side.
std::vector<QRgb> trackPixels(const QImage& image, const TimelineScene& scene, int row,
                              double fromMs, double toMs) {
    const TimelineLayout& layout = scene.layout();
    const QRectF track = layout.track(row);
    std::vector<QRgb> pixels;
    for (int x = int(std::ceil(layout.xAt(fromMs, scene.window())));
         x < int(layout.xAt(toMs, scene.window())); ++x)
        for (int y = int(track.center().y()) - 10; y <= int(track.center().y()) + 10; ++y)
            pixels.push_back(image.pixel(x, y));
    return pixels;
}

bool anyDark(const std::vector<QRgb>& pixels) {
    return std::any_of(pixels.begin(), pixels.end(), [](QRgb pixel) { return qGray(pixel) < 90; });
}

class OpenedRecording : public ::testing::Test {
protected:
    OpenedRecording() {
        window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
        EXPECT_TRUE(succeeded(window.openFile(kSeedRecording)));
    }
    MainWindow window;
};

} // namespace

TEST_F(OpenedRecording, ShowsTheDerivedScenarioAsANewDocument) {
    EXPECT_EQ(window.model()->scenario(), ScenarioFile::builtInDefault());
    EXPECT_EQ(window.filePath(), QString());
    EXPECT_EQ(window.windowTitle(), "Derived from seed.json[*] — Coroscope");
    EXPECT_FALSE(window.isModified());
    ASSERT_NE(window.bridge()->measured(), nullptr);
    EXPECT_EQ(window.scene()->measured(), window.bridge()->measured().get());
    EXPECT_EQ(window.bridge()->measured()->segmentCount(), 9u);
}

TEST_F(OpenedRecording, TheLegendNamesTheMeasuredRunAndItsLateAwaits) {
    QStringList legend;
    for (const SceneText& text : textsOf(*window.scene(), TextItem::Role::LegendLabel))
        legend << text.text;
    EXPECT_EQ(legend, QStringList({"Processing", "I/O Wait", "HTTP Wait", "Measured (asyncio)",
                                   "Ready, waiting for the loop"}));
}

TEST_F(OpenedRecording, ListsTheDifferencesPerTaskLargestFirst) {
    const DifferencesDock& dock = *window.differencesDock();
    EXPECT_FALSE(dock.isHidden());
    EXPECT_TRUE(dock.toggleViewAction()->isEnabled());
    EXPECT_TRUE(
        dock.summary()->text().startsWith("Measured with Python 3.11.2, time stretched ×1."));
    ASSERT_EQ(dock.model()->rowCount(), 3);
    // Task 3's HTTP wait returned 3.1 ms late on an idle loop: it finished 10 ms after the
    // model; Task 1 waited 6.8 ms for Task 2's overrunning step.
    EXPECT_EQ(rowTexts(dock, 0),
              QStringList({"Task 3", "+6.9ms at step 2", "680ms (model 670ms, +10ms)", "3.1ms"}));
    EXPECT_EQ(rowTexts(dock, 1), QStringList({"Task 1", "+7.2ms at step 3",
                                              "607.3ms (model 600ms, +7.3ms)", "6.8ms"}));
    EXPECT_EQ(rowTexts(dock, 2), QStringList({"Task 2", "+7.12ms at step 4",
                                              "807.2ms (model 800ms, +7.2ms)", "6.38ms"}));
}

TEST_F(OpenedRecording, AClickOnARowSelectsTheTasksStepFurthestFromTheModel) {
    QTreeView* view = window.differencesDock()->view();
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    const QRect row = view->visualRect(view->model()->index(1, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, row.center());
    EXPECT_EQ(window.panel()->current(), std::make_pair(0, 2)); // Task 1, step 3
    EXPECT_EQ(window.scene()->highlighted(), std::make_pair(0, 2));
}

TEST_F(OpenedRecording, EditsKeepTheMeasurementAndAreComparedAgain) {
    const auto measured = window.bridge()->measured();
    // What if Task 2's first step took 50 ms less?
    ASSERT_TRUE(window.model()->setData(
        window.model()->stepIndex(1, 0, ScenarioModel::DurationColumn), 50));
    EXPECT_EQ(window.bridge()->measured(), measured);
    EXPECT_EQ(window.scene()->measured(), measured.get());
    EXPECT_EQ(rowTexts(*window.differencesDock(), 0),
              QStringList({"Task 3", "+56.9ms at step 2", "680ms (model 620ms, +60ms)", "3.1ms"}));
    EXPECT_TRUE(window.isModified());
}

// The measured tasks follow the model's by name: a deleted or moved task takes its own
// measured run along, on the timeline and in the list.
TEST_F(OpenedRecording, ADeletedTaskTakesItsMeasuredRunAlong) {
    ASSERT_TRUE(window.model()->removeTask(0));
    EXPECT_EQ(window.scene()->measuredTask(0), 1u);
    EXPECT_EQ(window.scene()->measuredTask(1), 2u);
    // Row 0 is Task 2 now: its measured cpu step starts at 150.4 ms, not Task 1's at 0.1 ms.
    const TimelineScene& scene = *window.scene();
    const QImage image = renderTimeline(*window.scene(), 1);
    EXPECT_FALSE(anyDark(trackPixels(image, scene, 0, 0, 3)));
    EXPECT_TRUE(anyDark(trackPixels(image, scene, 0, 150, 153)));
    const DifferencesDock& dock = *window.differencesDock();
    ASSERT_EQ(dock.model()->rowCount(), 2);
    EXPECT_EQ(rowTexts(dock, 0)[0], "Task 3");
    EXPECT_TRUE(rowTexts(dock, 0)[2].startsWith("680ms")) << rowTexts(dock, 0)[2].toStdString();
    EXPECT_EQ(rowTexts(dock, 1)[0], "Task 2");
    EXPECT_TRUE(rowTexts(dock, 1)[2].startsWith("807.2ms")) << rowTexts(dock, 1)[2].toStdString();
}

TEST_F(OpenedRecording, SwappedTasksKeepTheirOwnNumbers) {
    ASSERT_TRUE(window.model()->moveTask(0, 1)); // Task 2, Task 1, Task 3
    EXPECT_EQ(window.scene()->measuredTask(0), 1u);
    EXPECT_EQ(window.scene()->measuredTask(1), 0u);
    const QMap<QString, QString> finishes{
        {"Task 1", "607.3ms"}, {"Task 2", "807.2ms"}, {"Task 3", "680ms"}};
    const DifferencesDock& dock = *window.differencesDock();
    ASSERT_EQ(dock.model()->rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        const QStringList texts = rowTexts(dock, row);
        EXPECT_TRUE(texts[2].startsWith(finishes.value(texts[0]) + " "))
            << texts.join(" | ").toStdString();
    }
}

TEST_F(OpenedRecording, AScenarioFileOrANewOneLeavesTheMeasurementBehind) {
    ASSERT_TRUE(succeeded(window.openFile(COROSCOPE_DEFAULT_SCENARIO)));
    EXPECT_EQ(window.bridge()->measured(), nullptr);
    EXPECT_EQ(window.scene()->measured(), nullptr);
    EXPECT_TRUE(window.differencesDock()->isHidden());
    EXPECT_FALSE(window.differencesDock()->toggleViewAction()->isEnabled());
    EXPECT_EQ(textsOf(*window.scene(), TextItem::Role::LegendLabel).size(), 3u);

    ASSERT_TRUE(succeeded(window.openFile(kSeedRecording)));
    ASSERT_NE(window.bridge()->measured(), nullptr);
    QAction* fileNew = actionNamed(window, "&New");
    ASSERT_NE(fileNew, nullptr);
    fileNew->trigger();
    EXPECT_EQ(window.bridge()->measured(), nullptr);
    EXPECT_TRUE(window.differencesDock()->isHidden());
}

TEST_F(OpenedRecording, SaveAsksWhereAndNeverWritesOverTheRecording) {
    const QByteArray recording = readFile(kSeedRecording);
    QTemporaryDir dir;
    const QString target = dir.filePath("derived.json");
    bool asked = false;
    chooseInNextFileDialog(target, &asked);
    QAction* save = actionNamed(window, "&Save");
    ASSERT_NE(save, nullptr);
    save->trigger();
    EXPECT_TRUE(asked);
    EXPECT_EQ(readFile(kSeedRecording), recording);
    EXPECT_EQ(window.filePath(), target);
    const Result<Scenario> saved = ScenarioFile::read(target);
    ASSERT_TRUE(succeeded(saved));
    EXPECT_EQ(saved.value(), ScenarioFile::builtInDefault()); // a normal scenario file
}

TEST(RecordingRefused, AForeignTraceSaysSoAndNothingChanges) {
    QTemporaryDir dir;
    MainWindow window;
    window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
    window.model()->setData(window.model()->taskIndex(0), "Edited");
    const Scenario before = window.model()->scenario();
    const QString title = window.windowTitle();
    const int undoSteps = window.undoStack()->count();
    // Coroscope's own Chrome trace of the model: a trace, but no recording.
    const QString trace = dir.filePath("trace.json");
    ASSERT_TRUE(succeeded(exportTimeline(before, trace.toStdString(), ExportFormat::Trace, {})));
    const QString broken = write(dir, "broken.json",
                                 readFile(kSeedRecording).replace("\"dur\": 350000", "\"dur\": 1"));
    const std::pair<QString, QString> refusals[] = {
        {trace,
         trace + ": " + QString::fromUtf8(kNotARecording.data(), qsizetype(kNotARecording.size()))},
        {broken, broken + ": traceEvents[8].dur: a wait lasts its nominal ms × 1000 µs (350000), "
                          "not 1"},
    };
    for (const auto& [file, message] : refusals) {
        QString error;
        EXPECT_TRUE(failedWith(window.openFile(file), &error));
        EXPECT_EQ(error, message);
        EXPECT_EQ(window.model()->scenario(), before);
        EXPECT_EQ(window.windowTitle(), title);
        EXPECT_EQ(window.filePath(), QString());
        EXPECT_EQ(window.undoStack()->count(), undoSteps);
        EXPECT_TRUE(window.isModified());
        EXPECT_EQ(window.bridge()->measured(), nullptr);
    }
}

TEST(RecordingRefused, ABrokenRecordingKeepsTheOneOpen) {
    QTemporaryDir dir;
    MainWindow window;
    ASSERT_TRUE(succeeded(window.openFile(kSeedRecording)));
    const auto measured = window.bridge()->measured();
    const QString broken = write(dir, "broken.json", "{\"traceEvents\": [}");
    EXPECT_FALSE(window.openFile(broken).ok());
    EXPECT_EQ(window.bridge()->measured(), measured);
    EXPECT_FALSE(window.differencesDock()->isHidden());
}

TEST(MeasuredOverlay, OutlinesEachMeasuredSegmentAndHatchesTheLateAwaits) {
    const Recording recording = parseRecording(kLateAwait).value();
    const auto measured = std::make_shared<const MeasuredRun>(recording.measured);
    constexpr double kEnd = std::numeric_limits<double>::infinity();
    const auto drawn = timelineAt(recording.scenario, kEnd, 960, style::Theme::light(), measured);
    const auto plain = timelineAt(recording.scenario, kEnd, 960);
    const QImage withOverlay = renderTimeline(*drawn, 1);
    const QImage without = renderTimeline(*plain, 1);
    ASSERT_EQ(withOverlay.size(), without.size());
    // A's wait is over at 100 ms, its await returns at 252: the stretch between is hatched, on
    // a track the model leaves bare (outside Explain mode).
    const std::vector<QRgb> late = trackPixels(withOverlay, *drawn, 0, 110, 240);
    const std::vector<QRgb> bare = trackPixels(without, *plain, 0, 110, 240);
    const QRgb track = style::Theme::light().track.rgb();
    EXPECT_TRUE(std::all_of(bare.begin(), bare.end(), [&](QRgb p) { return p == track; }));
    const auto hatched =
        std::count_if(late.begin(), late.end(), [&](QRgb p) { return p != track; });
    EXPECT_GT(hatched, std::ptrdiff_t(late.size() / 4));
    // B's step as measured, 0.5 to 251.5 ms: outlined in dark ink over the model's pill.
    EXPECT_TRUE(anyDark(trackPixels(withOverlay, *drawn, 1, 0, 3)));
    EXPECT_FALSE(anyDark(trackPixels(without, *plain, 1, 0, 3)));
    // Inside a segment, away from its outline, the model's pill shows as it is.
    EXPECT_EQ(trackPixels(withOverlay, *drawn, 1, 100, 110),
              trackPixels(without, *plain, 1, 100, 110));
}

TEST(MeasuredOverlay, ExportedPicturesShowIt) {
    QTemporaryDir dir;
    const Recording recording = parseRecording(kLateAwait).value();
    ExportOptions options;
    options.measured = std::make_shared<const MeasuredRun>(recording.measured);
    const QString png = dir.filePath("late.png");
    ASSERT_TRUE(succeeded(
        exportTimeline(recording.scenario, png.toStdString(), ExportFormat::Png, options)));
    const QImage picture(png);
    const auto scene = timelineAt(recording.scenario, std::numeric_limits<double>::infinity(),
                                  options.width - 2 * style::kPagePadding);
    const QImage plain = renderTimeline(*scene, 1);
    ASSERT_EQ(picture.size(), plain.size());
    EXPECT_NE(trackPixels(picture.convertToFormat(plain.format()), *scene, 0, 110, 240),
              trackPixels(plain, *scene, 0, 110, 240));
}

TEST(MeasuredOverlay, HoveringASegmentAlsoSaysWhenItRanUnderAsyncio) {
    const MeasuredSegment wait{250.2, 370.2, 372.5, StepKind::Io};
    EXPECT_EQ(describeMeasured(wait), "Measured under asyncio: 250.2 ms to 370.2 ms; its await "
                                      "returned 2.3 ms later, the loop being busy");
    const MeasuredSegment cpu{0, 150.04, 150.04, StepKind::Cpu};
    EXPECT_EQ(describeMeasured(cpu), "Measured under asyncio: 0.0 ms to 150.0 ms");
}

namespace {

// A recording opened in a shown view, finished, with its measured run drawn (for hovers).
struct RecordedView {
    explicit RecordedView(const char* file)
        : recording(parseRecording(readFile(QString(COROSCOPE_RECORDINGS "/") + file).toStdString())
                        .value())
        , scene(timelineAt(recording.scenario, std::numeric_limits<double>::infinity(), 1000,
                           style::Theme::light(),
                           std::make_shared<const MeasuredRun>(recording.measured))) {
        view.resize(1280, 800);
        view.show();
        EXPECT_TRUE(QTest::qWaitForWindowActive(&view));
    }
    ~RecordedView() { QToolTip::hideText(); }

    // What hovering a task's row at a time shows, or nothing.
    QString hover(std::size_t task, double ms) {
        const QRectF track = scene->layout().track(scene->taskRow(task));
        const QPoint pos = view.mapFromScene(
            QPointF(scene->layout().xAt(ms, scene->window()), track.center().y()));
        QHelpEvent event(QEvent::ToolTip, pos, view.viewport()->mapToGlobal(pos));
        QApplication::sendEvent(view.viewport(), &event);
        return event.isAccepted() ? shownText(QToolTip::text()) : QString();
    }

    const Recording recording;
    const std::unique_ptr<TimelineScene> scene;
    TimelineView view{scene.get()};
};

} // namespace

TEST(MeasuredOverlay, HoveringARecordedAwaitSaysWhatItAwaitedAndWhere) {
    RecordedView recorded("recorded-blocking.json");
    // sleeper-0 (task 3) slept 0.8 to 50.8 ms on line 15, and resumed only at 222.1 ms, behind
    // blocker's time.sleep(0.2): the model's step and the measured one, then the await.
    const QString sleeping = recorded.hover(2, 30);
    EXPECT_TRUE(sleeping.endsWith(
        "\nMeasured under asyncio: 0.8 ms to 50.8 ms; its await returned 171.4 ms later, the "
        "loop being busy\nawaited `asyncio.sleep(0.05)` at blocking.py:15"))
        << sleeping.toStdString();
    // Ready at 150 ms, where the model's step is over: the measured await alone.
    EXPECT_EQ(recorded.hover(2, 150),
              "Measured under asyncio: 0.8 ms to 50.8 ms; its await returned 171.4 ms later, the "
              "loop being busy\nawaited `asyncio.sleep(0.05)` at blocking.py:15");
    // Task-1's gather, a join, found by the time under the pointer.
    EXPECT_TRUE(
        recorded.hover(0, 100).endsWith("\nawaited `asyncio.gather(*tasks)` at blocking.py:22"));
    // A stretch that held the loop awaited nothing.
    const QString holding = recorded.hover(1, 100);
    EXPECT_TRUE(holding.endsWith("\nMeasured under asyncio: 18.1 ms to 222.0 ms"))
        << holding.toStdString();
}

TEST(MeasuredOverlay, HoveringAVersion2RowFindsItsMeasuredSegmentByTime) {
    // handler spawns six tasks before its join: the join is step 8, but its lane's second
    // measured segment (a spawn takes no time).
    RecordedView recorded("fanout.json");
    const MeasuredSegment& join = recorded.recording.measured.lane(0)[1];
    const QString text = recorded.hover(0, (join.start + join.end) / 2);
    EXPECT_TRUE(text.contains(describeMeasured(join))) << text.toStdString();
}

namespace {

// The Event Log's lines of a recording opened in the window, Explain on.
QStringList loggedLines(const QString& path) {
    MainWindow window;
    window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
    EXPECT_TRUE(succeeded(window.openFile(path)));
    window.playbackBar()->explainAction()->trigger();
    QStringList lines;
    for (int line = 0; line < window.eventLog()->lineCount(); ++line)
        lines << window.eventLog()->lineText(line);
    return lines;
}

} // namespace

TEST(RecordedEventLog, EachWaitSaysWhatItAwaitedAndOnWhichLine) {
    const QString lines =
        loggedLines(QStringLiteral(COROSCOPE_RECORDINGS "/recorded-blocking.json")).join('\n');
    EXPECT_TRUE(lines.contains("sleeper-1 yields at sleep(50), awaiting `asyncio.sleep(0.05)` at "
                               "blocking.py:15."))
        << lines.toStdString();
    EXPECT_TRUE(lines.contains("sleeper-1's sleep wait for `asyncio.sleep(0.05)` at "
                               "blocking.py:15 is done"))
        << lines.toStdString();
}

TEST(RecordedEventLog, ShowsTheRecordedTextAsTyped) {
    QFile original(QStringLiteral(COROSCOPE_RECORDINGS "/recorded-blocking.json"));
    ASSERT_TRUE(original.open(QIODevice::ReadOnly));
    QByteArray bytes = original.readAll();
    bytes.replace(R"x("label": "asyncio.sleep(0.01)")x", R"x("label": "<b>x</b> & %1")x");
    const QTemporaryDir dir;
    const QString lines = loggedLines(write(dir, "marked.json", bytes)).join('\n');
    EXPECT_TRUE(lines.contains("blocker yields at sleep(10), awaiting `<b>x</b> & %1` at "
                               "blocking.py:10."))
        << lines.toStdString();
}

TEST(RecordedEventLog, TheLoopWorkRowAwaitsNothingOfTheProgram) {
    const QString lines =
        loggedLines(QStringLiteral(COROSCOPE_RECORDINGS "/recorded-blocking.json")).join('\n');
    EXPECT_TRUE(lines.contains("(callbacks) yields at between_callbacks(204)."))
        << lines.toStdString();
    EXPECT_FALSE(lines.contains("next callback")) << lines.toStdString();
}

TEST(MeasuredOverlay, HoveringTheLoopWorkRowSaysWhatItIsAndWhen) {
    RecordedView recorded("recorded-blocking.json");
    // Row 6, (callbacks): between its work at 18.0 ms and at 222.1 ms, no such callback ran.
    const QString between = recorded.hover(5, 100);
    EXPECT_TRUE(between.endsWith("\nNo loop work of no task from 18.1 ms to 222.1 ms (the loop ran "
                                 "tasks or had nothing to do until the next such callback)"))
        << between.toStdString();
    EXPECT_FALSE(between.contains("next callback`")) << between.toStdString();
    const MeasuredSegment& work = recorded.recording.measured.lane(5)[0];
    EXPECT_EQ(describeLoopWork(work), "Loop work of no task (protocol callbacks, call_soon "
                                      "functions), measured under asyncio: 18.0 ms to 18.1 ms");
    // A task's await keeps its own words.
    EXPECT_TRUE(recorded.hover(2, 150).endsWith("awaited `asyncio.sleep(0.05)` at blocking.py:15"));
}

namespace {

QStringList taskNamesOf(const Scenario& scenario) {
    QStringList names;
    for (const Task& task : scenario.tasks)
        names << QString::fromStdString(task.name);
    return names;
}

} // namespace

TEST(RecordingRunsInTheWindow, TheNoteSaysWhichRunIsShownAndSwitchesToAnother) {
    MainWindow window;
    window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
    EXPECT_TRUE(window.runsNote()->isHidden());
    ASSERT_TRUE(
        succeeded(window.openFile(QStringLiteral(COROSCOPE_RECORDINGS "/three-runs.json"))));
    EXPECT_FALSE(window.runsNote()->isHidden());
    EXPECT_EQ(window.runsNote()->text(),
              "This recording holds 3 runs of asyncio.run; showing run 1.");
    EXPECT_EQ(taskNamesOf(window.model()->scenario()), (QStringList{"first", "(callbacks)"}));
    QComboBox* runs = window.runsNote()->runList();
    ASSERT_EQ(runs->count(), 3);
    EXPECT_EQ(runs->itemText(1), "Run 2");
    runs->setCurrentIndex(1);
    emit runs->activated(1);
    EXPECT_EQ(window.runsNote()->text(),
              "This recording holds 3 runs of asyncio.run; showing run 2.");
    EXPECT_EQ(taskNamesOf(window.model()->scenario()), (QStringList{"second", "child"}));
    ASSERT_NE(window.bridge()->measured(), nullptr);
    EXPECT_EQ(window.bridge()->measured()->taskNames(),
              (std::vector<std::string>{"second", "child"}));
    EXPECT_EQ(window.windowTitle(), "Derived from three-runs.json[*] — Coroscope");
    // Another file leaves the note behind.
    window.showScenario(ScenarioFile::builtInDefault(), "Built-in scenario");
    EXPECT_TRUE(window.runsNote()->isHidden());
}

TEST(RecordingRunsInTheWindow, ARecordingOfOneRunHasNoNote) {
    MainWindow window;
    ASSERT_TRUE(
        succeeded(window.openFile(QStringLiteral(COROSCOPE_RECORDINGS "/recorded-blocking.json"))));
    EXPECT_TRUE(window.runsNote()->isHidden());
}

TEST(RecordingRunsInTheWindow, UnsavedEditsAreAskedAboutBeforeAnotherRun) {
    MainWindow window;
    ASSERT_TRUE(
        succeeded(window.openFile(QStringLiteral(COROSCOPE_RECORDINGS "/three-runs.json"))));
    window.model()->setData(window.model()->taskIndex(0), "edited");
    ASSERT_TRUE(window.isModified());
    QComboBox* runs = window.runsNote()->runList();
    QString asked;
    answerMessageBox(
        [&](QMessageBox* box) {
            asked = box->text();
            box->button(QMessageBox::Cancel)->click();
        },
        [&] {
            runs->setCurrentIndex(2);
            emit runs->activated(2);
        });
    EXPECT_EQ(asked, "The scenario has changes that are not saved. Save them?");
    // Cancelled: the edited run 1 stays, and the list says so.
    EXPECT_EQ(window.model()->scenario().tasks[0].name, "edited");
    EXPECT_EQ(runs->currentIndex(), 0);
    EXPECT_EQ(window.runsNote()->text(),
              "This recording holds 3 runs of asyncio.run; showing run 1.");
    answerMessageBox([](QMessageBox* box) { box->button(QMessageBox::Discard)->click(); },
                     [&] {
                         runs->setCurrentIndex(2);
                         emit runs->activated(2);
                     });
    EXPECT_EQ(taskNamesOf(window.model()->scenario()), (QStringList{"third", "(callbacks)"}));
    EXPECT_FALSE(window.isModified());
}
