#pragma once

// A small tmpfs, filled to the last byte on request: what a full disk does to our writes.
// Mounting needs root (CI runs as root); where it is refused, tests skip with the reason.

#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cerrno>
#include <cstring>

#include <sys/mount.h>

class FullDisk {
public:
    FullDisk() {
        const QByteArray where = QFile::encodeName(dir_.path());
        if (::mount("tmpfs", where.constData(), "tmpfs", 0, "size=256k") == 0)
            mounted_ = true;
        else
            reason_ = QStringLiteral("cannot mount a tmpfs to fill (%1); run as root to test a "
                                     "full disk")
                          .arg(QString::fromLocal8Bit(std::strerror(errno)));
    }
    ~FullDisk() {
        if (mounted_)
            ::umount2(QFile::encodeName(dir_.path()).constData(), MNT_DETACH);
    }
    FullDisk(const FullDisk&) = delete;
    FullDisk& operator=(const FullDisk&) = delete;

    bool mounted() const { return mounted_; }
    QString reason() const { return reason_; }
    QString path(const QString& name) const { return dir_.filePath(name); }
    // Takes every byte left.
    void fill() {
        QFile filler(path(QStringLiteral("filler")));
        if (!filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return;
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size()) {
        }
        filler.write(block.left(1)); // the last partial block
    }
    // What the folder holds, besides the filler.
    QStringList files() const {
        QStringList names = QDir(dir_.path()).entryList(QDir::Files | QDir::Hidden);
        names.removeAll(QStringLiteral("filler"));
        return names;
    }

private:
    QTemporaryDir dir_;
    bool mounted_ = false;
    QString reason_;
};
