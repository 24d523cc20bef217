#pragma once

// One way to fail: a Result holds either a value or an Error, a sentence that names the place
// and the rule or cause ("s.json: line 4, column 9: ..."). Loading, validation, saving and
// exports all return one; C++20 has no std::expected, so this is a small one of our own.

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace coroscope {

struct Error {
    std::string message;    // UTF-8, one sentence, no trailing newline
    bool cancelled = false; // stopped at the user's asking (see progress.h): nothing to report
    friend bool operator==(const Error&, const Error&) = default;
};

// The one way to build an Error: "place: why".
inline Error fail(std::string_view place, std::string_view why) {
    std::string message;
    message.reserve(place.size() + 2 + why.size());
    message.append(place).append(": ").append(why);
    return {std::move(message)};
}

template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : state_(std::in_place_index<0>, std::move(value)) {}
    Result(Error error)
        : state_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& {
        assert(ok());
        return std::get<0>(state_);
    }
    T& value() & {
        assert(ok());
        return std::get<0>(state_);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(state_));
    }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const Error& error() const {
        assert(!ok());
        return std::get<1>(state_);
    }

private:
    std::variant<T, Error> state_;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : error_(std::move(error))
        , ok_(false) {}

    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const Error& error() const {
        assert(!ok_);
        return error_;
    }

private:
    Error error_;
    bool ok_ = true;
};

// Success for a Result<void>: `return done();`.
inline Result<void> done() {
    return {};
}

} // namespace coroscope
