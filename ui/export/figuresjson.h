#pragma once

#include "loop/figures.h"

#include <QByteArray>

namespace coroscope {

// The --print-figures object: makespan_ms, cpu_busy_ms, cpu_busy_pct, sequential_ms,
// speedup, tasks, segments (one compact line).
QByteArray figuresJson(const Figures& figures);

} // namespace coroscope
