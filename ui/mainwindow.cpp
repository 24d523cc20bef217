// The window's shell: its parts and docks, showing a scenario, edits, selection, figures, theme.

#include "mainwindow.h"

#include "mainwindowparts.h"

#include "bridge/qtext.h"
#include "bridge/schedulerbridge.h"
#include "code/codedock.h"
#include "editing/scenariomodel.h"
#include "editing/scenariopanel.h"
#include "examples/examplebanner.h"
#include "explain/eventlog.h"
#include "files/recentfiles.h"
#include "measured/differencesdock.h"
#include "measured/runsnote.h"
#include "playbackbar.h"
#include "present/presentation.h"
#include "timeline/overviewstrip.h"
#include "timeline/timelinepane.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"
#include "typingkeepskeys.h"
#include "view/axis.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <chrono>
#include <span>
#include <tuple>
#include <utility>

namespace coroscope {

namespace {

// A geometry remembered on another screen layout or at another scale factor may leave the
// window partly off every screen: then it goes, as large as fits, onto the primary screen.
void keepOnScreen(QWidget* window) {
    if (window->windowState() & (Qt::WindowMaximized | Qt::WindowFullScreen))
        return;
    const QRect frame = window->frameGeometry();
    const QList<QScreen*> screens = QGuiApplication::screens();
    if (std::any_of(screens.begin(), screens.end(), [&](const QScreen* screen) {
            return screen->availableGeometry().contains(frame);
        }))
        return;
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    const QSize decorations = frame.size() - window->size();
    QRect placed(QPoint(), window->size().boundedTo(available.size() - decorations));
    placed.moveCenter(available.center());
    window->resize(placed.size());
    window->move(placed.topLeft());
}

} // namespace

MainWindow::MainWindow(QWidget* parent, const QString& autosaveFolder)
    : QMainWindow(parent)
    , undoStack_(new QUndoStack(this))
    , model_(new ScenarioModel(undoStack_, this))
    , bridge_(new SchedulerBridge(this))
    , scene_(new TimelineScene(this))
    , pane_(new TimelinePane(scene_, this))
    , view_(pane_->view())
    , playback_(new PlaybackBar(bridge_, this))
    , panel_(new ScenarioPanel(model_, this))
    , dock_(new QDockWidget(tr("Scenario"), this))
    , eventLog_(new EventLog(this))
    , logDock_(new QDockWidget(tr("Event Log"), this))
    , differences_(new DifferencesDock(this))
    , code_(new CodeDock(this))
    , figures_(new WrappingLabel(this))
    , notice_(new QLabel(this))
    , autosaveWarning_(new QLabel(this))
    , recent_(new RecentFiles(this))
    , autosaver_(new Autosaver(autosaveFolder, this))
    , banner_(new ExampleBanner(this))
    , runsNote_(new RunsNote(this)) {
    // An example's paragraph stands above the card while it is shown.
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(banner_);
    column->addWidget(runsNote_);
    column->addWidget(pane_, 1);
    presentation_ = new Presentation(this, bridge_, scene_, view_, {banner_, runsNote_});
    column->addWidget(presentation_->footer());
    setCentralWidget(central);
    addToolBar(Qt::BottomToolBarArea, playback_);
    statusBar()->addWidget(figures_, 1);
    // At the window's smallest the figures take two lines rather than being cut.
    figures_->setAccessibleName(tr("Figures of the run"));
    // Passing news ("Exported …") shows beside the figures; a status message would hide them.
    notice_->setTextFormat(Qt::PlainText);
    notice_->setAccessibleName(tr("Notice"));
    notice_->hide();
    statusBar()->addPermanentWidget(notice_);
    noticeTimer_.setSingleShot(true);
    connect(&noticeTimer_, &QTimer::timeout, notice_, &QWidget::hide);
    autosaveWarning_->setTextFormat(Qt::PlainText);
    autosaveWarning_->hide();
    statusBar()->addPermanentWidget(autosaveWarning_);
    connect(autosaver_, &Autosaver::saveFailed, this, &MainWindow::showAutosaveFailure);
    connect(autosaver_, &Autosaver::safeAgain, autosaveWarning_, &QWidget::hide);
    dock_->setObjectName(QStringLiteral("scenarioDock"));
    dock_->setWidget(panel_);
    addDockWidget(Qt::LeftDockWidgetArea, dock_);
    resizeDocks({dock_}, {400}, Qt::Horizontal);
    // Explain mode: the hatched waits on the timeline and the loop's decisions told in words.
    logDock_->setObjectName(QStringLiteral("eventLogDock"));
    logDock_->setWidget(eventLog_);
    addDockWidget(Qt::BottomDockWidgetArea, logDock_);
    logDock_->hide();
    connect(playback_->explainAction(), &QAction::toggled, this, &MainWindow::setExplained);
    // One unit for every time shown: the one the ruler picks for the window in view.
    connect(scene_, &TimelineScene::windowChanged, playback_, &PlaybackBar::followRuler);
    connect(scene_, &TimelineScene::windowChanged, this, &MainWindow::showFigures);
    connect(eventLog_, &EventLog::seekRequested, this, [this](double ms) {
        bridge_->pause();
        bridge_->seek(ms);
    });
    connect(bridge_, &SchedulerBridge::timeAdvanced, eventLog_, &EventLog::setNow);
    connect(bridge_, &SchedulerBridge::scenarioChanged, this, [this] {
        if (scene_->explained())
            tellEvents();
    });
    // A recording's measured run against the model, while one is open.
    addDockWidget(Qt::BottomDockWidgetArea, differences_);
    differences_->hide();
    differences_->follow(bridge_);
    connect(differences_, &DifferencesDock::stepRequested, panel_, &ScenarioPanel::select);
    // The scenario as asyncio code, its lines lit as the run plays.
    addDockWidget(Qt::RightDockWidgetArea, code_);
    code_->hide();
    code_->follow(bridge_);
    connect(code_, &CodeDock::stepClicked, panel_, &ScenarioPanel::select);
    setAcceptDrops(true);
    // Smaller, the card's rows and the scrubber would be cut beyond use; and as wide as the
    // panel and the smallest whole card need side by side.
    setMinimumSize(std::max(640, dock_->minimumSizeHint().width() +
                                     style()->pixelMetric(QStyle::PM_DockWidgetSeparatorExtent) +
                                     pane_->minimumSizeHint().width()),
                   420);
    // Room for the panel and a full-width card, within the screen.
    const QSize available = screen()->availableSize();
    resize(std::min(1400, available.width()), std::min(760, available.height()));
    scene_->follow(bridge_);
    pane_->follow(bridge_);
    connect(view_, &TimelineView::seekRequested, bridge_, &SchedulerBridge::seek);
    scene_->setPlayheadShown(true);
    // The panel and the timeline point at each other: a step selected in one shows in the other.
    connect(panel_, &ScenarioPanel::currentChanged, this, &MainWindow::showSelectedStep);
    connect(view_, &TimelineView::stepClicked, panel_, &ScenarioPanel::select);
    connect(pane_->blockingView(), &TimelineView::stepClicked, panel_, &ScenarioPanel::select);
    // Left/Right on the timeline step through the loop's decisions, as on the scrubber.
    for (const auto& [key, step, text] : {std::tuple{Qt::Key_Left, &SchedulerBridge::stepBack,
                                                     tr("Previous event (on the timeline)")},
                                          std::tuple{Qt::Key_Right, &SchedulerBridge::stepForward,
                                                     tr("Next event (on the timeline)")}}) {
        auto* action = new QAction(text, view_);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, bridge_, step);
        view_->addAction(action);
    }
    createMenus();
    qApp->installEventFilter(new TypingKeepsKeys(this));
    applyThemeChoice(themeChoiceFromName(QSettings().value(kThemeKey).toString()));

