#include "mainwindow.h"

#include "figures.h"
#include "playbackbar.h"
#include "schedulerbridge.h"
#include "timeline.h"
#include "timelinescene.h"
#include "timelineview.h"

#include <QLabel>
#include <QStatusBar>

namespace coroscope {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , bridge_(new SchedulerBridge(this))
    , scene_(new TimelineScene(this))
    , view_(new TimelineView(scene_, this))
    , playback_(new PlaybackBar(bridge_, this))
    , figures_(new QLabel(this)) {
    setWindowTitle(tr("Coroscope"));
    setCentralWidget(view_);
    addToolBar(Qt::BottomToolBarArea, playback_);
    statusBar()->addWidget(figures_, 1);
    resize(1100, 620);

    scene_->follow(bridge_);
}

MainWindow::~MainWindow() = default;

void MainWindow::showScenario(const Scenario& scenario) {
    bridge_->setScenario(scenario);
    setWindowTitle(scenario.title.empty()
                       ? tr("Coroscope")
                       : tr("%1 — Coroscope").arg(QString::fromStdString(scenario.title)));
    showFigures();
    bridge_->play();
}

void MainWindow::showFigures() {
    const Scenario& scenario = bridge_->scenario();
    const Figures f = computeFigures(scenario, simulate(scenario));
    figures_->setText(tr("Makespan %1 ms  ·  CPU busy %2 ms (%3%)  ·  One at a time %4 ms  ·  "
                         "Speed-up %5×  ·  %6 tasks, %7 segments")
                          .arg(f.makespanMs)
                          .arg(f.cpuBusyMs)
                          .arg(f.cpuBusyPct, 0, 'f', 1)
                          .arg(f.sequentialMs)
                          .arg(f.speedup, 0, 'f', 2)
                          .arg(f.tasks)
                          .arg(f.segments));
}

} // namespace coroscope
