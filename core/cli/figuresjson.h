#pragma once

#include "loop/figures.h"

#include <string>

namespace coroscope {

// The --print-figures object, one compact line without its newline: cpu_busy_ms,
// cpu_busy_pct, makespan_ms, segments, sequential_ms, speedup, tasks, and for version 2 the
// latencies and queue peaks; keys in byte order and numbers in their shortest exact form, as
// Qt's JSON writer wrote it when the print needed Qt.
std::string figuresJson(const Figures& figures);

} // namespace coroscope
