#include "loop/timeline.h"

#include "model/usertext.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <ostream>
#include <utility>

namespace coroscope {

namespace {

// startsBefore within one start time.
struct TaskThenStep {
    bool operator()(const Segment& a, const Segment& b) const {
        if (a.task != b.task)
            return a.task < b.task;
        return a.step != b.step ? a.step < b.step : a.queued > b.queued; // queued first
    }
};

// The full order, for rows that were reported after they began.
struct StartThenTaskThenStep {
    bool operator()(const Segment& a, const Segment& b) const {
        return a.start != b.start ? a.start < b.start : TaskThenStep{}(a, b);
    }
};

// Sorts segments that share one start time; most runs are in order already.
void sortRun(std::vector<Segment>::iterator begin, std::vector<Segment>::iterator end) {
    if (!std::is_sorted(begin, end, TaskThenStep{}))
        std::sort(begin, end, TaskThenStep{});
}

bool needsQuotes(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return c == ',' || c == '"' || byte < 0x20 || byte == 0x7F;
    });
}

void appendCsvField(std::string& out, std::string_view text) {
    if (!needsQuotes(text)) {
        out.append(text);
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

// A short name is copied in one move of this many bytes.
constexpr std::size_t kShortName = 16;
// Room for a row without its task name: two numbers of up to 20 characters, a Field, a newline.
constexpr std::size_t kRowBytes = 112;

} // namespace

// ",cpu," and the like: a word of the CSV between its commas, in a fixed-size slot so that it is
// copied in one move.
struct CsvWriter::Field {
    char text[48] = {}; // a kind's name is at most 32 bytes (model/scenariorules.h)
    std::size_t size = 0;
};

namespace {

using Field = CsvWriter::Field;

Field between(std::string_view word) {
    Field field;
    assert(word.size() + 2 <= sizeof field.text);
    field.text[0] = ',';
    std::memcpy(field.text + 1, word.data(), word.size());
    field.text[word.size() + 1] = ',';
    field.size = word.size() + 2;
    return field;
}

// The words as loopEventName() spells them, by the enum's values.
const auto kEventFields = [] {
    std::array<Field, std::size_t(LoopEventKind::Queued) + 1> fields;
    for (std::size_t kind = 0; kind < fields.size(); ++kind)
        fields[kind] = between(loopEventName(LoopEventKind(kind)));
    return fields;
}();

char* put(char* at, const Field& field) {
    std::memcpy(at, field.text, sizeof field.text);
    return at + field.size;
}

// Two decimal digits at a time, as std::to_chars writes them; the length comes first, from the
// value's bit length, so that each digit is written once, in place.
constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233"
    "34353637383940414243444546474849505152535455565758596061626364656667"
    "6869707172737475767778798081828384858687888990919293949596979899";

// 10^0 to 10^19, every power of ten a std::uint64_t holds.
constexpr auto kPowersOfTen = [] {
    std::array<std::uint64_t, 20> powers{};
    std::uint64_t power = 1;
    for (std::uint64_t& p : powers) {
        p = power;
        power *= 10; // wraps after the last one, which is not kept
    }
    return powers;
}();

// How many decimal digits value (above 0) has: the bit length gives it exactly or one short.
int decimalDigits(std::uint64_t value) {
    const int guess = (int(std::bit_width(value)) * 1233) >> 12; // log10(2) ≈ 1233 / 4096
    return guess + (value >= kPowersOfTen[std::size_t(guess)] ? 1 : 0);
}

char* putNumber(char* at, std::int64_t value) {
    if (value < 0)
        return std::to_chars(at, at + 20, value).ptr;
    auto rest = static_cast<std::uint64_t>(value);
    char* const end = at + (rest == 0 ? 1 : decimalDigits(rest));
    char* out = end;
    while (rest >= 100) {
        out -= 2;
        std::memcpy(out, kDigitPairs + (rest % 100) * 2, 2);
        rest /= 100;
    }
    if (rest >= 10) {
        out -= 2;
        std::memcpy(out, kDigitPairs + rest * 2, 2);
    } else {
        *--out = char('0' + rest);
    }
    return end;
}

} // namespace

bool startsBefore(const Segment& a, const Segment& b) {
    if (a.start != b.start)
        return a.start < b.start;
    return TaskThenStep{}(a, b);
}

Timeline TimelineRecorder::take() {
    auto& segments = timeline_.segments;
    const auto byStart = [](const Segment& a, const Segment& b) { return a.start < b.start; };
    if (!std::is_sorted(segments.begin(), segments.end(), byStart)) // queued rows, joins
        std::sort(segments.begin(), segments.end(), StartThenTaskThenStep{});
    for (auto run = segments.begin(); run != segments.end();) {
        const std::int64_t start = run->start;
        auto runEnd = run + 1;
        while (runEnd != segments.end() && runEnd->start == start)
            ++runEnd;
        sortRun(run, runEnd);
        run = runEnd;
    }
    return std::exchange(timeline_, {});
}

Timeline simulate(const Scenario& scenario) {
    TimelineRecorder recorder;
    recorder.reserve(totalSteps(scenario));
    playToEnd(scenario, recorder);
    return recorder.take();
}

std::string csvField(const std::string& text) {
    std::string field;
    appendCsvField(field, text);
    return field;
}

// ---- Writing -------------------------------------------------------------------------------

CsvWriter::CsvWriter(std::ostream& out, const Scenario& scenario, CsvNames names)
    : out_(out)
    , buffer_(std::make_unique_for_overwrite<char[]>(kChunkBytes)) {
    std::size_t bytes = kShortName;
    for (const Task& task : scenario.tasks)
        bytes += task.name.size();
    names_.reserve(bytes);
    nameEnds_.reserve(scenario.tasks.size() + 1);
    nameEnds_.push_back(0);
    for (const Task& task : scenario.tasks) {
        if (names == CsvNames::Escaped)
            names_ += terminalSafe(csvField(task.name)); // quoted as in a file, then made inert
        else
            appendCsvField(names_, task.name);
        nameEnds_.push_back(names_.size());
    }
    names_.append(kShortName, '\0');
    for (std::size_t kind = 0; kind < scenario.kinds.size(); ++kind) {
        const std::string& word = scenario.kinds[StepKind{std::uint16_t(kind)}].name;
        assert(!needsQuotes(word));
        kindFields_.push_back(between(word));
        queuedFields_.push_back(between(word + "-slot"));
        slotEventFields_.push_back(
            {between(word + "-slot-queued"), between(word + "-slot-handed")});
    }
}

CsvWriter::~CsvWriter() {
    flush();
}

void CsvWriter::flush() {
    if (used_ > 0 && !writeError_) {
        errno = 0;
        out_.write(buffer_.get(), std::streamsize(used_));
        if (!out_)
            writeError_ = errno != 0 ? errno : EIO;
    }
    used_ = 0;
    if (writeError_)
        errno = writeError_; // what the caller's message names, whatever ran since
}

char* CsvWriter::room(std::size_t n) {
    if (kChunkBytes - used_ < n)
        flush();
    return buffer_.get() + used_;
}

void CsvWriter::text(std::string_view text) {
    while (!text.empty()) {
        const std::size_t part = std::min(text.size(), kChunkBytes);
        char* at = room(part);
        std::memcpy(at, text.data(), part);
        used_ += part;
        text.remove_prefix(part);
    }
}

void CsvWriter::name(std::size_t task) {
    const std::size_t begin = nameEnds_[task];
    const std::size_t size = nameEnds_[task + 1] - begin;
    if (size <= kShortName) {
        // names_ has slack after its last name, and room() leaves room for the whole row.
        std::memcpy(room(kShortName + kRowBytes), names_.data() + begin, kShortName);
        used_ += size;
    } else {
        text(std::string_view(names_).substr(begin, size));
    }
}

void CsvWriter::segment(const Segment& s) {
    name(s.task);
    char* at = room(kRowBytes);
    at = put(at, (s.queued ? queuedFields_ : kindFields_)[s.kind.index]);
    at = putNumber(at, s.start);
    *at++ = ',';
    at = putNumber(at, s.end);
    *at++ = '\n';
    used_ = std::size_t(at - buffer_.get());
}

void CsvWriter::loopEvent(const LoopEvent& e) {
    char* at = room(kRowBytes);
    at = putNumber(at, e.time);
    if (e.kind == LoopEventKind::SlotQueued || e.kind == LoopEventKind::SlotHanded)
        at = put(at, slotEventFields_[e.resource.index][e.kind == LoopEventKind::SlotHanded]);
    else
        at = put(at, kEventFields[std::size_t(e.kind)]);
    used_ = std::size_t(at - buffer_.get());
    if (e.task != LoopEvent::kNoTask)
        name(e.task);
    *room(1) = '\n';
    ++used_;
}

void writeTimelineCsv(std::ostream& out, const Scenario& scenario, const Timeline& timeline,
                      CsvNames names) {
    CsvWriter csv(out, scenario, names);
    csv.text("task,kind,start_ms,end_ms\n");
    for (const Segment& s : timeline.segments)
        csv.segment(s);
}

// ---- Printing while the scenario runs ------------------------------------------------------

namespace {

// Writes each run of segments that start together once the next start comes, sorted.
class TimelinePrinter final : public SchedulerListener {
public:
    explicit TimelinePrinter(CsvWriter& csv)
        : csv_(csv) {}
    void segmentStarted(const Segment& segment) override {
        if (!run_.empty() && run_.front().start != segment.start)
            writeRun();
        run_.push_back(segment);
    }
    void segmentFinished(const Segment&) override {}
    void runFinished(std::int64_t) override { writeRun(); }

private:
    void writeRun() {
        sortRun(run_.begin(), run_.end());
        for (const Segment& s : run_)
            csv_.segment(s);
        run_.clear();
    }

    CsvWriter& csv_;
    std::vector<Segment> run_;
};

class LoopEventPrinter final : public SchedulerListener {
public:
    explicit LoopEventPrinter(CsvWriter& csv)
        : csv_(csv) {}
    void segmentStarted(const Segment&) override {}
    void segmentFinished(const Segment&) override {}
    void runFinished(std::int64_t) override {}
    void loopEvent(const LoopEvent& event) override { csv_.loopEvent(event); }

private:
    CsvWriter& csv_;
};

} // namespace

void printTimelineCsv(std::ostream& out, const Scenario& scenario, CsvNames names) {
    if (formatVersion(scenario) > 1) { // rows come when they end too: sorted once at the end
        writeTimelineCsv(out, scenario, simulate(scenario), names);
        return;
    }
    CsvWriter csv(out, scenario, names);
    csv.text("task,kind,start_ms,end_ms\n");
    TimelinePrinter printer(csv);
    playToEnd(scenario, printer);
}

void printLoopEventsCsv(std::ostream& out, const Scenario& scenario, CsvNames names) {
    CsvWriter csv(out, scenario, names);
    csv.text("time_ms,event,task\n");
    LoopEventPrinter printer(csv);
    playToEnd(scenario, printer);
}

} // namespace coroscope
