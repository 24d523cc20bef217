#include "export/timelineimage.h"

#include "bridge/schedulerbridge.h"
#include "timeline/blockingcard.h"
#include "timeline/timelinescene.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace coroscope {

namespace {

// Rows of pixels painted at once: a few megabytes whatever the picture's height.
constexpr int kBandRows = 256;

Result<void> renderBands(std::span<TimelineScene* const> scenes, double scale, bool transparent,
                         int bandRows, const BandSink& take, const Progress& progress = {}) {
    const QSize size = pictureSize(scenes, scale);
    // Opaque pictures drop the alpha channel: a quarter less for the PNG encoder to squeeze.
    QImage band(size.width(), std::min(bandRows, size.height()),
                transparent ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    if (band.isNull())
        return Error{"there is not enough memory for the picture"};
    // The page's colour (or none) is filled here, band by band: it also covers edge pixels
    // the scene only partly covers at fractional scales.
    const QColor background = scenes.front()->backgroundBrush().color();
    std::vector<QBrush> brushes;
    for (TimelineScene* scene : scenes) {
        brushes.push_back(scene->backgroundBrush());
        scene->setBackgroundBrush(Qt::NoBrush);
    }
    const bool stacked = scenes.size() > 1;
    Result<void> result = done();
    for (int top = 0; top < size.height(); top += band.height()) {
        if (!goOn(progress, double(top) / size.height())) {
            result = cancelled();
            break;
        }
        const int rows = std::min(band.height(), size.height() - top);
        band.fill(transparent ? QColor(Qt::transparent) : background);
        {
            QPainter painter(&band);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                                   QPainter::SmoothPixmapTransform);
            int offset = 0; // the first row of the scene's picture
            for (TimelineScene* scene : scenes) {
                const int sceneTop =
                    std::exchange(offset, offset + pictureSize(*scene, scale).height());
                if (sceneTop >= top + band.height() || offset <= top)
                    continue;
                // A scene drawn above or below another stays on its own rows.
                if (stacked)
                    painter.setClipRect(0, sceneTop - top, band.width(), offset - sceneTop);
                // The band's slice of the scene, at exactly `scale` pixels a unit; a scene
                // starting inside the band is moved down by whole rows (its slice as tall as
                // any band's, so the same transform draws it) rather than sliced from above
                // its top: it lands on the same pixels as in one band.
                const int shift = std::max(0, sceneTop - top);
                const QRectF source = scene->sceneRect();
                const QRectF slice(source.left(),
                                   source.top() + std::max(0, top - sceneTop) / scale,
                                   source.width(), band.height() / scale);
                painter.save();
                painter.translate(0, shift);
                scene->render(&painter, QRectF(0, 0, source.width() * scale, band.height()), slice);
                painter.restore();
            }
        }
        result = take(band, rows);
        if (!result)
            break;
    }
    for (std::size_t i = 0; i < scenes.size(); ++i)
        scenes[i]->setBackgroundBrush(brushes[i]);
    if (result)
        (void)goOn(progress, 1);
    return result;
}

std::unique_ptr<TimelineScene> emptyScene(double cardWidth, const style::Theme& theme) {
    auto scene = std::make_unique<TimelineScene>();
    scene->setTheme(theme);
    scene->setCardWidth(cardWidth);
    return scene;
}

} // namespace

QSize pictureSize(const TimelineScene& scene, double scale) {
    const QRectF source = scene.sceneRect();
    return {int(std::ceil(source.width() * scale)), int(std::ceil(source.height() * scale))};
}

// Each scene starts on a whole row of pixels: a band draws it as the whole picture does.
QSize pictureSize(std::span<TimelineScene* const> scenes, double scale) {
    QSize stacked(0, 0);
    for (const TimelineScene* scene : scenes) {
        const QSize size = pictureSize(*scene, scale);
        stacked = {std::max(stacked.width(), size.width()), stacked.height() + size.height()};
    }
    return stacked;
}

Result<void> renderTimelineBands(TimelineScene& scene, double scale, bool transparent,
                                 const BandSink& take, const Progress& progress) {
    TimelineScene* const one = &scene;
    return renderTimelineBands({&one, 1}, scale, transparent, take, progress);
}

Result<void> renderTimelineBands(std::span<TimelineScene* const> scenes, double scale,
                                 bool transparent, const BandSink& take, const Progress& progress) {
    return renderBands(scenes, scale, transparent, kBandRows, take, progress);
}

QImage renderTimeline(TimelineScene& scene, double scale, bool transparent) {
    TimelineScene* const one = &scene;
    return renderTimeline({&one, 1}, scale, transparent);
}

QImage renderTimeline(std::span<TimelineScene* const> scenes, double scale, bool transparent) {
    QImage whole;
    const int height = pictureSize(scenes, scale).height();
    (void)renderBands(scenes, scale, transparent, std::max(1, height),
                      [&](const QImage& band, int) {
                          whole = band;
                          return done();
                      });
    return whole;
}

std::unique_ptr<TimelineScene> timelineAt(const Scenario& scenario, double atMs, double cardWidth,
                                          const style::Theme& theme,
                                          std::shared_ptr<const MeasuredRun> measured) {
    auto scene = emptyScene(cardWidth, theme);
    SchedulerBridge bridge(nullptr, [] { return qint64(0); });
    scene->follow(&bridge);
    // Explained or not is set after the bridge is gone: the explanation must come now.
    bridge.wantExplanation(scene.get(), true);
    bridge.setMeasured(std::move(measured));
    bridge.setScenario(scenario);
    bridge.seek(atMs);
    return scene;
}

Comparison comparisonAt(const Scenario& scenario, double atMs, double cardWidth,
                        const style::Theme& theme, std::shared_ptr<const MeasuredRun> measured) {
    Comparison both{emptyScene(cardWidth, theme), emptyScene(cardWidth, theme)};
    both.async->setFinishCaption(asyncFinishCaption());
    both.blocking->setFinishCaption(blockingFinishCaption());
    SchedulerBridge bridge(nullptr, [] { return qint64(0); });
    both.async->follow(&bridge);
    followBlocking(*both.blocking, bridge, *both.async);
    bridge.wantExplanation(both.async.get(), true); // as in timelineAt
    bridge.setMeasured(std::move(measured));
    bridge.setComparing(true);
    bridge.setScenario(scenario);
    bridge.seek(atMs);
    return both;
}

} // namespace coroscope
