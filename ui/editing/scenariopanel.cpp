#include "editing/scenariopanel.h"

#include "bridge/qtext.h"
#include "editing/refusalnote.h"
#include "editing/resourcestable.h"
#include "editing/scenariomodel.h"
#include "editing/stepdelegate.h"
#include "editing/taskpicker.h"
#include "plainmessage.h"

#include <QAction>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <iterator>

namespace coroscope {

ScenarioPanel::ScenarioPanel(ScenarioModel* model, QWidget* parent)
    : QWidget(parent)
    , model_(model)
    , title_(new QLineEdit(this))
    , subtitle_(new QLineEdit(this))
    , resources_(new ResourcesTable(model, this))
    , tree_(new QTreeView(this))
    , note_(new RefusalNote(model, this)) {
    title_->setPlaceholderText(tr("Title of the picture"));
    subtitle_->setPlaceholderText(tr("A line under the title"));
    title_->setAccessibleName(tr("Title"));
    title_->setAccessibleDescription(title_->placeholderText());
    subtitle_->setAccessibleName(tr("Subtitle"));
    subtitle_->setAccessibleDescription(subtitle_->placeholderText());
    connect(title_, &QLineEdit::editingFinished, this, &ScenarioPanel::commitTitles);
    connect(subtitle_, &QLineEdit::editingFinished, this, &ScenarioPanel::commitTitles);
    auto* titles = new QFormLayout;
    titles->addRow(tr("Title:"), title_);
    titles->addRow(tr("Subtitle:"), subtitle_);

    tree_->setModel(model_);
    tree_->setAccessibleName(tr("Tasks and steps"));
    tree_->setAccessibleDescription(
        tr("F2, Enter or a double-click edits a name, kind, duration (a spawn's or join's "
           "tasks) or start; Left and Right go from cell to cell"));
    auto* delegate = new StepDelegate(tree_);
    tree_->setItemDelegate(delegate);
    connect(delegate, &StepDelegate::refused, this, [this](const QModelIndex& index) {
        note_->showRefusal(tree_->viewport(), tree_->visualRect(index));
    });
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    // Cells, not rows: a tree moves along a row with Left/Right only when it selects cells.
    tree_->setSelectionBehavior(QAbstractItemView::SelectItems);
    tree_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked);
    tree_->installEventFilter(this); // F2 and Enter
    tree_->setDragDropMode(QAbstractItemView::InternalMove);
    tree_->setDefaultDropAction(Qt::MoveAction);
    tree_->setDropIndicatorShown(true);
    tree_->setAlternatingRowColors(true);
    tree_->header()->setStretchLastSection(false);
    tree_->header()->setSectionResizeMode(ScenarioModel::NameColumn, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(ScenarioModel::KindColumn, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(ScenarioModel::DurationColumn,
                                          QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(ScenarioModel::StartColumn,
                                          QHeaderView::ResizeToContents);
    expandIfSmall();
    connect(model_, &QAbstractItemModel::modelReset, this, &ScenarioPanel::expandIfSmall);
    connect(model_, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex& parent, int first) {
                if (!parent.isValid())
                    tree_->expand(model_->taskIndex(first));
            });
    for (auto changed : {&ScenarioModel::scenarioEdited, &ScenarioModel::scenarioReset}) {
        connect(model_, changed, this, &ScenarioPanel::showTitles);
        connect(model_, changed, this, &ScenarioPanel::updateButtons);
    }
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ScenarioPanel::updateButtons);
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        const auto [task, step] = current();
        emit currentChanged(task, step);
    });

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    addTask_ = addButton(tr("+ Task"), tr("Add task"), tr("Add a task after the selected one"),
                         &ScenarioPanel::addTask);
    addStep_ = addButton(tr("+ Step"), tr("Add step"), tr("Add a step after the selected one"),
                         &ScenarioPanel::addStep);
    duplicate_ = addButton(tr("Duplicate"), tr("Duplicate task"), tr("Duplicate the selected task"),
                           &ScenarioPanel::duplicateTask);
    remove_ = addButton(tr("Remove"), tr("Remove"), tr("Remove the selected task or step (Delete)"),
                        &ScenarioPanel::removeCurrent);
    // Delete removes only while the tree has the focus, not while the timeline has it.
    auto* removeKey = new QAction(tr("Remove the selection (in the panel)"), this);
    removeKey->setShortcut(QKeySequence::Delete);
    removeKey->setShortcutContext(Qt::WidgetShortcut);
    connect(removeKey, &QAction::triggered, this, &ScenarioPanel::removeCurrent);
    tree_->addAction(removeKey);
    up_ = addButton(tr("▲"), tr("Move up"), tr("Move the selection up"), nullptr);
    down_ = addButton(tr("▼"), tr("Move down"), tr("Move the selection down"), nullptr);
    connect(up_, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(down_, &QToolButton::clicked, this, [this] { moveCurrent(+1); });
    for (QToolButton* button : {addTask_, addStep_, duplicate_, remove_, up_, down_})
        buttons->addWidget(button);
    // Top to bottom, left to right, as they are shown.
    QWidget* const controls[] = {title_,
                                 subtitle_,
                                 resources_->threads(),
                                 resources_->table(),
                                 resources_->addButton(),
                                 resources_->removeButton(),
                                 tree_,
                                 addTask_,
                                 addStep_,
                                 duplicate_,
                                 remove_,
                                 up_,
                                 down_};
    for (std::size_t i = 1; i < std::size(controls); ++i)
        setTabOrder(controls[i - 1], controls[i]);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(titles);
    layout->addWidget(resources_);
    layout->addWidget(tree_, 1);
    layout->addLayout(buttons);
    layout->addWidget(note_);
    showTitles();
    updateButtons();
}

