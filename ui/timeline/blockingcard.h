#pragma once

// The blocking comparison's card: its titling and the finish captions of both cards, shared by
// the window's pane and the picture exports so that both say the same.

#include "scenario.h"

#include <QString>

namespace coroscope {

// The scenario titled as the blocking card ("The same tasks, blocking").
Scenario blockingCard(const Scenario& scenario);

// The finish captions while comparing ("%1" is the time the run is done).
QString asyncFinishCaption();
QString blockingFinishCaption();

} // namespace coroscope
