#include "examples/examplebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace coroscope {

ExampleBanner::ExampleBanner(QWidget* parent)
    : NoteBar(parent)
    , close_(new QToolButton(this)) {
    words()->setTextInteractionFlags(Qt::TextSelectableByMouse);
    words()->setAccessibleName(tr("What to watch for in this example"));
    close_->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close_->setAutoRaise(true);
    close_->setToolTip(tr("Close"));
    close_->setAccessibleName(tr("Close the example's description"));
    connect(close_, &QToolButton::clicked, this, &QWidget::hide);
    row()->addWidget(close_, 0, Qt::AlignTop);
}

} // namespace coroscope
