#include "editing/stepdelegate.h"

#include "bridge/qtext.h"
#include "editing/scenariomodel.h"
#include "scenariorules.h"
#include "timeline/timelinestyle.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPixmap>
#include <QSpinBox>
#include <QToolTip>
#include <QValidator>

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
        auto* combo = new QComboBox(parent);
        for (StepKind kind : kAllStepKinds) {
            QPixmap swatch(12, 12);
            swatch.fill(style::kindColors(kind).from);
            const std::string_view label = kindLabel(kind);
            combo->addItem(QIcon(swatch), toQString(label), int(kind));
        }
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

} // namespace coroscope
