#include "timeline/timelinestyle.h"

namespace coroscope::style {

namespace {

QColor black(double alpha) {
    return QColor(0, 0, 0, int(alpha * 255));
}

} // namespace

const Theme& Theme::light() {
    static const Theme theme{
        .page = Qt::white,
        .card = Qt::white,
        .cardBorder = QColor(0xe6, 0xe6, 0xe6),
        .title = QColor(0x22, 0x22, 0x22),
        .mutedText = kMutedText,
        .rowLabel = QColor(0x33, 0x33, 0x33),
        .rule = QColor(0xee, 0xee, 0xee),
        .track = QColor(0xf6, 0xf6, 0xf6),
        .cardShadow = black(0.06),
        .segmentShadow = black(0.08),
        .swatchShadow = black(0.06),
    };
    return theme;
}

const Theme& Theme::dark() {
    // The card a step lighter than the page, as dark surfaces show height; shadows on a dark
    // page need more opacity to show at all, yet stay soft.
    static const Theme theme{
        .page = QColor(0x12, 0x12, 0x12),
        .card = QColor(0x1e, 0x1e, 0x1e),
        .cardBorder = QColor(0x2e, 0x2e, 0x2e),
        .title = QColor(0xec, 0xec, 0xec),
        .mutedText = QColor(0xa0, 0xa0, 0xa0),
        .rowLabel = QColor(0xd6, 0xd6, 0xd6),
        .rule = QColor(0x33, 0x33, 0x33),
        .track = QColor(0x2a, 0x2a, 0x2a),
        .cardShadow = black(0.35),
        .segmentShadow = black(0.30),
        .swatchShadow = black(0.25),
    };
    return theme;
}

KindColors kindColors(const KindSpec& kind) {
    return {QColor::fromRgb(kind.color), QColor::fromRgb(kind.shade)};
}

std::vector<KindColors> kindPalette(const KindTable& kinds) {
    std::vector<KindColors> palette;
    for (StepKind kind : kinds.all())
        palette.push_back(kindColors(kinds[kind]));
    return palette;
}

QFont font(double pixelSize, bool medium) {
    QFont f(QStringLiteral("Roboto"));
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(int(pixelSize));
    f.setWeight(medium ? QFont::Medium : QFont::Normal);
    return f;
}

} // namespace coroscope::style
