#include "timeline/blockingcard.h"

#include <QCoreApplication>

namespace coroscope {

Scenario blockingCard(const Scenario& scenario) {
    Scenario card = scenario;
    card.title =
        QCoreApplication::translate("BlockingCard", "The same tasks, blocking").toStdString();
    card.subtitle = QCoreApplication::translate(
                        "BlockingCard",
                        "Each wait holds the CPU, as a blocking call does: one task after another")
                        .toStdString();
    return card;
}

QString asyncFinishCaption() {
    return QCoreApplication::translate("BlockingCard", "Async: done at %1");
}

QString blockingFinishCaption() {
    return QCoreApplication::translate("BlockingCard", "Blocking: done at %1");
}

} // namespace coroscope
