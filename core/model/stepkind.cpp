#include "model/stepkind.h"

namespace coroscope {

std::string_view kindName(StepKind kind) {
    switch (kind) {
    case StepKind::Cpu:
        return "cpu";
    case StepKind::Io:
        return "io";
    case StepKind::Http:
        return "http";
    }
    return "cpu";
}

std::optional<StepKind> kindFromName(std::string_view name) {
    for (StepKind kind : kAllStepKinds) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

std::string_view kindLabel(StepKind kind) {
    switch (kind) {
    case StepKind::Cpu:
        return "Processing";
    case StepKind::Io:
        return "I/O Wait";
    case StepKind::Http:
        return "HTTP Wait";
    }
    return "Processing";
}

} // namespace coroscope
