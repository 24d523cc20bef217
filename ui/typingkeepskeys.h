#pragma once

// While a text field or an item editor has the focus, plain keys are typing: the window's
// one-key shortcuts (+ − 0 zoom, Space plays) do not take them from it. A line edit or a spin
// box already keeps them; an item editor such as the kind list would not.

#include <QObject>

namespace coroscope {

class TypingKeepsKeys final : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace coroscope
