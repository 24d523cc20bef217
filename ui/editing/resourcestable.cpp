#include "editing/resourcestable.h"

#include "bridge/qtext.h"
#include "editing/refusalnote.h"
#include "editing/scenariomodel.h"
#include "model/scenariorules.h"
#include "timeline/timelinestyle.h"

#include <QColorDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPixmap>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace coroscope {

namespace {

QIcon swatch(const QColor& color) {
    QPixmap pixmap(16, 12);
    pixmap.fill(color);
    return QIcon(pixmap);
}

// The row's kind: io, http, then the scenario's own resources.
StepKind kindAt(const ScenarioModel& model, int row) {
    return model.resources()[std::size_t(row)];
}

bool builtIn(StepKind kind) {
    return kind.index < kBuiltinKinds.size();
}

} // namespace

ResourcesTable::ResourcesTable(ScenarioModel* model, QWidget* parent)
    : QWidget(parent)
    , model_(model)
    , table_(new QTableWidget(0, ColumnCount, this))
    , threads_(new QSpinBox(this))
    , add_(new QToolButton(this))
    , remove_(new QToolButton(this))
    , note_(new RefusalNote(model, this)) {
    table_->setHorizontalHeaderLabels({tr("Name"), tr("Label"), tr("Colour"), tr("Limit")});
    table_->setAccessibleName(tr("Resources"));
    table_->setAccessibleDescription(
        tr("What tasks wait on: name, label, colour and limit (empty: no limit)"));
    table_->verticalHeader()->hide();
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(LabelColumn, QHeaderView::Stretch);
    table_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    table_->setTabKeyNavigation(false); // Tab goes on to the next control, arrows go to cells
    connect(table_, &QTableWidget::itemChanged, this, &ResourcesTable::commitCell);
    // The colour buttons take no focus of their own: Enter on a colour cell opens the dialog.
    connect(table_, &QTableWidget::activated, this, [this](const QModelIndex& index) {
        if (index.column() == ColorColumn)
            pickColor(index.row());
    });
    connect(table_, &QTableWidget::currentCellChanged, this, &ResourcesTable::updateButtons);

    threads_->setRange(int(kMinThreads), int(kMaxThreads));
    threads_->setKeyboardTracking(false); // one edit per arrow click or typed number
    threads_->setAccessibleName(tr("Threads"));
    threads_->setToolTip(tr("The thread pool's size: how many thread steps run at once"));
    connect(threads_, &QSpinBox::valueChanged, this, [this](int threads) {
        if (!model_->setThreads(threads)) {
            note_->showRefusal(threads_, threads_->rect());
            refresh();
        }
    });

    add_->setText(tr("+ Resource"));
    add_->setAccessibleName(tr("Add resource"));
    add_->setToolTip(tr("Add a resource tasks can wait on"));
    remove_->setText(tr("Remove"));
    remove_->setAccessibleName(tr("Remove resource"));
    remove_->setToolTip(tr("Remove the selected resource (io and http stay)"));
    for (QToolButton* button : {add_, remove_})
        button->setAutoRaise(true);
    connect(add_, &QToolButton::clicked, this, &ResourcesTable::addResource);
    connect(remove_, &QToolButton::clicked, this, &ResourcesTable::removeResource);

    auto* heading = new QHBoxLayout;
    heading->addWidget(new QLabel(tr("Resources"), this), 1);
    auto* threadsLabel = new QLabel(tr("&Threads:"), this);
    threadsLabel->setBuddy(threads_);
    heading->addWidget(threadsLabel);
    heading->addWidget(threads_);
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    buttons->addWidget(add_);
    buttons->addWidget(remove_);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(heading);
    layout->addWidget(table_);
    layout->addLayout(buttons);
    layout->addWidget(note_);

    for (auto changed : {&ScenarioModel::scenarioEdited, &ScenarioModel::scenarioReset})
        connect(model_, changed, this, &ResourcesTable::refresh);
    refresh();
}

QToolButton* ResourcesTable::colorButton(int row) const {
    return qobject_cast<QToolButton*>(table_->cellWidget(row, ColorColumn));
}

