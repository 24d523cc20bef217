#pragma once

// For a process that is about to fill some known amount of fresh memory and then exit (a plain
// print of a big scenario): the heap grows in one piece of that size, asked for in huge pages,
// and malloc keeps its large blocks there too. On this project's virtual machines the page
// faults of filling the heap 4 KiB at a time were a third of such a print. It is what glibc's
// glibc.malloc.hugetlb=1 tunable does, which only the environment at the process's start can
// set; and, like it, only a request: ordinary pages otherwise.

#include <cstddef>

namespace coroscope {

// bytes: about how much the process will allocate. Nothing below a huge page's worth, nor in a
// build with AddressSanitizer (whose allocator is not malloc's). Call it once, early.
void growHeapInHugePages(std::size_t bytes);

} // namespace coroscope
