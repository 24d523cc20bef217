#pragma once

// An animated GIF written with giflib as it is drawn: one palette for every frame, each frame
// taken a band of rows at a time, so that neither the animation nor a frame has to be in
// memory whole. It plays in a loop, as the window's animation does.

#include "export/gifpalette.h"
#include "model/result.h"

#include <QImage>

#include <vector>

class QIODevice;
struct GifFileType;

namespace coroscope {

class GifStream {
public:
    // Frames of width × height pixels (each side at most kMaxSide).
    GifStream(QIODevice& device, int width, int height, GifPalette palette);
    ~GifStream();
    GifStream(const GifStream&) = delete;
    GifStream& operator=(const GifStream&) = delete;

    static constexpr int kMaxSide = 65'535;

    // A new frame, shown for delay hundredths of a second; its rows follow.
    Result<void> beginFrame(int delayCentiseconds);
    // The frame's next `rows` rows, from the top of `band` (as wide as the frame).
    Result<void> addRows(const QImage& band, int rows);
    // After the last frame's last row: the end of the file.
    Result<void> finish();

private:
    // giflib's reason for the last failure.
    Error failure() const;

    QIODevice& device_;
    int width_;
    int height_;
    GifPalette palette_;
    GifFileType* gif_ = nullptr;
    int openError_ = 0;
    std::vector<unsigned char> line_;
};

} // namespace coroscope
