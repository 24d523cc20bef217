#pragma once

// A recording of a scenario run under real asyncio: the Chrome trace that the Python program
// Coroscope exports writes with --trace (see the README for its fields). Reading it derives the
// scenario that ran (the tasks, and the steps with their nominal kinds and durations) and keeps
// what was measured, for the window to draw over the model's timeline. Like a scenario file, a
// recording is refused whole, with one message naming the place ("traceEvents[7].args.ms") and
// the rule, and the derived scenario keeps every rule of core/scenariorules.

#include "asyncio/measuredrun.h"
#include "format/filebytes.h"
#include "model/progress.h"
#include "model/result.h"
#include "model/scenario.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace coroscope {

inline constexpr std::string_view kRecordingFormat = "coroscope-recording";
// Version 1: cpu, io and http steps; version 2 adds the pool's size, the table of kinds, arrivals,
// the time queued for a slot or a worker, spawns and joins; version 3 is what the recorder
// (python/coroscope_record) writes of any asyncio program: version 2's shape, with each wait's
// dur measured (until its wake-up was queued) rather than its nominal ms × 1000 (see the README).
inline constexpr int kRecordingVersion = 3;
// The latest time a recording may name, in µs since its time 0: above the longest run the caps
// allow (a million steps of a day each, one after another: 8.64e16 µs).
inline constexpr double kMaxRecordedUs = 1e17;

// The largest recording read: 1 GiB. It covers the largest the exported program writes within
// the scenario caps, worked out on its output (json.dumps, ", " and ": " between items): a
// million steps, each timed (440 bytes at most: a 200-byte label, a 32-byte kind, the widest
// numbers) and queued for a slot (396 bytes), and 100,000 tasks' names of 200 control
// characters, each escaped in 6 bytes (1,404 bytes a task with its sort index): 976,400,000
// bytes, 931 MiB. Labels are counted as their bytes, not escaped: a label of control characters
// repeated in every event is past the cap. A million steps of the built-in kinds record about
// 189 MB, above a scenario file's kMaxFileBytes: that is why a recording has a cap of its own.
inline constexpr std::uint64_t kMaxRecordingBytes = 1024ull * 1024 * 1024;

// What a Chrome trace that is not a recording is refused with.
inline constexpr std::string_view kNotARecording =
    "this is a Chrome trace but not a recording of a Coroscope asyncio program (export one with "
    "--export-asyncio and run it with --trace)";

struct Recording {
    Scenario scenario; // as the recorded program ran it: the model to compare with
    MeasuredRun measured;
};

// Parses a recording; never half-loads. Messages have no path. progress, if given, hears 0, then
// how far the parse has come (every 1,024 events), then 1; once it says stop, the parse fails
// with cancelled(). A recording of a program that called asyncio.run several times (its
// otherData.runs) gives one Recording per run, in order: each with that run's tasks (and the
// loop work of no task clipped to the run's time), numbered from 1, its times from the run's
// start. Any other gives one.
Result<std::vector<Recording>> parseRecordingRuns(std::string_view json,
                                                  const Progress& progress = {});
// The same for a file's bytes (not copied); progress hears kReadShare to 1.
Result<std::vector<Recording>> parseRecordingRuns(const FileBytes& bytes,
                                                  const Progress& progress = {});
// The first run of a recording (see parseRecordingRuns).
Result<Recording> parseRecording(std::string_view json, const Progress& progress = {});

// Whether the bytes are a JSON object with "traceEvents" at its top: a Chrome trace, which
// parseRecording takes (and refuses with kNotARecording when it is not a recording). Costs a
// scenario file little more than a search of its bytes.
bool isChromeTrace(const FileBytes& bytes);

} // namespace coroscope
