#include "export/timelineimage.h"

#include "bridge/schedulerbridge.h"
#include "timeline/timelinescene.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace coroscope {

namespace {

// Rows of pixels painted at once: a few megabytes whatever the picture's height.
constexpr int kBandRows = 256;

Result<void> renderBands(TimelineScene& scene, double scale, bool transparent, int bandRows,
                         const BandSink& take, const Progress& progress = {}) {
    const QRectF source = scene.sceneRect();
    const QSize size = pictureSize(scene, scale);
    // Opaque pictures drop the alpha channel: a quarter less for the PNG encoder to squeeze.
    QImage band(size.width(), std::min(bandRows, size.height()),
                transparent ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    if (band.isNull())
        return Error{"there is not enough memory for the picture"};
    // The page's colour (or none) is filled here, band by band: it also covers edge pixels
    // the scene only partly covers at fractional scales.
    const QBrush background = scene.backgroundBrush();
    scene.setBackgroundBrush(Qt::NoBrush);
    Result<void> result = done();
    for (int top = 0; top < size.height(); top += band.height()) {
        if (!goOn(progress, double(top) / size.height())) {
            result = cancelled();
            break;
        }
        const int rows = std::min(band.height(), size.height() - top);
        band.fill(transparent ? QColor(Qt::transparent) : background.color());
        {
            QPainter painter(&band);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                                   QPainter::SmoothPixmapTransform);
            // The band's slice of the scene, at exactly `scale` pixels a unit.
            const QRectF slice(source.left(), source.top() + top / scale, source.width(),
                               band.height() / scale);
            scene.render(&painter, QRectF(0, 0, source.width() * scale, band.height()), slice);
        }
        result = take(band, rows);
        if (!result)
            break;
    }
    scene.setBackgroundBrush(background);
    if (result)
        (void)goOn(progress, 1);
    return result;
}

} // namespace

QSize pictureSize(const TimelineScene& scene, double scale) {
    const QRectF source = scene.sceneRect();
    return {int(std::ceil(source.width() * scale)), int(std::ceil(source.height() * scale))};
}

Result<void> renderTimelineBands(TimelineScene& scene, double scale, bool transparent,
                                 const BandSink& take, const Progress& progress) {
    return renderBands(scene, scale, transparent, kBandRows, take, progress);
}

QImage renderTimeline(TimelineScene& scene, double scale, bool transparent) {
    QImage whole;
    const int height = pictureSize(scene, scale).height();
    (void)renderBands(scene, scale, transparent, std::max(1, height), [&](const QImage& band, int) {
        whole = band;
        return done();
    });
    return whole;
}

std::unique_ptr<TimelineScene> timelineAt(const Scenario& scenario, double atMs, double cardWidth,
                                          const style::Theme& theme,
                                          std::shared_ptr<const MeasuredRun> measured) {
    auto scene = std::make_unique<TimelineScene>();
    scene->setTheme(theme);
    scene->setCardWidth(cardWidth);
    SchedulerBridge bridge(nullptr, [] { return qint64(0); });
    scene->follow(&bridge);
    bridge.setMeasured(std::move(measured));
    bridge.setScenario(scenario);
    bridge.seek(atMs);
    return scene;
}

} // namespace coroscope
