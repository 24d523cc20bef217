#include "timeline/timelineitems.h"

#include "timeline/pillpainter.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace coroscope {

namespace {

const ShadowSpec kCardShadow{6, 20, {}}; // in the theme's colour

ShadowSpec coloured(ShadowSpec spec, const QColor& color) {
    spec.color = color;
    return spec;
}

} // namespace

const style::Theme& themeOf(const QGraphicsItem* item) {
    if (const auto* scene = qobject_cast<const TimelineScene*>(item->scene()))
        return scene->theme();
    return style::Theme::light();
}

QRectF paintedArea(const QPainter* painter, const QStyleOptionGraphicsItem* option) {
    return painter->hasClipping() ? option->exposedRect & painter->clipBoundingRect()
                                  : option->exposedRect;
}

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
    const style::Theme& theme = themeOf(this);
    paintSoftShadow(painter, rect(), style::kCardRadius, coloured(kCardShadow, theme.cardShadow));
    painter->setPen(QPen(theme.cardBorder, 1));
    painter->setBrush(theme.card);
    // The border's centre line sits half a pixel inside the box, as in CSS.
    const QRectF inner = rect().adjusted(0.5, 0.5, -0.5, -0.5);
    painter->drawRoundedRect(inner, style::kCardRadius - 0.5, style::kCardRadius - 0.5);
}

double CardItem::overhang() const {
    return shadowReach(kCardShadow) + kCardShadow.offsetY;
}

TextItem::TextItem(Role role, const QString& text, const QFont& font, Qt::Alignment alignment)
    : role_(role)
    , text_(text)
    , font_(font)
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

QColor TextItem::color() const {
    const style::Theme& theme = themeOf(this);
    return role_ == Role::Title || role_ == Role::Finish ? theme.title
           : role_ == Role::RowLabel                     ? theme.rowLabel
                                                         : theme.mutedText;
}

void TextItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setFont(font_);
    painter->setPen(color());
    painter->drawText(rect(), int(alignment_ | Qt::AlignVCenter), shownText());
}

QString TextItem::shownText() const {
    return QFontMetricsF(font_).elidedText(text_, Qt::ElideRight, rect().width());
}

void SwatchItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const style::Theme& theme = themeOf(this);
    if (!kind_ && mark_ == Mark::Measured)
        paintMeasuredOutline(painter, rect(), theme);
    else if (!kind_ && mark_ == Mark::Queued)
        paintQueuedPill(painter, rect(), {theme.mutedText, theme.mutedText});
    else if (!kind_)
        paintReadyPill(painter, rect(), theme);
    else if (behaviour_ == KindBehaviour::Join)
        paintJoinLine(painter, rect(), colors_);
    else
        paintKindPill(painter, rect(), colors_, coloured(kSwatchShadow, theme.swatchShadow));
}

double SwatchItem::overhang() const {
    return shadowReach(kSwatchShadow) + kSwatchShadow.offsetY;
}

} // namespace coroscope