void ScenarioPanel::expandIfSmall() {
    // Expanding thousands of tasks takes the tree seconds; big scenarios open folded.
    if (model_->rowCount() <= kExpandedTaskLimit)
        tree_->expandAll();
}

QToolButton* ScenarioPanel::addButton(const QString& text, const QString& name, const QString& tip,
                                      void (ScenarioPanel::*slot)()) {
    auto* button = new QToolButton(this);
    button->setText(text);
    button->setToolTip(tip);
    button->setAccessibleName(name); // "▲" would be read as "black up-pointing triangle"
    button->setAccessibleDescription(tip);
    button->setAutoRaise(true);
    if (slot)
        connect(button, &QToolButton::clicked, this, slot);
    return button;
}

std::pair<int, int> ScenarioPanel::current() const {
    const QModelIndex index = tree_->currentIndex();
    if (!index.isValid())
        return {-1, -1};
    return model_->position(index);
}

void ScenarioPanel::select(int task, int step) {
    const QModelIndex index = step < 0 ? model_->taskIndex(task) : model_->stepIndex(task, step);
    tree_->setCurrentIndex(index);
    tree_->scrollTo(index);
}

KeyHelpList ScenarioPanel::keyHelp() {
    // As eventFilter() and a tree that selects cells do, then the task picker its editors open.
    const KeyHelpList own{
        {keyNames({Qt::Key_F2, Qt::Key_Return}),
         tr("Edit the selected cell; on a step's number, its kind (in the panel)")},
        {keyNames({Qt::Key_Left, Qt::Key_Right}),
         tr("The cell before / after; on a task's name, fold / unfold it (in the panel)")}};
    return own + TaskPicker::keyHelp();
}

bool ScenarioPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched != tree_ || event->type() != QEvent::KeyPress)
        return false;
    const int key = static_cast<QKeyEvent*>(event)->key();
    if (key != Qt::Key_F2 && key != Qt::Key_Return && key != Qt::Key_Enter)
        return false;
    // A key an open editor let through (a kind list ignores Enter) is not a new edit.
    if (!tree_->hasFocus() || tree_->indexWidget(tree_->currentIndex()))
        return false;
    editCurrent();
    return true;
}

