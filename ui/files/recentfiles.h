#pragma once

// The recently opened or saved scenario files, kept in QSettings, newest first.

#include <QObject>
#include <QStringList>

class QMenu;

namespace coroscope {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxFiles = 8;
    explicit RecentFiles(QObject* parent = nullptr);

    QStringList files() const;
    void add(const QString& path);
    void remove(const QString& path);
    // Fills the menu with the files each time it opens; picking one emits openRequested.
    void attach(QMenu* menu);

signals:
    void openRequested(const QString& path);

private:
    void store(const QStringList& files);
};

} // namespace coroscope