    // An edit of a big scenario is run in the background (another scenario: showScenario).
    connect(model_, &ScenarioModel::scenarioEdited, bridge_, &SchedulerBridge::updateScenario);
    connect(bridge_, &SchedulerBridge::scenarioChanged, this, &MainWindow::showFigures);
    // An undo, a redo or a new scenario may have moved or cleared the panel's selection (a
    // reset clears it without a word): the ring shows what it is now.
    const auto ringCurrent = [this] {
        const auto [task, step] = panel_->current();
        ringStep(task, step);
    };
    connect(bridge_, &SchedulerBridge::scenarioChanged, this, ringCurrent);
    connect(model_, &ScenarioModel::scenarioReset, this, ringCurrent);
    // Written when hovered: a hundred thousand of them at every edit would hold up the window.
    scene_->setRowDetails([this](int row) { return taskDetails(row); });
    connect(undoStack_, &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(undoStack_, &QUndoStack::indexChanged, this, &MainWindow::keepSafe);
    connect(runsNote_, &RunsNote::runChosen, this, &MainWindow::showRun);
    connect(recent_, &RecentFiles::openRequested, this,
            [this](const QString& path) { openInteractively(path); });

    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    keepOnScreen(this);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    logDock_->setVisible(scene_->explained()); // Explain starts off, whatever was saved
    differences_->hide();                      // and no recording is open yet
}

MainWindow::~MainWindow() {
    // The undo stack clears itself as it goes: that is no reason to drop the autosave.
    disconnect(undoStack_, nullptr, this, nullptr);
}

void MainWindow::setExplained(bool on) {
    scene_->setExplained(on);
    logDock_->setVisible(on);
    if (!on)
        return;
    tellEvents();
    logDock_->raise(); // the tab in front, where it shares the bottom with the differences
    // A few lines high: the timeline stays what the window is for.
    resizeDocks({logDock_}, {160}, Qt::Vertical);
}

void MainWindow::tellEvents() {
    eventLog_->showRun(bridge_->scenario(), bridge_->events(), bridge_->measured().get());
    eventLog_->setNow(bridge_->now());
}

void MainWindow::showScenario(const Scenario& scenario, const QString& name,
                              std::shared_ptr<const MeasuredRun> measured,
                              std::optional<RunAnalysis> analysed) {
    filePath_.clear();
    untitledName_ = name;
    banner_->hide();   // an example shows it again
    runsNote_->hide(); // and a recording of several runs
    runsFile_ = {};
    bridge_->setMeasured(std::move(measured)); // before the scenario it goes with
    const bool playing = bridge_->isPlaying();
    const double at = bridge_->now();
    if (analysed)
        bridge_->setScenario(scenario, std::move(*analysed));
    else
        bridge_->setScenario(scenario);
    if (!playing)
        bridge_->seek(at); // paused: the same moment, as after an edit
    model_->resetScenario(scenario);
    undoStack_->clear();
    autosaver_->discard();
    updateTitle();
    // Another scenario starts at its top, seen whole.
    scene_->fitWindow();
    view_->showTop();
    bridge_->play();
}

QString MainWindow::taskDetails(int task) const {
    const std::vector<TaskTotals>& totals = bridge_->taskTotals();
    if (task < 0 || std::size_t(task) >= totals.size())
        return {};
    const Scenario& scenario = bridge_->scenario();
    const TaskTotals& total = totals[std::size_t(task)];
    // "waiting on I/O 120 ms · on HTTP 0 ms", a wait kind after another.
    QStringList waits;
    for (StepKind kind : scenario.kinds.all())
        if (isWait(kind))
            waits << tr("%1 %L2 ms")
                         .arg(toQString(scenario.kinds.waitNoun(kind)))
                         .arg(total.kindMs[kind.index]);
    return tr("%1\nCPU %L2 ms · waiting on %3\n"
              "Ready but not running %L4 ms (the loop was busy) · finishes at %L5 ms")
        .arg(toQString(scenario.tasks[std::size_t(task)].name))
        .arg(total.kindMs[StepKind::Cpu.index])
        .arg(waits.join(tr(" · on ")))
        .arg(total.readyMs)
        .arg(total.finishMs);
}

void MainWindow::ringStep(int task, int step) {
    scene_->highlightStep(task, step);
    pane_->blockingScene()->highlightStep(task, step);
}

void MainWindow::showSelectedStep(int task, int step) {
    ringStep(task, step);
    if (task < 0 || task >= scene_->layout().rows)
        return;
    view_->ensureVisible(scene_->layout().track(task), 0, 40);
    // Zoomed in elsewhere: the window moves to the step, keeping its span.
    const std::span<const LaneSegment> lane = scene_->lanes().lane(std::size_t(task));
    const TimeWindow& window = scene_->window();
    if (step >= 0 && std::size_t(step) < lane.size() &&
        (double(lane[std::size_t(step)].end) <= window.from ||
         double(lane[std::size_t(step)].start) >= window.to)) {
        const LaneSegment& s = lane[std::size_t(step)];
        scene_->setWindow(
            windowAround(double(s.start + s.end) / 2, window.span(), scene_->axisEnd()));
    }
}

void MainWindow::updateTitle() {
    const QString name = filePath_.isEmpty() ? untitledName_ : QFileInfo(filePath_).fileName();
    setWindowTitle(tr("%1[*] — Coroscope").arg(name));
    setWindowModified(isModified());
}

void MainWindow::showFigures() {
    const Figures& f = bridge_->figures();
    // In the ruler's unit, as the playhead's label and the readout are.
    const auto time = [this](std::int64_t ms) {
        return toQString(timeReadout(double(ms), scene_->ticks()));
    };
    // Latencies only mean something for requests arriving over time (not all at 0).
    const bool latencies = f.loop.arrivals;
    const QString latency = latencies
                                ? tr("  ·  Latency p50 %1 / p95 %2 / p99 %3")
                                      .arg(time(f.loop.latencyP50Ms), time(f.loop.latencyP95Ms),
                                           time(f.loop.latencyP99Ms))
                                : QString();
    const QString text =
        tr("Makespan %1  ·  CPU busy %2 (%3%)  ·  One at a time %4  ·  Speed-up %5×%6  ·  %7, %8")
            .arg(time(f.makespanMs), time(f.cpuBusyMs))
            .arg(f.cpuBusyPct, 0, 'f', 1)
            .arg(time(f.sequentialMs))
            .arg(f.speedup, 0, 'f', 2)
            .arg(latency, counted(f.tasks, tr("%L1 task"), tr("%L1 tasks")),
                 counted(f.segments, tr("%L1 segment"), tr("%L1 segments")));
    figures_->setWrappedText(text);
    // The whole line, however the status bar wraps it, and what each number means.
    figures_->setToolTip(
        text + QStringLiteral("\n\n") +
        tr("Makespan: when the last task ends.\n"
           "CPU busy: how long the one CPU (the event loop) runs code, and its share of the "
           "makespan.\n"
           "One at a time: every step run back to back, as a blocking program would.\n"
           "Speed-up: one at a time ÷ makespan, what overlapping the waits saves.") +
        (latencies ? tr("\nLatency: each arriving task's end minus its start time; p95 is the "
                        "nearest-rank percentile, the latency at rank ⌈95/100 · n⌉ of the n "
                        "sorted ones, so 95% of them are at most that long.")
                   : QString()));
}

void MainWindow::notify(const QString& text) {
    notice_->setText(text);
    notice_->show();
    noticeTimer_.start(std::chrono::seconds(5));
}

void MainWindow::applyThemeChoice(ThemeChoice choice) {
    themeChoice_ = choice;
    themeAction(choice)->setChecked(true);
    applyApplicationPalette(choice);
    followTheme();
}

void MainWindow::followTheme() {
    const style::Theme& theme = cardTheme(themeChoice_);
    scene_->setTheme(theme);
    pane_->blockingScene()->setTheme(theme);
    pane_->overview()->setTheme(theme);
    code_->setTheme(theme);
    // Dark red reads badly on a dark status bar.
    const QString warning = QStringLiteral("color: %1; font-weight: bold")
                                .arg(theme == style::Theme::dark() ? "#f2b8b5" : "#b3261e");
    if (autosaveWarning_->styleSheet() != warning)
        autosaveWarning_->setStyleSheet(warning);
}

bool MainWindow::event(QEvent* event) {
    if (event->type() == QEvent::WindowBlocked) {
        resumeAfterModal_ = bridge_->isPlaying();
        bridge_->pause();
    } else if (event->type() == QEvent::WindowUnblocked &&
               std::exchange(resumeAfterModal_, false)) {
        bridge_->play();
    }
    return QMainWindow::event(event);
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    // The desktop may switch between light and dark while we run.
    const QEvent::Type type = event->type();
    if (type == QEvent::PaletteChange || type == QEvent::ApplicationPaletteChange ||
        type == QEvent::ThemeChange)
        followTheme();
}

} // namespace coroscope
