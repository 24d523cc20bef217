#include "editing/taskpicker.h"

#include <QApplication>
#include <QFocusEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

#include <algorithm>

namespace coroscope {

namespace {

constexpr int kShownRows = 8;

} // namespace

TaskPicker::TaskPicker(const Scenario& scenario, int self, Mode mode, QWidget* parent)
    : QWidget(parent)
    , choices_(new TaskChoices(scenario, self, mode, this))
    , filter_(new QLineEdit(this))
    , list_(new QListView(this)) {
    const bool spawn = mode == Mode::Spawn;
    setAccessibleName(spawn ? tr("Task spawned") : tr("Tasks joined"));
    setAutoFillBackground(true); // it drops over the rows below its cell
    filter_->setPlaceholderText(tr("Type to filter %L1 tasks").arg(choices_->taskCount() - 1));
    filter_->setClearButtonEnabled(true);
    filter_->setAccessibleName(tr("Filter tasks"));
    list_->setModel(choices_);
    list_->setUniformItemSizes(true); // no row measured but the first
    list_->setAccessibleName(accessibleName());
    list_->setToolTip(spawn ? tr("Click the task this step starts, or type part of its name "
                                 "and press Enter")
                            : tr("Check the tasks this step waits for; Enter commits"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(filter_);
    layout->addWidget(list_);
    setFocusProxy(filter_);
    connect(filter_, &QLineEdit::textChanged, this, [this](const QString& text) {
        choices_->setFilter(text);
        filtered();
    });
    if (spawn)
        connect(list_, &QListView::clicked, this, &TaskPicker::picked);
    filter_->installEventFilter(this);
    list_->installEventFilter(this);
}

void TaskPicker::setTasks(const std::vector<std::uint32_t>& tasks) {
    if (mode() == Mode::Join) {
        choices_->setJoined(tasks);
        return;
    }
    spawnedBefore_ = tasks.empty() ? -1 : int(tasks[0]);
    choices_->setSpawned(spawnedBefore_);
    showSpawnedBefore();
}

void TaskPicker::showSpawnedBefore() {
    const int row = choices_->rowOf(spawnedBefore_);
    if (row < 0)
        return;
    list_->setCurrentIndex(choices_->index(row));
    list_->scrollTo(list_->currentIndex(), QAbstractItemView::PositionAtCenter);
}

std::optional<int> TaskPicker::spawned() const {
    const QModelIndex current = list_->currentIndex();
    if (mode() != Mode::Spawn || !current.isValid())
        return std::nullopt;
    return current.data(TaskChoices::TaskRole).toInt();
}

void TaskPicker::filtered() {
    list_->scrollToTop();
    if (mode() != Mode::Spawn)
        return;
    if (filter_->text().isEmpty()) // all tasks again: the one it spawns is current
        showSpawnedBefore();
    else if (const int first = choices_->firstTaskRow(); first >= 0)
        list_->setCurrentIndex(choices_->index(first));
}

QSize TaskPicker::sizeHint() const {
    const int rows = std::clamp(choices_->rowCount(), 1, kShownRows);
    const int row = std::max(list_->sizeHintForRow(0), fontMetrics().height());
    const int width = std::max(filter_->sizeHint().width(), fontMetrics().averageCharWidth() * 28);
    return {width, filter_->sizeHint().height() + rows * row + 2 * list_->frameWidth()};
}

KeyHelpList TaskPicker::keyHelp() {
    // As eventFilter() does.
    return {{keyNames({Qt::Key_Down, Qt::Key_PageDown}),
             tr("From the filter of a spawn's or join's tasks into the list (in the panel)")}};
}

bool TaskPicker::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::FocusOut && !isAncestorOf(QApplication::focusWidget())) {
        // The delegate watches the editor itself: it commits when focus leaves the picker.
        QFocusEvent out(QEvent::FocusOut, static_cast<QFocusEvent*>(event)->reason());
        QCoreApplication::sendEvent(this, &out);
    } else if (watched == filter_ && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_PageDown) {
            if (!list_->currentIndex().isValid() && choices_->rowCount() > 0)
                list_->setCurrentIndex(choices_->index(0));
            list_->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace coroscope
