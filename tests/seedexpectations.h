#pragma once

// The seed's schedule as --print-timeline must print it (the design's table).

namespace coroscope::test {

inline constexpr const char* kSeedCsv = "task,kind,start_ms,end_ms\n"
                                        "Task 1,cpu,0,150\n"
                                        "Task 1,io,150,500\n"
                                        "Task 2,cpu,150,250\n"
                                        "Task 2,io,250,370\n"
                                        "Task 3,cpu,250,370\n"
                                        "Task 2,cpu,370,500\n"
                                        "Task 3,http,370,670\n"
                                        "Task 1,cpu,500,600\n"
                                        "Task 2,http,500,800\n";

} // namespace coroscope::test
