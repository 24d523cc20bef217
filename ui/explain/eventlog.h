#pragma once

// The event loop's decisions told in plain words, one line per instant ("370 ms — Task 2's I/O
// wait is done; …"), the line of the moment shown highlighted as the animation runs; a click
// on a line asks for that moment. A list view over the narration: a million lines stay cheap.

#include "asyncio/measuredrun.h"
#include "explain/explain.h"
#include "loop/loopevent.h"
#include "model/scenario.h"

#include <QListView>

#include <span>

namespace coroscope {

class EventLog : public QListView {
    Q_OBJECT
public:
    explicit EventLog(QWidget* parent = nullptr);

    // Narrates a run (its decisions in report order); measured, a recording's run, names what
    // each wait awaited and where (see narrateRun).
    void showRun(const Scenario& scenario, std::span<const LoopEvent> events,
                 const MeasuredRun* measured = nullptr);
    // Highlights the line of the last instant at or before ms (none before the first).
    void setNow(double ms);
    // The highlighted line, or -1.
    int currentLine() const;
    int lineCount() const;
    // A line as shown.
    QString lineText(int line) const;
    // A line of narrate() as the log shows it: "370 ms — Task 2's I/O wait is done; …".
    static QString shown(const LogLine& line);

signals:
    void seekRequested(double ms);

private:
    class Model;
    Model* model_;
};

} // namespace coroscope
