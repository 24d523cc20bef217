#include "timeline/rowlabelsitem.h"

#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"

#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace coroscope {

namespace {

constexpr double kIndentStep = 12;
constexpr std::uint32_t kIndentedDepths = 8;
constexpr double kTriangleRoom = 14, kTriangle = 8;

} // namespace

double labelIndent(std::uint32_t depth) {
    return kTriangleRoom + kIndentStep * double(std::min(depth, kIndentedDepths));
}

RowLabelsItem::RowLabelsItem(TimelineScene& scene)
    : scene_(scene) {
    setFlag(ItemUsesExtendedStyleOption); // for the exposed rectangle: only rows in view
    setAcceptedMouseButtons(Qt::LeftButton);
}

QPolygonF RowLabelsItem::triangle(int row) const {
    const std::size_t task = scene_.rowTask(row);
    if (!scene_.showsTree() || !scene_.tree().hasChildren(task))
        return {};
    const QRectF label = scene_.layout().rowLabel(row);
    const double x = label.left() + labelIndent(scene_.tree().depth(task)) - kTriangleRoom;
    const QPointF c(x + kTriangle / 2, label.center().y());
    const double h = kTriangle / 2;
    if (scene_.isFolded(task)) // ▸
        return QPolygonF{c + QPointF(-h / 2, -h), c + QPointF(h, 0), c + QPointF(-h / 2, h)};
    return QPolygonF{c + QPointF(-h, -h / 2), c + QPointF(h, -h / 2), c + QPointF(0, h)}; // ▾
}

void RowLabelsItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    const QPointF p = event->scenePos();
    const auto [first, last] = scene_.layout().rowsBetween(p.y(), p.y());
    for (int row = first; row < last; ++row) {
        const std::size_t task = scene_.rowTask(row);
        if (scene_.layout().rowLabel(row).contains(p) && scene_.tree().hasChildren(task) &&
            scene_.showsTree()) {
            scene_.setFolded(task, !scene_.isFolded(task));
            event->accept();
            return;
        }
    }
    event->ignore();
}

std::vector<SceneText> RowLabelsItem::labels(int first, int last) const {
    const TimelineLayout& layout = scene_.layout();
    const QFont font = style::font(layout.rowLabelSize, true);
    const QFontMetricsF metrics(font);
    const QColor color = themeOf(this).rowLabel;
    std::vector<SceneText> labels;
    const bool tree = scene_.showsTree();
    for (int row = first; row < last; ++row) {
        const std::size_t task = scene_.rowTask(row);
        QRectF rect = layout.rowLabel(row);
        if (tree)
            rect.setLeft(
                std::min(rect.right(), rect.left() + labelIndent(scene_.tree().depth(task))));
        labels.push_back(
            {TextItem::Role::RowLabel, rect,
             metrics.elidedText(scene_.taskNames()[qsizetype(task)], Qt::ElideRight, rect.width()),
             font, color, tree ? Qt::AlignLeft : Qt::AlignRight});
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
    const QRectF exposed = paintedArea(painter, option);
    const auto [first, last] = scene_.layout().rowsBetween(exposed.top(), exposed.bottom());
    // The triangles are shapes: drawn whether or not the text is (an SVG writes it apart).
    painter->setPen(Qt::NoPen);
    painter->setBrush(themeOf(this).mutedText);
    for (int row = first; row < last; ++row)
        if (const QPolygonF mark = triangle(row); !mark.isEmpty())
            painter->drawPolygon(mark);
    if (!scene_.textPainted())
        return;
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
