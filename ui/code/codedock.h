#pragma once

// The scenario as the asyncio program's task coroutines (what --export-asyncio writes for them,
// nothing else of the program), beside the timeline. As the animation plays or is scrubbed,
// each task's current line is highlighted in the colour of what it is doing: the cpu colour
// while it holds the loop, its kind's while it waits, the hatch colour of Explain mode while it
// is ready but another task holds the loop. A click on a line selects its step; an edit
// rewrites the text where the reader was. Read-only, selectable and copyable.
//
// At scale the text is built only while the dock is shown, its view lays out only the lines in
// view, and only those are highlighted, so a hundred thousand tasks cost nothing hidden and
// little shown.

#include "asyncio/asyncioprogram.h"
#include "code/codeview.h"
#include "timeline/timelinestyle.h"

#include <QColor>
#include <QDockWidget>

#include <vector>

namespace coroscope {

class SchedulerBridge;

class CodeDock : public QDockWidget {
    Q_OBJECT
public:
    explicit CodeDock(QWidget* parent = nullptr);

    void follow(SchedulerBridge* bridge);
    // The card's theme: the ready colour is its muted text's, as Explain mode's hatch is.
    void setTheme(const style::Theme& theme);

    CodeView* view() const { return view_; }
    // A line highlighted now (from 0) and its background.
    using Highlight = CodeView::Highlight;
    // The highlighted lines among those in view, top first.
    const std::vector<Highlight>& highlights() const { return view_->highlights(); }

    // The backgrounds: a step of a kind (cpu holding the loop, a wait), a task ready to run.
    static QColor kindColor(const KindSpec& kind);
    static QColor readyColor(const style::Theme& theme);

signals:
    // A click on a line: its step, or step -1 on a task's heading lines.
    void stepClicked(int task, int step);

private:
    // The text of the bridge's scenario, if the dock is shown (else when it is next shown).
    void showCode();
    // Each task in view: its current step's lines, coloured by what it is doing.
    void highlightNow();

    SchedulerBridge* bridge_ = nullptr;
    CodeView* view_;
    TaskFunctions functions_; // its text is the view's
    bool stale_ = true;       // the scenario changed while hidden
    style::Theme theme_ = style::Theme::light();
};

} // namespace coroscope
