#pragma once

// The scenario being edited, as a Qt item model (tasks with their steps as children) that
// the side panel and the tests share. Every change goes through the undo stack and ends in
// scenarioEdited(), so the schedule is re-run after each one. The scenario stays valid at
// all times: edits that would break a rule are refused.

#include "bridge/metatypes.h"
#include "model/scenario.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QString>

#include <functional>

class QUndoStack;

namespace coroscope {

class ScenarioModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, DurationColumn, ColumnCount };
    static constexpr const char* kMimeType = "application/x-coroscope-scenario-item";

    ScenarioModel(QUndoStack* undoStack, QObject* parent = nullptr);

    const Scenario& scenario() const { return scenario_; }
    // Replaces everything (a new or opened file); not an undoable edit.
    void resetScenario(const Scenario& scenario);

    // Undoable edits; each returns false (and changes nothing) when it would break a rule.
    bool setTitles(const QString& title, const QString& subtitle);
    bool addTask(int at);
    bool duplicateTask(int task);
    bool removeTask(int task);
    bool moveTask(int from, int to);
    bool addStep(int task, int at);
    bool removeStep(int task, int step);
    // Within a task or from one task to another (the source must keep a step).
    bool moveStep(int fromTask, int fromStep, int toTask, int toStep);

    QModelIndex taskIndex(int task, int column = NameColumn) const;
    QModelIndex stepIndex(int task, int step, int column = NameColumn) const;
    // (task, step) of an index; step is -1 for a task row.
    std::pair<int, int> position(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    // Moves through the undo stack and returns false, so that the view does not also
    // remove the dragged rows itself.
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

signals:
    // An edit changed the scenario (and its undo or redo).
    void scenarioEdited(const coroscope::Scenario& scenario);
    // resetScenario() put another scenario in place.
    void scenarioReset(const coroscope::Scenario& scenario);

private:
    // Pushes an undoable edit made of two closures that each change the scenario and emit
    // the matching model signals.
    void push(const QString& text, std::function<void()> redo, std::function<void()> undo);

    // The primitives that commands call: change the scenario, signal the views.
    void applyTitles(const std::string& title, const std::string& subtitle);
    void applyTaskName(int task, const std::string& name);
    void applyStep(int task, int step, Step value);
    void insertTask(int at, const Task& task);
    void eraseTask(int task);
    void relocateTask(int from, int to);
    void insertStep(int task, int at, Step value);
    void eraseStep(int task, int step);
    void edited();

    QString taskLabel(int task) const;
    // How the rules name a task in their messages.
    std::string place(int task) const;
    // Whether the rules allow this many more tasks and steps.
    bool roomFor(std::size_t tasks, std::size_t steps) const;
    std::optional<std::pair<int, int>> decode(const QMimeData* data) const;

    // Step rows carry their task's id, not its row: ids survive tasks moving around, so the
    // views' persistent indexes (selection, expanded rows) stay right.
    void renumberTasks();

    QUndoStack* undoStack_;
    Scenario scenario_;
    std::vector<quintptr> taskIds_; // parallel to scenario_.tasks
    QHash<quintptr, int> taskRows_;
    quintptr nextTaskId_ = 1;
};

} // namespace coroscope
