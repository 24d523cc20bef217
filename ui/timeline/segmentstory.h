#pragma once

// What hovering a segment of a version 2 run says beyond its kind and times: whom a join waits
// for and who left last, how long a step queued for a slot (or a worker) and who held them
// meanwhile, that thread time leaves the loop free, and which slot a limited wait holds.

#include "loop/segment.h"
#include "model/stepkind.h"
#include "view/lanes.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <span>

namespace coroscope {

struct RunContext {
    const KindTable& kinds;
    const QStringList& names; // by task
    const Lanes& lanes;
    std::int64_t threads = 0;              // the pool's workers
    std::span<const std::uint32_t> joined; // a join's tasks (empty for other segments)
};

// The whole hover text of a segment: describeSegment's for a plain one, with a line of its
// story where it has one.
QString describeRunSegment(const Segment& segment, const RunContext& run);

// The tasks other than `task` that spend part of [fromMs, toMs) in a (not queued) segment of a
// kind: who held its slots, or the pool's workers, meanwhile. In task order.
std::vector<std::size_t> holdersDuring(const Lanes& lanes, StepKind kind, std::size_t task,
                                       std::int64_t fromMs, std::int64_t toMs);

} // namespace coroscope
