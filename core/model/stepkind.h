#pragma once

// What a step does to the event loop, as data. Every scenario has a table of kinds: the three
// built-in ones (cpu holds the loop, io and http only wait) first, then the wait kinds the
// scenario declares (a database, a cache, ...) with their own label, colour and limit. The
// scheduler, the file format, the CSV, the legend, the painter and the explanation all read
// the table, so a new wait kind needs no code; a new behaviour is one more KindBehaviour.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coroscope {

// A step's kind: its place in the scenario's KindTable.
struct StepKind {
    std::uint16_t index = 0;

    static const StepKind Cpu, Io, Http; // the built-in kinds, first in every table
    // (No <=>: its <compare> header is more than Qt's moc parses in the headers of ui/.)
    friend constexpr bool operator==(StepKind, StepKind) = default;
    friend constexpr bool operator<(StepKind a, StepKind b) { return a.index < b.index; }
};
inline constexpr StepKind StepKind::Cpu{0};
inline constexpr StepKind StepKind::Io{1};
inline constexpr StepKind StepKind::Http{2};
// The built-in kinds by their short names, for `using namespace builtin;` in scenario literals.
namespace builtin {
inline constexpr StepKind Cpu = StepKind::Cpu, Io = StepKind::Io, Http = StepKind::Http;
} // namespace builtin
inline constexpr std::array<StepKind, 3> kBuiltinKinds{StepKind::Cpu, StepKind::Io, StepKind::Http};

// Every kind but cpu leaves the loop free while its step lasts (cpu is the one kind that holds
// it; a table declares only waits).
inline constexpr bool isWait(StepKind kind) {
    return kind != StepKind::Cpu;
}

// How a kind meets the loop: holding it (cpu: nothing else runs), waiting without it (a
// resource, perhaps with a limit of slots), running on the thread pool, starting a task, or
// waiting for tasks to leave.
enum class KindBehaviour : std::uint8_t { HoldsLoop, Waits, Thread, Spawn, Join };

// 0xRRGGBB.
using Rgb = std::uint32_t;

struct KindSpec {
    std::string name;       // the file and CSV spelling: "cpu", "io", "db"
    std::string label;      // the legend's words: "Processing", "I/O Wait", "DB query"
    Rgb color = 0;          // the 135° gradient's first colour (top left) ...
    Rgb shade = 0;          // ... and its last
    std::int64_t limit = 0; // at most this many of its waits at once; 0 for no limit
    KindBehaviour behaviour = KindBehaviour::Waits;
    friend bool operator==(const KindSpec&, const KindSpec&) = default;
};

class KindTable {
public:
    static constexpr std::size_t kMaxKinds = 64;

    KindTable(); // the built-in kinds only

    std::size_t size() const { return kinds_.size(); }
    const KindSpec& operator[](StepKind kind) const { return kinds_[kind.index]; }
    std::optional<StepKind> find(std::string_view name) const;
    bool holdsLoop(StepKind kind) const {
        return kinds_[kind.index].behaviour == KindBehaviour::HoldsLoop;
    }
    KindBehaviour behaviour(StepKind kind) const { return kinds_[kind.index].behaviour; }
    // A kind whose steps take time on a row of their own (all but spawn).
    bool hasRows(StepKind kind) const { return behaviour(kind) != KindBehaviour::Spawn; }
    // A resource: a kind a task waits on (io, http, or the scenario's own).
    bool isResource(StepKind kind) const { return behaviour(kind) == KindBehaviour::Waits; }
    // Every kind in table order.
    std::vector<StepKind> all() const;
    // What the narration calls a wait of this kind: "I/O" ("I/O Wait" without its "Wait").
    std::string_view waitNoun(StepKind kind) const;

    // A wait kind of the scenario's own (its name new, at most kMaxKinds in all). No label: its
    // name; no colour: the next of a palette that stays clear of the built-in kinds' colours.
    StepKind declare(std::string name, std::string label = {}, std::optional<Rgb> color = {},
                     std::int64_t limit = 0);
    // The kind "thread", "spawn" or "join" (by behaviour), added after the others when the
    // table has none yet: only a scenario that uses them has them.
    StepKind ensure(KindBehaviour structural);
    // The kind of that behaviour, if the table has it.
    std::optional<StepKind> find(KindBehaviour structural) const;

    // Gives a kind another label, colour or limit (a declared io or http, say); an empty label
    // or no colour keeps the kind's own.
    void restyle(StepKind kind, std::string label, std::optional<Rgb> color, std::int64_t limit);
    // A declared resource's new name (the editor's; the rules judge it, see checkKinds).
    void rename(StepKind kind, std::string name);
    // Takes a kind of the scenario's own out of the table, or puts one back at its place: the
    // kinds after it move by one (scenarioedits.h renumbers the steps with them).
    void remove(StepKind kind);
    void insert(StepKind at, KindSpec spec);

    friend bool operator==(const KindTable&, const KindTable&) = default;

private:
    std::vector<KindSpec> kinds_;
};

// How the kind "thread", "spawn" or "join" looks (as ensure() adds it).
const KindSpec& structuralKind(KindBehaviour structural);

// The spelling of the kinds a resource may not be called (cpu and the three structural ones).
bool reservedKindName(std::string_view name);

// The colour declare() gives a kind without one of its own when `declared` kinds of the
// scenario's own came before it.
Rgb paletteColor(std::size_t declared);

// The table of a scenario that declares nothing.
const KindTable& builtinKinds();

// The gradient's far end for a colour of the user's: the same hue, a little darker.
Rgb shadeOf(Rgb color);

} // namespace coroscope
