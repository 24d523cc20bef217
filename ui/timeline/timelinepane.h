#pragma once

// The timeline as the window shows it: the view, a scroll bar for time when zoomed in, and the
// overview of the whole run, kept in step with each other. When the bridge compares, a second
// card under the first shows the same tasks run the blocking way, on the same axis and window
// of time, animated in step.

#include <QWidget>

class QScrollBar;
class QSplitter;

namespace coroscope {

class OverviewStrip;
class SchedulerBridge;
class TimelineScene;
class TimelineView;

class TimelinePane : public QWidget {
    Q_OBJECT
public:
    TimelinePane(TimelineScene* scene, QWidget* parent = nullptr);

    // Shows the bridge's runs and time in the overview.
    void follow(SchedulerBridge* bridge);

    TimelineView* view() const { return view_; }
    // The blocking run's card and its view (hidden unless comparing).
    TimelineScene* blockingScene() const { return blockingScene_; }
    TimelineView* blockingView() const { return blockingView_; }
    OverviewStrip* overview() const { return overview_; }
    QScrollBar* timeScrollBar() const { return timeScroll_; }

private:
    void showWindow();
    // The blocking card shown under the async one (comparing) or hidden.
    void showBlocking(bool comparing);

    TimelineScene* scene_;
    TimelineView* view_;
    TimelineScene* blockingScene_;
    TimelineView* blockingView_;
    QSplitter* cards_;
    QScrollBar* timeScroll_;
    OverviewStrip* overview_;
};

} // namespace coroscope
