#include "editing/taskchoices.h"

#include "bridge/qtext.h"
#include "editing/scenariomodel.h"

#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace coroscope {

TaskChoices::TaskChoices(const Scenario& scenario, int self, Mode mode, QObject* parent)
    : QAbstractListModel(parent)
    , mode_(mode)
    , self_(self)
    , isJoined_(scenario.tasks.size(), false) {
    const std::vector<Task>& tasks = scenario.tasks;
    names_.reserve(qsizetype(tasks.size()));
    for (const Task& task : tasks)
        names_.push_back(toQString(task.name));
    if (mode_ == Mode::Spawn) {
        const auto label = [&](std::size_t task) {
            return QStringLiteral("“%1”").arg(names_[qsizetype(task)]);
        };
        barred_.resize(names_.size());
        for (std::size_t t = 0; t < tasks.size(); ++t) {
            if (tasks[t].startMs > 0)
                barred_[qsizetype(t)] =
                    tr("%1 arrives on its own at %L2 ms: a spawned task has no start time")
                        .arg(label(t))
                        .arg(tasks[t].startMs);
            for (const Step& step : tasks[t].steps)
                if (scenario.kinds.behaviour(step.kind) == KindBehaviour::Spawn &&
                    !step.tasks.empty() && step.tasks.front() < tasks.size())
                    barred_[qsizetype(step.tasks.front())] =
                        tr("%1 is spawned by %2 already: a task is spawned once")
                            .arg(label(step.tasks.front()), label(t));
        }
    }
    setFilter({});
}

void TaskChoices::setSpawned(int task) {
    if (task < 0 || task >= barred_.size() || barred_[task].isEmpty())
        return;
    barred_[task].clear();
    if (const int row = rowOf(task); row >= 0)
        emit dataChanged(index(row), index(row), {Qt::ForegroundRole, Qt::ToolTipRole});
}

void TaskChoices::setFilter(const QString& text) {
    beginResetModel();
    shown_.clear();
    for (int u = 0; u < names_.size(); ++u)
        if (u != self_ && names_[u].contains(text, Qt::CaseInsensitive))
            shown_.push_back(std::uint32_t(u));
    endResetModel();
}

int TaskChoices::rowOf(int task) const {
    if (task == ScenarioModel::kNewTask)
        return newTaskRows() - 1;
    const auto it = std::lower_bound(shown_.begin(), shown_.end(), std::uint32_t(task));
    if (task < 0 || it == shown_.end() || int(*it) != task)
        return -1;
    return newTaskRows() + int(it - shown_.begin());
}

int TaskChoices::firstTaskRow() const {
    return shown_.empty() ? -1 : newTaskRows();
}

int TaskChoices::taskAt(int row) const {
    return row < newTaskRows() ? ScenarioModel::kNewTask
                               : int(shown_[std::size_t(row - newTaskRows())]);
}

void TaskChoices::setJoined(const std::vector<std::uint32_t>& tasks) {
    std::fill(isJoined_.begin(), isJoined_.end(), false);
    joined_.clear();
    for (std::uint32_t u : tasks)
        if (u < isJoined_.size() && !isJoined_[u]) {
            isJoined_[u] = true;
            joined_.push_back(u);
        }
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {Qt::CheckStateRole});
}

int TaskChoices::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : newTaskRows() + int(shown_.size());
}

QVariant TaskChoices::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int task = taskAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return task == ScenarioModel::kNewTask ? tr("Spawn a new task") : names_[task];
    case TaskRole:
        return task;
    case Qt::CheckStateRole:
        if (mode_ == Mode::Join)
            return isJoined_[std::size_t(task)] ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ForegroundRole:
        if (task >= 0 && task < barred_.size() && !barred_[task].isEmpty())
            return QGuiApplication::palette().color(QPalette::PlaceholderText); // follows the theme
        return {};
    case Qt::ToolTipRole:
        if (task >= 0 && task < barred_.size())
            return barred_[task].isEmpty() ? QVariant() : QVariant(barred_[task]);
        return {};
    default:
        return {};
    }
}

bool TaskChoices::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (mode_ != Mode::Join || role != Qt::CheckStateRole || !index.isValid() ||
        index.row() >= rowCount())
        return false;
    const auto task = std::uint32_t(taskAt(index.row()));
    const bool joined = Qt::CheckState(value.toInt()) == Qt::Checked;
    if (joined == isJoined_[task])
        return true;
    isJoined_[task] = joined;
    if (joined)
        joined_.push_back(task);
    else
        joined_.erase(std::find(joined_.begin(), joined_.end(), task));
    emit dataChanged(index, index, {Qt::CheckStateRole});
    return true;
}

Qt::ItemFlags TaskChoices::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    return mode_ == Mode::Join ? flags | Qt::ItemIsUserCheckable : flags;
}

} // namespace coroscope
