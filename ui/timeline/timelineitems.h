#pragma once

// The static parts of the timeline card as graphics items: the card, text and legend swatches. Each
// keeps its rectangle in scene coordinates and paints in its scene's theme.

#include "model/stepkind.h"
#include "timeline/timelinestyle.h"

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QString>

#include <optional>

namespace coroscope {

namespace style {
struct Theme;
}

// The theme of the timeline scene an item is in (the light one in any other scene), read at
// each paint so that a theme change needs only a repaint.
const style::Theme& themeOf(const QGraphicsItem* item);

enum ItemType {
    kCardItemType = QGraphicsItem::UserType + 1,
    kTextItemType,
    kSwatchItemType,
    kLanesItemType,
    kRowLabelsItemType,
    kAxisItemType,
    kQueueChipsItemType,
    kMeasuredItemType,
    kArrowsItemType,
    kSlotLanesItemType,
};

// What of an item is to be painted: the exposed rectangle, within the painter's clip (a
// picture painted in bands clips each band, yet exposes the whole item).
QRectF paintedArea(const QPainter* painter, const QStyleOptionGraphicsItem* option);

// Base for items that fill a rectangle: moving one is a geometry change.
class RectItem : public QGraphicsItem {
public:
    void setRect(const QRectF& rect);
    QRectF rect() const { return rect_; }
    QRectF boundingRect() const override;

protected:
    // How far painting may reach outside the rectangle (shadows).
    virtual double overhang() const { return 0; }

private:
    QRectF rect_;
};

class CardItem final : public RectItem {
public:
    enum { Type = kCardItemType };
    int type() const override { return Type; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override;

protected:
    double overhang() const override;
};

class TextItem final : public RectItem {
public:
    enum class Role { Title, Subtitle, AxisLabel, RowLabel, LegendLabel, Finish };
    enum { Type = kTextItemType };
    TextItem(Role role, const QString& text, const QFont& font, Qt::Alignment alignment);
    int type() const override { return Type; }
    Role role() const { return role_; }
    QString text() const { return text_; }
    // The text as drawn: cut with "…" where the rectangle is too narrow for it.
    QString shownText() const;
    void setText(const QString& text);
    QFont font() const { return font_; }
    void setFont(const QFont& font);
    Qt::Alignment alignment() const { return alignment_; } // within the rectangle's width
    // Its role's colour in the scene's theme.
    QColor color() const;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override;

private:
    Role role_;
    QString text_;
    QFont font_;
    Qt::Alignment alignment_;
};

class SwatchItem final : public RectItem {
public:
    enum { Type = kSwatchItemType };
    // The looks a swatch has besides a kind's.
    enum class Mark { Ready, Measured, Queued };
    // A kind, in its colours, drawn as its segments are (a join as a line).
    SwatchItem(StepKind kind, const style::KindColors& colors,
               KindBehaviour behaviour = KindBehaviour::Waits)
        : kind_(kind)
        , colors_(colors)
        , behaviour_(behaviour) {}
    // A task ready but kept waiting, a segment as measured (see paintMeasuredOutline), or
    // time queued for a slot (hatched in the muted text's colour: every resource's own).
    explicit SwatchItem(Mark mark)
        : mark_(mark) {}
    int type() const override { return Type; }
    std::optional<StepKind> kind() const { return kind_; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override;

protected:
    double overhang() const override;

private:
    std::optional<StepKind> kind_;
    style::KindColors colors_;
    KindBehaviour behaviour_ = KindBehaviour::Waits;
    Mark mark_ = Mark::Ready;
};

} // namespace coroscope
