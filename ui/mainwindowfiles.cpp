// File commands: new, open (on a thread of its own), save, save as, ask to save, close, drops.

#include "mainwindow.h"

#include "bridge/qtext.h"
#include "bridge/schedulerbridge.h"
#include "editing/scenariomodel.h"
#include "files/atomicdevice.h"
#include "files/recentfiles.h"
#include "files/scenariofile.h"
#include "format/atomicfile.h"
#include "measured/differencesdock.h"
#include "measured/runsnote.h"
#include "plainmessage.h"
#include "workprogress.h"

#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QSettings>
#include <QUndoStack>

#include <optional>

namespace coroscope {

namespace {

// Open takes recordings of real runs too; Save writes scenarios only.
QString scenarioFilter(bool opening) {
    return opening ? QObject::tr("Coroscope scenarios and recordings (*.json);;All files (*)")
                   : QObject::tr("Coroscope scenarios (*.json);;All files (*)");
}

// A scenario to start from: one task, one step.
Scenario blankScenario() {
    return {"Untitled", "", {{"Task 1", {{StepKind::Cpu, 100}}}}};
}

} // namespace

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

void MainWindow::showOpened(const OpenedFile& file, const QString& path,
                            std::optional<RunAnalysis> analysed) {
    if (!file.measured) {
        showFile(file.scenario, path, std::move(analysed));
        return;
    }
    // Saving must never write over the recording: the scenario is a new document.
    showScenario(file.scenario, tr("Derived from %1").arg(QFileInfo(path).fileName()),
                 file.measured, std::move(analysed));
    recent_->add(path);
    if (file.runCount() > 1) {
        runsFile_ = file;
        runsPath_ = path;
        runsNote_->showRuns(file.runCount(), file.run);
    }
    // Tabs rather than side by side: the log's sentences need the window's width. (Only now:
    // a tab bar that holds no shown dock would still take a stop in the Tab order.)
    tabifyDockWidget(logDock_, differences_);
    // A few rows of differences: the timeline stays what the window is for.
    resizeDocks({differences_}, {160}, Qt::Vertical);
}

void MainWindow::showRun(std::size_t n) {
    if (!runsFile_.runs)
        return;
    if (n == runsFile_.run || !maybeSave()) {
        runsNote_->showRuns(runsFile_.runCount(), runsFile_.run); // the list as it was
        return;
    }
    const OpenedFile file = showingRun(runsFile_, n);
    const QString path = runsPath_;
    showOpened(file, path);
}

void MainWindow::showFile(const Scenario& scenario, const QString& path,
                          std::optional<RunAnalysis> analysed) {
    showScenario(scenario, QString(), {}, std::move(analysed));
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
    std::optional<RunAnalysis> analysed;
    {
        // Gone before the scenario is shown: past this point there is nothing to cancel.
        WorkProgress work(this, tr("Opening %1…").arg(QFileInfo(path).fileName()));
        const bool comparing = bridge_->comparing();
        work.runInBackground([&loaded, &analysed, path, comparing](const Progress& progress) {
            loaded.emplace(ScenarioFile::open(path, progress));
            if (!*loaded)
                return;
            // Its run analysed here too, under the same dialog: the window shows it at once.
            if (!progress(1)) {
                loaded.emplace(cancelled());
                return;
            }
            analysed = analyseRun(loaded->value().scenario, {comparing, loaded->value().measured});
        });
    }
    if (!*loaded) {
        if (loaded->error().cancelled)
            notify(tr("Opening cancelled"));
        else
            showPlainMessage(this, QMessageBox::Warning, tr("Cannot open the scenario"),
                             toQString(loaded->error()));
        return;
    }
    showOpened(loaded->value(), path, std::move(analysed));
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
    if (saved)
        return true;
    if (!AtomicFile::forbidsWriting(nativePath(path))) {
        showPlainMessage(this, QMessageBox::Warning, tr("Cannot save the scenario"),
                         toQString(saved.error()));
        return false;
    }
    // A file made read-only stays as it is; the work can still go to another file.
    const auto answer = showPlainMessage(
        this, QMessageBox::Warning, tr("Cannot save the scenario"),
        tr("%1\n\nSave the scenario under another name?").arg(toQString(saved.error())),
        QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Save,
        {{QMessageBox::Save, tr("Save As…")}});
    return answer == QMessageBox::Save && saveAs();
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

} // namespace coroscope
