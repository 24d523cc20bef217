#pragma once

// Every file Coroscope writes goes through here: the bytes go to a temporary file beside the
// target, which replaces it only once every byte has been written, flushed and synced. On any
// failure the target is untouched and no temporary file is left behind.

#include "result.h"

#include <QString>

#include <functional>

class QIODevice;

namespace coroscope {

// write() puts the bytes into the device and says why it could not; every write it makes is
// also checked here, through the device's error state. Failures read
// "<path>: cannot be written (<why>)".
Result<void> writeAtomically(const QString& path,
                             const std::function<Result<void>(QIODevice& device)>& write);

// The common case: bytes already in memory.
Result<void> writeAtomically(const QString& path, const QByteArray& bytes);

} // namespace coroscope
