#pragma once

// The main window: the animated timeline, playback controls and the run's figures.

#include "scenario.h"
#include "timelineexport.h"

#include <QMainWindow>

class QLabel;

namespace coroscope {

class PlaybackBar;
class SchedulerBridge;
class TimelineScene;
class TimelineView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows a valid scenario and plays it from the start.
    void showScenario(const Scenario& scenario);

    SchedulerBridge* bridge() const { return bridge_; }
    TimelineScene* scene() const { return scene_; }
    TimelineView* view() const { return view_; }
    PlaybackBar* playbackBar() const { return playback_; }

    // Writes the shown scenario; on failure returns false and *error says why.
    bool exportTo(const QString& path, ExportFormat format, const ExportOptions& options,
                  QString* error) const;
    // The picture's width for exports from the window: the card as it is shown.
    double pageWidth() const;

private:
    void createMenus();
    // Asks for options and a file name, then exports; failures show in a message box.
    void exportInteractively(ExportFormat format);
    void showFigures();

    SchedulerBridge* bridge_;
    TimelineScene* scene_;
    TimelineView* view_;
    PlaybackBar* playback_;
    QLabel* figures_;
    QString exportFolder_;
};

} // namespace coroscope
