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
        .kinds = {{
            {QColor(0x42, 0xa5, 0xf5), QColor(0x47, 0x8e, 0xd1)},
            {QColor(0xff, 0xa7, 0x26), QColor(0xfb, 0x8c, 0x00)},
            {QColor(0xef, 0x53, 0x50), QColor(0xe5, 0x39, 0x35)},
        }},
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
        .kinds = Theme::light().kinds,
    };
    return theme;
}

KindColors kindColors(StepKind kind) {
    return Theme::light().kindColors(kind);
}

QFont font(double pixelSize, bool medium) {
    QFont f(QStringLiteral("Roboto"));
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(int(pixelSize));
    f.setWeight(medium ? QFont::Medium : QFont::Normal);
    return f;
}

} // namespace coroscope::style
