#pragma once

// The run in the Chrome Trace Event format, for Perfetto, chrome://tracing and other trace
// viewers: one thread per task, one complete ("X") event per segment (its kind's name as its
// category, "db-slot" for the time queued for a slot), a flow event pair per spawn and join
// arrow (view/flowarrows), times in microseconds.

#include "loop/timeline.h"
#include "model/result.h"
#include "model/scenario.h"

class QIODevice;

namespace coroscope {

// Written as it goes, an event at a time, in the bytes QJsonDocument's compact form has: a
// big run's document is never held in memory. A write the device refuses fails with its
// errorString().
Result<void> writeChromeTrace(QIODevice& device, const Scenario& scenario,
                              const Timeline& timeline);

} // namespace coroscope
