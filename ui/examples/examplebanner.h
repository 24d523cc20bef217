#pragma once

// The banner above the card while an example is shown: its paragraph of what to watch for, in
// plain text (the palette's colours, so both themes), and a button that closes it.

#include "notebar.h"

class QToolButton;

namespace coroscope {

class ExampleBanner : public NoteBar {
    Q_OBJECT
public:
    explicit ExampleBanner(QWidget* parent = nullptr);

    // Shows the paragraph (hidden until then).
    void showText(const QString& text) { showWords(text); }
    QToolButton* closeButton() const { return close_; }

private:
    QToolButton* close_;
};

} // namespace coroscope
