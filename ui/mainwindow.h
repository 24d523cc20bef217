#pragma once

// The main window: the animated timeline, the scenario panel, playback controls, the run's
// figures, and the File, Edit and View menus (open, save, export, undo, redo, panel, theme).
// Defined in files by job: mainwindow.cpp (the parts, showing a scenario, edits, figures, theme),
// mainwindowmenus.cpp, mainwindowfiles.cpp, mainwindowrecovery.cpp, mainwindowexport.cpp,
// mainwindowexamples.cpp.

#include "analysis/runanalysis.h"
#include "apptheme.h"
#include "asyncio/openedfile.h"
#include "export/timelineexport.h"
#include "files/autosaver.h"
#include "keyhelp.h"
#include "model/scenario.h"
#include "wrappinglabel.h"

#include <QMainWindow>
#include <QTimer>

#include <array>

class QDockWidget;
class QLabel;
class QUndoStack;

namespace coroscope {

class CodeDock;
class DifferencesDock;
class EventLog;
class ExampleBanner;
struct Example;
class PlaybackBar;
class Presentation;
class RecentFiles;
class RunsNote;
class ScenarioModel;
class ScenarioPanel;
class SchedulerBridge;
class TimelinePane;
class TimelineScene;
class TimelineView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // autosaveFolder: where unsaved work is kept (the application data folder by default).
    explicit MainWindow(QWidget* parent = nullptr, const QString& autosaveFolder = {});
    ~MainWindow() override;

    // Shows a valid scenario that has no file (the built-in one) and plays it; measured: a
    // recording's run to draw over it and compare it with (none by default); analysed: its run
    // analysed beforehand (comparing as the window does, with measured), else analysed here.
    void showScenario(const Scenario& scenario, const QString& name,
                      std::shared_ptr<const MeasuredRun> measured = {},
                      std::optional<RunAnalysis> analysed = {});
    // Shows a valid scenario already read from a file, and plays it.
    void showFile(const Scenario& scenario, const QString& path,
                  std::optional<RunAnalysis> analysed = {});
    // Shows what a file held: a scenario file as showFile does; a recording's derived scenario
    // as a document with no file of its own ("Derived from run.json": saving asks where), the
    // measured run over it.
    void showOpened(const OpenedFile& file, const QString& path,
                    std::optional<RunAnalysis> analysed = {});
    // Of a recording of several asyncio.run calls (the note above the card lists them): shows
    // its run n (from 1) instead, once unsaved edits are saved or discarded.
    void showRun(std::size_t n);
    // Open…, recent files and drops: asks to save, then reads the file on a thread of its own
    // while the window goes on and, past half a second, shows a progress dialog with Cancel.
    // Cancelled, nothing changes; a failure shows in a message box.
    void openInteractively(const QString& path = {});
    // Shows a built-in example as an untitled document ("Example: …"; Save asks where), its
    // paragraph in the banner above the card.
    void showExample(const Example& example);
    // Loads a file on this thread (the command line's way), telling progress when asked; on
    // failure, or stopped by progress, nothing changes.
    Result<void> openFile(const QString& path, const Progress& progress = {});
    // Saves atomically; on failure the file and the unsaved state stay as they were.
    Result<void> saveFile(const QString& path);
    QString filePath() const { return filePath_; }
    bool isModified() const;

    // Offers to restore work that a crashed or killed instance left unsaved.
    void offerRecovery();
    // Shows recovered work as unsaved changes to its original file.
    void restore(const Autosaver::Recovered& recovered);
    Autosaver* autosaver() const { return autosaver_; }

    // Writes the shown scenario, telling progress when asked.
    Result<void> exportTo(const QString& path, ExportFormat format, const ExportOptions& options,
                          const Progress& progress = {}) const;
    // The status bar's warning that unsaved work is not being kept safe (hidden when it is).
    QLabel* autosaveWarning() const { return autosaveWarning_; }
    // The status bar's figures of the run.
    QLabel* figuresLabel() const { return figures_; }
    // The status bar's passing news beside the figures ("Exported …"), hidden when there is none.
    QLabel* noticeLabel() const { return notice_; }
    // The picture's width for exports from the window: the card as it is shown.
    double pageWidth() const;
    // The name an export offers: the scenario file's ("work.png" for work.json), else its
    // title's.
    QString exportName(ExportFormat format) const;

