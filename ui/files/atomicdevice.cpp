#include "files/atomicfile.h"

#include "bridge/qtext.h"

#include <QSaveFile>

namespace coroscope {

Result<void> writeAtomically(const QString& path,
                             const std::function<Result<void>(QIODevice& device)>& write) {
    QSaveFile file(path);
    auto cannot = [&](const QString& why) {
        file.cancelWriting();
        return fail(path, QStringLiteral("cannot be written (%1)").arg(why));
    };
    if (!file.open(QIODevice::WriteOnly))
        return cannot(file.errorString());
    if (Result<void> written = write(file); !written)
        return cannot(toQString(written.error()));
    // commit() does not report a failure of the last buffered write (a full disk then
    // "succeeds" with a short file): flush first and check.
    if (file.error() != QFileDevice::NoError || !file.flush())
        return cannot(file.errorString());
    if (!file.commit())
        return cannot(file.errorString());
    return done();
}

Result<void> writeAtomically(const QString& path, const QByteArray& bytes) {
    return writeAtomically(path, [&bytes](QIODevice& device) -> Result<void> {
        if (device.write(bytes) != bytes.size())
            return Error{device.errorString().toStdString()};
        return done();
    });
}

} // namespace coroscope
