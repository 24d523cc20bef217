#include "measured/runsnote.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace coroscope {

RunsNote::RunsNote(QWidget* parent)
    : QFrame(parent)
    , label_(new QLabel(this))
    , list_(new QComboBox(this)) {
    setFrameShape(QFrame::StyledPanel);
    // The example banner's tone: a note about what is shown, not part of the card.
    setBackgroundRole(QPalette::AlternateBase);
    setAutoFillBackground(true);
    label_->setTextFormat(Qt::PlainText);
    label_->setWordWrap(true);
    list_->setAccessibleName(tr("The run of asyncio.run shown"));
    connect(list_, &QComboBox::activated, this,
            [this](int index) { emit runChosen(std::size_t(index) + 1); });
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(label_, 1);
    layout->addWidget(new QLabel(tr("Show:"), this));
    layout->addWidget(list_);
    hide();
}

void RunsNote::showRuns(std::size_t runs, std::size_t shown) {
    label_->setText(
        tr("This recording holds %1 runs of asyncio.run; showing run %2.").arg(runs).arg(shown));
    const QSignalBlocker quiet(list_);
    list_->clear();
    for (std::size_t n = 1; n <= runs; ++n)
        list_->addItem(tr("Run %1").arg(n));
    list_->setCurrentIndex(int(shown) - 1);
    show();
}

QString RunsNote::text() const {
    return label_->text();
}

} // namespace coroscope
