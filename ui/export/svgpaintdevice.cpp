#include "export/svgpaintdevice.h"

#include <cmath>
#include <limits>

namespace coroscope {

namespace {

constexpr int kDpi = 96;

} // namespace

SvgPaintDevice::SvgPaintDevice(QIODevice& file, QSizeF size, QByteArrayView title,
                               QByteArrayView description)
    : size_(size)
    , out_(file)
    , engine_(std::make_unique<SvgPaintEngine>(out_)) {
    out_ << R"(<?xml version="1.0" encoding="UTF-8" standalone="no"?>)"
         << "\n<svg width=\"" << size.width() << "\" height=\"" << size.height()
         << "\" viewBox=\"0 0 " << size.width() << ' ' << size.height()
         << R"(" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink")"
         << " version=\"1.1\">\n<title>" << title << "</title>\n<desc>" << description
         << "</desc>\n"
         // QPainter's defaults, where SVG's differ: elements say only what is not these.
         << R"(<g fill="none" stroke="none" fill-rule="evenodd" stroke-linecap="square" )"
         << "stroke-linejoin=\"bevel\">\n";
}

void SvgPaintDevice::addOver(QByteArrayView element) {
    if (!drawingClosed_)
        out_ << "</g>\n"; // the root group of QPainter's defaults
    drawingClosed_ = true;
    out_ << element;
    out_.elementDone();
}

Result<void> SvgPaintDevice::finish() {
    addOver("</svg>\n");
    return out_.finish();
}

int SvgPaintDevice::metric(PaintDeviceMetric metric) const {
    switch (metric) {
    case PdmWidth:
        return int(std::ceil(size_.width()));
    case PdmHeight:
        return int(std::ceil(size_.height()));
    case PdmWidthMM:
        return int(std::lround(size_.width() * 25.4 / kDpi));
    case PdmHeightMM:
        return int(std::lround(size_.height() * 25.4 / kDpi));
    case PdmNumColors:
        return std::numeric_limits<int>::max();
    case PdmDepth:
        return 32;
    case PdmDpiX:
    case PdmDpiY:
    case PdmPhysicalDpiX:
    case PdmPhysicalDpiY:
        return kDpi;
    case PdmDevicePixelRatio:
        return 1;
    case PdmDevicePixelRatioScaled:
        return int(devicePixelRatioFScale());
    }
    return 0;
}

} // namespace coroscope
