#pragma once

// The run in the Chrome Trace Event format, for Perfetto, chrome://tracing and other trace
// viewers: one thread per task, one complete ("X") event per segment, times in microseconds.

#include "loop/timeline.h"
#include "model/scenario.h"

#include <QByteArray>

namespace coroscope {

QByteArray chromeTrace(const Scenario& scenario, const Timeline& timeline);

} // namespace coroscope
