#pragma once

// Core value types carried by queued signals and QSignalSpy.

#include "explain.h"
#include "lanes.h"
#include "loopevent.h"
#include "measuredrun.h"
#include "scenario.h"
#include "segment.h"

#include <QMetaType>

#include <memory>

Q_DECLARE_METATYPE(coroscope::Segment)
Q_DECLARE_METATYPE(coroscope::Scenario)
Q_DECLARE_METATYPE(coroscope::LoopEvent)
Q_DECLARE_METATYPE(std::shared_ptr<const coroscope::Lanes>)
Q_DECLARE_METATYPE(std::shared_ptr<const coroscope::Explanation>)
Q_DECLARE_METATYPE(std::shared_ptr<const coroscope::MeasuredRun>)
