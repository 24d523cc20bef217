#pragma once

// Keeps unsaved work safe: a few seconds after a change the edited scenario is written
// (atomically) to a slot of the autosave folder, which this running instance holds with a
// lock file. A slot whose lock is free but whose file remains was left by an instance that
// crashed or was killed: the next start offers to restore it.

#include "model/result.h"
#include "model/scenario.h"

#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>

namespace coroscope {

class Autosaver : public QObject {
    Q_OBJECT
public:
    static constexpr int kDelayMs = 3'000;
    static constexpr int kSlots = 16;

    // folder: where slots live (the application data folder's "autosave" by default).
    explicit Autosaver(const QString& folder = {}, QObject* parent = nullptr);
    ~Autosaver() override;

    struct Recovered {
        Scenario scenario; // when damage is empty
        // The file it was edited from, absolute; empty for an unsaved scenario, and when that
        // file is gone or was kept as a relative path (then saving asks where).
        QString originalPath;
        QString slotFile; // to remove once dealt with
        QString damage;   // why the file cannot be read; empty when it can
        // The slot's lock, held while this lives: another window never offers the same work.
        std::shared_ptr<QLockFile> claim;
    };
    // Work left behind by instances that are no longer running, claimed for this one.
    std::vector<Recovered> orphans() const;
    static void forget(const Recovered& recovered);
    // Moves an autosave that cannot be read into the "damaged" folder beside the slots, for
    // the user to look at; returns the file's new path.
    Result<QString> keepAside(const Recovered& recovered) const;

    // Saves after a short delay; changes within it are saved together.
    void schedule(const Scenario& scenario, const QString& originalPath);
    // Writes what is pending now (also on a timer). A failure is also signalled, and so is the
    // next success after one.
    Result<void> saveNow();
    // The work was saved or thrown away on purpose: nothing to restore.
    void discard();

    QString slotFile() const { return slotFile_; }
    QString folder() const { return folder_; }

signals:
    // The work is not being kept safe, and why.
    void saveFailed(const QString& message);
    // After a failure: the work is safe again (written, or saved or dropped on purpose).
    void safeAgain();

private:
    Result<void> claimSlot();
    Result<void> write();

    QString folder_;
    std::unique_ptr<QLockFile> lock_;
    QString slotFile_;
    QTimer timer_;
    std::optional<Scenario> pending_;
    QString pendingPath_;
    bool failing_ = false;
};

} // namespace coroscope
