#include "timeline/queuechipsitem.h"

#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"

#include <QFontMetricsF>
#include <QPainter>

namespace coroscope {

namespace {

constexpr double kChipPadding = 6, kChipGap = 4;

QFont chipFont() {
    return style::font(style::kAxisLabelSize);
}

} // namespace

QueueChipsItem::QueueChipsItem(const TimelineScene& scene)
    : scene_(scene) {}

QStringList QueueChipsItem::shownText() const {
    const QFontMetricsF metrics(chipFont());
    const std::span<const std::size_t> queue = scene_.queueNow();
    QStringList shown{queue.empty() ? QObject::tr("Ready queue: empty")
                                    : QObject::tr("Ready queue:")};
    double x = metrics.horizontalAdvance(shown.front()) + kChipGap;
    for (std::size_t i = 0; i < queue.size(); ++i) {
        const QString name =
            metrics.elidedText(scene_.taskNames()[qsizetype(queue[i])], Qt::ElideRight, 120);
        const double width = metrics.horizontalAdvance(name) + 2 * kChipPadding;
        // Room is kept for the "+N more" that follows when this is not the last.
        const QString more = QObject::tr("+%L1 more").arg(queue.size() - i);
        const double needed =
            i + 1 < queue.size() ? width + kChipGap + metrics.horizontalAdvance(more) : width;
        if (x + needed > rect().width()) {
            shown << more;
            break;
        }
        shown << name;
        x += width + kChipGap;
    }
    return shown;
}

void QueueChipsItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const style::Theme& theme = themeOf(this);
    const QFont font = chipFont();
    const QFontMetricsF metrics(font);
    painter->setFont(font);
    const QStringList shown = shownText();
    const std::size_t queued = scene_.queueNow().size();
    double x = rect().left();
    for (qsizetype i = 0; i < shown.size(); ++i) {
        const double width = metrics.horizontalAdvance(shown[i]);
        // The caption first, then names as chips, then (when not all fit) "+N more" as text.
        const bool truncated = shown.size() != qsizetype(queued) + 1;
        const bool chip = i > 0 && !(truncated && i == shown.size() - 1);
        if (chip) {
            const QRectF box(x, rect().top(), width + 2 * kChipPadding, rect().height());
            QColor fill = theme.mutedText;
            fill.setAlphaF(0.18);
            painter->setPen(Qt::NoPen);
            painter->setBrush(fill);
            painter->drawRoundedRect(box, box.height() / 2, box.height() / 2);
            painter->setPen(theme.title);
            painter->drawText(box, Qt::AlignCenter, shown[i]);
            x += box.width() + kChipGap;
        } else {
            painter->setPen(theme.mutedText);
            painter->drawText(QRectF(x, rect().top(), width + 1, rect().height()),
                              Qt::AlignLeft | Qt::AlignVCenter, shown[i]);
            x += width + kChipGap;
        }
    }
}

} // namespace coroscope
