// coroscope, the command line's entry. It links no Qt: the plain print requests
// (cli/plainprint.h), which a script may run thousands of times, are answered here and start
// without loading the GUI libraries. Everything else - the window, the exports, help, version
// and every message - is the full program's (app/full/main.cpp), started in this one's place.

#include "cli/handover.h"
#include "cli/plainprint.h"

using namespace coroscope;

int main(int argc, char* argv[]) {
    if (const auto request = plainPrintRequest(argc, argv))
        if (const auto status = runPlainPrint(*request))
            return *status;
    return handOver(argv, COROSCOPE_FULL_PROGRAM);
}
