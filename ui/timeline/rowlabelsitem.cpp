#include "timeline/rowlabelsitem.h"

#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace coroscope {

RowLabelsItem::RowLabelsItem(const TimelineScene& scene)
    : scene_(scene) {
    setFlag(ItemUsesExtendedStyleOption); // for the exposed rectangle: only rows in view
}

std::vector<SceneText> RowLabelsItem::labels(int first, int last) const {
    const TimelineLayout& layout = scene_.layout();
    const QFont font = style::font(layout.rowLabelSize, true);
    const QFontMetricsF metrics(font);
    const QColor color = themeOf(this).rowLabel;
    std::vector<SceneText> labels;
    for (int row = first; row < last; ++row) {
        const QRectF rect = layout.rowLabel(row);
        labels.push_back({TextItem::Role::RowLabel, rect,
                          metrics.elidedText(scene_.taskNames()[row], Qt::ElideRight, rect.width()),
                          font, color, Qt::AlignRight});
    }
    return labels;
}

SceneText RowLabelsItem::loopLabel() const {
    const TimelineLayout& layout = scene_.layout();
    QFont font = style::font(layout.rowLabelSize, true);
    font.setItalic(true); // not a task: the loop that runs them
    const QRectF rect = layout.loopLabel();
    return {TextItem::Role::RowLabel,
            rect,
            QFontMetricsF(font).elidedText(QObject::tr("Event loop"), Qt::ElideRight, rect.width()),
            font,
            themeOf(this).rowLabel,
            Qt::AlignRight};
}

void RowLabelsItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    if (!scene_.textPainted())
        return;
    const QRectF exposed = paintedArea(painter, option);
    const auto [first, last] = scene_.layout().rowsBetween(exposed.top(), exposed.bottom());
    std::vector<SceneText> shown = labels(first, last);
    if (scene_.layout().loopLane && exposed.top() <= scene_.layout().loopLabel().bottom())
        shown.push_back(loopLabel());
    for (const SceneText& label : shown) {
        painter->setFont(label.font);
        painter->setPen(label.color);
        painter->drawText(label.rect, int(label.alignment | Qt::AlignVCenter), label.text);
    }
}

} // namespace coroscope
