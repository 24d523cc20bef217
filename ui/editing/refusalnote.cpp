#include "editing/refusalnote.h"

#include "editing/scenariomodel.h"

#include <QTimer>
#include <QToolTip>

#include <utility>

namespace coroscope {

RefusalNote::RefusalNote(ScenarioModel* model, QWidget* parent)
    : QLabel(parent) {
    setWordWrap(true);
    setTextFormat(Qt::PlainText); // the message quotes names from the file
    setForegroundRole(QPalette::BrightText);
    setAccessibleName(tr("Why the edit was refused"));
    hide();
    for (auto changed : {&ScenarioModel::scenarioEdited, &ScenarioModel::scenarioReset})
        connect(model, changed, this, [this] {
            pending_.clear();
            clear();
            hide();
        });
    connect(model, &ScenarioModel::editRefused, this, [this](const QString& message) {
        pending_ = message; // shown by showRefusal, from the edit's own place
    });
}

void RefusalNote::showRefusal(QWidget* place, const QRect& where) {
    const QString message = std::exchange(pending_, QString());
    if (!message.isEmpty())
        showMessage(message, place, where);
}

void RefusalNote::showMessage(const QString& message, QWidget* place, const QRect& where) {
    setText(message);
    show();
    // After the editor has closed: the focus going back to the view would hide it at once.
    QTimer::singleShot(0, place, [place, where, message] {
        QToolTip::showText(place->mapToGlobal(where.bottomLeft()), message, place, where);
    });
}

} // namespace coroscope
