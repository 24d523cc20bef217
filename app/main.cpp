// coroscope, the command line's entry. It links no Qt: the plain print requests
// (cli/plainprint.h), which a script may run thousands of times, are answered here and start
// without loading the GUI libraries, and --record (cli/record.h) starts python3 with the
// recorder. Everything else - the window, the exports, help, version and every message - is
// the full program's (app/full/main.cpp), started in this one's place.

#include "cli/handover.h"
#include "cli/plainprint.h"
#include "cli/record.h"

using namespace coroscope;

int main(int argc, char* argv[]) {
    if (const auto status = runRecord(argc, argv, COROSCOPE_RECORDER))
        return *status;
    if (const auto request = plainPrintRequest(argc, argv))
        if (const auto status = runPlainPrint(*request))
            return *status;
    return handOver(argv, COROSCOPE_FULL_PROGRAM);
}
