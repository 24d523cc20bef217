#include "notebar.h"

#include <QHBoxLayout>
#include <QLabel>

namespace coroscope {

NoteBar::NoteBar(QWidget* parent)
    : QFrame(parent)
    , label_(new QLabel(this))
    , row_(new QHBoxLayout(this)) {
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::AlternateBase);
    setAutoFillBackground(true);
    label_->setTextFormat(Qt::PlainText);
    label_->setWordWrap(true);
    row_->addWidget(label_, 1);
    hide();
}

QString NoteBar::text() const {
    return label_->text();
}

void NoteBar::showWords(const QString& text) {
    label_->setText(text);
    show();
}

} // namespace coroscope
