#include "measured/differencesdock.h"

#include "asyncio/rundifferences.h"
#include "bridge/qtext.h"
#include "bridge/schedulerbridge.h"
#include "measured/differencesmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace coroscope {

DifferencesDock::DifferencesDock(QWidget* parent)
    : QDockWidget(tr("Measured vs Model"), parent)
    , model_(new DifferencesModel(this))
    , summary_(new QLabel(this))
    , view_(new QTreeView(this)) {
    setObjectName(QStringLiteral("differencesDock"));
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 4, 6, 4);
    summary_->setTextFormat(Qt::PlainText);
    summary_->setWordWrap(true);
    layout->addWidget(summary_);
    view_->setModel(model_);
    view_->setRootIsDecorated(false);
    view_->setUniformRowHeights(true); // a hundred thousand tasks lay out at once
    view_->setAllColumnsShowFocus(true);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->header()->setStretchLastSection(false);
    view_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view_->setAccessibleName(tr("Measured against the model, per task"));
    view_->setAccessibleDescription(tr("Largest difference first; activating a row selects the "
                                       "task's step furthest from the model"));
    layout->addWidget(view_);
    setWidget(content);
    for (const auto signal : {&QTreeView::clicked, &QTreeView::activated})
        connect(view_, signal, this, [this](const QModelIndex& index) {
            const TaskDifference& d = model_->difference(index.row());
            emit stepRequested(int(d.task), int(d.step));
        });
    toggleViewAction()->setEnabled(false); // nothing to show until a recording is open
}

void DifferencesDock::follow(SchedulerBridge* bridge) {
    bridge_ = bridge;
    connect(bridge, &SchedulerBridge::measuredChanged, this, &DifferencesDock::showMeasured);
    connect(bridge, &SchedulerBridge::scenarioChanged, this, &DifferencesDock::compare);
}

void DifferencesDock::showMeasured() {
    const MeasuredRun* measured = bridge_->measured().get();
    // The model it goes with follows (see SchedulerBridge::setMeasured).
    model_->show({}, {});
    toggleViewAction()->setEnabled(measured != nullptr);
    setVisible(measured != nullptr);
    if (measured)
        summary_->setText(tr("Measured with Python %1, time stretched ×%2. Where the measured "
                             "run (outlined on the timeline) differs most from the model, "
                             "largest first:")
                              .arg(toQString(measured->python()))
                              .arg(measured->stretch()));
}

void DifferencesDock::compare() {
    if (const MeasuredRun* measured = bridge_->measured().get())
        model_->show(bridge_->scenario(),
                     compareRuns(*bridge_->lanes(), bridge_->taskTotals(), *measured,
                                 matchTasks(bridge_->scenario(), *measured)));
}

} // namespace coroscope
