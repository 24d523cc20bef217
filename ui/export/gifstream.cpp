#include "export/gifstream.h"

#include <QIODevice>

#include <gif_lib.h>

#include <algorithm>
#include <bit>
#include <memory>

namespace coroscope {

namespace {

// giflib's output: the device, checked write by write (a short count fails the file).
int writeToDevice(GifFileType* gif, const GifByteType* bytes, int size) {
    auto* device = static_cast<QIODevice*>(gif->UserData);
    return int(device->write(reinterpret_cast<const char*>(bytes), size));
}

struct ColourMapFree {
    void operator()(ColorMapObject* map) const { GifFreeMapObject(map); }
};

// The palette as giflib's colour map, padded to the power of two GIF needs.
std::unique_ptr<ColorMapObject, ColourMapFree> colourMap(const GifPalette& palette) {
    const auto& colours = palette.colours();
    const int size = int(std::bit_ceil(std::max<std::size_t>(2, colours.size())));
    std::vector<GifColorType> entries(std::size_t(size), GifColorType{0, 0, 0});
    for (std::size_t i = 0; i < colours.size(); ++i)
        entries[i] = {GifByteType(qRed(colours[i])), GifByteType(qGreen(colours[i])),
                      GifByteType(qBlue(colours[i]))};
    return std::unique_ptr<ColorMapObject, ColourMapFree>(GifMakeMapObject(size, entries.data()));
}

// "Loop forever": the Netscape application extension every viewer follows.
bool loopForever(GifFileType* gif) {
    static const GifByteType name[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
    static const GifByteType loopCount[] = {1, 0, 0}; // sub-block 1: repeat 0 = for ever
    return EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) == GIF_OK &&
           EGifPutExtensionBlock(gif, sizeof name, name) == GIF_OK &&
           EGifPutExtensionBlock(gif, sizeof loopCount, loopCount) == GIF_OK &&
           EGifPutExtensionTrailer(gif) == GIF_OK;
}

} // namespace

GifStream::GifStream(QIODevice& device, int width, int height, GifPalette palette)
    : device_(device)
    , width_(width)
    , height_(height)
    , palette_(std::move(palette))
    , line_(std::size_t(width)) {
    gif_ = EGifOpen(&device_, writeToDevice, &openError_);
    if (!gif_)
        return;
    EGifSetGifVersion(gif_, true); // delays and looping are GIF89 extensions
    const auto map = colourMap(palette_);
    if (!map || EGifPutScreenDesc(gif_, width, height, map->BitsPerPixel, 0, map.get()) != GIF_OK ||
        !loopForever(gif_)) {
        openError_ = gif_->Error;
        int ignored = 0;
        EGifCloseFile(gif_, &ignored);
        gif_ = nullptr;
    }
}

GifStream::~GifStream() {
    if (gif_) {
        int ignored = 0;
        EGifCloseFile(gif_, &ignored); // frees it; the file is being abandoned anyway
    }
}

// A write the device refused is reported by the atomic writer with the device's own reason.
Error GifStream::failure() const {
    const char* why = GifErrorString(gif_ ? gif_->Error : openError_);
    return Error{why ? why : "the GIF encoder failed"};
}

Result<void> GifStream::beginFrame(int delayCentiseconds) {
    if (!gif_)
        return failure();
    GraphicsControlBlock control{};
    control.DisposalMode = DISPOSE_DO_NOT;
    control.DelayTime = delayCentiseconds;
    control.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    EGifGCBToExtension(&control, extension);
    if (EGifPutExtension(gif_, GRAPHICS_EXT_FUNC_CODE, sizeof extension, extension) != GIF_OK ||
        EGifPutImageDesc(gif_, 0, 0, width_, height_, false, nullptr) != GIF_OK)
        return failure();
    return done();
}

Result<void> GifStream::addRows(const QImage& band, int rows) {
    if (!gif_)
        return failure();
    for (int y = 0; y < rows; ++y) {
        const auto* pixels = reinterpret_cast<const QRgb*>(band.constScanLine(y));
        // Runs of one colour are most of a card: each run is looked up once.
        QRgb previous = ~pixels[0];
        std::uint8_t index = 0;
        for (int x = 0; x < width_; ++x) {
            if (pixels[x] != previous)
                index = palette_.indexOf(previous = pixels[x]);
            line_[std::size_t(x)] = index;
        }
        if (EGifPutLine(gif_, line_.data(), width_) != GIF_OK)
            return failure();
    }
    return done();
}

Result<void> GifStream::finish() {
    if (!gif_)
        return failure();
    int error = 0;
    const bool closed = EGifCloseFile(gif_, &error) == GIF_OK;
    gif_ = nullptr;
    if (!closed) {
        openError_ = error;
        return failure();
    }
    return done();
}

} // namespace coroscope
