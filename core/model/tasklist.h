#pragma once

// The tasks a spawn or join step names (0-based indices), kept in one pointer so that a step
// stays 16 bytes: a million steps are read once per run, and most name no task at all.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <vector>

namespace coroscope {

class TaskList {
public:
    TaskList() = default;
    TaskList(std::initializer_list<std::uint32_t> tasks) { assign(tasks.begin(), tasks.size()); }
    TaskList(const std::vector<std::uint32_t>& tasks) { assign(tasks.data(), tasks.size()); }
    TaskList(const TaskList& other) { assign(other.data(), other.size()); }
    TaskList(TaskList&&) noexcept = default;
    TaskList& operator=(const TaskList& other) {
        if (this != &other)
            assign(other.data(), other.size());
        return *this;
    }
    TaskList& operator=(TaskList&&) noexcept = default;

    std::size_t size() const { return block_ ? block_[0] : 0; }
    bool empty() const { return size() == 0; }
    const std::uint32_t* data() const { return block_ ? block_.get() + 1 : nullptr; }
    std::uint32_t* data() { return block_ ? block_.get() + 1 : nullptr; }
    const std::uint32_t* begin() const { return data(); }
    const std::uint32_t* end() const { return data() + size(); }
    std::uint32_t* begin() { return data(); }
    std::uint32_t* end() { return data() + size(); }
    std::uint32_t operator[](std::size_t i) const { return data()[i]; }
    std::uint32_t& operator[](std::size_t i) { return data()[i]; }
    std::uint32_t front() const { return data()[0]; }

    // One more task (the list grows by copying: lists are short, a join names at most 1,000).
    void push_back(std::uint32_t task) {
        const std::size_t n = size();
        std::unique_ptr<std::uint32_t[]> grown(new std::uint32_t[n + 2]);
        grown[0] = std::uint32_t(n + 1);
        std::copy(begin(), end(), grown.get() + 1);
        grown[n + 1] = task;
        block_ = std::move(grown);
    }

    friend bool operator==(const TaskList& a, const TaskList& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }

private:
    void assign(const std::uint32_t* tasks, std::size_t n) {
        if (n == 0) {
            block_.reset();
            return;
        }
        block_.reset(new std::uint32_t[n + 1]);
        block_[0] = std::uint32_t(n);
        std::copy(tasks, tasks + n, block_.get() + 1);
    }

    std::unique_ptr<std::uint32_t[]> block_; // size, then the tasks; empty: none
};

} // namespace coroscope
