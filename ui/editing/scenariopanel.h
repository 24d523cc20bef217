#pragma once

// The side panel: title and subtitle, the resources and the thread pool, the tasks and their
// steps in a tree, and buttons to add, duplicate, remove and reorder them (drag and drop
// works too). Every edit goes through the model, hence through undo; a refused one says why
// under the tree. Every control is named for screen readers.

#include "keyhelp.h"

#include <QWidget>

class QLineEdit;
class QToolButton;
class QTreeView;

namespace coroscope {

class RefusalNote;
class ResourcesTable;
class ScenarioModel;

class ScenarioPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kExpandedTaskLimit = 200;
    explicit ScenarioPanel(ScenarioModel* model, QWidget* parent = nullptr);
    // The keys the tree handles itself (Delete is an action).
    static KeyHelpList keyHelp();

    QTreeView* tree() const { return tree_; }
    QLineEdit* titleEdit() const { return title_; }
    QLineEdit* subtitleEdit() const { return subtitle_; }
    ResourcesTable* resources() const { return resources_; }
    RefusalNote* note() const { return note_; }

    // (task, step) of the current row; step -1 for a task, task -1 for none.
    std::pair<int, int> current() const;
    void select(int task, int step);

signals:
    // The current row changed: (task, step) as current() says.
    void currentChanged(int task, int step);

public:
    // The buttons' actions, on the current row.
    void addTask();
    void addStep();
    void duplicateTask();
    void removeCurrent();
    void moveCurrent(int delta);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // F2 and Enter: the current cell's editor, or its row's first that can edit.
    void editCurrent();
    void expandIfSmall();
    void showTitles();
    void commitTitles();
    void updateButtons();
    // A refused edit of the button's: why, under the tree.
    void refused(QWidget* button);
    // A task that spawns and joins name: asks whether those steps may go with it.
    bool mayRemoveNamedTask(int task);
    // name: what a screen reader says for it.
    QToolButton* addButton(const QString& text, const QString& name, const QString& tip,
                           void (ScenarioPanel::*slot)());

    ScenarioModel* model_;
    QLineEdit* title_;
    QLineEdit* subtitle_;
    ResourcesTable* resources_;
    QTreeView* tree_;
    RefusalNote* note_;
    QToolButton* addTask_ = nullptr;
    QToolButton* addStep_ = nullptr;
    QToolButton* duplicate_ = nullptr;
    QToolButton* remove_ = nullptr;
    QToolButton* up_ = nullptr;
    QToolButton* down_ = nullptr;
};

} // namespace coroscope
