#pragma once

// Presentation mode (View ▸ Present, F11; Esc leaves): the window full screen, the card scaled
// to fill it, everything else hidden (the panel, docks, bars, banner; shown again on leaving),
// a large playhead time and, under the card, a caption telling the current moment's decision
// in the Event Log's words. While it lasts the keys are its own: Space plays or pauses,
// Left/Right go to the previous/next event, + − 0 zoom as in the window.

#include "explain/explain.h"
#include "keyhelp.h"

#include <QObject>
#include <QPointer>
#include <QSizeF>

#include <functional>
#include <vector>

class QAction;
class QLabel;
class QMainWindow;
class QWidget;

namespace coroscope {

class SchedulerBridge;
class TimelineScene;
class TimelineView;

// How much the card is magnified: the page (card and padding) as large as the viewport holds
// it, never smaller than the window draws it (a tall card scrolls as it does there).
double presentationScale(QSizeF viewport, QSizeF page);

class Presentation : public QObject {
    Q_OBJECT
public:
    // alsoHidden: widgets of the window to hide besides its docks, bars and menu bar.
    Presentation(QMainWindow* window, SchedulerBridge* bridge, TimelineScene* scene,
                 TimelineView* view, QList<QWidget*> alsoHidden);

    // View ▸ Present (F11), checkable; the window holds it too, so F11 works without menus.
    QAction* action() const { return action_; }
    // The time and caption under the card, for the window to place there (hidden until then).
    QWidget* footer() const { return footer_; }
    QLabel* timeLabel() const { return time_; }
    QLabel* captionLabel() const { return caption_; }
    bool active() const;
    // Its keys, for Help ▸ Keyboard Shortcuts.
    KeyHelpList keyHelp() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void enter();
    void leave();
    void rescale();
    void showNow(double ms);

    QMainWindow* window_;
    SchedulerBridge* bridge_;
    TimelineScene* scene_;
    TimelineView* view_;
    QWidget* viewport_; // the view's, whose resizes rescale the card
    QList<QWidget*> alsoHidden_;
    QAction* action_;
    QWidget* footer_;
    QLabel* time_;
    QLabel* caption_;
    struct Key {
        int key;
        QString help;
        std::function<void()> act;
    };
    std::vector<Key> keys_;
    std::vector<LogLine> lines_; // the shown run's decisions in words
    QList<QPointer<QWidget>> hidden_;
    Qt::WindowStates before_;
};

} // namespace coroscope
