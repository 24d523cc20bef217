#include "timeline/timelineitems.h"

#include "timeline/pillpainter.h"
#include "timeline/timelinestyle.h"

#include <QFontMetricsF>
#include <QPainter>

namespace coroscope {

namespace {

const ShadowSpec kCardShadow{6, 20, QColor(0, 0, 0, int(0.06 * 255))};

} // namespace

void RectItem::setRect(const QRectF& rect) {
    if (rect == rect_)
        return;
    prepareGeometryChange();
    rect_ = rect;
}

QRectF RectItem::boundingRect() const {
    const double m = overhang();
    return rect_.adjusted(-m, -m, m, m);
}

void CardItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    paintSoftShadow(painter, rect(), style::kCardRadius, kCardShadow);
    painter->setPen(QPen(style::kCardBorder, 1));
    painter->setBrush(style::kPage);
    // The border's centre line sits half a pixel inside the box, as in CSS.
    const QRectF inner = rect().adjusted(0.5, 0.5, -0.5, -0.5);
    painter->drawRoundedRect(inner, style::kCardRadius - 0.5, style::kCardRadius - 0.5);
}

double CardItem::overhang() const {
    return shadowReach(kCardShadow) + kCardShadow.offsetY;
}

TextItem::TextItem(Role role, const QString& text, const QFont& font, const QColor& color,
                   Qt::Alignment alignment)
    : role_(role)
    , text_(text)
    , font_(font)
    , color_(color)
    , alignment_(alignment) {
    // Text is the costliest static part to draw; it only changes on relayout.
    setCacheMode(DeviceCoordinateCache);
}

void TextItem::setFont(const QFont& font) {
    if (font == font_)
        return;
    font_ = font;
    update();
}

void TextItem::setText(const QString& text) {
    if (text == text_)
        return;
    text_ = text;
    update();
}

void TextItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setFont(font_);
    painter->setPen(color_);
    const QString shown = QFontMetricsF(font_).elidedText(text_, Qt::ElideRight, rect().width());
    painter->drawText(rect(), int(alignment_ | Qt::AlignVCenter), shown);
}

void TrackItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setPen(Qt::NoPen);
    painter->setBrush(style::kTrack);
    painter->drawRoundedRect(rect(), rect().height() / 2, rect().height() / 2);
}

void SwatchItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    paintKindPill(painter, rect(), kind_, kSwatchShadow);
}

double SwatchItem::overhang() const {
    return shadowReach(kSwatchShadow) + kSwatchShadow.offsetY;
}

} // namespace coroscope
