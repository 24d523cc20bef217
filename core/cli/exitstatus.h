#pragma once

// The command line's exit statuses and its file messages, shared by the Qt-free print path
// (cli/plainprint.h) and the full program (app/window/main.cpp), so both say the same.

#include "model/result.h"

namespace coroscope {

enum Exit { kOk = 0, kBadFile = 1, kUsage = 2 };

// "coroscope: <message>" on standard error (control characters shown, not sent); kBadFile.
int fileError(const Error& error);

// Standard output is a file like any other: a full disk or a closed pipe is an error too.
int finishOutput();

} // namespace coroscope
