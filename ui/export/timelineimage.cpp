#include "export/timelineimage.h"

#include "bridge/schedulerbridge.h"
#include "timeline/timelinescene.h"

#include <QPainter>

#include <cmath>

namespace coroscope {

QImage renderTimeline(TimelineScene& scene, double scale, bool transparent) {
    const QRectF source = scene.sceneRect();
    // Opaque pictures drop the alpha channel: a quarter less for the PNG encoder to squeeze.
    QImage image(int(std::ceil(source.width() * scale)), int(std::ceil(source.height() * scale)),
                 transparent ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    const QBrush background = scene.backgroundBrush();
    // The page's colour under edge pixels the scene only partly covers at fractional scales.
    image.fill(transparent ? QColor(Qt::transparent) : background.color());
    if (transparent)
        scene.setBackgroundBrush(Qt::NoBrush);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                               QPainter::SmoothPixmapTransform);
        scene.render(&painter, QRectF(0, 0, source.width() * scale, source.height() * scale),
                     source);
    }
    scene.setBackgroundBrush(background);
    return image;
}

std::unique_ptr<TimelineScene> timelineAt(const Scenario& scenario, double atMs, double cardWidth,
                                          const style::Theme& theme) {
    auto scene = std::make_unique<TimelineScene>();
    scene->setTheme(theme);
    scene->setCardWidth(cardWidth);
    SchedulerBridge bridge(nullptr, [] { return qint64(0); });
    scene->follow(&bridge);
    bridge.setScenario(scenario);
    bridge.seek(atMs);
    return scene;
}

} // namespace coroscope
