#include "model/stepkind.h"

#include <cassert>

namespace coroscope {

namespace {

// Declared kinds' colours, in turn: hues far from the blue, orange and red of the built-ins.
constexpr std::array<Rgb, 8> kPalette{0x8e24aa, 0x00897b, 0x43a047, 0x6d4c41,
                                      0x3949ab, 0xd81b60, 0x7cb342, 0x546e7a};

constexpr std::string_view kWaitSuffix = " Wait";

} // namespace

// The kinds only a version 2 scenario uses, with their fixed look.
const KindSpec& structuralKind(KindBehaviour behaviour) {
    static const std::array<KindSpec, 3> specs{{
        {"thread", "Thread pool", 0x26c6da, shadeOf(0x26c6da), 0, KindBehaviour::Thread},
        {"spawn", "Spawn", 0x9e9e9e, shadeOf(0x9e9e9e), 0, KindBehaviour::Spawn},
        {"join", "Joining", 0xbdbdbd, shadeOf(0xbdbdbd), 0, KindBehaviour::Join},
    }};
    switch (behaviour) {
    case KindBehaviour::Thread:
        return specs[0];
    case KindBehaviour::Spawn:
        return specs[1];
    default:
        assert(behaviour == KindBehaviour::Join);
        return specs[2];
    }
}

KindTable::KindTable()
    : kinds_{
          {"cpu", "Processing", 0x42a5f5, 0x478ed1, 0, KindBehaviour::HoldsLoop},
          {"io", "I/O Wait", 0xffa726, 0xfb8c00, 0, KindBehaviour::Waits},
          {"http", "HTTP Wait", 0xef5350, 0xe53935, 0, KindBehaviour::Waits},
      } {}

std::optional<StepKind> KindTable::find(std::string_view name) const {
    for (std::size_t i = 0; i < kinds_.size(); ++i)
        if (kinds_[i].name == name)
            return StepKind{std::uint16_t(i)};
    return std::nullopt;
}

std::optional<StepKind> KindTable::find(KindBehaviour structural) const {
    for (std::size_t i = kBuiltinKinds.size(); i < kinds_.size(); ++i)
        if (kinds_[i].behaviour == structural)
            return StepKind{std::uint16_t(i)};
    return std::nullopt;
}

StepKind KindTable::ensure(KindBehaviour structural) {
    if (auto kind = find(structural))
        return *kind;
    assert(kinds_.size() < kMaxKinds);
    kinds_.push_back(structuralKind(structural));
    return StepKind{std::uint16_t(kinds_.size() - 1)};
}

bool reservedKindName(std::string_view name) {
    return name == "cpu" || name == "thread" || name == "spawn" || name == "join";
}

std::vector<StepKind> KindTable::all() const {
    std::vector<StepKind> kinds;
    for (std::size_t i = 0; i < kinds_.size(); ++i)
        kinds.push_back(StepKind{std::uint16_t(i)});
    return kinds;
}

std::string_view KindTable::waitNoun(StepKind kind) const {
    std::string_view label = kinds_[kind.index].label;
    if (label.size() > kWaitSuffix.size() && label.ends_with(kWaitSuffix))
        label.remove_suffix(kWaitSuffix.size());
    return label;
}

StepKind KindTable::declare(std::string name, std::string label, std::optional<Rgb> color,
                            std::int64_t limit) {
    assert(!find(name) && kinds_.size() < kMaxKinds);
    std::size_t declared = 0;
    for (std::size_t i = kBuiltinKinds.size(); i < kinds_.size(); ++i)
        declared += kinds_[i].behaviour == KindBehaviour::Waits;
    const Rgb shown = color.value_or(paletteColor(declared));
    if (label.empty())
        label = name;
    kinds_.push_back(
        {std::move(name), std::move(label), shown, shadeOf(shown), limit, KindBehaviour::Waits});
    return StepKind{std::uint16_t(kinds_.size() - 1)};
}

void KindTable::restyle(StepKind kind, std::string label, std::optional<Rgb> color,
                        std::int64_t limit) {
    KindSpec& spec = kinds_[kind.index];
    if (!label.empty())
        spec.label = std::move(label);
    if (color) {
        spec.color = *color;
        spec.shade = shadeOf(*color);
    }
    spec.limit = limit;
}

void KindTable::rename(StepKind kind, std::string name) {
    assert(kind.index >= kBuiltinKinds.size());
    kinds_[kind.index].name = std::move(name);
}

void KindTable::remove(StepKind kind) {
    assert(kind.index >= kBuiltinKinds.size() && kind.index < kinds_.size());
    kinds_.erase(kinds_.begin() + kind.index);
}

void KindTable::insert(StepKind at, KindSpec spec) {
    assert(at.index >= kBuiltinKinds.size() && at.index <= kinds_.size() &&
           kinds_.size() < kMaxKinds);
    kinds_.insert(kinds_.begin() + at.index, std::move(spec));
}

Rgb paletteColor(std::size_t declared) {
    return kPalette[declared % kPalette.size()];
}

const KindTable& builtinKinds() {
    static const KindTable table;
    return table;
}

Rgb shadeOf(Rgb color) {
    // About the built-ins' own step: each channel down by a tenth.
    Rgb shade = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
        const Rgb channel = (color >> shift) & 0xff;
        shade |= (channel * 9 / 10) << shift;
    }
    return shade;
}

} // namespace coroscope
