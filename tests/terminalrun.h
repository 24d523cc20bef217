#pragma once

// Runs the coroscope executable with its standard output on a pseudo-terminal, as in a terminal
// window, and collects the bytes the terminal received. The terminal is raw (no "\n" to "\r\n"),
// so that what arrives is exactly what the program wrote.

#include <QByteArray>
#include <QStringList>

#include <cerrno>
#include <string>
#include <vector>

#include <pty.h>
#include <spawn.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

extern char** environ;

struct TerminalResult {
    int exitCode = -1; // -1: did not start or did not exit normally
    QByteArray received;
};

inline TerminalResult runCoroscopeOnTerminal(const QStringList& arguments) {
    TerminalResult result;
    termios raw{};
    cfmakeraw(&raw);
    int terminal = -1;
    int program = -1;
    if (::openpty(&terminal, &program, nullptr, &raw, nullptr) != 0)
        return result;
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_adddup2(&files, program, STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&files, program);
    posix_spawn_file_actions_addclose(&files, terminal);
    std::vector<std::string> words{COROSCOPE_EXECUTABLE};
    for (const QString& argument : arguments)
        words.push_back(argument.toStdString());
    std::vector<char*> argv;
    for (std::string& word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const bool started = posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), environ) == 0;
    posix_spawn_file_actions_destroy(&files);
    ::close(program); // the program's end closes with it: then a read fails (EIO)
    char chunk[4096];
    for (;;) {
        const ssize_t n = ::read(terminal, chunk, sizeof chunk);
        if (n > 0)
            result.received.append(chunk, qsizetype(n));
        else if (n == 0 || errno != EINTR)
            break;
    }
    ::close(terminal);
    int status = 0;
    if (started && ::waitpid(pid, &status, 0) == pid && WIFEXITED(status))
        result.exitCode = WEXITSTATUS(status);
    return result;
}
