#pragma once

// Playback controls: play/pause, restart, loop, speed, a scrubber over the whole axis and the
// current time. It drives the bridge and follows its signals. Every control is named for
// screen readers and reachable with Tab, in the order shown.

#include "keyhelp.h"
#include "view/axis.h"

#include <QStyle>
#include <QToolBar>

class QAction;
class QComboBox;
class QLabel;
class QSlider;

namespace coroscope {

class SchedulerBridge;

class PlaybackBar : public QToolBar {
    Q_OBJECT
public:
    explicit PlaybackBar(SchedulerBridge* bridge, QWidget* parent = nullptr);

    // The keys and gestures the scrubber and the buttons handle themselves (the rest are
    // the bar's actions).
    static KeyHelpList keyHelp();

    QAction* playAction() const { return play_; }
    QAction* restartAction() const { return restart_; }
    QAction* loopAction() const { return loop_; }
    // Explain mode on or off (checkable; off at first).
    QAction* explainAction() const { return explain_; }
    // The blocking comparison on or off (checkable, off at first; the bridge runs it).
    QAction* compareAction() const { return compare_; }
    QAction* previousEventAction() const { return previousEvent_; }
    QAction* nextEventAction() const { return nextEvent_; }
    QSlider* scrubber() const { return scrubber_; }
    QComboBox* speedBox() const { return speed_; }
    QLabel* timeLabel() const { return time_; }

public slots:
    // The window of time the ruler shows: the readout counts in the unit its ticks pick.
    void followRuler(double fromMs, double toMs);

private:
    void showTime(double nowMs);
    void showPlaying(bool playing);
    void showSpeed(double speed);
    void showLoop(bool on);
    // The tool button that shows an action, focusable and named like it.
    QWidget* buttonFor(QAction* action);
    // The style's icons drawn in the palette's text colour, so they read in a dark theme too.
    QIcon icon(QStyle::StandardPixmap which) const;
    void refreshIcons();
    // Narrower than all its controls need, the bar shortens its buttons' words so that the
    // scrubber keeps its place instead of going behind the overflow "»".
    void fitWidth();

protected:
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

    SchedulerBridge* bridge_;
    QAction* play_;
    QAction* restart_;
    QAction* loop_;
    QAction* explain_;
    QAction* compare_;
    QAction* previousEvent_;
    QAction* nextEvent_;
    QComboBox* speed_;
    QSlider* scrubber_;
    QLabel* time_;
    TickSet ruler_;
    QAction* speedLabel_; // the label's place in the bar
    int wideWidth_ = 0;   // what the bar needs with its buttons' full words
    bool resumeAfterScrub_ = false;
};

} // namespace coroscope
