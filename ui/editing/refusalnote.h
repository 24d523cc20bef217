#pragma once

// Where a refused edit says why: the rule's message in a line under the part of the panel
// that made the edit, and as a tip at the very cell or button. The next edit that goes
// through clears it.

#include <QLabel>

namespace coroscope {

class ScenarioModel;

class RefusalNote : public QLabel {
    Q_OBJECT
public:
    RefusalNote(ScenarioModel* model, QWidget* parent);
    // Shows the message of the edit just refused at `place` (a widget and a rectangle in it);
    // nothing if it broke no rule (an edit that cannot be made there at all).
    void showRefusal(QWidget* place, const QRect& where);
    // A message of the editor's own (text that is no value at all).
    void showMessage(const QString& message, QWidget* place, const QRect& where);

private:
    QString pending_; // the last refusal, until shown
};

} // namespace coroscope
