#include "files/recentfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace coroscope {

namespace {
const QString kKey = QStringLiteral("recentFiles");
}

RecentFiles::RecentFiles(QObject* parent)
    : QObject(parent) {}

QStringList RecentFiles::files() const {
    return QSettings().value(kKey).toStringList();
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    store(list.mid(0, kMaxFiles));
}

void RecentFiles::remove(const QString& path) {
    QStringList list = files();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    store(list);
}

void RecentFiles::store(const QStringList& list) {
    QSettings().setValue(kKey, list);
}

void RecentFiles::attach(QMenu* menu) {
    connect(menu, &QMenu::aboutToShow, this, [this, menu] {
        menu->clear();
        const QStringList list = files();
        for (int i = 0; i < list.size(); ++i) {
            const QString& path = list[i];
            QAction* action = menu->addAction(
                // "&&": an ampersand in a path is a character, not a mnemonic.
                QStringLiteral("&%1  %2").arg(i + 1).arg(
                    QDir::toNativeSeparators(path).replace('&', QStringLiteral("&&"))),
                this, [this, path] { emit openRequested(path); });
            action->setToolTip(path);
        }
        if (list.isEmpty())
            menu->addAction(tr("No recent files"))->setEnabled(false);
        else {
            menu->addSeparator();
            menu->addAction(tr("Clear the list"), this, [this] { store({}); });
        }
    });
}

} // namespace coroscope
