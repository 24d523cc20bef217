#pragma once

// The editor of a spawn's task and of a join's tasks: a filter to type part of a name above
// the tasks that match (a model-backed list, so 100,000 tasks open at once). A spawn's list
// picks one task, or "Spawn a new task", with a click or Enter; a join's checks the tasks it
// waits for, Enter or leaving it commits. Typing goes to the filter; Down (or Page Down) goes
// to the list.

#include "editing/taskchoices.h"
#include "keyhelp.h"

#include <QWidget>

#include <optional>

class QLineEdit;
class QListView;

namespace coroscope {

class TaskPicker : public QWidget {
    Q_OBJECT
public:
    using Mode = TaskChoices::Mode;

    // The tasks of the scenario that task `self` may name (all but itself).
    TaskPicker(const Scenario& scenario, int self, Mode mode, QWidget* parent);

    Mode mode() const { return choices_->mode(); }
    // A spawn's task (its row made current) or a join's tasks (checked).
    void setTasks(const std::vector<std::uint32_t>& tasks);
    // The task of the spawn's current row (ScenarioModel::kNewTask for a new one), if any.
    std::optional<int> spawned() const;
    const std::vector<std::uint32_t>& joined() const { return choices_->joined(); }

    QLineEdit* filter() const { return filter_; }
    QListView* list() const { return list_; }
    // The keys it handles itself, for Help ▸ Keyboard Shortcuts.
    static KeyHelpList keyHelp();
    // Tall enough for a few tasks, whatever the row it edits.
    QSize sizeHint() const override;

signals:
    // A spawn's task was clicked: the pick is the edit.
    void picked();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // After the filter changed: a spawn's first match is current, so that Enter picks it (with
    // no filter, the task it spawns).
    void filtered();
    void showSpawnedBefore();

    TaskChoices* choices_;
    QLineEdit* filter_;
    QListView* list_;
    int spawnedBefore_ = -1; // the task the spawn started when the editor opened
};

} // namespace coroscope
