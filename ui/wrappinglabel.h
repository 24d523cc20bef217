#pragma once

// A label that wraps its text to the width its layout gives it and is exactly as tall as that
// width needs. A plain word-wrapped QLabel asks for the height of a width it guesses from the
// text's length, so a status bar holding one is a line or two taller than it needs and grows
// whenever the text gets longer, even where it fits on one line.

#include <QLabel>

namespace coroscope {

class WrappingLabel : public QLabel {
    Q_OBJECT
public:
    explicit WrappingLabel(QWidget* parent = nullptr);

    // Shows text, as tall as its lines at the label's width.
    void setWrappedText(const QString& text);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitHeight();
};

} // namespace coroscope
