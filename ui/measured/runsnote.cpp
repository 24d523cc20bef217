#include "measured/runsnote.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace coroscope {

RunsNote::RunsNote(QWidget* parent)
    : NoteBar(parent)
    , list_(new QComboBox(this)) {
    list_->setAccessibleName(tr("The run of asyncio.run shown"));
    connect(list_, &QComboBox::activated, this,
            [this](int index) { emit runChosen(std::size_t(index) + 1); });
    row()->addWidget(new QLabel(tr("Show:"), this));
    row()->addWidget(list_);
}

void RunsNote::showRuns(std::size_t runs, std::size_t shown) {
    const QString words =
        tr("This recording holds %1 runs of asyncio.run; showing run %2.").arg(runs).arg(shown);
    const QSignalBlocker quiet(list_);
    list_->clear();
    for (std::size_t n = 1; n <= runs; ++n)
        list_->addItem(tr("Run %1").arg(n));
    list_->setCurrentIndex(int(shown) - 1);
    showWords(words);
}

} // namespace coroscope
