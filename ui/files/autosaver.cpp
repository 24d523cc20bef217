#include "files/autosaver.h"

#include "bridge/qtext.h"
#include "files/atomicdevice.h"
#include "files/scenariofile.h"
#include "format/atomicfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <utility>

namespace coroscope {

namespace {

QString scenarioFile(const QString& folder, int slot) {
    return QDir(folder).filePath(QStringLiteral("autosave-%1.json").arg(slot));
}

// The original file's path sits beside the scenario, so the scenario file keeps the
// format every other scenario file has.
QString pathFile(const QString& scenario) {
    return scenario + QStringLiteral(".origin");
}

QString lockFile(const QString& folder, int slot) {
    return QDir(folder).filePath(QStringLiteral("autosave-%1.lock").arg(slot));
}

// The original file as the next start finds it from any folder: canonical (links and ".."
// resolved) while it exists, else absolute from where this instance runs.
QString originText(const QString& originalPath) {
    if (originalPath.isEmpty())
        return {};
    const QFileInfo file(originalPath);
    const QString canonical = file.canonicalFilePath();
    return canonical.isEmpty() ? file.absoluteFilePath() : canonical;
}

// A kept origin that is not absolute (a relative one meant another folder) or names no file
// any more is not the work's file: the work restores as a new scenario, and Save asks where.
QString originToRestore(const QString& kept) {
    return QDir::isAbsolutePath(kept) && QFileInfo(kept).isFile() ? kept : QString();
}

} // namespace

Autosaver::Autosaver(const QString& folder, QObject* parent)
    : QObject(parent)
    , folder_(folder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                     QStringLiteral("/autosave")
                               : folder) {
    timer_.setSingleShot(true);
    timer_.setInterval(kDelayMs);
    connect(&timer_, &QTimer::timeout, this, [this] { (void)saveNow(); }); // failures are signalled
}

Autosaver::~Autosaver() = default;

std::vector<Autosaver::Recovered> Autosaver::orphans() const {
    std::vector<Recovered> found;
    for (int slot = 0; slot < kSlots; ++slot) {
        const QString file = scenarioFile(folder_, slot);
        if (file == slotFile_ || !QFile::exists(file))
            continue;
        auto claim = std::make_shared<QLockFile>(lockFile(folder_, slot));
        if (!claim->tryLock(0))
            continue; // its instance is still running, or another window offers it
        Recovered recovered{{}, {}, file, {}, std::move(claim)};
        QFile origin(pathFile(file));
        if (origin.open(QIODevice::ReadOnly))
            recovered.originalPath = originToRestore(QString::fromUtf8(origin.readAll()));
        Result<Scenario> read = ScenarioFile::read(file);
        if (read)
            recovered.scenario = std::move(read).value();
        else
            recovered.damage = toQString(read.error());
        found.push_back(std::move(recovered));
    }
    return found;
}

void Autosaver::forget(const Recovered& recovered) {
    QFile::remove(recovered.slotFile);
    QFile::remove(pathFile(recovered.slotFile));
}

Result<QString> Autosaver::keepAside(const Recovered& recovered) const {
    const QDir damaged(QDir(folder_).filePath(QStringLiteral("damaged")));
    if (!damaged.mkpath(QStringLiteral(".")))
        return fail(QDir::toNativeSeparators(damaged.path()), tr("the folder cannot be created"));
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString target = damaged.filePath(QFileInfo(recovered.slotFile).completeBaseName() + '-' +
                                            stamp + QStringLiteral(".json"));
    if (!QFile::rename(recovered.slotFile, target))
        return fail(QDir::toNativeSeparators(recovered.slotFile),
                    tr("cannot be moved to %1").arg(QDir::toNativeSeparators(damaged.path())));
    QFile::rename(pathFile(recovered.slotFile), pathFile(target)); // absent for unsaved work
    return target;
}

Result<void> Autosaver::claimSlot() {
    if (lock_)
        return done();
    if (!QDir().mkpath(folder_))
        return fail(QDir::toNativeSeparators(folder_), tr("the folder cannot be created"));
    for (int slot = 0; slot < kSlots; ++slot) {
        auto lock = std::make_unique<QLockFile>(lockFile(folder_, slot));
        lock->setStaleLockTime(0); // a lock whose process is gone is free at once
        // A free slot with a file left in it belongs to someone to restore: keep looking.
        if (QFile::exists(scenarioFile(folder_, slot)))
            continue;
        if (!lock->tryLock(0)) {
            if (lock->error() == QLockFile::LockFailedError)
                continue; // another window's
            return fail(QDir::toNativeSeparators(folder_),
                        tr("no lock file can be written there (is the disk full, or the folder "
                           "read-only?)"));
        }
        lock_ = std::move(lock);
        slotFile_ = scenarioFile(folder_, slot);
        return done();
    }
    return fail(QDir::toNativeSeparators(folder_),
                tr("all %1 autosave slots are taken by other windows or by work left to restore")
                    .arg(kSlots));
}

void Autosaver::schedule(const Scenario& scenario, const QString& originalPath) {
    pending_ = scenario;
    pendingPath_ = originalPath;
    if (!timer_.isActive())
        timer_.start(); // at most one write every few seconds, however fast the edits come
}

Result<void> Autosaver::saveNow() {
    timer_.stop();
    if (!pending_)
        return done();
    Result<void> written = write();
    if (!written) {
        failing_ = true;
        emit saveFailed(toQString(written.error()));
        return written;
    }
    pending_.reset();
    if (std::exchange(failing_, false))
        emit safeAgain();
    return done();
}

Result<void> Autosaver::write() {
    if (Result<void> claimed = claimSlot(); !claimed)
        return claimed;
    if (Result<void> origin = writeFileAtomically(nativePath(pathFile(slotFile_)),
                                                  originText(pendingPath_).toStdString());
        !origin)
        return origin;
    return ScenarioFile::write(*pending_, slotFile_);
}

void Autosaver::discard() {
    timer_.stop();
    pending_.reset();
    if (std::exchange(failing_, false))
        emit safeAgain();
    if (slotFile_.isEmpty())
        return;
    QFile::remove(slotFile_);
    QFile::remove(pathFile(slotFile_));
}

} // namespace coroscope
