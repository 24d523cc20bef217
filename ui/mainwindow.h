#pragma once

// The main window: the animated timeline, the scenario panel, playback controls, the run's
// figures, and the File and Edit menus (open, save, export, undo, redo).

#include "export/timelineexport.h"
#include "files/autosaver.h"
#include "scenario.h"

#include <QMainWindow>

class QDockWidget;
class QLabel;
class QUndoStack;

namespace coroscope {

class PlaybackBar;
class RecentFiles;
class ScenarioModel;
class ScenarioPanel;
class SchedulerBridge;
class TimelineScene;
class TimelineView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows a valid scenario that has no file (the built-in one) and plays it.
    void showScenario(const Scenario& scenario, const QString& name);
    // Shows a valid scenario already read from a file, and plays it.
    void showFile(const Scenario& scenario, const QString& path);
    // Loads a file; on failure returns false, *error says why, and nothing changes.
    bool openFile(const QString& path, QString* error);
    // Saves atomically; on failure returns false and *error says why.
    bool saveFile(const QString& path, QString* error);
    QString filePath() const { return filePath_; }
    bool isModified() const;

    // Offers to restore work that a crashed or killed instance left unsaved.
    void offerRecovery();
    // Shows recovered work as unsaved changes to its original file.
    void restore(const Autosaver::Recovered& recovered);
    Autosaver* autosaver() const { return autosaver_; }

    // Writes the shown scenario; on failure returns false and *error says why.
    bool exportTo(const QString& path, ExportFormat format, const ExportOptions& options,
                  QString* error) const;
    // The picture's width for exports from the window: the card as it is shown.
    double pageWidth() const;

    SchedulerBridge* bridge() const { return bridge_; }
    TimelineScene* scene() const { return scene_; }
    TimelineView* view() const { return view_; }
    PlaybackBar* playbackBar() const { return playback_; }
    ScenarioModel* model() const { return model_; }
    ScenarioPanel* panel() const { return panel_; }
    QUndoStack* undoStack() const { return undoStack_; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    // The schedule changed: re-run it, restart the animation (or, paused, redraw the same
    // moment), update the figures.
    void scenarioEdited(const Scenario& scenario);
    void newScenario();
    void openInteractively(const QString& path = {});
    bool save();
    bool saveAs();
    // Asks whether to save unsaved changes; false when the user cancels.
    bool maybeSave();
    // Asks for options and a file name, then exports; failures show in a message box.
    void exportInteractively(ExportFormat format);
    void showFigures();
    void updateTitle();
    // After every edit, undo or redo: unsaved work goes to the autosave slot.
    void keepSafe();

    QUndoStack* undoStack_;
    ScenarioModel* model_;
    SchedulerBridge* bridge_;
    TimelineScene* scene_;
    TimelineView* view_;
    PlaybackBar* playback_;
    ScenarioPanel* panel_;
    QDockWidget* dock_;
    QLabel* figures_;
    RecentFiles* recent_;
    Autosaver* autosaver_;
    QString filePath_;
    QString untitledName_;
    QString lastFolder_;
};

} // namespace coroscope
