#pragma once

// An SVG drawing that goes to the file as it is painted: a QPainter on this device writes
// each element through SvgPaintEngine at once, a megabyte at a time, so a big run's picture
// never waits in memory whole. The document is sized in pixels (CSS pixels, 96 per inch).

#include "export/svgoutput.h"
#include "export/svgpaintengine.h"
#include "model/result.h"

#include <QByteArrayView>
#include <QPaintDevice>
#include <QSizeF>

#include <memory>

class QIODevice;

namespace coroscope {

class SvgPaintDevice final : public QPaintDevice {
public:
    // The root element and `title` and `description`, XML text already escaped.
    SvgPaintDevice(QIODevice& file, QSizeF size, QByteArrayView title, QByteArrayView description);

    QPaintEngine* paintEngine() const override { return engine_.get(); }

    // Once the painter has ended: an element over the drawing (the text).
    void addOver(QByteArrayView element);
    // The document's end. Fails with the file's errorString() if it refused a write.
    Result<void> finish();

protected:
    int metric(PaintDeviceMetric metric) const override;

private:
    QSizeF size_;
    SvgOutput out_;
    std::unique_ptr<SvgPaintEngine> engine_;
    bool drawingClosed_ = false;
};

} // namespace coroscope
