#include "wrappinglabel.h"

#include <QResizeEvent>

namespace coroscope {

WrappingLabel::WrappingLabel(QWidget* parent)
    : QLabel(parent) {
    setWordWrap(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void WrappingLabel::setWrappedText(const QString& text) {
    setText(text);
    fitHeight();
}

void WrappingLabel::resizeEvent(QResizeEvent* event) {
    QLabel::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        fitHeight();
}

void WrappingLabel::fitHeight() {
    // QLabel's height for a width is at least the label's minimum height: measure unbounded.
    setMinimumHeight(0);
    setMaximumHeight(QWIDGETSIZE_MAX);
    // -1 says a width does not decide the height (a label without text): its hint does then.
    const int fitted = heightForWidth(width());
    setFixedHeight(fitted >= 0 ? fitted : sizeHint().height());
}

} // namespace coroscope
