#include "editing/scenariomodel.h"

#include "bridge/qtext.h"
#include "model/scenariorules.h"
#include "timeline/timelinestyle.h"

#include <QGuiApplication>
#include <QMimeData>
#include <QPalette>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <utility>

namespace coroscope {

namespace {

constexpr quintptr kTaskRow = 0; // internal id of task rows; step rows hold their task's id

// An undo command made of two closures.
class EditCommand final : public QUndoCommand {
public:
    EditCommand(const QString& text, std::function<void()> redo, std::function<void()> undo)
        : QUndoCommand(text)
        , redo_(std::move(redo))
        , undo_(std::move(undo)) {}
    void redo() override { redo_(); }
    void undo() override { undo_(); }

private:
    std::function<void()> redo_;
    std::function<void()> undo_;
};

// For beginMoveRows: the row before which the moved row lands, counted before it leaves.
int destinationChild(bool sameParent, int from, int to) {
    return sameParent && to > from ? to + 1 : to;
}

} // namespace

ScenarioModel::ScenarioModel(QUndoStack* undoStack, QObject* parent)
    : QAbstractItemModel(parent)
    , undoStack_(undoStack) {}

void ScenarioModel::resetScenario(const Scenario& scenario) {
    beginResetModel();
    scenario_ = scenario;
    taskIds_.clear();
    for (std::size_t t = 0; t < scenario_.tasks.size(); ++t)
        taskIds_.push_back(nextTaskId_++);
    renumberTasks();
    endResetModel();
    spawners(); // known before the first edit, which compares with it
    emit scenarioReset(scenario_);
}

void ScenarioModel::push(const QString& text, std::function<void()> redo,
                         std::function<void()> undo) {
    undoStack_->push(new EditCommand(
        text,
        [this, redo = std::move(redo)] {
            auto before = std::exchange(spawners_, std::nullopt);
            redo();
            edited(before);
        },
        [this, undo = std::move(undo)] {
            auto before = std::exchange(spawners_, std::nullopt);
            undo();
            edited(before);
        }));
}

void ScenarioModel::edited(const std::optional<std::vector<std::int64_t>>& before) {
    spawners_.reset(); // a view may have asked in the middle of the change
    // The Start cells whose "spawned by" changed, and only those: a column sized to its
    // contents measures every cell it is told of. A task that came or went moves the rows
    // after it, so then all of them, if any task is spawned.
    const std::vector<std::int64_t>& now = spawners();
    auto spawnsAny = [](const std::vector<std::int64_t>& spawners) {
        return std::any_of(spawners.begin(), spawners.end(), [](std::int64_t s) { return s >= 0; });
    };
    int first = 0, last = rowCount() - 1;
    if (before && before->size() == now.size()) {
        while (first <= last && (*before)[std::size_t(first)] == now[std::size_t(first)])
            ++first;
        while (last >= first && (*before)[std::size_t(last)] == now[std::size_t(last)])
            --last;
    } else if (!spawnsAny(now) && !(before && spawnsAny(*before))) {
        last = -1;
    }
    if (first <= last)
        emit dataChanged(taskIndex(first, StartColumn), taskIndex(last, StartColumn));
    emit scenarioEdited(scenario_);
}

bool ScenarioModel::refuse(const std::string& message) {
    refusal_ = QString::fromStdString(message);
    emit editRefused(refusal_);
    return false;
}

bool ScenarioModel::allows(const std::function<void(Scenario&)>& change) {
    Scenario candidate = scenario_;
    change(candidate);
    if (const Result<void> rules = validateScenario(candidate); !rules)
        return refuse(rules.error().message);
    return true;
}

bool ScenarioModel::allowsInVersion2(const std::function<void(Scenario&)>& change) {
    return formatVersion(scenario_) == 1 || allows(change);
}

void ScenarioModel::renumberTasks() {
    // The rows moved: a view that asks during the change must not read the old spawners.
    spawners_.reset();
    taskRows_.clear();
    for (std::size_t t = 0; t < taskIds_.size(); ++t)
        taskRows_.insert(taskIds_[t], int(t));
}

std::string ScenarioModel::place(int task) const {
    return describePlace(scenario_, std::size_t(task) + 1, 0);
}

bool ScenarioModel::roomFor(std::size_t tasks, std::size_t steps) const {
    return checkTaskCount("scenario", scenario_.tasks.size() + tasks).ok() &&
           checkTotalSteps("scenario", totalSteps(scenario_) + steps).ok();
}

QString ScenarioModel::taskLabel(int task) const {
    return QStringLiteral("“%1”").arg(
        QString::fromStdString(scenario_.tasks[std::size_t(task)].name));
}

// ---- undoable edits ----

bool ScenarioModel::setTitles(const QString& title, const QString& subtitle) {
    const std::string newTitle = title.toStdString();
    const std::string newSubtitle = subtitle.toStdString();
    if (!checkTitles(newTitle, newSubtitle))
        return false;
    if (newTitle == scenario_.title && newSubtitle == scenario_.subtitle)
        return true;
    const std::string oldTitle = scenario_.title;
    const std::string oldSubtitle = scenario_.subtitle;
    push(
        tr("Edit the title"), [=, this] { applyTitles(newTitle, newSubtitle); },
        [=, this] { applyTitles(oldTitle, oldSubtitle); });
    return true;
}

bool ScenarioModel::addTask(int at) {
    if (at < 0 || at > rowCount() || !roomFor(1, 1))
        return false;
    const Task task{freeTaskName(scenario_), {{StepKind::Cpu, 100}}};
    push(
        tr("Add a task"), [=, this] { insertTask(at, task); }, [=, this] { eraseTask(at); });
    return true;
}

bool ScenarioModel::duplicateTask(int t) {
    if (t < 0 || t >= rowCount())
        return false;
    Task copy = scenario_.tasks[std::size_t(t)];
    if (!roomFor(1, copy.steps.size()))
        return false;
    copy.name = copyName(copy.name);
    if (!allowsInVersion2([&](Scenario& s) { coroscope::insertTask(s, std::size_t(t) + 1, copy); }))
        return false;
    push(
        tr("Duplicate task %1").arg(taskLabel(t)), [=, this] { insertTask(t + 1, copy); },
        [=, this] { eraseTask(t + 1); });
    return true;
}

bool ScenarioModel::removeTask(int t) {
    if (t < 0 || t >= rowCount() || !checkTaskCount("scenario", scenario_.tasks.size() - 1))
        return false;
    // The steps that name it, last first so that the places stay right: a spawn of it or a
    // join of it alone goes, a join of others too keeps them.
    struct Change {
        StepPlace at;
        Step old;
        std::optional<Step> kept;
    };
    std::vector<Change> changes;
    const std::vector<StepPlace> naming = stepsNaming(t);
    for (auto place = naming.rbegin(); place != naming.rend(); ++place) {
        const Step& old = scenario_.tasks[place->task].steps[place->step];
        std::vector<std::uint32_t> others;
        for (std::uint32_t u : old.tasks)
            if (u != std::uint32_t(t))
                others.push_back(u);
        changes.push_back(
            {*place, old,
             others.empty() ? std::nullopt : std::optional(Step(old.kind, 0, others))});
    }
    auto change = [changes, t](Scenario& s) {
        for (const Change& c : changes) {
            auto& steps = s.tasks[c.at.task].steps;
            if (c.kept)
                steps[c.at.step] = *c.kept;
            else
                steps.erase(steps.begin() + std::ptrdiff_t(c.at.step));
        }
        coroscope::eraseTask(s, std::size_t(t));
    };
    if (!allowsInVersion2(change))
        return false;
    auto removed = std::make_shared<Task>();
    push(
        tr("Remove task %1").arg(taskLabel(t)),
        [=, this] {
            for (const Change& c : changes) {
                if (c.kept)
                    applyStep(int(c.at.task), int(c.at.step), *c.kept);
                else
                    eraseStep(int(c.at.task), int(c.at.step));
            }
            *removed = eraseTask(t);
        },
        [=, this] {
            insertTask(t, *removed);
            for (auto c = changes.rbegin(); c != changes.rend(); ++c) {
                if (c->kept)
                    applyStep(int(c->at.task), int(c->at.step), c->old);
                else
                    insertStep(int(c->at.task), int(c->at.step), c->old);
            }
        });
    return true;
}

bool ScenarioModel::moveTask(int from, int to) {
    const int count = rowCount();
    if (from < 0 || from >= count || to < 0 || to >= count || from == to)
        return false;
    if (!allowsInVersion2(
            [=](Scenario& s) { coroscope::relocateTask(s, std::size_t(from), std::size_t(to)); }))
        return false;
    push(
        tr("Move task %1").arg(taskLabel(from)), [=, this] { relocateTask(from, to); },
        [=, this] { relocateTask(to, from); });
    return true;
}

bool ScenarioModel::addStep(int t, int at) {
    if (t < 0 || t >= rowCount())
        return false;
    const auto& steps = scenario_.tasks[std::size_t(t)].steps;
    if (at < 0 || at > int(steps.size()) || !roomFor(0, 1) ||
        !checkStepCount(place(t), steps.size() + 1))
        return false;
    const Step step{StepKind::Cpu, 100};
    push(
        tr("Add a step to %1").arg(taskLabel(t)), [=, this] { insertStep(t, at, step); },
        [=, this] { eraseStep(t, at); });
    return true;
}

bool ScenarioModel::removeStep(int t, int s) {
    if (t < 0 || t >= rowCount() || s < 0 || s >= rowCount(taskIndex(t)))
        return false;
    if (!checkStepCount(place(t), scenario_.tasks[std::size_t(t)].steps.size() - 1))
        return false;
    const Step removed = scenario_.tasks[std::size_t(t)].steps[std::size_t(s)];
    if (!allowsInVersion2([=](Scenario& c) {
            auto& steps = c.tasks[std::size_t(t)].steps;
            steps.erase(steps.begin() + s);
        }))
        return false;
    push(
        tr("Remove step %1 of %2").arg(s + 1).arg(taskLabel(t)), [=, this] { eraseStep(t, s); },
        [=, this] { insertStep(t, s, removed); });
    return true;
}

bool ScenarioModel::moveStep(int fromTask, int fromStep, int toTask, int toStep) {
    const int tasks = rowCount();
    if (fromTask < 0 || fromTask >= tasks || toTask < 0 || toTask >= tasks)
        return false;
    const int fromCount = rowCount(taskIndex(fromTask));
    const int toCount = rowCount(taskIndex(toTask)) - (fromTask == toTask ? 1 : 0);
    if (fromStep < 0 || fromStep >= fromCount || toStep < 0 || toStep > toCount)
        return false;
    if (fromTask == toTask && fromStep == toStep)
        return false;
    if (fromTask != toTask && (!checkStepCount(place(fromTask), std::size_t(fromCount) - 1) ||
                               !checkStepCount(place(toTask), std::size_t(toCount) + 1)))
        return false;
    if (!allowsInVersion2([=](Scenario& s) {
            auto& source = s.tasks[std::size_t(fromTask)].steps;
            const Step step = source[std::size_t(fromStep)];
            source.erase(source.begin() + fromStep);
            auto& target = s.tasks[std::size_t(toTask)].steps;
            target.insert(target.begin() + toStep, step);
        }))
        return false;
    auto move = [this](int ft, int fs, int tt, int ts) {
        const Step step = scenario_.tasks[std::size_t(ft)].steps[std::size_t(fs)];
        beginMoveRows(taskIndex(ft), fs, fs, taskIndex(tt), destinationChild(ft == tt, fs, ts));
        auto& source = scenario_.tasks[std::size_t(ft)].steps;
        source.erase(source.begin() + fs);
        auto& target = scenario_.tasks[std::size_t(tt)].steps;
        target.insert(target.begin() + ts, step);
        endMoveRows();
        for (int task : {ft, tt}) // step numbers shift
            emit dataChanged(stepIndex(task, 0), stepIndex(task, rowCount(taskIndex(task)) - 1));
    };
    push(
        tr("Move step %1 of %2").arg(fromStep + 1).arg(taskLabel(fromTask)),
        [=] { move(fromTask, fromStep, toTask, toStep); },
        [=] { move(toTask, toStep, fromTask, fromStep); });
    return true;
}

// ---- primitives ----

void ScenarioModel::applyTitles(const std::string& title, const std::string& subtitle) {
    scenario_.title = title;
    scenario_.subtitle = subtitle;
}

void ScenarioModel::applyTaskName(int t, const std::string& name) {
    scenario_.tasks[std::size_t(t)].name = name;
    emit dataChanged(taskIndex(t), taskIndex(t));
}

void ScenarioModel::applyStep(int t, int s, Step value) {
    scenario_.tasks[std::size_t(t)].steps[std::size_t(s)] = value;
    emit dataChanged(stepIndex(t, s, KindColumn), stepIndex(t, s, DurationColumn));
    emit dataChanged(taskIndex(t, DurationColumn), taskIndex(t, DurationColumn));
}

void ScenarioModel::insertTask(int at, const Task& task) {
    beginInsertRows({}, at, at);
    coroscope::insertTask(scenario_, std::size_t(at), task);
    taskIds_.insert(taskIds_.begin() + at, nextTaskId_++);
    renumberTasks();
    endInsertRows();
}

Task ScenarioModel::eraseTask(int t) {
    beginRemoveRows({}, t, t);
    Task erased = coroscope::eraseTask(scenario_, std::size_t(t));
    taskIds_.erase(taskIds_.begin() + t);
    renumberTasks();
    endRemoveRows();
    return erased;
}

void ScenarioModel::relocateTask(int from, int to) {
    beginMoveRows({}, from, from, {}, destinationChild(true, from, to));
    coroscope::relocateTask(scenario_, std::size_t(from), std::size_t(to));
    const quintptr id = taskIds_[std::size_t(from)];
    taskIds_.erase(taskIds_.begin() + from);
    taskIds_.insert(taskIds_.begin() + to, id);
    renumberTasks();
    endMoveRows();
}

void ScenarioModel::insertStep(int t, int at, Step value) {
    beginInsertRows(taskIndex(t), at, at);
    auto& steps = scenario_.tasks[std::size_t(t)].steps;
    steps.insert(steps.begin() + at, value);
    endInsertRows();
    emit dataChanged(stepIndex(t, 0), stepIndex(t, int(steps.size()) - 1));
    emit dataChanged(taskIndex(t, DurationColumn), taskIndex(t, DurationColumn));
}

void ScenarioModel::eraseStep(int t, int s) {
    beginRemoveRows(taskIndex(t), s, s);
    auto& steps = scenario_.tasks[std::size_t(t)].steps;
    steps.erase(steps.begin() + s);
    endRemoveRows();
    emit dataChanged(stepIndex(t, 0), stepIndex(t, int(steps.size()) - 1));
    emit dataChanged(taskIndex(t, DurationColumn), taskIndex(t, DurationColumn));
}

// ---- the item model ----

QModelIndex ScenarioModel::taskIndex(int task, int column) const {
    return index(task, column);
}

QModelIndex ScenarioModel::stepIndex(int task, int step, int column) const {
    return index(step, column, taskIndex(task));
}

std::pair<int, int> ScenarioModel::position(const QModelIndex& index) const {
    if (index.internalId() == kTaskRow)
        return {index.row(), -1};
    return {taskRows_.value(index.internalId()), index.row()};
}

QModelIndex ScenarioModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTaskRow);
    return createIndex(row, column, taskIds_[std::size_t(parent.row())]);
}

