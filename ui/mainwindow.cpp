#include "mainwindow.h"

#include "bridge/qtext.h"
#include "bridge/schedulerbridge.h"
#include "editing/scenariomodel.h"
#include "editing/scenariopanel.h"
#include "explain/eventlog.h"
#include "export/exportdialog.h"
#include "files/atomicdevice.h"
#include "files/recentfiles.h"
#include "files/scenariofile.h"
#include "measured/differencesdock.h"
#include "plainmessage.h"
#include "playbackbar.h"
#include "timeline/overviewstrip.h"
#include "timeline/timelinepane.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"
#include "workprogress.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTextBrowser>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <optional>
#include <span>
#include <tuple>

namespace coroscope {

namespace {

// Open takes recordings of real runs too; Save writes scenarios only.
QString scenarioFilter(bool opening) {
    return opening ? QObject::tr("Coroscope scenarios and recordings (*.json);;All files (*)")
                   : QObject::tr("Coroscope scenarios (*.json);;All files (*)");
}

const QString kThemeKey = QStringLiteral("view/theme");

// A scenario to start from: one task, one step.
Scenario blankScenario() {
    return {"Untitled", "", {{"Task 1", {{StepKind::Cpu, 100}}}}};
}

// "1 task", "2 tasks": without a translator, tr()'s %n plurals would print "task(s)".
QString counted(qulonglong n, const QString& one, const QString& many) {
    return (n == 1 ? one : many).arg(n);
}

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

// Work a crash left behind can be taken (yes, in the caller's words), deleted, or left for the
// next start; the buttons say which.
QMessageBox::StandardButton askAboutKeptWork(QWidget* parent, QMessageBox::Icon icon,
                                             const QString& title, const QString& text,
                                             const QString& yes) {
    return showPlainMessage(parent, icon, title, text,
                            QMessageBox::Yes | QMessageBox::Discard | QMessageBox::Ignore,
                            QMessageBox::Yes,
                            {{QMessageBox::Yes, yes},
                             {QMessageBox::Discard, QObject::tr("Delete it")},
                             {QMessageBox::Ignore, QObject::tr("Not now (ask next time)")}});
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
    , figures_(new QLabel(this))
    , autosaveWarning_(new QLabel(this))
    , recent_(new RecentFiles(this))
    , autosaver_(new Autosaver(autosaveFolder, this)) {
    setCentralWidget(pane_);
    addToolBar(Qt::BottomToolBarArea, playback_);
    statusBar()->addWidget(figures_, 1);
    // At the window's smallest the figures take two lines rather than being cut.
    figures_->setWordWrap(true);
    figures_->setAccessibleName(tr("Figures of the run"));
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
    setAcceptDrops(true);
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
    for (const auto& [key, step] : {std::pair{Qt::Key_Left, &SchedulerBridge::stepBack},
                                    std::pair{Qt::Key_Right, &SchedulerBridge::stepForward}}) {
        auto* action = new QAction(view_);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, bridge_, step);
        view_->addAction(action);
    }
    createMenus();
    applyThemeChoice(themeChoiceFromName(QSettings().value(kThemeKey).toString()));

    connect(model_, &ScenarioModel::scenarioEdited, this, &MainWindow::scenarioEdited);
    connect(undoStack_, &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(undoStack_, &QUndoStack::indexChanged, this, &MainWindow::keepSafe);
    connect(recent_, &RecentFiles::openRequested, this,
            [this](const QString& path) { openInteractively(path); });

    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    keepOnScreen(this);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    logDock_->setVisible(scene_->explained()); // Explain starts off, whatever was saved
    differences_->hide();                      // and no recording is open yet
}

void MainWindow::setExplained(bool on) {
    scene_->setExplained(on);
    logDock_->setVisible(on);
    if (!on)
        return;
    tellEvents();
    // A few lines high: the timeline stays what the window is for.
    resizeDocks({logDock_}, {160}, Qt::Vertical);
}

void MainWindow::tellEvents() {
    eventLog_->showRun(bridge_->scenario(), bridge_->events());
    eventLog_->setNow(bridge_->now());
}

MainWindow::~MainWindow() {
    // The undo stack clears itself as it goes: that is no reason to drop the autosave.
    disconnect(undoStack_, nullptr, this, nullptr);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, [this] {
        if (maybeSave())
            newScenario();
    });
    file->addAction(tr("&Open…"), QKeySequence::Open, this, [this] { openInteractively(); });
    recent_->attach(file->addMenu(tr("Open &Recent")));
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    // QKeySequence::SaveAs is empty on some platforms.
    file->addAction(tr("Save &As…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                    &MainWindow::saveAs);
    file->addSeparator();
    QMenu* exports = file->addMenu(tr("&Export"));
    exports->addAction(tr("&PNG Image…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                       [this] { exportInteractively(ExportFormat::Png); });
    exports->addAction(tr("S&VG Drawing…"), this,
                       [this] { exportInteractively(ExportFormat::Svg); });
    exports->addAction(tr("&Trace (Perfetto, chrome://tracing)…"), this,
                       [this] { exportInteractively(ExportFormat::Trace); });
    exports->addAction(tr("Python &asyncio Program…"), this,
                       [this] { exportInteractively(ExportFormat::AsyncioProgram); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = undoStack_->createUndoAction(this, tr("&Undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction* redo = undoStack_->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(dock_->toggleViewAction());
    view->addAction(playback_->explainAction());
    view->addAction(playback_->compareAction());
    view->addAction(differences_->toggleViewAction());
    view->addSeparator();
    // Plain keys only while the timeline has the focus: elsewhere they are typing.
    for (const auto& [text, keys, slot] :
         {std::tuple{tr("Zoom &In"),
                     QList<QKeySequence>{Qt::Key_Plus, Qt::Key_Equal, QKeySequence::ZoomIn},
                     &TimelineView::zoomIn},
          std::tuple{tr("Zoom &Out"), QList<QKeySequence>{Qt::Key_Minus, QKeySequence::ZoomOut},
                     &TimelineView::zoomOut},
          std::tuple{tr("&Fit the Whole Run"), QList<QKeySequence>{Qt::Key_0},
                     &TimelineView::zoomToFit}}) {
        QAction* action = view->addAction(text, view_, slot);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetShortcut);
        view_->addAction(action);
    }
    view->addSeparator();
    QMenu* theme = view->addMenu(tr("&Theme"));
    auto* exclusive = new QActionGroup(this);
    for (ThemeChoice choice : {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark}) {
        const QString text = choice == ThemeChoice::System  ? tr("&System")
                             : choice == ThemeChoice::Light ? tr("&Light")
                                                            : tr("&Dark");
        QAction* action = theme->addAction(text, this, [this, choice] {
            QSettings().setValue(kThemeKey, themeChoiceName(choice));
            applyThemeChoice(choice);
        });
        action->setCheckable(true);
        exclusive->addAction(action);
        themeActions_[std::size_t(choice)] = action;
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Coroscope"), this, [this] {
        showPlainMessage(this, QMessageBox::Information, tr("About Coroscope"), aboutText());
    });
    help->addAction(tr("&Guide"), QKeySequence::HelpContents, this, [this] { showGuide(); });
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        showPlainMessage(this, QMessageBox::Information, tr("Keyboard shortcuts"), shortcutsText());
    });
    help->addSeparator();
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

QString MainWindow::shortcutsText() const {
    QStringList lines;
    auto add = [&](const QAction* action) {
        if (!action->shortcut().isEmpty())
            lines << QStringLiteral("%1\t%2").arg(
                action->shortcut().toString(QKeySequence::NativeText),
                action->text().remove('&').remove(QStringLiteral("…")));
    };
    std::function<void(const QMenu*)> walk = [&](const QMenu* menu) {
        for (const QAction* action : menu->actions()) {
            if (action->menu())
                walk(action->menu());
            else
                add(action);
        }
    };
    for (const QAction* action : menuBar()->actions())
        walk(action->menu());
    for (const QAction* action : playback_->actions())
        add(action);
    lines << tr("Left / Right\tPrevious / next event (on the timeline or the scrubber)")
          << tr("PageUp / PageDown\tA tenth of the run earlier / later (on the scrubber)")
          << tr("Delete\tRemove the selection (in the panel)");
    return lines.join('\n');
}

QString MainWindow::guideText() {
    // The README's guide to the window, compiled in: the same words as on the project page.
    QFile readme(QStringLiteral(":/guide/README.md"));
    if (!readme.open(QIODevice::ReadOnly))
        return {};
    const QString all = QString::fromUtf8(readme.readAll());
    const qsizetype from = all.indexOf(QStringLiteral("## The window"));
    const qsizetype to = all.indexOf(QStringLiteral("\n## "), from + 1);
    QStringList lines = all.mid(from, to - from).split('\n');
    lines.removeIf([](const QString& line) { return line.startsWith(QStringLiteral("![")); });
    return lines.join('\n');
}

void MainWindow::showGuide() {
    auto* guide = new QDialog(this);
    guide->setAttribute(Qt::WA_DeleteOnClose);
    guide->setWindowTitle(tr("Coroscope guide"));
    auto* text = new QTextBrowser(guide);
    text->setMarkdown(guideText());
    auto* layout = new QVBoxLayout(guide);
    layout->addWidget(text);
    guide->resize(720, 640);
    guide->show();
}

QString MainWindow::aboutText() {
    return tr("Coroscope %1\n\n"
              "Watch coroutines share one event loop: CPU work runs one piece at a time, I/O and "
              "HTTP waits overlap. Each task is a real C++20 coroutine on a virtual clock with "
              "asyncio's rules.\n\n"
              "Under the MIT licence (see LICENSE). Uses Qt %2 under the LGPL, as shared "
              "libraries.")
        .arg(QStringLiteral(COROSCOPE_VERSION), QString::fromLatin1(qVersion()));
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
    // Dark red reads badly on a dark status bar.
    const QString warning = QStringLiteral("color: %1; font-weight: bold")
                                .arg(theme == style::Theme::dark() ? "#f2b8b5" : "#b3261e");
    if (autosaveWarning_->styleSheet() != warning)
        autosaveWarning_->setStyleSheet(warning);
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    // The desktop may switch between light and dark while we run.
    const QEvent::Type type = event->type();
    if (type == QEvent::PaletteChange || type == QEvent::ApplicationPaletteChange ||
        type == QEvent::ThemeChange)
        followTheme();
}

void MainWindow::showScenario(const Scenario& scenario, const QString& name,
                              std::shared_ptr<const MeasuredRun> measured) {
    filePath_.clear();
    untitledName_ = name;
    bridge_->setMeasured(std::move(measured)); // before the scenario it goes with
    model_->resetScenario(scenario);
    undoStack_->clear();
    autosaver_->discard();
    updateTitle();
    // Another scenario starts at its top, seen whole.
    scene_->fitWindow();
    view_->showTop();
    bridge_->play();
}

void MainWindow::newScenario() {
    showScenario(blankScenario(), tr("Untitled"));
}

Result<void> MainWindow::openFile(const QString& path, const Progress& progress) {
    Result<OpenedFile> loaded = ScenarioFile::open(path, progress);
    if (!loaded)
        return loaded.error();
    showOpened(loaded.value(), path);
    return done();
}

void MainWindow::showOpened(const OpenedFile& file, const QString& path) {
    if (!file.measured) {
        showFile(file.scenario, path);
        return;
    }
    // Saving must never write over the recording: the scenario is a new document.
    showScenario(file.scenario, tr("Derived from %1").arg(QFileInfo(path).fileName()),
                 file.measured);
    recent_->add(path);
    // A few rows of differences: the timeline stays what the window is for.
    resizeDocks({differences_}, {160}, Qt::Vertical);
}

void MainWindow::showFile(const Scenario& scenario, const QString& path) {
    showScenario(scenario, QString());
    filePath_ = path;
    recent_->add(path);
    updateTitle();
}

Result<void> MainWindow::saveFile(const QString& path) {
    if (Result<void> written = ScenarioFile::write(model_->scenario(), path); !written)
        return written;
    filePath_ = path;
    undoStack_->setClean();
    autosaver_->discard();
    recent_->add(path);
    updateTitle();
    return done();
}

bool MainWindow::isModified() const {
    return !undoStack_->isClean();
}

void MainWindow::keepSafe() {
    if (isModified())
        autosaver_->schedule(model_->scenario(), filePath_);
    else
        autosaver_->discard(); // undone back to what the file holds
}

void MainWindow::showAutosaveFailure(const QString& message) {
    autosaveWarning_->setText(tr("Changes are not being autosaved: %1").arg(message));
    autosaveWarning_->setToolTip(tr("A crash now would lose the unsaved changes. Save the "
                                    "scenario to keep them; the warning goes once an autosave "
                                    "succeeds again."));
    autosaveWarning_->show();
}

void MainWindow::restore(const Autosaver::Recovered& recovered) {
    showScenario(recovered.scenario, tr("Recovered scenario"));
    filePath_ = recovered.originalPath;
    undoStack_->resetClean(); // unsaved until the user saves it
    keepSafe();
    // In this window's own slot before the old one goes: a crash right after restoring loses
    // nothing. If it cannot be written, the old slot stays for the next start.
    if (autosaver_->saveNow())
        Autosaver::forget(recovered);
    updateTitle();
}

void MainWindow::offerRecovery() {
    const std::vector<Autosaver::Recovered> orphans = autosaver_->orphans();
    for (const Autosaver::Recovered& recovered : orphans) {
        if (!recovered.damage.isEmpty()) {
            offerToKeepAside(recovered);
            continue;
        }
        const QString what =
            recovered.originalPath.isEmpty()
                ? tr("an unsaved scenario")
                : tr("unsaved changes to %1").arg(QDir::toNativeSeparators(recovered.originalPath));
        const auto answer = askAboutKeptWork(
            this, QMessageBox::Question, tr("Restore unsaved work?"),
            tr("Coroscope did not close properly and kept %1 (“%2”, %3). Restore it?\n\n"
               "Delete it removes the kept copy for good. Not now leaves it where it is and "
               "asks again at the next start.")
                .arg(what, QString::fromStdString(recovered.scenario.title),
                     counted(recovered.scenario.tasks.size(), tr("%L1 task"), tr("%L1 tasks"))),
            tr("Restore"));
        if (answer == QMessageBox::Discard)
            Autosaver::forget(recovered);
        if (answer == QMessageBox::Yes) {
            restore(recovered);
            return; // any others stay for a later start
        }
    }
}

void MainWindow::offerToKeepAside(const Autosaver::Recovered& damaged) {
    const auto answer = askAboutKeptWork(
        this, QMessageBox::Warning, tr("Damaged autosave"),
        tr("Coroscope kept unsaved work that cannot be read back:\n%1\n\nKeep the file aside "
           "(in %2) to look at later? Delete it removes it for good. Not now leaves it where "
           "it is and asks again at the next start.")
            .arg(damaged.damage,
                 QDir::toNativeSeparators(autosaver_->folder() + QStringLiteral("/damaged"))),
        tr("Keep it aside"));
    if (answer == QMessageBox::Discard)
        Autosaver::forget(damaged);
    if (answer != QMessageBox::Yes)
        return;
    if (Result<QString> kept = autosaver_->keepAside(damaged); kept)
        statusBar()->showMessage(
            tr("Kept the damaged autosave as %1").arg(QDir::toNativeSeparators(kept.value())));
    else
        showPlainMessage(this, QMessageBox::Warning, tr("Damaged autosave"),
                         toQString(kept.error()));
}

void MainWindow::scenarioEdited(const Scenario& scenario) {
    const bool playing = bridge_->isPlaying();
    const double at = bridge_->now();
    bridge_->setScenario(scenario);
    if (!playing)
        bridge_->seek(at); // paused: the same moment of the new schedule
    showFigures();
    showTaskTotals();
}

void MainWindow::showTaskTotals() {
    QStringList details;
    const Scenario& scenario = bridge_->scenario();
    const std::vector<TaskTotals>& totals = bridge_->taskTotals();
    for (std::size_t t = 0; t < totals.size(); ++t) {
        const TaskTotals& total = totals[t];
        // "waiting on I/O 120 ms · on HTTP 0 ms", a wait kind after another.
        QStringList waits;
        for (StepKind kind : scenario.kinds.all())
            if (isWait(kind))
                waits << tr("%1 %L2 ms")
                             .arg(toQString(scenario.kinds.waitNoun(kind)))
                             .arg(total.kindMs[kind.index]);
        details << tr("%1\nCPU %L2 ms · waiting on %3\n"
                      "Ready but not running %L4 ms (the loop was busy) · finishes at %L5 ms")
                       .arg(toQString(scenario.tasks[t].name))
                       .arg(total.kindMs[StepKind::Cpu.index])
                       .arg(waits.join(tr(" · on ")))
                       .arg(total.readyMs)
                       .arg(total.finishMs);
    }
    scene_->setRowDetails(details);
}

void MainWindow::showSelectedStep(int task, int step) {
    scene_->highlightStep(task, step);
    pane_->blockingScene()->highlightStep(task, step);
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

bool MainWindow::maybeSave() {
    if (!isModified())
        return true;
    const auto answer = showPlainMessage(
        this, QMessageBox::Warning, tr("Unsaved changes"),
        tr("The scenario has changes that are not saved. Save them?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::openInteractively(const QString& given) {
    if (!maybeSave())
        return;
    QString path = given;
    if (path.isEmpty()) {
        path = QFileDialog::getOpenFileName(this, tr("Open scenario"), lastFolder_,
                                            scenarioFilter(true));
        if (path.isEmpty())
            return;
    }
    lastFolder_ = QFileInfo(path).absolutePath();
    std::optional<Result<OpenedFile>> loaded;
    {
        // Gone before the scenario is shown: past this point there is nothing to cancel.
        WorkProgress work(this, tr("Opening %1…").arg(QFileInfo(path).fileName()));
        work.runInBackground([&loaded, path](const Progress& progress) {
            loaded.emplace(ScenarioFile::open(path, progress));
        });
    }
    if (!*loaded) {
        if (loaded->error().cancelled)
            statusBar()->showMessage(tr("Opening cancelled"), 5000);
        else
            showPlainMessage(this, QMessageBox::Warning, tr("Cannot open the scenario"),
                             toQString(loaded->error()));
        return;
    }
    showOpened(loaded->value(), path);
}

bool MainWindow::save() {
    if (filePath_.isEmpty())
        return saveAs();
    return saveReporting(filePath_);
}

bool MainWindow::saveAs() {
    const QString suggested = filePath_.isEmpty()
                                  ? QDir(lastFolder_).filePath(QStringLiteral("scenario.json"))
                                  : filePath_;
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save scenario"), suggested, scenarioFilter(false));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    lastFolder_ = QFileInfo(path).absolutePath();
    return saveReporting(path);
}

bool MainWindow::saveReporting(const QString& path) {
    const Result<void> saved = saveFile(path);
    if (!saved)
        showPlainMessage(this, QMessageBox::Warning, tr("Cannot save the scenario"),
                         toQString(saved.error()));
    return saved.ok();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    autosaver_->discard(); // saved or thrown away on purpose
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    openInteractively(urls.first().toLocalFile());
}

double MainWindow::pageWidth() const {
    return scene_->layout().page.width();
}

Result<void> MainWindow::exportTo(const QString& path, ExportFormat format,
                                  const ExportOptions& options, const Progress& progress) const {
    return exportTimeline(model_->scenario(), nativePath(path), format, options, progress);
}

void MainWindow::exportInteractively(ExportFormat format) {
    ExportOptions options;
    options.width = pageWidth();
    if (format == ExportFormat::Png || format == ExportFormat::Svg) {
        const std::optional<TimeWindow> zoomed =
            scene_->isFit() ? std::nullopt : std::optional(scene_->window());
        ExportDialog dialog(format, bridge_->now(), pageWidth(), zoomed, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        options = dialog.options();
        options.explain = scene_->explained(); // the picture shows what the window shows
        options.compare = bridge_->comparing();
        options.measured = bridge_->measured();
    }
    const QString extension = extensionOf(format);
    const QString filter = format == ExportFormat::Png     ? tr("PNG images (*.png)")
                           : format == ExportFormat::Svg   ? tr("SVG drawings (*.svg)")
                           : format == ExportFormat::Trace ? tr("Chrome traces (*.json)")
                                                           : tr("Python programs (*.py)");
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export"), QDir(lastFolder_).filePath(QStringLiteral("timeline") + extension),
        filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(extension, Qt::CaseInsensitive))
        path += extension;
    lastFolder_ = QFileInfo(path).absolutePath();
    WorkProgress work(this, tr("Exporting %1…").arg(QFileInfo(path).fileName()));
    if (Result<void> exported = exportTo(path, format, options, work.progress()); !exported) {
        if (exported.error().cancelled) {
            statusBar()->showMessage(tr("Export cancelled: nothing was written"), 5000);
            return;
        }
        showPlainMessage(this, QMessageBox::Warning, tr("Export failed"),
                         toQString(exported.error()));
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void MainWindow::showFigures() {
    const Figures& f = bridge_->figures();
    const QString text =
        tr("Makespan %L1 ms  ·  CPU busy %L2 ms (%3%)  ·  One at a time %L4 ms  ·  "
           "Speed-up %5×  ·  %6, %7")
            .arg(f.makespanMs)
            .arg(f.cpuBusyMs)
            .arg(f.cpuBusyPct, 0, 'f', 1)
            .arg(f.sequentialMs)
            .arg(f.speedup, 0, 'f', 2)
            .arg(counted(f.tasks, tr("%L1 task"), tr("%L1 tasks")),
                 counted(f.segments, tr("%L1 segment"), tr("%L1 segments")));
    figures_->setText(text);
    // The whole line, however the status bar wraps it, and what each number means.
    figures_->setToolTip(
        text + QStringLiteral("\n\n") +
        tr("Makespan: when the last task ends.\n"
           "CPU busy: how long the one CPU (the event loop) runs code, and its share of the "
           "makespan.\n"
           "One at a time: every step run back to back, as a blocking program would.\n"
           "Speed-up: one at a time ÷ makespan, what overlapping the waits saves."));
}

} // namespace coroscope
