#pragma once

#include "loop/scheduler.h"
#include "loop/segment.h"
#include "model/scenario.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace coroscope {

// The finished schedule: every segment, sorted by start, then task, then step (a step's time
// queued for a slot or a worker before the step itself).
struct Timeline {
    std::vector<Segment> segments;
    std::int64_t makespanMs = 0;
};

// Collects segments from a scheduler as they start (their end is known then), which is
// already in start order: take() only has to order tasks within equal start times.
class TimelineRecorder final : public SchedulerListener {
public:
    void segmentStarted(const Segment& segment) override { timeline_.segments.push_back(segment); }
    void segmentFinished(const Segment&) override {}
    void runFinished(std::int64_t endMs) override { timeline_.makespanMs = endMs; }
    // Room for this many segments (a scenario's totalSteps), so that recording never moves them.
    void reserve(std::size_t segments) { timeline_.segments.reserve(segments); }
    // Sorts and hands over what was recorded.
    Timeline take();

private:
    Timeline timeline_;
};

// Runs a (valid) scenario to the end on a fresh scheduler.
Timeline simulate(const Scenario& scenario);

// The order of the CSV and of every sorted list of segments.
bool startsBefore(const Segment& a, const Segment& b);

// How the CSVs write task names: as they are, byte for byte (for a file or a pipe), or, for
// a terminal, which would obey an escape sequence in a name, with their control characters
// shown as the messages show them (terminalSafe).
enum class CsvNames { Exact, Escaped };

// The --print-timeline contract: header task,kind,start_ms,end_ms, one row per segment.
void writeTimelineCsv(std::ostream& out, const Scenario& scenario, const Timeline& timeline,
                      CsvNames names = CsvNames::Exact);
// RFC 4180 quoting: only fields holding a comma, a quote or a control character (a line
// break among them) are quoted.
std::string csvField(const std::string& text);

// What --print-timeline and --print-events print, written while the scenario runs, so that no
// segment or decision is kept: the same bytes as writeTimelineCsv(out, scenario,
// simulate(scenario)) and writeLoopEventsCsv(out, scenario, simulateLoopEvents(scenario)).
// A failed write leaves out failed (and errno as that write left it).
void printTimelineCsv(std::ostream& out, const Scenario& scenario,
                      CsvNames names = CsvNames::Exact);
void printLoopEventsCsv(std::ostream& out, const Scenario& scenario,
                        CsvNames names = CsvNames::Exact);

// The rows of both CSVs, gathered in one large buffer that goes to out in big chunks (one
// write each). Each task's name is quoted once, not once per row. Flushes when it goes.
class CsvWriter {
public:
    static constexpr std::size_t kChunkBytes = 256 * 1024;

    CsvWriter(std::ostream& out, const Scenario& scenario, CsvNames names = CsvNames::Exact);
    ~CsvWriter();
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;
    struct Field; // a word between commas, copied in one move

    // Text as it is (the header).
    void text(std::string_view text);
    // task,kind,start_ms,end_ms
    void segment(const Segment& segment);
    // time_ms,event,task (task empty for idle)
    void loopEvent(const LoopEvent& event);
    // Hands what is gathered to out; after a failed write nothing more is written, and errno
    // is kept as that write left it.
    void flush();

private:
    // Room for n more bytes in the buffer (n <= kChunkBytes), flushing first when needed.
    char* room(std::size_t n);
    void name(std::size_t task);

    std::ostream& out_;
    std::unique_ptr<char[]> buffer_;
    std::size_t used_ = 0;
    int writeError_ = 0; // errno of the first failed write
    // Every task's CSV field side by side (with slack after the last one, so that a short name
    // can be copied in one fixed-size move), and where each starts and ends.
    std::string names_;
    std::vector<std::size_t> nameEnds_;
    std::vector<Field> kindFields_;                     // ",cpu," and the like, by StepKind
    std::vector<Field> queuedFields_;                   // ",http-slot,", by StepKind
    std::vector<std::array<Field, 2>> slotEventFields_; // ",http-slot-queued," and "-handed,"
};

} // namespace coroscope
