#pragma once

// The static parts of the timeline card as graphics items: the card, text, tracks and legend
// swatches. Each keeps its rectangle in scene coordinates.

#include "stepkind.h"

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QString>

namespace coroscope {

enum ItemType {
    kCardItemType = QGraphicsItem::UserType + 1,
    kTextItemType,
    kTrackItemType,
    kSwatchItemType,
    kSegmentItemType,
};

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
    enum class Role { Title, Subtitle, AxisLabel, RowLabel, LegendLabel };
    enum { Type = kTextItemType };
    TextItem(Role role, const QString& text, const QFont& font, const QColor& color,
             Qt::Alignment alignment);
    int type() const override { return Type; }
    Role role() const { return role_; }
    QString text() const { return text_; }
    void setText(const QString& text);
    void setFont(const QFont& font);
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override;

private:
    Role role_;
    QString text_;
    QFont font_;
    QColor color_;
    Qt::Alignment alignment_;
};

class TrackItem final : public RectItem {
public:
    enum { Type = kTrackItemType };
    int type() const override { return Type; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override;
};

class SwatchItem final : public RectItem {
public:
    enum { Type = kSwatchItemType };
    explicit SwatchItem(StepKind kind)
        : kind_(kind) {}
    int type() const override { return Type; }
    StepKind kind() const { return kind_; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override;

protected:
    double overhang() const override;

private:
    StepKind kind_;
};

} // namespace coroscope
