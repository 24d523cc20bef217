#include "timeline/blockingcard.h"

#include "bridge/schedulerbridge.h"
#include "timeline/timelinescene.h"

#include <QCoreApplication>
#include <QSignalBlocker>

#include <memory>

namespace coroscope {

QString blockingCardTitle() {
    return QCoreApplication::translate("BlockingCard", "The same tasks, blocking");
}

Scenario blockingCard(const Scenario& scenario) {
    Scenario card = scenario;
    card.title = blockingCardTitle().toStdString();
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

void followBlocking(TimelineScene& card, SchedulerBridge& bridge, const TimelineScene& windowOf) {
    // The blocking run comes just before each schedule: null when not comparing.
    auto lanes = std::make_shared<std::shared_ptr<const Lanes>>();
    QObject::connect(&bridge, &SchedulerBridge::blockingChanged, &card,
                     [lanes](std::shared_ptr<const Lanes> run) { *lanes = std::move(run); });
    QObject::connect(&bridge, &SchedulerBridge::scenarioChanged, &card,
                     [&card, &windowOf, lanes](const Scenario& scenario,
                                               std::shared_ptr<const Lanes>, double axisEnd) {
                         if (!*lanes)
                             return;
                         {
                             // Its own fitting must not move the other card's window: it takes that
                             // one.
                             const QSignalBlocker quiet(&card);
                             card.showScenario(blockingCard(scenario), *lanes, axisEnd);
                         }
                         card.setWindow(windowOf.window());
                     });
    QObject::connect(&bridge, &SchedulerBridge::timeAdvanced, &card, &TimelineScene::advanceTo);
    QObject::connect(&bridge, &SchedulerBridge::cycleRestarted, &card,
                     &TimelineScene::clearSegments);
}

} // namespace coroscope
