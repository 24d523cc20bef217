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

// environment: extra variables ("NAME=value") on top of the test's own.
inline ProcessResult runProgram(const QString& program, const QStringList& arguments,
                                const QStringList& environment = {}) {
    QProcess process;
    if (!environment.isEmpty())
        process.setEnvironment(QProcess::systemEnvironment() + environment);
    process.start(program, arguments);
    process.waitForFinished(60'000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

inline ProcessResult runCoroscope(const QStringList& arguments,
                                  const QStringList& environment = {}) {
    return runProgram(QStringLiteral(COROSCOPE_EXECUTABLE), arguments, environment);
}
