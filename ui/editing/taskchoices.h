#pragma once

// The tasks a spawn or join step may name, as a list model for the task picker: every task of
// the scenario but the step's own, narrowed to those whose name contains a filter. A spawn's
// list starts with "Spawn a new task", whatever the filter, and greys the tasks another spawn
// starts already or that arrive on their own (their tooltip says which rule a pick would break:
// picked, the panel refuses it with that rule); a join's rows are checkable, and its checks
// outlive the filter (a task filtered out stays joined).

#include "model/scenario.h"

#include <QAbstractListModel>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace coroscope {

class TaskChoices : public QAbstractListModel {
    Q_OBJECT
public:
    enum class Mode { Spawn, Join };
    // A row's task (ScenarioModel::kNewTask for "Spawn a new task").
    static constexpr int TaskRole = Qt::UserRole;

    TaskChoices(const Scenario& scenario, int self, Mode mode, QObject* parent = nullptr);

    Mode mode() const { return mode_; }
    int taskCount() const { return int(names_.size()); }
    // Shows the tasks whose name contains the text, in any case (all for an empty text).
    void setFilter(const QString& text);
    // The row of a task, or -1 while it is filtered out (or is the step's own).
    int rowOf(int task) const;
    // The first row that is a task of the scenario, or -1 when none is shown.
    int firstTaskRow() const;

    // A join's tasks, in the order it names them: those it named that are still checked, then
    // those checked since, in the order they were checked.
    void setJoined(const std::vector<std::uint32_t>& tasks);
    // A spawn's own task: it spawns it, so it is no other spawn's.
    void setSpawned(int task);
    const std::vector<std::uint32_t>& joined() const { return joined_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    int taskAt(int row) const;
    int newTaskRows() const { return mode_ == Mode::Spawn ? 1 : 0; }

    Mode mode_;
    int self_;
    QStringList names_;                // by task
    std::vector<std::uint32_t> shown_; // the tasks the filter lets through, in scenario order
    std::vector<std::uint32_t> joined_;
    std::vector<bool> isJoined_; // by task
    QStringList barred_;         // by task, for a spawn: why another spawn of it is refused
};

} // namespace coroscope
