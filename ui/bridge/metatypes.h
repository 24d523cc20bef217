#pragma once

// Core value types carried by queued signals and QSignalSpy.

#include "loopevent.h"
#include "scenario.h"
#include "segment.h"

#include <QMetaType>

Q_DECLARE_METATYPE(coroscope::Segment)
Q_DECLARE_METATYPE(coroscope::Scenario)
Q_DECLARE_METATYPE(coroscope::LoopEvent)
