#pragma once

// Core value types carried by queued signals and QSignalSpy.

#include "asyncio/measuredrun.h"
#include "explain/explain.h"
#include "loop/loopevent.h"
#include "loop/segment.h"
#include "model/scenario.h"
#include "view/lanes.h"

#include <QMetaType>

#include <memory>

Q_DECLARE_METATYPE(coroscope::Segment)
Q_DECLARE_METATYPE(coroscope::Scenario)
Q_DECLARE_METATYPE(coroscope::LoopEvent)
Q_DECLARE_METATYPE(std::shared_ptr<const coroscope::Lanes>)
Q_DECLARE_METATYPE(std::shared_ptr<const coroscope::Explanation>)
Q_DECLARE_METATYPE(std::shared_ptr<const coroscope::MeasuredRun>)
