// Unsaved work kept safe: autosave after each edit, its warning, restoring what a crash left.

#include "mainwindow.h"

#include "mainwindowparts.h"

#include "bridge/qtext.h"
#include "editing/scenariomodel.h"
#include "plainmessage.h"

#include <QDir>
#include <QLabel>
#include <QUndoStack>

#include <vector>

namespace coroscope {

namespace {

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
        notify(tr("Kept the damaged autosave as %1").arg(QDir::toNativeSeparators(kept.value())));
    else
        showPlainMessage(this, QMessageBox::Warning, tr("Damaged autosave"),
                         toQString(kept.error()));
}

} // namespace coroscope