void ScenarioPanel::editCurrent() {
    QModelIndex cell = tree_->currentIndex();
    // A step's number or a task's total cannot be edited: the row's first cell that can opens.
    for (int column = 0; cell.isValid() && !(cell.flags() & Qt::ItemIsEditable); ++column)
        cell = column < ScenarioModel::ColumnCount ? cell.siblingAtColumn(column) : QModelIndex();
    if (!cell.isValid())
        return;
    tree_->setCurrentIndex(cell);
    tree_->edit(cell);
}

void ScenarioPanel::refused(QWidget* place) {
    note_->showRefusal(place, place->rect());
}

void ScenarioPanel::addTask() {
    const int at = current().first < 0 ? model_->rowCount() : current().first + 1;
    if (model_->addTask(at))
        select(at, -1);
    else
        refused(addTask_);
}

void ScenarioPanel::addStep() {
    const auto [t, s] = current();
    const int task = t < 0 ? model_->rowCount() - 1 : t;
    const int at = s < 0 ? model_->rowCount(model_->taskIndex(task)) : s + 1;
    if (model_->addStep(task, at))
        select(task, at);
    else
        refused(addStep_);
}

void ScenarioPanel::duplicateTask() {
    const int t = current().first;
    if (model_->duplicateTask(t))
        select(t + 1, -1);
    else
        refused(duplicate_);
}

bool ScenarioPanel::mayRemoveNamedTask(int t) {
    const std::vector<StepPlace> naming = model_->stepsNaming(t);
    if (naming.empty())
        return true;
    const Scenario& scenario = model_->scenario();
    QStringList steps;
    for (const StepPlace& place : naming)
        steps << tr("step %1 of %2")
                     .arg(place.step + 1)
                     .arg(toQString(scenario.tasks[place.task].name));
    const QString name = toQString(scenario.tasks[std::size_t(t)].name);
    const QString text =
        tr("%1 is spawned or joined by %2. Removing it removes it from those steps too (a "
           "spawn of it, or a join of it alone, goes).")
            .arg(name, steps.join(tr(", ")));
    return showPlainMessage(this, QMessageBox::Question, tr("Remove %1?").arg(name), text,
                            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel,
                            {{QMessageBox::Yes, tr("Remove them too")}}) == QMessageBox::Yes;
}

void ScenarioPanel::removeCurrent() {
    const auto [t, s] = current();
    if (s < 0) {
        if (!mayRemoveNamedTask(t))
            return;
        if (model_->removeTask(t))
            select(std::min(t, model_->rowCount() - 1), -1);
        else
            refused(remove_);
    } else if (model_->removeStep(t, s)) {
        select(t, std::min(s, model_->rowCount(model_->taskIndex(t)) - 1));
    } else {
        refused(remove_);
    }
}

void ScenarioPanel::moveCurrent(int delta) {
    const auto [t, s] = current();
    if (s < 0) {
        if (model_->moveTask(t, t + delta))
            select(t + delta, -1);
        else
            refused(delta < 0 ? up_ : down_);
    } else if (model_->moveStep(t, s, t, s + delta)) {
        select(t, s + delta);
    } else {
        refused(delta < 0 ? up_ : down_);
    }
}

void ScenarioPanel::showTitles() {
    const QString title = QString::fromStdString(model_->scenario().title);
    const QString subtitle = QString::fromStdString(model_->scenario().subtitle);
    if (title_->text() != title)
        title_->setText(title);
    if (subtitle_->text() != subtitle)
        subtitle_->setText(subtitle);
}

void ScenarioPanel::commitTitles() {
    if (!model_->setTitles(title_->text(), subtitle_->text()))
        showTitles(); // refused (too long): show what the scenario holds
}

void ScenarioPanel::updateButtons() {
    const auto [t, s] = current();
    const int tasks = model_->rowCount();
    const int steps = t < 0 ? 0 : model_->rowCount(model_->taskIndex(t));
    duplicate_->setEnabled(t >= 0 && s < 0);
    remove_->setEnabled(t >= 0 && (s < 0 ? tasks > 1 : steps > 1));
    up_->setEnabled(t >= 0 && (s < 0 ? t > 0 : s > 0));
    down_->setEnabled(t >= 0 && (s < 0 ? t < tasks - 1 : s < steps - 1));
}

} // namespace coroscope
