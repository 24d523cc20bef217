#include "mainwindow.h"

#include "exportdialog.h"
#include "figures.h"
#include "playbackbar.h"
#include "schedulerbridge.h"
#include "timeline.h"
#include "timelinescene.h"
#include "timelineview.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
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
    createMenus();

    scene_->follow(bridge_);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* png = file->addAction(tr("Export &PNG…"), this,
                                   [this] { exportInteractively(ExportFormat::Png); });
    png->setShortcut(Qt::CTRL | Qt::Key_E);
    file->addAction(tr("Export &SVG…"), this, [this] { exportInteractively(ExportFormat::Svg); });
    file->addAction(tr("Export &Trace (Perfetto, chrome://tracing)…"), this,
                    [this] { exportInteractively(ExportFormat::Trace); });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

double MainWindow::pageWidth() const {
    return scene_->layout().page.width();
}

bool MainWindow::exportTo(const QString& path, ExportFormat format, const ExportOptions& options,
                          QString* error) const {
    return exportTimeline(bridge_->scenario(), path, format, options, error);
}

void MainWindow::exportInteractively(ExportFormat format) {
    ExportOptions options;
    options.width = pageWidth();
    if (format != ExportFormat::Trace) {
        ExportDialog dialog(format, bridge_->now(), pageWidth(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        options = dialog.options();
    }
    const QString extension = extensionOf(format);
    const QString filter = format == ExportFormat::Png   ? tr("PNG images (*.png)")
                           : format == ExportFormat::Svg ? tr("SVG drawings (*.svg)")
                                                         : tr("Chrome traces (*.json)");
    const QString folder = exportFolder_.isEmpty() ? QDir::homePath() : exportFolder_;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export"), folder + QStringLiteral("/timeline") + extension, filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(extension, Qt::CaseInsensitive))
        path += extension;
    exportFolder_ = QFileInfo(path).absolutePath();
    QString error;
    if (!exportTo(path, format, options, &error)) {
        QMessageBox::warning(this, tr("Export failed"), error);
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
}

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
