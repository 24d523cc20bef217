#include "timeline/timelinestyle.h"

namespace coroscope::style {

KindColors kindColors(StepKind kind) {
    switch (kind) {
    case StepKind::Cpu:
        return {QColor(0x42, 0xa5, 0xf5), QColor(0x47, 0x8e, 0xd1)};
    case StepKind::Io:
        return {QColor(0xff, 0xa7, 0x26), QColor(0xfb, 0x8c, 0x00)};
    case StepKind::Http:
        return {QColor(0xef, 0x53, 0x50), QColor(0xe5, 0x39, 0x35)};
    }
    return {};
}

QFont font(double pixelSize, bool medium) {
    QFont f(QStringLiteral("Roboto"));
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(int(pixelSize));
    f.setWeight(medium ? QFont::Medium : QFont::Normal);
    return f;
}

} // namespace coroscope::style
