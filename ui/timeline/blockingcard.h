#pragma once

// The blocking comparison's card: its titling, the finish captions of both cards, and how it
// follows the bridge, shared by the window's pane and the picture exports so that both show
// the same.

#include "model/scenario.h"

#include <QString>

namespace coroscope {

class SchedulerBridge;
class TimelineScene;

// The blocking card's title ("The same tasks, blocking"), and the scenario titled as that card.
QString blockingCardTitle();
Scenario blockingCard(const Scenario& scenario);

// Shows in `card` the bridge's blocking run while it compares: on each new schedule the run's
// lanes on the shared axis, titled as the blocking card, in the window of time `windowOf`
// shows (the two cards show the same one); then the time as it moves.
void followBlocking(TimelineScene& card, SchedulerBridge& bridge, const TimelineScene& windowOf);

// The finish captions while comparing ("%1" is the time the run is done).
QString asyncFinishCaption();
QString blockingFinishCaption();

} // namespace coroscope