QModelIndex ScenarioModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kTaskRow)
        return {};
    return createIndex(taskRows_.value(child.internalId()), 0, kTaskRow);
}

int ScenarioModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return int(scenario_.tasks.size());
    if (parent.internalId() == kTaskRow && parent.column() == 0)
        return int(scenario_.tasks[std::size_t(parent.row())].steps.size());
    return 0;
}

int ScenarioModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant ScenarioModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    const auto [t, s] = position(index);
    const Task& task = scenario_.tasks[std::size_t(t)];
    if (s < 0) {
        if (index.column() == NameColumn && (role == Qt::DisplayRole || role == Qt::EditRole))
            return QString::fromStdString(task.name);
        if (index.column() == DurationColumn && role == Qt::DisplayRole) {
            std::int64_t sum = 0;
            for (const Step& step : task.steps)
                sum += step.ms;
            return tr("%L1 ms in all").arg(sum);
        }
        if (index.column() == StartColumn &&
            (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::ToolTipRole)) {
            const std::int64_t spawner = spawners()[std::size_t(t)];
            if (spawner < 0)
                return role == Qt::EditRole ? QVariant(qlonglong(task.startMs))
                                            : QVariant(tr("at %L1 ms").arg(task.startMs));
            return role == Qt::EditRole
                       ? QVariant()
                       : QVariant(tr("spawned by %1").arg(taskLabel(int(spawner))));
        }
        if ((index.column() == DurationColumn || index.column() == StartColumn) &&
            role == Qt::ForegroundRole)
            return QGuiApplication::palette().color(QPalette::PlaceholderText); // follows the theme
        return {};
    }
    const Step& step = task.steps[std::size_t(s)];
    const KindBehaviour behaviour = scenario_.kinds.behaviour(step.kind);
    const bool namesTasks = behaviour == KindBehaviour::Spawn || behaviour == KindBehaviour::Join;
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return tr("Step %1").arg(s + 1);
        break;
    case KindColumn:
        if (role == Qt::DisplayRole)
            return toQString(scenario_.kinds[step.kind].label);
        if (role == Qt::EditRole)
            return int(step.kind.index);
        if (role == Qt::DecorationRole)
            return style::kindColors(scenario_.kinds[step.kind]).from;
        break;
    case DurationColumn:
        if (namesTasks && (role == Qt::DisplayRole || role == Qt::ToolTipRole)) {
            QStringList names; // the tooltip has them all where the cell elides them
            for (std::uint32_t u : step.tasks)
                names << taskLabel(int(u));
            return names.join(QStringLiteral(", "));
        }
        if (namesTasks && role == Qt::EditRole) {
            QVariantList tasks;
            for (std::uint32_t u : step.tasks)
                tasks << int(u);
            return tasks;
        }
        if (role == Qt::DisplayRole)
            return tr("%L1 ms").arg(step.ms);
        if (role == Qt::EditRole)
            return int(step.ms);
        if (role == Qt::TextAlignmentRole && !namesTasks) // numbers to the right, names left
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

