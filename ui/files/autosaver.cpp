#include "files/autosaver.h"

#include "bridge/qtext.h"
#include "files/atomicfile.h"
#include "files/scenariofile.h"

#include <QDir>
#include <QFile>
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
        QLockFile probe(lockFile(folder_, slot));
        if (!probe.tryLock(0))
            continue; // its instance is still running
        Result<Scenario> read = ScenarioFile::read(file);
        if (!read) {
            QFile::remove(
                file); // half a file cannot happen (atomic writes); a damaged one helps nobody
            continue;
        }
        QFile origin(pathFile(file));
        QString originalPath;
        if (origin.open(QIODevice::ReadOnly))
            originalPath = QString::fromUtf8(origin.readAll());
        found.push_back({std::move(read).value(), originalPath, file});
    }
    return found;
}

void Autosaver::forget(const Recovered& recovered) {
    QFile::remove(recovered.slotFile);
    QFile::remove(pathFile(recovered.slotFile));
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
        if (QFile::exists(scenarioFile(folder_, slot)) || !lock->tryLock(0))
            continue;
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
    if (Result<void> origin = writeAtomically(pathFile(slotFile_), pendingPath_.toUtf8()); !origin)
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
