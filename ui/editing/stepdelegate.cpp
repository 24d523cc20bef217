#include "editing/stepdelegate.h"

#include "bridge/qtext.h"
#include "editing/scenariomodel.h"
#include "editing/taskpicker.h"
#include "model/scenariorules.h"
#include "timeline/timelinestyle.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QLineEdit>
#include <QPixmap>
#include <QSpinBox>
#include <QToolTip>
#include <QValidator>

#include <algorithm>
#include <memory>

namespace coroscope {

namespace {

// Keeps a name within the name rule as it is typed: the rule counts UTF-8 bytes, as the file
// does, not characters (a QLineEdit's maxLength counts UTF-16 units).
class NameValidator final : public QValidator {
public:
    NameValidator(std::string place, QObject* parent)
        : QValidator(parent)
        , place_(std::move(place)) {}
    State validate(QString& input, int&) const override {
        if (input.isEmpty())
            return Intermediate; // a name is needed, but typing may pass through empty
        return checkTaskName(place_, input.toStdString()) ? Acceptable : Invalid;
    }

private:
    std::string place_;
};

// The kinds of the scenario being edited.
const KindTable& kindsOf(const QModelIndex& index) {
    const auto* model = qobject_cast<const ScenarioModel*>(index.model());
    return model ? model->scenario().kinds : builtinKinds();
}

void addKind(QComboBox* combo, const KindSpec& spec, const QVariant& data) {
    QPixmap swatch(12, 12);
    swatch.fill(style::kindColors(spec).from);
    combo->addItem(QIcon(swatch), toQString(spec.label), data);
}

// Every kind of the table (by its index), then Thread, Spawn and Join if the table has none
// yet (by their name: the model adds them with the step).
QComboBox* newKindEditor(QWidget* parent, const KindTable& kinds) {
    auto* combo = new QComboBox(parent);
    for (StepKind kind : kinds.all())
        addKind(combo, kinds[kind], int(kind.index));
    for (KindBehaviour structural :
         {KindBehaviour::Thread, KindBehaviour::Spawn, KindBehaviour::Join})
        if (!kinds.find(structural))
            addKind(combo, structuralKind(structural), toQString(structuralKind(structural).name));
    // As wide as its longest kind with the swatch, and the list at least as wide.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo->view()->setMinimumWidth(combo->sizeHint().width());
    return combo;
}

QSpinBox* newMsEditor(QWidget* parent, std::int64_t min, std::int64_t max) {
    auto* spin = new QSpinBox(parent);
    spin->setRange(int(min), int(max));
    spin->setSuffix(QObject::tr(" ms"));
    spin->setGroupSeparatorShown(true);
    spin->setAccelerated(true);
    spin->setFrame(false);
    return spin;
}

// What a spawn or join step's Duration cell holds (a step of another kind: Waits).
KindBehaviour behaviourAt(const QModelIndex& index) {
    const auto* model = qobject_cast<const ScenarioModel*>(index.model());
    if (!model)
        return KindBehaviour::Waits;
    const auto [t, s] = model->position(index);
    if (s < 0)
        return KindBehaviour::Waits;
    const Scenario& scenario = model->scenario();
    return scenario.kinds.behaviour(scenario.tasks[std::size_t(t)].steps[std::size_t(s)].kind);
}

// Where an editor taller than its cell goes: under the cell's top, as wide as the cell at least,
// moved up (then left) as far as it takes to keep it inside the view when it fits there.
QRect dropDown(const QRect& cell, const QSize& size, const QWidget* view) {
    QRect rect(cell.topLeft(), QSize(std::max(cell.width(), size.width()), size.height()));
    if (!view)
        return rect;
    const QRect room = view->rect();
    rect.moveBottom(std::min(rect.bottom(), room.bottom()));
    rect.moveRight(std::min(rect.right(), room.right()));
    rect.moveTopLeft(QPoint(std::max(rect.left(), room.left()), std::max(rect.top(), room.top())));
    return rect;
}

} // namespace

QWidget* StepDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                    const QModelIndex& index) const {
    const auto* model = qobject_cast<const ScenarioModel*>(index.model());
    switch (index.column()) {
    case ScenarioModel::DurationColumn:
        if (model && behaviourAt(index) == KindBehaviour::Spawn) {
            auto* picker = new TaskPicker(model->scenario(), index.parent().row(),
                                          TaskPicker::Mode::Spawn, parent);
            connect(picker, &TaskPicker::picked, this, &StepDelegate::commitAndClose);
            return picker;
        }
        if (model && behaviourAt(index) == KindBehaviour::Join)
            return new TaskPicker(model->scenario(), index.parent().row(), TaskPicker::Mode::Join,
                                  parent);
        return newMsEditor(parent, kMinStepMs, kMaxStepMs);
    case ScenarioModel::StartColumn:
        return newMsEditor(parent, 0, kMaxStartMs);
    case ScenarioModel::KindColumn: {
        QComboBox* combo = newKindEditor(parent, kindsOf(index));
        connect(combo, &QComboBox::activated, this, &StepDelegate::commitAndClose);
        return combo;
    }
    default: {
        auto* edit =
            qobject_cast<QLineEdit*>(QStyledItemDelegate::createEditor(parent, option, index));
        if (!edit)
            return nullptr;
        const std::string place = "task " + std::to_string(index.row() + 1);
        edit->setValidator(new NameValidator(place, edit));
        // A refused keystroke or paste says which rule refused it.
        connect(edit, &QLineEdit::inputRejected, edit, [edit, place] {
            const Result<void> rule = checkTaskName(place, (edit->text() + 'x').toStdString());
            if (!rule)
                QToolTip::showText(edit->mapToGlobal(QPoint(0, edit->height())),
                                   toQString(rule.error()), edit);
        });
        return edit;
    }
    }
}

void StepDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    const QVariant value = index.data(Qt::EditRole);
    if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->setValue(value.toInt());
    } else if (auto* picker = qobject_cast<TaskPicker*>(editor)) {
        std::vector<std::uint32_t> tasks;
        for (const QVariant& u : value.toList())
            tasks.push_back(std::uint32_t(u.toInt()));
        picker->setTasks(tasks);
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentIndex(combo->findData(value.toInt())); // a kind's index
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void StepDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                const QModelIndex& index) const {
    QVariant value;
    if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->interpretText();
        value = spin->value();
    } else if (auto* picker = qobject_cast<TaskPicker*>(editor)) {
        if (picker->mode() == TaskPicker::Mode::Spawn) {
            if (const std::optional<int> task = picker->spawned())
                value = *task;
        } else {
            QVariantList tasks;
            for (std::uint32_t u : picker->joined())
                tasks.push_back(int(u));
            value = tasks;
        }
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        value = combo->currentData();
    } else if (auto* edit = qobject_cast<QLineEdit*>(editor)) {
        value = edit->text();
    }
    if (value.isValid() && !model->setData(index, value))
        emit refused(index);
}

QSize StepDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == ScenarioModel::KindColumn) {
        const KindTable& kinds = kindsOf(index);
        if (kindEditorWidth_ == 0 || kinds != kindEditorKinds_) {
            kindEditorKinds_ = kinds;
            kindEditorWidth_ =
                std::unique_ptr<QComboBox>(newKindEditor(nullptr, kinds))->sizeHint().width();
        }
        size.setWidth(std::max(size.width(), kindEditorWidth_));
    } else if (index.column() == ScenarioModel::DurationColumn ||
               index.column() == ScenarioModel::StartColumn) {
        // Names (a spawn's task, a join's tasks, who spawned a task) take no more room than the
        // longest duration, a start no more than its column's title: they elide, their tooltip
        // has them whole, and every column stays in view in the panel's width.
        const QString widest =
            index.column() == ScenarioModel::DurationColumn
                ? QStringLiteral("86,400,000 ms")
                : index.model()->headerData(index.column(), Qt::Horizontal).toString() +
                      QStringLiteral("  ");
        size.setWidth(std::min(size.width(), option.fontMetrics.horizontalAdvance(widest)));
    }
    return size;
}

void StepDelegate::updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                                        const QModelIndex& index) const {
    // The whole cell, not only the text beside the swatch: the combo box has its own swatches.
    if (qobject_cast<QComboBox*>(editor))
        editor->setGeometry(option.rect);
    else if (qobject_cast<TaskPicker*>(editor)) // a list of tasks drops down from the cell
        editor->setGeometry(dropDown(option.rect, editor->sizeHint(), editor->parentWidget()));
    else
        QStyledItemDelegate::updateEditorGeometry(editor, option, index);
}

void StepDelegate::commitAndClose() {
    auto* editor = qobject_cast<QWidget*>(sender());
    emit commitData(editor);
    emit closeEditor(editor);
}

} // namespace coroscope
