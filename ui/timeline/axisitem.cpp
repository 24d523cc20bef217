#include "timeline/axisitem.h"

#include "bridge/qtext.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"

#include <QFontMetricsF>
#include <QPainter>

namespace coroscope {

using namespace style;

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
    return labels;
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
