#pragma once

// The command line's plain print requests, run without Qt: `coroscope --print-timeline
// --scenario FILE` and the like start in a few milliseconds because the program that answers
// them links no GUI library (glibc loads every linked library at start, used or not).
//
// A plain request is exactly one of --print-timeline, --print-events or --print-figures and
// one scenario file (--scenario FILE, --scenario=FILE or FILE), nothing else. Anything else -
// the built-in scenario, other options, help, every usage error - is not recognised here, and
// a file that cannot be read is not reported here either: the full program answers those, so
// that its messages stay the only ones.

#include "model/scenario.h"

#include <optional>
#include <string>

namespace coroscope {

enum class PrintMode { Timeline, LoopEvents, Figures };

struct PrintRequest {
    PrintMode mode;
    std::string scenarioPath; // the bytes the shell passed, never empty
};

// argv as main receives it; nullopt unless it is a plain print request.
std::optional<PrintRequest> plainPrintRequest(int argc, const char* const argv[]);

// Writes the print of the scenario to standard output; the exit status (see exitstatus.h).
int printToStandardOutput(PrintMode mode, const Scenario& scenario);

// Reads the request's file and prints it; nullopt, having printed nothing, when the file
// cannot be read as a scenario or a recording.
std::optional<int> runPlainPrint(const PrintRequest& request);

} // namespace coroscope
