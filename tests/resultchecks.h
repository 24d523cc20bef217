#pragma once

// GoogleTest checks for core's Result: a failure prints the message it carries.

#include "model/result.h"

#include <gtest/gtest.h>

#include <string>
#include <type_traits>

namespace coroscope::test {

template <typename T>::testing::AssertionResult succeeded(const Result<T>& result) {
    if (result)
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << result.error().message;
}

// True when the result failed; its message goes to *message (a std::string or a QString).
template <typename T, typename Text> bool failedWith(const Result<T>& result, Text* message) {
    if (result)
        return false;
    if constexpr (std::is_same_v<Text, std::string>)
        *message = result.error().message;
    else
        *message = Text::fromStdString(result.error().message);
    return true;
}

} // namespace coroscope::test