void ResourcesTable::refresh() {
    const std::vector<StepKind> kinds = model_->resources();
    const KindTable& table = model_->scenario().kinds;
    const QSignalBlocker blocker(table_); // filling the cells is no edit
    table_->setRowCount(int(kinds.size()));
    for (int row = 0; row < int(kinds.size()); ++row) {
        const KindSpec& spec = table[kinds[std::size_t(row)]];
        const QString texts[] = {toQString(spec.name),
                                 toQString(spec.label),
                                 {},
                                 spec.limit ? QString::number(spec.limit) : QString()};
        for (int column : {NameColumn, LabelColumn, LimitColumn}) {
            QTableWidgetItem* item = table_->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                table_->setItem(row, column, item);
            }
            item->setText(texts[column]);
            Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
            if (column == NameColumn && builtIn(kinds[std::size_t(row)]))
                flags &= ~Qt::ItemIsEditable; // io and http keep their names
            item->setFlags(flags);
        }
        QToolButton* button = colorButton(row);
        if (!button) {
            button = new QToolButton(table_);
            button->setAutoRaise(true);
            button->setFocusPolicy(Qt::NoFocus);
            connect(button, &QToolButton::clicked, this, [this, button] {
                for (int r = 0; r < table_->rowCount(); ++r)
                    if (colorButton(r) == button)
                        pickColor(r);
            });
            table_->setCellWidget(row, ColorColumn, button);
        }
        const QColor color = style::kindColors(spec).from;
        button->setIcon(swatch(color));
        button->setText(color.name());
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAccessibleName(tr("Colour of %1").arg(toQString(spec.name)));
    }
    const QSignalBlocker threadsBlocker(threads_);
    threads_->setValue(int(model_->scenario().threads));
    updateButtons();
}

void ResourcesTable::commitCell(QTableWidgetItem* item) {
    const StepKind kind = kindAt(*model_, item->row());
    const QString text = item->text().trimmed();
    bool ok = true;
    switch (item->column()) {
    case NameColumn:
        ok = model_->setResourceName(kind, text);
        break;
    case LabelColumn:
        ok = model_->setResourceLabel(kind, text);
        break;
    case LimitColumn: {
        bool number = text.isEmpty();
        const qlonglong limit = number ? 0 : text.toLongLong(&number);
        if (!number) {
            note_->showMessage(tr("resource \"%1\": a limit is a whole number of slots, or "
                                  "empty for none")
                                   .arg(toQString(model_->scenario().kinds[kind].name)),
                               table_->viewport(), table_->visualItemRect(item));
            refresh();
            return;
        }
        ok = model_->setResourceLimit(kind, limit);
        break;
    }
    default:
        return;
    }
    if (!ok) {
        note_->showRefusal(table_->viewport(), table_->visualItemRect(item));
        refresh();
    }
}

void ResourcesTable::pickColor(int row) {
    const StepKind kind = kindAt(*model_, row);
    const KindSpec& spec = model_->scenario().kinds[kind];
    const QColor color = QColorDialog::getColor(style::kindColors(spec).from, this,
                                                tr("Colour of %1").arg(toQString(spec.name)),
                                                QColorDialog::DontUseNativeDialog);
    if (color.isValid() && !model_->setResourceColor(kind, Rgb(color.rgb() & 0xffffff)))
        note_->showRefusal(colorButton(row), colorButton(row)->rect());
}

void ResourcesTable::addResource() {
    if (model_->addResource()) {
        table_->setCurrentCell(table_->rowCount() - 1, NameColumn);
    } else {
        note_->showRefusal(add_, add_->rect());
    }
}

void ResourcesTable::removeResource() {
    const int row = table_->currentRow();
    if (row >= 0 && !model_->removeResource(kindAt(*model_, row)))
        note_->showRefusal(remove_, remove_->rect());
}

void ResourcesTable::updateButtons() {
    const int row = table_->currentRow();
    remove_->setEnabled(row >= 0 && row < table_->rowCount() && !builtIn(kindAt(*model_, row)));
}

} // namespace coroscope
