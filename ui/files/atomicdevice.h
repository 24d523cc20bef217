#pragma once

// core's AtomicFile for Qt writers: a QIODevice whose every write goes straight to the
// temporary file and is checked, so the SVG, PNG and GIF writers write atomically too.

#include "model/result.h"

#include <QString>

#include <functional>
#include <string>

class QIODevice;

namespace coroscope {

// The bytes the operating system takes for a path typed or chosen in the window.
std::string nativePath(const QString& path);

// write() puts the bytes into the device and says why it could not; a write the device
// refuses fails the whole file. Failures read "<path>: cannot be written (<why>)".
Result<void> writeAtomically(const std::string& path,
                             const std::function<Result<void>(QIODevice& device)>& write);

} // namespace coroscope
