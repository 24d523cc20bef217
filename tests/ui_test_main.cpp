// GoogleTest main for widget tests: a QApplication on the offscreen platform.

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Settings (recent files, window state) and autosaves go to throwaway folders, not the
    // user's.
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir settings;
    QCoreApplication::setOrganizationName(QStringLiteral("coroscope-tests"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
