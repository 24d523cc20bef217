#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace coroscope {

// What a step does to the event loop: cpu holds it, io and http only wait.
enum class StepKind { Cpu, Io, Http };

inline constexpr std::array<StepKind, 3> kAllStepKinds{StepKind::Cpu, StepKind::Io, StepKind::Http};

// The file and CSV spelling: "cpu", "io", "http".
std::string_view kindName(StepKind kind);
std::optional<StepKind> kindFromName(std::string_view name);
// The legend's words: "Processing", "I/O Wait", "HTTP Wait".
std::string_view kindLabel(StepKind kind);

inline bool isWait(StepKind kind) {
    return kind != StepKind::Cpu;
}

} // namespace coroscope