    SchedulerBridge* bridge() const { return bridge_; }
    TimelineScene* scene() const { return scene_; }
    TimelineView* view() const { return view_; }
    TimelinePane* pane() const { return pane_; }
    EventLog* eventLog() const { return eventLog_; }
    DifferencesDock* differencesDock() const { return differences_; }
    ExampleBanner* exampleBanner() const { return banner_; }
    RunsNote* runsNote() const { return runsNote_; }
    Presentation* presentation() const { return presentation_; }
    CodeDock* codeDock() const { return code_; }
    PlaybackBar* playbackBar() const { return playback_; }
    ScenarioModel* model() const { return model_; }
    ScenarioPanel* panel() const { return panel_; }
    QUndoStack* undoStack() const { return undoStack_; }
    // The About box's words: version, what it is, the licence.
    static QString aboutText();
    // Help: every shortcut of the window, a row per key of each action ("Ctrl+O", "Open"), then
    // the keys and gestures widgets handle themselves; the README's guide to the window
    // (Markdown), shown by F1.
    KeyHelpList shortcuts() const;
    static QString guideText();
    // View ▸ Theme's entries; the choice is remembered.
    QAction* themeAction(ThemeChoice choice) const { return themeActions_[std::size_t(choice)]; }

protected:
    // A modal dialog (a question, a file dialog, the export options) holds the animation
    // still while it is open, so that what it says about "now" stays true; it plays on after.
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void showGuide();
    void applyThemeChoice(ThemeChoice choice);
    // The card (and the status bar's warning) in the colours the choice and palette call for.
    void followTheme();
    void newScenario();
    bool save();
    bool saveAs();
    // Saves, or says in a message box why it could not; over a file we may not write (read-only),
    // it offers Save As instead.
    bool saveReporting(const QString& path);
    // Asks whether to save unsaved changes; false when the user cancels.
    bool maybeSave();
    // Asks for options and a file name, then exports; failures show in a message box.
    void exportInteractively(ExportFormat format);
    void showFigures();
    // Rings the step selected in the panel on the timeline and scrolls its row into view.
    void showSelectedStep(int task, int step);
    // Only the ring (none for task -1), on both cards.
    void ringStep(int task, int step);
    // Explain mode on or off: the timeline's hatched waits and the event log.
    void setExplained(bool on);
    // The event log narrates the run shown, at the moment shown.
    void tellEvents();
    // A task's totals, for hovering its label (empty for no such task).
    QString taskDetails(int task) const;
    void updateTitle();
    // After every edit, undo or redo: unsaved work goes to the autosave slot.
    void keepSafe();
    void showAutosaveFailure(const QString& message);
    // Tells passing news in the status bar, beside the figures, for a few seconds.
    void notify(const QString& text);
    // An autosave that cannot be read: keep it aside, delete it, or leave it for later.
    void offerToKeepAside(const Autosaver::Recovered& damaged);

    QUndoStack* undoStack_;
    ScenarioModel* model_;
    SchedulerBridge* bridge_;
    TimelineScene* scene_;
    TimelinePane* pane_;
    TimelineView* view_;
    PlaybackBar* playback_;
    ScenarioPanel* panel_;
    QDockWidget* dock_;
    EventLog* eventLog_;
    QDockWidget* logDock_;
    DifferencesDock* differences_;
    CodeDock* code_;
    WrappingLabel* figures_;
    QLabel* notice_; // passing news beside the figures, hidden after a few seconds
    QTimer noticeTimer_;
    QLabel* autosaveWarning_;
    RecentFiles* recent_;
    Autosaver* autosaver_;
    ExampleBanner* banner_;
    RunsNote* runsNote_;
    // The recording of several asyncio.run calls open, and where it was read, to show another
    // of its runs; none while anything else is shown.
    OpenedFile runsFile_;
    QString runsPath_;
    Presentation* presentation_;
    QString filePath_;
    QString untitledName_;
    QString lastFolder_;
    ThemeChoice themeChoice_ = ThemeChoice::System;
    bool resumeAfterModal_ = false; // a modal dialog paused the animation
    std::array<QAction*, 3> themeActions_{};
};

} // namespace coroscope