bool ScenarioModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    // Plain variables, not a structured binding: the edit's closures capture them.
    const int t = position(index).first;
    const int s = position(index).second;
    if (s < 0) {
        if (index.column() == StartColumn)
            return setStartMs(t, value.toLongLong());
        if (index.column() != NameColumn)
            return false;
        const std::string name = value.toString().toStdString();
        if (const Result<void> rule = checkTaskName(place(t), name); !rule)
            return refuse(rule.error().message);
        const std::string old = scenario_.tasks[std::size_t(t)].name;
        if (name == old)
            return true;
        // Spawns and joins name tasks by their place, so they follow the new name.
        if (!allowsInVersion2([=](Scenario& c) { c.tasks[std::size_t(t)].name = name; }))
            return false;
        push(
            tr("Rename task %1 to “%2”").arg(taskLabel(t), value.toString()),
            [=, this] { applyTaskName(t, name); }, [=, this] { applyTaskName(t, old); });
        return true;
    }
    const Step old = scenario_.tasks[std::size_t(t)].steps[std::size_t(s)];
    const KindBehaviour behaviour = scenario_.kinds.behaviour(old.kind);
    Step updated = old;
    bool ok = false;
    if (index.column() == KindColumn) {
        // A kind's index, or its name ("spawn": the table gains it if it has none yet).
        KindTable kinds = scenario_.kinds;
        std::optional<StepKind> kind;
        if (value.typeId() == QMetaType::QString) {
            const std::string name = value.toString().toStdString();
            for (KindBehaviour structural :
                 {KindBehaviour::Thread, KindBehaviour::Spawn, KindBehaviour::Join})
                if (!kinds.find(name) && structuralKind(structural).name == name &&
                    kinds.size() < KindTable::kMaxKinds)
                    kinds.ensure(structural);
            kind = kinds.find(name);
        } else if (const int number = value.toInt(&ok);
                   ok && number >= 0 && number < int(kinds.size())) {
            kind = StepKind{std::uint16_t(number)};
        }
        if (!kind)
            return false;
        return *kind == old.kind || setStepKind(t, s, *kind, std::move(kinds));
    } else if (index.column() == DurationColumn && behaviour == KindBehaviour::Spawn) {
        return setSpawnedTask(t, s, value.toInt());
    } else if (index.column() == DurationColumn && behaviour == KindBehaviour::Join) {
        std::vector<std::uint32_t> joined;
        for (const QVariant& u : value.toList())
            joined.push_back(std::uint32_t(u.toInt()));
        return setJoinedTasks(t, s, joined);
    } else if (index.column() == DurationColumn) {
        const qlonglong ms = value.toLongLong(&ok);
        if (!ok || !durationAllowed(double(ms)))
            return false;
        updated.ms = ms;
    } else {
        return false;
    }
    if (updated == old)
        return true;
    const QString text =
        tr("Set step %1 of %2 to %L3 ms").arg(s + 1).arg(taskLabel(t)).arg(updated.ms);
    push(
        text, [=, this] { applyStep(t, s, updated); }, [=, this] { applyStep(t, s, old); });
    return true;
}

