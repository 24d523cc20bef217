#include "timeline/axisitem.h"

#include "bridge/qtext.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace coroscope {

using namespace style;

namespace {

// The least room between two labels: closer, they read as one.
constexpr double kLabelGap = 6;

// 1, 2, 5, 10, 20, 50, …: the one after stride.
long nextStride(long stride) {
    long power = 1;
    while (power * 10 <= stride)
        power *= 10;
    const long digit = stride / power;
    return (digit == 1 ? 2 : digit == 2 ? 5 : 10) * power;
}

// Every label, or every second, fifth, tenth, … (counted in steps from 0, so that a label
// stays put while the window pans), the first of these strides whose labels keep apart: a
// narrow card labels fewer of the ticks rather than printing them over each other. A stride
// that leaves one label or none keeps one.
std::vector<SceneText> spacedOut(const std::vector<SceneText>& all, const TickSet& ticks) {
    for (long stride = 1;; stride = nextStride(stride)) {
        std::vector<SceneText> kept;
        for (std::size_t i = 0; i < all.size(); ++i)
            if (std::lround(ticks.ticks[i] / ticks.step) % stride == 0)
                kept.push_back(all[i]);
        if (kept.size() <= 1)
            return kept.empty() && !all.empty() ? std::vector<SceneText>{all.front()} : kept;
        const auto touching = std::adjacent_find(
            kept.begin(), kept.end(), [](const SceneText& left, const SceneText& right) {
                return right.rect.left() - left.rect.right() < kLabelGap;
            });
        if (touching == kept.end())
            return kept;
    }
}

} // namespace

AxisItem::AxisItem(const TimelineScene& scene)
    : scene_(scene) {}

std::vector<SceneText> AxisItem::labels() const {
    const TimelineLayout& layout = scene_.layout();
    const QFont font = style::font(kAxisLabelSize);
    const QFontMetricsF metrics(font);
    const QColor color = themeOf(this).mutedText;
    const TickSet& ticks = scene_.ticks();
    std::vector<SceneText> labels;
    labels.reserve(ticks.ticks.size());
    for (std::size_t i = 0; i < ticks.ticks.size(); ++i) {
        const double tick = ticks.ticks[i];
        const QString text = toQString(ticks.labels[i]);
        // Centred exactly over its time on the tracks.
        const double x = layout.xAt(tick, scene_.window());
        const double w = metrics.horizontalAdvance(text) + 2;
        labels.push_back(
            {TextItem::Role::AxisLabel,
             QRectF(x - w / 2, layout.axisLabelTop + scene_.rulerOffset(), w, kAxisLabelLine), text,
             font, color, Qt::AlignHCenter});
    }
    labels = spacedOut(labels, ticks);
    if (std::optional<SceneText> title = pinnedTitle())
        labels.push_back(std::move(*title));
    return labels;
}

std::optional<SceneText> AxisItem::pinnedTitle() const {
    const TimelineLayout& layout = scene_.layout();
    const QString title = scene_.cardTitle();
    if (!scene_.titleScrolledAway() || title.isEmpty() || layout.rowLabelWidth <= 0)
        return std::nullopt;
    // In the row labels' column, on the tick labels' line: the card's own heading has
    // scrolled away, and with two cards compared this is what tells them apart.
    const QFont font = style::font(kAxisLabelSize, true);
    const double width = layout.rowLabelWidth;
    const QString shown = QFontMetricsF(font).elidedText(title, Qt::ElideRight, width);
    return SceneText{TextItem::Role::Title,
                     QRectF(layout.rowLabelLeft, layout.axisLabelTop + scene_.rulerOffset(), width,
                            kAxisLabelLine),
                     shown,
                     font,
                     themeOf(this).title,
                     Qt::AlignLeft};
}

void AxisItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const style::Theme& theme = themeOf(this);
    const TimelineLayout& layout = scene_.layout();
    const double offset = scene_.rulerOffset();
    if (offset > 0) {
        // Pinned over scrolled rows: a band of card hiding them, with a rule under it.
        painter->fillRect(rect(), theme.card);
        painter->fillRect(QRectF(rect().left(), rect().bottom() - 1, rect().width(), 1),
                          theme.rule);
    }
    painter->fillRect(layout.axisLine.translated(0, offset), theme.rule);
    if (!scene_.textPainted())
        return;
    for (const SceneText& label : labels()) {
        painter->setFont(label.font);
        painter->setPen(label.color);
        painter->drawText(label.rect, int(label.alignment | Qt::AlignVCenter), label.text);
    }
}

} // namespace coroscope
