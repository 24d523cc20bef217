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
        // Kept for showRefusal, which the edit's own place calls at once; by the next turn of
        // the event loop it is stale (another part of the panel made the edit).
        pending_ = message;
        QTimer::singleShot(0, this, [this] { pending_.clear(); });
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
