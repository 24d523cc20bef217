#include "examples/examplebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace coroscope {

ExampleBanner::ExampleBanner(QWidget* parent)
    : QFrame(parent)
    , label_(new QLabel(this))
    , close_(new QToolButton(this)) {
    setFrameShape(QFrame::StyledPanel);
    // A tone off the window's own, in either theme: the palette's alternate base.
    setBackgroundRole(QPalette::AlternateBase);
    setAutoFillBackground(true);
    label_->setTextFormat(Qt::PlainText);
    label_->setWordWrap(true);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label_->setAccessibleName(tr("What to watch for in this example"));
    close_->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close_->setAutoRaise(true);
    close_->setToolTip(tr("Close"));
    close_->setAccessibleName(tr("Close the example's description"));
    connect(close_, &QToolButton::clicked, this, &QWidget::hide);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(label_, 1);
    layout->addWidget(close_, 0, Qt::AlignTop);
    hide();
}

void ExampleBanner::showText(const QString& text) {
    label_->setText(text);
    show();
}

QString ExampleBanner::text() const {
    return label_->text();
}

} // namespace coroscope
