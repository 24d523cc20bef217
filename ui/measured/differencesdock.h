#pragma once

// The dock that lists how a run measured under real asyncio differs from the model, task by
// task, largest difference first. It follows the bridge: shown while a recording's measured run
// is there, hidden otherwise, and worked out again at every edit of the model (the measurement
// stays the reference). A click on a row asks for that task's step furthest from the model.

#include <QDockWidget>

class QLabel;
class QTreeView;

namespace coroscope {

class DifferencesModel;
class SchedulerBridge;

class DifferencesDock : public QDockWidget {
    Q_OBJECT
public:
    explicit DifferencesDock(QWidget* parent = nullptr);

    void follow(SchedulerBridge* bridge);

    QTreeView* view() const { return view_; }
    DifferencesModel* model() const { return model_; }
    // What was measured: the Python version and the stretch.
    QLabel* summary() const { return summary_; }

signals:
    void stepRequested(int task, int step);

private:
    void compare();
    void showMeasured();

    SchedulerBridge* bridge_ = nullptr;
    DifferencesModel* model_;
    QLabel* summary_;
    QTreeView* view_;
};

} // namespace coroscope
