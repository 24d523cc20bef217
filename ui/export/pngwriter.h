#pragma once

// A PNG encoder built for speed on big timeline pictures: no per-row filter search and
// zlib's run-length strategy, which suits their long runs of flat colour. libpng through
// QImageWriter spends most of its time choosing filters (measured: 77 % of a 1,000-task
// export).

#include "result.h"

class QIODevice;
class QImage;

namespace coroscope {

// Writes an opaque image as 8-bit RGB and any other as 8-bit RGBA. Fails with the device's
// reason when it refuses the bytes.
Result<void> writePng(QIODevice& device, const QImage& image);

} // namespace coroscope
