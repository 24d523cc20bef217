#pragma once

// Runs the coroscope executable as a user would and collects what it said.

#include <QProcess>
#include <QString>
#include <QStringList>

struct ProcessResult {
    int exitCode = -1;
    QString out;
    QString err;
};

inline ProcessResult runCoroscope(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(COROSCOPE_EXECUTABLE), arguments);
    process.waitForFinished(60'000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}
