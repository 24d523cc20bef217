#pragma once

// The scenario being edited, as a Qt item model (tasks with their steps as children) that
// the side panel and the tests share. Every change goes through the undo stack and ends in
// scenarioEdited(), so the schedule is re-run after each one. The scenario stays valid at
// all times: edits that would break a rule are refused, and refusal() says which rule.

#include "bridge/metatypes.h"
#include "model/result.h"
#include "model/scenario.h"
#include "model/scenarioedits.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

class QUndoStack;

namespace coroscope {

class ScenarioModel : public QAbstractItemModel {
    Q_OBJECT
public:
    // A step's Duration cell holds the task a spawn starts or the tasks a join waits for; a
    // task's Start cell when it arrives, or who spawns it.
    enum Column { NameColumn, KindColumn, DurationColumn, StartColumn, ColumnCount };
    // setSpawnedTask's task for "Spawn a new task".
    static constexpr int kNewTask = -1;
    static constexpr const char* kMimeType = "application/x-coroscope-scenario-item";

    ScenarioModel(QUndoStack* undoStack, QObject* parent = nullptr);

    const Scenario& scenario() const { return scenario_; }
    // Replaces everything (a new or opened file); not an undoable edit.
    void resetScenario(const Scenario& scenario);

    // Undoable edits; each returns false (and changes nothing) when it would break a rule.
    bool setTitles(const QString& title, const QString& subtitle);
    bool addTask(int at);
    bool duplicateTask(int task);
    // Also takes out the spawns of the task and its place in joins (a join of it alone goes),
    // as one edit: the panel asks first when stepsNaming() is not empty.
    bool removeTask(int task);
    bool moveTask(int from, int to);
    bool addStep(int task, int at);
    bool removeStep(int task, int step);
    // Within a task or from one task to another (the source must keep a step).
    bool moveStep(int fromTask, int fromStep, int toTask, int toStep);

    // ---- version 2 (scenariomodelv2.cpp) ----
    // The resources (io, http, then the scenario's own) in table order.
    std::vector<StepKind> resources() const;
    // A resource named "resource1" (the first free number), no limit.
    bool addResource();
    // Refused while a step waits on it, or for io and http.
    bool removeResource(StepKind kind);
    bool setResourceName(StepKind kind, const QString& name);
    // Empty: the name (io and http: their own label, "I/O Wait").
    bool setResourceLabel(StepKind kind, const QString& label);
    bool setResourceColor(StepKind kind, Rgb color);
    bool setResourceLimit(StepKind kind, std::int64_t limit); // 0: no limit
    bool setThreads(std::int64_t threads);
    bool setStartMs(int task, std::int64_t ms);
    // The task a spawn step starts: another task, or kNewTask for a new one (one edit).
    bool setSpawnedTask(int task, int step, int spawned);
    bool setJoinedTasks(int task, int step, const std::vector<std::uint32_t>& joined);
    // The spawn and join steps that name the task.
    std::vector<StepPlace> stepsNaming(int task) const;
    // Who spawns each task (-1: it starts by itself).
    const std::vector<std::int64_t>& spawners() const;
    // The message of the rule the last refused edit broke ("task 2 \"b\": ..."), also sent
    // as editRefused().
    const QString& refusal() const { return refusal_; }

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
    // An edit was refused: the rule's message.
    void editRefused(const QString& message);

private:
    // Pushes an undoable edit made of two closures that each change the scenario and emit
    // the matching model signals.
    void push(const QString& text, std::function<void()> redo, std::function<void()> undo);

    // The primitives that commands call: change the scenario, signal the views.
    void applyTitles(const std::string& title, const std::string& subtitle);
    void applyKinds(const KindTable& kinds);
    void applyThreads(std::int64_t threads);
    void applyStart(int task, std::int64_t ms);
    void removeKind(StepKind kind);
    void restoreKind(StepKind kind, const KindSpec& spec);
    void applyTaskName(int task, const std::string& name);
    void applyStep(int task, int step, Step value);
    void insertTask(int at, const Task& task);
    Task eraseTask(int task); // numbered for insertTask (see core's eraseTask)
    void relocateTask(int from, int to);
    void insertStep(int task, int at, Step value);
    void eraseStep(int task, int step);
    // After an edit: the views told, `before` who spawned whom (if a view had asked).
    void edited(const std::optional<std::vector<std::int64_t>>& before);

    // Whether the scenario after `change` keeps every rule; if not, refuses with the message.
    bool allows(const std::function<void(Scenario&)>& change);
    // The same, asked only of a version 2 scenario: version 1's rules are the edits' own.
    bool allowsInVersion2(const std::function<void(Scenario&)>& change);
    // Keeps and sends a refused edit's message; returns false.
    bool refuse(const std::string& message);
    // A step's new kind (picked in the Kind editor): a spawn of the first task it may start
    // (or a new task), a join of the tasks this task spawned before it (or of another task).
    bool setStepKind(int task, int step, StepKind kind, KindTable kinds);
    // Pushes a step change with the kind table it needs, and a task it makes (appended).
    void pushStep(const QString& text, int task, int step, Step updated, const KindTable& kinds,
                  std::optional<Task> newTask = {});
    bool setJoinedTasks(int task, int step, const std::vector<std::uint32_t>& joined,
                        const KindTable& kinds);
    // Pushes a change of the kind table.
    void pushKinds(const QString& text, const KindTable& kinds);
    QString resourceLabel(StepKind kind) const;

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
    QString refusal_;
    mutable std::optional<std::vector<std::int64_t>> spawners_; // cleared by every edit
};

} // namespace coroscope
