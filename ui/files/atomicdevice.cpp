#include "files/atomicdevice.h"

#include "format/atomicfile.h"

#include <QFile>
#include <QIODevice>

#include <optional>

namespace coroscope {

namespace {

// Unbuffered: each write reaches AtomicFile::write at once and its failure is kept.
class AtomicDevice final : public QIODevice {
public:
    explicit AtomicDevice(AtomicFile& file)
        : file_(file) {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    const std::optional<Error>& failure() const { return failure_; }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override {
        if (failure_)
            return -1;
        if (Result<void> written = file_.write({data, std::size_t(size)}); !written) {
            failure_ = written.error();
            setErrorString(QString::fromStdString(written.error().message));
            return -1;
        }
        return size;
    }

private:
    AtomicFile& file_;
    std::optional<Error> failure_;
};

} // namespace

std::string nativePath(const QString& path) {
    return QFile::encodeName(path).toStdString();
}

Result<void> writeAtomically(const std::string& path,
                             const std::function<Result<void>(QIODevice& device)>& write) {
    Result<AtomicFile> file = AtomicFile::create(path);
    if (!file)
        return file.error();
    AtomicDevice device(file.value());
    const Result<void> written = write(device);
    if (device.failure()) // the device's own message names the path and the cause
        return *device.failure();
    if (!written && written.error().cancelled)
        return written; // the temporary goes with `file`; there is nothing to explain
    if (!written)
        return AtomicFile::cannotWrite(path, written.error().message);
    return file->commit();
}

} // namespace coroscope
