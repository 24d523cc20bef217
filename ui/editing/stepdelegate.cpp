#include "editing/stepdelegate.h"

#include "bridge/qtext.h"
#include "editing/scenariomodel.h"
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

QComboBox* newKindEditor(QWidget* parent, const KindTable& kinds) {
    auto* combo = new QComboBox(parent);
    for (StepKind kind : kinds.all()) {
        QPixmap swatch(12, 12);
        swatch.fill(style::kindColors(kinds[kind]).from);
        combo->addItem(QIcon(swatch), toQString(kinds[kind].label), int(kind.index));
    }
    // As wide as its longest kind with the swatch, and the list at least as wide.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo->view()->setMinimumWidth(combo->sizeHint().width());
    return combo;
}

} // namespace

QWidget* StepDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                    const QModelIndex& index) const {
    switch (index.column()) {
    case ScenarioModel::DurationColumn: {
        auto* spin = new QSpinBox(parent);
        spin->setRange(int(kMinStepMs), int(kMaxStepMs));
        spin->setSuffix(tr(" ms"));
        spin->setGroupSeparatorShown(true);
        spin->setAccelerated(true);
        spin->setFrame(false);
        return spin;
    }
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
    if (auto* spin = qobject_cast<QSpinBox*>(editor))
        spin->setValue(index.data(Qt::EditRole).toInt());
    else if (auto* combo = qobject_cast<QComboBox*>(editor))
        combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole).toInt()));
    else
        QStyledItemDelegate::setEditorData(editor, index);
}

void StepDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                const QModelIndex& index) const {
    if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->interpretText();
        model->setData(index, spin->value());
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        model->setData(index, combo->currentData());
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
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
    }
    return size;
}

void StepDelegate::updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                                        const QModelIndex& index) const {
    // The whole cell, not only the text beside the swatch: the combo box has its own swatches.
    if (qobject_cast<QComboBox*>(editor))
        editor->setGeometry(option.rect);
    else
        QStyledItemDelegate::updateEditorGeometry(editor, option, index);
}

void StepDelegate::commitAndClose() {
    auto* editor = qobject_cast<QWidget*>(sender());
    emit commitData(editor);
    emit closeEditor(editor);
}

} // namespace coroscope