QVariant ScenarioModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Task / step");
    case KindColumn:
        return tr("Kind");
    case DurationColumn:
        return tr("Duration");
    case StartColumn:
        return tr("Starts at");
    }
    return {};
}

Qt::ItemFlags ScenarioModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // tasks can be dropped at the top level
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    const auto [t, s] = position(index);
    if (s < 0) {
        flags |= Qt::ItemIsDropEnabled; // steps can be dropped into a task
        if (index.column() == NameColumn ||
            (index.column() == StartColumn && spawners()[std::size_t(t)] < 0))
            flags |= Qt::ItemIsEditable;
    } else if (index.column() == KindColumn || index.column() == DurationColumn) {
        flags |= Qt::ItemIsEditable;
    }
    return flags;
}

QStringList ScenarioModel::mimeTypes() const {
    return {QString::fromLatin1(kMimeType)};
}

QMimeData* ScenarioModel::mimeData(const QModelIndexList& indexes) const {
    if (indexes.isEmpty())
        return nullptr;
    const auto [t, s] = position(indexes.first());
    auto* data = new QMimeData;
    data->setData(QString::fromLatin1(kMimeType),
                  QByteArray::number(t) + ' ' + QByteArray::number(s));
    return data;
}

std::optional<std::pair<int, int>> ScenarioModel::decode(const QMimeData* data) const {
    if (!data || !data->hasFormat(QString::fromLatin1(kMimeType)))
        return std::nullopt;
    const QList<QByteArray> parts = data->data(QString::fromLatin1(kMimeType)).split(' ');
    if (parts.size() != 2)
        return std::nullopt;
    bool okTask = false;
    bool okStep = false;
    const int t = parts[0].toInt(&okTask);
    const int s = parts[1].toInt(&okStep);
    if (!okTask || !okStep || t < 0 || t >= rowCount() || s >= rowCount(taskIndex(t)))
        return std::nullopt;
    return std::pair{t, s};
}

bool ScenarioModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                                    const QModelIndex& parent) const {
    const auto item = decode(data);
    if (!item || action != Qt::MoveAction)
        return false;
    const bool draggingTask = item->second < 0;
    const bool ontoTask = parent.isValid() && position(parent).second < 0;
    return draggingTask ? !parent.isValid() : ontoTask;
}

bool ScenarioModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                 const QModelIndex& parent) {
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const auto [t, s] = *decode(data);
    if (s < 0) {
        const int before = row < 0 ? rowCount() : row;
        moveTask(t, before > t ? before - 1 : before);
        return false;
    }
    const int target = parent.row();
    const int before = row < 0 ? rowCount(parent) : row;
    moveStep(t, s, target, target == t && before > s ? before - 1 : before);
    return false;
}

} // namespace coroscope
