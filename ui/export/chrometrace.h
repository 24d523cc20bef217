#pragma once

// The run in the Chrome Trace Event format, for Perfetto, chrome://tracing and other trace
// viewers: one thread per task, one complete ("X") event per segment, times in microseconds.

#include "scenario.h"
#include "timeline.h"

#include <QByteArray>

namespace coroscope {

QByteArray chromeTrace(const Scenario& scenario, const Timeline& timeline);

} // namespace coroscope
