// The menus, and Help's words: every shortcut, the guide, the About box.

#include "mainwindow.h"

#include "mainwindowparts.h"

#include "bridge/schedulerbridge.h"
#include "code/codedock.h"
#include "editing/scenariopanel.h"
#include "examples/examplesmenu.h"
#include "files/recentfiles.h"
#include "measured/differencesdock.h"
#include "plainmessage.h"
#include "playbackbar.h"
#include "present/presentation.h"
#include "shortcutsdialog.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDialog>
#include <QDockWidget>
#include <QFile>
#include <QMenuBar>
#include <QSettings>
#include <QTextBrowser>
#include <QUndoStack>
#include <QVBoxLayout>

#include <functional>
#include <tuple>

namespace coroscope {

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, [this] {
        if (maybeSave())
            newScenario();
    });
    file->addAction(tr("&Open…"), QKeySequence::Open, this, [this] { openInteractively(); });
    recent_->attach(file->addMenu(tr("Open &Recent")));
    fillExamplesMenu(file->addMenu(tr("E&xamples")), [this](const Example& example) {
        if (maybeSave())
            showExample(example);
    });
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
    exports->addAction(tr("Animated &GIF…"), this,
                       [this] { exportInteractively(ExportFormat::Gif); });
    exports->addAction(tr("&Trace (Perfetto, chrome://tracing)…"), this,
                       [this] { exportInteractively(ExportFormat::Trace); });
    exports->addAction(tr("Python &asyncio Program…"), this,
                       [this] { exportInteractively(ExportFormat::AsyncioProgram); });
    exports->addAction(tr("&Web Page…"), this,
                       [this] { exportInteractively(ExportFormat::WebPage); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = undoStack_->createUndoAction(this, tr("&Undo"));
    undo->setShortcuts(QKeySequence::Undo);
    undo->setIconText(tr("Undo")); // the shortcuts' name: its text names the edit
    QAction* redo = undoStack_->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setIconText(tr("Redo"));
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(dock_->toggleViewAction());
    view->addAction(playback_->explainAction());
    view->addAction(playback_->compareAction());
    view->addAction(differences_->toggleViewAction());
    view->addAction(code_->toggleViewAction());
    view->addAction(presentation_->action());
    // On by default for runs small enough to read them (see TimelineScene::arrowsShown): the
    // tick follows the run shown until the user chooses.
    QAction* arrows = view->addAction(tr("Spawn and Join &Arrows"));
    arrows->setCheckable(true);
    const auto tick = [this, arrows] { arrows->setChecked(scene_->arrowsShown()); };
    connect(view, &QMenu::aboutToShow, arrows, tick);
    connect(bridge_, &SchedulerBridge::scenarioChanged, arrows, tick);
    connect(arrows, &QAction::triggered, scene_, &TimelineScene::setArrowsShown);
    view->addSeparator();
    // Window-wide: the timeline need not have the focus; a text field keeps its typing
    // (TypingKeepsKeys).
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
        auto* dialog = new ShortcutsDialog(shortcuts(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    help->addSeparator();
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

KeyHelpList MainWindow::shortcuts() const {
    KeyHelpList rows;
    QList<const QAction*> listed;
    auto add = [&](const QAction* action, const QString& menu = {}) {
        if (listed.contains(action))
            return;
        listed << action;
        // The icon text is the text without "&", or a name of its own where the text changes.
        const QString name = menu + action->iconText().remove(QStringLiteral("…"));
        for (const QKeySequence& key : action->shortcuts())
            rows.push_back({key.toString(QKeySequence::NativeText), name});
    };
    // An entry of a submenu is named with it: "Export ▸ PNG Image".
    std::function<void(const QMenu*, const QString&)> walk = [&](const QMenu* menu,
                                                                 const QString& path) {
        for (const QAction* action : menu->actions()) {
            if (action->menu())
                walk(action->menu(), path + action->iconText() + QStringLiteral(" ▸ "));
            else
                add(action, path);
        }
    };
    // The menus' order first, then the playback bar's, then those of single widgets.
    for (const QAction* action : menuBar()->actions())
        walk(action->menu(), {});
    for (const QAction* action : playback_->actions())
        add(action);
    for (const QAction* action : findChildren<QAction*>())
        if (!action->shortcuts().isEmpty())
            add(action);
    rows << PlaybackBar::keyHelp() << TimelineView::keyHelp() << ScenarioPanel::keyHelp()
         << presentation_->keyHelp();
    return rows;
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

} // namespace coroscope
