#pragma once

// The timeline as the window shows it: the view, a scroll bar for time when zoomed in, and the
// overview of the whole run, kept in step with each other.

#include <QWidget>

class QScrollBar;

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
    OverviewStrip* overview() const { return overview_; }
    QScrollBar* timeScrollBar() const { return timeScroll_; }

private:
    void showWindow();

    TimelineScene* scene_;
    TimelineView* view_;
    QScrollBar* timeScroll_;
    OverviewStrip* overview_;
};

} // namespace coroscope
